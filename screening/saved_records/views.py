"""The pages for keeping a record, opening it again, and looking after it.

/keep/            what keeping a record means, and a button to make a passphrase
/keep/passphrase/ (POST) a new passphrase, shown once; "different words" posts here again
/keep/confirm/    (POST) the person has kept the words: the record is saved (or moved to them)
/kept/            when it was saved, until when it is kept, when it was last opened
/kept/passphrase/ change the passphrase (then /keep/passphrase/ as above)
/kept/delete/     delete it, after a confirmation
/open/            open a saved record with its passphrase

Every change to the answers, entries or police details after that is saved by
``session.SaveKeptRecordMiddleware``: these views only start and end the keeping.
"""

import math

from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from screening.answers import SessionAnswers
from screening.journey import not_started
from screening.saved_records import contents as kept_contents
from screening.saved_records import crypto, limits, passphrases, service
from screening.saved_records.forms import PassphraseForm
from screening.saved_records.session import KeptState


def not_opened() -> str:
    """The one message for every passphrase that opens nothing: it never says whether a record
    exists, or why it did not open."""
    return gettext(
        "We could not open a record with that passphrase. Check the words and try again."
    )


def too_many_attempts(wait_seconds: int) -> str:
    minutes = max(math.ceil(wait_seconds / 60), 1)
    return gettext(
        "There have been too many attempts. Wait %(minutes)s minutes, then try again."
    ) % {"minutes": minutes}


def _too_many(request, template: str, context: dict, wait: int):
    response = render(request, template, {**context, "wait_message": too_many_attempts(wait)})
    response.status_code = 429
    response["Retry-After"] = str(wait)
    return response


@require_http_methods(["GET"])
def keep(request):
    if not SessionAnswers(request.session).started:
        return not_started(request)
    if KeptState(request.session).is_kept:
        return redirect("saved-records:kept")
    return render(request, "saved_records/keep.html")


@require_POST
def make_passphrase(request):
    """Make a passphrase and show it, once. The keys are held in the session until the person
    says they have kept the words; the words themselves are never stored."""
    if not SessionAnswers(request.session).started:
        return not_started(request)
    state = KeptState(request.session)
    wait = limits.opening_allowed(request)
    if wait:
        template = "saved_records/change.html" if state.is_kept else "saved_records/keep.html"
        return _too_many(request, template, {}, wait)
    passphrase = passphrases.new_passphrase()
    state.offer(crypto.derive(passphrase))
    context = {"words": passphrase.split(" "), "changing": state.is_kept}
    return render(request, "saved_records/passphrase.html", context)


@require_POST
def confirm(request):
    state = KeptState(request.session)
    offered = state.take_offered()
    if offered is None or not SessionAnswers(request.session).started:
        return redirect("saved-records:keep")
    old = state.keys()
    if old is None:
        saved = service.keep(keys=offered, contents=kept_contents.from_session(request.session))
    else:
        saved = service.change_passphrase(old=old, new=offered, contents=state.contents())
        if saved is None:  # deleted elsewhere meanwhile: keep it afresh under the new words
            saved = service.keep(keys=offered, contents=state.contents())
    state.remember(offered, saved)
    return redirect("saved-records:kept")


@require_http_methods(["GET"])
def kept(request):
    state = KeptState(request.session)
    if not state.is_kept:
        return redirect("saved-records:keep")
    context = {
        "saved_at": state.saved_at(),
        "expires_on": state.expires_on(),
        "openings": state.openings(),
    }
    return render(request, "saved_records/kept.html", context)


@require_http_methods(["GET"])
def change(request):
    if not KeptState(request.session).is_kept:
        return redirect("saved-records:keep")
    return render(request, "saved_records/change.html")


@require_http_methods(["GET", "POST"])
def delete(request):
    state = KeptState(request.session)
    keys = state.keys()
    if keys is None:
        return redirect("saved-records:keep")
    if request.method == "POST":
        service.delete(keys=keys)
        state.forget()
        return render(request, "saved_records/deleted.html")
    return render(request, "saved_records/delete.html")


@require_http_methods(["GET", "POST"])
def open_saved(request):
    """Open a saved record: its answers and entries replace whatever this visit holds."""
    template = "saved_records/open.html"
    if request.method == "GET":
        return render(request, template, {"form": PassphraseForm()})
    form = PassphraseForm(data=request.POST)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=422)
    wait = limits.opening_allowed(request)
    if wait:
        return _too_many(request, template, {"form": form}, wait)
    try:
        if not form.could_open():
            raise service.NotOpened
        keys = crypto.derive(form.cleaned_data["passphrase"])
        saved = service.open_record(keys=keys)
    except service.NotOpened:
        form.add_error("passphrase", not_opened())
        return render(request, template, {"form": form}, status=422)
    # Like signing in: a new session key, so nobody who knew the old one shares the record.
    request.session.cycle_key()
    kept_contents.into_session(request.session, saved.contents)
    state = KeptState(request.session)
    state.forget()
    state.remember(keys, saved)
    return redirect("saved-records:kept")

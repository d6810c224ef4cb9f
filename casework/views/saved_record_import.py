"""An advocate brings a client's kept record into a case: the client gives the passphrase and
agrees, the answers become a screening in progress and the entries join the incident log.

Attempts are limited like the client's own (``screening.saved_records.limits``), per advocate
as well as per address, and a wrong passphrase gets the same neutral message.
"""

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from casework import audit, once
from casework.access import advocate_required
from casework.incident_log import LogFull
from casework.saved_records import EntriesUnreadable, bring_into_case
from casework.scoping import case_for
from screening.saved_records import crypto, limits, service
from screening.saved_records.forms import ImportForm
from screening.saved_records.views import not_opened, too_many_attempts

TEMPLATE = "casework/saved_record_import.html"


def _where_next(case, screening) -> str:
    if screening is not None:
        return reverse(
            "casework:screening", kwargs={"case_id": case.pk, "screening_id": screening.pk}
        )
    return reverse("casework:incidents", kwargs={"case_id": case.pk})


@advocate_required
@require_http_methods(["GET", "POST"])
def import_saved_record(request, case_id):
    case = case_for(request.user, case_id)
    token = request.POST.get(once.FIELD) or once.new_token()
    form = ImportForm(data=request.POST if request.method == "POST" else None)
    context = {"case": case, "form": form, "token": token}
    if request.method == "GET":
        audit.record(request.user, audit.Action.VIEWED, case, "saved record import")
        return render(request, TEMPLATE, context)
    done = once.already_done(request.user, token)
    if done:
        return redirect(done)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=422)
    wait = limits.opening_allowed(request)
    if wait:
        context["wait_message"] = too_many_attempts(wait)
        response = render(request, TEMPLATE, context, status=429)
        response["Retry-After"] = str(wait)
        return response
    try:
        if not form.could_open():
            raise service.NotOpened
        found = service.read_record(keys=crypto.derive(form.cleaned_data["passphrase"]))
        with transaction.atomic():
            screening = bring_into_case(case=case, contents=found, by=request.user)
            target = _where_next(case, screening)
            once.claim_or_roll_back(request.user, token, target)
    except service.NotOpened:
        form.add_error("passphrase", not_opened())
    except once.Duplicate:
        return redirect(once.already_done(request.user, token))
    except LogFull:
        form.add_error(None, gettext("The incident log would have more than 1000 entries."))
    except EntriesUnreadable:
        form.add_error(None, gettext("Some entries in the record could not be read."))
    else:
        return redirect(target)
    return render(request, TEMPLATE, context, status=422)

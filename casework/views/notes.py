"""A case's notes and contact log: the list, a new entry, and a correction (a new entry that
names the one it corrects). Entries are never changed or deleted."""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from casework import audit, once, services
from casework.access import advocate_required
from casework.forms import NoteForm
from casework.models import CaseNote
from casework.presenters import note_rows
from casework.scoping import case_for


def notes_url(case) -> str:
    return reverse("casework:notes", kwargs={"case_id": case.pk})


@advocate_required
@require_safe
def note_list(request, case_id):
    case = case_for(request.user, case_id)
    audit.record(request.user, audit.Action.VIEWED, case, "notes")
    return render(
        request, "casework/notes.html", {"case": case, "rows": note_rows(case.note_entries.all())}
    )


@advocate_required
@require_http_methods(["GET", "POST"])
def note_form(request, case_id, note_id=None):
    case = case_for(request.user, case_id)
    corrects = None
    if note_id is not None:
        try:
            corrects = case.note_entries.get(pk=note_id)
        except (CaseNote.DoesNotExist, ValueError):
            raise Http404 from None
    token = request.POST.get(once.FIELD) or once.new_token()
    if request.method == "POST":
        done = once.already_done(request.user, token)
        if done:
            return redirect(done)
        form = NoteForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    once.claim_or_roll_back(request.user, token, notes_url(case))
                    services.add_note(
                        case=case,
                        kind=data["kind"],
                        happened_on=data["happened_on"],
                        method=data["method"],
                        safe_to_talk=data["safe_to_talk"],
                        text=data["text"],
                        corrects=corrects,
                        by=request.user,
                    )
            except once.Duplicate:
                return redirect(once.already_done(request.user, token))
            return redirect(notes_url(case))
    else:
        if corrects is not None:
            form = NoteForm(initial=NoteForm.initial_for_correction(corrects))
        else:
            form = NoteForm(initial={"kind": "contact", "happened_on": timezone.localdate()})
        audit.record(request.user, audit.Action.VIEWED, case, "notes")
    return render(
        request,
        "casework/note_form.html",
        {"case": case, "form": form, "token": token, "corrects": corrects},
        status=422 if form.errors else 200,
    )

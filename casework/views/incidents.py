"""A case's incident log: list with the pattern and chart, add, change, delete,
CSV export and all-or-nothing CSV import. The form and the pattern are the public
record's (screening.incidents.forms, screening.incidents.timeline); only storage differs."""

import re
import unicodedata
from dataclasses import replace

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_safe

from casework import audit, services
from casework.access import advocate_required
from casework.incident_log import CaseIncidentLog, LogFull
from casework.presenters import IMPORT_COLUMNS, pattern_context, sign_names, yes_signs
from casework.scoping import case_for
from casework.upload import CsvUploadForm
from screening.incidents import csv_files as incident_csv
from screening.incidents import csv_headings, new_id
from screening.incidents.forms import IncidentForm
from screening.incidents.presenters import entry_view, row_error_text
from screening.web import rate_limits


def keep_links_not_offered(changed, existing, offered) -> object:
    """An edit never drops a link to a warning sign that its form did not offer (a sign not
    answered "Yes" in the screenings the form draws on): those links are kept as they were."""
    shown = {number for number, _wording in offered}
    kept = [number for number in existing.signs if number not in shown]
    if not kept:
        return changed
    return replace(changed, signs=tuple(sorted({*changed.signs, *kept})))


def _log_url(case) -> str:
    return reverse("casework:incidents", kwargs={"case_id": case.pk})


@advocate_required
@require_safe
def incident_list(request, case_id):
    case = case_for(request.user, case_id)
    log = CaseIncidentLog(case)
    audit.record(request.user, audit.Action.VIEWED, case, "incident log")
    names = sign_names(case)
    context = {
        "case": case,
        "entries": [entry_view(incident, sign_names=names) for incident in log],
        **pattern_context(log),
    }
    return render(request, "casework/incidents.html", context)


@advocate_required
@require_http_methods(["GET", "POST"])
def incident_form(request, case_id, entry_id=None):
    case = case_for(request.user, case_id)
    log = CaseIncidentLog(case)
    existing = None
    if entry_id is not None:
        existing = log.get(entry_id)
        if existing is None:
            raise Http404
    offered = yes_signs(case)
    options = {"today": timezone.localdate(), "sign_choices": offered}
    if request.method == "POST":
        form = IncidentForm(data=request.POST, **options)
        if form.is_valid():
            incident = form.incident(incident_id=entry_id or "")
            if existing is not None:
                incident = keep_links_not_offered(incident, existing, offered)
            try:
                if existing is None:
                    services.record_incident(case=case, incident=incident, by=request.user)
                else:
                    services.change_incident(case=case, incident=incident, by=request.user)
            except LogFull:
                form.add_error(None, gettext("The log is full: it has 1000 entries."))
            else:
                if existing is None and request.POST.get("then") == "another":
                    added = reverse("casework:incident-add", kwargs={"case_id": case.pk})
                    return redirect(added + "?added=1")
                return redirect(_log_url(case))
    elif existing is not None:
        form = IncidentForm.for_incident(existing, **options)
    else:
        form = IncidentForm(initial={"entry": new_id()}, **options)
    if request.method == "GET":
        audit.record(request.user, audit.Action.VIEWED, case, "incident log")
    context = {"case": case, "form": form, "changing": existing is not None}
    return render(
        request, "casework/incident_form.html", context, status=422 if form.errors else 200
    )


@advocate_required
@require_http_methods(["GET", "POST"])
def incident_delete(request, case_id, entry_id):
    case = case_for(request.user, case_id)
    log = CaseIncidentLog(case)
    incident = log.get(entry_id)
    if incident is None:
        raise Http404
    if request.method == "POST":
        services.delete_incident(case=case, entry_id=entry_id, by=request.user)
        return redirect(_log_url(case))
    audit.record(request.user, audit.Action.VIEWED, case, "incident log")
    context = {"case": case, "entry": entry_view(incident, sign_names=sign_names(case))}
    return render(request, "casework/incident_delete.html", context)


@advocate_required
@require_safe
def incident_export(request, case_id):
    case = case_for(request.user, case_id)
    text = incident_csv.export(CaseIncidentLog(case).all, headings=csv_headings.in_this_language())
    audit.record(request.user, audit.Action.EXPORTED, case, "incident log CSV")
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    reference = file_name_part(case.client_reference)
    name = f"log-{reference}-{stamp}.csv" if reference else f"log-{stamp}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


FILE_NAME_PART_MAX = 40


def file_name_part(text: str) -> str:
    """``text`` as a safe piece of a file name: ASCII letters and digits joined by single
    dashes (accents dropped, anything else a separator), at most 40 characters. Nothing that
    could end the header, climb a directory or confuse a spreadsheet gets through."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:FILE_NAME_PART_MAX].strip("-")


@advocate_required
@require_http_methods(["GET", "POST"])
@rate_limits.limited("incident-import", account=lambda request: request.user.pk, methods={"POST"})
def incident_import(request, case_id):
    """Import entries from a CSV in the documented columns: all of them, or none."""
    case = case_for(request.user, case_id)
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    if request.method == "GET":
        audit.record(request.user, audit.Action.VIEWED, case, "incident log import")
    row_errors = []
    if request.method == "POST" and form.is_valid():
        result = incident_csv.parse(
            form.cleaned_data["text"],
            today=timezone.localdate(),
            also_named=csv_headings.in_every_language(),
        )
        if result.ok:
            try:
                services.import_incidents(case=case, found=result.incidents, by=request.user)
            except LogFull:
                form.add_error("file", gettext("The log would have more than 1000 entries."))
            else:
                return redirect(_log_url(case))
        else:
            row_errors = [row_error_text(error) for error in result.errors]
            form.add_error(
                "file",
                gettext("Nothing was imported. Correct the rows listed below and try again."),
            )
    context = {"case": case, "form": form, "columns": IMPORT_COLUMNS, "row_errors": row_errors}
    status = 422 if form.errors else 200
    return render(request, "casework/incident_import.html", context, status=status)

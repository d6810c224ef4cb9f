"""A case's incident log: list with the pattern and chart, add, change, delete,
CSV export and all-or-nothing CSV import. The form and the pattern are the public
record's (screening.incident_forms, screening.timeline); only storage differs."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_safe

from casework import audit
from casework.access import advocate_required
from casework.incident_log import CaseIncidentLog, LogFull
from casework.scoping import case_for
from casework.upload import CsvUploadForm
from screening import incident_csv, incident_presenters, questions, rate_limits
from screening.incident_forms import IncidentForm
from screening.incident_presenters import entry_view, row_error_text
from screening.incidents import new_id
from screening.presenters import fill, yes_sign_choices


def latest_answers(case) -> dict:
    latest = case.screenings.order_by("-started_at").first()
    return latest.answers if latest else {}


def sign_choices(case) -> tuple[tuple[int, str], ...]:
    """The warning signs an entry may support: those answered "Yes" in the latest screening,
    in the checklist's wording."""
    return yes_sign_choices(latest_answers(case), name=case.stalker_name, canonical=True)


def sign_names(case) -> dict[int, str]:
    return {
        sign.number: fill(sign.canonical, case.stalker_name) for sign in questions.WARNING_SIGNS
    }


def pattern_context(log: CaseIncidentLog) -> dict:
    # The advocate reads about their client: "they", not "you".
    return incident_presenters.pattern_context(log.all, today=timezone.localdate(), for_others=True)


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
    options = {"today": timezone.localdate(), "sign_choices": sign_choices(case)}
    if request.method == "POST":
        form = IncidentForm(data=request.POST, **options)
        if form.is_valid():
            incident = form.incident(incident_id=entry_id or "")
            try:
                if existing is None:
                    log.add(incident)
                else:
                    log.replace(incident)
            except LogFull:
                form.add_error(None, gettext("The log is full: it has 1000 entries."))
            else:
                audit.record(request.user, audit.Action.CHANGED, case, "incident log")
                return redirect(_log_url(case))
    elif existing is not None:
        form = IncidentForm.for_incident(existing, **options)
    else:
        form = IncidentForm(initial={"entry": new_id()}, **options)
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
        log.delete(entry_id)
        audit.record(request.user, audit.Action.CHANGED, case, "incident log")
        return redirect(_log_url(case))
    context = {"case": case, "entry": entry_view(incident, sign_names=sign_names(case))}
    return render(request, "casework/incident_delete.html", context)


@advocate_required
@require_safe
def incident_export(request, case_id):
    case = case_for(request.user, case_id)
    text = incident_csv.export(CaseIncidentLog(case).all)
    audit.record(request.user, audit.Action.EXPORTED, case, "incident log CSV")
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="log-{stamp}.csv"'
    return response


@advocate_required
@require_http_methods(["GET", "POST"])
@rate_limits.limited("incident-import", account=lambda request: request.user.pk, methods={"POST"})
def incident_import(request, case_id):
    """Import entries from a CSV in the documented columns: all of them, or none."""
    case = case_for(request.user, case_id)
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    row_errors = []
    if request.method == "POST" and form.is_valid():
        result = incident_csv.parse(form.cleaned_data["text"], today=timezone.localdate())
        if result.ok:
            try:
                CaseIncidentLog(case).add_all(result.incidents)
            except LogFull:
                form.add_error("file", gettext("The log would have more than 1000 entries."))
            else:
                audit.record(request.user, audit.Action.CHANGED, case, "incident log import")
                return redirect(_log_url(case))
        else:
            row_errors = [row_error_text(error) for error in result.errors]
            form.add_error(
                "file",
                gettext("Nothing was imported. Correct the rows listed below and try again."),
            )
    context = {"case": case, "form": form, "row_errors": row_errors}
    status = 422 if form.errors else 200
    return render(request, "casework/incident_import.html", context, status=status)

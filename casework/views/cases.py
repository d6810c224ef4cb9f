"""Cases: the list (the page after sign-in), a new case, a case, its details, erasure.

Every case is reached through ``casework.scoping``; every view, change and erasure is
written to the audit log.
"""

from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from casework import audit, once, services
from casework.access import advocate_required
from casework.forms import CaseForm
from casework.incident_log import CaseIncidentLog
from casework.models import Case, Screening
from casework.presenters import case_overview, case_rows, pattern_context
from casework.scoping import case_for, cases_for
from screening.web import erasure


@advocate_required
@require_safe
def case_list(request):
    show_closed = request.GET.get("show") == "closed"
    # The list shows each case's latest completed level: no answers or snapshots need reading.
    screenings = Prefetch(
        "screenings",
        queryset=Screening.objects.defer("answers", "result").prefetch_related("judgements"),
    )
    cases = cases_for(request.user).filter(is_open=not show_closed).prefetch_related(screenings)
    return render(
        request,
        "casework/case_list.html",
        {"rows": case_rows(cases), "show_closed": show_closed},
    )


@advocate_required
@require_http_methods(["GET", "POST"])
def new_case(request):
    token = request.POST.get(once.FIELD) or once.new_token()
    form = CaseForm(request.POST or None)
    if request.method == "POST":
        done = once.already_done(request.user, token)
        if done:
            return redirect(done)
        if form.is_valid():
            try:
                with transaction.atomic():
                    case = Case(organisation=request.user.organisation, created_by=request.user)
                    form.apply_to(case)
                    case.save()
                    once.claim_or_roll_back(request.user, token, case_url(case))
                    audit.record(request.user, audit.Action.CREATED, case)
            except once.Duplicate:
                return redirect(once.already_done(request.user, token))
            return redirect(case_url(case))
    return render(
        request,
        "casework/case_form.html",
        {"form": form, "token": token, "creating": True},
        status=422 if form.errors else 200,
    )


def case_url(case) -> str:
    return reverse("casework:case", kwargs={"case_id": case.pk})


@advocate_required
@require_safe
def case_detail(request, case_id):
    case = case_for(request.user, case_id)
    audit.record(request.user, audit.Action.VIEWED, case)
    log = CaseIncidentLog(case)
    context = {**case_overview(case), "incident_count": len(log), **pattern_context(log)}
    return render(request, "casework/case_detail.html", context)


@advocate_required
@require_http_methods(["GET", "POST"])
def edit_case(request, case_id):
    case = case_for(request.user, case_id)
    if request.method == "POST":
        form = CaseForm(request.POST)
        if form.is_valid():
            form.apply_to(case)
            case.save()
            case.touch()
            audit.record(request.user, audit.Action.CHANGED, case, "details")
            return redirect(case_url(case))
    else:
        form = CaseForm(initial=CaseForm.initial_for(case))
        audit.record(request.user, audit.Action.VIEWED, case, "details")
    return render(
        request,
        "casework/case_form.html",
        {"form": form, "case": case, "creating": False},
        status=422 if form.errors else 200,
    )


@advocate_required
@require_POST
def set_open(request, case_id):
    case = case_for(request.user, case_id)
    case.is_open = request.POST.get("open") == "yes"
    case.save(update_fields=["is_open"])
    case.touch()
    audit.record(request.user, audit.Action.CHANGED, case, "open or closed")
    return redirect(case_url(case))


@advocate_required
@require_http_methods(["GET", "POST"])
def erase_case(request, case_id):
    """Erase a case on the client's request, with everything that belongs to it."""
    case = case_for(request.user, case_id)
    if request.method == "POST":
        services.erase_case(case=case, by=request.user)
        erasure.let_go_of_deleted_rows()
        return redirect(reverse("casework:cases") + "?erased=1")
    audit.record(request.user, audit.Action.VIEWED, case, "erasure")
    return render(request, "casework/case_erase.html", {"case": case})

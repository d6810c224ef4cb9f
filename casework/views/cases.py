"""Cases: the list (the page after sign-in), a new case, a case, its details, erasure.

Every case is reached through ``casework.scoping``; every view, change and erasure is
written to the audit log.
"""

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from casework import audit, caseload, once, services
from casework.access import advocate_required
from casework.forms import CaseForm, HandoverForm
from casework.incident_log import CaseIncidentLog
from casework.models import Case, User
from casework.presenters import (
    case_overview,
    due_for_review,
    last_contact,
    note_rows,
    pattern_context,
)
from casework.scoping import case_for, cases_for, managed_case_for, may_manage
from screening.web import erasure

RECENT_NOTES = 3


CASELOAD_ROWS_SHOWN = 500


@advocate_required
@require_safe
def case_list(request):
    """The caseload: "My cases" or "All cases", searched, filtered and sorted by a GET form."""
    query = caseload.Query.from_params(request.GET)
    rows = caseload.caseload(request.user, query)
    return render(
        request,
        "casework/case_list.html",
        {
            "rows": rows[:CASELOAD_ROWS_SHOWN],
            "more": max(0, len(rows) - CASELOAD_ROWS_SHOWN),
            "query": query,
            "show_closed": query.show == "closed",
            **caseload_choices(),
            "inactive_days": settings.CASE_INACTIVE_DAYS,
        },
    )


def caseload_choices() -> dict:
    return {
        "levels": [
            ("serious", _("Serious warning signs")),
            ("present", _("Warning signs present")),
            ("none_yet", _("No warning signs identified yet")),
            ("not_screened", _("Not screened yet")),
        ],
        "reviews": [
            ("overdue", _("Review overdue")),
            ("due_soon", _("Review due in the next 14 days")),
            ("none", _("No review date")),
        ],
        "task_filters": [("open", _("Has open tasks")), ("overdue", _("Has overdue tasks"))],
        "order_filters": [("expiring", _("Has an order about to expire"))],
        "activity_filters": [("inactive", _("No activity recently (to review)"))],
        "sorts": [
            ("review", _("Review date, soonest first")),
            ("level", _("Level, highest first")),
            ("contact", _("Longest since last contact")),
            ("reference", _("Client reference")),
            ("changed", _("Last changed")),
        ],
    }


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
                    case = Case(
                        organisation=request.user.organisation,
                        created_by=request.user,
                        owner=request.user,
                    )
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
    context = {
        **case_overview(case),
        "incident_count": len(log),
        **pattern_context(log),
        "may_manage": may_manage(request.user, case),
        "handovers": case.handovers.all(),
        "recent_notes": note_rows(case.note_entries.all())[:RECENT_NOTES],
        "last_contact": last_contact(case),
        "review_state": caseload.review_state(case.review_due_on, timezone.localdate()),
        "tasks": case.tasks.select_related("assignee"),
        "inactive_days": settings.CASE_INACTIVE_DAYS,
        "safety_plan_due": due_for_review(case, case.safety_plans.first()),
        "orders_expiring": [
            order
            for order in case.protectiveorders.exclude(expires_on=None)
            if caseload.order_expiring(order.expires_on, timezone.localdate())
        ],
    }
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
    services.set_open(case=case, is_open=request.POST.get("open") == "yes", by=request.user)
    return redirect(case_url(case))


@advocate_required
@require_http_methods(["GET", "POST"])
def erase_case(request, case_id):
    """Erase a case on the client's request, with everything that belongs to it. Only its
    owner or a manager may."""
    case = managed_case_for(request.user, case_id)
    if request.method == "POST":
        services.erase_case(case=case, by=request.user)
        erasure.let_go_of_deleted_rows()
        return redirect(reverse("casework:cases") + "?erased=1")
    audit.record(request.user, audit.Action.VIEWED, case, "erasure")
    return render(request, "casework/case_erase.html", {"case": case})


@advocate_required
@require_http_methods(["GET", "POST"])
def hand_over(request, case_id):
    """The owner hands the case to a colleague, or a manager reassigns it, with a note."""
    case = managed_case_for(request.user, case_id)
    advocates = User.objects.filter(organisation_id=case.organisation_id, is_active=True).exclude(
        pk=case.owner_id
    )
    form = HandoverForm(request.POST or None, advocates=list(advocates))
    if request.method == "POST":
        if form.is_valid():
            services.hand_over(
                case=case,
                to=form.cleaned_data["owner"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
            if case_for_or_none(request.user, case.pk) is None:
                # Restricted, and no longer theirs to see.
                return redirect(reverse("casework:cases") + "?handed_over=1")
            return redirect(case_url(case) + "?handed_over=1")
    else:
        audit.record(request.user, audit.Action.VIEWED, case, "handover")
    return render(
        request,
        "casework/hand_over.html",
        {"case": case, "form": form},
        status=422 if form.errors else 200,
    )


def case_for_or_none(user, case_id) -> Case | None:
    return cases_for(user).filter(pk=case_id).first()


@advocate_required
@require_POST
def set_restricted(request, case_id):
    case = managed_case_for(request.user, case_id)
    services.set_restricted(
        case=case, restricted=request.POST.get("restricted") == "yes", by=request.user
    )
    return redirect(case_url(case))

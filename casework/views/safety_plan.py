"""A case's safety plan: the current version with the earlier ones, a review (which keeps a new
version), an earlier version, and the current one printed for the client in plain words."""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from casework import audit, once, services
from casework.access import advocate_required
from casework.forms import SafetyPlanForm
from casework.models import SafetyPlan
from casework.presenters import due_for_review, section_rows
from casework.scoping import case_for
from screening import contacts


def _plan_url(case) -> str:
    return reverse("casework:safety-plan", kwargs={"case_id": case.pk})


@advocate_required
@require_safe
def safety_plan(request, case_id):
    case = case_for(request.user, case_id)
    versions = list(case.safety_plans.select_related("screening"))
    current = versions[0] if versions else None
    audit.record(request.user, audit.Action.VIEWED, case, "safety plan")
    return render(
        request,
        "casework/safety_plan.html",
        {
            "case": case,
            "plan": current,
            "rows": section_rows(current),
            "earlier": versions[1:],
            "due_for_review": due_for_review(case, current),
        },
    )


@advocate_required
@require_safe
def safety_plan_version(request, case_id, plan_id):
    case = case_for(request.user, case_id)
    try:
        plan = case.safety_plans.select_related("screening").get(pk=plan_id)
    except (SafetyPlan.DoesNotExist, ValueError):
        raise Http404 from None
    audit.record(request.user, audit.Action.VIEWED, case, "safety plan")
    return render(
        request,
        "casework/safety_plan_version.html",
        {"case": case, "plan": plan, "rows": section_rows(plan)},
    )


@advocate_required
@require_http_methods(["GET", "POST"])
def review_safety_plan(request, case_id):
    case = case_for(request.user, case_id)
    current = case.safety_plans.first()
    token = request.POST.get(once.FIELD) or once.new_token()
    if request.method == "POST":
        done = once.already_done(request.user, token)
        if done:
            return redirect(done)
        form = SafetyPlanForm(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    once.claim_or_roll_back(request.user, token, _plan_url(case))
                    services.review_safety_plan(
                        case=case, sections=form.sections(), by=request.user
                    )
            except once.Duplicate:
                return redirect(once.already_done(request.user, token))
            return redirect(_plan_url(case))
    else:
        form = SafetyPlanForm(initial=current.sections if current else None)
        audit.record(request.user, audit.Action.VIEWED, case, "safety plan")
    return render(
        request,
        "casework/safety_plan_form.html",
        {"case": case, "form": form, "token": token, "current": current},
        status=422 if form.errors else 200,
    )


@advocate_required
@require_safe
def print_safety_plan(request, case_id):
    """The current plan for the client to keep, in plain words: their sections, the numbers to
    call, nothing from the case record (no reference, no names)."""
    case = case_for(request.user, case_id)
    plan = case.safety_plans.first()
    if plan is None:
        raise Http404
    audit.record(request.user, audit.Action.EXPORTED, case, "safety plan print")
    return render(
        request,
        "casework/safety_plan_print.html",
        {
            "case": case,
            "plan": plan,
            "rows": [row for row in section_rows(plan, for_client=True) if row[1]],
            "contacts": contacts,
        },
    )

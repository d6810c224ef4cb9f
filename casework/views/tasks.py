"""A case's tasks: add one (what, by when, who), complete it or reopen it; and its next review
date, moved when something changes."""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from casework import audit, once, services
from casework.access import advocate_required
from casework.forms import ReviewDateForm, TaskForm
from casework.models import Task, User
from casework.scoping import case_for


def _case_url(case) -> str:
    return reverse("casework:case", kwargs={"case_id": case.pk}) + "#tasks"


def _advocates(case):
    return list(User.objects.filter(organisation_id=case.organisation_id, is_active=True))


@advocate_required
@require_http_methods(["GET", "POST"])
def task_add(request, case_id):
    case = case_for(request.user, case_id)
    token = request.POST.get(once.FIELD) or once.new_token()
    form = TaskForm(
        request.POST or None, advocates=_advocates(case), initial={"assignee": request.user.pk}
    )
    if request.method == "POST":
        done = once.already_done(request.user, token)
        if done:
            return redirect(done)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    once.claim_or_roll_back(request.user, token, _case_url(case))
                    services.add_task(
                        case=case,
                        title=data["title"],
                        due_on=data["due_on"],
                        assignee=data["assignee"],
                        by=request.user,
                    )
            except once.Duplicate:
                return redirect(once.already_done(request.user, token))
            return redirect(_case_url(case))
    else:
        audit.record(request.user, audit.Action.VIEWED, case, "tasks")
    return render(
        request,
        "casework/task_form.html",
        {"case": case, "form": form, "token": token},
        status=422 if form.errors else 200,
    )


@advocate_required
@require_POST
def task_done(request, case_id, task_id):
    case = case_for(request.user, case_id)
    try:
        task = case.tasks.get(pk=task_id)
    except (Task.DoesNotExist, ValueError):
        raise Http404 from None
    services.set_task_done(task=task, done=request.POST.get("done") == "yes", by=request.user)
    return redirect(_case_url(case))


@advocate_required
@require_http_methods(["GET", "POST"])
def review_date(request, case_id):
    case = case_for(request.user, case_id)
    if request.method == "POST":
        form = ReviewDateForm(request.POST)
        if form.is_valid():
            services.set_review_date(
                case=case, on=form.cleaned_data["review_due_on"], by=request.user
            )
            return redirect(reverse("casework:case", kwargs={"case_id": case.pk}))
    else:
        form = ReviewDateForm(initial={"review_due_on": case.review_due_on})
        audit.record(request.user, audit.Action.VIEWED, case, "review date")
    return render(
        request,
        "casework/review_form.html",
        {"case": case, "form": form},
        status=422 if form.errors else 200,
    )

"""The organisation admin's pages: the organisation's advocates and its audit log.

An admin invites advocates (they set their own password: ``casework.invitations``), stops
and restores their access, and resets a lost authenticator app. Each action is in the audit
log, naming the advocate acted on by id. Stopping access, restoring it and resetting two-factor
all end every session the advocate has, so a restored account starts from a fresh sign-in.

It also shows managers the organisation's report: counts over a period, never personal data.
"""

import csv
import datetime

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework import audit, invitations, reporting
from casework.access import organisation_admin_required
from casework.forms import AdvocateForm, ReportPeriodForm
from casework.models import Invitation, User

AUDIT_PAGE_SIZE = 50


def _advocate(request, user_id) -> User:
    """An advocate of the admin's own organisation, or 404."""
    return get_object_or_404(User, pk=user_id, organisation_id=request.user.organisation_id)


@organisation_admin_required
@require_safe
def advocates(request):
    people = User.objects.filter(organisation_id=request.user.organisation_id)
    enrolled = set(
        TOTPDevice.objects.filter(user__in=people, confirmed=True).values_list("user_id", flat=True)
    )
    joined = set(people.values_list("email", flat=True))
    invited = [
        invitation
        for invitation in Invitation.objects.usable().filter(
            organisation_id=request.user.organisation_id
        )
        if invitation.email not in joined
    ]
    return render(
        request,
        "casework/advocates.html",
        {"people": [(person, person.pk in enrolled) for person in people], "invited": invited},
    )


@organisation_admin_required
@require_http_methods(["GET", "POST"])
def add_advocate(request):
    form = AdvocateForm(request.POST or None, organisation=request.user.organisation)
    if request.method == "POST" and form.is_valid():
        invitation, token = invitations.invite(
            organisation=request.user.organisation,
            by=request.user,
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            is_organisation_admin=form.cleaned_data["is_organisation_admin"],
        )
        link = request.build_absolute_uri(invitations.link_path(token))
        # Shown once, on this page; only a digest of the token is stored.
        return render(
            request, "casework/advocate_added.html", {"invitation": invitation, "link": link}
        )
    return render(
        request, "casework/advocate_form.html", {"form": form}, status=422 if form.errors else 200
    )


@organisation_admin_required
@require_POST
def set_active(request, user_id):
    person = _advocate(request, user_id)
    if person == request.user:
        raise PermissionDenied
    person.is_active = request.POST.get("active") == "yes"
    person.save(update_fields=["is_active"])
    # Stopping ends their sessions; restoring must not bring old ones back either.
    person.end_every_session()
    audit.record_account(
        actor=request.user,
        action=audit.Action.REACTIVATED if person.is_active else audit.Action.DEACTIVATED,
        subject="account",
        advocate=person,
    )
    return redirect("casework:advocates")


@organisation_admin_required
@require_POST
def reset_two_factor(request, user_id):
    """For a lost phone: the advocate is signed out everywhere and enrols a new
    authenticator app at their next sign-in."""
    person = _advocate(request, user_id)
    TOTPDevice.objects.filter(user=person).delete()
    person.end_every_session()
    audit.record_account(
        actor=request.user,
        action=audit.Action.TWO_FACTOR_RESET,
        subject="two-factor",
        advocate=person,
    )
    return redirect("casework:advocates")


@organisation_admin_required
@require_safe
def audit_log(request):
    page = Paginator(audit.for_organisation(request.user.organisation), AUDIT_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    ids = {event.advocate_id for event in page.object_list if event.advocate_id}
    names = dict(
        User.objects.filter(pk__in=ids, organisation_id=request.user.organisation_id).values_list(
            "pk", "full_name"
        )
    )
    events = [(event, names.get(event.advocate_id, "")) for event in page.object_list]
    return render(request, "casework/audit_log.html", {"page": page, "events": events})


def _period_form(request):
    """The period from the address, or the last 12 months when none is given."""
    if "start_0" not in request.GET:
        today = timezone.localdate()
        start = today - datetime.timedelta(days=364)
        return ReportPeriodForm(
            {
                "start_0": start.day,
                "start_1": start.month,
                "start_2": start.year,
                "end_0": today.day,
                "end_1": today.month,
                "end_2": today.year,
            }
        )
    return ReportPeriodForm(request.GET)


@organisation_admin_required
@require_safe
def report(request):
    """Counts over a period for managers and funders; no personal data, no free text."""
    form = _period_form(request)
    found = None
    if form.is_valid():
        found = reporting.report(
            request.user, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
        )
    return render(
        request,
        "casework/report.html",
        {"form": form, "report": found, "query": request.GET.urlencode()},
        status=422 if form.errors else 200,
    )


@organisation_admin_required
@require_safe
def report_csv(request):
    form = _period_form(request)
    if not form.is_valid():
        return redirect(reverse("casework:report") + "?" + request.GET.urlencode())
    found = reporting.report(
        request.user, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    csv.writer(response).writerows(reporting.csv_rows(found))
    response["Content-Disposition"] = (
        f'attachment; filename="report-{found.start.isoformat()}-to-{found.end.isoformat()}.csv"'
    )
    return response

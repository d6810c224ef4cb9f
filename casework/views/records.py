"""The pages for what is kept on a case beside the screenings: "Police and courts" (crime
references, bail conditions, orders, court dates), "People doing it", and one add/change
form for every kind (``casework.case_records``)."""

import logging

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from casework import audit, case_records, once, services
from casework.access import advocate_required
from casework.models import Referral
from casework.referral_summary import summary_context
from casework.scoping import case_for
from screening.downloads import html_in_time, pdf_response

logger = logging.getLogger(__name__)


def _page_url(case, kind) -> str:
    return reverse(f"casework:{kind.page}", kwargs={"case_id": case.pk}) + f"#{kind.slug}"


@advocate_required
@require_safe
def justice(request, case_id):
    case = case_for(request.user, case_id)
    audit.record(request.user, audit.Action.VIEWED, case, "justice")
    return render(
        request,
        "casework/justice.html",
        {
            "case": case,
            "crime_references": case.crimereferences.all(),
            "bail_conditions": case.bailconditions.all(),
            "orders": case.protectiveorders.order_by("-made_on"),
            "court_dates": case.courtdates.all(),
            "today": timezone.localdate(),
        },
    )


@advocate_required
@require_safe
def people(request, case_id):
    case = case_for(request.user, case_id)
    audit.record(request.user, audit.Action.VIEWED, case, "people")
    return render(
        request, "casework/people.html", {"case": case, "people": case.perpetrators.all()}
    )


@advocate_required
@require_safe
def referrals(request, case_id):
    case = case_for(request.user, case_id)
    audit.record(request.user, audit.Action.VIEWED, case, "referrals")
    return render(
        request,
        "casework/referrals.html",
        {"case": case, "referrals": case.referrals.order_by("-recorded_at")},
    )


@advocate_required
@require_http_methods(["GET", "POST"])
def record_form(request, case_id, kind, item_id=None):
    case = case_for(request.user, case_id)
    kind = case_records.kind_for(kind)
    item = case_records.item_for(case, kind, item_id) if item_id else kind.model()
    token = request.POST.get(once.FIELD) or once.new_token()
    if request.method == "POST":
        done = once.already_done(request.user, token)
        if done:
            return redirect(done)
        form = kind.form(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    if item_id is None:
                        once.claim_or_roll_back(request.user, token, _page_url(case, kind))
                    services.save_record(
                        case=case,
                        item=item,
                        apply=form.apply_to,
                        subject=kind.subject,
                        by=request.user,
                    )
            except once.Duplicate:
                return redirect(once.already_done(request.user, token))
            return redirect(_page_url(case, kind))
    else:
        form = kind.form(initial=kind.form.initial_for(item) if item_id else None)
        audit.record(request.user, audit.Action.VIEWED, case, kind.subject)
    return render(
        request,
        "casework/record_form.html",
        {
            "case": case,
            "form": form,
            "token": token,
            "title": kind.changing if item_id else kind.adding,
            "back": reverse(f"casework:{kind.page}", kwargs={"case_id": case.pk}),
        },
        status=422 if form.errors else 200,
    )


@advocate_required
@require_safe
def referral_summary(request, case_id, referral_id):
    """The referral's summary PDF for the service it goes to. A renderer that fails or does not
    finish in time gets the neutral page, and nothing is exported."""
    case = case_for(request.user, case_id)
    try:
        referral = case.referrals.get(pk=referral_id)
    except (Referral.DoesNotExist, ValueError):
        raise Http404 from None
    context = summary_context(referral, by=request.user)
    try:
        document = html_in_time(lambda: render_to_string("pdf/referral.html", context))
    except Exception as error:  # any renderer failure or time-out gets the same neutral page
        logger.error("A referral summary PDF could not be made (%s)", type(error).__name__)
        return render(request, "casework/pdf_failed.html", {"case": case}, status=503)
    audit.record(request.user, audit.Action.EXPORTED, case, "referral pdf")
    return pdf_response(document)

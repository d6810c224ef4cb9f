"""The managers' report: counts over a chosen period (cases by level, repeat screenings,
referrals by route and where they stand, orders obtained), as a page with a chart and as a CSV.
Only managers see it, and no text from any case can reach it."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone

from casework import reporting
from casework.models import (
    BailCondition,
    CaseNote,
    CourtDate,
    CrimeReference,
    Handover,
    Perpetrator,
    ProtectiveOrder,
    Referral,
    SafetyPlan,
    Task,
)
from tests.casework.conftest import make_case, signed_in
from tests.casework.records import completed_screening, url


def period(start: date, end: date) -> dict:
    return {
        "start_0": start.day,
        "start_1": start.month,
        "start_2": start.year,
        "end_0": end.day,
        "end_1": end.month,
        "end_2": end.year,
    }


def last_month():
    today = timezone.localdate()
    return period(today - timedelta(days=30), today)


@pytest.fixture
def manager_client(client, admin_advocate):
    return signed_in(client, admin_advocate)


@pytest.fixture
def a_months_work(organisation, advocate, other_organisation, outsider):
    today = timezone.localdate()
    first = make_case(organisation, advocate, client_reference="R1")
    completed_screening(first, advocate, days_ago=60, yes=(3,))  # before the period
    completed_screening(first, advocate, days_ago=5, yes=(1, 6))  # a repeat, serious
    second = make_case(organisation, advocate, client_reference="R2")
    completed_screening(second, advocate, days_ago=3, yes=(3,))  # first screening, present
    for route, status in (("paladin", "accepted"), ("marac", "sent"), ("paladin", "sent")):
        Referral.objects.create(case=first, route=route, status=status)
    ProtectiveOrder.objects.create(case=first, kind="spo", made_on=today - timedelta(days=2))
    ProtectiveOrder.objects.create(case=second, kind="spo", made_on=today - timedelta(days=400))
    # Another organisation's work is never counted.
    theirs = make_case(other_organisation, outsider)
    completed_screening(theirs, outsider, days_ago=1, yes=(1,))
    Referral.objects.create(case=theirs, route="police", status="sent")


def counts(found) -> dict:
    return {(s.key, line.key): line.count for s in found.sections for line in s.lines}


def test_the_report_counts_the_period(a_months_work, admin_advocate):
    today = timezone.localdate()
    found = counts(reporting.report(admin_advocate, start=today - timedelta(days=30), end=today))
    assert found[("cases", "screened")] == 2
    assert found[("cases", "repeat")] == 1
    assert found[("levels", "serious")] == 1
    assert found[("levels", "present")] == 1
    assert found[("levels", "none_yet")] == 0
    assert found[("routes", "paladin")] == 2
    assert found[("routes", "marac")] == 1
    assert found[("routes", "police")] == 0
    assert found[("outcomes", "accepted")] == 1
    assert found[("outcomes", "sent")] == 2
    assert found[("orders", "spo")] == 1


def test_the_page_shows_the_counts_with_a_chart_and_a_csv(manager_client, a_months_work):
    response = manager_client.get(url("report"), last_month())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Repeat screenings" in body
    assert "Stalking Protection Order" in body
    assert "app-bar--20" in body
    csv_response = manager_client.get(url("report-csv"), last_month())
    assert csv_response["Content-Type"].startswith("text/csv")
    assert csv_response["Content-Disposition"].startswith('attachment; filename="report-')
    rows = list(csv.reader(io.StringIO(csv_response.content.decode())))
    assert rows[0] == ["section", "measure", "count"]
    assert ["routes", "paladin", "2"] in rows


def test_a_bad_period_is_refused_with_a_clear_error(manager_client):
    today = timezone.localdate()
    response = manager_client.get(url("report"), period(today, today - timedelta(days=3)))
    assert response.status_code == 422
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "The end date must be the same as or after the start date" in body


def test_without_a_period_it_shows_the_last_twelve_months(manager_client, a_months_work):
    response = manager_client.get(url("report"))
    assert response.status_code == 200
    assert response.context["report"].end == timezone.localdate()


@pytest.mark.parametrize("page", ["report", "report-csv"])
def test_only_managers_see_the_report(advocate_client, page):
    response = advocate_client.get(url(page), last_month())
    assert response.status_code == 403
    assert "You do not have access to this" in response.content.decode()


SENTINEL = "ZQXREPORTLEAK"


def test_no_text_from_any_case_can_reach_the_report(manager_client, organisation, advocate):
    """Every free-text field of every kind of record holds the sentinel; neither the page nor
    the CSV shows it, and the report itself holds only numbers and the service's labels."""
    today = timezone.localdate()
    case = make_case(
        organisation,
        advocate,
        client_reference=SENTINEL,
        client_name=SENTINEL,
        stalker_name=SENTINEL,
        police_reference=SENTINEL,
        safe_contact={"times_to_avoid": SENTINEL},
    )
    completed_screening(case, advocate, days_ago=1, yes=(1,), details={1: SENTINEL})
    CaseNote.objects.create(
        case=case,
        kind="contact",
        happened_on=today,
        text=SENTINEL,
        method=SENTINEL,
        safe_to_talk=SENTINEL,
        author_name=SENTINEL,
    )
    Task.objects.create(case=case, title=SENTINEL)
    Handover.objects.create(case=case, note=SENTINEL, to_name=SENTINEL)
    CrimeReference.objects.create(case=case, reference=SENTINEL, officer=SENTINEL)
    BailCondition.objects.create(case=case, conditions=SENTINEL)
    ProtectiveOrder.objects.create(case=case, kind="spo", made_on=today, details=SENTINEL)
    CourtDate.objects.create(case=case, on=today, court=SENTINEL, purpose=SENTINEL)
    Perpetrator.objects.create(case=case, name=SENTINEL, vehicles=SENTINEL, addresses=SENTINEL)
    Referral.objects.create(
        case=case,
        route="police",
        recipient=SENTINEL,
        outcome=SENTINEL,
        consent_recorded_by_name=SENTINEL,
    )
    SafetyPlan.objects.create(case=case, sections={"home": SENTINEL})

    page = manager_client.get(url("report"), last_month()).content.decode()
    exported = manager_client.get(url("report-csv"), last_month()).content.decode()
    assert "Stalking Protection Order" in page  # the report is there...
    assert SENTINEL.lower() not in page.lower()  # ...and nothing from the case is
    assert SENTINEL.lower() not in exported.lower()
    found = reporting.report(advocate, start=today - timedelta(days=1), end=today)
    for section in found.sections:
        for line in section.lines:
            assert isinstance(line.count, int)
            assert SENTINEL not in line.label and SENTINEL not in line.key

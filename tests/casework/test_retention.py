"""Cases untouched past the retention period are deleted with everything in them; an
advocate can erase a case on request (docs/safety.md C21)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from casework import invitations
from casework.incident_log import CaseIncidentLog
from casework.models import AuditEvent, Case, CaseIncident, Invitation, Screening, SubmissionToken
from tests.casework.conftest import make_case
from tests.casework.records import completed_screening, started_screening, url
from tests.incident_examples import FULL, visit


def case_with_everything(organisation, advocate, *, days_untouched=0, **fields) -> Case:
    case = make_case(organisation, advocate, **fields)
    completed_screening(case, advocate, days_ago=days_untouched, yes=(3,))
    started_screening(case, advocate)
    CaseIncidentLog(case).add(FULL)
    CaseIncidentLog(case).add(visit(timezone.localdate() - timedelta(days=3)))
    Case.objects.filter(pk=case.pk).update(
        touched_at=timezone.now() - timedelta(days=days_untouched)
    )
    return Case.objects.get(pk=case.pk)


def delete_stale(**options) -> str:
    out = io.StringIO()
    call_command("delete_stale_cases", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def retention(settings):
    settings.CASE_RETENTION_DAYS = 90
    settings.CASE_INACTIVE_DAYS = 30
    return 90


def closed(case, *, days_ago) -> Case:
    when = timezone.now() - timedelta(days=days_ago)
    Case.objects.filter(pk=case.pk).update(is_open=False, closed_at=when, touched_at=when)
    return Case.objects.get(pk=case.pk)


def test_closed_cases_go_with_everything_in_them_after_the_retention_period(
    retention, organisation, advocate
):
    expired = closed(case_with_everything(organisation, advocate), days_ago=retention + 1)
    kept = closed(case_with_everything(organisation, advocate), days_ago=retention - 1)
    output = delete_stale()
    assert "Deleted 1 closed cases, closed more than 90 days ago." in output
    assert not Case.objects.filter(pk=expired.pk).exists()
    assert not Screening.objects.filter(case_id=expired.pk).exists()
    assert not CaseIncident.objects.filter(case_id=expired.pk).exists()
    assert Case.objects.filter(pk=kept.pk).exists()
    assert Screening.objects.filter(case_id=kept.pk).count() == 2
    assert CaseIncident.objects.filter(case_id=kept.pk).count() == 2


def test_an_open_case_is_never_deleted_however_long_it_is_untouched(
    retention, organisation, advocate
):
    untouched = case_with_everything(organisation, advocate, days_untouched=retention * 10)
    output = delete_stale()
    assert Case.objects.filter(pk=untouched.pk).exists()
    assert "1 open cases have had nothing recorded for 30 days or more" in output


def test_an_untouched_open_case_is_flagged_for_review_on_the_caseload(
    retention, advocate_client, organisation, advocate
):
    case_with_everything(organisation, advocate, days_untouched=31, client_reference="QUIET")
    case_with_everything(organisation, advocate, days_untouched=29, client_reference="BUSY")
    page = advocate_client.get(url("cases")).content.decode()
    assert page.count("No activity for 30 days") == 1
    only = advocate_client.get(url("cases"), {"activity": "inactive"}).content.decode()
    assert "QUIET" in only and "BUSY" not in only


def test_deleting_a_closed_case_is_recorded_as_expired(retention, organisation, advocate):
    expired = closed(case_with_everything(organisation, advocate), days_ago=retention + 1)
    delete_stale()
    (event,) = AuditEvent.objects.all()
    assert event.action == AuditEvent.Action.EXPIRED
    assert event.case_id == expired.pk
    assert event.organisation == organisation
    assert event.actor is None
    assert event.subject == "case"


def test_the_period_can_be_given_for_one_run(retention, organisation, advocate):
    case = closed(case_with_everything(organisation, advocate), days_ago=10)
    assert "Deleted 0 closed cases" in delete_stale()
    assert "Deleted 1 closed cases, closed more than 7 days ago" in delete_stale(days=7)
    assert not Case.objects.filter(pk=case.pk).exists()


def test_closing_a_case_starts_its_clock_and_reopening_stops_it(
    retention, advocate_client, organisation, advocate
):
    case = case_with_everything(organisation, advocate)
    advocate_client.post(url("set-open", case_id=case.pk), {"open": "no"})
    case.refresh_from_db()
    assert not case.is_open
    assert case.closed_at is not None
    assert AuditEvent.objects.filter(case_id=case.pk, subject="open or closed").exists()
    advocate_client.post(url("set-open", case_id=case.pk), {"open": "yes"})
    case.refresh_from_db()
    assert case.is_open and case.closed_at is None


def test_a_reopened_case_is_not_deleted(retention, advocate_client, organisation, advocate):
    case = closed(case_with_everything(organisation, advocate), days_ago=retention + 1)
    advocate_client.post(url("set-open", case_id=case.pk), {"open": "yes"})
    delete_stale()
    assert Case.objects.filter(pk=case.pk).exists()


def test_the_default_keeps_closed_cases_six_years():
    from django.conf import settings

    assert settings.CASE_RETENTION_DAYS == 6 * 365


def test_old_submission_tokens_are_cleared(retention, advocate):
    SubmissionToken.objects.create(token="old", user=advocate, redirect_to="/cases/")
    SubmissionToken.objects.filter(token="old").update(
        created_at=timezone.now() - timedelta(days=2)
    )
    SubmissionToken.objects.create(token="new", user=advocate, redirect_to="/cases/")
    delete_stale()
    assert list(SubmissionToken.objects.values_list("token", flat=True)) == ["new"]


def test_erasing_a_case_asks_first(advocate_client, organisation, advocate):
    case = case_with_everything(organisation, advocate)
    response = advocate_client.get(url("erase-case", case_id=case.pk))
    assert response.status_code == 200
    assert Case.objects.filter(pk=case.pk).exists()


def test_erasing_a_case_deletes_everything_that_belongs_to_it(
    advocate_client, organisation, advocate
):
    case = case_with_everything(organisation, advocate)
    other = case_with_everything(organisation, advocate, client_reference="KEEP")
    response = advocate_client.post(url("erase-case", case_id=case.pk))
    assert response.status_code == 302
    assert response.url == url("cases") + "?erased=1"
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Screening.objects.filter(case_id=case.pk).exists()
    assert not CaseIncident.objects.filter(case_id=case.pk).exists()
    assert Case.objects.get(pk=other.pk).client_reference == "KEEP"
    assert Screening.objects.filter(case_id=other.pk).count() == 2
    assert advocate_client.get(url("case", case_id=case.pk)).status_code == 404


def test_invitations_that_can_no_longer_be_used_are_cleared(
    retention, organisation, admin_advocate
):
    def invite(email):
        invitation, _token = invitations.invite(
            organisation=organisation,
            by=admin_advocate,
            email=email,
            full_name="Someone",
            is_organisation_admin=False,
        )
        return invitation

    invite("replaced@north.example")
    invite("replaced@north.example")  # the first one is revoked
    Invitation.objects.filter(pk=invite("expired@north.example").pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    invitations.accept(invitation=invite("joined@north.example"), password="x" * 20)
    delete_stale()
    assert list(Invitation.objects.values_list("email", flat=True)) == ["replaced@north.example"]

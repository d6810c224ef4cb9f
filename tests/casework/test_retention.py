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
    return 90


def test_stale_cases_go_with_their_screenings_and_incidents(retention, organisation, advocate):
    stale = case_with_everything(organisation, advocate, days_untouched=retention + 1)
    recent = case_with_everything(organisation, advocate, days_untouched=retention - 1)
    output = delete_stale()
    assert "Deleted 1 cases untouched for 90 days." in output
    assert not Case.objects.filter(pk=stale.pk).exists()
    assert not Screening.objects.filter(case_id=stale.pk).exists()
    assert not CaseIncident.objects.filter(case_id=stale.pk).exists()
    assert Case.objects.filter(pk=recent.pk).exists()
    assert Screening.objects.filter(case_id=recent.pk).count() == 2
    assert CaseIncident.objects.filter(case_id=recent.pk).count() == 2


def test_deleting_a_stale_case_is_recorded_as_expired(retention, organisation, advocate):
    stale = case_with_everything(organisation, advocate, days_untouched=retention + 1)
    delete_stale()
    (event,) = AuditEvent.objects.all()
    assert event.action == AuditEvent.Action.EXPIRED
    assert event.case_id == stale.pk
    assert event.organisation == organisation
    assert event.actor is None
    assert event.subject == "case"


def test_the_period_can_be_given_for_one_run(retention, organisation, advocate):
    case = case_with_everything(organisation, advocate, days_untouched=10)
    assert "Deleted 0 cases" in delete_stale()
    assert "Deleted 1 cases untouched for 7 days" in delete_stale(days=7)
    assert not Case.objects.filter(pk=case.pk).exists()


def test_viewing_a_case_does_not_keep_it(retention, advocate_client, organisation, advocate):
    case = case_with_everything(organisation, advocate, days_untouched=retention + 1)
    advocate_client.get(url("case", case_id=case.pk))
    delete_stale()
    assert not Case.objects.filter(pk=case.pk).exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("set-open", {"open": "no"}),
        ("edit-case", None),
    ],
)
def test_changing_a_case_restarts_its_clock(
    retention, advocate_client, organisation, advocate, name, data
):
    from tests.casework.records import case_data

    case = case_with_everything(organisation, advocate, days_untouched=retention + 1)
    response = advocate_client.post(url(name, case_id=case.pk), data or case_data())
    assert response.status_code == 302
    delete_stale()
    assert Case.objects.filter(pk=case.pk).exists()


def test_answering_a_screening_restarts_the_clock(
    retention, advocate_client, organisation, advocate
):
    from tests.journey import ABOUT

    case = case_with_everything(organisation, advocate, days_untouched=retention + 1)
    going = case.screenings.get(completed_at__isnull=True)
    advocate_client.post(
        url("screening-question", case_id=case.pk, screening_id=going.pk, slug="about-them"),
        ABOUT,
    )
    delete_stale()
    assert Case.objects.filter(pk=case.pk).exists()


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

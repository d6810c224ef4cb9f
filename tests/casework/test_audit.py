"""Who viewed, changed, exported or erased which case, and when; never a value from
the case (docs/safety.md C19)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from casework.models import AuditEvent
from tests.casework.conftest import make_case, signed_in
from tests.casework.records import (
    case_data,
    completed_screening,
    screening_answers,
    started_screening,
    url,
)
from tests.journey import ABOUT

SECRETS = {
    "client_reference": "QJVREF",
    "client_name": "QJVCLIENT",
    "stalker_name": "QJVSTALKER",
    "police_reference": "QJVPOLICE",
    "times_to_avoid": "QJVTIMES",
}


@pytest.fixture
def secret_case(organisation, advocate):
    return make_case(
        organisation, advocate, **{k: v for k, v in SECRETS.items() if k != "times_to_avoid"}
    )


def only_event(**lookup) -> AuditEvent:
    (event,) = AuditEvent.objects.filter(**lookup)
    return event


def assert_event(case, advocate, action, subject):
    event = only_event(case_id=case.pk, action=action, subject=subject)
    assert event.actor == advocate
    assert event.actor_email == advocate.email
    assert event.organisation_id == case.organisation_id
    assert event.at is not None
    return event


def assert_no_values_in_the_audit_log():
    for event in AuditEvent.objects.all():
        text = " ".join(
            str(getattr(event, field.attname)) for field in AuditEvent._meta.concrete_fields
        )
        text += " " + str(event)
        for secret in SECRETS.values():
            assert secret not in text


def test_creating_a_case(advocate_client, advocate):
    form = advocate_client.get(url("new-case"))
    advocate_client.post(
        url("new-case"), {**case_data(**SECRETS), "submission_token": form.context["token"]}
    )
    event = only_event(action="created")
    assert event.subject == "case"
    assert event.actor == advocate
    assert_no_values_in_the_audit_log()


def test_viewing_a_case(advocate_client, advocate, secret_case):
    advocate_client.get(url("case", case_id=secret_case.pk))
    assert_event(secret_case, advocate, "viewed", "case")
    assert_no_values_in_the_audit_log()


def test_changing_the_details(advocate_client, advocate, secret_case):
    advocate_client.get(url("edit-case", case_id=secret_case.pk))
    assert_event(secret_case, advocate, "viewed", "details")
    response = advocate_client.post(
        url("edit-case", case_id=secret_case.pk),
        case_data(**{**SECRETS, "times_to_avoid": "QJVTIMES 2"}),
    )
    assert response.status_code == 302
    assert_event(secret_case, advocate, "changed", "details")
    assert_no_values_in_the_audit_log()


def test_closing_a_case(advocate_client, advocate, secret_case):
    advocate_client.post(url("set-open", case_id=secret_case.pk), {"open": "no"})
    assert_event(secret_case, advocate, "changed", "open or closed")


def test_starting_and_answering_a_screening(advocate_client, advocate, secret_case):
    start = advocate_client.get(url("start-screening", case_id=secret_case.pk))
    advocate_client.post(
        url("start-screening", case_id=secret_case.pk),
        {"submission_token": start.context["token"]},
    )
    assert_event(secret_case, advocate, "created", "screening")
    screening = secret_case.screenings.get()
    response = advocate_client.post(
        url(
            "screening-question",
            case_id=secret_case.pk,
            screening_id=screening.pk,
            slug="about-them",
        ),
        {**ABOUT, "name": "QJVSTALKER"},
    )
    assert response.status_code == 302
    assert_event(secret_case, advocate, "changed", "screening")
    assert_no_values_in_the_audit_log()


def test_completing_a_screening(advocate_client, advocate, secret_case):
    screening = started_screening(secret_case, advocate)
    screening.answers = screening_answers(yes=(3,), details={3: "QJVNOTES"})
    screening.save()
    response = advocate_client.post(
        url("screening-check", case_id=secret_case.pk, screening_id=screening.pk)
    )
    assert response.status_code == 302
    assert_event(secret_case, advocate, "changed", "screening completed")
    assert_no_values_in_the_audit_log()


def test_professional_judgement(advocate_client, advocate, secret_case):
    screening = completed_screening(secret_case, advocate, yes=(3,))
    advocate_client.post(
        url("screening-judgement", case_id=secret_case.pk, screening_id=screening.pk),
        {"level": "serious", "reason": "QJVNOTES"},
    )
    assert_event(secret_case, advocate, "changed", "professional judgement")
    assert_no_values_in_the_audit_log()


def test_viewing_a_result(advocate_client, advocate, secret_case):
    screening = completed_screening(secret_case, advocate, yes=(3,))
    advocate_client.get(url("screening", case_id=secret_case.pk, screening_id=screening.pk))
    assert_event(secret_case, advocate, "viewed", "screening")


def test_exporting_the_pdf(advocate_client, advocate, secret_case):
    screening = completed_screening(secret_case, advocate, yes=(3,))
    response = advocate_client.get(
        url("screening-pdf", case_id=secret_case.pk, screening_id=screening.pk)
    )
    assert response.status_code == 200
    assert_event(secret_case, advocate, "exported", "pdf")
    assert_no_values_in_the_audit_log()


def test_erasing_a_case_outlives_the_case(advocate_client, advocate, secret_case):
    advocate_client.post(url("erase-case", case_id=secret_case.pk))
    event = assert_event(secret_case, advocate, "erased", "case")
    assert str(event).endswith(str(secret_case.pk))
    assert_no_values_in_the_audit_log()


def test_failed_attempts_from_another_organisation_are_not_recorded_against_the_case(
    client, outsider, secret_case
):
    signed_in(client, outsider)
    client.get(url("case", case_id=secret_case.pk))
    assert not AuditEvent.objects.exists()


def test_the_audit_log_lists_events_for_the_organisation_admin(
    client, advocate, admin_advocate, secret_case
):
    signed_in(client, advocate)
    client.get(url("case", case_id=secret_case.pk))
    client.post(url("set-open", case_id=secret_case.pk), {"open": "no"})
    assert client.get(url("audit-log")).status_code == 403
    signed_in(client, admin_advocate)
    response = client.get(url("audit-log"))
    assert response.status_code == 200
    content = response.content.decode()
    assert advocate.email in content
    assert str(secret_case.pk) in content
    assert "Viewed: case" in content
    assert "Changed: open or closed" in content
    for secret in SECRETS.values():
        assert secret not in content


def test_the_audit_log_names_the_service_for_deletions_after_the_retention_period(
    client, admin_advocate, secret_case
):
    secret_case.is_open = False
    secret_case.closed_at = secret_case.touched_at.replace(year=2000)
    secret_case.save()
    call_command("delete_stale_cases", stdout=io.StringIO())
    signed_in(client, admin_advocate)
    content = client.get(reverse("casework:audit-log")).content.decode()
    assert "The service" in content
    assert "Deleted after the retention period" in content


def test_the_audit_log_is_paged(client, admin_advocate, secret_case):
    AuditEvent.objects.bulk_create(
        AuditEvent(
            organisation=secret_case.organisation,
            action="viewed",
            case_id=secret_case.pk,
            subject="case",
        )
        for _ in range(60)
    )
    signed_in(client, admin_advocate)
    response = client.get(url("audit-log"))
    assert len(response.context["page"].object_list) == 50
    assert "Older events" in response.content.decode()
    assert client.get(url("audit-log"), {"page": "2"}).status_code == 200
    assert client.get(url("audit-log"), {"page": "nonsense"}).status_code == 200

"""Referrals on: police, Paladin, the National Stalking Helpline, a local stalking service,
MARAC; each with the client's consent (when, and who recorded it), date sent, recipient,
status and outcome."""

from datetime import date

import pytest

from casework.models import AuditEvent, Referral
from tests.casework.conftest import make_advocate, signed_in
from tests.casework.records import url


def referral_data(**overrides) -> dict:
    data = {
        "route": "paladin",
        "consent": "yes",
        "consent_on_0": "2",
        "consent_on_1": "11",
        "consent_on_2": "2026",
        "sent_on_0": "3",
        "sent_on_1": "11",
        "sent_on_2": "2026",
        "recipient": "Paladin referrals team",
        "status": "sent",
        "outcome": "",
    }
    data.update(overrides)
    return data


def add(client, case, **overrides):
    return client.post(
        url("record-add", case_id=case.pk, kind="referral"), referral_data(**overrides)
    )


@pytest.mark.parametrize("route", ["police", "paladin", "helpline", "local", "marac"])
def test_a_referral_is_kept_with_consent_and_who_recorded_it(
    advocate_client, case, advocate, route
):
    assert add(advocate_client, case, route=route).status_code == 302
    referral = Referral.objects.get(case=case)
    assert referral.route == route
    assert referral.consent == "yes"
    assert referral.consent_on == date(2026, 11, 2)
    assert referral.consent_recorded_by == advocate
    assert referral.consent_recorded_by_name == advocate.full_name
    assert referral.sent_on == date(2026, 11, 3)
    assert referral.recipient == "Paladin referrals team"
    assert referral.status == "sent"
    assert AuditEvent.objects.filter(case_id=case.pk, action="created", subject="referral").exists()
    page = advocate_client.get(url("referrals", case_id=case.pk)).content.decode()
    assert "Paladin referrals team" in page
    assert f"recorded by {advocate.full_name}" in page
    assert AuditEvent.objects.filter(case_id=case.pk, action="viewed", subject="referrals").exists()


def test_the_outcome_is_recorded_later_and_consent_keeps_who_recorded_it(
    advocate_client, client, case, advocate, organisation
):
    add(advocate_client, case)
    referral = Referral.objects.get()
    colleague = make_advocate(organisation, "ash@north.example")
    signed_in(client, colleague)
    response = client.post(
        url("record-change", case_id=case.pk, kind="referral", item_id=referral.pk),
        referral_data(status="accepted", outcome="Allocated to an ISAC"),
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == ("accepted", "Allocated to an ISAC")
    # Consent did not change, so it is still the one the first advocate recorded.
    assert referral.consent_recorded_by == advocate
    assert referral.recorded_by == advocate


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"route": ""}, "Select where the referral is to"),
        ({"consent": ""}, "Select whether the client agreed to this referral"),
        (
            {"consent_on_0": "", "consent_on_1": "", "consent_on_2": ""},
            "Enter the date the client said so",
        ),
        (
            {"sent_on_0": "", "sent_on_1": "", "sent_on_2": ""},
            "Enter the date the referral was sent",
        ),
        ({"status": "lost"}, "Select where the referral stands"),
    ],
)
def test_a_bad_referral_is_refused_with_a_clear_error_keeping_what_was_typed(
    advocate_client, case, changes, message
):
    response = add(advocate_client, case, **changes)
    assert response.status_code == 422
    body = response.content.decode()
    assert message in body
    assert "Paladin referrals team" in body
    assert not Referral.objects.exists()


def test_a_referral_not_sent_yet_needs_no_date_sent(advocate_client, case):
    response = add(
        advocate_client,
        case,
        status="not_sent",
        sent_on_0="",
        sent_on_1="",
        sent_on_2="",
        consent="not_asked",
        consent_on_0="",
        consent_on_1="",
        consent_on_2="",
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.consent_on is None and referral.consent_recorded_by is None

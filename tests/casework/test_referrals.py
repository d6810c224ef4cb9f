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


# --- The referral summary PDF --------------------------------------------------------------------


def pdf_text(response) -> str:
    import io

    from pypdf import PdfReader

    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.attachments == {}
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.mark.parametrize(
    ("route", "needs"),
    [
        ("paladin", "Paladin takes referrals for high-risk cases"),
        ("marac", "complete the DASH risk checklist as well"),
        ("police", "For the police"),
        ("helpline", "For the National Stalking Helpline"),
        ("local", "For the local stalking service"),
    ],
)
def test_each_route_has_a_summary_with_the_checklist_consent_and_safe_contact(
    advocate_client, case, advocate, route, needs
):
    from casework.models import AuditEvent as Event
    from tests.casework.records import completed_screening

    completed_screening(case, advocate, days_ago=2, yes=(1, 6))
    add(advocate_client, case, route=route)
    referral = Referral.objects.get()
    response = advocate_client.get(url("referral-pdf", case_id=case.pk, referral_id=referral.pk))
    assert response["Content-Disposition"].startswith('attachment; filename="summary-')
    text = pdf_text(response)
    assert needs in text
    assert "Yes, the client agreed, on 2 November 2026, recorded by" in text
    assert "Is it safe to call? Yes" in text
    assert "Are you very frightened" not in text  # the checklist's own wording, not the person's
    assert "Serious warning signs" in text
    assert Event.objects.filter(case_id=case.pk, action="exported", subject="referral pdf").exists()


def test_a_referral_of_another_case_has_no_summary_here(
    advocate_client, case, organisation, advocate
):
    from tests.casework.conftest import make_case

    other = make_case(organisation, advocate, client_reference="OTHER")
    theirs = Referral.objects.create(case=other, route="police")
    response = advocate_client.get(url("referral-pdf", case_id=case.pk, referral_id=theirs.pk))
    assert response.status_code == 404


def test_a_renderer_failure_gets_the_neutral_page_and_nothing_is_exported(
    advocate_client, case, monkeypatch
):
    from casework.models import AuditEvent as Event
    from screening import downloads
    from tests import pdf_jobs

    add(advocate_client, case)
    referral = Referral.objects.get()
    monkeypatch.setattr(downloads, "RENDER", pdf_jobs.broken)
    response = advocate_client.get(url("referral-pdf", case_id=case.pk, referral_id=referral.pk))
    assert response.status_code == 503
    assert "The summary could not be made" in response.content.decode()
    assert not Event.objects.filter(action="exported").exists()


def test_markup_anywhere_in_the_case_is_printed_as_text_and_fetches_nothing(
    advocate_client, organisation, advocate
):
    from casework.models import CrimeReference, Perpetrator
    from tests.casework.conftest import make_case
    from tests.test_pdf import PAYLOADS

    case = make_case(
        organisation,
        advocate,
        client_reference=PAYLOADS[0][:50],
        client_name=PAYLOADS[1],
        stalker_name=PAYLOADS[2],
        safe_contact={"phone": PAYLOADS[3], "times_to_avoid": "<b>Evenings</b>"},
    )
    CrimeReference.objects.create(case=case, reference=PAYLOADS[4][:50], officer=PAYLOADS[0])
    Perpetrator.objects.create(case=case, name=PAYLOADS[1], vehicles=PAYLOADS[2])
    referral = Referral.objects.create(
        case=case, route="police", recipient=PAYLOADS[3], consent_recorded_by_name=PAYLOADS[4]
    )
    response = advocate_client.get(url("referral-pdf", case_id=case.pk, referral_id=referral.pk))
    text = pdf_text(response)
    assert "<b>Evenings</b>" in text
    assert b"root:x:0:0" not in response.content

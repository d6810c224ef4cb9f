"""An advocate brings a client's kept record into a case, with the passphrase and consent."""

from datetime import date

import pytest
from django.urls import reverse

from casework.incident_log import CaseIncidentLog
from casework.models import AuditEvent, Screening
from screening.incidents import to_primitives
from screening.saved_records import crypto, service
from screening.saved_records.models import KeptRecord
from tests.casework.conftest import make_case, signed_in
from tests.incident_examples import FULL
from tests.saved_records.records import contents

PASSPHRASE = "abacus abdomen abdominal abide abiding ability"
NOT_OPENED = "We could not open a record with that passphrase. Check the words and try again."


@pytest.fixture
def kept(db):
    service.keep(keys=crypto.derive(PASSPHRASE), contents=contents())
    return KeptRecord.objects.values().get()


def url(case):
    return reverse("casework:import-saved-record", kwargs={"case_id": case.pk})


def bring_in(client, case, passphrase=PASSPHRASE, consent=True, token="t-1"):  # noqa: S107
    data = {"passphrase": passphrase, "submission_token": token}
    if consent:
        data["consent"] = "on"
    return client.post(url(case), data)


def test_the_case_page_links_to_bringing_in_a_kept_record(advocate_client, case):
    html = advocate_client.get(reverse("casework:case", kwargs={"case_id": case.pk})).content
    assert url(case).encode() in html


def test_answers_become_a_screening_in_progress_and_entries_join_the_log(
    advocate_client, case, advocate, kept
):
    response = bring_in(advocate_client, case)
    screening = Screening.objects.get(case=case)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "casework:screening", kwargs={"case_id": case.pk, "screening_id": screening.pk}
    )
    assert not screening.is_complete
    assert screening.conducted_by == advocate
    assert screening.answers["about-them"]["name"] == "Alex"
    log = CaseIncidentLog(case)
    assert [i.occurred_on for i in log] == [date(2026, 10, 3), date(2026, 10, 10)]
    brought = log.get(FULL.id)
    assert to_primitives(brought) == to_primitives(FULL)
    assert brought.evidence == "Doorbell video, on my laptop"


def test_bringing_in_is_audited_with_the_consent_and_no_values(advocate_client, case, kept):
    bring_in(advocate_client, case)
    event = AuditEvent.objects.get(subject__startswith="saved record")
    assert event.subject == "saved record, with client consent"
    assert event.case_id == case.pk


def test_the_clients_kept_record_is_left_exactly_as_it_was(advocate_client, case, kept):
    bring_in(advocate_client, case)
    assert KeptRecord.objects.values().get() == kept
    assert service.open_record(keys=crypto.derive(PASSPHRASE)).contents.opened != ()


def test_without_consent_nothing_is_brought_in(advocate_client, case, kept):
    response = bring_in(advocate_client, case, consent=False)
    assert response.status_code == 422
    assert "Confirm the client agrees before you import" in response.content.decode()
    assert not Screening.objects.exists()


def test_a_wrong_passphrase_gets_the_neutral_message(advocate_client, case, kept):
    response = bring_in(advocate_client, case, passphrase="zebra zeppelin zero zestfully zesty x")
    assert response.status_code == 422
    assert NOT_OPENED in response.content.decode()
    assert not Screening.objects.exists() and not CaseIncidentLog(case).all


def test_sending_the_form_twice_brings_it_in_once(advocate_client, case, kept):
    first = bring_in(advocate_client, case, token="same")
    second = bring_in(advocate_client, case, token="same")
    assert second["Location"] == first["Location"]
    assert Screening.objects.count() == 1
    assert len(CaseIncidentLog(case)) == 2


def test_another_organisations_case_is_not_found(client, outsider, case, kept):
    signed_in(client, outsider)
    assert client.get(url(case)).status_code == 404
    assert bring_in(client, case).status_code == 404


def test_attempts_are_limited_per_advocate(advocate_client, case, kept, settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "open-record": {"client": (1, 15), "account": (1, 15)},
    }
    bring_in(advocate_client, case, passphrase="zebra zeppelin zero zestfully zesty zigzagged")
    response = bring_in(advocate_client, case, token="t-2")
    assert response.status_code == 429


def test_a_record_of_entries_only_goes_to_the_incident_log(advocate, organisation, client, db):
    service.keep(keys=crypto.derive(PASSPHRASE), contents=contents(answers={}, police_details={}))
    case = make_case(organisation, advocate)
    response = bring_in(signed_in(client, advocate), case)
    assert response["Location"] == reverse("casework:incidents", kwargs={"case_id": case.pk})
    assert not Screening.objects.exists()

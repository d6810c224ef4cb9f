"""Nothing an advocate types about a client reaches a log line (docs/safety.md D24).

The advocate flows run with a sentinel in every free-text field: signing in (a wrong
password, then the right one and a code), a new case, a case form sent back with
errors, a quick-entry screening, professional judgement, an incident, the PDF, the CSV
export, another organisation's case, a view that fails with a case in hand, and the
database gone on a case page. Every logger is at DEBUG with SQL logged (the fixture is
the public journey's, ``tests/test_log_privacy.py``). Encrypted values may appear in
SQL as ciphertext; the plain sentinels must appear nowhere.
"""

from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import Client
from django.urls import path

from casework import audit
from casework.models import Case, CaseIncident, Organisation, Screening
from casework.scoping import case_for
from screening import questions
from screening.scoring import Level
from tests.casework.conftest import make_advocate, signed_in
from tests.casework.records import (
    case_data,
    current_code,
    quick_entry_data,
    screening_answers,
    sign_in_with_password,
    url,
)
from tests.test_log_privacy import captured  # noqa: F401 - the fixture
from tests.test_log_privacy import urlpatterns as public_urlpatterns

pytestmark = pytest.mark.django_db

CASE_FIELDS = {
    name: f"Zxq-case-{name}-sentinel"
    for name in (
        "client_reference",
        "client_name",
        "stalker_name",
        "police_reference",
        "times_to_avoid",
    )
}
INCIDENT_FIELDS = {
    name: f"Zxq-incident-{name}-sentinel"
    for name in ("place", "what_happened", "effect_details", "witnesses", "evidence", "officer")
}
SENTINELS = {
    **CASE_FIELDS,
    **INCIDENT_FIELDS,
    "safe_phone": "07700 900123",  # a phone number cannot hold letters; searched as it is
    "safe_email_address": "zxq-safe-sentinel@example.org",
    "wrong_password": "Zxq-wrong-password-sentinel",
    "unknown_email": "zxq-unknown-sentinel@example.org",
    "invalid_client_name": "Zxq-invalid-sentinel",
    "about_name": "Zxq-about-name-sentinel",
    "other_details": "Zxq-other-details-sentinel",
    **{
        f"sign_{sign.number}": f"Zxq-sign-{sign.number}-sentinel"
        for sign in questions.BANK.warning_signs
    },
    "judgement_reason": "Zxq-judgement-reason-sentinel",
    "crime_reference": "Zxq-crime-ref",
    "database_message": "Zxq-database-message-sentinel",
}


def broken_case_view(request, case_id):
    """Fails with a case in hand and its values quoted in the message."""
    case = case_for(request.user, case_id)
    raise ValueError(f"could not use {case.client_name} {case.stalker_name} {case.safe_contact!r}")


# This module is also the URLconf here: the service, plus a case view that fails.
urlpatterns = [path("cases-broken/<uuid:case_id>/", broken_case_view), *public_urlpatterns]


@pytest.fixture
def logs(captured, settings):  # noqa: F811 - the imported fixture
    settings.ROOT_URLCONF = __name__
    return captured


def sign_in(client, advocate):
    response = sign_in_with_password(
        client, SENTINELS["unknown_email"], SENTINELS["wrong_password"]
    )
    assert response.status_code == 422
    response = sign_in_with_password(client, advocate.email, SENTINELS["wrong_password"])
    assert response.status_code == 422
    response = sign_in_with_password(client, advocate.email)
    assert response.status_code == 302
    device = advocate.totpdevice_set.get()
    response = client.post(url("two-factor"), {"code": current_code(device)})
    assert response.status_code == 302, response.content.decode()[:2000]


def new_case(client) -> Case:
    form = client.get(url("new-case"))
    data = {
        **case_data(**CASE_FIELDS),
        "safe_phone": SENTINELS["safe_phone"],
        "safe_email": "yes",
        "safe_email_address": SENTINELS["safe_email_address"],
        "submission_token": form.context["token"],
    }
    # Sent back with errors first: a name far too long, with a control character.
    invalid = {**data, "client_name": SENTINELS["invalid_client_name"] * 50 + "\x07"}
    assert client.post(url("new-case"), invalid).status_code == 422
    response = client.post(url("new-case"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get()
    assert case.safe_contact["times_to_avoid"] == CASE_FIELDS["times_to_avoid"]
    assert case.safe_contact["email_address"] == SENTINELS["safe_email_address"]
    return case


def quick_entry_screening(client, case) -> Screening:
    start = url("start-screening", case_id=case.pk)
    token = client.get(start).context["token"]
    quick = client.post(start, {"submission_token": token, "mode": "quick"}).url
    details = {
        sign.number: SENTINELS[f"sign_{sign.number}"] for sign in questions.BANK.warning_signs
    }
    answers = screening_answers(yes=(2,), details=details)
    answers[questions.ABOUT_SLUG] = {
        **answers[questions.ABOUT_SLUG],
        "name": SENTINELS["about_name"],
    }
    answers[questions.BEHAVIOURS_SLUG] = {
        questions.BEHAVIOURS_FIELD: ["calls", questions.OTHER_BEHAVIOUR],
        "other_details": SENTINELS["other_details"],
    }
    response = client.post(quick, quick_entry_data(answers))
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post(response.url)  # check, then complete
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200
    screening = Screening.objects.get()
    assert screening.level == Level.PRESENT
    assert screening.answers["feelings"]["details"] == SENTINELS["sign_1"]
    judgement = url("screening-judgement", case_id=case.pk, screening_id=screening.pk)
    response = client.post(judgement, {"level": "serious", "reason": "\x00"})
    assert response.status_code == 422
    response = client.post(judgement, {"level": "serious", "reason": SENTINELS["judgement_reason"]})
    assert response.status_code == 302
    return screening


def incident(client, case):
    add = url("incident-add", case_id=case.pk)
    entry = client.get(add).context["form"].initial["entry"]
    data = {
        "entry": entry,
        "occurred_on_0": "3",
        "occurred_on_1": "11",
        "occurred_on_2": "2026",
        "behaviours": ["following"],
        "reported_to_police": "yes",
        "crime_reference": SENTINELS["crime_reference"],
        **INCIDENT_FIELDS,
    }
    assert client.post(add, {**data, "occurred_on_2": "2999"}).status_code == 422
    response = client.post(add, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert CaseIncident.objects.count() == 1
    assert INCIDENT_FIELDS["place"] in client.get(url("incidents", case_id=case.pk)).text


def exports(client, case, screening):
    pdf = client.get(url("screening-pdf", case_id=case.pk, screening_id=screening.pk))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    csv = client.get(url("incident-export", case_id=case.pk))
    assert INCIDENT_FIELDS["what_happened"] in csv.content.decode()


def the_ways_it_goes_wrong(client, case, organisation):
    # Another organisation's advocate.
    outsider = make_advocate(organisation, "kim@south.example")
    other = signed_in(Client(raise_request_exception=False), outsider)
    assert other.get(url("case", case_id=case.pk)).status_code == 404
    assert other.post(url("edit-case", case_id=case.pk), case_data()).status_code == 404
    # A view that fails with the case in hand.
    assert client.get(f"/cases-broken/{case.pk}/").status_code == 500
    # The database gone while a case page is shown, with values in its message.
    failure = OperationalError(f"{SENTINELS['database_message']} {CASE_FIELDS['times_to_avoid']}")
    with mock.patch.object(audit, "record", side_effect=failure):
        response = client.get(url("case", case_id=case.pk))
    assert response.status_code == 503


def test_no_advocate_sentinel_reaches_any_log_line_or_output(logs, organisation, advocate):
    client = Client(raise_request_exception=False)
    sign_in(client, advocate)
    case = new_case(client)
    screening = quick_entry_screening(client, case)
    incident(client, case)
    exports(client, case, screening)
    the_ways_it_goes_wrong(client, case, Organisation.objects.create(name="South Support"))

    logged = logs.getvalue()
    assert "casework_case" in logged, "SQL was logged, so the capture works"
    assert "Internal Server Error: /cases-broken/" in logged
    assert "The database could not be reached" in logged
    leaked = [name for name, sentinel in SENTINELS.items() if sentinel in logged]
    assert leaked == []
    assert "zxq" not in logged.lower()

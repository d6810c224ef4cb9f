"""Faults on advocate pages give a safe page and lose nothing (docs/safety.md D26).

The database gone part-way through a case page gives the neutral 503 page; a case
form sent after the session ended changes nothing and the next page asks the
advocate to sign in; a case whose creation fails part-way leaves no row behind.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db.utils import InterfaceError, OperationalError
from django.test import Client
from django.utils import timezone

from casework import audit
from casework.models import AuditEvent, Case, Screening, SubmissionToken
from tests.casework.conftest import PASSWORD, signed_in
from tests.casework.records import case_data, current_code, url
from tests.test_faults import assert_neutral_page

pytestmark = pytest.mark.django_db

SIGN_IN = url("sign-in")


def csrf_token(client, path) -> str:
    html = client.get(path).content.decode()
    return html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]


@pytest.fixture
def browser(advocate):
    """An advocate signed in through the real pages, with CSRF checked as in a browser."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    token = csrf_token(client, SIGN_IN)
    data = {"username": advocate.email, "password": PASSWORD, "csrfmiddlewaretoken": token}
    assert client.post(SIGN_IN, data).status_code == 302
    token = csrf_token(client, url("two-factor"))
    code = current_code(advocate.totpdevice_set.get())
    response = client.post(url("two-factor"), {"code": code, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    return client


@pytest.fixture
def advocate_client(advocate):
    """Signed in past two-factor; failures come back as pages, as a browser sees them."""
    return signed_in(Client(raise_request_exception=False), advocate)


# --- Database unavailable --------------------------------------------------------------


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_lost_part_way_through_a_case_page_gives_the_neutral_503_page(
    advocate_client, case, error
):
    # The case has been read; writing its audit event fails.
    failure = error("server closed the connection unexpectedly")
    with mock.patch.object(audit, "record", side_effect=failure):
        response = advocate_client.get(url("case", case_id=case.pk))
    html = assert_neutral_page(response, 503)
    assert "Sorry, the service is unavailable" in html
    assert response["Retry-After"] == "60"
    assert case.client_reference not in html
    assert case.stalker_name not in html


@pytest.mark.parametrize("method", ["load", "save"])
def test_database_gone_for_the_session_on_a_case_page_gives_the_503_page(
    advocate_client, case, method
):
    failure = OperationalError("could not connect to server")
    with mock.patch.object(SessionStore, method, side_effect=failure):
        response = advocate_client.get(url("case", case_id=case.pk))
    assert_neutral_page(response, 503)


def test_after_the_database_returns_the_case_page_works_again(advocate_client, case):
    with mock.patch.object(audit, "record", side_effect=OperationalError("gone")):
        advocate_client.get(url("case", case_id=case.pk))
    response = advocate_client.get(url("case", case_id=case.pk))
    assert response.status_code == 200
    assert case.client_reference in response.content.decode()


# --- Nothing partial written --------------------------------------------------------------


def test_a_case_whose_creation_fails_part_way_leaves_nothing_behind(advocate_client):
    form = advocate_client.get(url("new-case"))
    data = {**case_data(), "submission_token": form.context["token"]}
    failure = OperationalError("server closed the connection unexpectedly")
    # The case row and the submission token are written; the audit event then fails.
    with mock.patch.object(audit, "record", side_effect=failure):
        response = advocate_client.post(url("new-case"), data)
    assert_neutral_page(response, 503)
    assert not Case.objects.exists()
    assert not SubmissionToken.objects.exists()
    assert not AuditEvent.objects.exists()
    # Sent again once the database is back, the same form makes the case, once.
    response = advocate_client.post(url("new-case"), data)
    assert response.status_code == 302
    assert Case.objects.count() == 1


def test_a_screening_whose_start_fails_part_way_leaves_nothing_behind(advocate_client, case):
    start = url("start-screening", case_id=case.pk)
    token = advocate_client.get(start).context["token"]
    with mock.patch.object(audit, "record", side_effect=OperationalError("gone")):
        response = advocate_client.post(start, {"submission_token": token, "mode": "quick"})
    assert_neutral_page(response, 503)
    assert not Screening.objects.exists()
    assert not SubmissionToken.objects.exists()


# --- Session ended while a case form was open ------------------------------------------


def end_sessions():
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))


def test_changing_a_case_after_the_session_ended_changes_nothing(browser, case):
    page = url("edit-case", case_id=case.pk)
    token = csrf_token(browser, page)
    end_sessions()
    changed = {
        **case_data(times_to_avoid="Typed after the session ended"),
        "csrfmiddlewaretoken": token,
    }

    response = browser.post(page, changed)

    html = assert_neutral_page(response, 403)
    assert "You have been signed out" in html
    assert f'href="{SIGN_IN}"' in html
    assert "Typed after the session ended" not in html
    case.refresh_from_db()
    assert case.client_reference == "CR-001"
    assert case.safe_contact.get("times_to_avoid", "") == ""
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CHANGED).exists()
    # The next page asks them to sign in again, and comes back to the case.
    response = browser.get(page)
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)
    assert "next=" in response.url


def test_a_new_case_sent_after_the_session_ended_creates_nothing(browser, advocate, case):
    page = url("new-case")
    token = csrf_token(browser, page)
    form_token = browser.get(page).context["token"]
    end_sessions()
    data = {**case_data(client_reference="CR-LATE"), "submission_token": form_token}

    response = browser.post(page, {**data, "csrfmiddlewaretoken": token})

    assert_neutral_page(response, 403)
    assert list(Case.objects.all()) == [case]  # the earlier case is untouched
    assert browser.get(url("cases")).url.startswith(SIGN_IN)


def test_without_a_browser_token_an_ended_session_goes_to_sign_in(advocate_client, case):
    """The access check itself: a case form posted by a session that has ended."""
    end_sessions()
    response = advocate_client.post(
        url("edit-case", case_id=case.pk), case_data(times_to_avoid="Too late")
    )
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)
    case.refresh_from_db()
    assert case.safe_contact.get("times_to_avoid", "") == ""

"""Each fault gives a neutral page with the exit button and loses nothing (docs/safety.md D26).

Faults of the PDF renderer are tested with the summary views (tests/test_views_summary.py).
"""

from contextlib import ExitStack, contextmanager
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.test import Client
from django.utils import timezone

from screening.answers import ANSWERS_KEY
from screening.web.sessions import SessionStore as ServiceSessionStore
from tests.journey import ABOUT

pytestmark = pytest.mark.django_db

EXIT_LINK = 'href="/exit/"'
FIRST_SIGN = "/questions/feelings/"


def assert_neutral_page(response, status):
    html = response.content.decode()
    assert response.status_code == status
    assert EXIT_LINK in html, "the exit button"
    assert response["Cache-Control"] == "no-store, private"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert "Traceback" not in html
    return html


@pytest.fixture
def person():
    """Someone part-way through: the first page answered, the session saved."""
    client = Client(raise_request_exception=False)
    client.get("/questions/")
    assert client.post("/questions/about-them/", ABOUT).status_code == 302
    return client


def stored_answers(client) -> dict:
    session = Session.objects.get(session_key=client.cookies["session"].value)
    return ServiceSessionStore().decode(session.session_data).get(ANSWERS_KEY, {})


@contextmanager
def database_down(*, error=OperationalError, when=("load", "save")):
    """The database refuses every session read and/or write, as if it had gone away."""
    with ExitStack() as stack:
        for method in when:
            failure = error("could not connect to server")
            stack.enter_context(mock.patch.object(SessionStore, method, side_effect=failure))
        yield


# --- Database unavailable ------------------------------------------------------


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_down_gives_the_neutral_503_page(person, error):
    with database_down(error=error):
        response = person.get(FIRST_SIGN)
    html = assert_neutral_page(response, 503)
    assert "Sorry, the service is unavailable" in html
    assert response["Retry-After"] == "60"


def test_database_lost_while_saving_an_answer_writes_nothing(person):
    before = stored_answers(person)
    with database_down(when=("save",)):
        response = person.post(FIRST_SIGN, {"answer": "yes", "details": "kept out"})
    assert_neutral_page(response, 503)
    assert stored_answers(person) == before  # not half of it, not any of it


def test_after_the_database_returns_the_earlier_answers_are_still_there(person):
    with database_down():
        person.post(FIRST_SIGN, {"answer": "yes"})
    response = person.get(FIRST_SIGN)
    assert response.status_code == 200
    assert stored_answers(person)["about-them"]["name"] == ABOUT["name"]


def test_database_down_on_every_query_still_gives_the_503_page(person):
    failure = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(connection, "cursor", side_effect=failure):
        response = person.post(FIRST_SIGN, {"answer": "yes"})
    assert_neutral_page(response, 503)


def test_database_down_on_a_fresh_visit_gives_the_503_page():
    with database_down():
        response = Client(raise_request_exception=False).get("/questions/")
    assert_neutral_page(response, 503)


def test_other_errors_still_give_the_500_page(person):
    failure = RuntimeError("not the database")
    with mock.patch("screening.journey.flow.is_reachable", side_effect=failure):
        response = person.get(FIRST_SIGN)
    html = assert_neutral_page(response, 500)
    assert "Sorry, there is a problem with the service" in html


# --- Session ended mid-questionnaire ------------------------------------------


def end_session(client, *, how):
    session = Session.objects.get(session_key=client.cookies["session"].value)
    if how == "deleted":  # clearsessions, or the exit button in another tab
        session.delete()
    else:  # idle for longer than SESSION_IDLE_MINUTES
        session.expire_date = timezone.now() - timedelta(seconds=1)
        session.save()


@pytest.mark.parametrize("how", ["deleted", "expired"])
def test_answering_after_the_session_ended_gives_the_session_ended_page(how):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get("/questions/")
    html = client.get("/questions/about-them/").content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    end_session(client, how=how)

    response = client.post("/questions/about-them/", {**ABOUT, "csrfmiddlewaretoken": token})

    html = assert_neutral_page(response, 403)
    assert "Your session ended" in html
    assert "Start again if you want to carry on." in html
    assert not Session.objects.filter(session_data__contains=ABOUT["name"]).exists()


@pytest.mark.parametrize("how", ["deleted", "expired"])
def test_opening_a_question_after_the_session_ended_says_the_answers_were_deleted(person, how):
    end_session(person, how=how)
    response = person.get(FIRST_SIGN)
    assert response.status_code == 302
    assert response["Location"] == "/session/ended/"
    html = assert_neutral_page(person.get(response["Location"]), 200)
    assert "deleted" in html


def test_opening_a_question_without_ever_starting_goes_to_the_start():
    response = Client().get(FIRST_SIGN)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_idle_warning_ends_on_the_answers_deleted_page(person):
    response = person.get("/session/ended/")
    html = assert_neutral_page(response, 200)
    assert "Your answers were deleted to protect you" in html
    assert 'href="/"' in html  # start again
    assert not Session.objects.filter(session_key=person.cookies["session"].value).exists()


# --- CSRF failure --------------------------------------------------------------


def test_a_forged_form_gives_the_neutral_session_ended_page():
    client = Client(enforce_csrf_checks=True)
    client.get("/questions/")
    response = client.post("/questions/about-them/", {**ABOUT, "csrfmiddlewaretoken": "x" * 64})
    html = assert_neutral_page(response, 403)
    assert "Your session ended" in html
    assert "CSRF" not in html


def test_an_oversized_form_gets_a_page_saying_so_and_keeps_the_answers(client, settings):
    from tests.journey import ABOUT

    client.get("/questions/")
    assert client.post("/questions/about-them/", ABOUT).status_code == 302
    kept = dict(client.session["answers"])
    huge = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post("/questions/about-them/", {**ABOUT, "name": huge})
    assert response.status_code == 413
    html = response.content.decode()
    assert "What you sent was too large" in html
    assert "Your answers from before are kept" in html
    assert 'class="govuk-exit-this-page"' in html
    assert client.session["answers"] == kept


def test_too_many_fields_get_the_same_page(client, settings):
    client.get("/questions/")
    data = {f"field{number}": "x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post("/questions/about-them/", data)
    assert response.status_code == 413
    assert "What you sent was too large" in response.content.decode()

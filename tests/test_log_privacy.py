"""Nothing a person types reaches a log line (docs/safety.md D24).

The whole public journey runs with a sentinel in every free-text field, together
with the ways it can go wrong: invalid answers, a forged form, the database
gone, a view that fails with the answers in hand. Every logger is turned up to
DEBUG (SQL included), and what the configured handlers write, plus everything
on stdout and stderr, is searched for the sentinels.
"""

import io
import logging
from unittest import mock

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.db.utils import OperationalError
from django.test import Client
from django.urls import path

from screening import questions
from screening.answers import SessionAnswers
from screening.urls import handler400, handler403, handler404, handler500  # noqa: F401
from screening.urls import urlpatterns as service_urlpatterns
from tests.journey import ABOUT, answer_everything

pytestmark = pytest.mark.django_db

SENTINELS = {
    "name": "Zxq-name-sentinel",
    "other_details": "Zxq-other-sentinel",
    "police_name": "Zxq-police-name-sentinel",
    "reference": "Zxq-ref-sentinel",
    **{
        f"record_{name}": f"Zxq-record-{name}-sentinel"
        for name in ("place", "what_happened", "effect_details", "witnesses", "evidence", "officer")
    },
    "record_crime_reference": "Zxq-rec-crime-ref",
    **{
        f"sign_{sign.number}": f"Zxq-sign-{sign.number}-sentinel"
        for sign in questions.BANK.warning_signs
    },
}


def broken_view(request):
    """Fails with the answers in scope and quoted in its message."""
    answers = SessionAnswers(request.session).all
    raise ValueError(f"could not use {answers!r}")


# This module is also the URLconf for these tests: the service plus a view that fails.
urlpatterns = [*service_urlpatterns, path("broken/", broken_view)]


@pytest.fixture
def captured(settings, capfd):
    """Every logger at DEBUG, SQL logged, and the configured handlers written to a buffer."""
    settings.ROOT_URLCONF = __name__
    buffer = io.StringIO()
    loggers = [logging.getLogger(), *map(logging.getLogger, ("django", "django.server"))]
    handlers = {handler for logger in loggers for handler in logger.handlers}
    streams = [
        (handler, handler.setStream(buffer))
        for handler in handlers
        if isinstance(handler, logging.StreamHandler)
    ]
    assert streams, "the settings configure a console handler"
    levels = [(logger, logger.level) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    connection.force_debug_cursor = True
    try:
        yield buffer
    finally:
        connection.force_debug_cursor = False
        for logger, level in levels:
            logger.setLevel(level)
        for handler, stream in streams:
            handler.setStream(stream)
        out, err = capfd.readouterr()
        buffer.write(out + err)


def the_whole_journey(client):
    details = {
        sign.number: SENTINELS[f"sign_{sign.number}"] for sign in questions.BANK.warning_signs
    }
    answer_everything(
        client,
        about={**ABOUT, "name": SENTINELS["name"]},
        yes=range(1, 13),
        details=details,
        behaviours={"behaviours": ["calls", "other"], "other_details": SENTINELS["other_details"]},
    )
    # An entry in the incident log, which the summary includes.
    entry = {
        "occurred_on_0": "3",
        "occurred_on_1": "11",
        "occurred_on_2": "2026",
        "reported_to_police": "yes",
        **{name.removeprefix("record_"): value for name, value in SENTINELS.items()
           if name.startswith("record_")},
    }  # fmt: skip
    response = client.post("/record/add/", entry)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SENTINELS["record_what_happened"] in client.get("/record/").content.decode()
    for url in ("/check-your-answers/", "/results/", "/summary/details/"):
        assert client.get(url).status_code == 200, url
    response = client.post(
        "/summary/details/",
        {"name": SENTINELS["police_name"], "reference": SENTINELS["reference"]},
    )
    assert response.status_code == 302
    assert client.get("/summary/download/").status_code == 200
    response = client.get("/summary/file/")
    assert response["Content-Type"] == "application/pdf"


def the_ways_it_goes_wrong(client):
    # Invalid answers, sent back with an error and the text in the page.
    too_long = SENTINELS["name"] * 20
    assert client.post("/questions/about-them/", {"name": too_long}).status_code == 422
    response = client.post("/questions/feelings/", {"details": SENTINELS["sign_1"] + "\x00\x07"})
    assert response.status_code == 422
    response = client.post("/summary/details/", {"name": SENTINELS["police_name"] + "\x1b"})
    assert response.status_code == 422
    # A failure with the answers in hand.
    assert client.get("/broken/").status_code == 500
    # The database gone while an answer is saved.
    with mock.patch.object(SessionStore, "save", side_effect=OperationalError("gone")):
        response = client.post("/questions/feelings/", {"answer": "yes", "details": "Zxq-lost"})
    assert response.status_code == 503
    # Not found. (Paths are logged: they hold neutral slugs, never anything typed.)
    assert client.get("/questions/no-such-page/").status_code == 404
    # A forged form.
    forger = Client(enforce_csrf_checks=True)
    forger.get("/questions/")
    response = forger.post("/questions/about-them/", {**ABOUT, "name": SENTINELS["name"]})
    assert response.status_code == 403


def test_no_sentinel_reaches_any_log_line_or_output(captured):
    client = Client(raise_request_exception=False)
    the_whole_journey(client)
    the_ways_it_goes_wrong(client)

    logged = captured.getvalue()
    assert "django_session" in logged, "SQL was logged, so the capture works"
    assert "Internal Server Error: /broken/" in logged
    assert "The database could not be reached" in logged
    leaked = [name for name, sentinel in SENTINELS.items() if sentinel in logged]
    assert leaked == []
    assert "Zxq" not in logged


def test_a_failing_view_logs_its_exception_type_but_not_its_message(captured):
    client = Client(raise_request_exception=False)
    answer_everything(client, about={**ABOUT, "name": SENTINELS["name"]})
    client.get("/broken/")
    logged = captured.getvalue()
    assert "ValueError" in logged
    assert SENTINELS["name"] not in logged

"""The idle clock: a session ends a set time after the last activity, never later.

An unchanged session is rewritten at most once every SESSION_REFRESH_SECONDS, so it can end
up to that much sooner than the idle limit after the last page view; the warning on the page
counts from the time the server actually holds.
"""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from screening.web.sessions import SessionStore
from tests.journey import ABOUT

pytestmark = pytest.mark.django_db

FIRST_SIGN = "/questions/feelings/"


@pytest.fixture
def started(client):
    """Someone who has answered the first page and is looking at the second."""
    client.get("/questions/")
    client.post("/questions/about-them/", ABOUT)
    client.get(FIRST_SIGN)  # the first form shown puts the CSRF token in the session
    return client


def stored(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def move_expiry(client, *, seconds_ago: int) -> Session:
    """Pretend the session was last written ``seconds_ago``."""
    written = timezone.now() - timedelta(seconds=seconds_ago)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=written + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    )
    return stored(client)


def idle_limit() -> timedelta:
    return timedelta(seconds=settings.SESSION_COOKIE_AGE)


def timeout_seconds(response) -> int:
    found = re.search(r'data-timeout-seconds="(\d+)"', response.content.decode())
    assert found, "the page has no idle warning"
    return int(found.group(1))


def test_a_page_viewed_soon_after_the_last_write_does_not_rewrite_the_session(started):
    before = move_expiry(started, seconds_ago=10)
    assert started.get(FIRST_SIGN).status_code == 200
    assert stored(started).expire_date == before.expire_date


def test_a_page_viewed_after_the_refresh_interval_restarts_the_idle_clock(started):
    move_expiry(started, seconds_ago=settings.SESSION_REFRESH_SECONDS + 1)
    viewed = timezone.now()
    started.get(FIRST_SIGN)
    assert stored(started).expire_date >= viewed + idle_limit()


def test_a_change_is_written_at_once_whatever_the_clock(started):
    before = move_expiry(started, seconds_ago=1)
    started.post(FIRST_SIGN, {"answer": "yes", "details": "Every night"})
    after = stored(started)
    assert SessionStore().decode(after.session_data)["answers"]["feelings"]["answer"] == "yes"
    assert after.expire_date > before.expire_date


def test_keep_my_answers_always_restarts_the_clock(started):
    before = move_expiry(started, seconds_ago=1)
    assert started.post("/session/keep/").status_code == 204
    assert stored(started).expire_date > before.expire_date


@pytest.mark.parametrize("seconds_ago", [0, 1, 30, 59, 60, 61, 600])
def test_a_session_never_outlives_the_idle_limit_after_the_last_request(started, seconds_ago):
    move_expiry(started, seconds_ago=seconds_ago)
    started.get(FIRST_SIGN)
    last_request_ended = timezone.now()
    expiry = stored(started).expire_date
    assert expiry <= last_request_ended + idle_limit()
    refresh = timedelta(seconds=settings.SESSION_REFRESH_SECONDS)
    assert expiry > last_request_ended + idle_limit() - refresh - timedelta(seconds=1)


def test_the_warning_counts_from_the_time_the_server_holds(started):
    move_expiry(started, seconds_ago=40)
    left = timeout_seconds(started.get(FIRST_SIGN))
    expected = settings.SESSION_COOKIE_AGE - 40
    assert expected - 2 <= left <= expected


def test_after_a_write_the_warning_counts_the_whole_idle_limit(started):
    move_expiry(started, seconds_ago=settings.SESSION_REFRESH_SECONDS + 5)
    response = started.get(FIRST_SIGN)
    assert timeout_seconds(response) == settings.SESSION_COOKIE_AGE
    assert f'data-idle-seconds="{settings.SESSION_COOKIE_AGE}"' in response.content.decode()


def test_an_ended_session_is_not_brought_back_by_skipping_the_write(started):
    key = started.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = started.get(FIRST_SIGN)
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key, expire_date__gt=timezone.now()).exists()


def test_the_store_reports_a_full_idle_limit_for_a_new_session():
    store = SessionStore()
    assert store.seconds_left() == settings.SESSION_COOKIE_AGE
    store["something"] = 1
    store.save()
    assert SessionStore(store.session_key).seconds_left() <= settings.SESSION_COOKIE_AGE


def test_the_store_reads_back_what_it_wrote_with_its_expiry():
    written = SessionStore()
    written["answers"] = {"about-them": {"name": "Alex ✓ <b>"}}
    written.save()
    row = Session.objects.get(session_key=written.session_key)
    read = SessionStore(written.session_key)
    assert read.load() == {"answers": {"about-them": {"name": "Alex ✓ <b>"}}}
    assert read["answers"] == {"about-them": {"name": "Alex ✓ <b>"}}
    assert read._stored_expiry == row.expire_date
    assert timezone.is_aware(read._stored_expiry)


def test_the_store_does_not_read_an_expired_row_and_forgets_its_key():
    written = SessionStore()
    written["answers"] = {"about-them": {"name": "Alex"}}
    written.save()
    Session.objects.filter(session_key=written.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    read = SessionStore(written.session_key)
    assert read.load() == {}
    assert read.session_key is None
    assert SessionStore("no-such-session-key").load() == {}

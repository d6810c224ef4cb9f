"""Expensive endpoints are rate-limited per client, per account and overall, with counts kept
in the shared database (so every app server sees the same count) and limits from settings."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from screening.models import RateLimitCounter
from screening.web import rate_limits
from tests.journey import answer_everything

pytestmark = pytest.mark.django_db

CLIENT = "203.0.113.5"


@pytest.fixture
def limits(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "example": {"client": (3, 10), "account": (4, 10), "everyone": (6, 10)},
    }
    return settings


def request_from(address=CLIENT):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def tries(times, *, address=CLIENT, account=None):
    return [
        rate_limits.check(request_from(address), "example", account=account) for _ in range(times)
    ]


def test_a_client_may_try_up_to_the_limit_then_is_told_how_long_to_wait(limits):
    *allowed, refused = tries(4)
    assert allowed == [None, None, None]
    assert 9 * 60 < refused <= 10 * 60


def test_one_client_at_its_limit_does_not_hold_up_another(limits):
    tries(4)
    assert rate_limits.check(request_from("198.51.100.7"), "example") is None


def test_one_account_tried_from_many_clients_is_limited(limits):
    for number in range(4):
        assert tries(1, address=f"192.0.2.{number}", account="sam@north.example") == [None]
    assert tries(1, address="192.0.2.99", account="sam@north.example")[0] is not None
    assert tries(1, address="192.0.2.99", account="kim@south.example") == [None]


def test_everyone_together_has_a_limit_too(limits):
    for number in range(6):
        assert tries(1, address=f"192.0.2.{number}") == [None]
    assert tries(1, address="192.0.2.200")[0] is not None


def test_the_count_starts_again_after_the_window(limits):
    tries(4)
    RateLimitCounter.objects.update(window_ends=timezone.now() - timedelta(seconds=1))
    assert tries(1) == [None]


def test_the_count_is_kept_in_the_database_without_the_address_or_account(limits):
    tries(2, account="sam@north.example")
    assert RateLimitCounter.objects.count() == 3  # client, account, everyone
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {RateLimitCounter._meta.db_table}")  # noqa: S608
        stored = repr(cursor.fetchall())
    assert CLIENT not in stored
    assert "sam@north" not in stored


def test_an_unknown_scope_is_a_mistake_in_the_code(limits):
    with pytest.raises(KeyError):
        rate_limits.check(request_from(), "no-such-scope")


def test_the_public_summary_pdf_is_limited_with_a_neutral_page(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "summary-pdf": {"client": (1, 10)}}
    answer_everything(client)
    assert client.get("/summary/file/").status_code == 200
    response = client.get("/summary/file/")
    assert response.status_code == 429
    assert 9 * 60 < int(response["Retry-After"]) <= 600
    html = response.content.decode()
    assert "Try again in 10 minutes" in html
    assert 'class="govuk-exit-this-page"' in html
    assert "<title>Please wait" in html
    assert client.session["answers"]  # nothing lost

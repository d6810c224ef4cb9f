"""Passphrase attempts are limited per client, per advocate and for everyone, by the service's
one rate-limit mechanism (scope "open-record")."""

import pytest
from django.test import RequestFactory

from casework.models import User
from screening.models import RateLimitCounter
from screening.saved_records.limits import SCOPE, opening_allowed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        SCOPE: {"client": (3, 15), "account": (3, 15), "everyone": (5, 1)},
    }


def from_address(address: str, **headers):
    return RequestFactory().post("/open/", REMOTE_ADDR=address, **headers)


def test_a_client_may_try_a_few_times_then_must_wait():
    request = from_address("192.0.2.1")
    assert [opening_allowed(request) for _ in range(3)] == [None, None, None]
    wait = opening_allowed(request)
    assert wait is not None and 0 < wait <= 15 * 60


def test_one_client_waiting_does_not_stop_another():
    for _ in range(4):
        opening_allowed(from_address("192.0.2.1"))
    assert opening_allowed(from_address("192.0.2.2")) is None


def test_everyone_together_is_limited_too():
    for number in range(5):
        assert opening_allowed(from_address(f"192.0.2.{number + 1}")) is None
    assert opening_allowed(from_address("192.0.2.99")) is not None


def test_an_advocate_is_limited_whatever_address_they_use():
    advocate = User.objects.create_user("lim@north.example", "a-long-test-password-1")
    for number in range(3):
        request = from_address(f"198.51.100.{number + 1}")
        request.user = advocate
        assert opening_allowed(request) is None
    request = from_address("198.51.100.50")
    request.user = advocate
    assert opening_allowed(request) is not None


def test_the_counters_are_shared_rows_that_never_hold_an_address():
    opening_allowed(from_address("192.0.2.77"))
    keys = list(RateLimitCounter.objects.values_list("key", flat=True))
    assert keys
    assert not any("192.0.2.77" in key for key in keys)


def test_behind_trusted_proxies_the_address_they_saw_counts(settings):
    settings.TRUSTED_PROXIES = 1
    for _ in range(3):
        opening_allowed(from_address("10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9"))
    # The same proxy, another client: not held up by the first one's attempts.
    assert opening_allowed(from_address("10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.10")) is None
    assert opening_allowed(from_address("10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")) is not None

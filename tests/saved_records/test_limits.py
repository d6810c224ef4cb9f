"""Passphrase attempts are limited per client, per advocate and overall."""

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from screening.saved_records.limits import client_address, opening_allowed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.SAVED_RECORD_ATTEMPTS_PER_CLIENT = 3
    settings.SAVED_RECORD_CLIENT_WINDOW_MINUTES = 15
    settings.SAVED_RECORD_ATTEMPTS_PER_MINUTE = 5
    caches[settings.SAVED_RECORD_LIMITS_CACHE].clear()


def from_address(address: str):
    return RequestFactory().post("/open/", REMOTE_ADDR=address)


def test_a_client_may_try_a_few_times_then_must_wait():
    request = from_address("192.0.2.1")
    assert [opening_allowed(request) for _ in range(3)] == [None, None, None]
    wait = opening_allowed(request)
    assert wait is not None and 0 < wait <= 15 * 60 + 1


def test_one_client_waiting_does_not_stop_another():
    for _ in range(4):
        opening_allowed(from_address("192.0.2.1"))
    assert opening_allowed(from_address("192.0.2.2")) is None


def test_everyone_together_is_limited_too():
    for number in range(5):
        assert opening_allowed(from_address(f"192.0.2.{number + 1}")) is None
    assert opening_allowed(from_address("192.0.2.99")) is not None


def test_the_counters_use_the_shared_database_cache_and_never_an_address(settings):
    from django.db import connection

    opening_allowed(from_address("192.0.2.77"))
    assert settings.CACHES[settings.SAVED_RECORD_LIMITS_CACHE]["BACKEND"].endswith("DatabaseCache")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM attempt_counters")
        keys = [row[0] for row in cursor.fetchall()]
    assert keys
    assert not any("192.0.2.77" in key for key in keys)


def test_behind_a_trusted_proxy_the_address_it_saw_counts(settings):
    settings.TRUST_X_FORWARDED_PROTO = True
    request = RequestFactory().post(
        "/open/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4"
    )
    assert client_address(request) == "198.51.100.4"
    settings.TRUST_X_FORWARDED_PROTO = False
    assert client_address(request) == "10.0.0.2"


def test_the_counters_are_not_culled_by_a_crowd_of_new_clients(settings):
    options = settings.CACHES[settings.SAVED_RECORD_LIMITS_CACHE].get("OPTIONS", {})
    assert options.get("MAX_ENTRIES", 300) >= 100_000

"""Too many failed sign-ins lock an email address, and an IP address, for a cool-off
(docs/safety.md C16), with a message that does not say whether the account exists."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

from tests.casework.records import sign_in_with_password

TWO_FACTOR = reverse("casework:two-factor")
WAIT = "You cannot sign in for now because of too many attempts"


def fail_sign_ins(client, email, times, **extra):
    responses = [
        sign_in_with_password(client, email, "not-the-password", **extra) for _ in range(times)
    ]
    return responses[-1]


def test_the_limit_is_the_setting():
    assert settings.AXES_FAILURE_LIMIT == settings.SIGN_IN_ATTEMPTS
    assert settings.AXES_COOLOFF_TIME == settings.SIGN_IN_COOLOFF_MINUTES / 60


def test_failures_below_the_limit_still_let_the_right_password_in(client, advocate):
    fail_sign_ins(client, advocate.email, settings.SIGN_IN_ATTEMPTS - 1)
    response = sign_in_with_password(client, advocate.email)
    assert response.status_code == 302
    assert response.url == TWO_FACTOR


def test_after_the_limit_the_page_says_to_wait_and_the_right_password_is_refused(client, advocate):
    last = fail_sign_ins(client, advocate.email, settings.SIGN_IN_ATTEMPTS)
    assert last.status_code == 429
    response = sign_in_with_password(client, advocate.email)
    assert response.status_code == 429
    content = response.content.decode()
    assert WAIT in content
    assert f"Wait {settings.SIGN_IN_COOLOFF_MINUTES} minutes" in content
    assert "_auth_user_id" not in client.session
    assert client.get(TWO_FACTOR).status_code == 302  # still not signed in


def test_lockout_counts_the_email_address_whatever_its_capitals(client, advocate):
    for attempt in range(settings.SIGN_IN_ATTEMPTS):
        email = advocate.email.upper() if attempt % 2 else advocate.email
        sign_in_with_password(client, email, "not-the-password")
    assert sign_in_with_password(client, advocate.email.title()).status_code == 429


def test_an_email_with_no_account_gets_the_same_answer(client, advocate):
    known = fail_sign_ins(client, advocate.email, settings.SIGN_IN_ATTEMPTS + 1)
    AccessAttempt.objects.all().delete()
    unknown = fail_sign_ins(client, "nobody@north.example", settings.SIGN_IN_ATTEMPTS + 1)
    assert known.status_code == unknown.status_code == 429

    def page(response):
        return (
            response.content.decode()
            .replace(advocate.email, "")
            .replace("nobody@north.example", "")
        )

    assert WAIT in page(unknown)
    assert page(known).count(WAIT) == page(unknown).count(WAIT) == 1


def test_sign_in_works_again_after_the_cool_off(client, advocate):
    fail_sign_ins(client, advocate.email, settings.SIGN_IN_ATTEMPTS)
    assert sign_in_with_password(client, advocate.email).status_code == 429
    earlier = timedelta(minutes=settings.SIGN_IN_COOLOFF_MINUTES + 1)
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= earlier
        attempt.save()
    response = sign_in_with_password(client, advocate.email)
    assert response.status_code == 302
    assert response.url == TWO_FACTOR


def test_a_successful_sign_in_resets_the_count(client, advocate):
    fail_sign_ins(client, advocate.email, settings.SIGN_IN_ATTEMPTS - 1)
    assert sign_in_with_password(client, advocate.email).status_code == 302
    client.logout()
    fail_sign_ins(client, advocate.email, settings.SIGN_IN_ATTEMPTS - 1)
    assert sign_in_with_password(client, advocate.email).status_code == 302


def test_one_ip_address_trying_many_emails_is_locked_out(client, advocate):
    for number in range(settings.SIGN_IN_ATTEMPTS):
        sign_in_with_password(client, f"guess{number}@north.example", "not-the-password")
    response = sign_in_with_password(client, advocate.email)
    assert response.status_code == 429
    assert WAIT in response.content.decode()


def test_another_ip_address_is_not_locked_out_by_a_locked_one(client, advocate):
    for number in range(settings.SIGN_IN_ATTEMPTS):
        sign_in_with_password(client, f"guess{number}@north.example", "not-the-password")
    response = sign_in_with_password(client, advocate.email, REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 302


def test_one_email_tried_from_many_ip_addresses_is_locked_out(client, advocate):
    for number in range(settings.SIGN_IN_ATTEMPTS):
        client.post(
            reverse("casework:sign-in"),
            {"username": advocate.email, "password": "not-the-password"},
            REMOTE_ADDR=f"192.0.2.{number + 1}",
        )
    response = client.post(
        reverse("casework:sign-in"),
        {"username": advocate.email, "password": "a-long-test-password-1"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 429


@pytest.mark.parametrize("minutes", [1, 30])
def test_the_message_gives_the_cool_off_in_minutes(client, db, settings, minutes):
    settings.SIGN_IN_COOLOFF_MINUTES = minutes
    response = fail_sign_ins(client, "nobody@north.example", settings.SIGN_IN_ATTEMPTS + 1)
    assert f"Wait {minutes} minutes" in response.content.decode()


def test_failures_are_recorded_against_the_email_address(client, advocate):
    sign_in_with_password(client, advocate.email.upper(), "not-the-password")
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [advocate.email]


def test_failures_spread_over_many_people_and_addresses_lock_no_one(client, advocate):
    for number in range(settings.SIGN_IN_ATTEMPTS + 1):
        response = sign_in_with_password(
            client,
            f"person{number}@north.example",
            "not-the-password",
            REMOTE_ADDR=f"192.0.2.{number + 1}",
        )
        assert response.status_code == 422
    assert WAIT not in response.content.decode()


def test_an_overlong_email_gets_a_clear_error_and_no_attempt_is_recorded(client, db):

    response = client.post(
        reverse("casework:sign-in"), {"username": "a" * 300 + "@example.org", "password": "x"}
    )
    assert response.status_code == 422
    assert "254 characters or fewer" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_behind_a_trusted_proxy_failures_count_against_the_real_client(client, advocate, settings):
    """Five made-up emails from one client must not lock out everyone behind the proxy."""
    settings.TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for number in range(settings.SIGN_IN_ATTEMPTS + 1):
        sign_in_with_password(
            client,
            f"guess{number}@north.example",
            "not-the-password",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
            **proxy,
        )
    locked = sign_in_with_password(
        client, advocate.email, HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy
    )
    assert locked.status_code == 429
    elsewhere = sign_in_with_password(
        client, advocate.email, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )
    assert elsewhere.status_code == 302
    assert elsewhere.url == TWO_FACTOR


def test_a_client_cannot_choose_its_address_with_the_header(client, advocate, settings):
    settings.TRUSTED_PROXIES = 1
    for number in range(settings.SIGN_IN_ATTEMPTS):
        sign_in_with_password(
            client,
            f"guess{number}@north.example",
            "not-the-password",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.66",
        )
    response = sign_in_with_password(
        client, advocate.email, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66"
    )
    assert response.status_code == 429

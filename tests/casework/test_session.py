"""The session rotates at sign-in, is flushed at sign-out, and ends when idle
(docs/safety.md C20)."""

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.casework.conftest import signed_in
from tests.casework.records import current_code, sign_in_with_password, url

SIGN_IN = reverse("casework:sign-in")
SIGN_OUT = reverse("casework:sign-out")
TWO_FACTOR = reverse("casework:two-factor")


def session_key(client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def sign_in_fully(client, advocate):
    sign_in_with_password(client, advocate.email)
    response = client.post(TWO_FACTOR, {"code": current_code(advocate.totpdevice_set.get())})
    assert response.status_code == 302
    return response


def test_signing_in_rotates_the_session_key(client, advocate):
    client.get(SIGN_IN)
    before = session_key(client)
    assert Session.objects.filter(session_key=before).exists()
    sign_in_with_password(client, advocate.email)
    after = session_key(client)
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()


def test_signing_out_flushes_the_session(client, advocate, case):
    sign_in_fully(client, advocate)
    assert client.get(url("case", case_id=case.pk)).status_code == 200
    key = session_key(client)
    response = client.post(SIGN_OUT)
    assert response.status_code == 302
    assert response.url == reverse("casework:signed-out")
    assert not Session.objects.filter(session_key=key).exists()
    assert "_auth_user_id" not in client.session


def test_replaying_a_case_page_after_signing_out_gets_the_sign_in_page(client, advocate, case):
    sign_in_fully(client, advocate)
    page = url("case", case_id=case.pk)
    old_cookie = session_key(client)
    client.post(SIGN_OUT)
    response = client.get(page)
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)
    # Replaying the old cookie, as a Back button or a copied request would, is no better.
    client.cookies[settings.SESSION_COOKIE_NAME] = old_cookie
    response = client.get(page)
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)


def test_sign_out_does_not_answer_get(advocate_client, case):
    assert advocate_client.get(SIGN_OUT).status_code == 405
    assert advocate_client.get(url("case", case_id=case.pk)).status_code == 200


def test_a_link_to_the_signed_out_page_from_another_site_does_not_sign_anyone_out(
    advocate_client, case
):
    response = advocate_client.get(reverse("casework:signed-out"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "You are still signed in" in content
    assert f'action="{SIGN_OUT}"' in content
    assert advocate_client.get(url("case", case_id=case.pk)).status_code == 200


def test_the_signed_out_page_says_so_when_it_is_true(client, advocate):
    sign_in_fully(client, advocate)
    response = client.post(SIGN_OUT, follow=True)
    assert b"You are signed out" in response.content
    assert b"You are still signed in" not in response.content


def test_an_idle_session_ends(advocate_client, case):
    page = url("case", case_id=case.pk)
    assert advocate_client.get(page).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = advocate_client.get(page)
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)


def test_each_request_restarts_the_idle_clock(advocate_client, case):
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    advocate_client.get(url("case", case_id=case.pk))
    expires = Session.objects.get(session_key=session_key(advocate_client)).expire_date
    assert expires > timezone.now() + timedelta(minutes=settings.SESSION_IDLE_MINUTES - 1)


def test_case_pages_carry_the_idle_warning(advocate_client, case):
    content = advocate_client.get(url("case", case_id=case.pk)).content.decode()
    assert "app-timeout-warning" in content
    left = int(re.search(r'data-timeout-seconds="(\d+)"', content).group(1))
    refresh = settings.SESSION_REFRESH_SECONDS
    assert settings.SESSION_COOKIE_AGE - refresh <= left <= settings.SESSION_COOKIE_AGE
    assert f'data-idle-seconds="{settings.SESSION_COOKIE_AGE}"' in content


def test_case_pages_are_not_kept_by_the_browser(advocate_client, case):
    response = advocate_client.get(url("case", case_id=case.pk))
    assert "no-store" in response["Cache-Control"]


def test_signing_in_again_as_someone_else_does_not_keep_the_first_verification(
    client, advocate, admin_advocate
):
    signed_in(client, advocate)
    sign_in_with_password(client, admin_advocate.email)
    response = client.get(reverse("casework:cases"))
    assert response.status_code == 302
    assert response.url == TWO_FACTOR

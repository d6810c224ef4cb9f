"""An admin's reset of someone's two-factor signs them out everywhere, and restoring a
stopped account does not bring its old sessions back."""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from tests.casework.conftest import signed_in
from tests.casework.records import current_code, sign_in_with_password, url


def test_resetting_two_factor_signs_the_advocate_out_everywhere(client, admin_advocate, advocate):
    phone, laptop = signed_in(Client(), advocate), signed_in(Client(), advocate)
    signed_in(client, admin_advocate)
    client.post(url("reset-two-factor", user_id=advocate.pk))
    for device in (phone, laptop):
        response = device.get(url("cases"))
        assert response.status_code == 302
        assert response.url.startswith(url("sign-in"))


def test_restoring_access_does_not_revive_old_sessions(client, admin_advocate, advocate):
    old = signed_in(Client(), advocate)
    signed_in(client, admin_advocate)
    client.post(url("set-active", user_id=advocate.pk), {"active": "no"})
    client.post(url("set-active", user_id=advocate.pk), {"active": "yes"})
    response = old.get(url("cases"))
    assert response.status_code == 302
    assert response.url.startswith(url("sign-in"))
    advocate.refresh_from_db()
    assert signed_in(Client(), advocate).get(url("cases")).status_code == 200


def test_the_two_factor_step_gives_a_new_session_key(client, advocate):
    sign_in_with_password(client, advocate.email)
    after_password = client.cookies[settings.SESSION_COOKIE_NAME].value
    code = current_code(advocate.totpdevice_set.get())
    assert client.post(url("two-factor"), {"code": code}).status_code == 302
    after_code = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after_code != after_password
    assert not Session.objects.filter(session_key=after_password).exists()
    assert client.get(url("cases")).status_code == 200

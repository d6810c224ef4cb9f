"""The site admin has no sign-in of its own: it sits behind the advocates' password and
two-factor sign-in (with its lockout), and production serves it only when SITE_ADMIN is on."""

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.models import User
from tests.casework.conftest import PASSWORD, signed_in
from tests.test_settings import PRODUCTION_ENV, manage

ADMIN = "/cases/admin/"
ADMIN_LOGIN = "/cases/admin/login/"
SIGN_IN = reverse("casework:sign-in")


def superuser(organisation):
    user = User.objects.create_superuser(
        "root@north.example", PASSWORD, full_name="Root", organisation=organisation
    )
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def test_the_admin_login_page_sends_everyone_to_the_one_sign_in(client, organisation):
    response = client.get(ADMIN_LOGIN)
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)


def test_posting_a_password_to_the_admin_login_signs_no_one_in_and_says_nothing(
    client, organisation
):
    root = superuser(organisation)
    right = client.post(ADMIN_LOGIN, {"username": root.email, "password": PASSWORD})
    wrong = client.post(ADMIN_LOGIN, {"username": root.email, "password": "not-it"})
    assert right.status_code == wrong.status_code == 302
    assert right.url == wrong.url
    assert "_auth_user_id" not in client.session


def final_address(client, address) -> str:
    response = client.get(address, follow=True)
    return response.redirect_chain[-1][0] if response.redirect_chain else address


def test_the_admin_itself_sends_a_stranger_to_the_one_sign_in(client, db):
    assert final_address(client, ADMIN) == f"{SIGN_IN}?next=%2Fcases%2Fadmin%2F"


def test_a_superuser_past_two_factor_reaches_the_admin(client, organisation):
    signed_in(client, superuser(organisation))
    assert client.get(ADMIN).status_code == 200


def test_a_superuser_with_only_a_password_does_not(client, organisation):
    signed_in(client, superuser(organisation), verified=False)
    assert final_address(client, ADMIN).startswith(reverse("casework:two-factor"))


def test_an_advocate_who_is_not_staff_is_turned_away(advocate_client):
    response = advocate_client.get(ADMIN, follow=True)
    assert response.status_code == 403


def test_production_serves_no_admin_unless_the_setting_turns_it_on():
    code = (
        "from django.urls import Resolver404, resolve\n"
        "try:\n    resolve('/cases/admin/'); print('admin served')\n"
        "except Resolver404:\n    print('no admin')\n"
    )
    off = manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert off.stdout.strip().splitlines()[-1] == "no admin", off.stderr
    on = manage("shell", "-c", code, env={**PRODUCTION_ENV, "SITE_ADMIN": "true"})
    assert on.stdout.strip().splitlines()[-1] == "admin served", on.stderr


def test_the_admin_never_shows_an_authenticator_secret(client, organisation, advocate):
    signed_in(client, superuser(organisation))
    device = advocate.totpdevice_set.get()
    change = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])
    page = client.get(change)
    assert page.status_code == 200
    assert device.key not in page.content.decode()
    listing = client.get(reverse("admin:otp_totp_totpdevice_changelist")).content.decode()
    assert "qrcode" not in listing
    qr = client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk]))
    assert qr.status_code == 403

"""Advocates join through a single-use, expiring invitation and choose their own password;
nobody else ever sees or sets it (docs/safety.md)."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlparse

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.models import Invitation, User
from tests.casework.conftest import signed_in
from tests.casework.records import current_code, sign_in_with_password, url

NEW_PASSWORD = "correct horse battery staple"


def invite(client, admin, **fields):
    """The admin invites someone; the link the page shows them."""
    signed_in(client, admin)
    data = {"full_name": "Pat New", "email": "pat@north.example", **fields}
    response = client.post(url("add-advocate"), data)
    assert response.status_code == 200, response.content.decode()[:3000]
    link = response.context["link"]
    client.logout()
    return link, response


def token_of(link: str) -> str:
    return parse_qs(urlparse(link).query)["invitation"][0]


def join(client, link, password=NEW_PASSWORD, again=None):
    return client.post(
        url("join"),
        {
            "invitation": token_of(link),
            "new_password": password,
            "confirm_password": password if again is None else again,
        },
    )


def test_the_admin_sees_a_link_to_pass_on_and_never_a_password(client, admin_advocate):
    link, response = invite(client, admin_advocate)
    page = unescape(response.content.decode())
    assert link in page
    assert "password:" not in page.lower()
    assert urlparse(link).path == url("join")
    assert not User.objects.filter(email="pat@north.example").exists()
    stored = Invitation.objects.get()
    assert token_of(link) not in repr(list(Invitation.objects.values_list()))
    assert stored.token_digest != token_of(link)


def test_the_invited_advocate_chooses_a_password_then_enrols_two_factor(client, admin_advocate):
    link, _ = invite(client, admin_advocate)
    page = client.get(link)
    assert page.status_code == 200
    assert "Choose your password" in page.content.decode()
    response = join(client, link)
    assert response.status_code == 302
    assert response.url == url("two-factor")
    person = User.objects.get(email="pat@north.example")
    assert person.check_password(NEW_PASSWORD)
    assert person.organisation == admin_advocate.organisation
    enrol = client.get(url("two-factor"))
    assert enrol.context["enrolling"]
    device = TOTPDevice.objects.get(user=person)
    assert client.post(url("two-factor"), {"code": current_code(device)}).status_code == 302
    assert client.get(url("cases")).status_code == 200


def test_the_link_works_once(client, admin_advocate):
    link, _ = invite(client, admin_advocate)
    join(client, link)
    client.logout()
    assert client.get(link).status_code == 404
    assert join(client, link, password="another long password 99").status_code == 404
    assert User.objects.get(email="pat@north.example").check_password(NEW_PASSWORD)


def test_the_link_runs_out(client, admin_advocate, settings):
    link, _ = invite(client, admin_advocate)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(link)
    assert response.status_code == 404
    assert "This invitation link cannot be used" in response.content.decode()
    assert join(client, link).status_code == 404
    assert not User.objects.filter(email="pat@north.example").exists()


def test_inviting_again_replaces_the_old_link(client, admin_advocate):
    first, _ = invite(client, admin_advocate)
    second, _ = invite(client, admin_advocate)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


def test_a_made_up_token_gets_the_same_page(client, db):
    assert client.get(url("join") + "?invitation=made-up").status_code == 404
    assert client.get(url("join")).status_code == 404


def test_a_weak_or_mistyped_password_is_refused_with_a_clear_error(client, admin_advocate):
    link, _ = invite(client, admin_advocate)
    short = join(client, link, password="short")
    assert short.status_code == 422
    assert "at least 12 characters" in short.content.decode()
    mistyped = join(client, link, again="correct horse battery stapel")
    assert mistyped.status_code == 422
    assert "The two passwords are not the same" in mistyped.content.decode()
    assert not User.objects.filter(email="pat@north.example").exists()


def test_an_address_in_another_organisation_is_not_revealed_to_the_admin(
    client, admin_advocate, outsider
):
    """Inviting someone who has an account elsewhere looks the same to the admin; the link
    then cannot be used, and its owner is told so."""
    link, response = invite(client, admin_advocate, email=outsider.email.upper())
    assert "Send Pat New their invitation link" in unescape(response.content.decode())
    assert join(client, link).status_code == 404
    outsider.refresh_from_db()
    assert outsider.organisation.name == "South Support"
    assert not outsider.check_password(NEW_PASSWORD)


def test_an_address_already_in_the_admins_own_organisation_is_refused(
    client, admin_advocate, advocate
):
    signed_in(client, admin_advocate)
    response = client.post(url("add-advocate"), {"full_name": "Sam", "email": advocate.email})
    assert response.status_code == 422
    assert "already has this email address" in response.content.decode()


def test_the_list_shows_who_is_invited_and_not_joined(client, admin_advocate):
    invite(client, admin_advocate)
    signed_in(client, admin_advocate)
    page = client.get(url("advocates")).content.decode()
    assert "Pat New" in page
    assert re.search(r"Invited; the link works until", page)


def test_changing_your_password_keeps_this_session_and_ends_the_others(client, advocate):
    from django.test import Client

    elsewhere = signed_in(Client(), advocate)
    signed_in(client, advocate)
    response = client.post(
        url("change-password"),
        {
            "current_password": "a-long-test-password-1",
            "new_password": NEW_PASSWORD,
            "confirm_password": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "Your password has been changed" in response.content.decode()
    advocate.refresh_from_db()
    assert advocate.check_password(NEW_PASSWORD)
    assert client.get(url("cases")).status_code == 200
    assert elsewhere.get(url("cases")).status_code == 302


def test_a_wrong_current_password_changes_nothing(advocate_client, advocate):
    response = advocate_client.post(
        url("change-password"),
        {
            "current_password": "not-it",
            "new_password": NEW_PASSWORD,
            "confirm_password": NEW_PASSWORD,
        },
    )
    assert response.status_code == 422
    assert "Your current password is not right" in response.content.decode()
    advocate.refresh_from_db()
    assert not advocate.check_password(NEW_PASSWORD)


def test_the_new_password_signs_in(client, admin_advocate):
    link, _ = invite(client, admin_advocate)
    join(client, link)
    client.logout()
    assert sign_in_with_password(client, "pat@north.example", NEW_PASSWORD).status_code == 302

"""The onboarding and housekeeping commands."""

import base64
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.management.commands import demo_accounts
from casework.models import Invitation, Organisation, User
from tests.casework.records import sign_in_with_password


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def printed_uri(output: str) -> str:
    (uri,) = re.findall(r"otpauth://\S+", output)
    return uri


def code_from(uri: str) -> str:
    """What an authenticator app would show, from the address alone."""
    secret = parse_qs(urlparse(uri).query)["secret"][0]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


# --- create_organisation -------------------------------------------------------------------


def test_create_organisation(db):
    assert "Created organisation 'East Support'" in run("create_organisation", "East Support")
    assert Organisation.objects.filter(name="East Support").exists()


@pytest.mark.parametrize("again", ["North Support", "  North Support  "])
def test_create_organisation_refuses_a_duplicate(organisation, again):
    with pytest.raises(CommandError, match="already an organisation"):
        run("create_organisation", again)
    assert Organisation.objects.count() == 1


def test_create_organisation_needs_a_name(db):
    with pytest.raises(CommandError, match="needs a name"):
        run("create_organisation", "   ")


# --- create_advocate -----------------------------------------------------------------------


def printed_link(output: str) -> str:
    (link,) = re.findall(r"https?://\S+", output)
    return link


def test_create_advocate_prints_an_invitation_link_and_no_password(organisation):
    output = run(
        "create_advocate",
        organisation="North Support",
        email="New.Person@North.example",
        name="New Person",
        site="https://screening.example.org",
    )
    link = printed_link(output)
    assert link.startswith("https://screening.example.org/cases/join/?invitation=")
    invitation = Invitation.objects.get(email="new.person@north.example")
    assert invitation.organisation == organisation
    assert invitation.full_name == "New Person"
    assert not invitation.is_organisation_admin
    assert not User.objects.filter(email="new.person@north.example").exists()
    assert "password" not in output.lower().replace("choose their password", "")
    assert "otpauth" not in output


def test_create_advocate_admin(organisation):
    output = run(
        "create_advocate", organisation="North Support", email="boss@north.example", admin=True
    )
    assert Invitation.objects.get(email="boss@north.example").is_organisation_admin
    assert "Invited organisation admin" in output


def test_create_advocate_refuses_an_unknown_organisation(db):
    with pytest.raises(CommandError, match="no organisation called 'Nowhere'"):
        run("create_advocate", organisation="Nowhere", email="x@north.example")


def test_create_advocate_refuses_an_email_that_has_an_account(advocate):
    with pytest.raises(CommandError, match="already an account"):
        run("create_advocate", organisation="North Support", email=advocate.email.upper())


def test_the_invited_advocate_joins_and_enrols_from_the_printed_link(client, organisation):
    output = run("create_advocate", organisation="North Support", email="new@north.example")
    link = urlparse(printed_link(output))
    token = parse_qs(link.query)["invitation"][0]
    password = "a-perfectly-fine-password"
    response = client.post(
        reverse("casework:join"),
        {"invitation": token, "new_password": password, "confirm_password": password},
    )
    assert response.url == reverse("casework:two-factor")
    page = client.get(response.url)
    assert page.context["enrolling"]
    device = TOTPDevice.objects.get(user__email="new@north.example")
    response = client.post(reverse("casework:two-factor"), {"code": code_from(device.config_url)})
    assert response.status_code == 302
    assert client.get(reverse("casework:cases")).status_code == 200
    client.logout()
    assert sign_in_with_password(client, "new@north.example", password).status_code == 302


# --- generate_encryption_key ---------------------------------------------------------------


def test_generate_encryption_key_prints_a_new_fernet_key():
    first, second = run("generate_encryption_key").strip(), run("generate_encryption_key").strip()
    assert first != second
    token = Fernet(first.encode()).encrypt(b"x")
    assert Fernet(first.encode()).decrypt(token) == b"x"


# --- demo_accounts -------------------------------------------------------------------------


def test_demo_accounts_refuses_outside_development(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only in development"):
        run("demo_accounts")
    assert not User.objects.exists()
    assert not Organisation.objects.exists()


def test_demo_accounts_in_development(client, db, settings):
    settings.DEBUG = True
    output = run("demo_accounts")
    again = run("demo_accounts")
    assert User.objects.filter(email=demo_accounts.EMAIL).count() == 1
    assert demo_accounts.EMAIL in output
    assert demo_accounts.EMAIL in again
    code = run("demo_accounts", code=True).strip()
    assert re.fullmatch(r"\d{6}", code)
    assert code == code_from(printed_uri(output))
    sign_in_with_password(client, demo_accounts.EMAIL, demo_accounts.PASSWORD)
    response = client.post(reverse("casework:two-factor"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("casework:audit-log")).status_code == 200


def test_demo_accounts_offer_an_invitation_to_try_joining(client, db, settings):
    settings.DEBUG = True
    output = run("demo_accounts")
    (link,) = re.findall(r"http://127\.0\.0\.1:8000/cases/join/\S+", output)
    assert client.get(link.removeprefix("http://127.0.0.1:8000")).status_code == 200

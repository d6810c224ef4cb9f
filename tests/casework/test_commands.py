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
from casework.models import Organisation, User
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


def test_create_advocate_prints_the_address_for_the_authenticator_app(organisation):
    output = run(
        "create_advocate",
        organisation="North Support",
        email="New.Person@North.example",
        name="New Person",
        password="a-perfectly-fine-password",
    )
    person = User.objects.get(email="new.person@north.example")
    assert person.organisation == organisation
    assert person.full_name == "New Person"
    assert not person.is_organisation_admin
    assert person.check_password("a-perfectly-fine-password")
    uri = printed_uri(output)
    assert uri.startswith("otpauth://totp/")
    assert uri == TOTPDevice.objects.get(user=person).config_url
    assert "First password" not in output


def test_create_advocate_admin(organisation):
    output = run(
        "create_advocate", organisation="North Support", email="boss@north.example", admin=True
    )
    assert User.objects.get(email="boss@north.example").is_organisation_admin
    assert "Created organisation admin" in output


def test_create_advocate_generates_a_first_password_when_none_is_given(organisation):
    output = run("create_advocate", organisation="North Support", email="gen@north.example")
    (password,) = re.findall(r"First password: (\S+)", output)
    assert User.objects.get(email="gen@north.example").check_password(password)


@pytest.mark.parametrize(
    "password", ["short", "123456789012345", "password1234", "gen@north.example1"]
)
def test_create_advocate_refuses_a_weak_password(organisation, password):
    with pytest.raises(CommandError):
        run(
            "create_advocate",
            organisation="North Support",
            email="gen@north.example",
            password=password,
        )
    assert not User.objects.filter(email="gen@north.example").exists()
    assert not TOTPDevice.objects.exists()


def test_create_advocate_refuses_an_unknown_organisation(db):
    with pytest.raises(CommandError, match="no organisation called 'Nowhere'"):
        run("create_advocate", organisation="Nowhere", email="x@north.example")
    assert not User.objects.exists()


def test_create_advocate_refuses_an_email_that_has_an_account(advocate):
    with pytest.raises(CommandError, match="already an account"):
        run("create_advocate", organisation="North Support", email=advocate.email.upper())


def test_the_new_advocate_signs_in_with_a_code_from_the_printed_address(client, organisation):
    output = run(
        "create_advocate",
        organisation="North Support",
        email="new@north.example",
        password="a-perfectly-fine-password",
    )
    response = sign_in_with_password(client, "new@north.example", "a-perfectly-fine-password")
    assert response.url == reverse("casework:two-factor")
    page = client.get(response.url)
    assert not page.context["enrolling"]  # enrolled already, from the printed address
    response = client.post(response.url, {"code": code_from(printed_uri(output))})
    assert response.status_code == 302
    assert client.get(reverse("casework:cases")).status_code == 200


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

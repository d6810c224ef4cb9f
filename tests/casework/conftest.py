"""Organisations, advocates and cases for the advocate workspace's tests."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.models import Case, Organisation, User

PASSWORD = "a-long-test-password-1"


def make_advocate(organisation, email, *, admin=False) -> User:
    user = User.objects.create_user(
        email,
        PASSWORD,
        full_name=email.split("@")[0].title(),
        organisation=organisation,
        is_organisation_admin=admin,
    )
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def signed_in(client, user, *, verified=True):
    """``client`` signed in as ``user``, past two-factor unless ``verified`` is False."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if verified:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get().persistent_id
        session.save()
    return client


def make_case(organisation, advocate, **fields) -> Case:
    values = {
        "client_reference": "CR-001",
        "stalker_name": "Alex Example",
        "safe_contact": {"call": "yes", "voicemail": "no", "text": "yes", "email": "no"},
    }
    values.update(fields)
    values.setdefault("owner", advocate)
    return Case.objects.create(organisation=organisation, created_by=advocate, **values)


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="North Support")


@pytest.fixture
def other_organisation(db):
    return Organisation.objects.create(name="South Support")


@pytest.fixture
def advocate(organisation):
    return make_advocate(organisation, "sam@north.example")


@pytest.fixture
def admin_advocate(organisation):
    return make_advocate(organisation, "ola@north.example", admin=True)


@pytest.fixture
def outsider(other_organisation):
    return make_advocate(other_organisation, "kim@south.example", admin=True)


@pytest.fixture
def case(organisation, advocate):
    return make_case(organisation, advocate)


@pytest.fixture
def advocate_client(client, advocate):
    return signed_in(client, advocate)

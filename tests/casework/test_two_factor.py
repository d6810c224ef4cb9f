"""A password alone reaches nothing: every case page waits for the TOTP code
(docs/safety.md C15)."""

import uuid

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.incident_log import CaseIncidentLog
from casework.models import CaseIncident, User
from tests.casework.conftest import PASSWORD, make_case, signed_in
from tests.casework.records import (
    completed_screening,
    current_code,
    sign_in_with_password,
    url,
)
from tests.casework.urls import BEFORE_TWO_FACTOR, build, casework_patterns
from tests.incident_examples import FULL

SIGN_IN = reverse("casework:sign-in")
TWO_FACTOR = reverse("casework:two-factor")
CASES = reverse("casework:cases")


@pytest.fixture
def newcomer(organisation):
    """An advocate who has never signed in: no authenticator app yet."""
    return User.objects.create_user(
        "new@north.example", PASSWORD, full_name="New Person", organisation=organisation
    )


def every_case_page(case, screening, colleague):
    objects = {
        "case_id": case.pk,
        "screening_id": screening.pk,
        "user_id": colleague.pk,
        "entry_id": FULL.id,
        "judgement_id": uuid.uuid4(),
        "note_id": uuid.uuid4(),
        "task_id": uuid.uuid4(),
        "item_id": uuid.uuid4(),
        "kind": "order",
        "plan_id": uuid.uuid4(),
        "referral_id": uuid.uuid4(),
        "slug": "feelings",
    }
    return [
        build(name, parameters, objects)
        for name, parameters in casework_patterns().items()
        if name not in BEFORE_TWO_FACTOR
    ]


@pytest.mark.parametrize("method", ["get", "post"])
def test_password_only_session_reaches_no_case_page(
    client, admin_advocate, advocate, organisation, method
):
    case = make_case(organisation, advocate, client_reference="SENTINEL-REF")
    screening = completed_screening(case, advocate)
    CaseIncidentLog(case).add(FULL)
    signed_in(client, admin_advocate, verified=False)
    pages = every_case_page(case, screening, advocate)
    assert len(pages) > 10
    for page in pages:
        response = getattr(client, method)(page)
        assert response.status_code == 302, page
        assert response.url.startswith((TWO_FACTOR, SIGN_IN)), page
        assert b"SENTINEL-REF" not in response.content
    case.refresh_from_db()
    assert case.is_open
    assert CaseIncident.objects.filter(case=case).count() == 1
    assert User.objects.filter(pk=advocate.pk, is_active=True).exists()


def test_signed_out_visitor_is_sent_to_sign_in_with_the_page_to_come_back_to(client, case):
    page = url("case", case_id=case.pk)
    response = client.get(page)
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)
    assert "next=" in response.url


def test_site_admin_needs_two_factor_too(client, organisation):
    superuser = User.objects.create_superuser(
        "root@north.example", PASSWORD, full_name="Root", organisation=organisation
    )
    TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    signed_in(client, superuser, verified=False)
    response = client.get(reverse("admin:casework_organisation_changelist"))
    assert response.status_code == 302
    signed_in(client, superuser)
    assert client.get(reverse("admin:index")).status_code == 200


def test_first_sign_in_enrols_an_authenticator_app(client, newcomer):
    response = sign_in_with_password(client, newcomer.email)
    assert response.status_code == 302
    assert response.url == TWO_FACTOR

    page = client.get(TWO_FACTOR)
    assert page.status_code == 200
    assert page.context["enrolling"]
    content = page.content.decode()
    assert "<svg" in content  # the QR code, drawn here
    device = TOTPDevice.objects.get(user=newcomer)
    assert not device.confirmed
    assert page.context["secret"].replace(" ", "") in device.config_url
    assert page.context["secret"] in content

    # Until the code is given, nothing else is reachable.
    assert client.get(CASES).url == TWO_FACTOR

    response = client.post(TWO_FACTOR, {"code": current_code(device)})
    assert response.status_code == 302
    assert response.url == CASES
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(CASES).status_code == 200


def test_enrolment_page_shown_again_keeps_the_same_secret(client, newcomer):
    sign_in_with_password(client, newcomer.email)
    first = client.get(TWO_FACTOR).context["secret"]
    second = client.get(TWO_FACTOR).context["secret"]
    assert first == second
    assert TOTPDevice.objects.filter(user=newcomer).count() == 1


def test_later_sign_ins_ask_for_the_code_without_showing_the_secret(client, advocate):
    response = sign_in_with_password(client, advocate.email)
    assert response.url == TWO_FACTOR
    page = client.get(TWO_FACTOR)
    assert page.status_code == 200
    assert not page.context["enrolling"]
    assert "secret" not in page.context
    assert b"<svg" not in page.content
    device = advocate.totpdevice_set.get()
    response = client.post(TWO_FACTOR, {"code": current_code(device)})
    assert response.status_code == 302
    assert client.get(CASES).status_code == 200


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter the 6-digit code from your authenticator app"),
        ("12ab56", "Enter the 6 digits from your authenticator app"),
        ("1234567", "Enter the 6 digits from your authenticator app"),
    ],
)
def test_malformed_code_is_a_422_with_a_clear_error(client, advocate, code, message):
    sign_in_with_password(client, advocate.email)
    response = client.post(TWO_FACTOR, {"code": code})
    assert response.status_code == 422
    assert message in response.content.decode()
    assert b"Error:" in response.content
    assert client.get(CASES).url == TWO_FACTOR


def test_wrong_code_is_a_422_and_does_not_confirm_the_device(client, newcomer):
    sign_in_with_password(client, newcomer.email)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=newcomer)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(TWO_FACTOR, {"code": wrong})
    assert response.status_code == 422
    assert "That code is not right" in response.content.decode()
    assert 'href="#id_code"' in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(CASES).url == TWO_FACTOR


def test_codes_straight_after_a_wrong_one_are_throttled(client, advocate):
    sign_in_with_password(client, advocate.email)
    device = advocate.totpdevice_set.get()
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    client.post(TWO_FACTOR, {"code": wrong})
    response = client.post(TWO_FACTOR, {"code": current_code(device)})
    assert response.status_code == 422
    assert "Too many wrong codes" in response.content.decode()


def test_a_code_cannot_be_used_twice(client, advocate, settings):
    device = advocate.totpdevice_set.get()
    code = current_code(device)
    sign_in_with_password(client, advocate.email)
    assert client.post(TWO_FACTOR, {"code": code}).status_code == 302
    client.post(reverse("casework:sign-out"))
    sign_in_with_password(client, advocate.email)
    assert client.post(TWO_FACTOR, {"code": code}).status_code == 422


def test_next_brings_the_advocate_back_to_the_case_they_asked_for(client, advocate, case):
    page = url("case", case_id=case.pk)
    response = sign_in_with_password(client, advocate.email, next=page)
    assert response.status_code == 302
    assert response.url.startswith(TWO_FACTOR)
    device = advocate.totpdevice_set.get()
    response = client.post(response.url, {"code": current_code(device)})
    assert response.status_code == 302
    assert response.url == page


@pytest.mark.parametrize(
    "elsewhere",
    [
        "https://evil.example/cases/",
        "//evil.example/cases/",
        "http://evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
    ],
)
def test_next_never_leaves_the_service(client, advocate, elsewhere):
    response = sign_in_with_password(client, advocate.email, next=elsewhere)
    assert response.status_code == 302
    assert "evil" not in response.url
    assert "javascript" not in response.url
    device = advocate.totpdevice_set.get()
    response = client.post(f"{TWO_FACTOR}?next={elsewhere}", {"code": current_code(device)})
    assert response.status_code == 302
    assert response.url == CASES


def test_verified_advocate_visiting_two_factor_with_a_foreign_next_stays_here(client, advocate):
    signed_in(client, advocate)
    response = client.get(TWO_FACTOR, {"next": "https://evil.example/"})
    assert response.status_code == 302
    assert response.url == CASES


def test_wrong_password_is_a_422_that_does_not_say_which_part_was_wrong(client, advocate):
    response = sign_in_with_password(client, advocate.email, "not-the-password")
    assert response.status_code == 422
    unknown = sign_in_with_password(client, "nobody@north.example", "not-the-password")
    assert unknown.status_code == 422
    assert "The email address or password is not right" in response.content.decode()
    assert response.context["form"].errors == unknown.context["form"].errors


def test_email_address_is_not_case_sensitive(client, advocate):
    response = sign_in_with_password(client, advocate.email.upper())
    assert response.status_code == 302
    assert response.url == TWO_FACTOR


def test_inactive_advocate_cannot_sign_in(client, advocate):
    advocate.is_active = False
    advocate.save()
    response = sign_in_with_password(client, advocate.email)
    assert response.status_code == 422
    assert "The email address or password is not right" in response.content.decode()


def test_sign_in_form_welcomes_password_managers(client, db):
    content = client.get(SIGN_IN).content.decode()
    assert 'autocomplete="username"' in content
    assert 'autocomplete="current-password"' in content
    assert 'type="email"' in content


def test_account_without_an_organisation_reaches_no_case_page(client, organisation):
    loner = User.objects.create_user("loner@north.example", PASSWORD, full_name="Loner")
    TOTPDevice.objects.create(user=loner, name="app", confirmed=True)
    signed_in(client, loner)
    assert client.get(CASES).status_code == 403

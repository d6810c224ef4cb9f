"""An advocate weeks into a case, in a real browser: the caseload keeps the case's level while a
new screening is in progress, a screening started by mistake is discarded, and professional
judgement is a history that can be corrected. axe on every page on the way."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from casework.models import Organisation, User
from tests.browser.advocates import sign_in
from tests.browser.axe import violations
from tests.casework.conftest import make_case
from tests.casework.records import completed_screening, started_screening

pytestmark = pytest.mark.browser

EMAIL = "ash@north.example"
PASSWORD = "a-long-browser-password-9"


@pytest.fixture
def advocate(transactional_db):
    organisation = Organisation.objects.create(name="North Support")
    user = User.objects.create_user(
        EMAIL, PASSWORD, full_name="Ash Advocate", organisation=organisation
    )
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


@pytest.fixture
def weeks_in(advocate):
    """A serious case screened two weeks ago, with a new screening started today, and a case
    whose last screening showed warning signs present."""
    serious = make_case(advocate.organisation, advocate, client_reference="NS-0042")
    completed_screening(serious, advocate, days_ago=14, yes=tuple(range(1, 12)))
    started_screening(serious, advocate)
    present = make_case(advocate.organisation, advocate, client_reference="NS-0043")
    completed_screening(present, advocate, days_ago=3, yes=(3,))
    return serious, present


def _sign_in(page, site, advocate):
    sign_in(page, site, advocate, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("My cases")


def test_the_caseload_keeps_the_level_and_a_mistaken_screening_is_discarded(
    page, site, advocate, weeks_in
):
    _sign_in(page, site, advocate)
    row = page.get_by_role("row").filter(has_text="NS-0042")
    expect(row).to_contain_text("Serious warning signs")
    expect(row).to_contain_text("New screening in progress")
    assert violations(page) == ""

    page.get_by_role("link", name="NS-0042").click()
    expect(page.get_by_text("In progress")).to_be_visible()
    assert violations(page) == ""
    page.get_by_role("link", name="Discard this unfinished screening").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Discard the screening started")
    assert violations(page) == ""
    page.get_by_role("button", name="Discard the screening").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The unfinished screening has been discarded."
    )
    expect(page.get_by_text("In progress")).to_have_count(0)
    assert violations(page) == ""


def test_judgement_is_a_history_that_can_be_corrected(page, site, advocate, weeks_in):
    _sign_in(page, site, advocate)
    page.get_by_role("link", name="NS-0043").click()
    page.get_by_role("link", name="Screening of").click()
    page.get_by_label("Serious warning signs").check()
    page.get_by_label("Why are you raising the level?").fill("He has found her new address.")
    page.get_by_role("button", name="Raise the level").click()
    expect(
        page.get_by_role("heading", name="Raised to “Serious warning signs” by Ash Advocate")
    ).to_be_visible()
    assert violations(page) == ""

    page.get_by_role("button", name="Withdraw this raise, made in error").click()
    expect(page.get_by_text("Withdrawn")).to_be_visible()
    expect(page.get_by_text("He has found her new address.")).to_be_visible()
    expect(page.locator(".app-level h2")).to_have_text("Warning signs present")
    assert violations(page) == ""

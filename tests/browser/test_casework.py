"""An advocate in a real browser: sign in with a TOTP code, open a case, screen with
quick entry, raise the level, download the PDF; axe on every advocate page on the way."""

import io

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from pypdf import PdfReader

from casework.models import Organisation, User
from screening import questions
from tests.browser.axe import violations

pytestmark = pytest.mark.browser

EMAIL = "robin@north.example"
PASSWORD = "a-long-browser-password-7"


class Checked(dict):
    """axe's report for each page visited, by a short label."""

    def visit(self, page, label):
        report = violations(page)
        if report:
            self[label] = report

    def assert_clean(self):
        assert not self, "\n\n".join(f"== {label} ==\n{text}" for label, text in self.items())


def _code(device: TOTPDevice, *, offset: int = 0) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, drift=offset):06d}"


@pytest.fixture
def advocate(transactional_db):
    organisation = Organisation.objects.create(name="North Support")
    return User.objects.create_user(
        EMAIL,
        PASSWORD,
        full_name="Robin Advocate",
        organisation=organisation,
        is_organisation_admin=True,
    )


def _sign_in(page, site, checked):
    page.goto(f"{site}/cases/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to the advocate workspace")
    assert page.get_by_label("Email address").get_attribute("autocomplete") == "username"
    assert page.get_by_label("Password").get_attribute("autocomplete") == "current-password"
    checked.visit(page, "sign in")
    page.get_by_role("button", name="Continue").click()
    checked.visit(page, "sign in with errors")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()


def test_an_advocate_signs_in_screens_a_client_and_downloads_the_summary(page, site, advocate):
    checked = Checked()
    _sign_in(page, site, checked)

    # First sign-in: enrol an authenticator app from the QR code or the key.
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    checked.visit(page, "enrolment")
    device = TOTPDevice.objects.get(user=advocate)
    wrong = "000000" if _code(device) != "000000" else "111111"
    page.get_by_label("Code from your authenticator app").fill(wrong)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("That code is not right")
    checked.visit(page, "enrolment with an error")
    # After a wrong code, django-otp makes the next try wait a second (longer each time).
    page.wait_for_timeout(1100)
    page.get_by_label("Code from your authenticator app").fill(_code(device))
    page.get_by_role("button", name="Continue").click()

    # The caseload (their own cases), then a new case.
    expect(page.get_by_role("heading", level=1)).to_have_text("My cases")
    checked.visit(page, "case list (empty)")
    page.get_by_role("button", name="New case").click()
    checked.visit(page, "new case")
    page.get_by_role("button", name="Create case").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter")
    checked.visit(page, "new case with errors")
    page.get_by_label("Client reference").fill("NS-2026-014")
    page.get_by_label("Name or description of the person stalking them").fill("Jordan Example")
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("4")
    page.get_by_label("Year").fill("1984")
    page.get_by_role("group", name="How does the client know them?").get_by_label(
        "An ex-partner"
    ).check()
    page.get_by_role(
        "group", name="Has the client agreed to share information with the police?"
    ).get_by_label("Yes").check()
    page.get_by_role(
        "group", name="Has the client agreed to be referred to other services?"
    ).get_by_label("Yes").check()
    page.get_by_role("button", name="Create case").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("NS-2026-014")
    checked.visit(page, "case")
    page.get_by_role("button", name="Start a screening").click()
    checked.visit(page, "before the screening")
    page.get_by_role("button", name="Quick entry, all questions on one page").click()

    # Quick entry: every question on one page, in the checklist's wording.
    expect(page.get_by_role("heading", level=1)).to_have_text("Quick entry")
    checked.visit(page, "quick entry")
    page.get_by_role("button", name="Save and check the answers").click()
    expect(page.get_by_role("alert")).to_be_visible()
    checked.visit(page, "quick entry with errors")
    # The "about them" answers start from the case; the rest are answered here.
    page.locator("input[name='about-them-how_often'][value='more_than_five']").check()
    page.locator("input[name='about-them-since'][value='one_to_six_months']").check()
    for sign in questions.BANK.warning_signs:
        value = "yes" if sign.number in (2, 5) else "no"
        page.locator(f"input[name='{sign.slug}-answer'][value='{value}']").check()
    page.locator("input[name='behaviours-behaviours'][value='following']").check()
    page.get_by_role("button", name="Save and check the answers").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check the answers")
    checked.visit(page, "check the answers")
    page.get_by_role("button", name="Complete the screening").click()

    expect(
        page.get_by_role("heading", level=2, name="Warning signs present", exact=True)
    ).to_be_visible()
    checked.visit(page, "result")
    # Professional judgement raises the level; it cannot lower it.
    page.get_by_role("button", name="Raise the level").click()
    expect(page.get_by_role("alert")).to_contain_text("Select the level to raise it to")
    checked.visit(page, "result with a judgement error")
    page.get_by_label("Serious warning signs").check()
    page.get_by_label("Why are you raising the level?").fill(
        "Escalating visits to her workplace this week."
    )
    page.get_by_role("button", name="Raise the level").click()
    expect(
        page.get_by_role("heading", level=2, name="Serious warning signs", exact=True)
    ).to_be_visible()
    expect(page.get_by_text("Raised on professional judgement.")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the summary (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("summary-")
    with open(download.path(), "rb") as document:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(document.read())).pages)
    assert "Robin Advocate" in text
    assert "North Support" in text
    assert "NS-2026-014" in text

    page.get_by_role("link", name="Back to the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("NS-2026-014")
    expect(page.get_by_text("raised on professional judgement")).to_be_visible()
    checked.visit(page, "case with a screening")

    # The incident log on the case.
    page.get_by_role("link", name="Start the incident log").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Incident log")
    checked.visit(page, "incident log (empty)")
    page.get_by_role("button", name="Add an entry").click()
    checked.visit(page, "add an entry")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("alert")).to_be_visible()
    checked.visit(page, "add an entry with errors")
    when = page.get_by_role("group", name="When did it happen?")
    when.get_by_label("Day").fill("2")
    when.get_by_label("Month").fill("11")
    when.get_by_label("Year").fill("2026")
    page.locator("textarea[name='what_happened']").fill("Waited by her car after work.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Waited by her car after work.")).to_be_visible()
    checked.visit(page, "incident log with an entry")
    page.get_by_role("link", name="Import entries from a CSV file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import entries from a CSV file")
    checked.visit(page, "import entries")
    page.get_by_role("link", name="Back to the incident log").click()
    page.get_by_role("link", name="Back to the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("NS-2026-014")
    page.get_by_role("link", name="Advocates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Advocates at North Support")
    checked.visit(page, "advocates")
    page.get_by_role("button", name="Invite an advocate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invite an advocate")
    checked.visit(page, "invite an advocate")
    page.get_by_label("Full name").fill("Pat Newcomer")
    page.get_by_label("Email address").fill("pat.newcomer@north.example")
    page.get_by_role("button", name="Make an invitation link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Send Pat Newcomer their invitation link"
    )
    checked.visit(page, "invitation made")
    invitation_link = page.locator("code.app-secret").inner_text()
    page.get_by_role("button", name="Back to advocates").click()
    page.get_by_role("link", name="Your password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    checked.visit(page, "change your password")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("alert")).to_be_visible()
    checked.visit(page, "change your password with errors")
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("cell", name=EMAIL).first).to_be_visible()
    checked.visit(page, "audit log")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are signed out")
    checked.visit(page, "signed out")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Audit log")
    page.goto(invitation_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your password")
    checked.visit(page, "join from an invitation")
    checked.assert_clean()

"""A small team in a real browser: two advocates and a manager, five cases, a handover, notes,
the caseload; axe on every page on the way. Set SCREENSHOT_DIR to keep a PNG of each page."""

import os
from pathlib import Path

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from casework.models import Case, CaseNote, Handover, Organisation, User
from tests.browser.axe import violations

pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-password-7"


class Checked(dict):
    """axe's report for each page visited, by a short label; a screenshot if asked for."""

    def visit(self, page, label):
        report = violations(page)
        if report:
            self[label] = report
        folder = os.environ.get("SCREENSHOT_DIR")
        if folder:
            name = "".join(c if c.isalnum() else "-" for c in label)
            page.screenshot(path=str(Path(folder) / f"team-{name}.png"), full_page=True)

    def assert_clean(self):
        assert not self, "\n\n".join(f"== {label} ==\n{text}" for label, text in self.items())


def _person(organisation, email, name, *, manager=False) -> User:
    user = User.objects.create_user(
        email,
        PASSWORD,
        full_name=name,
        organisation=organisation,
        is_organisation_admin=manager,
    )
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


@pytest.fixture
def team(transactional_db):
    organisation = Organisation.objects.create(name="North Support")
    people = {
        "robin": _person(organisation, "robin@north.example", "Robin Advocate"),
        "sasha": _person(organisation, "sasha@north.example", "Sasha Advocate"),
        "morgan": _person(organisation, "morgan@north.example", "Morgan Manager", manager=True),
    }
    for number in range(1, 5):
        owner = people["robin"] if number % 2 else people["sasha"]
        Case.objects.create(
            organisation=organisation,
            created_by=owner,
            owner=owner,
            client_reference=f"NS-2026-00{number}",
            stalker_name="Someone",
            safe_contact={},
        )
    return people


def _sign_in(page, site, person):
    page.context.clear_cookies()
    page.goto(f"{site}/cases/")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    device = TOTPDevice.objects.get(user=person)
    page.get_by_label("Code from your authenticator app").fill(
        f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
    )
    page.get_by_role("button", name="Continue").click()


def test_a_team_hands_over_a_case_and_keeps_notes(page, site, team):
    checked = Checked()
    robin, sasha = team["robin"], team["sasha"]

    # Robin opens a fifth case.
    _sign_in(page, site, robin)
    page.get_by_role("button", name="New case").click()
    page.get_by_label("Client reference").fill("NS-2026-005")
    page.get_by_label("Name or description of the person stalking them").fill("Jordan Example")
    page.get_by_role("button", name="Create case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("NS-2026-005")
    expect(page.get_by_text("Owner: Robin Advocate")).to_be_visible()
    checked.visit(page, "case")

    # A contact, then a correction of it.
    page.get_by_role("link", name="Add a note or contact").click()
    checked.visit(page, "add a note")
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter what happened or what was said")
    checked.visit(page, "add a note with errors")
    page.get_by_role("group", name="How were you in contact?").get_by_label("Phone call").check()
    page.get_by_role("group", name="Was it safe for the client to talk?").get_by_label(
        "Safe to talk", exact=True
    ).check()
    page.get_by_label("What happened or what was said").fill("Car seen outside work on Monday.")
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notes and contacts")
    page.get_by_role("link", name="Correct this entry").click()
    checked.visit(page, "correct a note")
    page.get_by_label("What happened or what was said").fill("It was Tuesday, not Monday.")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_text("Corrected by a later entry")).to_be_visible()
    checked.visit(page, "notes")
    assert CaseNote.objects.count() == 2

    # Robin restricts the case and hands it over to Sasha with a note.
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("button", name="Restrict this case").click()
    expect(page.get_by_text("Restricted", exact=True)).to_be_visible()
    page.get_by_role("link", name="Hand over").click()
    checked.visit(page, "hand over")
    page.get_by_role("button", name="Hand over the case").click()
    expect(page.get_by_role("alert")).to_contain_text("Select who is taking the case on")
    checked.visit(page, "hand over with errors")
    page.get_by_label("Sasha Advocate").check()
    page.get_by_label("Handover note").fill("Court on the 3rd; texts only.")
    page.get_by_role("button", name="Hand over the case").click()
    expect(page.get_by_text("The case has been handed over.")).to_be_visible()
    assert Handover.objects.get().to_owner == sasha

    # Sasha sees it; Robin no longer does.
    _sign_in(page, site, sasha)
    page.goto(f"{site}/cases/{Case.objects.get(owner=sasha, is_restricted=True).pk}/")
    expect(page.get_by_text("Court on the 3rd; texts only.")).to_be_visible()
    checked.visit(page, "handed-over case")

    # An advocate on a manager's page gets the workspace's own refusal.
    page.goto(f"{site}/cases/organisation/audit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You do not have access to this")
    expect(page.get_by_role("button", name="Exit this page")).to_have_count(0)
    checked.visit(page, "no access")
    checked.assert_clean()

"""A small team in a real browser: two advocates and a manager, five cases, a handover, notes,
the caseload; axe on every page on the way. Set SCREENSHOT_DIR to keep a PNG of each page."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from casework.models import Case, CaseNote, Handover, Organisation, ProtectiveOrder, Referral, User
from screening import questions
from tests.browser.advocates import sign_in
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
    today = timezone.localdate()
    for number in range(1, 5):
        owner = people["robin"] if number % 2 else people["sasha"]
        case = Case.objects.create(
            organisation=organisation,
            created_by=owner,
            owner=owner,
            client_reference=f"NS-2026-00{number}",
            stalker_name="Someone",
            safe_contact={},
            # Case 1's review falls due tomorrow; case 3's is overdue.
            review_due_on={1: today + timedelta(days=1), 3: today - timedelta(days=2)}.get(number),
        )
        if number == 1:
            ProtectiveOrder.objects.create(
                case=case,
                kind="spo",
                made_on=today - timedelta(days=300),
                expires_on=today + timedelta(days=10),
            )
    return people


def _sign_in(page, site, person):
    sign_in(page, site, person, PASSWORD)


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

    # Robin's morning: the caseload, a review due, an order about to expire.
    robin_cases(page, site, robin, checked)
    # Morgan, the manager: every case, and the report.
    manager_view(page, site, team["morgan"], checked)
    checked.assert_clean()


def robin_cases(page, site, robin, checked):
    _sign_in(page, site, robin)
    expect(page.get_by_role("heading", level=1)).to_have_text("My cases")
    table = page.get_by_role("table")
    expect(table).to_contain_text("NS-2026-001")
    expect(table).to_contain_text("Review due soon")
    expect(table).to_contain_text("Review overdue")
    expect(table).to_contain_text("Order expires soon")
    expect(table).not_to_contain_text("NS-2026-002")  # Sasha's
    checked.visit(page, "caseload")
    page.get_by_label("Search by client reference").fill("2026-003")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("table")).to_contain_text("NS-2026-003")
    expect(page.get_by_role("table")).not_to_contain_text("NS-2026-001")
    checked.visit(page, "caseload searched")

    # A referral to Paladin, with the client's consent.
    page.get_by_role("link", name="Clear filters").click()
    page.get_by_role("link", name="NS-2026-001").click()
    checked.visit(page, "case with an order expiring")
    page.get_by_role("link", name="Police and courts").click()
    expect(page.get_by_role("cell", name="Stalking Protection Order", exact=True)).to_be_visible()
    checked.visit(page, "police and courts")
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("link", name="Referrals", exact=True).click()
    page.get_by_role("button", name="Add a referral").click()
    checked.visit(page, "add a referral")
    page.get_by_label("Paladin National Stalking Advocacy Service").check()
    page.get_by_label("Yes, the client agreed").check()
    page.get_by_role("group", name="Where does it stand?").get_by_label(
        "Sent, waiting for an answer"
    ).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the date the client said so")
    checked.visit(page, "add a referral with errors")
    today = timezone.localdate()
    for group in ("When did they say so?", "Date sent (optional)"):
        fields = page.get_by_role("group", name=group)
        fields.get_by_label("Day").fill(str(today.day))
        fields.get_by_label("Month").fill(str(today.month))
        fields.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referrals")
    expect(page.get_by_text("recorded by Robin Advocate")).to_be_visible()
    checked.visit(page, "referrals")
    assert Referral.objects.get().consent_recorded_by == robin


def manager_view(page, site, morgan, checked):
    _sign_in(page, site, morgan)
    page.get_by_role("link", name="All cases").click()
    expect(page.get_by_role("table")).to_contain_text("NS-2026-005")  # restricted, still seen
    checked.visit(page, "all cases (manager)")
    page.get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report")
    expect(page.get_by_role("table", name="Referrals by route")).to_contain_text("1")
    checked.visit(page, "report")


def test_a_case_worked_over_weeks(page, site, team):
    """Tasks, the people doing it, an order, a safety plan and its print, and a repeat
    screening's quick entry starting from the last one."""
    from tests.casework.records import completed_screening

    checked = Checked()
    robin = team["robin"]
    # References are encrypted: found by reading them, as the caseload does.
    (case,) = [case for case in Case.objects.all() if case.client_reference == "NS-2026-001"]
    completed_screening(case, robin, days_ago=42, yes=(1, 5))
    _sign_in(page, site, robin)
    page.goto(f"{site}/cases/{case.pk}/")

    page.get_by_role("link", name="Add a task").click()
    checked.visit(page, "add a task")
    page.get_by_label("What needs doing?").fill("Chase the crime reference")
    due = timezone.localdate() + timedelta(days=3)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Save the task").click()
    expect(page.get_by_text("Chase the crime reference", exact=True)).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Mark as done")).click()
    expect(page.get_by_text("Done", exact=True)).to_be_visible()

    page.get_by_role("link", name="People doing it").click()
    page.get_by_role("button", name="Add a person").click()
    checked.visit(page, "add a person")
    page.get_by_label("Name or description").fill("Jordan Example")
    page.get_by_label("Vehicles and registrations (optional)").fill("Grey hatchback AB12 CDE")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=2, name="Jordan Example")).to_be_visible()
    checked.visit(page, "people")

    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("link", name="Safety plan").click()
    checked.visit(page, "safety plan (none yet)")
    page.get_by_role("button", name="Make a safety plan").click()
    checked.visit(page, "safety plan form")
    page.get_by_label("At home").fill("Chain on the door; neighbour has a key.")
    page.get_by_label("Code words").fill("'Is the cat fed?' means call the police.")
    page.get_by_role("button", name="Save this version").click()
    expect(page.get_by_text("Chain on the door; neighbour has a key.")).to_be_visible()
    checked.visit(page, "safety plan")
    page.get_by_role("link", name="Print it for the client").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your safety plan")
    expect(page.get_by_text("NS-2026-001")).to_have_count(0)
    checked.visit(page, "safety plan to print")

    # A repeat screening: quick entry starts from the last one; a change is marked.
    page.goto(f"{site}/cases/{case.pk}/")
    page.get_by_role("button", name="Start a screening").click()
    page.get_by_role("button", name="Quick entry, all questions on one page").click()
    expect(page.get_by_text("The answers start from the screening of")).to_be_visible()
    checked.visit(page, "repeat quick entry")
    page.locator("input[name='feelings-answer'][value='no']").check()
    # One question left unanswered, so the page comes back with the comparison shown.
    second = questions.BANK.warning_signs[1].slug
    page.locator(f"input[name='{second}-answer']").evaluate_all(
        "radios => radios.forEach(radio => radio.checked = false)"
    )
    page.get_by_role("button", name="Save and check the answers").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator(".app-quick-entry__question--changed")).not_to_have_count(0)
    checked.visit(page, "repeat quick entry with a change")
    page.locator(f"input[name='{second}-answer'][value='no']").check()
    page.get_by_role("button", name="Save and check the answers").click()
    expect(
        page.get_by_role("heading", level=2, name=re.compile("What changed since"))
    ).to_be_visible()
    expect(page.get_by_text("Warning signs no longer present")).to_be_visible()
    checked.visit(page, "check with what changed")
    checked.assert_clean()

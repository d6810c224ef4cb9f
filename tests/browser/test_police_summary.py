"""An advocate printing the police summary of a long case log, in a real browser, keyboard
and all: a date range typed wrongly comes back with an error and the dates kept, the page to
print shows those dates only, and a log too long for one PDF gets a page saying what to do
instead. axe on every page, and the range form at 320 px."""

from datetime import date, timedelta

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from casework.incident_log import CaseIncidentLog
from casework.models import Organisation, User
from screening.incidents import Incident
from tests.browser.advocates import sign_in
from tests.browser.axe import violations
from tests.casework.conftest import make_case
from tests.casework.records import completed_screening

pytestmark = pytest.mark.browser

EMAIL = "kit@north.example"
PASSWORD = "a-long-browser-password-3"


@pytest.fixture
def long_case(transactional_db):
    organisation = Organisation.objects.create(name="North Support")
    advocate = User.objects.create_user(
        EMAIL, PASSWORD, full_name="Kit Advocate", organisation=organisation
    )
    TOTPDevice.objects.create(user=advocate, name="app", confirmed=True)
    case = make_case(organisation, advocate, client_reference="NS-0077")
    completed_screening(case, advocate, yes=(1, 5))
    log = CaseIncidentLog(case)
    first = date.today() - timedelta(days=70)
    for week in range(10):
        log.add(
            Incident(
                occurred_on=first + timedelta(days=7 * week),
                what_happened=f"Week {week + 1}: waited at the school gate.",
                behaviours=("waiting",),
            )
        )
    return advocate, first


def _sign_in(page, site, advocate):
    sign_in(page, site, advocate, PASSWORD)


def _type_date(group, when: date):
    group.get_by_label("Day").fill(str(when.day))
    group.get_by_label("Month").fill(str(when.month))
    group.get_by_label("Year").fill(str(when.year))


def test_printing_some_dates_of_a_long_log(page, site, long_case, settings):
    advocate, first = long_case
    _sign_in(page, site, advocate)
    page.get_by_role("link", name="NS-0077").click()
    page.get_by_role("link", name="Screening of").click()
    page.get_by_text("Print the incident log for some dates only").click()
    assert violations(page) == ""

    # The wrong way round: an error, and the dates typed are still there.
    _type_date(page.get_by_role("group", name="From"), first + timedelta(days=30))
    _type_date(page.get_by_role("group", name="To"), first + timedelta(days=10))
    page.get_by_role("button", name="See it to print").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The last date must be the same as or after the first date"
    )
    assert page.get_by_role("group", name="From").get_by_label("Day").input_value() == str(
        (first + timedelta(days=30)).day
    )
    assert violations(page) == ""

    # Put right, by keyboard alone.
    _type_date(page.get_by_role("group", name="From"), first + timedelta(days=14))
    _type_date(page.get_by_role("group", name="To"), first + timedelta(days=28))
    page.get_by_role("button", name="See it to print").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Warning signs checklist: summary for the police"
    )
    expect(page.get_by_text("This summary prints 3 of the 10 incidents in the log")).to_be_visible()
    expect(page.get_by_text("Week 3: waited at the school gate.")).to_be_visible()
    expect(page.get_by_text("Week 1: waited at the school gate.")).to_have_count(0)
    assert violations(page) == ""

    # A log too long for one PDF: a page naming what to do instead.
    settings.PDF_MAX_SCHEDULE_CHARACTERS = 100
    page.go_back()
    page.get_by_role("link", name="Download the summary (PDF)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The log is too long for one PDF")
    for way in ("print the summary for fewer dates", "see the same summary as a page to print"):
        expect(page.get_by_role("link", name=way)).to_be_visible()
    expect(
        page.get_by_role("link", name="download the whole log as a spreadsheet (CSV)")
    ).to_be_visible()
    assert violations(page) == ""


def test_the_range_form_fits_a_phone(page, site, long_case):
    advocate, _first = long_case
    page.set_viewport_size({"width": 320, "height": 640})
    _sign_in(page, site, advocate)
    page.get_by_role("link", name="NS-0077").click()
    page.get_by_role("link", name="Screening of").click()
    page.get_by_text("Print the incident log for some dates only").click()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    assert violations(page) == ""

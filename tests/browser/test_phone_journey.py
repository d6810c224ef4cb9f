"""What a frightened person on a phone meets: a 320 pixel screen, often without JavaScript.

The screening is answered through the real views with Django's test client, and the browser
is handed the same session, so each test spends its time on the page it is about.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.journey import answer_everything
from tests.test_views_incident_log import add as add_entry

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
LONG_ADDRESS = "https://example.org/" + "a-very-long-path-with-no-spaces-" * 8
LONG_WORD = "x" * 300


def answered(page, site, **answers) -> Client:
    """Give ``page`` a session in which the whole screening has been answered."""
    client = Client()
    answer_everything(client, **answers)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": key, "url": site}])
    return client


def add(client, days_ago: int = 0, **fields) -> None:
    """Add an entry to the record in ``client``'s session."""
    add_entry(client, timezone.localdate() - timedelta(days=days_ago), **fields)


def phone(make_page, *, javascript: bool = True):
    return make_page(viewport=PHONE, java_script_enabled=javascript)


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


# --- Reflow (WCAG 1.4.10) -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/results/", "/check-your-answers/", "/record/"])
def test_a_pasted_web_address_wraps_on_a_320_pixel_screen(make_page, site, path):
    page = phone(make_page, javascript=False)
    client = answered(page, site, yes=(1, 3), details={1: LONG_ADDRESS, 3: LONG_WORD})
    add(client, what_happened=LONG_ADDRESS, place=LONG_WORD[:90])
    page.goto(site + path)
    expect(page.locator("main")).to_contain_text("a-very-long-path")
    assert page_width(page) <= PHONE["width"]


# --- The weekly chart ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/record/", "/results/"])
def test_an_old_record_is_charted_over_its_own_weeks(make_page, site, path):
    page = phone(make_page, javascript=False)
    client = answered(page, site)
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday() + 7 * 30)
    add(client, (timezone.localdate() - monday).days, what_happened="At the gate")
    add(client, (timezone.localdate() - monday).days - 2, what_happened="At the gate again")
    page.goto(site + path)
    caption = page.locator("figure.app-incident-chart-figure figcaption")
    expect(caption).to_contain_text("2 incidents in 1 week.")
    expect(caption).to_contain_text("No incidents have been recorded since the week starting")
    assert page.locator("svg.app-incident-chart rect").count() == 1
    assert page_width(page) <= PHONE["width"]


# --- Print ----------------------------------------------------------------------------------


def test_without_javascript_no_print_button_is_shown(make_page, site):
    page = phone(make_page, javascript=False)
    answered(page, site)
    page.goto(site + "/results/")
    expect(page.get_by_role("button", name="Print this page")).to_have_count(0)


def test_with_javascript_the_print_button_is_shown(make_page, site):
    page = phone(make_page)
    answered(page, site)
    page.goto(site + "/results/")
    expect(page.get_by_role("button", name="Print this page").first).to_be_visible()


def test_printing_the_record_does_not_print_link_addresses(make_page, site):
    page = phone(make_page)
    client = answered(page, site)
    add(client, what_happened="Waited by the gate")
    page.goto(site + "/record/")
    expect(page.locator("main .govuk-summary-card__actions a").first).to_be_visible()
    page.emulate_media(media="print")
    after = page.evaluate(
        """() => [...document.querySelectorAll('main a')].map(
            a => getComputedStyle(a, '::after').content)"""
    )
    assert after
    assert all(content in ("none", "normal", '""') for content in after), after


def test_axe_finds_nothing_on_the_results_page_on_a_phone(make_page, site):
    page = phone(make_page)
    answered(page, site, yes=(1,), details={1: LONG_ADDRESS})
    page.goto(site + "/results/")
    found = violations(page)
    assert found == "", found


# --- 1. Start again asks first ----------------------------------------------------------------


def test_start_again_asks_first_and_has_a_way_back(make_page, site):
    page = phone(make_page, javascript=False)
    client = answered(page, site)
    add(client, what_happened="At the gate")
    page.goto(site + "/results/")
    page.get_by_role("button", name="Start again").click()
    expect(page).to_have_url(site + "/start-again/")
    expect(page.locator("h1")).to_have_text("Are you sure you want to start again?")
    expect(page.locator("main")).to_contain_text("your record, with its 1 entry")
    assert page_width(page) <= PHONE["width"]
    page.get_by_role("link", name="No, go back to my results").click()
    expect(page).to_have_url(site + "/results/")
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("button", name="Yes, delete everything and start again").click()
    expect(page).to_have_url(site + "/questions/about-them/")
    page.goto(site + "/record/")
    expect(page.locator("main")).to_contain_text("You have not added any entries yet.")


# --- 6. Titles in the browser's history -------------------------------------------------------


def test_the_titles_in_history_give_nothing_away(make_page, site):
    page = phone(make_page)
    answered(page, site)
    for slug in ("about-them", "behaviours"):
        page.goto(f"{site}/questions/{slug}/")
        title = page.title().lower()
        assert "person doing this" not in title and "done" not in title, title


# --- 8. Help first on a phone -----------------------------------------------------------------


def test_999_the_helpline_and_the_summary_are_near_the_top_on_a_phone(make_page, site):
    page = phone(make_page, javascript=False)
    answered(page, site, yes=(1, 3, 6), dont_know=(10,), details={1: "Every night " * 20})
    page.goto(site + "/results/")
    screens = {}
    for name, selector in {
        "999": 'main a[href="tel:999"]',
        "helpline": 'main a[href="tel:08088020300"]',
        "summary": 'main a[href="/summary/print/"]',
    }.items():
        box = page.locator(selector).first.bounding_box()
        screens[name] = box["y"] / PHONE["height"]
    # Within the first three screens (they were six, seven and seven and a half), 999 first.
    assert max(screens.values()) < 3, screens
    assert screens["999"] == min(screens.values()), screens


# --- 11. Record pages -------------------------------------------------------------------------


def test_adding_an_entry_says_so_in_a_banner(make_page, site):
    page = phone(make_page, javascript=False)
    answered(page, site)
    page.goto(site + "/record/add/")
    today = timezone.localdate()
    for box, value in enumerate((today.day, today.month, today.year)):
        page.fill(f"#id_occurred_on_{box}", str(value))
    page.fill("#id_what_happened", "Waited at the gate")
    page.get_by_role("button", name="Save entry").click()
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text("Your entry was added to your record.")
    assert page_width(page) <= PHONE["width"]
    page.reload()
    expect(banner).to_have_count(0)


def test_the_delete_page_does_not_show_two_red_buttons(make_page, site):
    page = phone(make_page)
    client = answered(page, site)
    add(client, what_happened="At the gate")
    page.goto(site + "/record/")
    page.locator("main .govuk-summary-card__actions a", has_text="Delete").click()
    expect(page.locator("main .govuk-button--warning:visible")).to_have_count(1)
    expect(page.get_by_role("button", name="Yes, delete this entry")).not_to_have_class(
        "govuk-button--warning"
    )
    found = violations(page)
    assert found == "", found


# --- 12. "How do you know them?" --------------------------------------------------------------


def test_how_you_know_them_shows_only_for_someone_you_know(make_page, site):
    page = phone(make_page)
    answered(page, site)
    page.goto(site + "/questions/about-them/")
    follow_up = page.get_by_role("group", name="How do you know them?")
    page.check('input[name="relationship"][value="ex_partner"]')
    expect(follow_up).to_be_hidden()
    page.check('input[name="relationship"][value="known"]')
    expect(follow_up).to_be_visible()
    page.check('input[name="relationship"][value="stranger"]')
    expect(follow_up).to_be_hidden()
    found = violations(page)
    assert found == "", found


def test_without_javascript_how_you_know_them_stays_visible_with_its_hint(make_page, site):
    page = phone(make_page, javascript=False)
    answered(page, site)
    page.goto(site + "/questions/about-them/")
    page.check('input[name="relationship"][value="ex_partner"]')
    expect(page.get_by_role("group", name="How do you know them?")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Answer this if you chose “Someone I know”.")
    assert page_width(page) <= PHONE["width"]


# --- None of these, and getting worse ---------------------------------------------------------


def test_what_else_shows_only_when_something_else_is_ticked(make_page, site):
    page = phone(make_page)
    answered(page, site)
    page.goto(site + "/questions/behaviours/")
    what_else = page.locator("#id_other_details")
    expect(what_else).to_be_hidden()
    page.check('input[name="behaviours"][value="other"]')
    expect(what_else).to_be_visible()
    page.check('input[name="behaviours"][value="none"]')
    expect(what_else).to_be_hidden()
    assert violations(page) == ""


def test_without_javascript_what_else_stays_visible(make_page, site):
    page = phone(make_page, javascript=False)
    answered(page, site)
    page.goto(site + "/questions/behaviours/")
    expect(page.locator("#id_other_details")).to_be_visible()
    assert page_width(page) <= PHONE["width"]


def test_none_of_these_unticks_the_others(make_page, site):
    page = phone(make_page)
    answered(page, site)
    page.goto(site + "/questions/behaviours/")
    page.check('input[name="behaviours"][value="texts"]')
    page.check('input[name="behaviours"][value="none"]')
    expect(page.locator('input[name="behaviours"][value="texts"]')).not_to_be_checked()
    page.check('input[name="worse"][value="yes"]')
    found = violations(page)
    assert found == "", found
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(site + "/check-your-answers/")
    expect(page.locator("main")).to_contain_text("None of these")
    expect(page.locator("main")).to_contain_text("Happening more often or getting worse")


# --- The print view ---------------------------------------------------------------------------


def test_the_print_view_fits_a_phone_and_axe_finds_nothing(make_page, site):
    page = phone(make_page)
    client = answered(page, site, yes=(1, 6), details={1: LONG_ADDRESS})
    add(client, what_happened="Waited at the gate", behaviours=["waiting"])
    page.goto(site + "/results/")
    page.locator('main a[href="/summary/print/"]').click()
    expect(page.locator("h1")).to_have_text("Warning signs checklist: summary for the police")
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()
    assert page_width(page) <= PHONE["width"]
    found = violations(page)
    assert found == "", found


# --- Without script, when the session ends ----------------------------------------------------


def test_without_javascript_the_page_says_when_the_answers_will_be_deleted(make_page, site):
    page = phone(make_page, javascript=False)
    answered(page, site)
    page.goto(site + "/questions/feelings/")
    expect(page.locator("#session-end")).to_be_visible()
    expect(page.locator("#session-end")).to_contain_text("your answers will be deleted at")


def test_with_javascript_the_timeout_warning_says_it_instead(make_page, site):
    page = phone(make_page)
    answered(page, site)
    page.goto(site + "/questions/feelings/")
    expect(page.locator("#session-end")).to_be_hidden()


@pytest.mark.parametrize("path", ["/start-again/", "/record/", "/questions/behaviours/"])
def test_axe_finds_nothing_on_the_changed_pages(make_page, site, path):
    page = phone(make_page)
    client = answered(page, site)
    add(client, what_happened="At the gate")
    page.goto(site + path)
    found = violations(page)
    assert found == "", found

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


def answered(page, site, **answers) -> None:
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
    assert violations(page) == ""

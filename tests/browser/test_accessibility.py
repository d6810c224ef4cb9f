"""WCAG 2.2 AA: axe on every page, and reflow at 320 CSS pixels (400% zoom)."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.journey import Person
from tests.browser.tour import TOUR_LABELS, every_public_page

pytestmark = pytest.mark.browser

EXIT_BUTTON = ".govuk-exit-this-page__button"


def test_axe_finds_no_violations_on_any_page(page, site):
    reports = {}
    visited = []
    for label in every_public_page(Person(page, site)):
        visited.append(label)
        report = violations(page)
        if report:
            reports[label] = report
    assert tuple(visited) == TOUR_LABELS
    assert not reports, "\n\n".join(f"== {label} ==\n{text}" for label, text in reports.items())


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when it reflows)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_every_page_fits_a_320_pixel_phone_with_the_exit_button_in_view(phone_page, site):
    page = phone_page
    problems = []
    visited = []
    for label in every_public_page(Person(page, site)):
        visited.append(label)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            problems.append(f"{label}: {width}px wide")
        button = page.locator(EXIT_BUTTON)
        if not button.is_visible():
            problems.append(f"{label}: no visible exit button")
            continue
        box = button.bounding_box()
        if box["x"] < 0 or box["x"] + box["width"] > 320:
            problems.append(f"{label}: exit button outside the screen ({box})")
    assert tuple(visited) == TOUR_LABELS
    assert not problems, problems


def test_content_reflows_at_400_percent_zoom(make_page, site):
    """400% zoom of a 1280 by 1024 screen leaves a viewport of 320 by 256 CSS pixels."""
    page = make_page(viewport={"width": 320, "height": 256})
    person = Person(page, site)
    for label in person.starts_page_by_page():
        assert horizontal_overflow(page) == 0, label
    person.continues()
    assert page.title().startswith("Error:")
    assert horizontal_overflow(page) == 0
    expect(page.locator(EXIT_BUTTON)).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_be_in_viewport()

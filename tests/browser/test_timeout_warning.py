"""The warning before an idle session ends, and what happens either way (WCAG 2.2.1)."""

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.journey import (
    ABOUT_SLUG,
    SIGN_SLUGS,
    Person,
    Screening,
    focused_matches,
    session_exists,
    session_key,
)

pytestmark = pytest.mark.browser

IDLE_MINUTES = 5
WARN_SECONDS = 120
SECONDS_BEFORE_WARNING = IDLE_MINUTES * 60 - WARN_SECONDS


@pytest.fixture
def person(make_page, site, settings):
    """Someone on the first warning sign, with the page's clock under the test's control."""
    settings.SESSION_IDLE_MINUTES = IDLE_MINUTES
    settings.SESSION_COOKIE_AGE = IDLE_MINUTES * 60
    page = make_page()
    page.clock.install()
    person = Person(page, site)
    person.starts()
    person.answers_about_them(Screening(name="Robin"))
    person.is_on(SIGN_SLUGS[1])
    return person


def wait(page, seconds):
    page.clock.fast_forward(seconds * 1000)


def test_the_warning_appears_before_the_session_ends_with_focus_on_keep_my_answers(person):
    page = person.page
    warning = page.get_by_role("alertdialog", name="Do you need more time?")
    expect(warning).to_be_hidden()
    # The page counts from the expiry the server holds, a moment short of the whole limit.
    dialog = page.locator("[data-module=app-timeout-warning]")
    left = int(dialog.get_attribute("data-timeout-seconds"))
    assert IDLE_MINUTES * 60 - 5 <= left <= IDLE_MINUTES * 60
    wait(page, left - WARN_SECONDS - 1)
    expect(warning).to_be_hidden()
    wait(page, 2)
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("your answers will be deleted in 2 minutes")
    expect(page.get_by_role("button", name="Keep my answers")).to_be_focused()
    assert violations(page) == ""


def test_keep_my_answers_keeps_the_session_and_hides_the_warning(person):
    page = person.page
    key = session_key(page)
    expires_before = Session.objects.get(session_key=key).expire_date
    wait(page, SECONDS_BEFORE_WARNING + 1)
    warning = page.get_by_role("alertdialog", name="Do you need more time?")
    expect(warning).to_be_visible()
    assert focused_matches(page, "[data-module=app-timeout-warning] button")

    with page.expect_response("**/session/keep/") as kept:
        page.keyboard.press("Enter")
    assert kept.value.status == 204
    expect(warning).to_be_hidden()
    assert Session.objects.get(session_key=key).expire_date > expires_before

    # The clock starts again: no warning until the whole wait has passed once more.
    wait(page, SECONDS_BEFORE_WARNING - 1)
    expect(warning).to_be_hidden()
    person.follow(".govuk-back-link")
    person.is_on(ABOUT_SLUG)
    expect(page.locator("#id_name")).to_have_value("Robin")
    assert session_exists(key)


def test_left_alone_the_page_moves_to_answers_deleted_and_the_answers_are_gone(person, site):
    page = person.page
    key = session_key(page)
    wait(page, SECONDS_BEFORE_WARNING + 1)
    expect(page.get_by_role("alertdialog", name="Do you need more time?")).to_be_visible()
    wait(page, WARN_SECONDS)

    page.wait_for_url(site + "/session/ended/")
    expect(page.locator("h1")).to_have_text("Your answers were deleted to protect you")
    assert "Robin" not in page.content()
    assert not session_exists(key)

    page.goto(site + "/questions/" + SIGN_SLUGS[1] + "/")
    assert page.url == site + "/", "the questions should start again from the start page"

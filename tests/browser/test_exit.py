"""Leaving at once: the exit button, Shift three times, the skip link, and Back afterwards."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.journey import (
    SIGN_SLUGS,
    Person,
    Screening,
    focused_matches,
    path_of,
    session_exists,
    session_key,
)

pytestmark = pytest.mark.browser

NAME = "Quentin Zebedee"
TYPED = "He waits by the blue gate every morning"
SIGN_3_QUESTION = "destroyed or vandalised any property"


def on_a_question_page_with_something_typed(person: Person) -> str:
    """Answer up to warning sign 3, which names them, then choose and type (but do not send)
    an answer there.

    Returns the session key, so a test can check the session is gone afterwards.
    """
    for slug in person.answers_everything_page_by_page(Screening(name=NAME)):
        if slug == SIGN_SLUGS[3]:
            break
    expect(person.page.locator("main")).to_contain_text(f"Has {NAME} {SIGN_3_QUESTION}")
    person.choose("answer", "yes")
    person.write("#id_details", TYPED)
    key = session_key(person.page)
    assert session_exists(key)
    return key


@pytest.fixture
def assert_left_for_the_neutral_site(neutral_site, neutral_site_visits):
    """Check that the page is now the neutral site, which was not told where it came from,
    and that the session is gone from the server and the browser."""

    def check(page, key):
        expect(page).to_have_url(neutral_site)
        expect(page.locator("h1")).to_have_text("Weather forecast")
        arrival_path = urlparse(neutral_site).path
        arrivals = [headers for path, headers in neutral_site_visits if path == arrival_path]
        assert arrivals
        for headers in arrivals:
            assert "referer" not in {name.lower() for name in headers}, headers
        assert not session_exists(key), "the session outlived the exit"
        assert session_key(page) is None, "the session cookie outlived the exit"

    return check


def test_shift_pressed_three_times_leaves_the_site(page, site, assert_left_for_the_neutral_site):
    key = on_a_question_page_with_something_typed(Person(page, site))
    # Still in the details box, as someone would be when interrupted while typing.
    expect(page.locator("#id_details")).to_be_focused()
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_for_the_neutral_site(page, key)


def test_shift_pressed_twice_stays(page, site):
    person = Person(page, site)
    person.starts()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(page.locator(".govuk-exit-this-page")).to_contain_text(
        "Shift, press 1 more time to exit."
    )
    page.wait_for_timeout(300)
    assert path_of(page) == "/questions/about-them/"


def test_clicking_exit_this_page_leaves_the_site(page, site, assert_left_for_the_neutral_site):
    key = on_a_question_page_with_something_typed(Person(page, site))
    page.get_by_role("button", name="Emergency Exit this page").click()
    assert_left_for_the_neutral_site(page, key)


def test_back_after_exit_shows_nothing_from_the_page_that_was_left(
    page, site, assert_left_for_the_neutral_site
):
    key = on_a_question_page_with_something_typed(Person(page, site))
    page.get_by_role("button", name="Emergency Exit this page").click()
    assert_left_for_the_neutral_site(page, key)

    # The back/forward cache is on (see conftest): a page it restores must not be shown
    # as it was. Whether it comes from the cache or the server, Back lands on the start page.
    page.go_back(wait_until="commit")
    expect(page).to_have_url(site + "/")
    page.wait_for_load_state()
    content = page.content()
    for secret in (TYPED, NAME, SIGN_3_QUESTION):
        assert secret not in content
    expect(page.locator("textarea")).to_have_count(0)
    assert not session_exists(key)
    assert session_key(page) is None


def test_exit_link_works_as_a_plain_link_without_javascript(
    page_without_js, site, assert_left_for_the_neutral_site
):
    page = page_without_js
    key = on_a_question_page_with_something_typed(Person(page, site))
    exit_button = page.get_by_role("button", name="Emergency Exit this page")
    expect(exit_button).to_have_attribute("href", "/exit/")
    exit_button.click()
    assert_left_for_the_neutral_site(page, key)


def test_exit_skip_link_is_the_second_stop_for_the_keyboard_and_leaves(
    page, site, assert_left_for_the_neutral_site
):
    key = on_a_question_page_with_something_typed(Person(page, site))
    page.reload()
    page.keyboard.press("Tab")
    assert focused_matches(page, ".govuk-skip-link[href='#main-content']")
    page.keyboard.press("Tab")
    assert focused_matches(page, ".govuk-js-exit-this-page-skiplink")
    skip_link = page.locator(".govuk-js-exit-this-page-skiplink")
    expect(skip_link).to_be_visible()
    expect(skip_link).to_have_text("Exit this page")
    page.keyboard.press("Enter")
    assert_left_for_the_neutral_site(page, key)

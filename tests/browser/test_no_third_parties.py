"""Nothing leaves our origin: no CDN, font, analytics or map, no console errors, no CSP
violations, on every public page (docs/safety.md A7, B10)."""

import pytest

from tests.browser.conftest import origin
from tests.browser.journey import SIGN_SLUGS, Person, question_path
from tests.browser.tour import NOT_FOUND_PATH, TOUR_LABELS, every_public_page

pytestmark = pytest.mark.browser

# The pages the tour asks for on purpose with an error status. Chromium reports any 4xx
# document on the console, and that message is expected there and nowhere else.
EXPECTED_STATUS_MESSAGES = {
    (question_path("about-them"), 422),
    (question_path(SIGN_SLUGS[1]), 422),
    ("/record/add/", 422),
    ("/open/", 422),
    (NOT_FOUND_PATH, 404),
}


def unexpected_console_errors(console_messages, site):
    expected = {
        (site + path, f"the server responded with a status of {status}")
        for path, status in EXPECTED_STATUS_MESSAGES
    }
    return [
        (kind, text, url)
        for kind, text, url in console_messages.errors()
        if not any(url == where and what in text for where, what in expected)
    ]


def test_every_public_page_is_served_from_our_own_origin_alone(
    page, site, neutral_site, requests_made, console_messages
):
    labels = tuple(every_public_page(Person(page, site)))
    assert labels == TOUR_LABELS

    assert requests_made, "no requests were recorded"
    assert requests_made.origins() == {site}, sorted(
        url for url in requests_made if origin(url) != site
    )
    assert console_messages.csp_violations() == []
    assert unexpected_console_errors(console_messages, site) == []

    # Only leaving reaches another site, and only the neutral one.
    before_exit = len(requests_made)
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(neutral_site)
    assert {origin(url) for url in requests_made[before_exit:]} == {site, origin(neutral_site)}


def test_a_content_security_policy_violation_would_be_noticed(page, site, console_messages):
    """The console check above can fail: an inline style breaks the policy and is reported."""
    page.goto(site + "/")
    with page.expect_console_message(lambda message: message.type == "error"):
        page.evaluate(
            """() => {
            const style = document.createElement('style')
            style.textContent = 'body { background: red }'
            document.head.append(style)
        }"""
        )
    assert console_messages.csp_violations(), console_messages
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 0, 0)"

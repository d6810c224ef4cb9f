"""A tour of every public page, shared by the privacy, accessibility and small-screen tests.

``every_public_page`` walks the journey as a person would and stops on each page,
including a page about them and a warning sign that show errors, the check and
results pages, the "page not found" page and the "answers deleted" page.
"""

from collections.abc import Iterator

from playwright.sync_api import expect

from screening.questions import DONT_KNOW, YES
from tests.browser.journey import ABOUT_SLUG, SIGN_SLUGS, Person, Screening

TOUR = Screening(
    name="Sam",
    relationship="known",
    known_as="colleague",
    signs={2: YES, 4: YES, 9: DONT_KNOW},
    details={2: "Years of it", 4: "Every evening this week"},
    behaviours=("texts", "waiting", "tracking", "other"),
    other_details="Signed me up to mailing lists",
)
INFORMATION_PAGES = {
    "staying-safe-online": "/staying-safe-online/",
    "accessibility": "/accessibility/",
    "privacy": "/privacy/",
}
PAGES_WITH_ERRORS = (ABOUT_SLUG, SIGN_SLUGS[1])
NOT_FOUND_PATH = "/nothing-here/"


def every_public_page(person: Person) -> Iterator[str]:
    """Visit every public page in turn, yielding a short label while on each."""
    page, site = person.page, person.site
    for label, path in INFORMATION_PAGES.items():
        page.goto(site + path)
        yield label
    for label in person.answers_everything_page_by_page(TOUR):
        yield label
        if label in PAGES_WITH_ERRORS:
            person.continues()
            assert page.title().startswith("Error:")
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            yield f"{label} showing errors"
    yield "check-your-answers"
    person.sees_results()
    yield "results"
    response = page.goto(site + NOT_FOUND_PATH)
    assert response.status == 404
    yield "page not found"
    page.goto(site + "/session/ended/")
    expect(page.locator("h1")).to_have_text("Your answers were deleted to protect you")
    yield "session ended"


TOUR_LABELS = (
    *INFORMATION_PAGES,
    "start",
    "before-you-start",
    ABOUT_SLUG,
    f"{ABOUT_SLUG} showing errors",
    SIGN_SLUGS[1],
    f"{SIGN_SLUGS[1]} showing errors",
    *(SIGN_SLUGS[n] for n in range(2, 13)),
    "behaviours",
    "check-your-answers",
    "results",
    "page not found",
    "session ended",
)

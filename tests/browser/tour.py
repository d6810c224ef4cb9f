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
    yield from summary_pages(person)
    yield from record_pages(person)
    yield from kept_record_pages(person)
    response = page.goto(site + NOT_FOUND_PATH)
    assert response.status == 404
    yield "page not found"
    page.goto(site + "/session/ended/")
    expect(page.locator("h1")).to_have_text("Your answers were deleted to protect you")
    yield "session ended"


def summary_pages(person: Person) -> Iterator[str]:
    """From the results to "Details for the police", "Before you download", then the
    summary to print."""
    page = person.page
    person.follow('main a[href="/summary/details/"]')
    expect(page).to_have_url(person.site + "/summary/details/")
    yield "summary details"
    person.continues()
    expect(page).to_have_url(person.site + "/summary/download/")
    yield "summary download"
    person.follow('main a[href="/summary/print/"]')
    expect(page).to_have_url(person.site + "/summary/print/")
    yield "summary to print"
    person.follow('a.govuk-back-link[href="/results/"]')


def record_pages(person: Person) -> Iterator[str]:
    """The record: empty, the add form (with and without errors), one entry, delete, and
    the results page showing the record's pattern and chart."""
    page = person.page
    person.follow('main a[href="/record/"]')
    yield "record, empty"
    person.follow('main a[href="/record/add/"]')
    yield "record, add"
    person.continues()
    assert page.title().startswith("Error:")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    yield "record, add showing errors"
    for box, value in zip(("0", "1", "2"), ("2", "11", "2026"), strict=True):
        person.write(f"#id_occurred_on_{box}", value)
    person.write("#id_what_happened", "Waited at the station")
    person.continues()
    expect(page).to_have_url(person.site + "/record/")
    yield "record"
    person.follow("main a[href$='/delete/']")
    yield "record, delete"
    person.follow('main a.govuk-link[href="/record/"]')  # "No, keep it"
    person.follow('a.govuk-back-link[href="/results/"]')
    expect(page).to_have_url(person.site + "/results/")
    yield "results with a record"
    person.follow('main a[href="/start-again/"]')
    yield "start again"
    person.follow('main a.govuk-link[href="/results/"]')  # "No, go back to my results"


def kept_record_pages(person: Person) -> Iterator[str]:
    """Keeping the record: the offer, the passphrase, the kept record and its pages, then
    "Open a saved record" with and without an error."""
    page = person.page
    person.follow('main a[href="/keep/"]')
    yield "keep"
    person.follow("main form[action='/keep/passphrase/'] button")
    expect(page.locator(".app-passphrase__word")).to_have_count(6)
    yield "passphrase"
    person.follow("main form[action='/keep/confirm/'] button")
    expect(page).to_have_url(person.site + "/kept/")
    yield "kept"
    person.follow('main a[href="/kept/passphrase/"]')
    yield "kept, change passphrase"
    person.follow('a.govuk-back-link[href="/kept/"]')
    person.follow('main a[href="/kept/delete/"]')
    yield "kept, delete"
    person.follow('main a.govuk-link[href="/kept/"]')  # "No, keep it"
    page.goto(person.site + "/open/")
    yield "open"
    person.continues()
    assert page.title().startswith("Error:")
    yield "open showing errors"


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
    "summary details",
    "summary download",
    "summary to print",
    "record, empty",
    "record, add",
    "record, add showing errors",
    "record",
    "record, delete",
    "results with a record",
    "start again",
    "keep",
    "passphrase",
    "kept",
    "kept, change passphrase",
    "kept, delete",
    "open",
    "open showing errors",
    "page not found",
    "session ended",
)

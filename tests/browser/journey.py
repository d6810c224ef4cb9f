"""Answering the screening through the real pages, the way a person would.

``Screening`` says what someone answers; ``Person`` answers it in a browser,
either with the mouse or with the keyboard alone (Tab, arrow keys, Space and
Enter: no clicks, no filling fields by selector, no going to URLs directly).
Tests then read like the journey: ``person.answers_everything(screening)``.
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.contrib.sessions.models import Session
from playwright.sync_api import Page, expect

from screening.questions import ABOUT_SLUG, BANK, BEHAVIOURS_SLUG, DONT_KNOW, NO, YES

SIGN_SLUGS = {sign.number: sign.slug for sign in BANK.warning_signs}
SESSION_COOKIE = "session"

CONTINUE_BUTTON = "main form button[type=submit]"

LEVEL_SERIOUS = "Serious warning signs"
LEVEL_PRESENT = "Warning signs present"
LEVEL_NONE_YET = "No warning signs identified yet"


@dataclass(frozen=True)
class Screening:
    """Everything one person answers. Signs not mentioned are answered "no"."""

    name: str = ""
    relationship: str = "ex_partner"
    known_as: str = ""
    how_often: str = "two_to_five"
    since: str = "one_to_six_months"
    signs: Mapping[int, str] = field(default_factory=dict)
    details: Mapping[int, str] = field(default_factory=dict)
    behaviours: tuple[str, ...] = ()
    other_details: str = ""

    def answer_to(self, number: int) -> str:
        return self.signs.get(number, NO)


def path_of(page: Page) -> str:
    return urlparse(page.url).path


def question_path(slug: str) -> str:
    return f"/questions/{slug}/"


def focused_matches(page: Page, selector: str) -> bool:
    return page.evaluate(
        "s => document.activeElement !== null && document.activeElement.matches(s)", selector
    )


def tab_to(page: Page, selector: str, *, limit: int = 80) -> None:
    """Press Tab until the focused element matches ``selector``; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector!r} on {page.url}")


class Person:
    """Someone answering the screening in ``page``, by mouse or by keyboard only."""

    def __init__(self, page: Page, site: str, *, keyboard: bool = False):
        self.page = page
        self.site = site
        self.keyboard = keyboard

    # --- the smallest actions, in either mode -----------------------------------------

    def follow(self, selector: str, *, key: str = "Enter") -> None:
        """Activate a link or button and wait for the page it leads to."""
        with self.page.expect_navigation():
            if self.keyboard:
                tab_to(self.page, selector)
                self.page.keyboard.press(key)
            else:
                self.page.click(selector)

    def choose(self, name: str, value: str) -> None:
        """Select the radio ``value`` of the group ``name``."""
        target = f'input[type=radio][name="{name}"][value="{value}"]'
        if self.keyboard:
            tab_to(self.page, f'input[type=radio][name="{name}"]')
            for _ in range(self.page.locator(f'input[type=radio][name="{name}"]').count()):
                if focused_matches(self.page, target):
                    break
                self.page.keyboard.press("ArrowDown")
            self.page.keyboard.press("Space")
        else:
            self.page.check(target)
        expect(self.page.locator(target)).to_be_checked()

    def tick(self, name: str, value: str) -> None:
        target = f'input[type=checkbox][name="{name}"][value="{value}"]'
        if self.keyboard:
            tab_to(self.page, target)
            self.page.keyboard.press("Space")
        else:
            self.page.check(target)
        expect(self.page.locator(target)).to_be_checked()

    def write(self, selector: str, text: str) -> None:
        if self.keyboard:
            tab_to(self.page, selector)
            self.page.keyboard.press("ControlOrMeta+a")
            self.page.keyboard.type(text)
        else:
            self.page.fill(selector, text)
        expect(self.page.locator(selector)).to_have_value(text)

    def continues(self) -> None:
        self.follow(CONTINUE_BUTTON)

    # --- the journey ------------------------------------------------------------------

    def starts(self) -> None:
        """From the start page, through "Before you start", to the first question."""
        for _ in self.starts_page_by_page():
            pass

    def starts_page_by_page(self) -> Iterator[str]:
        self.page.goto(self.site + "/")
        yield "start"
        # A link that looks like a button also works with Space, as a button does.
        self.follow("a.govuk-button--start", key="Space" if self.keyboard else "Enter")
        assert path_of(self.page) == "/before-you-start/"
        yield "before-you-start"
        self.follow('main a.govuk-button[href="/questions/"]')
        self.is_on(ABOUT_SLUG)

    def is_on(self, slug: str) -> None:
        expect(self.page).to_have_url(re.compile(re.escape(question_path(slug)) + r"(\?.*)?$"))

    def answers_about_them(self, screening: Screening) -> None:
        self.is_on(ABOUT_SLUG)
        if screening.name:
            self.write("#id_name", screening.name)
        self.choose("relationship", screening.relationship)
        if screening.known_as:
            self.choose("known_as", screening.known_as)
        self.choose("how_often", screening.how_often)
        self.choose("since", screening.since)
        self.continues()

    def answers_sign(self, number: int, answer: str, details: str = "") -> None:
        self.is_on(SIGN_SLUGS[number])
        self.choose("answer", answer)
        if details:
            self.write("#id_details", details)
        self.continues()

    def answers_behaviours(self, screening: Screening) -> None:
        self.is_on(BEHAVIOURS_SLUG)
        for value in screening.behaviours:
            self.tick("behaviours", value)
        if screening.other_details:
            self.write("#id_other_details", screening.other_details)
        self.continues()

    def answers_everything(self, screening: Screening) -> None:
        """From the start page to "Check your answers"."""
        for _ in self.answers_everything_page_by_page(screening):
            pass

    def answers_everything_page_by_page(self, screening: Screening) -> Iterator[str]:
        """Like ``answers_everything``, but stops on each page (yielding "start",
        "before-you-start", then each question's slug) before going on from it."""
        yield from self.starts_page_by_page()
        yield ABOUT_SLUG
        self.answers_about_them(screening)
        for number, slug in SIGN_SLUGS.items():
            self.is_on(slug)
            yield slug
            self.answers_sign(
                number, screening.answer_to(number), screening.details.get(number, "")
            )
        self.is_on(BEHAVIOURS_SLUG)
        yield BEHAVIOURS_SLUG
        self.answers_behaviours(screening)
        expect(self.page).to_have_url(self.site + "/check-your-answers/")

    def sees_results(self) -> None:
        self.follow('main a[href="/results/"]')
        expect(self.page).to_have_url(self.site + "/results/")

    def result_level(self) -> str:
        return self.page.locator(".app-level h2").inner_text().strip()

    def sees_results_matching(self, screening: Screening, level: str) -> None:
        """The results page shows the level, the details given with each "yes" and every
        "don't know" under things still to find out."""
        assert self.result_level() == level
        main = self.page.locator("main")
        for text in screening.details.values():
            expect(main).to_contain_text(text)
        unknowns = sorted(n for n, answer in screening.signs.items() if answer == DONT_KNOW)
        found = self.page.locator("h2", has_text="Things still to find out")
        if unknowns:
            listed = found.locator("xpath=following-sibling::ul[1]/li").all_inner_texts()
            assert [int(item.split(".")[0]) for item in listed] == unknowns
        else:
            expect(found).to_have_count(0)
        yes = sorted(n for n, answer in screening.signs.items() if answer == YES)
        present = self.page.locator("main ol.govuk-list > li h3").all_inner_texts()
        assert [int(item.split(".")[0]) for item in present] == yes


def session_key(page: Page) -> str | None:
    for cookie in page.context.cookies():
        if cookie["name"] == SESSION_COOKIE:
            return cookie["value"]
    return None


def session_exists(key: str | None) -> bool:
    return key is not None and Session.objects.filter(session_key=key).exists()


SERIOUS = Screening(
    name="Sam Sentinel",
    signs={1: YES, 3: YES, 5: DONT_KNOW},
    details={1: "I keep checking the locks", 3: "Car tyres slashed on Friday"},
    behaviours=("texts", "following", "other"),
    other_details="Left a note on the windscreen",
)
PRESENT = Screening(
    relationship="known",
    known_as="neighbour",
    signs={3: YES, 10: DONT_KNOW},
    details={3: "Fence kicked in"},
)
NONE_YET = Screening(relationship="stranger", how_often="once", since="under_month")
THREATS_ONLY = Screening(
    signs={6: YES, 12: DONT_KNOW},
    details={6: "Said I would regret it"},
    behaviours=("calls",),
)

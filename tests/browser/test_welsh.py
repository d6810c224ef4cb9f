"""The service in Welsh in a real browser: axe finds nothing with lang="cy", the switch works
by keyboard and without JavaScript, keeps what was typed, and fits a 320 px screen."""

import pytest
from playwright.sync_api import expect

from screening.questions import YES
from tests.browser.axe import violations
from tests.browser.journey import SIGN_SLUGS, Person, Screening, path_of, question_path

pytestmark = pytest.mark.browser

WELSH = 'a[hreflang="cy"]'
WELSH_BUTTON = 'button[lang="cy"][formaction]'
SOMEONE = Screening(name="Sam", signs={1: YES, 4: YES}, details={1: "Bob nos", 4: "Bob dydd"})


def switches_to_welsh(person: Person) -> None:
    person.page.goto(person.site + "/")
    person.follow(WELSH)
    expect(person.page.locator("html")).to_have_attribute("lang", "cy")


def test_axe_finds_nothing_on_key_pages_in_welsh(page, site):
    person = Person(page, site)
    switches_to_welsh(person)
    reports = {}

    def check(label):
        expect(page.locator("html")).to_have_attribute("lang", "cy")
        report = violations(page)
        if report:
            reports[label] = report

    for label in person.answers_everything_page_by_page(SOMEONE):
        if label in ("start", "before-you-start", "about-them", SIGN_SLUGS[1]):
            check(label)
            if label == "about-them":
                person.continues()
                check("about-them showing errors")
    check("check-your-answers")
    person.sees_results()
    check("results")
    for path in ("/record/add/", "/summary/details/", "/nothing-here/", "/cases/sign-in/"):
        page.goto(site + path)
        check(path)
    assert not reports, "\n\n".join(f"== {label} ==\n{text}" for label, text in reports.items())


@pytest.mark.parametrize("keyboard", [False, True], ids=["pointer", "keyboard"])
def test_switching_on_a_question_keeps_the_choice_and_the_words(page, site, keyboard):
    person = Person(page, site, keyboard=keyboard)
    person.starts()
    person.answers_about_them(SOMEONE)
    person.is_on(SIGN_SLUGS[1])
    person.choose("answer", YES)
    person.write("#id_details", "Mae'n aros y tu allan")
    person.follow(WELSH_BUTTON)
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    assert path_of(page) == question_path(SIGN_SLUGS[1])
    expect(page.locator(f'input[name="answer"][value="{YES}"]')).to_be_checked()
    expect(page.locator("#id_details")).to_be_visible()
    expect(page.locator("#id_details")).to_have_value("Mae'n aros y tu allan")
    expect(page.locator('span[aria-current="true"][lang="cy"]')).to_have_text("Cymraeg")


def test_enter_in_a_field_still_sends_the_form_to_its_own_page(page, site):
    person = Person(page, site)
    person.starts()
    person.write("#id_name", "Sam")
    with page.expect_navigation():
        page.press("#id_name", "Enter")
    # The page's own answer: errors for the questions not answered, in English still.
    expect(page.locator("html")).to_have_attribute("lang", "en-gb")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator("#id_name")).to_have_value("Sam")


def test_the_switch_works_without_javascript(page_without_js, site):
    person = Person(page_without_js, site)
    person.starts()
    person.write("#id_name", "Sam")
    person.follow(WELSH_BUTTON)
    expect(page_without_js.locator("html")).to_have_attribute("lang", "cy")
    expect(page_without_js.locator("#id_name")).to_have_value("Sam")
    person.follow('button[lang="en-gb"][formaction]')
    expect(page_without_js.locator("html")).to_have_attribute("lang", "en-gb")


def test_the_switch_fits_a_320_pixel_screen_in_welsh(phone_page, site):
    person = Person(phone_page, site)
    switches_to_welsh(person)
    for path in ("/", "/before-you-start/", "/questions/", "/cases/sign-in/"):
        phone_page.goto(site + path)
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 320, path
        expect(phone_page.locator(".app-language-switch")).to_be_in_viewport()

"""Keeping a record in one browser and opening it in another, with and without JavaScript."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.journey import Person, Screening, session_exists, session_key

pytestmark = pytest.mark.browser

WHAT_HAPPENED = "Left a parcel on the doorstep at night"


def keeps_a_record_with_an_entry(person: Person) -> str:
    """Answer the first page, add an entry, keep the record; return the passphrase shown."""
    page = person.page
    person.starts()
    person.answers_about_them(Screening(name="Robin"))
    page.goto(person.site + "/record/")
    person.follow('main a[href="/record/add/"]')
    day = timezone.localdate() - timedelta(days=2)
    for box, value in enumerate((day.day, day.month, day.year)):
        person.write(f"#id_occurred_on_{box}", str(value))
    person.write("#id_what_happened", WHAT_HAPPENED)
    person.continues()
    person.follow('main a[href="/keep/"]')
    person.follow("main form[action='/keep/passphrase/'] button")
    words = page.locator(".app-passphrase__word").all_inner_texts()
    assert len(words) == 6
    person.follow("main form[action='/keep/confirm/'] button")
    expect(page.locator("h1")).to_have_text("Your kept record")
    expect(page.locator("main")).to_contain_text("Every change you make to your answers")
    return " ".join(words)


def opens_it(person: Person, passphrase: str) -> None:
    page = person.page
    page.goto(person.site + "/")
    person.follow('main a[href="/open/"]')
    person.write("#id_passphrase", passphrase)
    person.follow("main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Your kept record")
    person.follow('main a[href="/record/"]')
    expect(page.locator("main")).to_contain_text(WHAT_HAPPENED)
    expect(page.locator("main")).to_contain_text("Your record is kept: every change is saved.")


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_a_record_kept_in_one_browser_opens_in_another(make_page, site, javascript):
    passphrase = keeps_a_record_with_an_entry(
        Person(make_page(java_script_enabled=javascript), site)
    )
    elsewhere = Person(make_page(java_script_enabled=javascript), site)
    opens_it(elsewhere, passphrase)
    expect(elsewhere.page.locator("main")).not_to_contain_text("This record is not saved.")


def test_back_after_exit_shows_nothing_of_the_opened_record(make_page, site, neutral_site):
    passphrase = keeps_a_record_with_an_entry(Person(make_page(), site))
    person = Person(make_page(), site)
    opens_it(person, passphrase)
    page = person.page
    key = session_key(page)
    page.get_by_role("button", name="Emergency Exit this page").click()
    expect(page).to_have_url(neutral_site)
    assert not session_exists(key)
    page.go_back(wait_until="commit")
    page.wait_for_load_state()
    content = page.content()
    assert WHAT_HAPPENED not in content
    assert "Your record is kept" not in content
    for word in passphrase.split(" "):
        assert f">{word}<" not in content

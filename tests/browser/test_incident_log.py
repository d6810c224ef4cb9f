"""Keeping a record in a real browser: three entries, then the pattern and chart on the results."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from screening.questions import YES
from tests.browser.journey import Person, Screening

pytestmark = pytest.mark.browser

SCREENING = Screening(name="Sam", signs={4: YES, 6: YES})


def adds_entry(person: Person, days_ago: int, what: str, behaviours: tuple[str, ...], signs=()):
    page = person.page
    person.follow('main a[href="/record/add/"]')
    day = timezone.localdate() - timedelta(days=days_ago)
    for box, value in enumerate((day.day, day.month, day.year)):
        person.write(f"#id_occurred_on_{box}", str(value))
    person.write("#id_what_happened", what)
    for value in behaviours:
        person.tick("behaviours", value)
    for number in signs:
        person.tick("signs", str(number))
    person.continues()
    expect(page).to_have_url(person.site + "/record/")
    expect(page.locator("main")).to_contain_text(what)


@pytest.mark.parametrize("which_page", ["page", "page_without_js"])
def test_three_entries_show_the_flags_and_the_chart_on_the_results(request, site, which_page):
    page = request.getfixturevalue(which_page)
    person = Person(page, site)
    person.answers_everything(SCREENING)
    person.sees_results()
    person.follow('main a[href="/record/"]')
    expect(page.locator("main")).to_contain_text("This record is kept with your answers")

    adds_entry(person, 9, "Waited outside my flat", ("waiting",), signs=(4,))
    adds_entry(person, 5, "Said I would regret leaving", ("threats", "texts"), signs=(6,))
    adds_entry(person, 1, "Asked my sister where I was", ("via_others",))
    expect(page.locator(".govuk-summary-card")).to_have_count(3)

    person.follow('a.govuk-back-link[href="/results/"]')
    main = page.locator("main")
    expect(main).to_contain_text("Your record has 3 entries")
    expect(main).to_contain_text("A course of conduct")
    expect(main).to_contain_text("Threats")
    expect(main).to_contain_text("Other people drawn in")
    expect(main).to_contain_text("Supported by your record:")
    chart = page.locator("svg.app-incident-chart[role=img]")
    expect(chart).to_be_visible()
    assert chart.locator("rect").count() >= 2
    name = chart.get_attribute("aria-labelledby")
    expect(page.locator(f"[id='{name}']")).to_contain_text("3 incidents")
    page.locator("summary", has_text="Show the weeks as a table").click()
    expect(page.locator("table.govuk-table")).to_be_visible()


def test_the_chart_fits_a_320_pixel_phone(phone_page, site):
    person = Person(phone_page, site)
    person.answers_everything(Screening())
    person.sees_results()
    person.follow('main a[href="/record/"]')
    adds_entry(person, 2, "Followed me home", ("following",))
    adds_entry(person, 0, "Followed me again", ("following",))
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    box = phone_page.locator("svg.app-incident-chart").bounding_box()
    assert 200 < box["width"] <= 320

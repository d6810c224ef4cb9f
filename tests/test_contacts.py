"""The numbers people are told to call: one place, checked, and linkable."""

import datetime

import pytest

from screening.contacts import (
    ALL,
    CHECKED_ON,
    EMERGENCY,
    HELPLINE,
    NON_EMERGENCY,
    PALADIN,
    tel_href,
)


@pytest.mark.parametrize(
    ("contact", "number", "href"),
    [
        (EMERGENCY, "999", "tel:999"),
        (NON_EMERGENCY, "101", "tel:101"),
        (HELPLINE, "0808 802 0300", "tel:08088020300"),
        (PALADIN, "020 3866 4107", "tel:02038664107"),
    ],
    ids=lambda value: getattr(value, "key", None),
)
def test_the_numbers(contact, number, href):
    assert contact.number == number
    assert contact.href == href == tel_href(number)


def test_emergency_help_comes_first():
    assert ALL == (EMERGENCY, NON_EMERGENCY, HELPLINE, PALADIN)
    assert len({contact.key for contact in ALL}) == len(ALL)


def test_999_explains_relay_uk_and_the_silent_solution():
    extra = " ".join(EMERGENCY.extra)
    assert "Relay UK" in extra
    assert "18000" in extra
    assert "press 55" in extra


def test_101_explains_relay_uk_and_reporting_online():
    extra = " ".join(NON_EMERGENCY.extra)
    assert "18001 101" in extra
    assert "online" in extra


def test_the_services_are_named():
    assert HELPLINE.name == "National Stalking Helpline"
    assert "Suzy Lamplugh Trust" in HELPLINE.description
    assert PALADIN.name == "Paladin National Stalking Advocacy Service"


def test_the_numbers_say_when_they_were_last_checked():
    assert datetime.date(2026, 11, 28) == CHECKED_ON


@pytest.mark.parametrize("number", ["", "call us", "+"])
def test_tel_href_refuses_something_that_is_not_a_number(number):
    with pytest.raises(ValueError):
        tel_href(number)


def test_999_explains_emergency_sms_and_that_it_needs_registering_first():
    extra = " ".join(EMERGENCY.extra)
    assert "emergencySMS" in extra
    assert "register" in extra
    assert "first" in extra


def test_the_helpline_gives_its_published_hours_and_another_way_in():
    assert "9:30am to 4pm" in HELPLINE.hours
    assert "Wednesdays" in HELPLINE.hours
    assert "bank holidays" in HELPLINE.hours
    assert "emails" in " ".join(HELPLINE.extra)


def test_hours_nobody_has_confirmed_are_left_out():
    assert PALADIN.hours == ""


@pytest.mark.django_db
def test_the_call_history_note_is_shown_with_the_numbers(client):
    from tests.journey import answer_everything

    answer_everything(client)
    html = client.get("/results/").content.decode()
    assert "stays in your phone’s call history" in html
    assert "Open 9:30am to 4pm on weekdays" in html
    assert "These numbers and opening times were last checked on 28 November 2026." in html

"""The entry form: the GOV.UK date input and its errors, limits, and what it gives back."""

from datetime import date, time

import pytest

from screening.incidents.forms import IncidentForm, initial_for, parse_time
from tests.incident_examples import FULL

TODAY = date(2026, 11, 24)
SIGNS = ((4, "Has Alex turned up?"), (6, "Has Alex made threats?"))


def form(sign_choices=SIGNS, **data) -> IncidentForm:
    posted = {
        "occurred_on_0": "3",
        "occurred_on_1": "10",
        "occurred_on_2": "2026",
        "what_happened": "Waited outside",
        **data,
    }
    return IncidentForm(data=posted, today=TODAY, sign_choices=sign_choices)


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "anchor"),
    [
        ("", "", "", "Enter the date it happened", "id_occurred_on_0"),
        ("3", "", "2026", "The date must include a month", "id_occurred_on_1"),
        ("", "", "2026", "The date must include a day and a month", "id_occurred_on_0"),
        ("3", "10", "", "The date must include a year", "id_occurred_on_2"),
        ("31", "2", "2026", "The date must be a real date", "id_occurred_on_0"),
        ("3", "13", "2026", "The date must be a real date", "id_occurred_on_1"),
        ("3", "x", "2026", "The date must be a real date", "id_occurred_on_1"),
        ("3", "10", "26", "The year must include 4 numbers", "id_occurred_on_2"),
        ("3", "10", "1850", "The date must be in 1900 or later", "id_occurred_on_2"),
        ("25", "11", "2026", "The date must be today or in the past", "id_occurred_on_0"),
    ],
)
def test_date_errors_use_the_gov_uk_wording_and_link_to_the_right_box(
    day, month, year, message, anchor
):
    bound = form(occurred_on_0=day, occurred_on_1=month, occurred_on_2=year)
    assert not bound.is_valid()
    assert bound.errors["occurred_on"] == [message]
    assert (anchor, message) in bound.error_links()


def test_today_and_29_february_in_a_leap_year_are_fine():
    assert form(occurred_on_0="24", occurred_on_1="11", occurred_on_2="2026").is_valid()
    assert form(occurred_on_0="29", occurred_on_1="2", occurred_on_2="2024").is_valid()


def test_spaces_around_the_numbers_are_fine():
    bound = form(occurred_on_0=" 03 ", occurred_on_1="10 ", occurred_on_2=" 2026")
    assert bound.is_valid()
    assert bound.incident().occurred_on == date(2026, 10, 3)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("21:30", time(21, 30)),
        ("21.30", time(21, 30)),
        ("9:30pm", time(21, 30)),
        ("9.30 PM", time(21, 30)),
        ("9pm", time(21, 0)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("00:05", time(0, 5)),
        ("9", None),
        ("24:00", None),
        ("13pm", None),
        ("9:75", None),
        ("teatime", None),
    ],
)
def test_times_are_read_as_people_write_them(text, parsed):
    assert parse_time(text) == parsed


def test_a_time_that_cannot_be_read_gets_an_error():
    bound = form(time="teatime")
    assert bound.errors["time"] == ["Enter a time, like 9:30pm or 21:30"]


def test_what_happened_is_required_and_blank_text_does_not_count():
    assert form(what_happened="").errors["what_happened"] == ["Describe what happened"]
    assert form(what_happened="   \n ").errors["what_happened"] == ["Describe what happened"]


@pytest.mark.parametrize(
    ("field", "limit", "message"),
    [
        ("place", 200, "Where it happened must be 200 characters or fewer"),
        ("what_happened", 5000, "What happened must be 5000 characters or fewer"),
        ("evidence", 1000, "The evidence you kept must be 1000 characters or fewer"),
        ("crime_reference", 40, "The crime reference number must be 40 characters or fewer"),
    ],
)
def test_oversized_text_gets_a_clear_error(field, limit, message):
    assert form(**{field: "x" * limit}).is_valid()
    assert form(**{field: "x" * (limit + 1)}).errors[field] == [message]


def test_control_characters_are_refused():
    assert form(witnesses="A\x1bB").errors["witnesses"] == [
        "Remove the hidden characters from “Did anyone see or hear it?” – "
        "they can come with copied and pasted text"
    ]


def test_tampered_choices_are_refused():
    assert "behaviours" in form(behaviours=["flying"]).errors
    assert "signs" in form(signs=["5"]).errors
    assert "feared_violence" in form(feared_violence="perhaps").errors


def test_only_the_signs_given_can_be_linked_and_the_field_is_left_out_without_any():
    html = IncidentForm(today=TODAY, sign_choices=SIGNS).as_p()
    assert "Has Alex turned up?" in html
    assert "signs" not in IncidentForm(today=TODAY).fields


def test_no_maxlength_and_free_text_autocomplete_off():
    bound = IncidentForm(today=TODAY, sign_choices=SIGNS)
    for name in ("place", "what_happened", "witnesses", "evidence", "officer", "crime_reference"):
        attrs = bound.fields[name].widget.attrs
        assert "maxlength" not in attrs
        assert attrs["autocomplete"] == "off"


def test_the_date_boxes_ask_for_the_numeric_keyboard():
    html = str(IncidentForm(today=TODAY)["occurred_on"])
    assert html.count('inputmode="numeric"') == 3


def test_a_crime_reference_means_it_was_reported():
    bound = form(reported_to_police="no", crime_reference="CR/1")
    assert bound.is_valid()
    assert bound.incident().reported_to_police is True


def test_the_form_gives_back_the_incident():
    bound = form(
        time="9:30pm",
        approximate="on",
        place=" Outside the flat ",
        behaviours=["threats", "home"],
        feared_violence="yes",
        daily_life_effects=["security", "routes"],
        reported_to_police="yes",
        signs=["6", "4"],
        entry="keepMe12",
    )
    assert bound.is_valid(), bound.errors
    incident = bound.incident()
    assert incident.id == "keepMe12"
    assert incident.time == time(21, 30)
    assert incident.approximate is True
    assert incident.place == "Outside the flat"
    assert incident.behaviours == ("home", "threats")
    assert incident.daily_life_effects == ("routes", "security")
    assert incident.signs == (4, 6)
    assert bound.incident(incident_id="other99").id == "other99"


def test_a_tampered_entry_id_is_replaced_with_a_fresh_one():
    bound = form(entry="<b>")
    assert bound.is_valid()
    assert bound.incident().id != "<b>"


def test_an_existing_entry_fills_the_form_and_comes_back_unchanged():
    initial = initial_for(FULL)
    data = {
        "occurred_on_0": "3",
        "occurred_on_1": "10",
        "occurred_on_2": "2026",
        **{k: v for k, v in initial.items() if k != "occurred_on" and v not in ("", False)},
        "approximate": "on",
    }
    bound = IncidentForm(data=data, today=TODAY, sign_choices=SIGNS)
    assert bound.is_valid(), bound.errors
    assert bound.incident(incident_id=FULL.id) == FULL

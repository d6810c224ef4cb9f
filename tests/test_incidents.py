"""An incident log entry: its fields, its link to the law, and its checked round trip."""

import dataclasses
from datetime import date

import pytest

from screening import questions
from screening.incidents import (
    TEXT_LIMITS,
    Incident,
    InvalidIncident,
    behaviour_choices,
    from_primitives,
    in_date_order,
    new_id,
    to_primitives,
    validate,
)
from tests.incident_examples import FULL, entry


def test_every_behaviour_of_the_screening_can_be_recorded_but_not_none_of_these():
    bank = questions.question(questions.BEHAVIOURS_SLUG).field(questions.BEHAVIOURS_FIELD)
    behaviours = tuple(c.value for c in bank.choices if c.value != questions.NO_BEHAVIOURS)
    assert tuple(behaviour_choices()) == behaviours
    assert questions.NO_BEHAVIOURS not in behaviour_choices()


@pytest.mark.parametrize(
    ("behaviours", "acts", "groups"),
    [
        (("following",), ("a",), ("intrusions",)),
        (("calls", "texts"), ("b",), ("communications",)),
        (("posting",), ("c",), ("communications",)),
        (("spyware",), ("d",), ("online",)),
        (("waiting", "home"), ("e",), ("intrusions",)),
        (("damage",), ("f",), ("associated",)),
        (("spying",), ("g",), ("intrusions",)),
        (("threats",), (), ("associated",)),
        (("proxies", "via_others"), ("b", "g"), ("through_others",)),
        (("other",), (), ()),
    ],
)
def test_behaviours_name_their_act_in_section_2a_and_their_group(behaviours, acts, groups):
    incident = entry(date(2026, 1, 1), *behaviours)
    assert incident.acts == acts
    assert incident.groups == groups
    assert set(incident.acts) <= set(questions.PHA_ACTS)


def test_a_full_entry_survives_the_round_trip():
    assert from_primitives(to_primitives(FULL)) == FULL


def test_primitives_are_json_safe():
    import json

    assert json.loads(json.dumps(to_primitives(FULL))) == to_primitives(FULL)


def test_new_ids_are_short_random_and_url_safe():
    ids = {new_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 8 and i.replace("-", "").replace("_", "").isalnum() for i in ids)


def test_entries_sort_by_date_then_time_with_untimed_last():
    from datetime import time

    day = date(2026, 3, 1)
    late = entry(day, time=time(22, 0))
    early = entry(day, time=time(8, 0))
    untimed = entry(day)
    before = entry(date(2026, 2, 28))
    assert in_date_order([untimed, late, before, early]) == (before, early, late, untimed)


def _tampered(**changes):
    return {**to_primitives(FULL), **changes}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": "x"}, "id"),
        ({"id": "<script>"}, "id"),
        ({"occurred_on": "2026-02-31"}, "occurred_on"),
        ({"occurred_on": "3/10/2026"}, "occurred_on"),
        ({"occurred_on": "1850-01-01"}, "occurred_on"),
        ({"time": "25:00"}, "time"),
        ({"time": "9pm"}, "time"),
        ({"approximate": "yes"}, "approximate"),
        ({"what_happened": ""}, "what_happened"),
        ({"what_happened": "   "}, "what_happened"),
        ({"what_happened": "x" * (TEXT_LIMITS["what_happened"] + 1)}, "what_happened"),
        ({"place": "bell\x07"}, "place"),
        ({"place": 3}, "place"),
        ({"behaviours": ["teleporting"]}, "behaviours"),
        ({"behaviours": ["home", "home"]}, "behaviours"),
        ({"behaviours": "home"}, "behaviours"),
        ({"feared_violence": "maybe"}, "feared_violence"),
        ({"daily_life_effects": ["holiday"]}, "daily_life_effects"),
        ({"reported_to_police": 1}, "reported_to_police"),
        ({"crime_reference": "x" * 41}, "crime_reference"),
        ({"signs": [13]}, "signs"),
        ({"signs": ["4"]}, "signs"),
        ({"signs": [True]}, "signs"),
        ({"signs": [4, 4]}, "signs"),
        ({"extra": "value"}, "incident"),
    ],
)
def test_bad_stored_data_is_refused(changes, field):
    with pytest.raises(InvalidIncident) as refused:
        from_primitives(_tampered(**changes))
    assert refused.value.field == field


def test_a_missing_key_is_refused():
    data = to_primitives(FULL)
    del data["evidence"]
    with pytest.raises(InvalidIncident, match="evidence"):
        from_primitives(data)


def test_not_a_mapping_is_refused():
    with pytest.raises(InvalidIncident):
        from_primitives(["not", "a", "dict"])


def test_the_error_never_quotes_the_value():
    secret = "Sentinel-QX9 " * 500
    with pytest.raises(InvalidIncident) as refused:
        from_primitives(_tampered(what_happened=secret))
    assert "Sentinel" not in str(refused.value)


def test_a_future_date_is_refused_only_when_today_is_given():
    later = dataclasses.replace(FULL, occurred_on=date(2026, 10, 4))
    assert validate(later) == later
    with pytest.raises(InvalidIncident, match="future"):
        validate(later, today=date(2026, 10, 3))
    assert validate(FULL, today=date(2026, 10, 3)) == FULL


def test_choices_come_back_in_the_banks_order():
    data = _tampered(behaviours=["threats", "calls"], daily_life_effects=["health", "routes"])
    incident = from_primitives(data)
    assert incident.behaviours == ("calls", "threats")
    assert incident.daily_life_effects == ("routes", "health")


def test_an_incident_needs_a_date_and_what_happened():
    with pytest.raises(TypeError):
        Incident()  # type: ignore[call-arg]

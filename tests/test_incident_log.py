"""The anonymous person's log lives in the session and is checked again on every read."""

import dataclasses
from datetime import date

import pytest

from screening.incidents import session_log as incident_log
from screening.incidents import to_primitives
from screening.incidents.session_log import INCIDENTS_KEY, LogFull, SessionIncidentLog
from tests.incident_examples import FULL, message


def test_an_empty_session_has_an_empty_log():
    assert SessionIncidentLog({}).all == ()


def test_add_replace_and_delete_keep_date_order():
    session = {}
    log = SessionIncidentLog(session)
    later = message(date(2026, 11, 1))
    log.add(later)
    log.add(FULL)
    assert [i.id for i in log] == [FULL.id, later.id]
    changed = dataclasses.replace(FULL, place="At work")
    log.replace(changed)
    assert SessionIncidentLog(session).get(FULL.id).place == "At work"
    log.delete(FULL.id)
    assert SessionIncidentLog(session).all == (later,)


def test_the_session_holds_primitives_only():
    session = {}
    SessionIncidentLog(session).add(FULL)
    assert session[INCIDENTS_KEY] == [to_primitives(FULL)]


def test_adding_the_same_entry_twice_stores_it_once():
    log = SessionIncidentLog({})
    log.add(FULL)
    log.add(dataclasses.replace(FULL, place="Typed again"))
    assert len(log) == 1
    assert log.get(FULL.id).place == "Typed again"


def test_replacing_an_entry_that_is_not_there_is_an_error():
    with pytest.raises(KeyError):
        SessionIncidentLog({}).replace(FULL)


def test_tampered_and_repeated_entries_are_dropped_on_read():
    good = to_primitives(FULL)
    session = {
        INCIDENTS_KEY: [
            {**good, "occurred_on": "2026-02-31"},
            "not an entry",
            good,
            {**good, "what_happened": "a copy with the same id"},
        ]
    }
    assert SessionIncidentLog(session).all == (FULL,)


def test_a_log_that_is_not_a_list_reads_as_empty():
    assert SessionIncidentLog({INCIDENTS_KEY: {"a": 1}}).all == ()


def test_the_log_has_a_limit(monkeypatch):
    monkeypatch.setattr(incident_log, "MAX_ENTRIES", 2)
    log = SessionIncidentLog({})
    log.add(message(date(2026, 1, 1)))
    log.add(message(date(2026, 1, 2)))
    assert log.is_full
    with pytest.raises(LogFull):
        log.add(message(date(2026, 1, 3)))


def test_clear_removes_the_log():
    session = {}
    log = SessionIncidentLog(session)
    log.add(FULL)
    log.clear()
    assert INCIDENTS_KEY not in session
    assert log.all == ()


def test_each_sign_lists_its_linked_incidents_in_date_order_and_unlinked_signs_are_left_out():
    from screening.incidents.presenters import signs_supported

    log = [
        message(date(2026, 10, 9), signs=(4,)),
        message(date(2026, 10, 2), signs=(1, 4)),
        message(date(2026, 10, 5), signs=(6,)),
    ]
    assert signs_supported(log, (1, 4, 5)) == (
        (1, ("2 October 2026",)),
        (4, ("2 October 2026", "9 October 2026")),
    )

"""The pattern in a log: each flag as a table a domain expert can read, boundaries included."""

import re
from datetime import date, timedelta

import pytest

from screening import questions
from screening.incidents import timeline
from screening.incidents.timeline import (
    COURSE_OF_CONDUCT,
    DAILY_LIFE,
    FEARED_VIOLENCE,
    FIRST_THREAT,
    RISING,
    THIRD_PARTIES,
    VISITS,
    pattern,
    week_start,
    weekly_counts,
)
from tests.incident_examples import entry, message, threat, visit

MON = date(2026, 10, 5)  # a Monday


def day(n: int) -> date:
    """The n-th day after Monday 5 October 2026 (0 is the Monday)."""
    return MON + timedelta(days=n)


# --- Counts and span -------------------------------------------------------------------------


def test_an_empty_log_has_no_pattern():
    found = pattern([])
    assert (found.count, found.first, found.last, found.span_days) == (0, None, None, 0)
    assert found.flags == ()
    assert found.weeks == ()


def test_count_and_span_run_from_the_first_incident_to_the_last():
    found = pattern([message(day(9)), message(day(0)), message(day(3))])
    assert (found.count, found.first, found.last, found.span_days) == (3, day(0), day(9), 10)


# --- Course of conduct -----------------------------------------------------------------------


@pytest.mark.parametrize(("incidents", "flagged"), [(0, False), (1, False), (2, True), (5, True)])
def test_two_or_more_incidents_are_a_course_of_conduct(incidents, flagged):
    found = pattern([message(day(n)) for n in range(incidents)])
    assert (COURSE_OF_CONDUCT in found.codes) is flagged


def test_the_course_of_conduct_reason_gives_the_count_and_dates():
    flag = pattern([message(day(0)), message(day(6))]).flag(COURSE_OF_CONDUCT)
    assert dict(flag.params) == {"count": 2, "first": day(0), "last": day(6)}
    assert "%(count)s incidents between %(first)s and %(last)s" in flag.reason


# --- More than three visits in seven days ----------------------------------------------------


@pytest.mark.parametrize(
    ("visit_days", "flagged", "why"),
    [
        ((0, 1, 2), False, "three visits is not more than three"),
        ((0, 1, 2, 3), True, "four visits on four days"),
        ((0, 2, 4, 6), True, "four visits, the last on the seventh day of the window"),
        ((0, 2, 4, 7), False, "the fourth visit falls on the eighth day"),
        ((0, 0, 0, 0), True, "four visits on one day count as four"),
        ((0, 10, 11, 12, 16), True, "a later window of seven days holds four"),
        ((0, 1, 2, 8, 9, 10), False, "two busy spells of three, never four in seven days"),
    ],
)
def test_more_than_three_visits_in_any_seven_days(visit_days, flagged, why):
    found = pattern([visit(day(n)) for n in visit_days])
    assert (VISITS in found.codes) is flagged, why


@pytest.mark.parametrize(
    ("behaviour", "counts_as_a_visit"),
    [
        ("home", True),
        ("following", True),
        ("waiting", True),
        ("approaching", True),
        ("confronting", True),
        ("spying", False),
        ("proxies", False),
        ("texts", False),
        ("tracking", False),
    ],
)
def test_which_behaviours_count_as_turning_up(behaviour, counts_as_a_visit):
    found = pattern([entry(day(n), behaviour) for n in range(4)])
    assert (VISITS in found.codes) is counts_as_a_visit


def test_several_visit_behaviours_in_one_incident_are_one_visit():
    found = pattern([entry(day(0), "home", "waiting", "following", "approaching")])
    assert VISITS not in found.codes


def test_the_visits_reason_names_the_window():
    flag = pattern([visit(day(n)) for n in (3, 4, 5, 6, 9)]).flag(VISITS)
    assert dict(flag.params) == {"count": 5, "first": day(3), "last": day(9)}


# --- First threat ----------------------------------------------------------------------------


def test_no_threat_no_flag():
    assert FIRST_THREAT not in pattern([message(day(0)), visit(day(1))]).codes


def test_the_first_threat_is_the_earliest_by_date_whatever_the_order_entered():
    log = [threat(day(8), what_happened="second"), message(day(1)), threat(day(4))]
    found = pattern(log)
    assert dict(found.flag(FIRST_THREAT).params) == {"first": day(4)}
    assert found.first_threat == log[2]


# --- Third parties ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("behaviour", "flagged"),
    [("via_others", True), ("proxies", True), ("calls", False), ("complaints", False)],
)
def test_third_parties_drawn_in(behaviour, flagged):
    found = pattern([message(day(0)), entry(day(2), behaviour)])
    assert (THIRD_PARTIES in found.codes) is flagged


def test_the_third_parties_reason_counts_incidents_from_the_first():
    log = [entry(day(5), "proxies"), entry(day(2), "via_others", "texts"), message(day(1))]
    assert dict(pattern(log).flag(THIRD_PARTIES).params) == {"count": 2, "first": day(2)}


# --- Section 4A: fear of violence and effect on daily life -----------------------------------


@pytest.mark.parametrize(
    ("answers", "flagged"),
    [
        (("yes",), False),
        (("yes", "no", "not_sure"), False),
        (("yes", "yes"), True),
        (("yes", "", "yes"), True),
    ],
)
def test_fear_of_violence_on_two_occasions(answers, flagged):
    found = pattern([message(day(n), feared_violence=a) for n, a in enumerate(answers)])
    assert (FEARED_VIOLENCE in found.codes) is flagged


def test_any_effect_on_daily_life_is_flagged():
    assert DAILY_LIFE not in pattern([message(day(0))]).codes
    found = pattern([message(day(0)), message(day(1), daily_life_effects=("security",))])
    assert dict(found.flag(DAILY_LIFE).params) == {"count": 1}


# --- Weeks and a rising rate -----------------------------------------------------------------


def test_weeks_are_iso_weeks_from_monday_with_empty_weeks_kept():
    weeks = weekly_counts([message(day(6)), message(day(0)), message(day(15))])
    assert [(w.starts, w.count) for w in weeks] == [(day(0), 2), (day(7), 0), (day(14), 1)]
    assert weeks[0].ends == day(6)


def test_weeks_run_on_to_today():
    weeks = weekly_counts([message(day(0))], today=day(22))
    assert [w.count for w in weeks] == [1, 0, 0, 0]


def test_week_start_is_the_monday():
    assert week_start(date(2026, 10, 11)) == MON  # a Sunday
    assert week_start(MON) == MON


def per_week(*counts: int) -> list:
    """A log with ``counts[i]`` incidents in the i-th week from MON."""
    return [message(day(7 * week + n)) for week, count in enumerate(counts) for n in range(count)]


@pytest.mark.parametrize(
    ("counts", "flagged", "why"),
    [
        ((1, 1, 2, 3), True, "5 in the last two weeks against 2 before"),
        ((2, 1, 1, 2), False, "3 against 3 is level, not rising"),
        ((3, 3, 2, 1), False, "falling"),
        ((1, 2, 4), False, "only three weeks: too short to compare"),
        ((1, 0, 0, 1), False, "one incident after a quiet spell is not a rising rate"),
        ((1, 0, 1, 1), True, "2 against 1, and at least two"),
        ((5, 5, 0, 1, 1, 2), True, "only the last four weeks are compared"),
    ],
)
def test_rising_rate(counts, flagged, why):
    found = pattern(per_week(*counts))
    assert (RISING in found.codes) is flagged, why


def test_rising_rate_stops_when_incidents_stop():
    log = per_week(1, 1, 2, 3)
    assert RISING in pattern(log, today=day(27)).codes
    assert RISING not in pattern(log, today=day(27 + 14)).codes


def test_the_rising_reason_gives_both_counts():
    assert dict(pattern(per_week(1, 1, 2, 3)).flag(RISING).params) == {"recent": 5, "before": 2}


# --- Together --------------------------------------------------------------------------------


def test_flags_come_in_a_fixed_order_with_reasons():
    log = [
        visit(day(0), feared_violence="yes"),
        visit(day(1), feared_violence="yes"),
        visit(day(2), daily_life_effects=("routes",)),
        entry(day(3), "home", "threats", "via_others"),
    ]
    found = pattern(log)
    assert [flag.code for flag in found.flags] == [
        COURSE_OF_CONDUCT,
        VISITS,
        FIRST_THREAT,
        THIRD_PARTIES,
        FEARED_VIOLENCE,
        DAILY_LIFE,
    ]
    assert all(flag.title and flag.reason for flag in found.flags)


def test_the_rules_are_the_documented_numbers():
    assert timeline.VISITS_MORE_THAN == 3
    assert timeline.VISIT_WINDOW_DAYS == 7
    assert timeline.COURSE_OF_CONDUCT_MINIMUM == 2
    assert {
        "following",
        "waiting",
        "approaching",
        "confronting",
        "home",
    } == questions.BANK.behaviours_playing(questions.Role.VISIT)


# --- Wording for the person and for others ---------------------------------------------------

SECOND_PERSON = re.compile(r"\b(you|your|yours|yourself)\b", re.IGNORECASE)


def every_flag() -> tuple[timeline.PatternFlag, ...]:
    """A log that raises all seven flags."""
    log = [
        message(day(0), feared_violence="yes"),
        entry(day(2), "via_others", daily_life_effects=("routes",)),
        *(visit(day(n)) for n in (21, 22, 23, 24)),
        threat(day(25), feared_violence="yes"),
    ]
    found = pattern(log, today=day(27))
    assert found.codes == {
        COURSE_OF_CONDUCT, VISITS, FIRST_THREAT, THIRD_PARTIES, FEARED_VIOLENCE, DAILY_LIFE, RISING
    }  # fmt: skip
    return found.flags


@pytest.mark.parametrize("flag", every_flag(), ids=lambda flag: flag.code)
def test_an_advocate_or_officer_reads_each_flag_without_you(flag):
    title, reason = flag.wording(for_others=True)
    assert not SECOND_PERSON.search(title), title
    assert not SECOND_PERSON.search(reason), reason


@pytest.mark.parametrize("flag", every_flag(), ids=lambda flag: flag.code)
def test_the_person_reads_each_flag_as_written_for_them(flag):
    assert flag.wording(for_others=False) == (flag.title, flag.reason)


def test_the_others_wording_fills_the_same_numbers():
    for flag in every_flag():
        names = dict(flag.params)
        for text in flag.wording(for_others=True):
            assert text % names  # every placeholder has its value

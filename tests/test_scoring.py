"""Rule set v1: scenarios a domain expert can read, then every possible answer checked."""

import dataclasses
import itertools
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import pytest

from screening import contacts, questions
from screening.questions import BANK, DONT_KNOW, NO, YES
from screening.scoring import (
    FLAGS,
    LEVEL_NAMES,
    RULES,
    RULES_VERSION,
    SERIOUS_SIGNS,
    Level,
    MissingAnswer,
    level_rank,
    score,
)

WARNING_SIGNS = BANK.warning_signs
SERIOUS, PRESENT, NONE_YET = Level.SERIOUS, Level.PRESENT, Level.NONE_YET
SLUG = {q.number: q.slug for q in WARNING_SIGNS}


def screening(
    yes=(),
    dont_know=(),
    relationship="stranger",
    how_often="once",
    behaviours=(),
):
    """Answers to the whole screening: the signs listed as yes or don't know, every other "no"."""
    answers = {
        "about-them": {"relationship": relationship, "how_often": how_often, "since": "over_year"},
        "behaviours": {"behaviours": tuple(behaviours)},
    }
    for number, slug in SLUG.items():
        value = YES if number in yes else DONT_KNOW if number in dont_know else NO
        answers[slug] = {"answer": value, "details": ""}
    return answers


# --- Scenarios -------------------------------------------------------------------------------


class Scenario(NamedTuple):
    name: str
    level: Level
    yes: tuple[int, ...] = ()
    dont_know: tuple[int, ...] = ()
    relationship: str = "stranger"
    how_often: str = "once"
    behaviours: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


# Signs are numbered as on the police checklist: 1 very frightened, 2 history of domestic abuse,
# 6 threats of violence, 8 violent towards others. Signs not listed are answered "No".
SCENARIOS = [
    Scenario("nothing identified yet", NONE_YET),
    Scenario(
        "only don't knows is not a yes",
        NONE_YET,
        dont_know=(6, 8, 12),
        relationship="dont_know",
        how_often="dont_know",
    ),
    Scenario("very frightened on its own", SERIOUS, yes=(1,)),
    Scenario("threats from a stranger", SERIOUS, yes=(6,)),
    Scenario(
        "threats from an ex-partner",
        SERIOUS,
        yes=(6,),
        relationship="ex_partner",
        flags=("ex_partner_threats",),
    ),
    Scenario("violence towards others", SERIOUS, yes=(8,), relationship="known"),
    Scenario("one sign that is not serious", PRESENT, yes=(3,), relationship="known"),
    Scenario(
        "five signs, none serious",
        PRESENT,
        yes=(2, 3, 4, 5, 7),
        relationship="known",
        how_often="more_than_five",
        flags=("domestic_abuse", "course_of_conduct"),
    ),
    Scenario(
        "six signs, none serious",
        SERIOUS,
        yes=(2, 3, 4, 5, 7, 9),
        relationship="known",
        flags=("domestic_abuse",),
    ),
    Scenario(
        "history of abuse by an ex-partner",
        PRESENT,
        yes=(2,),
        relationship="ex_partner",
        flags=("domestic_abuse",),
    ),
    Scenario(
        "ex-partner, threats not known",
        PRESENT,
        yes=(4,),
        dont_know=(6,),
        relationship="ex_partner",
    ),
    Scenario(
        "repeated, no behaviour ticked",
        PRESENT,
        yes=(5,),
        how_often="two_to_five",
        flags=("course_of_conduct",),
    ),
    Scenario(
        "repeated and unwanted: FOUR",
        PRESENT,
        yes=(5,),
        how_often="two_to_five",
        behaviours=("calls",),
        flags=("course_of_conduct", "four"),
    ),
    Scenario("behaviour ticked but only once", NONE_YET, behaviours=("calls",)),
    Scenario(
        "not sure how often is not repeated", NONE_YET, how_often="dont_know", behaviours=("calls",)
    ),
    Scenario(
        "ex-partner, afraid, threats, repeated, watched",
        SERIOUS,
        yes=(1, 2, 6),
        dont_know=(11,),
        relationship="ex_partner",
        how_often="more_than_five",
        behaviours=("spying",),
        flags=("ex_partner_threats", "domestic_abuse", "course_of_conduct", "four"),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.name)
def test_scenario(scenario):
    answers = screening(
        scenario.yes,
        scenario.dont_know,
        scenario.relationship,
        scenario.how_often,
        scenario.behaviours,
    )
    result = score(answers)
    assert result.level is scenario.level
    assert tuple(flag.code for flag in result.flags) == scenario.flags
    assert tuple(sign.number for sign in result.signs) == scenario.yes
    assert result.unknowns == scenario.dont_know


@pytest.mark.parametrize(
    ("yes", "reasons"),
    [
        ((), ("None of the questions was answered “Yes”",)),
        ((3,), ("One or more questions were answered “Yes”",)),
        ((6,), ("Warning sign 6 (threats of violence) was answered “Yes”",)),
        (
            (1, 2, 3, 4, 5, 8),
            (
                "Warning sign 1 (very frightened) was answered “Yes”",
                "Warning sign 8 (violent towards others) was answered “Yes”",
                "Six or more questions were answered “Yes”",
            ),
        ),
    ],
)
def test_the_result_says_why_it_has_its_level(yes, reasons):
    assert score(screening(yes)).level_reasons == reasons


def test_each_sign_present_carries_its_reason_and_whether_it_is_serious():
    result = score(screening(yes=(3, 6)))
    threats = question_for(6)
    assert [(s.number, s.slug, s.serious) for s in result.signs] == [
        (3, SLUG[3], False),
        (6, SLUG[6], True),
    ]
    assert result.signs[1].short_name == threats.short_name == "threats of violence"
    assert result.signs[1].reason == threats.reason
    assert result.yes_count == 2


def question_for(number):
    return WARNING_SIGNS[number - 1]


def test_the_result_records_the_versions_that_produced_it():
    result = score(screening())
    assert (result.bank_version, result.rules_version) == ("2026-11.2", "v1")
    assert RULES_VERSION == "v1"


@pytest.mark.parametrize(("incidents", "flagged"), [(0, False), (1, False), (2, True), (7, True)])
def test_two_or_more_logged_incidents_make_a_course_of_conduct(incidents, flagged):
    result = score(screening(how_often="once", behaviours=("calls",)), incident_count=incidents)
    codes = {flag.code for flag in result.flags}
    assert ("course_of_conduct" in codes) is flagged
    assert ("four" in codes) is flagged


def test_a_stale_answer_on_a_follow_up_does_not_count():
    answers = screening(how_often="two_to_five")
    answers["behaviours"] = {"behaviours": (), "other_details": "Sent flowers"}
    assert "four" not in {flag.code for flag in score(answers).flags}


def test_something_else_counts_as_a_behaviour():
    answers = screening(how_often="more_than_five", behaviours=("other",))
    assert "four" in {flag.code for flag in score(answers).flags}


# --- Missing answers are never read as "no" ----------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [None, {}, {"answer": ""}, {"answer": "maybe"}, {"answer": ["yes"]}, {"details": "x"}],
    ids=["unanswered", "empty", "blank", "unknown-value", "list", "details-only"],
)
def test_a_sign_without_a_valid_answer_is_an_error(page):
    answers = screening(yes=(1,))
    if page is None:
        del answers[SLUG[7]]
    else:
        answers[SLUG[7]] = page
    with pytest.raises(MissingAnswer, match=SLUG[7]) as caught:
        score(answers)
    assert caught.value.slug == SLUG[7]
    assert isinstance(caught.value, ValueError)


def test_a_sign_that_is_not_shown_is_not_required_or_counted():
    hidden = dataclasses.replace(question_for(7), shown_if=lambda answers: False)
    bank = tuple(hidden if q.number == 7 else q for q in BANK)
    answers = screening(yes=(7,))
    del answers[SLUG[7]]
    assert score(answers, bank=bank).level is NONE_YET
    assert score(screening(yes=(7,)), bank=bank).level is NONE_YET


def test_the_page_about_them_is_not_needed_to_score():
    answers = screening(yes=(6,))
    del answers["about-them"]
    assert score(answers).level is SERIOUS


# --- The rules table ----------------------------------------------------------------------------


def test_the_serious_signs_are_fear_threats_and_violence_to_others():
    assert {1, 6, 8} == SERIOUS_SIGNS


@pytest.mark.parametrize("rule", [r for r in RULES if r.sign is not None], ids=str)
def test_a_serious_sign_rule_names_its_sign(rule):
    q = question_for(rule.sign)
    assert rule.reason == f"Warning sign {rule.sign} ({q.short_name}) was answered “Yes”"


def test_every_rule_and_flag_has_its_rationale_beside_it():
    assert all(rule.rationale for rule in RULES)
    assert all(flag.rationale for flag in FLAGS)


def test_level_names_and_order():
    assert LEVEL_NAMES == {
        SERIOUS: "Serious warning signs",
        PRESENT: "Warning signs present",
        NONE_YET: "No warning signs identified yet",
    }
    assert SERIOUS.label == "Serious warning signs"
    assert level_rank(SERIOUS) > level_rank(PRESENT) > level_rank(NONE_YET)
    assert sorted(Level, key=level_rank, reverse=True) == [SERIOUS, PRESENT, NONE_YET]
    assert [str(level) for level in Level] == ["serious", "present", "none_yet"]


# --- Every possible set of answers ---------------------------------------------------------------

DIGITS = (NO, DONT_KNOW, YES)  # one base-3 digit per sign, sign 1 most significant


def test_every_combination_of_answers_keeps_the_invariants():
    """All 3**12 = 531,441 ways to answer the twelve, scored for real."""
    slugs = [q.slug for q in WARNING_SIGNS]
    pages = [{"answer": value} for value in DIGITS]
    numbers = range(1, 13)
    ranks = bytearray(3**12)
    for index, combo in enumerate(itertools.product((0, 1, 2), repeat=12)):
        result = score({slug: pages[digit] for slug, digit in zip(slugs, combo, strict=True)})
        yes = {n for n, digit in zip(numbers, combo, strict=True) if digit == 2}
        unknown = tuple(n for n, digit in zip(numbers, combo, strict=True) if digit == 1)
        if yes & SERIOUS_SIGNS or len(yes) >= 6:
            expected = SERIOUS
        elif yes:
            expected = PRESENT
        else:
            expected = NONE_YET
        assert result.level is expected, combo
        assert result.yes_count == len(result.signs) == len(yes), combo
        assert {sign.number for sign in result.signs} == yes, combo
        assert result.unknowns == unknown, combo
        ranks[index] = level_rank(result.level)

    # Changing any one answer to "yes" never lowers the level.
    places = [3 ** (11 - position) for position in range(12)]
    for index, combo in enumerate(itertools.product((0, 1, 2), repeat=12)):
        for digit, place in zip(combo, places, strict=True):
            if digit != 2:
                assert ranks[index + (2 - digit) * place] >= ranks[index], combo


# --- Safety of the words and of the module boundaries ------------------------------------------


def _texts(value):
    """Every string inside a value: dataclasses, tuples, mappings, nested."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item)


ALL_TEXT = list(
    _texts(
        (
            BANK,
            questions.BEHAVIOUR_GROUPS,
            questions.PHA_ACTS,
            RULES,
            [rule.flag for rule in FLAGS],
            [rule.rationale for rule in FLAGS],
            LEVEL_NAMES,
            contacts.ALL,
        )
    )
)


def test_the_text_was_collected():
    assert "Are you very frightened?" in ALL_TEXT
    assert "National Stalking Helpline" in ALL_TEXT
    assert len(ALL_TEXT) > 300


def test_nothing_ever_says_low_risk():
    assert [text for text in ALL_TEXT if "low risk" in text.lower()] == []


def test_no_level_tells_the_person_they_are_safe():
    level_text = [*LEVEL_NAMES.values(), *(rule.reason for rule in RULES)]
    level_text += score(screening()).level_reasons
    assert [text for text in level_text if re.search(r"\bsafe", text, re.IGNORECASE)] == []


def test_the_domain_core_imports_no_django():
    code = (
        "import sys\n"
        "import screening.questions, screening.flow, screening.scoring, screening.contacts\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    root = Path(__file__).resolve().parent.parent
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "[]"

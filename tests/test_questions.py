"""The question bank: its shape, its wording, and the checks that guard it."""

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from screening import questions
from screening.questions import (
    BANK,
    BANK_VERSION,
    BEHAVIOUR_GROUPS,
    DONT_KNOW,
    NO,
    PHA_ACTS,
    YES,
    Choice,
    FieldKind,
    Question,
    Section,
    _check,
    is_ex_partner,
    is_repeated,
    knows_them,
    name_for,
    question,
)

WARNING_SIGNS = BANK.warning_signs
QUESTIONS_BY_SLUG = BANK.by_slug

# The twelve questions exactly as the police page prints them, placeholders included.
SEED_WORDING = (
    "Is the victim very frightened?",
    "Is there a history of domestic abuse or harassment?",
    "Has (name of stalker(s)...) destroyed or vandalised any property?",
    "Has (name of stalker(s)...) turned up unannounced or uninvited more than three times per "
    "week?",
    "Has (...) followed the victim or loitered around their home, workplace etc?",
    "Has (...) made any threats of physical or sexual violence?",
    "Has (...) harassed any third party since the harassment began? (e.g. friends, colleagues, "
    "partners, neighbours)",
    "Has (...) acted out violently towards anyone else within the stalking incident?",
    "Has (...) engaged other people to help him/her? (wittingly it unwittingly)",
    "Has (...) had problems in the past year with drugs (prescription or other), alcohol or "
    "mental health leading to problems in leading a normal life?",
    "Has (...) ever threatened or attempted suicide?",
    "Do you know if (...) has ever been in trouble with the police or has a criminal history for "
    "violence or anything else?",
)

REVEALING_WORDS = (
    "stalk", "victim", "threat", "violen", "suicid", "abuse", "harass", "police", "fear",
    "frighten", "crime", "criminal", "hurt", "kill",
)  # fmt: skip


def test_bank_version():
    assert BANK_VERSION == "2026-11.2"


def test_journey_is_about_page_then_twelve_signs_then_behaviours():
    assert [q.section for q in BANK] == (
        [Section.ABOUT] + [Section.SIGNS] * 12 + [Section.BEHAVIOURS]
    )
    assert BANK[0].slug == "about-them"
    assert BANK[-1].slug == "behaviours"
    assert [q.number for q in WARNING_SIGNS] == list(range(1, 13))


def test_whole_journey_fits_in_eighteen_page_loads():
    # start page + every question page + check answers + results
    assert 1 + len(BANK) + 2 <= 18


@pytest.mark.parametrize("q", BANK, ids=lambda q: q.slug)
def test_slugs_are_url_safe_and_do_not_reveal_the_subject(q):
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", q.slug)
    assert not any(word in q.slug for word in REVEALING_WORDS)


@pytest.mark.parametrize(("q", "seed"), list(zip(WARNING_SIGNS, SEED_WORDING, strict=True)))
def test_canonical_wording_is_the_police_checklist(q, seed):
    expected = (
        seed.replace("(name of stalker(s)...)", "{name}")
        .replace("(...)", "{name}")
        .replace("wittingly it unwittingly", "wittingly or unwittingly")
    )
    assert q.canonical == expected


def test_only_the_first_two_signs_have_no_name():
    without_name = [q.number for q in WARNING_SIGNS if "{name}" not in q.canonical]
    assert without_name == [1, 2]
    for q in WARNING_SIGNS:
        assert ("{name}" in q.title) == ("{name}" in q.canonical), q.slug


@pytest.mark.parametrize("q", WARNING_SIGNS, ids=lambda q: q.slug)
def test_every_sign_asks_yes_no_dont_know_with_optional_details(q):
    answer, details = q.fields
    assert answer.name == "answer"
    assert answer.kind is FieldKind.RADIOS
    assert answer.required
    assert answer.required_error == "Select yes, no or don\u2019t know"
    assert [(c.value, c.label) for c in answer.choices] == [
        (YES, "Yes"),
        (NO, "No"),
        (DONT_KNOW, "Don't know"),
    ]
    assert details.name == "details"
    assert details.kind is FieldKind.TEXTAREA
    assert not details.required
    assert details.max_length == 1000
    assert details.too_long_error == "Details must be 1000 characters or fewer"
    assert details.autocomplete_off


@pytest.mark.parametrize("q", WARNING_SIGNS, ids=lambda q: q.slug)
def test_every_sign_has_a_title_short_name_and_reason(q):
    assert q.title.endswith("?")
    assert q.short_name
    assert q.reason
    assert "\n" not in q.reason


def test_signs_are_put_to_the_person_in_the_second_person():
    assert question("feelings").title == "Are you very frightened?"
    assert question("statements").title == (
        "Has {name} made any threats of physical or sexual violence?"
    )
    assert "victim" not in " ".join(q.title for q in BANK).lower()


def test_about_page_asks_everything_about_them_on_one_page():
    about = question("about-them")
    assert [f.name for f in about.fields] == [
        "name",
        "relationship",
        "known_as",
        "how_often",
        "since",
    ]
    name = about.field("name")
    assert (name.kind, name.required, name.max_length) == (FieldKind.TEXT, False, 100)
    assert name.label == "What do you call them?"
    assert "this person" in name.hint
    relationship = about.field("relationship")
    assert [c.value for c in relationship.choices] == [
        "ex_partner",
        "known",
        "stranger",
        "dont_know",
    ]
    assert about.field("known_as").reveal_for == ("relationship", "known")
    assert [c.value for c in about.field("how_often").choices] == [
        "once",
        "two_to_five",
        "more_than_five",
        "dont_know",
    ]
    assert [c.value for c in about.field("since").choices] == [
        "under_month",
        "one_to_six_months",
        "six_to_twelve_months",
        "over_year",
        "dont_know",
    ]


def test_behaviours_are_grouped_and_mapped_to_the_act():
    field = question("behaviours").field("behaviours")
    assert field.kind is FieldKind.CHECKBOXES
    assert not field.required
    assert field.hint == "Select everything {name} has done."
    group_keys = [key for key, _label in BEHAVIOUR_GROUPS]
    assert group_keys == ["communications", "intrusions", "associated", "online", "through_others"]
    for choice in field.choices:
        assert choice.group in group_keys or choice.value in ("other", "none")
        assert choice.act in PHA_ACTS or choice.act == ""
    assert all(any(c.group == key for c in field.choices) for key in group_keys)
    assert field.choices[-2] == Choice(value="other", label="Something else")
    assert field.choices[-1] == Choice(value="none", label="None of these", exclusive=True)


@pytest.mark.parametrize(
    ("behaviour", "act"),
    [
        ("following", "a"),
        ("calls", "b"),
        ("posting", "c"),
        ("reading", "d"),
        ("waiting", "e"),
        ("damage", "f"),
        ("spying", "g"),
        ("violence", ""),
    ],
)
def test_behaviour_examples_map_to_the_protection_from_harassment_act(behaviour, act):
    field = question("behaviours").field("behaviours")
    assert {c.value: c.act for c in field.choices}[behaviour] == act


def test_every_example_act_in_the_law_is_offered():
    acts = {c.act for c in question("behaviours").field("behaviours").choices}
    assert set(PHA_ACTS) == set("abcdefg") <= acts


def test_something_else_reveals_a_details_box():
    other = question("behaviours").field("other_details")
    assert other.kind is FieldKind.TEXTAREA
    assert other.reveal_for == ("behaviours", "other")
    assert other.max_length == 1000


def test_lookup_by_slug():
    assert question("visits").number == 4
    assert QUESTIONS_BY_SLUG["record"].number == 12
    with pytest.raises(KeyError):
        question("no-such-page")


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, "this person"),
        ({"about-them": {"name": ""}}, "this person"),
        ({"about-them": {"name": "   "}}, "this person"),
        ({"about-them": {"name": "  Sam  "}}, "Sam"),
        ({"about-them": {"name": "my ex and his brother"}}, "my ex and his brother"),
    ],
)
def test_name_for(answers, expected):
    assert name_for(answers, default="this person") == expected


@pytest.mark.parametrize(
    ("relationship", "ex_partner", "known"),
    [
        ("ex_partner", True, True),
        ("known", False, True),
        ("stranger", False, False),
        ("dont_know", False, False),
        (None, False, False),
    ],
)
def test_relationship_predicates(relationship, ex_partner, known):
    answers = {} if relationship is None else {"about-them": {"relationship": relationship}}
    assert is_ex_partner(answers) is ex_partner
    assert knows_them(answers) is known


@pytest.mark.parametrize(
    ("how_often", "repeated"),
    [("once", False), ("two_to_five", True), ("more_than_five", True), ("dont_know", False)],
)
def test_two_or_more_times_is_repeated(how_often, repeated):
    assert is_repeated({"about-them": {"how_often": how_often}}) is repeated


# --- The import-time check --------------------------------------------------------------------


def _replace_field(q: Question, name: str, **changes) -> Question:
    fields = tuple(dataclasses.replace(f, **changes) if f.name == name else f for f in q.fields)
    return dataclasses.replace(q, fields=fields)


def test_the_real_bank_passes_the_check():
    _check(BANK)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        pytest.param((*BANK, BANK[0]), "duplicate slugs", id="duplicate-slug"),
        pytest.param(BANK[:5] + BANK[6:], "numbered from 1 in order", id="missing-sign"),
        pytest.param(
            (BANK[0], BANK[2], BANK[1], *BANK[3:]),
            "numbered from 1 in order",
            id="signs-out-of-order",
        ),
        pytest.param(
            (dataclasses.replace(BANK[0], slug="About Them"), *BANK[1:]),
            "URL-safe",
            id="unsafe-slug",
        ),
        pytest.param(
            (_replace_field(BANK[0], "known_as", reveal_for=("nope", "known")), *BANK[1:]),
            "reveal_for",
            id="reveal-for-unknown-field",
        ),
        pytest.param(
            (_replace_field(BANK[0], "known_as", reveal_for=("name", "known")), *BANK[1:]),
            "reveal_for",
            id="reveal-for-text-field",
        ),
        pytest.param(
            (_replace_field(BANK[0], "known_as", reveal_for=("relationship", "x")), *BANK[1:]),
            "no choice",
            id="reveal-for-unknown-value",
        ),
        pytest.param(
            (_replace_field(BANK[0], "since", required_error=""), *BANK[1:]),
            "required_error",
            id="required-without-error",
        ),
    ],
)
def test_the_check_rejects_a_broken_bank(broken, message):
    with pytest.raises(ValueError, match=message):
        _check(broken)


# --- Text is marked for translation --------------------------------------------------------------

TEXT_KEYWORDS = {
    "label", "hint", "title", "required_error", "too_long_error", "short_name", "canonical",
    "reason", "rationale", "explanation", "name", "description",
}  # fmt: skip
MODULES = ("questions", "scoring", "contacts")


@pytest.mark.parametrize("module", MODULES)
def test_user_facing_text_is_marked_for_translation(module):
    """A bare string passed as text would show untranslated; every one must go through _()."""
    source = Path(questions.__file__).with_name(f"{module}.py").read_text()
    bare = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or getattr(node.func, "id", "") == "_":
            continue
        if getattr(node.func, "id", "") == "_behaviour":
            label = node.args[1]
            if not (isinstance(label, ast.Call) and getattr(label.func, "id", "") == "_"):
                bare.append(("label", ast.unparse(label), node.lineno))
        for keyword in node.keywords:
            value = keyword.value
            if (
                keyword.arg in TEXT_KEYWORDS
                and isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and value.value
                and not (module == "questions" and keyword.arg == "name")
            ):
                bare.append((keyword.arg, value.value, node.lineno))
    assert bare == []


def test_questions_cannot_be_changed_at_run_time():
    with pytest.raises(dataclasses.FrozenInstanceError):
        BANK[0].slug = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        QUESTIONS_BY_SLUG["new"] = BANK[0]  # type: ignore[index]

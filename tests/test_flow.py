"""Navigation: which pages are shown, in what order, and which answers still apply.

The real bank has no conditional page, so page-level branching is tested on a small bank
built here; follow-up (revealed) fields are tested on the real bank too.
"""

import pytest

from screening.flow import (
    first_unanswered,
    is_complete,
    is_reachable,
    next_question,
    previous_question,
    progress,
    prune,
    visible_questions,
)
from screening.questions import BANK, Choice, Field, FieldKind, Question, Section

# --- A small bank with branches ------------------------------------------------------------------

YES_NO = (Choice(value="yes", label="Yes"), Choice(value="no", label="No"))


def _yes_no(name: str, **extra) -> Field:
    return Field(name=name, kind=FieldKind.RADIOS, label=name, choices=YES_NO, **extra)


def _answered(slug: str, field: str, value: str):
    return lambda answers: answers.get(slug, {}).get(field) == value


SMALL_BANK = (
    Question(
        slug="start",
        section=Section.ABOUT,
        title="Start",
        fields=(
            _yes_no("moved"),
            Field(
                name="when",
                kind=FieldKind.TEXT,
                label="When?",
                reveal_for=("moved", "yes"),
            ),
        ),
    ),
    Question(
        slug="new-home",
        section=Section.ABOUT,
        title="New home",
        fields=(_yes_no("shared"),),
        shown_if=_answered("start", "moved", "yes"),
    ),
    Question(
        slug="sharing",
        section=Section.ABOUT,
        title="Who shares it",
        fields=(_yes_no("family"),),
        shown_if=_answered("new-home", "shared", "yes"),
    ),
    Question(slug="end", section=Section.ABOUT, title="End", fields=(_yes_no("done"),)),
)

MOVED_AND_SHARED = {
    "start": {"moved": "yes", "when": "May"},
    "new-home": {"shared": "yes"},
    "sharing": {"family": "no"},
}


def _slugs(questions) -> list[str]:
    return [q.slug for q in questions]


def test_every_page_is_shown_when_every_branch_is_taken():
    visible = visible_questions(MOVED_AND_SHARED, bank=SMALL_BANK)
    assert _slugs(visible) == ["start", "new-home", "sharing", "end"]


def test_a_branch_not_taken_hides_its_page():
    answers = {"start": {"moved": "no"}}
    assert _slugs(visible_questions(answers, bank=SMALL_BANK)) == ["start", "end"]


def test_before_a_branch_is_answered_its_page_is_hidden():
    assert _slugs(visible_questions({}, bank=SMALL_BANK)) == ["start", "end"]


def test_a_page_behind_a_hidden_page_is_hidden_even_if_stale_answers_would_show_it():
    answers = {**MOVED_AND_SHARED, "start": {"moved": "no"}}
    assert _slugs(visible_questions(answers, bank=SMALL_BANK)) == ["start", "end"]


def test_next_question_skips_hidden_pages():
    assert next_question("start", {"start": {"moved": "no"}}, bank=SMALL_BANK).slug == "end"
    assert next_question("start", MOVED_AND_SHARED, bank=SMALL_BANK).slug == "new-home"


def test_next_question_after_the_last_page_is_check_your_answers():
    assert next_question("end", MOVED_AND_SHARED, bank=SMALL_BANK) is None


def test_previous_question_skips_hidden_pages():
    assert previous_question("end", {"start": {"moved": "no"}}, bank=SMALL_BANK).slug == "start"
    assert previous_question("end", MOVED_AND_SHARED, bank=SMALL_BANK).slug == "sharing"


def test_the_first_page_has_no_previous_page():
    assert previous_question("start", {}, bank=SMALL_BANK) is None


def test_first_unanswered_follows_the_branches():
    assert first_unanswered({}, bank=SMALL_BANK).slug == "start"
    assert first_unanswered({"start": {"moved": "yes"}}, bank=SMALL_BANK).slug == "new-home"
    assert first_unanswered({"start": {"moved": "no"}}, bank=SMALL_BANK).slug == "end"


def test_complete_when_every_visible_page_is_answered():
    assert not is_complete(MOVED_AND_SHARED, bank=SMALL_BANK)
    assert is_complete({**MOVED_AND_SHARED, "end": {"done": "yes"}}, bank=SMALL_BANK)
    assert is_complete({"start": {"moved": "no"}, "end": {"done": "no"}}, bank=SMALL_BANK)


@pytest.mark.parametrize(
    ("slug", "answers", "reachable"),
    [
        ("start", {}, True),
        ("end", {}, False),
        ("end", {"start": {"moved": "no"}}, True),
        ("new-home", {"start": {"moved": "no"}}, False),
        ("new-home", {"start": {"moved": "yes"}}, True),
        ("end", {"start": {"moved": "yes"}}, False),
        ("sharing", MOVED_AND_SHARED, True),
    ],
)
def test_a_page_is_reachable_only_once_every_earlier_visible_page_is_answered(
    slug, answers, reachable
):
    assert is_reachable(slug, answers, bank=SMALL_BANK) is reachable


def test_prune_drops_answers_to_pages_no_longer_shown():
    answers = {**MOVED_AND_SHARED, "start": {"moved": "no"}, "end": {"done": "yes"}}
    assert prune(answers, bank=SMALL_BANK) == {"start": {"moved": "no"}, "end": {"done": "yes"}}


def test_prune_drops_a_follow_up_when_its_parent_changes():
    answers = {"start": {"moved": "no", "when": "May"}}
    assert prune(answers, bank=SMALL_BANK) == {"start": {"moved": "no"}}


def test_prune_keeps_what_still_applies():
    assert prune(MOVED_AND_SHARED, bank=SMALL_BANK) == MOVED_AND_SHARED


def test_prune_drops_pages_that_are_not_in_the_bank():
    assert prune({"gone": {"x": "y"}, "end": {"done": "no"}}, bank=SMALL_BANK) == {
        "end": {"done": "no"}
    }


def test_prune_returns_a_new_dict_and_leaves_the_answers_alone():
    answers = {"start": {"moved": "no", "when": "May"}, "new-home": {"shared": "yes"}}
    pruned = prune(answers, bank=SMALL_BANK)
    assert answers == {"start": {"moved": "no", "when": "May"}, "new-home": {"shared": "yes"}}
    pruned["start"]["extra"] = "x"
    assert "extra" not in answers["start"]


@pytest.mark.parametrize(
    "call",
    [
        lambda: next_question("nope", {}, bank=SMALL_BANK),
        lambda: previous_question("nope", {}, bank=SMALL_BANK),
        lambda: is_reachable("nope", {}, bank=SMALL_BANK),
        lambda: progress("nope", bank=SMALL_BANK),
        lambda: next_question("nope", {}),
    ],
)
def test_an_unknown_page_is_a_key_error(call):
    with pytest.raises(KeyError):
        call()


# --- The real bank -----------------------------------------------------------------------


def test_the_journey_starts_with_the_person_doing_this():
    assert first_unanswered({}).slug == "about-them"
    assert previous_question("about-them", {}) is None


def test_next_question_walks_the_whole_bank_in_order():
    walked, page = [], first_unanswered({})
    while page is not None:
        walked.append(page.slug)
        page = next_question(page.slug, {})
    assert walked == [q.slug for q in BANK]


def test_after_behaviours_comes_check_your_answers():
    assert next_question("behaviours", {}) is None


def test_the_real_bank_has_every_page_visible_whatever_the_answers():
    assert visible_questions({}) == BANK.questions


def test_a_sign_cannot_be_opened_before_the_page_about_them():
    assert not is_reachable("statements", {})
    assert is_reachable("about-them", {})


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("about-them", None),
        ("feelings", (1, 12)),
        ("statements", (6, 12)),
        ("record", (12, 12)),
        ("behaviours", None),
    ],
)
def test_progress_counts_the_warning_signs(slug, expected):
    assert progress(slug) == expected


@pytest.mark.parametrize(
    ("relationship", "kept"),
    [("known", True), ("ex_partner", False), ("stranger", False), ("dont_know", False)],
)
def test_how_you_know_them_is_kept_only_for_someone_you_know(relationship, kept):
    answers = {"about-them": {"relationship": relationship, "known_as": "colleague"}}
    assert ("known_as" in prune(answers)["about-them"]) is kept


@pytest.mark.parametrize(
    ("ticked", "kept"),
    [
        (("calls", "other"), True),
        (["other"], True),
        ("other", True),
        (("calls",), False),
        ((), False),
        ("otherwise", False),
    ],
)
def test_something_else_details_are_kept_only_while_something_else_is_ticked(ticked, kept):
    answers = {"behaviours": {"behaviours": ticked, "other_details": "Left a note"}}
    assert ("other_details" in prune(answers)["behaviours"]) is kept

"""What changed between a screening and the one before: signs that appeared, went, or
became known, and behaviours added or stopped."""

from dataclasses import replace

import pytest

from screening.changes import Changes, compare
from tests.casework.records import completed_screening, screening_answers, started_screening, url

NOTHING = Changes((), (), (), (), (), ())


def changes(**found) -> Changes:
    return replace(NOTHING, **found)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ({}, {}, NOTHING),
        ({"yes": (1, 6)}, {"yes": (1, 6)}, NOTHING),
        ({}, {"yes": (4,)}, changes(appeared=(4,))),
        ({"dont_know": (4,)}, {"yes": (4,)}, changes(appeared=(4,))),
        ({"yes": (5,)}, {}, changes(went=(5,))),
        ({"dont_know": (12,)}, {}, changes(became_known=(12,))),
        ({"yes": (2,)}, {"dont_know": (2,)}, changes(became_unknown=(2,))),
        ({}, {"dont_know": (9,)}, changes(became_unknown=(9,))),
        (
            {"behaviours": ("calls",)},
            {"behaviours": ("calls", "following")},
            changes(behaviours_added=("following",)),
        ),
        (
            {"behaviours": ("calls", "texts")},
            {"behaviours": ("texts",)},
            changes(behaviours_stopped=("calls",)),
        ),
        (
            {"yes": (1, 3), "dont_know": (7,), "behaviours": ("calls",)},
            {"yes": (3, 6, 7), "dont_know": (1,), "behaviours": ("gifts",)},
            changes(
                appeared=(6, 7),
                became_unknown=(1,),
                behaviours_added=("gifts",),
                behaviours_stopped=("calls",),
            ),
        ),
    ],
    ids=[
        "nothing answered",
        "same answers",
        "appeared from no",
        "appeared from don't know",
        "went",
        "became known",
        "yes became unknown",
        "no became unknown",
        "behaviour added",
        "behaviour stopped",
        "several at once",
    ],
)
def test_compare(before, after, expected):
    assert compare(screening_answers(**before), screening_answers(**after)) == expected


def test_signs_come_in_checklist_order():
    found = compare(screening_answers(), screening_answers(yes=(11, 2, 7)))
    assert found.appeared == (2, 7, 11)


def test_no_change_is_not_any():
    assert not NOTHING.any
    assert changes(went=(1,)).any


def test_an_empty_screening_compares_without_failing():
    assert compare({}, screening_answers(yes=(1,))).appeared == (1,)


def test_the_case_page_shows_what_changed_for_a_second_screening(advocate_client, case, advocate):
    completed_screening(case, advocate, days_ago=42, yes=(3,), dont_know=(12,))
    completed_screening(case, advocate, yes=(3, 6), behaviours=("calls", "following"))
    content = advocate_client.get(url("case", case_id=case.pk)).content.decode()
    assert content.count("What changed since") == 1
    assert "Warning signs that appeared" in content
    assert "6. threats of violence" in content
    assert "Now known (was" in content
    assert "12. trouble with the police or criminal history" in content
    assert "New behaviours" in content
    assert "Warning signs no longer present" not in content


def test_the_case_page_says_when_nothing_changed(advocate_client, case, advocate):
    completed_screening(case, advocate, days_ago=42, yes=(3,))
    completed_screening(case, advocate, yes=(3,))
    content = advocate_client.get(url("case", case_id=case.pk)).content.decode()
    assert "What changed since" in content
    assert "No change in the answers." in content


def test_an_unfinished_screening_is_not_compared(advocate_client, case, advocate):
    completed_screening(case, advocate, days_ago=42, yes=(3,))
    started_screening(case, advocate)
    content = advocate_client.get(url("case", case_id=case.pk)).content.decode()
    assert "What changed since" not in content
    assert "In progress" in content


def test_the_first_screening_has_nothing_to_compare_with(advocate_client, case, advocate):
    completed_screening(case, advocate, yes=(3,))
    content = advocate_client.get(url("case", case_id=case.pk)).content.decode()
    assert "What changed since" not in content


def test_the_result_page_compares_with_the_screening_before(advocate_client, case, advocate):
    completed_screening(case, advocate, days_ago=42, yes=(3,))
    latest = completed_screening(case, advocate, yes=())
    response = advocate_client.get(url("screening", case_id=case.pk, screening_id=latest.pk))
    titles = [group.title for group in response.context["change_groups"]]
    assert titles == ["Warning signs no longer present"]


def test_the_case_list_shows_the_latest_level_without_reading_any_answers(
    advocate_client, case, advocate, monkeypatch
):
    completed_screening(case, advocate, days_ago=42, yes=(3,))
    completed_screening(case, advocate, days_ago=7, yes=(1, 6))
    started_screening(case, advocate)
    completed_screening(case, advocate, yes=(3, 6))  # the newest, started just after

    def no_comparing(*args):
        raise AssertionError("the case list compared screenings")

    monkeypatch.setattr("casework.presenters.changes.compare", no_comparing)
    response = advocate_client.get(url("cases"))
    [row] = response.context["rows"]
    assert row.latest.level_label == "Serious warning signs"
    assert "answers" in row.latest.screening.get_deferred_fields()
    assert "Serious warning signs" in response.content.decode()


def test_each_change_link_on_the_check_page_goes_to_that_question_in_this_screening(
    advocate_client, case, advocate
):
    screening = started_screening(case, advocate)
    screening.answers = screening_answers(yes=(3,))
    screening.save()
    keys = {"case_id": case.pk, "screening_id": screening.pk}
    page = advocate_client.get(url("screening-check", **keys)).content.decode()
    for slug in ("about-them", "feelings", "behaviours"):
        assert f'href="{url("screening-question", **keys, slug=slug)}?change=1"' in page
    assert 'href="/questions/' not in page


def test_the_result_lists_the_signs_still_to_find_out(advocate_client, case, advocate):
    done = completed_screening(case, advocate, yes=(3,), dont_know=(12,))
    page = advocate_client.get(url("screening", case_id=case.pk, screening_id=done.pk))
    html = page.content.decode()
    assert "Things still to find out" in html
    assert "12. Do you know if" in html
    assert "You answered" not in html

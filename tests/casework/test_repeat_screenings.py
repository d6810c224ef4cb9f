"""A repeat screening: quick entry starts from the last completed screening, numbers the
questions, and marks the answers that differ from last time. The incident form saves and
starts the next entry in one go."""

import re

from casework.incident_log import CaseIncidentLog
from screening import questions
from tests.casework.records import (
    completed_screening,
    quick_entry_data,
    screening_answers,
    started_screening,
    url,
)


def quick(case, screening):
    return url("screening-quick", case_id=case.pk, screening_id=screening.pk)


def test_quick_entry_starts_from_the_last_completed_screening(advocate_client, case, advocate):
    completed_screening(case, advocate, days_ago=42, yes=(1, 6))
    going = started_screening(case, advocate)
    page = advocate_client.get(quick(case, going))
    forms = {section["form"].question.slug: section["form"] for section in page.context["sections"]}
    first, sixth = questions.BANK.warning_signs[0], questions.BANK.warning_signs[5]
    assert forms[first.slug].initial["answer"] == "yes"
    assert forms[sixth.slug].initial["answer"] == "yes"
    assert forms[questions.BANK.warning_signs[2].slug].initial["answer"] == "no"
    body = page.content.decode()
    assert "The answers start from the screening of" in body


def test_a_first_screening_starts_empty(advocate_client, case, advocate):
    going = started_screening(case, advocate)
    page = advocate_client.get(quick(case, going))
    forms = [section["form"] for section in page.context["sections"]]
    assert all(not form.initial for form in forms if form.question.number)
    assert "The answers start from" not in page.content.decode()


def test_the_questions_are_numbered(advocate_client, case, advocate):
    going = started_screening(case, advocate)
    body = advocate_client.get(quick(case, going)).content.decode()
    for number in range(1, 13):
        assert f"Question {number}<" in body, number


def test_answers_that_differ_from_last_time_are_marked_changed(advocate_client, case, advocate):
    completed_screening(case, advocate, days_ago=42, yes=(1,))
    going = started_screening(case, advocate)
    posted = quick_entry_data(screening_answers(yes=(1, 3)))
    # One answer missing, so the page comes back with the comparison and nothing lost.
    posted.pop(f"{questions.BANK.warning_signs[5].slug}-answer")
    response = advocate_client.post(quick(case, going), posted)
    assert response.status_code == 422
    sections = {s["form"].question.slug: s for s in response.context["sections"]}
    assert sections[questions.BANK.warning_signs[2].slug]["earlier"]["changed"]
    assert not sections[questions.BANK.warning_signs[0].slug]["earlier"]["changed"]
    body = response.content.decode()
    assert len(re.findall(r"app-quick-entry__question--changed", body)) == 1
    assert "Changed</strong>" in body


def test_the_answers_of_this_screening_are_kept_over_the_last_ones(advocate_client, case, advocate):
    completed_screening(case, advocate, days_ago=42, yes=(1,))
    going = started_screening(case, advocate)
    going.answers = screening_answers(yes=(3,))
    going.save()
    page = advocate_client.get(quick(case, going))
    forms = {s["form"].question.slug: s["form"] for s in page.context["sections"]}
    assert forms[questions.BANK.warning_signs[0].slug].initial["answer"] == "no"
    assert forms[questions.BANK.warning_signs[2].slug].initial["answer"] == "yes"


ENTRY = {
    "occurred_on_0": "3",
    "occurred_on_1": "11",
    "occurred_on_2": "2026",
    "what_happened": "Waited outside the office.",
    "behaviours": ["waiting"],
}


def test_save_and_add_another_keeps_the_entry_and_opens_a_new_form(advocate_client, case):
    add = url("incident-add", case_id=case.pk)
    form = advocate_client.get(add)
    assert "Save and add another" in form.content.decode()
    response = advocate_client.post(
        add, {**ENTRY, "entry": form.context["form"].initial["entry"], "then": "another"}
    )
    assert response.status_code == 302
    assert response.url == add + "?added=1"
    assert len(CaseIncidentLog(case)) == 1
    following = advocate_client.get(response.url)
    assert "The entry has been saved. Add the next one." in following.content.decode()
    assert following.context["form"].initial["entry"] != form.context["form"].initial["entry"]


def test_the_check_page_says_what_changed_since_the_last_screening(advocate_client, case, advocate):
    completed_screening(case, advocate, days_ago=42, yes=(1,))
    going = started_screening(case, advocate)
    advocate_client.post(quick(case, going), quick_entry_data(screening_answers(yes=(1, 3))))
    page = advocate_client.get(url("screening-check", case_id=case.pk, screening_id=going.pk))
    body = page.content.decode()
    assert "What changed since the screening of" in body
    assert "Warning signs that appeared" in body
    assert body.index("What changed since") < body.index("Complete the screening")


def test_a_first_screening_has_nothing_to_compare_on_the_check_page(
    advocate_client, case, advocate
):
    going = started_screening(case, advocate)
    advocate_client.post(quick(case, going), quick_entry_data(screening_answers(yes=(3,))))
    page = advocate_client.get(url("screening-check", case_id=case.pk, screening_id=going.pk))
    assert page.status_code == 200
    assert "What changed since" not in page.content.decode()

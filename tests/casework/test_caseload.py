"""Reviews, tasks and the caseload: what a team looks at every morning.

Each completed screening sets the case's next review (``CASE_REVIEW_DAYS`` later); tasks have a
due date and an assignee; the caseload shows, for "My cases" or "All cases", each case's level,
review, last contact and open tasks, with a search by reference, filters and sorting, all as a
plain GET form (no JavaScript)."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from casework.models import AuditEvent, Case, CaseNote, Task
from tests.casework.conftest import make_advocate, make_case, signed_in
from tests.casework.records import completed_screening, screening_answers, started_screening, url


@pytest.fixture
def colleague(organisation):
    return make_advocate(organisation, "ash@north.example")


def today():
    return timezone.localdate()


def rows_of(response) -> list[str]:
    """The client references in the caseload table, in order."""
    return re.findall(r'data-reference="([^"]*)"', response.content.decode())


# --- Reviews -------------------------------------------------------------------------------------


def test_completing_a_screening_sets_the_review_six_weeks_on(advocate_client, case, advocate):
    going = started_screening(case, advocate)
    going.answers = screening_answers(yes=(3,))
    going.save()
    advocate_client.post(url("screening-check", case_id=case.pk, screening_id=going.pk))
    case.refresh_from_db()
    assert case.review_due_on == today() + timedelta(days=42)


def test_the_review_interval_is_a_setting(advocate_client, case, advocate, settings):
    settings.CASE_REVIEW_DAYS = 14
    going = started_screening(case, advocate)
    going.answers = screening_answers(yes=(3,))
    going.save()
    advocate_client.post(url("screening-check", case_id=case.pk, screening_id=going.pk))
    case.refresh_from_db()
    assert case.review_due_on == today() + timedelta(days=14)


def test_the_case_page_says_when_the_review_is_overdue(advocate_client, case):
    Case.objects.filter(pk=case.pk).update(review_due_on=today() - timedelta(days=3))
    page = advocate_client.get(url("case", case_id=case.pk)).content.decode()
    assert "Review overdue" in page


# --- Tasks ---------------------------------------------------------------------------------------


def task_data(person, **overrides) -> dict:
    due = today() + timedelta(days=5)
    data = {
        "title": "Chase the crime reference",
        "due_on_0": str(due.day),
        "due_on_1": str(due.month),
        "due_on_2": str(due.year),
        "assignee": str(person.pk),
    }
    data.update(overrides)
    return data


def add_task(client, case, person, **overrides):
    form = client.get(url("task-add", case_id=case.pk))
    return client.post(
        url("task-add", case_id=case.pk),
        {**task_data(person, **overrides), "submission_token": form.context["token"]},
    )


def test_an_advocate_adds_a_task_for_a_colleague_with_a_due_date(
    advocate_client, case, advocate, colleague
):
    response = add_task(advocate_client, case, colleague)
    assert response.status_code == 302
    task = Task.objects.get()
    assert task.title == "Chase the crime reference"
    assert task.due_on == today() + timedelta(days=5)
    assert task.assignee == colleague
    assert task.created_by == advocate
    assert not task.is_done
    assert AuditEvent.objects.filter(case_id=case.pk, action="created", subject="task").exists()
    page = advocate_client.get(url("case", case_id=case.pk)).content.decode()
    assert "Chase the crime reference" in page
    assert colleague.full_name in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Enter what needs doing"),
        ({"title": "t" * 201}, "must be 200 characters or fewer"),
        ({"due_on_0": "31", "due_on_1": "2"}, "must be a real date"),
        ({"assignee": "999999"}, "Select who will do it"),
    ],
)
def test_a_bad_task_is_refused_with_a_clear_error(
    advocate_client, case, advocate, changes, message
):
    response = add_task(advocate_client, case, advocate, **changes)
    assert response.status_code == 422
    assert "govuk-error-summary" in response.content.decode()
    assert message in response.content.decode()
    assert not Task.objects.exists()


def test_a_task_cannot_be_given_to_someone_in_another_organisation(advocate_client, case, outsider):
    assert add_task(advocate_client, case, outsider).status_code == 422
    assert not Task.objects.exists()


def test_a_task_is_completed_and_reopened_and_both_are_audited(advocate_client, case, advocate):
    add_task(advocate_client, case, advocate)
    task = Task.objects.get()
    done = url("task-done", case_id=case.pk, task_id=task.pk)
    assert advocate_client.post(done, {"done": "yes"}).status_code == 302
    task.refresh_from_db()
    assert task.is_done and task.completed_by == advocate
    advocate_client.post(done, {"done": "no"})
    task.refresh_from_db()
    assert not task.is_done
    subjects = AuditEvent.objects.filter(case_id=case.pk, action="changed").values_list(
        "subject", flat=True
    )
    assert {"task completed", "task reopened"} <= set(subjects)


# --- The caseload --------------------------------------------------------------------------------


@pytest.fixture
def caseload(organisation, advocate, colleague):
    """Four cases: three the advocate owns, one a colleague owns."""
    serious = make_case(organisation, advocate, client_reference="A-SERIOUS")
    completed_screening(serious, advocate, days_ago=50, yes=(1, 6))
    Case.objects.filter(pk=serious.pk).update(review_due_on=today() - timedelta(days=8))
    present = make_case(organisation, advocate, client_reference="B-PRESENT")
    completed_screening(present, advocate, days_ago=10, yes=(3,))
    Case.objects.filter(pk=present.pk).update(review_due_on=today() + timedelta(days=32))
    CaseNote.objects.create(
        case=present, kind="contact", happened_on=date(2026, 10, 2), text="x", author=advocate
    )
    Task.objects.create(case=present, title="Ring back", assignee=advocate, created_by=advocate)
    make_case(organisation, advocate, client_reference="C-NEW")
    make_case(organisation, colleague, client_reference="D-COLLEAGUES")
    return organisation


def test_my_cases_are_the_ones_i_own(advocate_client, caseload):
    mine = rows_of(advocate_client.get(url("cases")))
    assert sorted(mine) == ["A-SERIOUS", "B-PRESENT", "C-NEW"]
    everyone = rows_of(advocate_client.get(url("cases"), {"view": "all"}))
    assert sorted(everyone) == ["A-SERIOUS", "B-PRESENT", "C-NEW", "D-COLLEAGUES"]


def test_the_caseload_shows_level_review_last_contact_and_open_tasks(advocate_client, caseload):
    page = advocate_client.get(url("cases")).content.decode()
    assert "Serious warning signs" in page
    assert "Review overdue" in page
    assert "2 October 2026" in page
    assert re.search(r"1\s+open task", page)
    assert "No contact recorded" in page


def test_search_finds_a_case_by_its_reference_whatever_the_case_and_spacing(
    advocate_client, caseload
):
    assert rows_of(advocate_client.get(url("cases"), {"view": "all", "q": " b-present "})) == [
        "B-PRESENT"
    ]
    assert rows_of(advocate_client.get(url("cases"), {"view": "all", "q": "colleag"})) == [
        "D-COLLEAGUES"
    ]


def test_search_never_finds_another_organisations_case(
    client, caseload, outsider, other_organisation
):
    make_case(other_organisation, outsider, client_reference="SOUTH-1")
    signed_in(client, outsider)
    assert rows_of(client.get(url("cases"), {"view": "all", "q": "SERIOUS"})) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"level": "serious"}, ["A-SERIOUS"]),
        ({"level": "present"}, ["B-PRESENT"]),
        ({"level": "not_screened"}, ["C-NEW"]),
        ({"review": "overdue"}, ["A-SERIOUS"]),
        ({"review": "none"}, ["C-NEW"]),
        ({"tasks": "open"}, ["B-PRESENT"]),
    ],
)
def test_filters(advocate_client, caseload, filters, expected):
    assert rows_of(advocate_client.get(url("cases"), filters)) == expected


def test_sorting_by_review_puts_the_most_overdue_first_and_cases_without_one_last(
    advocate_client, caseload
):
    assert rows_of(advocate_client.get(url("cases"), {"sort": "review"})) == [
        "A-SERIOUS",
        "B-PRESENT",
        "C-NEW",
    ]
    assert rows_of(advocate_client.get(url("cases"), {"sort": "reference"})) == [
        "A-SERIOUS",
        "B-PRESENT",
        "C-NEW",
    ]
    assert rows_of(advocate_client.get(url("cases"), {"sort": "level"}))[0] == "A-SERIOUS"


def test_a_nonsense_filter_is_ignored_not_an_error(advocate_client, caseload):
    response = advocate_client.get(url("cases"), {"level": "<b>", "sort": "x", "view": "y"})
    assert response.status_code == 200
    assert sorted(rows_of(response)) == ["A-SERIOUS", "B-PRESENT", "C-NEW"]
    assert "<b>" not in response.content.decode()


def test_the_filters_are_kept_in_the_form_after_applying_them(advocate_client, caseload):
    page = advocate_client.get(url("cases"), {"q": "SERIOUS", "level": "serious"})
    body = page.content.decode()
    assert 'value="SERIOUS"' in body
    assert re.search(r'value="serious"\s+selected', body)


def test_the_review_is_brought_forward_when_something_changes(advocate_client, case, advocate):
    soon = today() + timedelta(days=3)
    page = advocate_client.get(url("review-date", case_id=case.pk))
    assert page.status_code == 200
    response = advocate_client.post(
        url("review-date", case_id=case.pk),
        {"review_due_on_0": soon.day, "review_due_on_1": soon.month, "review_due_on_2": soon.year},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.review_due_on == soon
    assert AuditEvent.objects.filter(
        case_id=case.pk, action="changed", subject="review date"
    ).exists()


def test_a_review_date_in_the_past_is_refused(advocate_client, case):
    past = today() - timedelta(days=1)
    response = advocate_client.post(
        url("review-date", case_id=case.pk),
        {"review_due_on_0": past.day, "review_due_on_1": past.month, "review_due_on_2": past.year},
    )
    assert response.status_code == 422
    assert "The review date must be today or in the future" in response.content.decode()
    case.refresh_from_db()
    assert case.review_due_on is None

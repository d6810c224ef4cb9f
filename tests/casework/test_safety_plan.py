"""The safety plan: structured sections, dated versions reviewed with each screening, and a copy
printed for the client in plain words, with nothing from the case record on it."""

import pytest

from casework.models import AuditEvent, SafetyPlan
from tests.casework.records import completed_screening, url

PLAN = {
    "home": "Chain on the door; neighbour at number 4 has a key.",
    "travel_work": "Vary the route to work; reception knows not to say when she is in.",
    "online": "Location sharing off; new email for the case.",
    "children_others": "School has a photo of him and will not release the children to him.",
    "emergency": "Bag at her sister's. 999, then 55 if she cannot speak.",
    "code_words": "'Is the cat fed?' means call the police.",
}


def review(client, case, **changes):
    form = client.get(url("safety-plan-review", case_id=case.pk))
    return client.post(
        url("safety-plan-review", case_id=case.pk),
        {**PLAN, **changes, "submission_token": form.context["token"]},
    )


def test_a_plan_is_made_with_every_section_and_audited(advocate_client, case, advocate):
    assert review(advocate_client, case).status_code == 302
    plan = SafetyPlan.objects.get(case=case)
    assert plan.sections == PLAN
    assert plan.made_by == advocate
    assert AuditEvent.objects.filter(
        case_id=case.pk, action="created", subject="safety plan"
    ).exists()
    page = advocate_client.get(url("safety-plan", case_id=case.pk)).content.decode()
    assert "neighbour at number 4" in page
    assert "Code words" in page


def test_a_review_keeps_a_new_version_and_the_old_one_stays(advocate_client, case, advocate):
    review(advocate_client, case)
    first = SafetyPlan.objects.get()
    form = advocate_client.get(url("safety-plan-review", case_id=case.pk))
    assert "neighbour at number 4" in form.content.decode()  # it starts from the current plan
    review(advocate_client, case, home="Moved to a refuge.")
    assert SafetyPlan.objects.count() == 2
    first.refresh_from_db()
    assert first.sections["home"] == PLAN["home"]
    page = advocate_client.get(url("safety-plan", case_id=case.pk)).content.decode()
    assert "Moved to a refuge." in page
    assert "Earlier versions" in page
    old = advocate_client.get(url("safety-plan-version", case_id=case.pk, plan_id=first.pk))
    assert PLAN["home"] in old.content.decode()


def test_each_version_is_linked_to_the_screening_it_was_reviewed_with(
    advocate_client, case, advocate
):
    review(advocate_client, case)
    assert SafetyPlan.objects.get().screening is None
    screening = completed_screening(case, advocate, yes=(1,))
    page = advocate_client.get(url("safety-plan", case_id=case.pk)).content.decode()
    assert "A screening has been completed since the plan was last reviewed" in page
    assert "Review due" in advocate_client.get(url("case", case_id=case.pk)).content.decode()
    review(advocate_client, case)
    assert SafetyPlan.objects.first().screening == screening
    page = advocate_client.get(url("safety-plan", case_id=case.pk)).content.decode()
    assert "A screening has been completed since" not in page


def test_an_empty_plan_is_refused_and_an_overlong_section_says_so(advocate_client, case):
    empty = review(advocate_client, case, **dict.fromkeys(PLAN, ""))
    assert empty.status_code == 422
    assert "Write at least one section of the safety plan" in empty.content.decode()
    long = review(advocate_client, case, home="h" * 2001)
    assert long.status_code == 422
    body = long.content.decode()
    assert "At home must be 2000 characters or fewer" in body
    assert PLAN["code_words"].replace("'", "&#x27;") in body
    assert not SafetyPlan.objects.exists()


def test_the_client_copy_is_in_plain_words_with_nothing_from_the_record(advocate_client, case):
    review(advocate_client, case, children_others="")
    response = advocate_client.get(url("safety-plan-print", case_id=case.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Your safety plan" in body
    assert "If you are in danger" in body
    assert "call 999" in body
    assert "0808 802 0300" in body  # the National Stalking Helpline
    assert "Children, family and friends" not in body  # left empty, so left out
    assert "CR-001" not in body  # no case reference
    assert "Alex Example" not in body  # no names from the record
    assert AuditEvent.objects.filter(
        case_id=case.pk, action="exported", subject="safety plan print"
    ).exists()


def test_there_is_nothing_to_print_before_there_is_a_plan(advocate_client, case):
    assert advocate_client.get(url("safety-plan-print", case_id=case.pk)).status_code == 404


@pytest.mark.parametrize("page", ["safety-plan", "safety-plan-review"])
def test_the_pages_show_before_there_is_a_plan(advocate_client, case, page):
    assert advocate_client.get(url(page, case_id=case.pk)).status_code == 200

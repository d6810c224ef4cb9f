"""Property-based tests over every advocate form (docs/safety.md D25).

The same strategies as the public forms (tests/test_fuzz_forms.py): huge text, control
characters, right-to-left marks, emoji, HTML, real and made-up choices, missing fields.
Every posting gets the page again with a clear error (422), a move on (302), or, for
the sign-in form, the lockout page (429). Never a server error.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings

from casework import case_records
from casework.models import Organisation, Screening
from screening import questions
from tests.casework.conftest import make_advocate, make_case, signed_in
from tests.casework.records import completed_screening
from tests.casework.test_smoke_journey import complete_answers
from tests.test_fuzz_forms import fields_of, postings

pytestmark = pytest.mark.django_db

EXAMPLES_PER_FORM = 25
ALLOWED = {200, 302, 422, 429}


@dataclass
class World:
    client: Client
    case_id: str
    screening_id: str
    finished_id: str


def _world() -> World:
    organisation = Organisation.objects.create(name="Fuzz Support")
    advocate = make_advocate(organisation, "fuzz@example.org", admin=True)
    make_advocate(organisation, "colleague@example.org")
    case = make_case(organisation, advocate)
    # Everything answered but the behaviours: every question page can be reached.
    answered = complete_answers(yes=(2,))
    answered.pop(questions.BEHAVIOURS_SLUG)
    started = Screening.objects.create(case=case, answers=answered, bank_version="x")
    finished = completed_screening(case, advocate, yes=(2,))
    client = signed_in(Client(), advocate)
    return World(client, str(case.pk), str(started.pk), str(finished.pk))


@dataclass(frozen=True)
class AdvocateForm:
    name: str
    url: Callable[[World], str]
    signed_in: bool = True


def _case(name):
    return lambda w: reverse(f"casework:{name}", kwargs={"case_id": w.case_id})


def _screening(name, *, finished=False, **extra):
    return lambda w: reverse(
        f"casework:{name}",
        kwargs={
            "case_id": w.case_id,
            "screening_id": w.finished_id if finished else w.screening_id,
            **extra,
        },
    )


FORMS = [
    AdvocateForm("sign-in", lambda w: reverse("casework:sign-in"), signed_in=False),
    AdvocateForm("new-case", lambda w: reverse("casework:new-case")),
    AdvocateForm("edit-case", _case("edit-case")),
    AdvocateForm("quick-entry", _screening("screening-quick")),
    AdvocateForm("judgement", _screening("screening", finished=True)),
    AdvocateForm("incident-add", _case("incident-add")),
    AdvocateForm("add-advocate", lambda w: reverse("casework:add-advocate")),
    AdvocateForm("note-add", _case("note-add")),
    AdvocateForm("hand-over", _case("hand-over")),
    AdvocateForm("task-add", _case("task-add")),
    AdvocateForm("safety-plan-review", _case("safety-plan-review")),
    AdvocateForm("review-date", _case("review-date")),
    *[
        AdvocateForm(
            f"record-{kind}",
            lambda w, kind=kind: reverse(
                "casework:record-add", kwargs={"case_id": w.case_id, "kind": kind}
            ),
        )
        for kind in case_records.KINDS
    ],
    *[
        AdvocateForm(f"question-{q.slug}", _screening("screening-question", slug=q.slug))
        for q in (questions.BANK[0], questions.BANK[1], questions.BANK[-1])
    ],
]


def _post_url(form: AdvocateForm, world: World) -> str:
    if form.name == "judgement":
        return reverse(
            "casework:screening-judgement",
            kwargs={"case_id": world.case_id, "screening_id": world.finished_id},
        )
    return form.url(world)


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.name)
def test_any_posting_gives_a_clear_error_or_moves_on(form):
    world = _world()
    client = world.client if form.signed_in else Client()
    page = client.get(form.url(world))
    assert page.status_code == 200
    fields = fields_of(page.content.decode())
    fields.pop("submission_token", None)
    fields.pop("entry", None)

    @settings(
        max_examples=EXAMPLES_PER_FORM,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=postings(fields))
    def posting_is_handled(data):
        response = client.post(_post_url(form, world), data)
        event(f"status {response.status_code}")
        assert response.status_code in ALLOWED, response.status_code
        if response.status_code == 422:
            assert "govuk-error-summary" in response.content.decode()

    posting_is_handled()

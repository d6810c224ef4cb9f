"""A case is a record kept over months: what was recorded stays as it was recorded.

Each test here is one of the ways a case used to change or lose what had been recorded, tried
the way an advocate meets it over several weeks of a case.
"""

import io
import uuid
from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from casework import audit
from casework.incident_log import CaseIncidentLog
from casework.models import (
    AuditEvent,
    CaseNote,
    ProtectiveOrder,
    Referral,
    SafetyPlan,
    Screening,
)
from screening import questions, scoring
from screening.incidents import Incident
from tests.casework.records import completed_screening, screening_answers, started_screening
from tests.casework.urls import build, casework_patterns
from tests.journey import ABOUT, thirteen_sign_bank


def _url(name, case, **kwargs):
    return reverse(f"casework:{name}", kwargs={"case_id": case.pk, **kwargs})


def pdf_text(response) -> str:
    assert response.status_code == 200, response.status_code
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _linked(case, *signs, day=date(2026, 11, 10), **fields) -> Incident:
    incident = Incident(
        occurred_on=day,
        what_happened="Said he would hurt her, outside the gym.",
        place="The gym",
        behaviours=("threats",),
        signs=signs,
        **fields,
    )
    CaseIncidentLog(case).add(incident)
    return incident


def _edit_data(response, **changes) -> dict:
    """The change form's POST data, as a browser would send it back, with ``changes``."""
    form = response.context["form"]
    data = {}
    for name, value in form.initial.items():
        if name == "occurred_on":
            data.update(
                {
                    "occurred_on_0": value.day,
                    "occurred_on_1": value.month,
                    "occurred_on_2": value.year,
                }
            )
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    data.update(changes)
    return data


# --- 1. Evidence links belong to the entry, whatever screening is in progress -----------------


def test_while_a_new_screening_is_unfinished_the_change_form_offers_the_last_yes_signs(
    advocate_client, case, advocate
):
    completed_screening(case, advocate, days_ago=14, yes=(1, 6))
    started_screening(case, advocate)
    incident = _linked(case, 1, 6)
    response = advocate_client.get(_url("incident-change", case, entry_id=incident.id))
    offered = [value for value, _label in response.context["form"].fields["signs"].choices]
    assert offered == ["1", "6"]


def test_changing_only_where_keeps_the_links_to_signs_1_and_6(advocate_client, case, advocate):
    done = completed_screening(case, advocate, days_ago=14, yes=(1, 6))
    started_screening(case, advocate)
    incident = _linked(case, 1, 6)
    change = _url("incident-change", case, entry_id=incident.id)
    response = advocate_client.post(
        change, _edit_data(advocate_client.get(change), place="The car park")
    )
    assert response.status_code == 302
    (kept,) = CaseIncidentLog(case).all
    assert kept.place == "The car park"
    assert kept.signs == (1, 6)
    text = pdf_text(advocate_client.get(_url("screening-pdf", case, screening_id=done.pk)))
    assert "Supported by: incident 1" in text


def test_an_edit_never_drops_a_link_the_form_did_not_show(advocate_client, case, advocate):
    # Sign 3 was linked under an earlier screening; the latest has no Yes for it.
    completed_screening(case, advocate, days_ago=30, yes=(3,))
    completed_screening(case, advocate, days_ago=2, yes=(6,))
    incident = _linked(case, 3, 6)
    change = _url("incident-change", case, entry_id=incident.id)
    form_page = advocate_client.get(change)
    assert [v for v, _ in form_page.context["form"].fields["signs"].choices] == ["6"]
    advocate_client.post(change, _edit_data(form_page, place="Elsewhere", signs=[]))
    (kept,) = CaseIncidentLog(case).all
    assert kept.signs == (3,)  # 6 was shown and unticked; 3 was not shown, so it stays


def test_the_in_progress_screenings_yes_answers_can_be_linked_too(advocate_client, case, advocate):
    completed_screening(case, advocate, days_ago=14, yes=(1,))
    going = started_screening(case, advocate)
    going.answers = screening_answers(yes=(5,))
    going.save()
    response = advocate_client.get(_url("incident-add", case))
    offered = [value for value, _label in response.context["form"].fields["signs"].choices]
    assert offered == ["1", "5"]


# --- 2. The PDF of a screening is that screening's ------------------------------------------


def test_the_pdf_carries_the_screenings_own_completion_date_and_marks_later_entries(
    advocate_client, case, advocate
):
    done = completed_screening(case, advocate, yes=(6,))
    completed = timezone.make_aware(datetime(2026, 11, 14, 11, 0))
    Screening.objects.filter(pk=done.pk).update(completed_at=completed, started_at=completed)
    _linked(case, 6, day=date(2026, 11, 10))
    _linked(case, 6, day=date(2026, 11, 20))
    printed = timezone.make_aware(datetime(2026, 11, 28, 9, 0))
    with mock.patch("django.utils.timezone.now", return_value=printed):
        text = pdf_text(advocate_client.get(_url("screening-pdf", case, screening_id=done.pk)))
    assert "Checklist completed 14 November 2026" in text
    assert "Checklist completed 28 November 2026" not in text
    assert "as it stood when this summary was printed, on 28 November 2026" in text
    assert text.count("(after the screening)") == 1
    later = text.index("20 November 2026")
    assert text.index("(after the screening)") > later


# --- 3. A completed screening is a snapshot ----------------------------------------------------


ALL_NONE_YET = scoring.RuleSet(
    "v-test",
    rules=(scoring.Rule(scoring.Level.NONE_YET, reason="Test rule set", rationale="For the test"),),
    flags=(),
)


@pytest.fixture
def rules_changed(monkeypatch):
    """Put a new rule set in use, as a later release would."""
    monkeypatch.setattr(scoring, "RULE_SETS", {**scoring.RULE_SETS, "v-test": ALL_NONE_YET})
    monkeypatch.setattr(scoring, "RULES_VERSION", "v-test")


def test_after_the_rules_change_an_old_screening_keeps_its_level_reasons_date_and_versions(
    advocate_client, case, advocate, rules_changed
):
    # Completed under v1 through the page, then the rules change.
    going = started_screening(case, advocate)
    going.answers = screening_answers(yes=(1, 6))
    going.save()
    with mock.patch.object(scoring, "RULES_VERSION", "v1"):
        advocate_client.post(_url("screening-check", case, screening_id=going.pk))
    going.refresh_from_db()
    assert going.rules_version == "v1"
    day = timezone.localdate(going.completed_at).strftime("%-d %B %Y")

    page = advocate_client.get(_url("screening", case, screening_id=going.pk)).content.decode()
    assert "Serious warning signs" in page
    assert "Warning sign 1 (very frightened) was answered “Yes”" in page
    assert "rules v1" in page
    assert "Test rule set" not in page
    assert f"Screening of {day}" in page

    text = pdf_text(advocate_client.get(_url("screening-pdf", case, screening_id=going.pk)))
    assert "Serious warning signs" in text
    assert "Warning sign 1 (very frightened) was answered “Yes”" in text
    assert "rules v1" in text
    assert f"Checklist completed {day}" in text
    assert "Test rule set" not in text


def test_nothing_scores_a_completed_screening_again(advocate_client, case, advocate):
    done = completed_screening(case, advocate, yes=(6,))
    with mock.patch.object(scoring, "score", side_effect=AssertionError("scored again")):
        assert advocate_client.get(_url("screening", case, screening_id=done.pk)).status_code == 200
        assert advocate_client.get(_url("case", case)).status_code == 200
        pdf_text(advocate_client.get(_url("screening-pdf", case, screening_id=done.pk)))


def test_a_bank_with_a_thirteenth_sign_leaves_old_results_and_pdfs_readable(
    advocate_client, case, advocate, monkeypatch
):
    done = completed_screening(case, advocate, yes=(1,))
    monkeypatch.setattr(questions, "BANK", thirteen_sign_bank())
    page = advocate_client.get(_url("screening", case, screening_id=done.pk))
    assert page.status_code == 200
    assert "Serious warning signs" in page.content.decode()
    text = pdf_text(advocate_client.get(_url("screening-pdf", case, screening_id=done.pk)))
    assert "Serious warning signs" in text


# --- 4. The case list keeps the case's level while a new screening is in progress ------------


def test_the_case_list_shows_the_latest_completed_level_beside_a_screening_in_progress(
    advocate_client, case, advocate
):
    completed_screening(case, advocate, days_ago=14, yes=tuple(range(1, 12)))
    started_screening(case, advocate)
    page = advocate_client.get(reverse("casework:cases")).content.decode()
    assert "Serious warning signs" in page
    assert "New screening in progress" in page
    assert "Not finished" not in page


def test_a_screening_started_by_mistake_can_be_discarded_and_that_is_audited(
    advocate_client, case, advocate
):
    kept = completed_screening(case, advocate, days_ago=14, yes=(3,))
    mistake = started_screening(case, advocate)
    confirm = advocate_client.get(_url("screening-discard", case, screening_id=mistake.pk))
    assert "Completed screenings, the incident log and the rest of the case are not changed." in (
        confirm.content.decode()
    )
    assert case.screenings.count() == 2  # asking changes nothing
    response = advocate_client.post(_url("screening-discard", case, screening_id=mistake.pk))
    assert response.status_code == 302
    assert list(case.screenings.all()) == [kept]
    assert AuditEvent.objects.filter(case_id=case.pk, subject="screening discarded").exists()


def test_a_completed_screening_cannot_be_discarded(advocate_client, case, advocate):
    done = completed_screening(case, advocate, yes=(3,))
    advocate_client.post(_url("screening-discard", case, screening_id=done.pk))
    assert case.screenings.get() == done


# --- 6. Every page that shows case data is audited, and a change is one with its event -------


def test_saving_an_answer_and_its_audit_event_are_one_transaction(advocate_client, case, advocate):
    going = started_screening(case, advocate)
    question = _url("screening-question", case, screening_id=going.pk, slug="about-them")
    with (
        mock.patch.object(audit, "record", side_effect=DatabaseError("audit table unavailable")),
        pytest.raises(DatabaseError),
    ):
        advocate_client.post(question, {**ABOUT, "name": "Someone"})
    going.refresh_from_db()
    assert going.answers == {}


def test_completing_and_its_audit_event_are_one_transaction(advocate_client, case, advocate):
    going = started_screening(case, advocate)
    going.answers = screening_answers(yes=(3,))
    going.save()
    with (
        mock.patch.object(audit, "record", side_effect=DatabaseError("audit table unavailable")),
        pytest.raises(DatabaseError),
    ):
        advocate_client.post(_url("screening-check", case, screening_id=going.pk))
    going.refresh_from_db()
    assert not going.is_complete


def test_the_snapshot_records_who_completed_it_and_when(advocate_client, case, advocate):
    going = started_screening(case, advocate)
    going.answers = screening_answers(yes=(3,))
    going.save()
    before = timezone.now() - timedelta(seconds=1)
    advocate_client.post(_url("screening-check", case, screening_id=going.pk))
    going.refresh_from_db()
    assert going.completed_by == advocate
    assert going.completed_by_name == advocate.full_name
    assert going.completed_at >= before
    kept = scoring.from_primitives(going.result)
    assert kept == scoring.score(going.answers)
    assert (kept.bank_version, kept.rules_version) == (going.bank_version, going.rules_version)


#: Case URL patterns that never show a page of case data on GET: actions taken by POST only.
POST_ONLY = {
    "set-open",
    "set-restricted",
    "task-done",
    "screening-judgement",
    "screening-judgement-withdraw",
}
IN_PROGRESS_PAGES = {
    "screening-question",
    "screening-quick",
    "screening-check",
    "screening-discard",
}


def test_every_case_page_writes_a_view_event(advocate_client, case, advocate):
    done = completed_screening(case, advocate, days_ago=3, yes=(1, 6))
    going = started_screening(case, advocate)
    going.answers = screening_answers(yes=(5,))  # answered, not completed: the check page shows
    going.save()
    incident = _linked(case, 6)
    raised = done.judgements.create(level="serious", reason="Escalating", made_by=advocate)
    note = CaseNote.objects.create(
        case=case, kind="note", happened_on=date(2026, 11, 1), text="A note", author=advocate
    )
    order = ProtectiveOrder.objects.create(case=case, kind="spo", made_on=date(2026, 1, 5))
    plan = SafetyPlan.objects.create(case=case, sections={"home": "Plan"})
    referral = Referral.objects.create(case=case, route="paladin")
    shown = set()
    for name, parameters in casework_patterns().items():
        if "case_id" not in parameters or name in POST_ONLY:
            continue
        objects = {
            "case_id": case.pk,
            "screening_id": (going if name in IN_PROGRESS_PAGES else done).pk,
            "entry_id": incident.id,
            "judgement_id": raised.pk,
            "note_id": note.pk,
            "task_id": uuid.uuid4(),
            "item_id": order.pk,
            "kind": "order",
            "plan_id": plan.pk,
            "referral_id": referral.pk,
            "slug": questions.BANK[0].slug,
        }
        AuditEvent.objects.all().delete()
        response = advocate_client.get(build(name, parameters, objects))
        assert response.status_code == 200, name
        events = AuditEvent.objects.filter(case_id=case.pk, actor=advocate)
        assert events.filter(action__in=["viewed", "exported"]).exists(), name
        shown.add(name)
    assert {"incident-change", "incident-delete", "erase-case", "start-screening"} <= shown
    assert shown >= IN_PROGRESS_PAGES
    assert POST_ONLY.isdisjoint(shown)


# --- The log informs the answers --------------------------------------------------------------


def test_the_result_page_and_pdf_prompt_a_check_when_the_log_records_a_threat(
    advocate_client, case, advocate
):
    done = completed_screening(case, advocate, yes=(3,))
    CaseIncidentLog(case).add(
        Incident(occurred_on=date(2026, 11, 19), what_happened="x", behaviours=("threats",))
    )
    page = advocate_client.get(_url("screening", case, screening_id=done.pk)).content.decode()
    assert "The incident log records a threat on 19 November 2026: check question 6 with the" in (
        page
    )
    text = pdf_text(advocate_client.get(_url("screening-pdf", case, screening_id=done.pk)))
    assert "The incident log records a threat on 19 November 2026; question 6 was not" in text
    done.refresh_from_db()
    assert done.level == "present"  # a prompt, never a change to the level

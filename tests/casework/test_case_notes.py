"""Case notes and the contact log: dated, authored, append-only. A mistake is put right by a
new entry that says which entry it corrects; nothing is edited or deleted."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from casework.models import AuditEvent, CaseNote
from tests.casework.conftest import make_advocate, signed_in
from tests.casework.records import url


def note_data(**overrides) -> dict:
    data = {
        "kind": "contact",
        "happened_on_0": "18",
        "happened_on_1": "11",
        "happened_on_2": "2026",
        "method": "phone",
        "safe_to_talk": "yes",
        "text": "Spoke about the car seen outside work on Monday.",
    }
    data.update(overrides)
    return data


def add(client, case, **overrides):
    form = client.get(url("note-add", case_id=case.pk))
    return client.post(
        url("note-add", case_id=case.pk),
        {**note_data(**overrides), "submission_token": form.context["token"]},
    )


def test_an_advocate_records_a_contact_with_its_method_and_whether_it_was_safe_to_talk(
    advocate_client, case, advocate
):
    response = add(advocate_client, case)
    assert response.status_code == 302
    note = CaseNote.objects.get(case=case)
    assert note.kind == "contact"
    assert note.happened_on == date(2026, 11, 18)
    assert (note.method, note.safe_to_talk) == ("phone", "yes")
    assert note.author == advocate
    assert note.author_name == advocate.full_name
    assert note.text == "Spoke about the car seen outside work on Monday."
    assert AuditEvent.objects.filter(case_id=case.pk, action="created", subject="note").exists()


def test_the_notes_page_lists_entries_newest_first_with_who_and_when(
    advocate_client, case, advocate
):
    add(advocate_client, case, text="First call.", happened_on_0="10")
    add(advocate_client, case, kind="note", method="", safe_to_talk="", text="Checked PNC.")
    page = advocate_client.get(url("notes", case_id=case.pk))
    assert page.status_code == 200
    body = page.content.decode()
    assert body.index("Checked PNC.") < body.index("First call.")
    assert "10 November 2026" in body
    assert "Phone call" in body
    assert "Safe to talk" in body
    assert advocate.full_name in body
    assert AuditEvent.objects.filter(case_id=case.pk, action="viewed", subject="notes").exists()


def test_a_plain_note_needs_no_contact_method(advocate_client, case):
    response = add(advocate_client, case, kind="note", method="", safe_to_talk="")
    assert response.status_code == 302
    note = CaseNote.objects.get()
    assert (note.kind, note.method, note.safe_to_talk) == ("note", "", "")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": ""}, "Enter what happened or what was said"),
        ({"method": ""}, "Select how you were in contact"),
        ({"safe_to_talk": ""}, "Select whether it was safe for the client to talk"),
        ({"happened_on_0": "31", "happened_on_1": "2"}, "must be a real date"),
        ({"text": "x" * 5001}, "must be 5000 characters or fewer"),
        ({"text": "Rang at 9\x00pm"}, ""),
    ],
)
def test_a_bad_entry_is_refused_with_a_clear_error_and_nothing_typed_is_lost(
    advocate_client, case, changes, message
):
    response = add(advocate_client, case, **{**changes})
    assert response.status_code == 422
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert message in body
    if changes.get("text", "ok") not in ("", "x" * 5001) and "\x00" not in changes.get("text", ""):
        assert "Spoke about the car seen outside work on Monday." in body
    assert not CaseNote.objects.exists()


def test_a_date_in_the_future_is_refused(advocate_client, case):
    later = timezone.localdate() + timedelta(days=2)
    response = add(
        advocate_client,
        case,
        happened_on_0=str(later.day),
        happened_on_1=str(later.month),
        happened_on_2=str(later.year),
    )
    assert response.status_code == 422
    assert "must be today or in the past" in response.content.decode()


def test_a_double_submission_makes_one_entry(advocate_client, case):
    form = advocate_client.get(url("note-add", case_id=case.pk))
    data = {**note_data(), "submission_token": form.context["token"]}
    first = advocate_client.post(url("note-add", case_id=case.pk), data)
    second = advocate_client.post(url("note-add", case_id=case.pk), data)
    assert first.status_code == second.status_code == 302
    assert CaseNote.objects.count() == 1


def test_entries_cannot_be_changed_or_deleted_only_corrected(advocate_client, case, advocate):
    add(advocate_client, case, text="Met at the library on Tuesday.")
    original = CaseNote.objects.get()
    correct = url("note-correct", case_id=case.pk, note_id=original.pk)
    form = advocate_client.get(correct)
    assert form.status_code == 200
    assert "Met at the library on Tuesday." in form.content.decode()
    response = advocate_client.post(
        correct,
        {
            **note_data(text="It was Wednesday, not Tuesday."),
            "submission_token": form.context["token"],
        },
    )
    assert response.status_code == 302
    original.refresh_from_db()
    assert original.text == "Met at the library on Tuesday."
    correction = CaseNote.objects.exclude(pk=original.pk).get()
    assert correction.corrects == original
    assert AuditEvent.objects.filter(case_id=case.pk, subject="note correction").exists()
    body = advocate_client.get(url("notes", case_id=case.pk)).content.decode()
    assert "Met at the library on Tuesday." in body
    assert "It was Wednesday, not Tuesday." in body
    assert re.search(r"Corrects the entry of 18 November 2026", body)
    assert "Corrected by a later entry" in body


def test_any_advocate_who_can_see_the_case_can_add_to_its_log(client, case, organisation):
    colleague = make_advocate(organisation, "ash@north.example")
    signed_in(client, colleague)
    assert add(client, case).status_code == 302
    assert CaseNote.objects.get().author == colleague


def test_the_case_page_shows_the_latest_entries_and_the_last_contact(
    advocate_client, case, advocate
):
    add(advocate_client, case, text="Safe to call after 6.")
    body = advocate_client.get(url("case", case_id=case.pk)).content.decode()
    assert "Safe to call after 6." in body
    assert "Last contact" in body
    assert "18 November 2026" in body


# --- The single notes field becomes the first entry --------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_a_cases_notes_into_its_first_entry():
    before = [("casework", "0004_case_owners_restriction_and_handovers")]
    after = [("casework", "0005_case_notes_and_contact_log")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    organisation = old.get_model("casework", "Organisation").objects.create(name="Old")
    person = old.get_model("casework", "User").objects.create(
        email="old@old.example", full_name="Pat Old", organisation=organisation
    )
    Case = old.get_model("casework", "Case")
    fields = {
        "organisation": organisation,
        "created_by": person,
        "owner": person,
        "client_reference": "OLD-1",
        "stalker_name": "Someone",
        "safe_contact": {},
    }
    with_notes = Case.objects.create(notes="Rang twice. Prefers texts.", **fields)
    Case.objects.create(notes="", **fields)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    (entry,) = new.get_model("casework", "CaseNote").objects.all()
    assert entry.case_id == with_notes.pk
    assert entry.text == "Rang twice. Prefers texts."
    assert entry.kind == "note"
    assert entry.author_id == person.pk
    assert entry.author_name == "Pat Old"
    assert entry.happened_on == timezone.localdate(with_notes.created_at)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

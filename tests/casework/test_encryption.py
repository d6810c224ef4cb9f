"""Nothing sensitive sits in the database in plain text; a wrong key fails loudly; keys
rotate (docs/safety.md C18)."""

import io

import pytest
from django import forms
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from casework import case_records
from casework.encryption import UndecryptableValue, decrypt, encrypted_fields, new_key
from casework.forms import SAFETY_PLAN_SECTIONS
from casework.incident_log import CaseIncidentLog
from casework.models import (
    AuditEvent,
    Case,
    CaseIncident,
    CaseNote,
    Handover,
    JudgementEntry,
    SafetyPlan,
    Screening,
    Task,
)
from tests.casework.conftest import make_advocate, signed_in
from tests.casework.records import (
    case_data,
    completed_screening,
    current_code,
    quick_entry_data,
    screening_answers,
    sign_in_with_password,
    url,
)
from tests.incident_examples import entry

# One made-up word per free-text field, so a find says which field leaked.
SENTINELS = {
    "client_reference": "ZQXREFERENCE",
    "client_name": "ZQXCLIENTNAME",
    "stalker_name": "ZQXSTALKERNAME",
    "police_reference": "ZQXPOLICEREF",
    "safe_phone": "ZQXPHONE",
    "safe_email_address": "zqxsafe@zqxmail.example",
    "times_to_avoid": "ZQXTIMESTOAVOID",
}
SCREENING_SENTINELS = {
    "about_name": "ZQXABOUTNAME",
    "details": "ZQXSIGNDETAILS",
    "other_behaviour": "ZQXOTHERBEHAVIOUR",
    "judgement": "ZQXJUDGEMENTREASON",
    "incident": "ZQXINCIDENT",
    "changed_times": "ZQXCHANGEDTIMES",
    "note": "ZQXNOTETEXT",
    "note_correction": "ZQXNOTECORRECTION",
    "task": "ZQXTASKTITLE",
    "handover_note": "ZQXHANDOVERNOTE",
}
PLAN_SENTINELS = {
    name: f"ZQXPLAN{name.upper().replace('_', '')}" for name, *_rest in SAFETY_PLAN_SECTIONS
}
# Every free-text field of every kind of record kept on a case, posted through its form.
RECORD_SENTINELS = {
    ("crime-reference", "reference"): "ZQXCRIMEREF",
    ("crime-reference", "force"): "ZQXFORCE",
    ("crime-reference", "officer"): "ZQXOFFICER",
    ("crime-reference", "officer_contact"): "ZQXOFFICERCONTACT",
    ("bail", "conditions"): "ZQXBAIL",
    ("order", "details"): "ZQXORDERDETAILS",
    ("court-date", "court"): "ZQXCOURT",
    ("court-date", "purpose"): "ZQXPURPOSE",
    ("person", "name"): "ZQXPERSONNAME",
    ("person", "description"): "ZQXPERSONDESCRIPTION",
    ("person", "vehicles"): "ZQXVEHICLE",
    ("person", "phone_numbers"): "ZQXPHONENUMBERS",
    ("person", "online_accounts"): "ZQXACCOUNTS",
    ("person", "addresses"): "ZQXADDRESSES",
    ("referral", "recipient"): "ZQXRECIPIENT",
    ("referral", "outcome"): "ZQXOUTCOME",
}
RECORD_DATES = {
    "order": {"kind": "spo", "made_on_0": "1", "made_on_1": "1", "made_on_2": "2026"},
    "court-date": {"on_0": "1", "on_1": "12", "on_2": "2026"},
    "referral": {"route": "marac", "consent": "not_asked", "status": "not_sent"},
}
EVERY_SENTINEL = (
    *SENTINELS.values(),
    *SCREENING_SENTINELS.values(),
    *RECORD_SENTINELS.values(),
    *PLAN_SENTINELS.values(),
)


def raw_rows():
    """Every cell of every table, as text, with its table and column."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("latin-1")
                    yield table, column, str(value)


def raw_tokens(model) -> dict:
    """The stored tokens of ``model``'s encrypted columns, by primary key."""
    columns = [field.column for field in encrypted_fields(model)]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote(model._meta.pk.column)}, {', '.join(map(quote, columns))} "  # noqa: S608
            f"FROM {quote(model._meta.db_table)}"
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


def everything_through_the_pages(client, advocate):
    """A case, two screenings, a judgement, an incident: all through the real views."""
    sign_in_with_password(client, advocate.email)
    client.post(
        reverse("casework:two-factor"), {"code": current_code(advocate.totpdevice_set.get())}
    )
    form = client.get(url("new-case"))
    response = client.post(
        url("new-case"), {**case_data(**SENTINELS), "submission_token": form.context["token"]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get()
    for _ in range(2):
        start = client.get(url("start-screening", case_id=case.pk))
        client.post(
            url("start-screening", case_id=case.pk),
            {"submission_token": start.context["token"], "mode": "quick"},
        )
    first, second = Screening.objects.order_by("started_at")
    answers = screening_answers(
        yes=(3,), details={3: SCREENING_SENTINELS["details"]}, behaviours=("calls", "other")
    )
    posted = quick_entry_data(answers)
    posted["about-them-name"] = SCREENING_SENTINELS["about_name"]
    posted["behaviours-other_details"] = SCREENING_SENTINELS["other_behaviour"]
    for screening in (first, second):
        kwargs = {"case_id": case.pk, "screening_id": screening.pk}
        response = client.post(reverse("casework:screening-quick", kwargs=kwargs), posted)
        assert response.status_code == 302, response.content.decode()[:3000]
        client.post(reverse("casework:screening-check", kwargs=kwargs))
    first.refresh_from_db()
    assert first.answers["belongings"]["details"] == SCREENING_SENTINELS["details"]
    assert first.level == "present"
    assert first.answers["about-them"]["name"] == SCREENING_SENTINELS["about_name"]
    other = first.answers["behaviours"]["other_details"]
    assert other == SCREENING_SENTINELS["other_behaviour"]
    response = client.post(
        url("screening-judgement", case_id=case.pk, screening_id=first.pk),
        {"level": "serious", "reason": SCREENING_SENTINELS["judgement"]},
    )
    assert response.status_code == 302
    assert first.judgements.get().reason == SCREENING_SENTINELS["judgement"]
    client.get(url("case", case_id=case.pk))
    client.get(url("screening", case_id=case.pk, screening_id=first.pk))
    changed = case_data(**{**SENTINELS, "times_to_avoid": SCREENING_SENTINELS["changed_times"]})
    assert client.post(url("edit-case", case_id=case.pk), changed).status_code == 302
    # A form sent back with an error must not leave what was typed anywhere either.
    assert client.post(url("edit-case", case_id=case.pk), {**changed, "client_reference": ""})
    CaseIncidentLog(case).add(
        entry(case.created_at.date(), "home", what_happened=SCREENING_SENTINELS["incident"])
    )
    for text, correcting in ((SCREENING_SENTINELS["note"], None), ("", "note_correction")):
        if correcting:
            original = case.note_entries.get()
            address = url("note-correct", case_id=case.pk, note_id=original.pk)
            text = SCREENING_SENTINELS[correcting]
        else:
            address = url("note-add", case_id=case.pk)
        form = client.get(address)
        added = client.post(
            address,
            {
                "kind": "contact",
                "happened_on_0": "1",
                "happened_on_1": "11",
                "happened_on_2": "2026",
                "method": "phone",
                "safe_to_talk": "yes",
                "text": text,
                "submission_token": form.context["token"],
            },
        )
        assert added.status_code == 302, added.content.decode()[:2000]
    form = client.get(url("task-add", case_id=case.pk))
    added = client.post(
        url("task-add", case_id=case.pk),
        {
            "title": SCREENING_SENTINELS["task"],
            "due_on_0": "1",
            "due_on_1": "12",
            "due_on_2": "2026",
            "assignee": str(advocate.pk),
            "submission_token": form.context["token"],
        },
    )
    assert added.status_code == 302, added.content.decode()[:2000]
    for kind in case_records.KINDS:
        posted = {
            field: sentinel for (of, field), sentinel in RECORD_SENTINELS.items() if of == kind
        }
        saved = client.post(
            url("record-add", case_id=case.pk, kind=kind), {**posted, **RECORD_DATES.get(kind, {})}
        )
        assert saved.status_code == 302, (kind, saved.content.decode()[:2000])
    form = client.get(url("safety-plan-review", case_id=case.pk))
    planned = client.post(
        url("safety-plan-review", case_id=case.pk),
        {**PLAN_SENTINELS, "submission_token": form.context["token"]},
    )
    assert planned.status_code == 302
    assert client.get(url("safety-plan-print", case_id=case.pk)).status_code == 200
    colleague = make_advocate(advocate.organisation, "zqxcolleague@north.example")
    handed = client.post(
        url("hand-over", case_id=case.pk),
        {"owner": colleague.pk, "note": SCREENING_SENTINELS["handover_note"]},
    )
    assert handed.status_code == 302
    return Case.objects.get()


def test_a_raw_scan_of_every_table_finds_no_sentinel(client, advocate, organisation):
    case = everything_through_the_pages(client, advocate)
    assert case.client_name == SENTINELS["client_name"]
    assert case.safe_contact["email_address"] == SENTINELS["safe_email_address"]
    assert case.safe_contact["times_to_avoid"] == SCREENING_SENTINELS["changed_times"]
    assert case.note_entries.get(corrects=None).text == SCREENING_SENTINELS["note"]
    tables = set()  # the tables with rows in them
    found = []
    for table, column, text in raw_rows():
        tables.add(table)
        found.extend(
            (table, column, sentinel)
            for sentinel in EVERY_SENTINEL
            if sentinel.lower() in text.lower()
        )
    assert "django_session" in tables
    assert {"casework_case", "casework_screening", "casework_auditevent"} <= tables
    assert not found


def test_the_scan_would_see_a_plaintext_value(case):
    Case.objects.filter(pk=case.pk).update(touched_at=case.touched_at)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE casework_organisation SET name = %s", ["ZQXPLAIN"])
    assert any("ZQXPLAIN" in text for _table, _column, text in raw_rows())


def test_every_sensitive_field_is_encrypted():
    names = {field.name for field in encrypted_fields(Case)}
    assert names >= {
        "client_reference",
        "client_name",
        "stalker_name",
        "stalker_date_of_birth",
        "relationship",
        "police_reference",
        "safe_contact",
    }
    assert {field.name for field in encrypted_fields(Screening)} >= {
        "answers",
        "result",
        "level",
        "completed_by_name",
    }
    assert {field.name for field in encrypted_fields(JudgementEntry)} == {
        "level",
        "reason",
        "made_by_name",
        "withdrawn_by_name",
    }
    assert {field.name for field in encrypted_fields(CaseIncident)} == {"entry"}
    assert {field.name for field in encrypted_fields(CaseNote)} == {
        "author_name",
        "method",
        "safe_to_talk",
        "text",
    }
    assert {field.name for field in encrypted_fields(Task)} == {"title"}
    assert {field.name for field in encrypted_fields(SafetyPlan)} == {"sections", "made_by_name"}
    for kind in case_records.KINDS.values():
        free_text = {
            name
            for name, field in kind.form.base_fields.items()
            if isinstance(field, forms.CharField) and not isinstance(field, forms.ChoiceField)
        }
        encrypted = {field.name for field in encrypted_fields(kind.model)}
        assert free_text <= encrypted, kind.slug
        assert "recorded_by_name" in encrypted
        assert {f for (of, f) in RECORD_SENTINELS if of == kind.slug} == free_text, kind.slug
    assert {field.name for field in encrypted_fields(Handover)} == {
        "note",
        "by_name",
        "from_name",
        "to_name",
    }
    assert not encrypted_fields(AuditEvent)


def test_empty_values_are_encrypted_too(case):
    (tokens,) = raw_tokens(Case).values()
    assert all(token.startswith("gAAAAA") for token in tokens)


def test_the_keys_are_not_the_secret_key(settings):
    assert settings.SECRET_KEY not in settings.FIELD_ENCRYPTION_KEYS


def test_a_wrong_key_fails_loudly_and_never_returns_ciphertext(case, settings):
    settings.FIELD_ENCRYPTION_KEYS = [new_key()]
    with pytest.raises(UndecryptableValue):
        Case.objects.get(pk=case.pk)
    with pytest.raises(UndecryptableValue):
        list(Case.objects.values_list("client_name", flat=True))


def test_a_wrong_key_fails_loudly_on_the_case_page(client, advocate, case, settings):
    settings.FIELD_ENCRYPTION_KEYS = [new_key()]
    # Sessions are encrypted with keys derived from the same ones, so everyone signs in
    # again; then the case itself cannot be read, loudly.
    signed_in(client, advocate)
    with pytest.raises(UndecryptableValue):
        client.get(url("case", case_id=case.pk))


def test_a_token_that_is_not_a_token_is_undecryptable():
    with pytest.raises(UndecryptableValue):
        decrypt("plain text that was never encrypted")
    with pytest.raises(UndecryptableValue):
        decrypt("caf\u00e9")


def test_rotating_with_a_wrong_key_fails_and_changes_nothing(case, advocate, settings):
    completed_screening(case, advocate)
    before = {model: raw_tokens(model) for model in (Case, Screening)}
    settings.FIELD_ENCRYPTION_KEYS = [new_key()]
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("rotate_encryption_keys", stdout=io.StringIO())
    assert {model: raw_tokens(model) for model in (Case, Screening)} == before


def test_rotation_stops_whole_when_a_later_table_cannot_be_read(case, advocate, settings):
    """Cases are readable, screenings are not: the cases must not be rotated either."""
    old = settings.FIELD_ENCRYPTION_KEYS[0]
    other = new_key()
    settings.FIELD_ENCRYPTION_KEYS = [other]
    completed_screening(case, advocate)
    settings.FIELD_ENCRYPTION_KEYS = [new_key(), old]
    before = {model: raw_tokens(model) for model in (Case, Screening)}
    with pytest.raises(CommandError):
        call_command("rotate_encryption_keys", stdout=io.StringIO())
    assert {model: raw_tokens(model) for model in (Case, Screening)} == before


def test_rotation_moves_everything_to_the_new_key(client, advocate, settings):
    case = everything_through_the_pages(client, advocate)
    old = settings.FIELD_ENCRYPTION_KEYS[0]
    models = (Case, Screening, CaseIncident)
    before = {model: raw_tokens(model) for model in models}
    touched = case.touched_at
    settings.FIELD_ENCRYPTION_KEYS = [new_key(), old]
    out = io.StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "casework.Case: 1 rows re-encrypted" in out.getvalue()
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS[:1]
    after = {model: raw_tokens(model) for model in models}
    for model in models:
        assert after[model].keys() == before[model].keys()
        for key, tokens in after[model].items():
            assert all(
                new != old_token for new, old_token in zip(tokens, before[model][key], strict=True)
            )
    rotated = Case.objects.get()
    assert rotated.client_name == SENTINELS["client_name"]
    assert rotated.safe_contact["times_to_avoid"] == SCREENING_SENTINELS["changed_times"]
    assert rotated.touched_at == touched
    first = Screening.objects.order_by("started_at").first()
    assert first.judgements.get().reason == SCREENING_SENTINELS["judgement"]
    assert CaseIncident.objects.get().entry["what_happened"] == SCREENING_SENTINELS["incident"]


def test_rotating_twice_is_harmless(case, settings):
    call_command("rotate_encryption_keys", stdout=io.StringIO())
    call_command("rotate_encryption_keys", stdout=io.StringIO())
    assert Case.objects.get(pk=case.pk).client_reference == case.client_reference

"""Backups restore what was there (docs/safety.md D28), on whichever database the suite runs.

``make_sample_data`` writes one of each kind of row worth keeping and returns what
``assert_sample_data`` should read back; add a kind of data by extending both.
"""

import sqlite3
import subprocess
from contextlib import closing
from dataclasses import replace
from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from casework.incident_log import CaseIncidentLog
from casework.models import Case, CaseIncident, JudgementEntry, Organisation, Screening
from screening.answers import ANSWERS_KEY, STARTED_KEY
from screening.scoring import Level
from screening.web.sessions import SessionStore
from tests.casework.conftest import make_advocate, make_case
from tests.casework.records import completed_screening
from tests.incident_examples import FULL

pytestmark = pytest.mark.django_db(transaction=True)

SENTINEL_NAME = "Backup-sentinel-Ωmega ‮rtl 🙂"
# In the case's encrypted fields: never in a backup file as plain text.
CASE_SENTINEL = "Zxq-backup-case-sentinel"


def make_sample_data() -> dict:
    """Rows to back up, and what reading them back must give."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[STARTED_KEY] = True
    store[ANSWERS_KEY] = {"about-them": {"name": SENTINEL_NAME, "relationship": "ex_partner"}}
    store.set_expiry(timedelta(hours=1))
    store.save()

    organisation = Organisation.objects.create(name="Backup Support")
    advocate = make_advocate(organisation, "backup@support.example")
    case = make_case(
        organisation,
        advocate,
        client_reference=f"{CASE_SENTINEL}-reference",
        client_name=f"{CASE_SENTINEL}-client",
        stalker_name=f"{CASE_SENTINEL}-stalker",
        safe_contact={"call": "yes", "times_to_avoid": f"{CASE_SENTINEL}-times"},
    )
    screening = completed_screening(case, advocate, yes=(1, 6), details={1: CASE_SENTINEL})
    JudgementEntry.objects.create(
        screening=screening,
        level=str(Level.SERIOUS),
        reason=f"{CASE_SENTINEL}-reason",
        made_by=advocate,
    )
    CaseIncidentLog(case).add(replace(FULL, place=f"{CASE_SENTINEL}-place"))
    return {
        "session_key": store.session_key,
        "name": SENTINEL_NAME,
        "case_id": case.pk,
        "screening_id": screening.pk,
        "level": screening.level,
    }


def assert_sample_data(expected: dict) -> None:
    session = Session.objects.get(session_key=expected["session_key"])
    assert session.expire_date > timezone.now()
    answers = SessionStore().decode(session.session_data)[ANSWERS_KEY]
    assert answers["about-them"]["name"] == expected["name"]

    # The case, its screening and its incident read back through the models: decrypted.
    case = Case.objects.get(pk=expected["case_id"])
    assert case.organisation.name == "Backup Support"
    assert case.created_by.email == "backup@support.example"
    assert case.client_reference == f"{CASE_SENTINEL}-reference"
    assert case.client_name == f"{CASE_SENTINEL}-client"
    assert case.stalker_name == f"{CASE_SENTINEL}-stalker"
    assert case.safe_contact == {"call": "yes", "times_to_avoid": f"{CASE_SENTINEL}-times"}
    screening = Screening.objects.get(pk=expected["screening_id"], case=case)
    assert screening.is_complete
    assert screening.level == expected["level"]
    assert screening.judgements.get().reason == f"{CASE_SENTINEL}-reason"
    assert screening.answers["feelings"]["details"] == CASE_SENTINEL
    (incident,) = CaseIncidentLog(case).all
    assert incident.place == f"{CASE_SENTINEL}-place"
    assert incident.what_happened == FULL.what_happened
    assert incident.crime_reference == FULL.crime_reference


def delete_everything() -> None:
    call_command("flush", interactive=False, verbosity=0)
    assert not Session.objects.exists()
    assert not Case.objects.exists()
    assert not CaseIncident.objects.exists()


def backup_text(backup) -> str:
    """Everything in a backup file as text: SQLite's pages as they are, or the SQL
    that ``pg_restore`` would run (custom-format dumps are compressed)."""
    if connection.vendor == "sqlite":
        return backup.read_bytes().decode("utf-8", errors="replace")
    script = subprocess.run(
        ["pg_restore", "--file=-", str(backup)],  # on PATH, as backup_database needs
        capture_output=True,
        check=True,
        text=True,
    )
    return script.stdout


def test_backup_then_restore_into_an_emptied_database_reads_the_rows_back(tmp_path):
    expected = make_sample_data()
    backup = tmp_path / "backup.db"

    call_command("backup_database", str(backup), verbosity=0)
    delete_everything()
    call_command("restore_database", str(backup), interactive=False, verbosity=0)

    assert_sample_data(expected)


def test_case_data_stays_encrypted_in_the_backup_file(tmp_path):
    make_sample_data()
    backup = tmp_path / "backup.db"
    call_command("backup_database", str(backup), verbosity=0)

    text = backup_text(backup)
    assert "backup@support.example" in text, "the backup was read as text"
    assert CASE_SENTINEL not in text


def test_a_backup_is_readable_by_its_owner_only(tmp_path):
    backup = tmp_path / "backup.db"
    call_command("backup_database", str(backup), verbosity=0)
    assert backup.stat().st_mode & 0o777 == 0o600


def test_restoring_a_missing_file_changes_nothing(tmp_path):
    expected = make_sample_data()
    with pytest.raises(Exception, match="There is no backup"):
        call_command("restore_database", str(tmp_path / "missing"), interactive=False, verbosity=0)
    assert_sample_data(expected)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own backup file")
def test_a_sqlite_backup_is_a_complete_database_of_its_own(tmp_path):
    expected = make_sample_data()
    backup = tmp_path / "backup.db"
    call_command("backup_database", str(backup), verbosity=0)

    with closing(sqlite3.connect(backup)) as fresh:
        (count,) = fresh.execute(
            "SELECT count(*) FROM django_session WHERE session_key = ?",
            (expected["session_key"],),
        ).fetchone()
        (integrity,) = fresh.execute("PRAGMA integrity_check").fetchone()
    assert count == 1
    assert integrity == "ok"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's pg_restore")
def test_a_postgres_backup_restores_into_a_brand_new_database(tmp_path):
    import psycopg

    expected = make_sample_data()
    backup = tmp_path / "backup.dump"
    call_command("backup_database", str(backup), verbosity=0)

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    fresh_name = f"{params['dbname']}_restored"
    with closing(psycopg.connect(**params, autocommit=True)) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh_name}"')
        admin.execute(f'CREATE DATABASE "{fresh_name}"')
    try:
        restore_into = connection.settings_dict.copy()
        connection.settings_dict["NAME"] = fresh_name
        try:
            call_command("restore_database", str(backup), interactive=False, verbosity=0)
            assert_sample_data(expected)
        finally:
            connection.close()
            connection.settings_dict.update(restore_into)
        with closing(psycopg.connect(**{**params, "dbname": fresh_name})) as fresh:
            (count,) = fresh.execute(
                "SELECT count(*) FROM django_session WHERE session_key = %s",
                (expected["session_key"],),
            ).fetchone()
        assert count == 1
    finally:
        with closing(psycopg.connect(**params, autocommit=True)) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh_name}"')

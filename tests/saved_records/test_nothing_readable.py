"""What a kept record leaves in the database: ciphertext, and nothing anyone can read.

A person keeps a record with a sentinel in every kind of thing it holds, changes it, and
exits. The raw database (every cell of every table, and on SQLite the database file's own
bytes) is then searched for the sentinels, the passphrase and the key.
"""

import base64
import json
from datetime import date

import pytest
from django.contrib.sessions.models import Session
from django.db import connection

from screening.saved_records import crypto
from screening.saved_records.models import KeptRecord
from screening.web.sessions import SessionStore
from tests.casework.test_encryption import raw_rows
from tests.journey import ABOUT
from tests.saved_records.test_pages import keep, open_in
from tests.test_views_incident_log import add

SENTINELS = {
    "name": "Zxq-kept-name-sentinel",
    "entry": "Zxq-kept-entry-sentinel",
    "evidence": "Zxq-kept-evidence-sentinel",
}


def readable_database(tmp_path) -> bytes:
    """Everything someone with the database could read: on SQLite a copy of the file itself,
    elsewhere every cell; and every session decoded, as the server would decode it."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "copy.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(copy)])
        raw = copy.read_bytes()
    else:
        raw = "\n".join(text for _table, _column, text in raw_rows()).encode("utf-8", "replace")
    sessions = [
        json.dumps(SessionStore().decode(row.session_data)) for row in Session.objects.all()
    ]
    return raw + "\n".join(sessions).encode("utf-8")


def kept_with_sentinels(client) -> str:
    client.get("/questions/")
    client.post("/questions/about-them/", {**ABOUT, "name": SENTINELS["name"]})
    add(client, date(2026, 10, 3), what_happened=SENTINELS["entry"])
    passphrase = keep(client)
    add(client, date(2026, 10, 4), what_happened="Later", evidence=SENTINELS["evidence"])
    return passphrase


@pytest.mark.django_db(transaction=True)
def test_after_exit_the_database_holds_no_sentinel_passphrase_or_key(client, tmp_path):
    passphrase = kept_with_sentinels(client)
    keys = crypto.derive(passphrase)
    client.get("/exit/")
    assert KeptRecord.objects.count() == 1
    raw = readable_database(tmp_path)
    secrets = [
        *(value.encode() for value in SENTINELS.values()),
        passphrase.encode(),
        keys.key,
        base64.b64encode(keys.key),
    ]
    assert [secret for secret in secrets if secret in raw] == []
    # The record is still there for the person, whole.
    assert open_in(client, passphrase).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_the_scan_would_see_what_a_live_session_holds(client, tmp_path):
    passphrase = kept_with_sentinels(client)
    raw = readable_database(tmp_path)
    assert SENTINELS["entry"].encode() in raw
    assert base64.b64encode(crypto.derive(passphrase).key) in raw


@pytest.mark.django_db
def test_while_the_person_works_only_their_session_holds_the_sentinels(client):
    kept_with_sentinels(client)
    (row,) = KeptRecord.objects.all()
    for sentinel in SENTINELS.values():
        assert sentinel.encode() not in bytes(row.ciphertext)
        assert all(sentinel not in text for _table, _column, text in raw_rows())

"""A live session's contents are encrypted at rest: someone reading the database (or a
backup, or a copy of its files) cannot read the answers in it without the encryption keys."""

import base64
import contextlib
import zlib

import pytest
from django.contrib.sessions.models import Session

from screening.web.sessions import SessionStore
from tests.journey import ABOUT

pytestmark = pytest.mark.django_db

SENTINEL = "Quentin-Sentinel-7Z"


def readable_forms(data: str) -> str:
    """The stored text, and whatever base64 and zlib would make of it, as Django's own
    signed sessions would give up to anyone reading the row."""
    found = [data]
    for part in data.split(":"):
        try:
            raw = base64.urlsafe_b64decode(part.lstrip(".") + "=" * (-len(part) % 4))
        except ValueError:
            continue
        found.append(raw.decode("latin-1"))
        with contextlib.suppress(zlib.error):
            found.append(zlib.decompress(raw).decode("latin-1"))
    return "\n".join(found)


def test_the_stored_session_does_not_hold_the_answers_readably(client):
    client.get("/questions/")
    client.post("/questions/about-them/", {**ABOUT, "name": SENTINEL})
    row = Session.objects.get(session_key=client.session.session_key)
    assert SENTINEL not in readable_forms(row.session_data)
    # The service still reads it back.
    assert SessionStore().decode(row.session_data)["answers"]["about-them"]["name"] == SENTINEL
    assert client.session["answers"]["about-them"]["name"] == SENTINEL


def test_a_session_written_under_a_key_no_longer_configured_reads_as_empty(client, settings):
    store = SessionStore()
    store["answers"] = {"about-them": {"name": SENTINEL}}
    store.save()
    settings.FIELD_ENCRYPTION_KEYS = ["bQ7nW0tcd3mQ9o1H8yHqU4b2h8c1yX6mH0Gk2Jz7r1E="]
    again = SessionStore(store.session_key)
    assert dict(again.items()) == {}


def test_the_key_is_not_the_secret_key(settings):
    store = SessionStore()
    store["x"] = SENTINEL
    store.save()
    data = Session.objects.get(session_key=store.session_key).session_data
    settings.FIELD_ENCRYPTION_KEYS = [*settings.FIELD_ENCRYPTION_KEYS]
    settings.SECRET_KEY = "another-secret-key-entirely-0123456789-abcdefghijklmnopqrstuvwxyz"
    assert SessionStore().decode(data) == {"x": SENTINEL}

"""Run in a process of its own (see test_erasure.py) against a fresh SQLite file: a person
answers with a sentinel name and exits; an advocate erases a case with a sentinel in it.
Prints, as JSON, which of the deleted values can still be found in the database's files."""

import json
import os
import sqlite3
import sys
from pathlib import Path

import django

SENTINEL = "Zebulon-Erasure-Sentinel-41"


def raw_bytes(database: Path) -> bytes:
    found = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = Path(f"{database}{suffix}")
        if path.exists():
            found += path.read_bytes()
    return found


def main(database: Path) -> int:
    os.environ["DJANGO_SETTINGS_MODULE"] = "screening.settings"
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from casework.models import Case, Organisation, User
    from tests.journey import ABOUT

    setup_test_environment()
    call_command("migrate", verbosity=0, interactive=False)
    # Another server's worker with the database open, as in production: without it, the
    # last connection to close would checkpoint and remove the log by itself.
    other_worker = sqlite3.connect(database)
    other_worker.execute("SELECT COUNT(*) FROM django_session").fetchall()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        (secure_delete,) = cursor.fetchone()

    person = Client()
    person.get("/questions/")
    person.post("/questions/about-them/", {**ABOUT, "name": SENTINEL})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT session_data FROM django_session WHERE session_key = %s",
            [person.session.session_key],
        )
        (session_ciphertext,) = cursor.fetchone()

    organisation = Organisation.objects.create(name="North Support")
    advocate = User.objects.create_user(
        "sam@north.example", "a-long-test-password-1", full_name="Sam", organisation=organisation
    )
    device = TOTPDevice.objects.create(user=advocate, name="app", confirmed=True)
    case = Case.objects.create(
        organisation=organisation,
        created_by=advocate,
        owner=advocate,
        client_reference="CR-1",
        stalker_name=SENTINEL,
        safe_contact={},
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT stalker_name FROM casework_case WHERE id = %s", [case.pk.hex])
        (case_ciphertext,) = cursor.fetchone()
    before = raw_bytes(database)

    person.get("/exit/")
    worker = Client()
    worker.force_login(advocate, backend="django.contrib.auth.backends.ModelBackend")
    session = worker.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    erased = worker.post(f"/cases/{case.pk}/erase/")
    after = raw_bytes(database)
    other_worker.close()
    report = {
        "secure_delete": secure_delete,
        "erased": erased.status_code,
        "before": {
            "session": session_ciphertext.encode() in before,
            "case": case_ciphertext.encode() in before,
        },
        "after": {
            "session": session_ciphertext.encode() in after,
            "case": case_ciphertext.encode() in after,
            "sentinel": SENTINEL.encode() in after,
        },
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

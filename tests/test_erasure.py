"""Deleting a session or a case leaves nothing of it readable in the database's files
(SQLite: the database, its write-ahead log and shared memory), not even its ciphertext.
PostgreSQL keeps deleted rows until VACUUM reuses the space; docs/deployment.md says so."""

import json
import subprocess
import sys

from tests.test_settings import ROOT, production_environment


def test_exit_and_erasing_a_case_leave_nothing_in_the_sqlite_files(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = production_environment(
        {"DEBUG": "true", "DATABASE_URL": f"sqlite:///{database}", "PYTHONPATH": str(ROOT)}
    )
    result = subprocess.run(
        [sys.executable, "-m", "tests.erasure_probe", str(database)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["erased"] == 302
    assert report["secure_delete"] == 1
    # The probe can see them while they exist...
    assert report["before"] == {"session": True, "case": True}
    # ...and nothing once they are deleted.
    assert report["after"] == {"session": False, "case": False, "sentinel": False}

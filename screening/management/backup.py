"""Back up and restore the database the service is using (docs/safety.md D28).

SQLite is copied page by page with its online backup API, so a backup taken
while the service runs is consistent. PostgreSQL goes through ``pg_dump -Fc``
and ``pg_restore --clean --if-exists``, found on PATH; the connection details
reach them through the standard ``PG*`` environment variables, never the
command line, where other users of the machine could read a password.

A backup holds everything in the database, sessions and (encrypted) case data
included: it is written readable by its owner only.
"""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connections

BACKUP_FILE_MODE = 0o600


def _vendor(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise CommandError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _postgres_environment(alias: str) -> dict[str, str]:
    settings_dict = connections[alias].settings_dict
    variables = {
        "PGHOST": settings_dict.get("HOST") or "",
        "PGPORT": str(settings_dict.get("PORT") or ""),
        "PGUSER": settings_dict.get("USER") or "",
        "PGPASSWORD": settings_dict.get("PASSWORD") or "",
        "PGDATABASE": settings_dict["NAME"],
    }
    return {**os.environ, **{name: value for name, value in variables.items() if value}}


def _run(arguments: list[str], alias: str) -> None:
    try:
        subprocess.run(  # noqa: S603 - fixed programs, arguments built here
            arguments,
            env=_postgres_environment(alias),
            check=True,
            capture_output=True,
            text=True,
        )
    except FileNotFoundError as error:
        raise CommandError(f"{arguments[0]} was not found on PATH.") from error
    except subprocess.CalledProcessError as error:
        raise CommandError(f"{arguments[0]} failed: {error.stderr.strip()}") from error


def _sqlite_connection(alias: str) -> sqlite3.Connection:
    connection = connections[alias]
    connection.ensure_connection()
    return connection.connection


def back_up(path: Path, *, alias: str = "default") -> None:
    """Write a consistent copy of database ``alias`` to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=BACKUP_FILE_MODE, exist_ok=True)
    path.chmod(BACKUP_FILE_MODE)
    if _vendor(alias) == "sqlite":
        target = sqlite3.connect(path)
        try:
            _sqlite_connection(alias).backup(target)
        finally:
            target.close()
    else:
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"], alias
        )


def restore(path: Path, *, alias: str = "default") -> None:
    """Replace the contents of database ``alias`` with the backup at ``path``."""
    if not path.is_file():
        raise CommandError(f"There is no backup at {path}.")
    if _vendor(alias) == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(_sqlite_connection(alias))
        finally:
            source.close()
    else:
        connections[alias].close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connections[alias].settings_dict['NAME']}",
                str(path),
            ],
            alias,
        )

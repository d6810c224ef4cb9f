"""Deleted means gone from the database files, not just from the tables (docs/safety.md).

On SQLite, ``PRAGMA secure_delete`` (set for every connection in settings) overwrites a
deleted row's bytes in the database file, but the write-ahead log keeps older copies of the
page until it is checkpointed and reset. After anything is deleted that held a person's
answers or a case (a session ended, a case erased or expired), ``let_go_of_deleted_rows``
checkpoints the log and truncates it to nothing, once the deletion has been committed.

On PostgreSQL a deleted row stays in its table's pages until VACUUM (autovacuum) frees the
space, and the bytes stay until the space is reused; the write-ahead log keeps them until its
segments are recycled, and any WAL archive or backup keeps them as long as it is kept.
Nothing the application can do reaches those, which is why sessions and case fields are
encrypted at rest: what is left behind is ciphertext. docs/deployment.md says what to run.
"""

from django.db import connections, transaction

TRUNCATE_LOG = "PRAGMA wal_checkpoint(TRUNCATE)"


def _checkpoint(using: str) -> None:
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(TRUNCATE_LOG)
        cursor.fetchall()


def let_go_of_deleted_rows(using: str = "default") -> None:
    """Once the current transaction commits (at once, outside one), make sure nothing
    deleted can still be read from the database's files (SQLite; see the docstring)."""
    if connections[using].vendor != "sqlite":
        return
    transaction.on_commit(lambda: _checkpoint(using), using=using)

"""The functions that write kept records: keep, open, save, change the passphrase, delete.

Each takes the derived :class:`~crypto.Keys`, never the passphrase, and a row that is past its
expiry is treated exactly like one that does not exist.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from screening.saved_records import contents as kept_contents
from screening.saved_records.contents import Contents
from screening.saved_records.crypto import CannotOpen, Keys, seal, unseal
from screening.saved_records.models import KeptRecord


class NotOpened(Exception):
    """No record opens with this passphrase. Deliberately says no more than that."""


@dataclass(frozen=True)
class Saved:
    contents: Contents
    expires_on: dt.date


def today() -> dt.date:
    return timezone.now().date()  # in UTC: the row's dates say nothing about where anyone is


def expiry(on: dt.date) -> dt.date:
    return on + dt.timedelta(days=settings.SAVED_RECORD_DAYS)


def _live(keys: Keys):
    return KeptRecord.objects.filter(finder=keys.finder, expires_on__gte=today())


def _read(row: KeptRecord, keys: Keys) -> Contents:
    try:
        return kept_contents.from_bytes(unseal(keys, bytes(row.ciphertext)))
    except (CannotOpen, kept_contents.Unreadable):
        raise NotOpened from None


def keep(*, keys: Keys, contents: Contents) -> Saved:
    """A new kept record holding ``contents``."""
    on = today()
    KeptRecord.objects.create(
        finder=keys.finder,
        ciphertext=seal(keys, kept_contents.to_bytes(contents)),
        created_on=on,
        expires_on=expiry(on),
    )
    return Saved(contents, expiry(on))


@transaction.atomic
def open_record(*, keys: Keys) -> Saved:
    """The record's contents, with this opening added to its history, or ``NotOpened``."""
    row = _live(keys).select_for_update().first()
    if row is None:
        raise NotOpened
    opened = _read(row, keys).with_opening(timezone.now())
    row.ciphertext = seal(keys, kept_contents.to_bytes(opened))
    row.expires_on = expiry(today())
    row.save(update_fields=["ciphertext", "expires_on"])
    return Saved(opened, row.expires_on)


def read_record(*, keys: Keys) -> Contents:
    """The record's contents, leaving the row exactly as it is (for an advocate's import)."""
    row = _live(keys).first()
    if row is None:
        raise NotOpened
    return _read(row, keys)


def save(*, keys: Keys, contents: Contents) -> Saved | None:
    """Replace the record's contents; ``None`` if it no longer exists (deleted elsewhere)."""
    on = today()
    updated = _live(keys).update(
        ciphertext=seal(keys, kept_contents.to_bytes(contents)), expires_on=expiry(on)
    )
    return Saved(contents, expiry(on)) if updated else None


def change_passphrase(*, old: Keys, new: Keys, contents: Contents) -> Saved | None:
    """Move the record to the new passphrase: from now on only ``new`` finds and opens it."""
    on = today()
    updated = _live(old).update(
        finder=new.finder,
        ciphertext=seal(new, kept_contents.to_bytes(contents)),
        expires_on=expiry(on),
    )
    return Saved(contents, expiry(on)) if updated else None


def delete(*, keys: Keys) -> None:
    KeptRecord.objects.filter(finder=keys.finder).delete()


def delete_unopened(*, on: dt.date) -> int:
    """Delete every record not opened or changed for ``SAVED_RECORD_DAYS`` before ``on``."""
    deleted, _ = KeptRecord.objects.filter(expires_on__lt=on).delete()
    return deleted

"""Double submission makes one record (docs/safety.md C27).

A form that creates something carries a one-time token. The first submission stores
the token in the same transaction as the new record; a second submission with the
same token (a double click, a resend after a timeout) finds it and is sent where the
first one went, instead of creating a copy.
"""

import hashlib
import secrets

from django.db import IntegrityError, transaction

from casework.models import SubmissionToken

FIELD = "submission_token"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _key(user, token: str) -> str:
    """What is stored for ``token``: one key per advocate, of a fixed length.

    A token is whatever the form sent. Stored as it came, one advocate's token would
    block another's form that happened to send the same one, and a long one would not
    fit the column.
    """
    return hashlib.sha256(f"{user.pk}:{token}".encode()).hexdigest()


def already_done(user, token: str) -> str | None:
    """Where the first submission with ``token`` went, if there was one."""
    found = SubmissionToken.objects.filter(token=_key(user, token), user=user).first()
    return found.redirect_to if found else None


def claim(user, token: str, redirect_to: str) -> bool:
    """Inside the transaction that creates the record: False if the token is taken."""
    try:
        with transaction.atomic():
            SubmissionToken.objects.create(
                token=_key(user, token), user=user, redirect_to=redirect_to
            )
    except IntegrityError:
        return False
    return True


class Duplicate(Exception):
    """Raised inside the creating transaction to roll it back: the token was taken."""


def claim_or_roll_back(user, token: str, redirect_to: str) -> None:
    """Claim ``token`` or raise ``Duplicate``, so the enclosing ``atomic`` block rolls back;
    catch it outside the block and redirect to ``already_done`` (which then sees the first
    submission's committed row)."""
    if not claim(user, token, redirect_to):
        raise Duplicate

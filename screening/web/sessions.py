"""The idle clock: a session ends a set time after the last activity, never later.

Every session ends ``SESSION_COOKIE_AGE`` seconds after it was last written. Django can keep
the clock exact by writing the session row on every request (``SESSION_SAVE_EVERY_REQUEST``),
even for a page view that changed nothing: a database write on every page. Instead,
:class:`IdleClockMiddleware` marks an unchanged session for saving only when the expiry it
holds is ``SESSION_REFRESH_SECONDS`` or more behind the one a write would give. Anything that
changes the session is written at once, as always.

The trade is made in the safe direction: a session can end up to ``SESSION_REFRESH_SECONDS``
*sooner* than the idle limit after the last page view, never later. The idle warning reads
the real time left from :meth:`SessionStore.seconds_left`, so it still appears two minutes
before the end. See docs/decisions/0005-session-writes.md.

A session's contents are encrypted at rest (Fernet: AES and an HMAC) under keys derived
with HKDF from each ``FIELD_ENCRYPTION_KEYS`` key for this one purpose, never from
``SECRET_KEY``: someone with the database, a backup or a copy of its files cannot read the
answers of a person part-way through. The first key encrypts; every configured key decrypts,
so the keys rotate as the case fields' do. A session that no configured key can read is
treated as empty, as Django treats a session whose signature does not match.

Deleting a session (Exit, signing out, an expired one cleared) asks the database to let
go of what it held: see ``screening.web.erasure``.
"""

import base64
import logging
from datetime import UTC, datetime, timedelta
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.contrib.sessions.backends import db
from django.core.signals import setting_changed
from django.db import connections, router
from django.utils import timezone

from screening.web import erasure

logger = logging.getLogger(__name__)
_PURPOSE = b"screening.web.sessions: the contents of a session at rest"

DEFAULT_REFRESH_SECONDS = 60


@cache
def _cipher() -> MultiFernet:
    """One Fernet key per ``FIELD_ENCRYPTION_KEYS`` key, derived for sessions only."""
    derived = []
    for key in settings.FIELD_ENCRYPTION_KEYS:
        material = base64.urlsafe_b64decode(key)
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE)
        derived.append(Fernet(base64.urlsafe_b64encode(hkdf.derive(material))))
    return MultiFernet(derived)


def _forget_cipher(*, setting, **kwargs):
    if setting == "FIELD_ENCRYPTION_KEYS":
        _cipher.cache_clear()


setting_changed.connect(_forget_cipher)


def refresh_interval() -> timedelta:
    return timedelta(seconds=getattr(settings, "SESSION_REFRESH_SECONDS", DEFAULT_REFRESH_SECONDS))


class SessionStore(db.SessionStore):
    """Django's database session store, remembering the expiry it read from the row."""

    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._stored_expiry: datetime | None = None

    def _get_session_from_db(self):
        """The live row for this key, read with one plain query.

        Every page reads its session, so this is the service's busiest query. Django's store
        builds it through the ORM each time, which on PostgreSQL costs about four times the
        query itself (about 0.35 ms against 0.09 ms); the SQL here is the same statement.
        """
        model = self.model
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        # Names from the model, quoted by the backend; the values are parameters.
        query = (
            f"SELECT {quote('session_data')}, {quote('expire_date')} "  # noqa: S608
            f"FROM {quote(model._meta.db_table)} "
            f"WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s"
        )
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(query, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            self._stored_expiry = None
            return None
        data, expiry = row
        self._stored_expiry = _aware(expiry)
        return model(
            session_key=self.session_key, session_data=data, expire_date=self._stored_expiry
        )

    def encode(self, session_dict) -> str:
        """The session's contents, encrypted (see the module docstring)."""
        return _cipher().encrypt(self.serializer().dumps(session_dict)).decode("ascii")

    def decode(self, session_data) -> dict:
        try:
            return self.serializer().loads(_cipher().decrypt(session_data.encode("ascii")))
        except (InvalidToken, UnicodeEncodeError, ValueError):
            # A session from before encryption, or under a key no longer configured: like a
            # session with a bad signature, it is treated as empty (and never logged).
            logger.warning("A session could not be decrypted and was treated as empty")
            return {}

    def save(self, must_create=False):
        super().save(must_create=must_create)
        self._stored_expiry = self.get_expiry_date()

    def delete(self, session_key=None):
        super().delete(session_key)
        erasure.let_go_of_deleted_rows()

    @classmethod
    def clear_expired(cls):
        super().clear_expired()
        erasure.let_go_of_deleted_rows()

    def clock_is_stale(self) -> bool:
        """Whether the stored expiry is far enough behind to be worth a write."""
        self._get_session()  # reads the row, and its expiry, if nothing has yet
        if self.session_key is None or self._stored_expiry is None:
            return False
        return self.get_expiry_date() - self._stored_expiry >= refresh_interval()

    def will_be_written(self) -> bool:
        return self.modified or self.session_key is None or self.clock_is_stale()

    def seconds_left(self) -> int:
        """Seconds until this session ends if nothing else happens after this response."""
        if self.will_be_written():
            return self.get_expiry_age()
        return max(int((self._stored_expiry - timezone.now()).total_seconds()), 0)

    def ends_at(self) -> datetime:
        """When this session ends if nothing else happens: what a page without script says."""
        return timezone.now() + timedelta(seconds=self.seconds_left())


def _aware(value: datetime) -> datetime:
    """A stored expiry as an aware datetime (SQLite gives back naive UTC)."""
    return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)


class IdleClockMiddleware:
    """Restart a session's idle clock when it has moved on enough to be worth a write.

    Sits inside Django's ``SessionMiddleware``, which saves a session marked as modified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        if not session.modified and session.session_key and session.clock_is_stale():
            session.modified = True
        return response

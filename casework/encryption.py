"""Encryption at rest for case data, with keys that can be rotated.

Keys come from ``settings.FIELD_ENCRYPTION_KEYS`` (never ``SECRET_KEY``): the first
encrypts, every key decrypts, so a new key can be put first and the old data
re-encrypted later with ``manage.py rotate_encryption_keys``.

A value that no key can decrypt raises ``UndecryptableValue``. Nothing ever returns
ciphertext as if it were text, and nothing re-encrypts what it could not read
(docs/safety.md C18).
"""

import json
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.db import models


class UndecryptableValue(Exception):
    """Stored data that none of the configured keys can decrypt: a wrong or missing key."""


@cache
def _cipher() -> MultiFernet:
    keys = settings.FIELD_ENCRYPTION_KEYS
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty.")
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "Each FIELD_ENCRYPTION_KEYS entry must be a Fernet key "
            "(32 url-safe base64-encoded bytes)."
        ) from error


def _forget_cipher(*, setting, **kwargs):
    if setting == "FIELD_ENCRYPTION_KEYS":
        _cipher.cache_clear()


setting_changed.connect(_forget_cipher)


def encrypt(text: str) -> str:
    return _cipher().encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _cipher().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeEncodeError) as error:
        raise UndecryptableValue(
            "A stored value could not be decrypted with any FIELD_ENCRYPTION_KEYS key."
        ) from error


def rotate(token: str) -> str:
    """The same plaintext under the first key. Fails loudly on an unreadable token."""
    try:
        return _cipher().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeEncodeError) as error:
        raise UndecryptableValue(
            "A stored value could not be decrypted with any FIELD_ENCRYPTION_KEYS key."
        ) from error


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


class EncryptedTextField(models.TextField):
    """Text kept as a Fernet token. It cannot be searched or ordered in SQL.

    Every value is encrypted, the empty string too, so a row does not show which
    fields were filled in.
    """

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        return encrypt(self.to_python(value))

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return decrypt(value)


class EncryptedJSONField(models.TextField):
    """A JSON document (answers, contact routes, log entries) kept as one Fernet token."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def get_prep_value(self, value):
        if value is None:
            return None
        return encrypt(json.dumps(value, separators=(",", ":"), sort_keys=True))

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return json.loads(decrypt(value))

    def to_python(self, value):
        return value

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj))


def encrypted_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField | EncryptedJSONField)
    ]

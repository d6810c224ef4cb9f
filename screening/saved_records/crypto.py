"""From a passphrase to a finder and a key, and sealing the contents with them.

One Argon2id derivation of 64 bytes: the first 32 are the *finder*, stored in the row to find it
again; the last 32 are the AES-256-GCM *key*, never stored anywhere but the person's session.
Knowing the finder says nothing about the key (they are separate parts of one hash output), so
the row can be found but not read. The salt is fixed for the service: a per-record salt would
need the row first, and the row can only be found from the passphrase. Generated passphrases of
77.5 bits make a fixed salt safe; see docs/decisions/0007-a-kept-record-without-an-account.md.

The sealed form is ``version (1 byte) || nonce (12 bytes) || ciphertext and tag``, with the
version and the finder as associated data, so a row's ciphertext cannot be moved to another row.
Anything that does not open exactly raises :class:`CannotOpen`: never a partial result.
"""

import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

VERSION = b"\x01"
NONCE_BYTES = 12
TAG_BYTES = 16
#: Fixed for the service: changing it (or COST) makes every kept record unreachable.
SALT = b"kept-record/argon2id/v1"


@dataclass(frozen=True)
class Cost:
    memory_kib: int
    iterations: int
    lanes: int


#: The one place the Argon2id cost lives. 64 MiB and 3 passes is RFC 9106's second
#: recommended setting (with one lane: the same work for an attacker, done on one core here).
#: docs/performance.md has what one derivation costs and what guessing would.
RFC_9106 = Cost(memory_kib=64 * 1024, iterations=3, lanes=1)
COST = RFC_9106


class CannotOpen(Exception):
    """The sealed contents do not open with this key: wrong, tampered with, or cut short."""


@dataclass(frozen=True)
class Keys:
    finder: bytes
    key: bytes

    def __repr__(self) -> str:  # never print a key, not even in a traceback
        return "Keys(...)"


def derive(passphrase: str, *, cost: Cost | None = None) -> Keys:
    cost = cost or COST
    output = Argon2id(
        salt=SALT,
        length=64,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    ).derive(passphrase.encode("utf-8"))
    return Keys(finder=output[:32], key=output[32:])


def seal(keys: Keys, plaintext: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return VERSION + nonce + AESGCM(keys.key).encrypt(nonce, plaintext, VERSION + keys.finder)


def unseal(keys: Keys, sealed: bytes) -> bytes:
    if len(sealed) < 1 + NONCE_BYTES + TAG_BYTES or sealed[:1] != VERSION:
        raise CannotOpen
    nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
    try:
        return AESGCM(keys.key).decrypt(nonce, body, VERSION + keys.finder)
    except InvalidTag:
        raise CannotOpen from None

"""Passphrases: six words drawn at random from the EFF large word list.

The list (7,776 words, published by the Electronic Frontier Foundation for exactly this) is
read from the ``xkcdpass`` package, not copied into the repository. Six words chosen with
``secrets`` give 6 × log2(7776) ≈ 77.5 bits, above the 70 the service promises.
"""

import math
import re
import secrets
from functools import cache
from importlib.resources import files

WORD_COUNT = 6
_SEPARATORS = re.compile(r"[\s,.;:]+")


@cache
def words() -> tuple[str, ...]:
    text = (files("xkcdpass") / "static" / "eff-long").read_text(encoding="utf-8")
    return tuple(sorted({line.strip() for line in text.splitlines() if line.strip()}))


def bits() -> float:
    """The entropy of a passphrase made here, in bits."""
    return WORD_COUNT * math.log2(len(words()))


def new_passphrase() -> str:
    word_list = words()
    return " ".join(secrets.choice(word_list) for _ in range(WORD_COUNT))


def normalise(typed: str) -> str:
    """The passphrase as it was made, from what someone typed: any case, any spacing, commas
    or full stops between the words."""
    return " ".join(word for word in _SEPARATORS.split(typed.strip().lower()) if word)


def looks_like_one(passphrase: str) -> bool:
    """Whether ``passphrase`` (normalised) is six words from the list: anything else could
    never open a record, so it is refused without any work."""
    found = passphrase.split(" ")
    known = set(words())
    return len(found) == WORD_COUNT and all(word in known for word in found)

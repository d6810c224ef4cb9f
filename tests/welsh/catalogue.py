"""The Welsh catalogue, read as the tests need it: its entries, and the English wording that
must not be seen on a Welsh page."""

import re
from functools import cache
from pathlib import Path

import polib

from screening import questions

CATALOGUE = (
    Path(__file__).resolve().parents[2]
    / "screening"
    / "locale"
    / "cy"
    / "LC_MESSAGES"
    / "django.po"
)
#: Placeholders and markup inside a message: English is looked for only between them.
_BETWEEN = re.compile(r"%\([a-z_0-9]+\)[sdif]|%%?\{[a-z_0-9]*\}|%[sdif]|\{[a-z_0-9]*\}|<[^>]*>|%%")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Names kept in English in Welsh text, as the glossary says (docs/welsh.md).
PROPER_NAMES = (
    "National Stalking Helpline",
    "Suzy Lamplugh Trust",
    "Paladin National Stalking Advocacy Service",
)


@cache
def entries() -> tuple[polib.POEntry, ...]:
    return tuple(entry for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete)


def _pieces(message: str) -> list[str]:
    return [" ".join(piece.split()) for piece in _BETWEEN.split(message)]


def canonical_wording() -> list[str]:
    """The checklist's own English questions, which may stand beside the Welsh."""
    return [piece for q in questions.BANK for piece in _pieces(str(q.canonical)) if piece]


def _excused(phrase: str) -> bool:
    return any(phrase in allowed for allowed in (*canonical_wording(), *PROPER_NAMES))


@cache
def english_phrases() -> tuple[str, ...]:
    """Every run of three or more English words in the catalogue's messages (between their
    placeholders), unless the Welsh keeps it or it is the checklist's or a proper name."""
    phrases = set()
    for entry in entries():
        kept_in_english = entry.msgstr == entry.msgid
        for message in (entry.msgid, entry.msgid_plural):
            for piece in _pieces(message or ""):
                if len(_WORD.findall(piece)) >= 3 and not kept_in_english and not _excused(piece):
                    phrases.add(piece)
    return tuple(sorted(phrases, key=len, reverse=True))

"""What a kept record holds, and the checks it passes on the way back.

The answers, the incident entries and the police details exactly as the session keeps them
(primitives), plus the last few times the record was opened. Coming back, the structure is
checked here as a whole before anything reaches the session, and every value is then re-read
through the same forms as any session value (``answers.revalidate``,
``incidents.from_primitives``, the police details form): nothing is half-restored, and nothing
unchecked reaches a page.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from screening.answers import ANSWERS_KEY, POLICE_DETAILS_KEY, STARTED_KEY
from screening.incidents.session_log import INCIDENTS_KEY, MAX_ENTRIES

FORMAT = 1
#: The session values a kept record carries.
SESSION_KEYS = (ANSWERS_KEY, INCIDENTS_KEY, POLICE_DETAILS_KEY)
#: How many openings the record remembers, newest first.
HISTORY_LENGTH = 5
#: The largest record: 100 entries at every field's limit (about 9,500 characters each, up to
#: 4 bytes a character) with the answers and details, rounded up. Anything larger is refused.
MAX_BYTES = 6 * 1024 * 1024


class Unreadable(Exception):
    """The contents are not a kept record of a form this version understands."""


class TooLarge(Exception):
    pass


@dataclass(frozen=True)
class Contents:
    answers: dict = field(default_factory=dict)
    incidents: list = field(default_factory=list)
    police_details: dict = field(default_factory=dict)
    #: When the record was opened, newest first (ISO 8601, UTC).
    opened: tuple[str, ...] = ()

    def with_opening(self, when: datetime) -> "Contents":
        history = (when.isoformat(timespec="seconds"), *self.opened)[:HISTORY_LENGTH]
        return Contents(self.answers, self.incidents, self.police_details, history)

    def with_history(self, opened) -> "Contents":
        return Contents(self.answers, self.incidents, self.police_details, tuple(opened))

    def openings(self) -> list[datetime]:
        return [datetime.fromisoformat(value) for value in self.opened]


def from_session(session) -> Contents:
    def stored(key, kind):
        value = session.get(key)
        return value if isinstance(value, kind) else kind()

    return Contents(
        answers=stored(ANSWERS_KEY, dict),
        incidents=stored(INCIDENTS_KEY, list),
        police_details=stored(POLICE_DETAILS_KEY, dict),
    )


def into_session(session, contents: Contents) -> None:
    """Put the record's values in the session, replacing whatever was there, all at once."""
    session[ANSWERS_KEY] = contents.answers
    session[INCIDENTS_KEY] = contents.incidents
    session[POLICE_DETAILS_KEY] = contents.police_details
    session[STARTED_KEY] = True


def digest(contents: Contents) -> str:
    """A fingerprint of what would be saved, to tell whether anything changed (the history of
    openings aside)."""
    values = [contents.answers, contents.incidents, contents.police_details]
    canonical = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def to_bytes(contents: Contents) -> bytes:
    document = {
        "format": FORMAT,
        "answers": contents.answers,
        "incidents": contents.incidents,
        "police_details": contents.police_details,
        "opened": list(contents.opened),
    }
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise TooLarge
    return data


def from_bytes(data: bytes) -> Contents:
    if len(data) > MAX_BYTES:
        raise Unreadable
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Unreadable from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise Unreadable
    answers = document.get("answers")
    incidents = document.get("incidents")
    police_details = document.get("police_details")
    opened = document.get("opened")
    if not (
        isinstance(answers, dict)
        and all(isinstance(value, dict) for value in answers.values())
        and isinstance(incidents, list)
        and len(incidents) <= MAX_ENTRIES
        and all(isinstance(entry, dict) for entry in incidents)
        and isinstance(police_details, dict)
        and all(isinstance(value, str) for value in police_details.values())
        and isinstance(opened, list)
        and len(opened) <= HISTORY_LENGTH
        and all(_is_time(value) for value in opened)
    ):
        raise Unreadable
    return Contents(answers, incidents, police_details, tuple(opened))


def _is_time(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True

"""One entry in an incident log (a stalking diary), and its safe round trip to primitives.

Helplines tell people being stalked to write down each incident at the time: when and where,
what was said or done, which behaviour it was, how it affected them, who saw it, what evidence
they kept and whether they reported it. An ``Incident`` holds exactly that, as plain values.

Where the behaviours come from: the question bank's behaviour choices, so an entry uses the same
values (and the same link to the example acts in s.2A(3) of the Protection from Harassment Act
1997, and the same groups) as the screening itself. Nothing here is duplicated from
``questions``.

Stored logs (the anonymous person's session, the advocate's encrypted case) hold
``to_primitives(incident)``: a dict of strings, booleans and lists only. Reading back goes through
``from_primitives``, which checks every value and raises ``InvalidIncident`` rather than let
tampered or stale data reach the pattern, a page or a PDF.

Pure Python: no Django. Text shown to people is wrapped in ``_()`` and translated where shown.
"""

import re
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from types import MappingProxyType

from screening import questions
from screening.markers import _

# --- Limits ----------------------------------------------------------------------------------
# The form and the CSV import check these with a clear message; stored data over a limit is
# refused on read.

PLACE_MAX_LENGTH = 200
WHAT_HAPPENED_MAX_LENGTH = 5000
EFFECT_DETAILS_MAX_LENGTH = 1000
WITNESSES_MAX_LENGTH = 1000
EVIDENCE_MAX_LENGTH = 1000
OFFICER_MAX_LENGTH = 100
CRIME_REFERENCE_MAX_LENGTH = 40

#: Free-text fields and their limits, in the order an entry shows them.
TEXT_LIMITS: Mapping[str, int] = MappingProxyType(
    {
        "place": PLACE_MAX_LENGTH,
        "what_happened": WHAT_HAPPENED_MAX_LENGTH,
        "effect_details": EFFECT_DETAILS_MAX_LENGTH,
        "witnesses": WITNESSES_MAX_LENGTH,
        "evidence": EVIDENCE_MAX_LENGTH,
        "officer": OFFICER_MAX_LENGTH,
        "crime_reference": CRIME_REFERENCE_MAX_LENGTH,
    }
)

#: The earliest year an entry may be dated (anything earlier is a typing slip).
EARLIEST_YEAR = 1900

# --- Choices ---------------------------------------------------------------------------------


def behaviour_choices() -> Mapping[str, questions.Choice]:
    """The bank's behaviour choices, by value: each has its display ``group``, its s.2A(3)
    ``act`` and its pattern ``roles``. ("None of these" is an answer on the behaviours page, not
    a behaviour, so it is not here.)"""
    return questions.BANK.behaviours


FEARED_YES = "yes"
FEARED_NO = "no"
FEARED_NOT_SURE = "not_sure"

#: Did this incident make the person fear violence would be used against them? The answer
#: matters in law: fear of violence on at least two occasions is stalking under s.4A(1)(b)(i).
FEARED_VIOLENCE: Mapping[str, str] = MappingProxyType(
    {
        FEARED_YES: _("Yes"),
        FEARED_NO: _("No"),
        FEARED_NOT_SURE: _("I’m not sure"),
    }
)

#: Effects on day-to-day life, the examples of "substantial adverse effect" behind s.4A(1)(b)(ii).
#: They record what the stalking has caused; they are never advice to do any of these things.
DAILY_LIFE_EFFECTS: Mapping[str, str] = MappingProxyType(
    {
        "routes": _("Changed the way you travel, or your routine"),
        "moved": _("Moved home, or stayed somewhere else"),
        "security": _("Added security, such as locks, cameras or alarms"),
        "work": _("Gave up or changed work or studies"),
        "health": _("Affected your physical or mental health, or your sleep"),
        "other": _("Something else"),
    }
)


_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{4,32}")
_TIME_PATTERN = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_ALLOWED_CONTROL_CHARACTERS = frozenset("\n\r\t")
#: Invisible formatting characters that real text needs: the zero-width joiner (emoji such as
#: 👩🏽‍💻) and non-joiner (Persian, Indic scripts).
_ALLOWED_FORMAT_CHARACTERS = frozenset("\u200c\u200d")
#: A subdivision flag (Wales, Scotland, England): a black flag, tag letters, a cancel tag.
_FLAG_TAG_SEQUENCE = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")


#: ``Incident.time`` shares its name with the type, so the annotation uses this alias.
TimeOfDay = time


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and _ID_PATTERN.fullmatch(value) is not None


def new_id() -> str:
    """A short random token: unguessable, neutral in a URL, and unique within any one log."""
    return secrets.token_urlsafe(6)


@dataclass(frozen=True)
class Incident:
    """One incident, as the person (or their advocate) recorded it.

    Only ``occurred_on`` and ``what_happened`` are required; everything else may be empty.
    ``time`` is ``None`` when not known; ``approximate`` says the date or time is a best guess.
    ``signs`` are the numbers of the warning signs this incident supports.
    """

    occurred_on: date
    what_happened: str
    id: str = field(default_factory=new_id)
    time: TimeOfDay | None = None
    approximate: bool = False
    place: str = ""
    behaviours: tuple[str, ...] = ()
    feared_violence: str = ""
    daily_life_effects: tuple[str, ...] = ()
    effect_details: str = ""
    witnesses: str = ""
    evidence: str = ""
    #: ``None`` when the question was left blank: not the same as "No".
    reported_to_police: bool | None = None
    officer: str = ""
    crime_reference: str = ""
    signs: tuple[int, ...] = ()

    @property
    def sort_key(self) -> tuple:
        """Date order; within a day, timed entries in time order before untimed ones."""
        return (self.occurred_on, self.time is None, self.time or time.min)

    @property
    def acts(self) -> tuple[str, ...]:
        """The s.2A(3) letters (a to g) this incident's behaviours are examples of, in order."""
        letters = {behaviour_choices()[value].act for value in self.behaviours} - {""}
        return tuple(sorted(letters))

    @property
    def groups(self) -> tuple[str, ...]:
        """The behaviour group keys this incident falls into, in the bank's order."""
        present = {behaviour_choices()[value].group for value in self.behaviours}
        return tuple(key for key, _label in questions.BEHAVIOUR_GROUPS if key in present)


def in_date_order(incidents: Sequence[Incident]) -> tuple[Incident, ...]:
    return tuple(sorted(incidents, key=lambda incident: incident.sort_key))


# --- Validation ------------------------------------------------------------------------------


class InvalidIncident(ValueError):
    """Stored or imported data that is not a valid incident. ``field`` names the bad value;
    the message never quotes the value itself, so it is safe to log."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


def _is_hidden(character: str) -> bool:
    category = unicodedata.category(character)
    if category == "Cc":
        return character not in _ALLOWED_CONTROL_CHARACTERS
    if category == "Cf":
        return character not in _ALLOWED_FORMAT_CHARACTERS
    return category in ("Zl", "Zp")


def has_hidden_characters(text: str) -> bool:
    """Whether ``text`` holds a character that is invisible or changes how the text around it
    is shown, none of which has a place in anything someone types here:

    - control characters (``Cc``) other than a new line, carriage return or tab;
    - format characters (``Cf``): the bidirectional controls (U+202A to U+202E, U+2066 to
      U+2069) and marks (U+200E, U+200F, U+061C), which can reverse a whole sentence a name is
      put into; zero-width spaces and joiners (U+200B, U+2060, U+FEFF); the soft hyphen; and
      the rest of the class, except the zero-width joiner and non-joiner that emoji and some
      scripts need, and the tags inside a subdivision flag such as Wales's;
    - the line and paragraph separators (U+2028, U+2029), which break lines where no new line
      was typed.
    """
    return any(_is_hidden(character) for character in _FLAG_TAG_SEQUENCE.sub("", text))


def check_text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidIncident(name, "not text")
    if len(value) > TEXT_LIMITS[name]:
        raise InvalidIncident(name, f"longer than {TEXT_LIMITS[name]} characters")
    if has_hidden_characters(value):
        raise InvalidIncident(name, "hidden characters")
    return value


def check_date(value: date, *, today: date | None = None) -> date:
    if value.year < EARLIEST_YEAR:
        raise InvalidIncident("occurred_on", f"before {EARLIEST_YEAR}")
    if today is not None and value > today:
        raise InvalidIncident("occurred_on", "in the future")
    return value


def _strings(name: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise InvalidIncident(name, "not a list of text")
    return tuple(value)


def _choices(name: str, value: object, allowed: Mapping[str, object]) -> tuple[str, ...]:
    chosen = _strings(name, value)
    if any(item not in allowed for item in chosen):
        raise InvalidIncident(name, "unknown choice")
    if len(set(chosen)) != len(chosen):
        raise InvalidIncident(name, "repeated choice")
    # Keep the bank's order, whatever order they were stored in.
    return tuple(key for key in allowed if key in chosen)


def _signs(value: object) -> tuple[int, ...]:
    if not isinstance(value, list | tuple):
        raise InvalidIncident("signs", "not a list")
    if any(
        isinstance(n, bool) or not isinstance(n, int) or n not in questions.BANK.sign_numbers
        for n in value
    ):
        raise InvalidIncident("signs", "not a warning sign number")
    if len(set(value)) != len(value):
        raise InvalidIncident("signs", "repeated number")
    return tuple(sorted(value))


def _bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidIncident(name, "not true or false")
    return value


def _optional_bool(name: str, value: object) -> bool | None:
    """True, false, or ``None`` for a question left unanswered."""
    return None if value is None else _bool(name, value)


def parse_date(value: object) -> date:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise InvalidIncident("occurred_on", "not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidIncident("occurred_on", "not a real date") from None


def parse_time(value: object) -> time | None:
    """``""`` or ``None`` means no time; otherwise a 24-hour ``HH:MM``."""
    if value in ("", None):
        return None
    match = _TIME_PATTERN.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise InvalidIncident("time", "not a 24-hour time written HH:MM")
    return time(int(match[1]), int(match[2]))


def format_time(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


#: Every key ``to_primitives`` writes; ``from_primitives`` refuses any other.
FIELDS = (
    "id",
    "occurred_on",
    "time",
    "approximate",
    "place",
    "what_happened",
    "behaviours",
    "feared_violence",
    "daily_life_effects",
    "effect_details",
    "witnesses",
    "evidence",
    "reported_to_police",
    "officer",
    "crime_reference",
    "signs",
)


def validate(incident: Incident, *, today: date | None = None) -> Incident:
    """Check an incident built in code the same way stored data is checked; return it."""
    return from_primitives(to_primitives(incident), today=today)


def to_primitives(incident: Incident) -> dict[str, object]:
    """The incident as JSON-safe values: strings, booleans, and lists of strings or numbers."""
    return {
        "id": incident.id,
        "occurred_on": incident.occurred_on.isoformat(),
        "time": format_time(incident.time),
        "approximate": incident.approximate,
        "place": incident.place,
        "what_happened": incident.what_happened,
        "behaviours": list(incident.behaviours),
        "feared_violence": incident.feared_violence,
        "daily_life_effects": list(incident.daily_life_effects),
        "effect_details": incident.effect_details,
        "witnesses": incident.witnesses,
        "evidence": incident.evidence,
        "reported_to_police": incident.reported_to_police,
        "officer": incident.officer,
        "crime_reference": incident.crime_reference,
        "signs": list(incident.signs),
    }


def from_primitives(data: object, *, today: date | None = None) -> Incident:
    """Rebuild an incident from ``to_primitives`` output, checking every value.

    Raises ``InvalidIncident`` on anything malformed: a missing or unknown key, a wrong type,
    an impossible date (or, given ``today``, a future one), text over its limit or with control
    characters, an unknown behaviour, effect or warning sign.
    """
    if not isinstance(data, Mapping):
        raise InvalidIncident("incident", "not a mapping")
    missing = [name for name in FIELDS if name not in data]
    if missing:
        raise InvalidIncident(missing[0], "missing")
    unknown = sorted(str(key) for key in data if key not in FIELDS)
    if unknown:
        raise InvalidIncident("incident", "unknown keys")
    incident_id = data["id"]
    if not is_valid_id(incident_id):
        raise InvalidIncident("id", "not a valid identifier")
    feared = data["feared_violence"]
    if feared != "" and feared not in FEARED_VIOLENCE:
        raise InvalidIncident("feared_violence", "unknown choice")
    what_happened = check_text("what_happened", data["what_happened"])
    if not what_happened.strip():
        raise InvalidIncident("what_happened", "empty")
    return Incident(
        id=incident_id,
        occurred_on=check_date(parse_date(data["occurred_on"]), today=today),
        time=parse_time(data["time"]),
        approximate=_bool("approximate", data["approximate"]),
        place=check_text("place", data["place"]),
        what_happened=what_happened,
        behaviours=_choices("behaviours", data["behaviours"], behaviour_choices()),
        feared_violence=feared,
        daily_life_effects=_choices(
            "daily_life_effects", data["daily_life_effects"], DAILY_LIFE_EFFECTS
        ),
        effect_details=check_text("effect_details", data["effect_details"]),
        witnesses=check_text("witnesses", data["witnesses"]),
        evidence=check_text("evidence", data["evidence"]),
        reported_to_police=_optional_bool("reported_to_police", data["reported_to_police"]),
        officer=check_text("officer", data["officer"]),
        crime_reference=check_text("crime_reference", data["crime_reference"]),
        signs=_signs(data["signs"]),
    )

"""The incident log as CSV: export, and an import that is all or nothing.

The columns are documented in docs/incident-log.md; ``COLUMNS`` names one for each stored field
(``incidents.FIELDS``). Lists (the
behaviours, the effects on daily life, the warning signs) are separated by semicolons; yes/no
columns take "yes", "no" or blank (blank is "no"); dates are DD/MM/YYYY (as a spreadsheet in the
UK saves them) or YYYY-MM-DD, and times 24-hour HH:MM.

Spreadsheet programs run a cell as a formula when it begins with ``=``, ``+``, ``-`` or ``@``
(and some also after a tab or carriage return, or after spaces). A spreadsheet that splits text
on another separator (a semicolon, a tab, a pipe, a new line) makes a new cell after each one,
so ``none;=1+1`` can become a formula too. Text in a log is typed by people, and a log may hold
text the person doing this sent, so ``export`` puts an apostrophe at the start of the cell, and
after every comma, semicolon, tab, pipe or line break, wherever what follows (after any spaces)
is one of those characters or an apostrophe: each piece is then shown as text. ``parse`` takes
those apostrophes off again, so export then import gives back exactly the same entries.

``parse`` checks every row and returns either every incident or, for each bad row, the row
number (as a spreadsheet shows it: the header is row 1), the column and what is wrong: every
bad cell of a row, not only the first. Nothing is half-imported.

Pure Python: no Django. Messages are wrapped in ``_()`` and translated where shown.
"""

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from screening import incidents, questions
from screening.incidents import Incident, InvalidIncident
from screening.markers import _

LIST_SEPARATOR = ";"
YES, NO = "yes", "no"
MAX_ROWS = 1000
TEXT_MARKER = "'"
#: Where a spreadsheet may start a new cell: the start, or after a common separator.
_PIECE_START = r"(?:^|(?<=[,;\t|\r\n]))"
#: What, at a piece's start, a spreadsheet could run, or our own marker (so it round-trips).
_RISKY = r"(?:[=+\-@\t\r]|[ \t]*[=+\-@]|')"
_NEEDS_GUARD = re.compile(_PIECE_START + r"(?=" + _RISKY + r")")
_GUARDED = re.compile(_PIECE_START + TEXT_MARKER + r"(?=" + _RISKY + r")")

#: The CSV column each ``Incident`` field is read from, where the names differ.
_COLUMN_FOR_FIELD = {"occurred_on": "date"}
#: One column for each stored field, in the same order.
COLUMNS = tuple(_COLUMN_FOR_FIELD.get(field, field) for field in incidents.FIELDS)

#: What to say about a bad value in each column.
MESSAGES: Mapping[str, str] = MappingProxyType(
    {
        "id": _("The id must be 4 to 32 letters, numbers, dashes or underscores, or blank"),
        "date": _(
            "Enter a real date, today or in the past, written as DD/MM/YYYY or YYYY-MM-DD, "
            "for example 17/10/2026 or 2026-10-17"
        ),
        "time": _("Enter the time as 24-hour HH:MM, for example 21:30, or leave it blank"),
        "approximate": _("Enter yes, no, or leave it blank"),
        "place": _("The place must be %(limit)s characters or fewer, with no hidden characters"),
        "what_happened": _(
            "Describe what happened, in %(limit)s characters or fewer, with no hidden characters"
        ),
        "behaviours": _("Use the behaviour codes in the guide, separated by semicolons"),
        "feared_violence": _("Enter yes, no, not_sure, or leave it blank"),
        "daily_life_effects": _("Use the effect codes in the guide, separated by semicolons"),
        "effect_details": _(
            "The effect details must be %(limit)s characters or fewer, with no hidden characters"
        ),
        "witnesses": _(
            "The witnesses must be %(limit)s characters or fewer, with no hidden characters"
        ),
        "evidence": _(
            "The evidence must be %(limit)s characters or fewer, with no hidden characters"
        ),
        "reported_to_police": _("Enter yes, no, or leave it blank"),
        "officer": _(
            "The officer must be %(limit)s characters or fewer, with no hidden characters"
        ),
        "crime_reference": _(
            "The crime reference must be %(limit)s characters or fewer, with no hidden characters"
        ),
        "signs": _("Use warning sign numbers from 1 to %(highest)s, separated by semicolons"),
    }
)
WRONG_HEADER = _("The first row must name the columns in the guide: %(columns)s")
WRONG_LENGTH = _("This row has %(found)s cells; it should have %(expected)s")
REPEATED_ID = _("This id is already used by row %(row)s")
TOO_MANY_ROWS = _("The file has more than %(limit)s entries")
NOT_CSV = _("The file could not be read as CSV")
NO_ROWS = _("The file has no entries")


@dataclass(frozen=True)
class RowError:
    """What is wrong in one cell (or row, when ``column`` is ""). ``message`` is untranslated
    text; ``params`` fill its ``%(name)s`` placeholders."""

    row: int
    column: str
    message: str
    params: tuple[tuple[str, int | str], ...] = ()


@dataclass(frozen=True)
class ImportResult:
    """Every incident, or the errors and no incidents at all."""

    incidents: tuple[Incident, ...] = ()
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


# --- Export ----------------------------------------------------------------------------------


def guard(cell: str) -> str:
    """Make a cell safe to open in a spreadsheet, however it is split (see the module
    docstring)."""
    return _NEEDS_GUARD.sub(TEXT_MARKER, cell)


def unguard(cell: str) -> str:
    """Undo ``guard``: one apostrophe off each piece that ``guard`` would have marked."""
    return _GUARDED.sub("", cell)


def _yes_no(value: bool | None) -> str:
    """ "yes", "no", or blank for a question left unanswered."""
    if value is None:
        return ""
    return YES if value else NO


def row_for(incident: Incident) -> list[str]:
    """One incident as the cells of a row, in ``COLUMNS`` order, before guarding."""
    data = incidents.to_primitives(incident)
    return [
        incident.id,
        str(data["occurred_on"]),
        str(data["time"]),
        _yes_no(incident.approximate),
        incident.place,
        incident.what_happened,
        LIST_SEPARATOR.join(incident.behaviours),
        incident.feared_violence,
        LIST_SEPARATOR.join(incident.daily_life_effects),
        incident.effect_details,
        incident.witnesses,
        incident.evidence,
        _yes_no(incident.reported_to_police),
        incident.officer,
        incident.crime_reference,
        LIST_SEPARATOR.join(str(number) for number in incident.signs),
    ]


def export(log: Iterable[Incident], *, headings: Mapping[str, str] | None = None) -> str:
    """The log as CSV text (header row first, entries in date order, CRLF line endings).

    ``headings`` names columns in the reader's language ({column: heading}); a column not
    in it is headed by its own name."""
    headings = headings or {}
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL)
    writer.writerow([headings.get(column, column) for column in COLUMNS])
    for incident in incidents.in_date_order(tuple(log)):
        writer.writerow([guard(cell) for cell in row_for(incident)])
    return out.getvalue()


# --- Import ----------------------------------------------------------------------------------


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


class _BadCell(ValueError):
    def __init__(self, column: str) -> None:
        super().__init__(column)
        self.column = column


def _flag(column: str, cell: str) -> bool:
    value = cell.strip().lower()
    if value in ("", NO):
        return False
    if value == YES:
        return True
    raise _BadCell(column)


def _answer(column: str, cell: str) -> bool | None:
    """Like ``_flag``, but a blank cell is a question left unanswered (``None``), not "no"."""
    return None if not cell.strip() else _flag(column, cell)


def _signs(cell: str) -> list[int]:
    parts = _split(cell)
    if not all(part.isdecimal() and part.isascii() for part in parts):
        raise _BadCell("signs")
    return [int(part) for part in parts]


UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)


def _iso_date(cell: str) -> str:
    """17/10/2026 (day first, as UK spreadsheets save dates) as 2026-10-17; anything else as it
    came, for the entry's own check to accept (YYYY-MM-DD) or refuse."""
    value = cell.strip()
    found = UK_DATE.fullmatch(value)
    if found is None:
        return value
    day, month, year = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


#: A valid entry's primitives, for checking one cell at a time (see ``_every_bad_cell``).
def _valid_baseline(today: date) -> dict[str, object]:
    return {
        "id": incidents.new_id(),
        "occurred_on": today.isoformat(),
        "time": "",
        "approximate": False,
        "place": "",
        "what_happened": "-",
        "behaviours": [],
        "feared_violence": "",
        "daily_life_effects": [],
        "effect_details": "",
        "witnesses": "",
        "evidence": "",
        "reported_to_police": False,
        "officer": "",
        "crime_reference": "",
        "signs": [],
    }


def _primitives(cells: Mapping[str, str]) -> dict[str, object]:
    """The row as ``incidents.from_primitives`` takes it; ``_BadCell`` for a flag or the signs
    that cannot be read."""
    return {
        **_primitives_from(cells),
        "id": _id(cells),
        **{field: convert(cells[field]) for field, convert in _CONVERTERS.items()},
    }


def _id(cells: Mapping[str, str]) -> str:
    return cells["id"].strip() or incidents.new_id()


def _cell_error(row: int, column: str) -> RowError:
    limit = incidents.TEXT_LIMITS.get(column, 0)
    if column == "signs":
        return RowError(row, column, MESSAGES[column], (("highest", _highest_sign()),))
    return RowError(row, column, MESSAGES[column], (("limit", limit),) if limit else ())


def _highest_sign() -> int:
    return max(questions.BANK.sign_numbers)


#: The cells that need more than taking the text: the flags and the signs (their columns
#: share the field's name).
_CONVERTERS = {
    "approximate": lambda cell: _flag("approximate", cell),
    "reported_to_police": lambda cell: _answer("reported_to_police", cell),
    "signs": _signs,
}


def _every_bad_cell(row_number: int, cells: Mapping[str, str], today: date) -> list[RowError]:
    """Each bad cell of a row, in column order: every field is checked on its own, beside
    values known to be good, by the same checks the whole entry goes through."""
    baseline = _valid_baseline(today)
    errors = []
    for field in incidents.FIELDS:
        column = _COLUMN_FOR_FIELD.get(field, field)
        try:
            value = _primitives_cell(field, column, cells)
            incidents.from_primitives({**baseline, field: value}, today=today)
        except (_BadCell, InvalidIncident):
            errors.append(_cell_error(row_number, column))
    return errors


def _primitives_cell(field: str, column: str, cells: Mapping[str, str]) -> object:
    if field in _CONVERTERS:
        return _CONVERTERS[field](cells[column])
    if field == "id":
        return _id(cells)
    return _primitives_from(cells)[field]


def _primitives_from(cells: Mapping[str, str]) -> dict[str, object]:
    """The row's dates, lists and text: everything but the id, the flags and the signs (which
    ``_CONVERTERS`` read, and which may be bad)."""
    return {
        "occurred_on": _iso_date(cells["date"]),
        "time": cells["time"].strip(),
        "place": cells["place"],
        "what_happened": cells["what_happened"],
        "behaviours": _split(cells["behaviours"]),
        "feared_violence": cells["feared_violence"].strip().lower(),
        "daily_life_effects": _split(cells["daily_life_effects"]),
        "effect_details": cells["effect_details"],
        "witnesses": cells["witnesses"],
        "evidence": cells["evidence"],
        "officer": cells["officer"],
        "crime_reference": cells["crime_reference"],
    }


def _parse_row(row_number: int, cells: Mapping[str, str], today: date) -> Incident | list[RowError]:
    try:
        return incidents.from_primitives(_primitives(cells), today=today)
    except (_BadCell, InvalidIncident):
        return _every_bad_cell(row_number, cells, today)


def parse(text: str, *, today: date, also_named: Mapping[str, str] | None = None) -> ImportResult:
    """Read CSV text in the documented columns; see the module docstring.

    ``also_named`` gives other headings a column may have, in lower case ({heading: column}):
    a log downloaded in Welsh imports as well as one in English."""
    also_named = also_named or {}
    text = text.removeprefix("\ufeff")  # the byte order mark some spreadsheets add
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return ImportResult(errors=(RowError(0, "", NOT_CSV),))
    # Row numbers as a spreadsheet shows them: the header is row 1. Blank rows are skipped.
    numbered = [(n, row) for n, row in enumerate(rows, start=1) if any(c.strip() for c in row)]
    if not numbered:
        return ImportResult(errors=(RowError(0, "", NO_ROWS),))
    header_number, header_row = numbered[0]
    header = [also_named.get(name, name) for name in (c.strip().lower() for c in header_row)]
    if sorted(header) != sorted(COLUMNS):
        columns = ", ".join(COLUMNS)
        params = (("columns", columns),)
        return ImportResult(errors=(RowError(header_number, "", WRONG_HEADER, params),))
    entries = numbered[1:]
    if not entries:
        return ImportResult(errors=(RowError(0, "", NO_ROWS),))
    if len(entries) > MAX_ROWS:
        return ImportResult(errors=(RowError(0, "", TOO_MANY_ROWS, (("limit", MAX_ROWS),)),))
    found: list[Incident] = []
    errors: list[RowError] = []
    first_row_with: dict[str, int] = {}
    for row_number, row in entries:
        if len(row) != len(COLUMNS):
            errors.append(
                RowError(
                    row_number,
                    "",
                    WRONG_LENGTH,
                    (("found", len(row)), ("expected", len(COLUMNS))),
                )
            )
            continue
        cells = {name: unguard(cell) for name, cell in zip(header, row, strict=True)}
        result = _parse_row(row_number, cells, today)
        if isinstance(result, list):
            errors.extend(result)
        elif result.id in first_row_with:
            errors.append(
                RowError(row_number, "id", REPEATED_ID, (("row", first_row_with[result.id]),))
            )
        else:
            first_row_with[result.id] = row_number
            found.append(result)
    if errors:
        return ImportResult(errors=tuple(errors))
    return ImportResult(incidents=incidents.in_date_order(found))

"""Where a person screening themselves keeps their incident log: the server-side session only.

Like their answers (``answers.SessionAnswers``), the entries are never written to any other table
(docs/safety.md A1) and go when the session goes: on "Exit this page", on "Start again", when the
browser closes, or after the idle time. Entries are stored as ``incidents.to_primitives`` dicts
and every read goes back through ``incidents.from_primitives``, so a tampered or stale entry is
dropped instead of reaching a page or a PDF.
"""

from functools import cached_property

from screening.incidents import (
    Incident,
    InvalidIncident,
    from_primitives,
    in_date_order,
    to_primitives,
)

INCIDENTS_KEY = "incidents"
#: Enough for months of entries, small enough to keep a session row a sensible size.
MAX_ENTRIES = 100


class LogFull(Exception):
    """The log already holds ``MAX_ENTRIES`` entries."""


class SessionIncidentLog:
    """The anonymous person's incident log, held in ``request.session``."""

    def __init__(self, session):
        self.session = session

    @cached_property
    def all(self) -> tuple[Incident, ...]:
        """Every entry that is still valid, in date order."""
        stored = self.session.get(INCIDENTS_KEY)
        if not isinstance(stored, list):
            return ()
        valid = []
        seen = set()
        for item in stored:
            try:
                incident = from_primitives(item)
            except InvalidIncident:
                continue
            if incident.id not in seen:
                seen.add(incident.id)
                valid.append(incident)
        return in_date_order(valid)

    def __len__(self) -> int:
        return len(self.all)

    def __iter__(self):
        return iter(self.all)

    def get(self, incident_id: str) -> Incident | None:
        return next((i for i in self.all if i.id == incident_id), None)

    @property
    def is_full(self) -> bool:
        return len(self.all) >= MAX_ENTRIES

    def add(self, incident: Incident) -> None:
        """Add a new entry; ``LogFull`` when there is no room. An entry whose id is already in
        the log (a double submission) is stored once."""
        if self.get(incident.id) is not None:
            self.replace(incident)
            return
        if self.is_full:
            raise LogFull
        self._write([*self.all, incident])

    def replace(self, incident: Incident) -> None:
        """Put ``incident`` in place of the entry with the same id; ``KeyError`` if none."""
        if self.get(incident.id) is None:
            raise KeyError(incident.id)
        self._write([incident if i.id == incident.id else i for i in self.all])

    def delete(self, incident_id: str) -> None:
        self._write([i for i in self.all if i.id != incident_id])

    def clear(self) -> None:
        self.session.pop(INCIDENTS_KEY, None)
        self.__dict__.pop("all", None)

    def _write(self, incidents) -> None:
        self.session[INCIDENTS_KEY] = [to_primitives(i) for i in in_date_order(incidents)]
        self.__dict__.pop("all", None)

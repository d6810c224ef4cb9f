"""A case's incident log: the same entries as the public record, kept encrypted on the case.

Each entry is one ``CaseIncident`` row whose ``entry`` is the incident as primitives
(``screening.incidents.to_primitives``), encrypted. Entries are read back through
``from_primitives``, which checks every value, and a stored entry that no longer passes
fails loudly rather than being hidden.
"""

from functools import cached_property

from django.db import IntegrityError, transaction

from casework.models import Case, CaseIncident
from screening.incidents import Incident, from_primitives, in_date_order, to_primitives

MAX_ENTRIES = 1000


class LogFull(Exception):
    pass


class CaseIncidentLog:
    def __init__(self, case: Case):
        self.case = case

    @cached_property
    def all(self) -> tuple[Incident, ...]:
        return in_date_order([from_primitives(row.entry) for row in self.case.incidents.all()])

    def __len__(self) -> int:
        return len(self.all)

    def __iter__(self):
        return iter(self.all)

    def get(self, entry_id: str) -> Incident | None:
        return next((i for i in self.all if i.id == entry_id), None)

    def add(self, incident: Incident) -> None:
        """Add an entry. The same entry sent twice (a double click) is stored once."""
        if self.case.incidents.count() >= MAX_ENTRIES:
            raise LogFull
        try:
            with transaction.atomic():
                CaseIncident.objects.create(
                    case=self.case, entry_id=incident.id, entry=to_primitives(incident)
                )
        except IntegrityError:
            self.replace(incident)  # marks the case changed itself
        else:
            self._changed()

    def replace(self, incident: Incident) -> None:
        updated = CaseIncident.objects.filter(case=self.case, entry_id=incident.id).update(
            entry=to_primitives(incident)
        )
        if not updated:
            raise KeyError(incident.id)
        self._changed()

    def delete(self, entry_id: str) -> None:
        CaseIncident.objects.filter(case=self.case, entry_id=entry_id).delete()
        self._changed()

    @transaction.atomic
    def add_all(self, found: tuple[Incident, ...]) -> None:
        """Import: every entry or none. An entry whose id is already in the log replaces it."""
        existing = set(self.case.incidents.values_list("entry_id", flat=True))
        if len(existing | {i.id for i in found}) > MAX_ENTRIES:
            raise LogFull
        for incident in found:
            if incident.id in existing:
                CaseIncident.objects.filter(case=self.case, entry_id=incident.id).update(
                    entry=to_primitives(incident)
                )
            else:
                CaseIncident.objects.create(
                    case=self.case, entry_id=incident.id, entry=to_primitives(incident)
                )
        self._changed()

    def _changed(self) -> None:
        self.__dict__.pop("all", None)
        self.case.touch()

"""Kept records for tests: contents with answers, entries and police details."""

from datetime import date

from screening.incidents import to_primitives
from screening.saved_records.contents import Contents
from tests.incident_examples import FULL, visit

ANSWERS = {
    "about-them": {
        "name": "Alex",
        "relationship": "ex_partner",
        "how_often": "two_to_five",
        "since": "over_year",
    }
}


def contents(*, what_happened="Waited outside the flat", **changes) -> Contents:
    values = {
        "answers": ANSWERS,
        "incidents": [
            to_primitives(FULL),
            to_primitives(visit(date(2026, 10, 10), what_happened=what_happened)),
        ],
        "police_details": {"reference": "CR/123/26"},
    }
    values.update(changes)
    return Contents(**values)

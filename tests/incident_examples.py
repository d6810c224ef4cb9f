"""Incidents for tests, written briefly: ``visit(date(2026, 10, 3))``, ``threat(...)``."""

from datetime import date, time

from screening.incidents import Incident


def entry(day: date, *behaviours: str, **fields) -> Incident:
    return Incident(
        occurred_on=day,
        what_happened=fields.pop("what_happened", "Something happened"),
        behaviours=behaviours,
        **fields,
    )


def visit(day: date, **fields) -> Incident:
    return entry(day, "home", **fields)


def message(day: date, **fields) -> Incident:
    return entry(day, "texts", **fields)


def threat(day: date, **fields) -> Incident:
    return entry(day, "threats", **fields)


FULL = Incident(
    id="abc123XY",
    occurred_on=date(2026, 10, 3),
    time=time(21, 30),
    approximate=True,
    place="Outside the flat",
    what_happened='Said "you will regret it".\nGrey Ford Focus, AB12 CDE.',
    behaviours=("home", "threats"),
    feared_violence="yes",
    daily_life_effects=("routes", "security"),
    effect_details="I cannot sleep",
    witnesses="Neighbour at number 4",
    evidence="Doorbell video, on my laptop",
    reported_to_police=True,
    officer="PC 1234 Smith",
    crime_reference="CR/123/26",
    signs=(4, 6),
)

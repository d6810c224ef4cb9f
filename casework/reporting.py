"""Counts for managers and funders over a period: cases by level, repeat screenings, referrals
by route and by where they stand, orders obtained. Only numbers and the service's own labels
leave this module: no reference, name, note or any other text from a case.

Levels are encrypted, so they are read (decrypted) here, inside the organisation; everything
else counted is a plain column.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from casework.models import ProtectiveOrder, Referral, Screening
from casework.presenters import level_of
from casework.scoping import cases_for
from screening.scoring import Level


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: tuple[Line, ...]

    @property
    def total(self) -> int:
        return sum(line.count for line in self.lines)

    @property
    def most(self) -> int:
        return max((line.count for line in self.lines), default=0)


@dataclass(frozen=True)
class Report:
    start: datetime.date
    end: datetime.date
    sections: tuple[Section, ...]


def _in(start: datetime.date, end: datetime.date, field: str) -> dict:
    return {f"{field}__gte": start, f"{field}__lte": end}


def _aware_range(start, end):
    tz = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    last = datetime.datetime.combine(end, datetime.time.max, tzinfo=tz)
    return first, last


def report(user, *, start: datetime.date, end: datetime.date) -> Report:
    """The organisation's counts from ``start`` to ``end``, both days included."""
    cases = cases_for(user)
    first, last = _aware_range(start, end)
    opened = cases.filter(created_at__range=(first, last)).count()

    completed = (
        Screening.objects.filter(case__in=cases, completed_at__isnull=False)
        .only("id", "case_id", "completed_at", "level")
        .prefetch_related("judgements")
        .order_by("case_id", "completed_at")
    )
    latest_in_period: dict = {}
    repeats = 0
    seen_cases = set()
    for screening in completed:
        in_period = first <= screening.completed_at <= last
        if in_period:
            if screening.case_id in seen_cases:
                repeats += 1
            latest_in_period[screening.case_id] = screening
        seen_cases.add(screening.case_id)
    by_level = dict.fromkeys(Level, 0)
    for screening in latest_in_period.values():
        by_level[level_of(screening)] += 1

    referrals = Referral.objects.filter(case__in=cases, recorded_at__range=(first, last))
    by_route = dict(referrals.values_list("route").annotate(n=Count("id")).order_by())
    by_status = dict(referrals.values_list("status").annotate(n=Count("id")).order_by())
    orders = ProtectiveOrder.objects.filter(case__in=cases, **_in(start, end, "made_on"))
    by_kind = dict(orders.values_list("kind").annotate(n=Count("id")).order_by())

    sections = (
        Section(
            "cases",
            str(_("Cases")),
            (
                Line("opened", str(_("Cases opened")), opened),
                Line("screened", str(_("Cases screened")), len(latest_in_period)),
                Line("repeat", str(_("Repeat screenings")), repeats),
            ),
        ),
        Section(
            "levels",
            str(_("Cases by level (their latest screening in the period)")),
            tuple(Line(level.value, gettext(level.label), by_level[level]) for level in Level),
        ),
        Section(
            "routes",
            str(_("Referrals by route")),
            tuple(
                Line(value, str(label), by_route.get(value, 0))
                for value, label in Referral.Route.choices
            ),
        ),
        Section(
            "outcomes",
            str(_("Referrals by where they stand")),
            tuple(
                Line(value, str(label), by_status.get(value, 0))
                for value, label in Referral.Status.choices
            ),
        ),
        Section(
            "orders",
            str(_("Orders obtained")),
            tuple(
                Line(value, str(label), by_kind.get(value, 0))
                for value, label in ProtectiveOrder.Kind.choices
            ),
        ),
    )
    return Report(start=start, end=end, sections=sections)


def csv_rows(found: Report) -> list[list[str]]:
    rows = [
        [
            pgettext("CSV column", "section"),
            pgettext("CSV column", "measure"),
            pgettext("CSV column", "count"),
        ]
    ]
    for section in found.sections:
        rows.extend([section.key, line.key, str(line.count)] for line in section.lines)
    return rows

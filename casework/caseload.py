"""The caseload: a team's cases with what needs attention, searched, filtered and sorted.

Everything about a case that could identify it is encrypted, so searching by reference and
filtering by level happen here, in Python, over the cases the advocate may see (their
organisation's, scoped by ``casework.scoping``); the plain columns (dates, owner, task counts)
are read by SQL. See docs/decisions/0009-searching-encrypted-references.md.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Max, Min, Prefetch, Q
from django.utils import timezone

from casework.models import CaseNote, Screening
from casework.presenters import CaseRow, case_rows
from casework.scoping import cases_for
from screening.scoring import Level

#: How far ahead a review counts as "due soon".
DUE_SOON_DAYS = 14
#: The longest search text read; a reference is at most 50 characters.
SEARCH_MAX_LENGTH = 50

VIEWS = ("mine", "all")
SHOWS = ("open", "closed")
LEVELS = ("serious", "present", "none_yet", "not_screened")
REVIEWS = ("overdue", "due_soon", "none")
TASKS = ("open", "overdue")
ORDERS = ("expiring",)
ACTIVITY = ("inactive",)
SORTS = ("review", "level", "contact", "reference", "changed")
LEVEL_ORDER = {Level.SERIOUS: 0, Level.PRESENT: 1, Level.NONE_YET: 2, None: 3}


def normalise(reference: str) -> str:
    """References compare without regard to case or spacing: " ns-2026 " finds "NS-2026"."""
    return " ".join(reference.split()).casefold()


def _one_of(value: str, allowed: tuple[str, ...], default: str = "") -> str:
    return value if value in allowed else default


@dataclass(frozen=True)
class Query:
    """What the caseload form asked for. Anything it does not know is ignored, not an error:
    these are filters in a link, and a stale or edited link still shows the caseload."""

    view: str = "mine"
    show: str = "open"
    q: str = ""
    level: str = ""
    review: str = ""
    tasks: str = ""
    orders: str = ""
    activity: str = ""
    sort: str = "review"

    @classmethod
    def from_params(cls, params) -> "Query":
        return cls(
            view=_one_of(params.get("view", ""), VIEWS, "mine"),
            show=_one_of(params.get("show", ""), SHOWS, "open"),
            q=" ".join(params.get("q", "").split())[:SEARCH_MAX_LENGTH],
            level=_one_of(params.get("level", ""), LEVELS),
            review=_one_of(params.get("review", ""), REVIEWS),
            tasks=_one_of(params.get("tasks", ""), TASKS),
            orders=_one_of(params.get("orders", ""), ORDERS),
            activity=_one_of(params.get("activity", ""), ACTIVITY),
            sort=_one_of(params.get("sort", ""), SORTS, "review"),
        )

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.q or self.level or self.review or self.tasks or self.orders or self.activity
        )


def order_expiring(expires_on: datetime.date | None, today: datetime.date) -> bool:
    """An order still in force that ends within ORDER_EXPIRY_WARNING_DAYS."""
    if expires_on is None or expires_on < today:
        return False
    return expires_on <= today + datetime.timedelta(days=settings.ORDER_EXPIRY_WARNING_DAYS)


def review_state(due_on: datetime.date | None, today: datetime.date) -> str:
    """ "overdue", "due_soon" (within DUE_SOON_DAYS), "later", or "" when no screening has set
    a review."""
    if due_on is None:
        return ""
    if due_on < today:
        return "overdue"
    if due_on <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return "due_soon"
    return "later"


@dataclass(frozen=True)
class CaseloadRow:
    row: CaseRow
    review_due_on: datetime.date | None
    last_contact: datetime.date | None
    open_tasks: int
    overdue_tasks: int
    next_order_expiry: datetime.date | None
    today: datetime.date = field(repr=False)

    @property
    def case(self):
        return self.row.case

    @property
    def latest(self):
        return self.row.latest

    @property
    def level(self) -> Level | None:
        return self.row.latest.level if self.row.latest else None

    @property
    def inactive(self) -> bool:
        """Open, with nothing recorded for CASE_INACTIVE_DAYS: to review, perhaps to close."""
        cutoff = timezone.now() - datetime.timedelta(days=settings.CASE_INACTIVE_DAYS)
        return self.case.is_open and self.case.touched_at < cutoff

    @property
    def order_expiring(self) -> bool:
        return order_expiring(self.next_order_expiry, self.today)

    @property
    def review_state(self) -> str:
        return review_state(self.review_due_on, self.today)


def _matches(row: CaseloadRow, query: Query) -> bool:
    if query.q and normalise(query.q) not in normalise(row.row.reference):
        return False
    if query.level:
        level = row.level.value if row.level else "not_screened"
        if level != query.level:
            return False
    if query.review == "none" and row.review_due_on is not None:
        return False
    if query.review in ("overdue", "due_soon") and row.review_state != query.review:
        return False
    if query.tasks == "open" and not row.open_tasks:
        return False
    if query.orders == "expiring" and not row.order_expiring:
        return False
    if query.activity == "inactive" and not row.inactive:
        return False
    return not (query.tasks == "overdue" and not row.overdue_tasks)


def _sort_key(query: Query):
    far = datetime.date.max
    by_review = lambda r: (r.review_due_on is None, r.review_due_on or far)  # noqa: E731
    keys = {
        "review": by_review,
        "level": lambda r: (LEVEL_ORDER[r.level], *by_review(r)),
        # Longest without contact first; never contacted before anything.
        "contact": lambda r: (r.last_contact is not None, r.last_contact or far),
        "reference": lambda r: normalise(r.row.reference),
        "changed": lambda r: -r.case.touched_at.timestamp(),
    }
    return keys[query.sort]


def caseload(user, query: Query) -> list[CaseloadRow]:
    today = timezone.localdate()
    cases = cases_for(user).filter(is_open=query.show == "open")
    if query.view == "mine":
        cases = cases.filter(owner=user)
    open_tasks = Q(tasks__completed_at__isnull=True)
    cases = (
        cases.select_related("owner")
        .annotate(
            last_contact=Max(
                "note_entries__happened_on",
                filter=Q(note_entries__kind=CaseNote.Kind.CONTACT),
            ),
            open_tasks=Count("tasks", filter=open_tasks, distinct=True),
            next_order_expiry=Min(
                "protectiveorders__expires_on",
                filter=Q(protectiveorders__expires_on__gte=today),
            ),
            overdue_tasks=Count(
                "tasks", filter=open_tasks & Q(tasks__due_on__lt=today), distinct=True
            ),
        )
        .prefetch_related(
            # The level shown is the latest completed one: no answers or snapshots are read.
            Prefetch(
                "screenings",
                queryset=Screening.objects.defer("answers", "result").prefetch_related(
                    "judgements"
                ),
            )
        )
    )
    rows = [
        CaseloadRow(
            row=row,
            review_due_on=row.case.review_due_on,
            last_contact=row.case.last_contact,
            open_tasks=row.case.open_tasks,
            overdue_tasks=row.case.overdue_tasks,
            next_order_expiry=row.case.next_order_expiry,
            today=today,
        )
        for row in case_rows(cases)
    ]
    found = [row for row in rows if _matches(row, query)]
    return sorted(found, key=_sort_key(query))

"""Cases and screenings put into words for the advocate pages and the PDF."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casework.forms import RELATIONSHIP_CHOICES, SAFE_ROUTES
from casework.models import Case, Screening
from screening import changes, questions
from screening.judgement import Judgement, final_level
from screening.scoring import Level

CONSENT_WORDS = {True: _("Yes"), False: _("No"), None: _("Not asked yet")}
ROUTE_WORDS = {"yes": _("Yes"), "no": _("No"), "not_asked": _("Not known")}


def judgement_of(screening: Screening) -> Judgement | None:
    if not screening.judgement_level:
        return None
    return Judgement(Level(screening.judgement_level), screening.judgement_reason)


def level_of(screening: Screening) -> Level | None:
    """The level to act on: the rules' level, raised by any professional judgement."""
    if not screening.level:
        return None
    return final_level(Level(screening.level), judgement_of(screening))


@dataclass(frozen=True)
class ScreeningRow:
    screening: Screening
    level: Level | None
    raised: bool
    changes: changes.Changes | None
    compared_with: Screening | None

    @property
    def change_groups(self) -> tuple["ChangeGroup", ...]:
        return describe_changes(self.changes) if self.changes else ()

    @property
    def tag_colour(self) -> str:
        """The GOV.UK tag colour for the level: red, yellow, or grey when none yet."""
        return {Level.SERIOUS: "red", Level.PRESENT: "yellow"}.get(self.level, "grey")

    @property
    def level_label(self) -> str:
        return gettext(self.level.label) if self.level else gettext("Not finished")


def screening_rows(case: Case) -> list[ScreeningRow]:
    """Every screening, oldest first, each compared with the completed one before it."""
    rows, previous = [], None
    for screening in case.screenings.all():
        level = level_of(screening)
        compared = None
        if screening.is_complete and previous is not None:
            compared = changes.compare(previous.answers, screening.answers)
        rows.append(
            ScreeningRow(
                screening=screening,
                level=level,
                raised=bool(screening.judgement_level),
                changes=compared,
                compared_with=previous if compared is not None else None,
            )
        )
        if screening.is_complete:
            previous = screening
    return rows


def previous_completed(screening: Screening) -> Screening | None:
    return (
        screening.case.screenings.filter(
            completed_at__isnull=False, started_at__lt=screening.started_at
        )
        .order_by("-started_at")
        .first()
    )


@dataclass(frozen=True)
class CaseRow:
    case: Case
    reference: str
    stalker: str
    latest: ScreeningRow | None


def latest_row(case: Case) -> ScreeningRow | None:
    """The newest screening's level, with no comparison: what the case list shows."""
    screenings = list(case.screenings.all())
    if not screenings:
        return None
    latest = screenings[-1]
    return ScreeningRow(
        screening=latest,
        level=level_of(latest),
        raised=bool(latest.judgement_level),
        changes=None,
        compared_with=None,
    )


def case_rows(cases) -> list[CaseRow]:
    """One row a case. ``cases`` should prefetch ``screenings`` (their answers can be left
    out: ``views.cases.case_list`` does)."""
    return [
        CaseRow(
            case=case,
            reference=case.client_reference,
            stalker=case.stalker_name,
            latest=latest_row(case),
        )
        for case in cases
    ]


def relationship_label(code: str) -> str:
    for choice in RELATIONSHIP_CHOICES:
        if choice.value == code:
            return str(choice.label)
    return ""


def date_of_birth(case: Case) -> datetime.date | None:
    if not case.stalker_date_of_birth:
        return None
    return datetime.date.fromisoformat(case.stalker_date_of_birth)


def safe_routes(case: Case) -> list[tuple[str, str]]:
    """Each way of contacting the client, with whether it is safe, in words."""
    contact = case.safe_contact or {}
    return [
        (str(label), str(ROUTE_WORDS.get(contact.get(key), ROUTE_WORDS["not_asked"])))
        for key, label in SAFE_ROUTES
    ]


def case_overview(case: Case) -> dict:
    contact = case.safe_contact or {}
    return {
        "case": case,
        "relationship": relationship_label(case.relationship),
        "date_of_birth": date_of_birth(case),
        "consent_to_share": str(CONSENT_WORDS[case.consent_to_share]),
        "consent_to_refer": str(CONSENT_WORDS[case.consent_to_refer]),
        "contact": contact,
        "routes": safe_routes(case),
        "screenings": list(reversed(screening_rows(case))),
        "retention_days": settings.CASE_RETENTION_DAYS,
    }


@dataclass(frozen=True)
class ChangeGroup:
    title: str
    items: tuple[str, ...]


def _sign_name(number: int) -> str:
    sign = questions.BANK.sign(number)
    return f"{number}. {gettext(sign.short_name)}"


def _behaviour_name(value: str) -> str:
    field = questions.question(questions.BEHAVIOURS_SLUG).field(questions.BEHAVIOURS_FIELD)
    for choice in field.choices:
        if choice.value == value:
            return gettext(choice.label)
    return value


def describe_changes(found: changes.Changes) -> tuple[ChangeGroup, ...]:
    """What changed, in words, with the empty groups left out."""
    groups = (
        (_("Warning signs that appeared"), tuple(map(_sign_name, found.appeared))),
        (_("Warning signs no longer present"), tuple(map(_sign_name, found.went))),
        (_("Now known (was “don't know”)"), tuple(map(_sign_name, found.became_known))),
        (_("Now “don't know”"), tuple(map(_sign_name, found.became_unknown))),
        (_("New behaviours"), tuple(map(_behaviour_name, found.behaviours_added))),
        (
            _("Behaviours no longer described"),
            tuple(map(_behaviour_name, found.behaviours_stopped)),
        ),
    )
    return tuple(ChangeGroup(str(title), items) for title, items in groups if items)

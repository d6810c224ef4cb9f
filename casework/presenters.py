"""Cases and screenings put into words for the advocate pages and the PDF."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casework.forms import (
    CONTACT_METHODS,
    RELATIONSHIP_CHOICES,
    SAFE_ROUTES,
    SAFE_TO_TALK,
    SAFETY_PLAN_SECTIONS,
)
from casework.models import Case, CaseNote, JudgementEntry, SafetyPlan, Screening
from screening import changes, pdf, questions, scoring
from screening.incidents import presenters as incident_presenters
from screening.judgement import Judgement, final_level
from screening.presenters import fill, yes_sign_choices
from screening.scoring import Level

CONSENT_WORDS = {True: _("Yes"), False: _("No"), None: _("Not asked yet")}
ROUTE_WORDS = {"yes": _("Yes"), "no": _("No"), "not_asked": _("Not known")}


def as_judgement(entry: JudgementEntry) -> Judgement:
    return Judgement(
        Level(entry.level),
        entry.reason,
        by=entry.made_by_name,
        on=timezone.localdate(entry.made_at),
    )


def judgements_in_force(screening: Screening) -> list[Judgement]:
    """The raises not withdrawn, oldest first (``judgements`` may be prefetched)."""
    return [as_judgement(e) for e in screening.judgements.all() if not e.is_withdrawn]


def level_of(screening: Screening) -> Level | None:
    """The level to act on: the rules' level, raised by any professional judgement in force."""
    if not screening.level:
        return None
    return final_level(Level(screening.level), judgements_in_force(screening))


def result_of(screening: Screening) -> scoring.Result:
    """A completed screening's kept result, exactly as it was scored that day."""
    return scoring.from_primitives(screening.result)


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
                raised=level is not None and level != Level(screening.level),
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
    in_progress: bool


def latest_row(case: Case) -> ScreeningRow | None:
    """The newest completed screening's level, with no comparison: what the case list shows.
    A new screening in progress never hides it."""
    completed = [s for s in case.screenings.all() if s.is_complete]
    if not completed:
        return None
    latest = completed[-1]
    level = level_of(latest)
    return ScreeningRow(
        screening=latest,
        level=level,
        raised=level is not None and level != Level(latest.level),
        changes=None,
        compared_with=None,
    )


def case_rows(cases) -> list[CaseRow]:
    """One row a case. ``cases`` should prefetch ``screenings`` and their ``judgements``
    (the answers and snapshots can be left out: ``views.cases.case_list`` does)."""
    return [
        CaseRow(
            case=case,
            reference=case.client_reference,
            stalker=case.stalker_name,
            latest=latest_row(case),
            in_progress=any(not s.is_complete for s in case.screenings.all()),
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


def pattern_context(log) -> dict:
    """The pattern and chart of a case's incident log, worded for an advocate ("they", not
    "you"). ``log`` is a ``casework.incident_log.CaseIncidentLog``."""
    return incident_presenters.pattern_context(log.all, today=timezone.localdate(), for_others=True)


def yes_signs(case: Case) -> tuple[tuple[int, str], ...]:
    """The warning signs an incident may be linked to: every sign answered "Yes" in the latest
    completed screening or in the one in progress, in the checklist's wording, in order."""
    screenings = list(case.screenings.all())
    completed = [s for s in screenings if s.is_complete]
    wording: dict[int, str] = {}
    if completed:
        latest = completed[-1]
        result = result_of(latest)
        for sign in result.signs:
            wording[sign.number] = fill(result.sign(sign.number).canonical, case.stalker_name)
    for screening in screenings:
        if not screening.is_complete:
            for number, text in yes_sign_choices(
                screening.answers, name=case.stalker_name, canonical=True
            ):
                wording.setdefault(number, text)
    return tuple(sorted(wording.items()))


def sign_names(case: Case) -> dict[int, str]:
    """Every warning sign in the checklist's wording, for showing an entry's links."""
    return {
        sign.number: fill(sign.canonical, case.stalker_name)
        for sign in questions.BANK.warning_signs
    }


# --- Notes and the contact log ---------------------------------------------------------------

METHOD_WORDS = {choice.value: choice.label for choice in CONTACT_METHODS}
SAFE_TO_TALK_WORDS = {choice.value: choice.label for choice in SAFE_TO_TALK}


@dataclass(frozen=True)
class NoteRow:
    note: CaseNote
    method: str
    safe_to_talk: str
    corrected: bool


def note_rows(notes) -> list[NoteRow]:
    """Entries as the log shows them, newest first, each saying whether a later entry
    corrects it (``corrects`` names the entry a correction is for)."""
    notes = list(notes.select_related("corrects"))
    corrected = {note.corrects_id for note in notes if note.corrects_id}
    return [
        NoteRow(
            note=note,
            method=str(METHOD_WORDS.get(note.method, "")),
            safe_to_talk=str(SAFE_TO_TALK_WORDS.get(note.safe_to_talk, "")),
            corrected=note.pk in corrected,
        )
        for note in notes
    ]


def last_contact(case: Case) -> datetime.date | None:
    """The day of the latest contact with the client (a plain column: nothing decrypted)."""
    return (
        case.note_entries.filter(kind=CaseNote.Kind.CONTACT)
        .order_by("-happened_on")
        .values_list("happened_on", flat=True)
        .first()
    )


# --- The safety plan -------------------------------------------------------------------------


def section_rows(plan: SafetyPlan | None, *, for_client: bool = False) -> list[tuple[str, str]]:
    """(heading, text) for each section, in order; the client's own headings when printing."""
    if plan is None:
        return []
    return [
        (str(client_heading if for_client else label), plan.sections.get(name, ""))
        for name, label, client_heading, _hint in SAFETY_PLAN_SECTIONS
    ]


def due_for_review(case, plan: SafetyPlan | None) -> bool:
    """A screening has been completed since the plan was last reviewed (or there is no plan)."""
    latest = case.screenings.filter(completed_at__isnull=False).order_by("-completed_at").first()
    if latest is None:
        return False
    return plan is None or plan.made_at < latest.completed_at


# --- The incident log's CSV columns, for the import page ------------------------------------

#: (column, what goes in it), in the order the export writes them.
IMPORT_COLUMNS = (
    ("id", _("The entry’s id, from an export. Leave it blank for a new entry.")),
    ("date", _("The date, as 17/10/2026 or 2026-10-17; today or earlier. Required.")),
    ("time", _("24-hour time, for example 21:30, or blank.")),
    ("approximate", _("yes if the date or time is approximate; no or blank if not.")),
    ("place", _("Where it happened.")),
    ("what_happened", _("What happened: what was said or done. Required.")),
    ("behaviours", _("Behaviour codes separated by semicolons, for example following;texts.")),
    ("feared_violence", _("yes, no, not_sure, or blank.")),
    ("daily_life_effects", _("Effect codes separated by semicolons, for example routes;work.")),
    ("effect_details", _("How it affected the client.")),
    ("witnesses", _("Anyone who saw or heard it.")),
    ("evidence", _("Evidence kept, and where.")),
    ("reported_to_police", _("yes, no, or blank.")),
    ("officer", _("The officer’s name, if reported.")),
    ("crime_reference", _("The crime reference, if reported.")),
    ("signs", _("Warning-sign numbers it supports, separated by semicolons, for example 4;6.")),
)


# --- The people doing it, for the police summary ---------------------------------------------

PERSON_DETAILS = (
    ("description", _("Description")),
    ("vehicles", _("Vehicles and registrations")),
    ("phone_numbers", _("Phone numbers")),
    ("online_accounts", _("Online accounts")),
    ("addresses", _("Addresses")),
)


def people_for_pdf(case: Case) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each person recorded as doing it, with the details that identify them (empty ones left
    out), for the police summary."""
    return [
        (
            person.name,
            [
                (str(label), getattr(person, field))
                for field, label in PERSON_DETAILS
                if getattr(person, field)
            ],
        )
        for person in case.perpetrators.all()
    ]


#: Each safe way to reach the client, named briefly for the police summary.
SAFE_ROUTE_NAMES = {
    "call": _("Call"),
    "voicemail": _("Voicemail"),
    "text": _("Text"),
    "email": _("Email"),
}


def _day(value: datetime.date) -> str:
    return date_format(value, "j F Y")


def _order_text(order) -> str:
    text = gettext("%(order)s, made %(made)s") % {
        "order": order.get_kind_display(),
        "made": _day(order.made_on),
    }
    if order.expires_on:
        text += gettext(", until %(date)s") % {"date": _day(order.expires_on)}
    return f"{text}: {order.details}" if order.details else text


def _bail_text(bail) -> str:
    if bail.starts_on and bail.ends_on:
        when = gettext("From %(first)s to %(last)s") % {
            "first": _day(bail.starts_on),
            "last": _day(bail.ends_on),
        }
    elif bail.starts_on:
        when = gettext("From %(first)s") % {"first": _day(bail.starts_on)}
    elif bail.ends_on:
        when = gettext("Until %(last)s") % {"last": _day(bail.ends_on)}
    else:
        return bail.conditions
    return f"{when}: {bail.conditions}"


def _court_text(hearing) -> str:
    parts = [_day(hearing.on), hearing.court, hearing.purpose]
    return ", ".join(part for part in parts if part)


def police_case_details(case: Case, *, today: datetime.date) -> pdf.CaseDetails:
    """What the case adds to its police summary: consent to share (and when it was recorded),
    the safe ways to reach the client, the advocate responsible and how to reach them, every
    crime reference and officer on the case, and the orders, bail conditions and court dates
    that still stand on ``today``."""
    contact = case.safe_contact or {}
    advocate = case.owner
    return pdf.CaseDetails(
        consent_to_share=str(CONSENT_WORDS[case.consent_to_share]),
        consent_on=case.consent_recorded_on if case.consent_to_share is not None else None,
        safe_routes=tuple(
            (
                str(SAFE_ROUTE_NAMES[key]),
                str(ROUTE_WORDS.get(contact.get(key), ROUTE_WORDS["not_asked"])),
            )
            for key, _label in SAFE_ROUTES
        ),
        safe_phone=contact.get("phone", ""),
        safe_email=contact.get("email_address", ""),
        times_to_avoid=contact.get("times_to_avoid", ""),
        advocate=str(advocate) if advocate else "",
        advocate_contact=advocate.email if advocate else "",
        organisation=case.organisation.name,
        crime_references=tuple(
            pdf.CrimeReferenceLine(
                reference=item.reference,
                officer=item.officer,
                officer_contact=item.officer_contact,
                force=item.force,
            )
            for item in case.crimereferences.all()
        ),
        orders=tuple(
            _order_text(order)
            for order in case.protectiveorders.all()
            if order.expires_on is None or order.expires_on >= today
        ),
        bail=tuple(
            _bail_text(bail)
            for bail in case.bailconditions.all()
            if bail.ends_on is None or bail.ends_on >= today
        ),
        court_dates=tuple(
            _court_text(hearing) for hearing in case.courtdates.all() if hearing.on >= today
        ),
    )

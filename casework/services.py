"""Every change to a case, as a keyword-only function that validates, writes in one
transaction and records its audit event in that same transaction.

Views call these and nothing else writes case data, so a change and the record of who made it
can never part: either both are saved or neither is.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from casework import audit
from casework.incident_log import CaseIncidentLog
from casework.models import (
    Case,
    CaseNote,
    Handover,
    JudgementEntry,
    SafetyPlan,
    Screening,
    Task,
    User,
)
from screening import flow, questions, scoring
from screening.incidents import Incident
from screening.judgement import Judgement


class ScreeningCompleted(Exception):
    """A completed screening is a record of its day: it is never changed or discarded."""


class NotAnAdvocateHere(Exception):
    """Cases and tasks go only to active advocates of the case's own organisation."""


def _name(user: User) -> str:
    return user.full_name or user.email


# --- Screenings ------------------------------------------------------------------------------


@transaction.atomic
def start_screening(*, case: Case, by: User) -> Screening:
    screening = Screening.objects.create(
        case=case, conducted_by=by, answers={}, bank_version=questions.BANK.version
    )
    case.touch()
    audit.record(by, audit.Action.CREATED, case, "screening")
    return screening


def _locked(screening: Screening) -> Screening:
    locked = Screening.objects.select_for_update().get(pk=screening.pk)
    if locked.is_complete:
        raise ScreeningCompleted
    return locked


@transaction.atomic
def save_answers(*, screening: Screening, answers: dict, by: User) -> Screening:
    """Keep ``answers`` (already validated by their forms) on a screening in progress."""
    locked = _locked(screening)
    locked.answers = flow.prune(answers)
    locked.save(update_fields=["answers"])
    screening.answers = locked.answers
    screening.case.touch()
    audit.record(by, audit.Action.CHANGED, screening.case, "screening")
    return screening


@transaction.atomic
def complete_screening(*, screening: Screening, by: User, incident_count: int) -> Screening:
    """Score the answers once and keep the result as the screening's snapshot.

    A second call (a double click) finds it complete and changes nothing."""
    locked = Screening.objects.select_for_update().get(pk=screening.pk)
    if locked.is_complete:
        return locked
    result = scoring.score(locked.answers, incident_count=incident_count)
    locked.result = scoring.to_primitives(result)
    locked.level = str(result.level)
    locked.bank_version = result.bank_version
    locked.rules_version = result.rules_version
    locked.completed_at = timezone.now()
    locked.completed_by = by
    locked.completed_by_name = _name(by)
    locked.save()
    review = timezone.localdate(locked.completed_at) + datetime.timedelta(
        days=settings.CASE_REVIEW_DAYS
    )
    Case.objects.filter(pk=screening.case_id).update(review_due_on=review)
    screening.case.review_due_on = review
    screening.case.touch()
    audit.record(by, audit.Action.CHANGED, screening.case, "screening completed")
    return locked


@transaction.atomic
def discard_screening(*, screening: Screening, by: User) -> None:
    """Delete a screening in progress (one started by mistake). Completed ones stay."""
    locked = _locked(screening)
    case = screening.case
    locked.delete()
    case.touch()
    audit.record(by, audit.Action.CHANGED, case, "screening discarded")


# --- Professional judgement ------------------------------------------------------------------


@transaction.atomic
def raise_level(*, screening: Screening, judgement: Judgement, by: User) -> JudgementEntry:
    """Record one raise on professional judgement (``judgement.judge`` has checked it)."""
    entry = JudgementEntry.objects.create(
        screening=screening,
        level=str(judgement.level),
        reason=judgement.reason,
        made_by=by,
        made_by_name=_name(by),
    )
    screening.case.touch()
    audit.record(by, audit.Action.CHANGED, screening.case, "professional judgement")
    return entry


@transaction.atomic
def withdraw_judgement(*, entry: JudgementEntry, by: User) -> None:
    """Withdraw a raise made in error. The entry stays, marked withdrawn, and the level falls
    back to the highest of the checklist's own level and the raises still in force."""
    if entry.is_withdrawn:
        return
    entry.withdrawn_at = timezone.now()
    entry.withdrawn_by = by
    entry.withdrawn_by_name = _name(by)
    entry.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_by_name"])
    case = entry.screening.case
    case.touch()
    audit.record(by, audit.Action.CHANGED, case, "professional judgement withdrawn")


# --- The incident log ------------------------------------------------------------------------


@transaction.atomic
def record_incident(*, case: Case, incident: Incident, by: User) -> None:
    """Add an entry, or (same id: a double submission) keep the one already there.
    ``LogFull`` when there is no room; nothing is written then."""
    CaseIncidentLog(case).add(incident)
    audit.record(by, audit.Action.CHANGED, case, "incident log")


@transaction.atomic
def change_incident(*, case: Case, incident: Incident, by: User) -> None:
    CaseIncidentLog(case).replace(incident)
    audit.record(by, audit.Action.CHANGED, case, "incident log")


@transaction.atomic
def delete_incident(*, case: Case, entry_id: str, by: User) -> None:
    CaseIncidentLog(case).delete(entry_id)
    audit.record(by, audit.Action.CHANGED, case, "incident log")


@transaction.atomic
def import_incidents(*, case: Case, found: tuple[Incident, ...], by: User) -> None:
    """Every entry or none (``LogFull`` when they would not fit)."""
    CaseIncidentLog(case).add_all(found)
    audit.record(by, audit.Action.CHANGED, case, "incident log import")


# --- Notes and the contact log ---------------------------------------------------------------


@transaction.atomic
def add_note(
    *,
    case: Case,
    kind: str,
    happened_on,
    text: str,
    by: User,
    method: str = "",
    safe_to_talk: str = "",
    corrects: CaseNote | None = None,
) -> CaseNote:
    """Append an entry to the notes and contact log; a correction names the entry it corrects.
    Nothing ever changes or deletes an entry."""
    if corrects is not None and corrects.case_id != case.pk:
        raise ValueError("A correction belongs to the same case as the entry it corrects.")
    note = CaseNote.objects.create(
        case=case,
        kind=kind,
        happened_on=happened_on,
        text=text,
        method=method if kind == CaseNote.Kind.CONTACT else "",
        safe_to_talk=safe_to_talk if kind == CaseNote.Kind.CONTACT else "",
        author=by,
        author_name=_name(by),
        corrects=corrects,
    )
    case.touch()
    subject = "note correction" if corrects is not None else "note"
    audit.record(by, audit.Action.CREATED, case, subject)
    return note


# --- Reviews -----------------------------------------------------------------------------------


@transaction.atomic
def set_review_date(*, case: Case, on: datetime.date, by: User) -> None:
    """Move the case's next review (each completed screening sets it again)."""
    Case.objects.filter(pk=case.pk).update(review_due_on=on)
    case.review_due_on = on
    case.touch()
    audit.record(by, audit.Action.CHANGED, case, "review date")


# --- Tasks -----------------------------------------------------------------------------------


@transaction.atomic
def add_task(*, case: Case, title: str, due_on, assignee: User, by: User) -> Task:
    if not assignee.is_active or assignee.organisation_id != case.organisation_id:
        raise NotAnAdvocateHere
    task = Task.objects.create(
        case=case, title=title, due_on=due_on, assignee=assignee, created_by=by
    )
    case.touch()
    audit.record(by, audit.Action.CREATED, case, "task")
    return task


@transaction.atomic
def set_task_done(*, task: Task, done: bool, by: User) -> None:
    """Complete a task, or reopen one completed by mistake. Doing either twice changes nothing."""
    if task.is_done == done:
        return
    task.completed_at = timezone.now() if done else None
    task.completed_by = by if done else None
    task.save(update_fields=["completed_at", "completed_by"])
    task.case.touch()
    audit.record(by, audit.Action.CHANGED, task.case, "task completed" if done else "task reopened")


# --- Criminal justice, the people doing it, referrals -----------------------------------------


@transaction.atomic
def save_record(*, case: Case, item, apply, subject: str, by: User):
    """Create or change one record kept on a case (``casework.case_records``): ``apply`` fills
    it in from a valid form. Audited as created or changed, with the record's subject."""
    creating = item._state.adding
    item.case = case
    apply(item, by)
    if creating:
        item.recorded_by = by
        item.recorded_by_name = _name(by)
    item.changed_at = timezone.now()
    item.save()
    case.touch()
    audit.record(by, audit.Action.CREATED if creating else audit.Action.CHANGED, case, subject)
    return item


# --- The safety plan -------------------------------------------------------------------------


@transaction.atomic
def review_safety_plan(*, case: Case, sections: dict, by: User) -> SafetyPlan:
    """Keep a new version of the safety plan, linked to the latest completed screening (the one
    it was reviewed with). Earlier versions stay as they were."""
    latest = case.screenings.filter(completed_at__isnull=False).order_by("-completed_at").first()
    plan = SafetyPlan.objects.create(
        case=case, screening=latest, sections=sections, made_by=by, made_by_name=_name(by)
    )
    case.touch()
    audit.record(by, audit.Action.CREATED, case, "safety plan")
    return plan


# --- Cases -----------------------------------------------------------------------------------


@transaction.atomic
def hand_over(*, case: Case, to: User, note: str, by: User) -> Handover:
    """Make ``to`` the case's owner, keeping who handed it over, from whom, and the note."""
    if not to.is_active or to.organisation_id != case.organisation_id:
        raise NotAnAdvocateHere
    locked = Case.objects.select_for_update().get(pk=case.pk)
    previous = locked.owner
    handover = Handover.objects.create(
        case=locked,
        by=by,
        by_name=_name(by),
        from_owner=previous,
        from_name=_name(previous) if previous else "",
        to_owner=to,
        to_name=_name(to),
        note=note,
    )
    Case.objects.filter(pk=case.pk).update(owner=to)
    case.owner = to
    case.touch()
    audit.record(by, audit.Action.CHANGED, case, "owner")
    return handover


@transaction.atomic
def set_open(*, case: Case, is_open: bool, by: User) -> None:
    """Close a case (its retention period starts) or reopen it (the period stops)."""
    if case.is_open == is_open:
        return
    case.is_open = is_open
    case.closed_at = None if is_open else timezone.now()
    case.save(update_fields=["is_open", "closed_at"])
    case.touch()
    audit.record(by, audit.Action.CHANGED, case, "open or closed")


@transaction.atomic
def set_restricted(*, case: Case, restricted: bool, by: User) -> None:
    """Restrict a case to its owner and the managers, or lift the restriction."""
    Case.objects.filter(pk=case.pk).update(is_restricted=restricted)
    case.is_restricted = restricted
    case.touch()
    audit.record(by, audit.Action.CHANGED, case, "restricted")


@transaction.atomic
def erase_case(*, case: Case, by: User) -> None:
    """Erase a case on the client's request, with everything that belongs to it. The audit
    event outlives it (it names the case by id only)."""
    audit.record(by, audit.Action.ERASED, case)
    case.delete()

"""Bringing a person's kept record into a case, with their passphrase and their agreement.

The answers become a new screening in progress (re-validated through the questions' forms, so
the advocate checks and completes it as any other); the entries join the case's incident log
with their dates, details and evidence as the person wrote them. The person's kept record is
only read: it stays exactly as it was, and only they can change or delete it.
"""

from django.db import transaction

from casework import audit
from casework.incident_log import CaseIncidentLog
from casework.models import Screening
from screening import flow, questions
from screening.answers import revalidate
from screening.incidents import InvalidIncident, from_primitives
from screening.saved_records.contents import Contents

#: The audit event's subject: what came in, and that the client agreed.
SUBJECT = "saved record, with client consent"


class EntriesUnreadable(Exception):
    """An entry in the record no longer passes the checks: nothing is brought in."""


@transaction.atomic
def bring_into_case(*, case, contents: Contents, by) -> Screening | None:
    """Add the record's answers (as a screening in progress, if it has any) and entries to
    ``case``; all of it or none. Returns the new screening, if one was made."""
    try:
        entries = tuple(from_primitives(item) for item in contents.incidents)
    except InvalidIncident:
        raise EntriesUnreadable from None
    answers = flow.prune(revalidate(contents.answers))
    screening = None
    if answers:
        screening = Screening.objects.create(
            case=case, conducted_by=by, answers=answers, bank_version=questions.BANK.version
        )
    if entries:
        CaseIncidentLog(case).add_all(entries)
    case.touch()
    audit.record(by, audit.Action.CHANGED, case, SUBJECT)
    return screening

"""A referral's summary for the service it goes to: who refers, the client's consent, the safe
ways to reach them, the latest checklist as answered (in its own wording), the pattern from the
incident log, and the people doing it, with what each route asks for first.

Everything is plain text for the template to escape; the PDF is laid out by ``screening.pdf``
with its fetcher, which reaches nothing but our own files.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from casework.incident_log import CaseIncidentLog
from casework.models import Referral
from casework.presenters import (
    judgements_in_force,
    level_of,
    people_for_pdf,
    result_of,
    safe_routes,
)
from screening import questions
from screening.presenters import fill, police_name

ANSWER_WORDS = {
    questions.YES: _("Yes"),
    questions.NO: _("No"),
    questions.DONT_KNOW: _("Don’t know"),
}
#: What each route asks for, said first on its summary.
ROUTE_NEEDS = {
    Referral.Route.POLICE: _(
        "For the police: the checklist as answered, the course of conduct from the incident "
        "log, and any crime references and orders already in place."
    ),
    Referral.Route.PALADIN: _(
        "Paladin takes referrals for high-risk cases. It needs the client’s consent, safe "
        "contact details and the completed checklist."
    ),
    Referral.Route.HELPLINE: _(
        "For the National Stalking Helpline: the client’s consent and safe ways to reach them."
    ),
    Referral.Route.LOCAL: _(
        "For the local stalking service: the client’s consent, safe contact details and the "
        "completed checklist."
    ),
    Referral.Route.MARAC: _(
        "For MARAC: where there is domestic abuse, complete the DASH risk checklist as well; "
        "this summary gives the stalking checklist and the pattern of incidents."
    ),
}


def summary_context(referral: Referral, *, by) -> dict:
    case = referral.case
    latest = case.screenings.filter(completed_at__isnull=False).order_by("-completed_at").first()
    checklist, level, judgements = [], "", []
    if latest is not None:
        result = result_of(latest)
        name = police_name(latest.answers)
        checklist = [
            (asked.number, fill(gettext(asked.canonical), name), str(ANSWER_WORDS[asked.answer]))
            for asked in result.asked
        ]
        level = gettext(level_of(latest).label)
        judgements = judgements_in_force(latest)
    log = CaseIncidentLog(case)
    dates = sorted(incident.occurred_on for incident in log)
    contact = case.safe_contact or {}
    return {
        "language": get_language() or settings.LANGUAGE_CODE,
        "document_title": gettext("Referral summary"),
        "generated_at": timezone.localtime(),
        "route": referral.get_route_display(),
        "route_needs": str(ROUTE_NEEDS[referral.route]),
        "referral": referral,
        "consent": referral.get_consent_display(),
        "organisation": case.organisation.name,
        "referrer": by.full_name or by.email,
        "case_reference": case.client_reference,
        "client_name": case.client_name,
        "stalker_name": case.stalker_name,
        "routes": safe_routes(case),
        "contact": contact,
        "screening": latest,
        "level": level,
        "judgements": judgements,
        "checklist": checklist,
        "incident_count": len(dates),
        "first_incident": dates[0] if dates else None,
        "last_incident": dates[-1] if dates else None,
        "people": people_for_pdf(case),
        "crime_references": list(case.crimereferences.all()),
        "orders": list(case.protectiveorders.all()),
    }

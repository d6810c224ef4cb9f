"""Where an advocate can refer a client, given a screening's result (docs/domain.md section 8).

Police always; Paladin for high-risk cases, which needs the client's consent, safe
contact details and the checklist; the National Stalking Helpline; MARAC where there
is domestic abuse; and a Stalking Protection Order, which the police apply for.
Pure: it takes the level, the context flags and the consent recorded on the case.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from screening import contacts
from screening.markers import _
from screening.scoring import Level

DOMESTIC_ABUSE_FLAG = "domestic_abuse"


@dataclass(frozen=True)
class Route:
    key: str
    name: str
    why: str
    contact: contacts.Contact | None = None
    # Something to sort out before referring, e.g. consent not yet recorded.
    before_referring: str = ""


def routes(
    level: Level,
    flags: Iterable[str],
    *,
    consent_to_share: bool | None,
    consent_to_refer: bool | None,
) -> tuple[Route, ...]:
    """The referral routes for a result, most urgent first."""
    flags = set(flags)
    found = [
        Route(
            key="police",
            name=_("Police"),
            why=_(
                "Stalking is a crime. Report it on 101, or 999 if the client is in danger now; "
                "give the officer the PDF summary."
            ),
            contact=contacts.NON_EMERGENCY,
            before_referring=""
            if consent_to_share
            else _(
                "Consent to share with the police is not recorded. Without it, share only "
                "where there is a risk of serious harm."
            ),
        )
    ]
    if level == Level.SERIOUS:
        found.append(
            Route(
                key="paladin",
                name=_("Paladin National Stalking Advocacy Service"),
                why=_("Paladin takes referrals of high-risk cases."),
                contact=contacts.PALADIN,
                before_referring=""
                if consent_to_refer
                else _(
                    "Paladin needs the client's consent to refer, safe contact details and "
                    "the completed checklist. Consent to refer is not recorded yet."
                ),
            )
        )
    if DOMESTIC_ABUSE_FLAG in flags:
        found.append(
            Route(
                key="marac",
                name=_("MARAC (multi-agency risk assessment conference)"),
                why=_(
                    "There is a history of domestic abuse. Complete the DASH checklist and refer "
                    "to the local MARAC if it or your professional judgement says so."
                ),
            )
        )
    found.append(
        Route(
            key="helpline",
            name=_("National Stalking Helpline"),
            why=_("Advice for the client and for professionals, run by Suzy Lamplugh Trust."),
            contact=contacts.HELPLINE,
        )
    )
    if level != Level.NONE_YET:
        found.append(
            Route(
                key="spo",
                name=_("Stalking Protection Order"),
                why=_(
                    "The police can apply to a magistrates' court for a Stalking Protection "
                    "Order (Stalking Protection Act 2019) to restrict what the person harming "
                    "the client may do, even before a conviction. Ask the officer in the case."
                ),
            )
        )
    return tuple(found)

"""Phone numbers and services, in one place, with the date they were last checked.

Older printed forms still carry a helpline number that no longer works. Keeping every number
here, shown by the results page and the PDF alike, means one edit fixes them all, and the date
says when someone last confirmed they work.
"""

import datetime
import re
from dataclasses import dataclass

from screening.markers import _

#: When every number, opening time and other way to get in touch below was last confirmed
#: against what the services themselves publish. Check them all again before changing it.
#: Where a fact could not be confirmed (such as Paladin's hours), it is left out rather than
#: guessed.
CHECKED_ON = datetime.date(2026, 11, 28)


@dataclass(frozen=True)
class Contact:
    key: str
    name: str
    number: str
    description: str
    extra: tuple[str, ...] = ()
    #: When the line is answered, as the service publishes it; "" where that is not known.
    hours: str = ""

    @property
    def href(self) -> str:
        """The ``tel:`` link for this number."""
        return tel_href(self.number)


def tel_href(number: str) -> str:
    """A ``tel:`` URI for a number as people read it: "0808 802 0300" -> "tel:08088020300"."""
    digits = re.sub(r"[^\d+]", "", number)
    if not digits.lstrip("+").isdigit():
        raise ValueError(f"not a phone number: {number!r}")
    return f"tel:{digits}"


EMERGENCY = Contact(
    key="emergency",
    name=_("Police emergency"),
    number="999",
    description=_("Call 999 if you are in danger now or a crime is happening."),
    extra=(
        _("If you are deaf, hard of hearing or find speaking difficult, use Relay UK on 18000."),
        _(
            "On a mobile, if you cannot speak, stay on the line and press 55 when prompted. "
            "This is the Silent Solution, and it puts you through to the police."
        ),
        _(
            "You can text 999 if you have registered your mobile with emergencySMS first. "
            "Registering is for people who are deaf, hard of hearing or find speaking "
            "difficult: text “register” to 999 and follow the reply. Do it now, "
            "before you need it."
        ),
    ),
    hours=_("Open all day, every day."),
)

NON_EMERGENCY = Contact(
    key="non_emergency",
    name=_("Police non-emergency"),
    number="101",
    description=_("Call 101 to report stalking or harassment when it is not an emergency."),
    extra=(
        _("Relay UK: 18001 101."),
        _("You can also report online to your local police force."),
    ),
)

HELPLINE = Contact(
    key="helpline",
    name=_("National Stalking Helpline"),
    number="0808 802 0300",
    description=_(
        "Advice and support from people who understand stalking, run by Suzy Lamplugh Trust."
    ),
    extra=(_("It also answers emails. Its website says how to get in touch online."),),
    hours=_(
        "Open 9:30am to 4pm on weekdays, except Wednesdays, when it opens at 1pm. Closed on "
        "bank holidays."
    ),
)

PALADIN = Contact(
    key="paladin",
    name=_("Paladin National Stalking Advocacy Service"),
    number="020 3866 4107",
    description=_("Specialist advocates for people at high risk of harm from stalking."),
)

#: Said once, under all the numbers.
CALL_HISTORY_NOTE = _(
    "A call to any of these numbers stays in your phone’s call history. If someone else "
    "could look at your phone, you may want to delete it there."
)

#: In display order: immediate danger first.
ALL: tuple[Contact, ...] = (EMERGENCY, NON_EMERGENCY, HELPLINE, PALADIN)

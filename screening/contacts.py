"""Phone numbers and services, in one place, with the date they were last checked.

Older printed forms still carry a helpline number that no longer works. Keeping every number
here, shown by the results page and the PDF alike, means one edit fixes them all, and the date
says when someone last confirmed they work.
"""

import datetime
import re
from dataclasses import dataclass

from screening.markers import _

#: When every number below was last confirmed. Check them again before changing this date.
CHECKED_ON = datetime.date(2026, 11, 24)


@dataclass(frozen=True)
class Contact:
    key: str
    name: str
    number: str
    description: str
    extra: tuple[str, ...] = ()

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
    ),
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
)

PALADIN = Contact(
    key="paladin",
    name=_("Paladin National Stalking Advocacy Service"),
    number="020 3866 4107",
    description=_("Specialist advocates for people at high risk of harm from stalking."),
)

#: In display order: immediate danger first.
ALL: tuple[Contact, ...] = (EMERGENCY, NON_EMERGENCY, HELPLINE, PALADIN)

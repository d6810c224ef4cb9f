"""What is kept on a case beside the screenings, declared once each: its model, its form, the
page that lists it, and the subject its audit events carry.

Adding a kind of record touches this file, the model and its form: one add/change view and one
form template serve them all (``casework.views.records``)."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from casework import record_forms
from casework.models import (
    BailCondition,
    CaseRecord,
    CourtDate,
    CrimeReference,
    Perpetrator,
    ProtectiveOrder,
    Referral,
)

JUSTICE, PEOPLE, REFERRALS = "justice", "people", "referrals"


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type[CaseRecord]
    form: type[record_forms.RecordForm]
    page: str  # the URL name of the page that lists them
    subject: str  # the audit events' subject
    adding: Promise  # the add page's title
    changing: Promise  # the change page's title


KINDS = {
    kind.slug: kind
    for kind in (
        Kind(
            "crime-reference",
            CrimeReference,
            record_forms.CrimeReferenceForm,
            JUSTICE,
            "crime reference",
            _("Add a crime reference"),
            _("Change a crime reference"),
        ),
        Kind(
            "bail",
            BailCondition,
            record_forms.BailConditionForm,
            JUSTICE,
            "bail conditions",
            _("Add bail conditions"),
            _("Change bail conditions"),
        ),
        Kind(
            "order",
            ProtectiveOrder,
            record_forms.OrderForm,
            JUSTICE,
            "order",
            _("Add an order"),
            _("Change an order"),
        ),
        Kind(
            "court-date",
            CourtDate,
            record_forms.CourtDateForm,
            JUSTICE,
            "court date",
            _("Add a court date"),
            _("Change a court date"),
        ),
        Kind(
            "person",
            Perpetrator,
            record_forms.PersonForm,
            PEOPLE,
            "person",
            _("Add a person"),
            _("Change a person’s details"),
        ),
        Kind(
            "referral",
            Referral,
            record_forms.ReferralForm,
            REFERRALS,
            "referral",
            _("Add a referral"),
            _("Change a referral"),
        ),
    )
}


def kind_for(slug: str) -> Kind:
    try:
        return KINDS[slug]
    except KeyError:
        raise Http404 from None


def item_for(case, kind: Kind, item_id) -> CaseRecord:
    """The case's own record of that kind, or 404 (another case's is as if it did not exist)."""
    try:
        return kind.model.objects.get(case=case, pk=item_id)
    except (kind.model.DoesNotExist, ValueError):
        raise Http404 from None

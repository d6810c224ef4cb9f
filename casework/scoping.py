"""The one way views reach cases: through the signed-in advocate's organisation.

Views never query ``Case`` unscoped. Anything outside the advocate's organisation is a 404,
exactly like something that does not exist (docs/safety.md C17). Inside it, a restricted case is
the same 404 to everyone but its owner and the organisation's managers.

What someone may *do* to a case they can see is asked here too (``may_manage``): the owner and
the managers hand it over, restrict it or erase it; anyone else is refused with a 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from casework.models import Case, Screening


def is_manager(user) -> bool:
    """An organisation admin: sees every case of the organisation and allocates them."""
    return bool(user.is_authenticated and user.organisation_id and user.is_organisation_admin)


def cases_for(user):
    """The cases ``user`` may see: their organisation's (less the restricted cases they neither
    own nor manage), or none."""
    if not user.is_authenticated or user.organisation_id is None:
        return Case.objects.none()
    cases = Case.objects.filter(organisation_id=user.organisation_id)
    if is_manager(user):
        return cases
    return cases.filter(Q(is_restricted=False) | Q(owner=user))


def case_for(user, case_id) -> Case:
    try:
        return cases_for(user).get(pk=case_id)
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None


def may_manage(user, case: Case) -> bool:
    """The owner or a manager: who hands a case over, restricts it or erases it."""
    return case.owner_id == user.pk or is_manager(user)


def managed_case_for(user, case_id) -> Case:
    """A case ``user`` may see (404 otherwise) and manage (403 otherwise)."""
    case = case_for(user, case_id)
    if not may_manage(user, case):
        raise PermissionDenied
    return case


def screening_for(user, case_id, screening_id) -> Screening:
    case = case_for(user, case_id)
    try:
        return case.screenings.get(pk=screening_id)
    except (Screening.DoesNotExist, ValueError):
        raise Http404 from None

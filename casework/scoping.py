"""The one way views reach cases: through the signed-in advocate's organisation.

Views never query ``Case`` unscoped. Anything outside the advocate's organisation
is a 404, exactly like something that does not exist (docs/safety.md C17).
"""

from django.http import Http404

from casework.models import Case, Screening


def cases_for(user):
    """The cases ``user`` may see: their organisation's, or none."""
    if not user.is_authenticated or user.organisation_id is None:
        return Case.objects.none()
    return Case.objects.filter(organisation_id=user.organisation_id)


def case_for(user, case_id) -> Case:
    try:
        return cases_for(user).get(pk=case_id)
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None


def screening_for(user, case_id, screening_id) -> Screening:
    case = case_for(user, case_id)
    try:
        return case.screenings.get(pk=screening_id)
    except (Screening.DoesNotExist, ValueError):
        raise Http404 from None

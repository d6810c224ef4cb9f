"""The audit trail: who viewed, changed, exported or erased which case, and who invited,
stopped, restored or reset which advocate, and every sign-in (docs/safety.md).

An event names the actor, their organisation, the action, the time, and the case or the
advocate account acted on by its id, with a short subject ("details", "screening", "pdf",
"sign-in", "invitation"). It never holds a value from a case, a password or a code.
"""

from casework.models import AuditEvent

Action = AuditEvent.Action


def _actor(user):
    if user is not None and user.is_authenticated:
        return user, user.email
    return None, ""


def record(user, action: str, case, subject: str = "case") -> AuditEvent:
    actor, email = _actor(user)
    return AuditEvent.objects.create(
        actor=actor,
        actor_email=email,
        organisation_id=case.organisation_id,
        action=action,
        case_id=case.pk,
        subject=subject,
    )


def record_account(
    *, actor, action: str, subject: str, organisation=None, advocate=None
) -> AuditEvent:
    """An event with no case: an admin acting on an advocate's account (``advocate``), or a
    sign-in, sign-out or failed sign-in. ``organisation`` defaults to the actor's, then the
    advocate's; a failed sign-in for an address with no account has none."""
    who, email = _actor(actor)
    if organisation is None:
        organisation = getattr(who, "organisation", None) or getattr(advocate, "organisation", None)
    return AuditEvent.objects.create(
        actor=who,
        actor_email=email,
        organisation=organisation,
        action=action,
        advocate_id=advocate.pk if advocate is not None else None,
        subject=subject,
    )


def for_organisation(organisation):
    return AuditEvent.objects.filter(organisation=organisation).select_related("actor")

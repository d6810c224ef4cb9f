"""The audit trail: who viewed, changed, exported or erased which case (docs/safety.md C19).

An event names the actor, their organisation, the action, the time and the case by
its id, with a short subject ("details", "screening", "pdf"). It never holds a value
from the case.
"""

from casework.models import AuditEvent

Action = AuditEvent.Action


def record(user, action: str, case, subject: str = "case") -> AuditEvent:
    return AuditEvent.objects.create(
        actor=user if user and user.is_authenticated else None,
        actor_email=user.email if user and user.is_authenticated else "",
        organisation_id=case.organisation_id,
        action=action,
        case_id=case.pk,
        subject=subject,
    )


def for_organisation(organisation):
    return AuditEvent.objects.filter(organisation=organisation).select_related("actor")

"""Inviting an advocate, and joining from the invitation (docs/advocates.md).

The admin never sees or sets a password: ``invite`` returns a single-use link's token,
shown once to the admin to pass on (the service sends no email), and ``accept`` makes the
account with the password its owner chose. Two-factor is set up at their first sign-in,
straight after. The link stops working when used, when the admin invites the same address
again, and after ``INVITATION_DAYS``.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from casework import audit
from casework.models import Invitation, User


class InvitationUnusable(Exception):
    """The address already has an account (perhaps in another organisation)."""


@transaction.atomic
def invite(
    *, organisation, by: User | None, email: str, full_name: str, is_organisation_admin: bool
):
    """A new invitation to ``organisation`` (from admin ``by``, or from the command line when
    None); returns it and the link's token. An earlier invitation for the same address to
    the same organisation stops working."""
    now = timezone.now()
    email = email.strip().lower()
    Invitation.objects.usable().filter(organisation=organisation, email=email).update(
        revoked_at=now
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        full_name=full_name,
        is_organisation_admin=is_organisation_admin,
        invited_by=by,
        token_digest=Invitation.digest(token),
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_DAYS),
    )
    audit.record_account(
        actor=by, action=audit.Action.INVITED, subject="invitation", organisation=organisation
    )
    return invitation, token


def link_path(token: str) -> str:
    """The invitation link, without the host: the token goes in the query string, which no
    log keeps."""
    return f"{reverse('casework:join')}?{urlencode({'invitation': token})}"


def accept(*, invitation: Invitation, password: str) -> User:
    """Make the invited account with its owner's password, and use the invitation up."""
    try:
        with transaction.atomic():
            used = (
                Invitation.objects.usable().filter(pk=invitation.pk).update(used_at=timezone.now())
            )
            if not used:
                raise InvitationUnusable
            user = User.objects.create_user(
                invitation.email,
                password,
                full_name=invitation.full_name,
                organisation=invitation.organisation,
                is_organisation_admin=invitation.is_organisation_admin,
            )
            audit.record_account(
                actor=user, action=audit.Action.JOINED, subject="invitation", advocate=user
            )
    except IntegrityError:
        raise InvitationUnusable from None
    return user

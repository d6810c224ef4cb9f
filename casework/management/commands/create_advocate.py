"""Invite an advocate from the command line, for an organisation's first admin.

Like an organisation admin's invitation on the web: it prints a single-use link that
expires, with which the advocate chooses their own password and sets up two-factor. Whoever
runs the command never sees either.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from casework import invitations
from casework.models import Organisation, User


def _default_site() -> str:
    hosts = [host for host in settings.ALLOWED_HOSTS if host and not host.startswith(".")]
    return f"https://{hosts[0]}" if hosts else ""


class Command(BaseCommand):
    help = (
        "Invite an advocate to an organisation: prints a single-use link, valid for "
        "INVITATION_DAYS days, with which they choose their password and set up two-factor."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="The organisation's name.")
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", default="", help="Full name (defaults to the email).")
        parser.add_argument("--admin", action="store_true", help="Make them an organisation admin.")
        parser.add_argument(
            "--site",
            default=None,
            help="The service's address, e.g. https://checkthesigns.example.org "
            "(defaults to https:// and the first ALLOWED_HOSTS entry).",
        )

    def handle(self, *args, organisation, email, name, admin, site, **options):
        try:
            found = Organisation.objects.get(name=organisation)
        except Organisation.DoesNotExist:
            raise CommandError(f"There is no organisation called {organisation!r}.") from None
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not an email address.") from None
        if User.objects.filter(email=email).exists():
            raise CommandError(f"There is already an account for {email}.")
        invitation, token = invitations.invite(
            organisation=found,
            by=None,
            email=email,
            full_name=name or email,
            is_organisation_admin=admin,
        )
        role = "organisation admin" if admin else "advocate"
        base = (site if site is not None else _default_site()).rstrip("/")
        self.stdout.write(f"Invited {role} {email} to {found.name!r}.")
        self.stdout.write(
            f"Send them this link (it works once, until {invitation.expires_at:%Y-%m-%d %H:%M} "
            "UTC); with it they choose their password and set up their authenticator app:"
        )
        self.stdout.write(base + invitations.link_path(token))

"""Development only: a demo organisation and advocate, and how to sign in as them."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework import invitations
from casework.models import Organisation, User

EMAIL = "demo.advocate@example.org"
# Someone invited but not joined yet, to try joining from an invitation link.
NEWCOMER = "demo.newcomer@example.org"
SITE = "http://127.0.0.1:8000"
PASSWORD = "demo-password-only-for-development"  # noqa: S105
# A fixed secret, so the printed code and an authenticator app agree across restarts.
DEMO_KEY = "3132333435363738393031323334353637383930"


class Command(BaseCommand):
    help = "Create the demo organisation and advocate (DEBUG only) and print how to sign in."

    def add_arguments(self, parser):
        parser.add_argument("--code", action="store_true", help="Print only the current code.")

    def handle(self, *args, code, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts exist only in development (DEBUG=true).")
        organisation, _ = Organisation.objects.get_or_create(name="Demo organisation")
        user = User.objects.filter(email=EMAIL).first()
        if user is None:
            user = User.objects.create_user(
                EMAIL,
                PASSWORD,
                full_name="Demo Advocate",
                organisation=organisation,
                is_organisation_admin=True,
            )
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, defaults={"name": "Demo app", "key": DEMO_KEY, "confirmed": True}
        )
        current = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
        if code:
            self.stdout.write(current)
            return
        left = device.step - int(time.time()) % device.step
        newcomer_link = ""
        if not User.objects.filter(email=NEWCOMER).exists():
            _invitation, token = invitations.invite(
                organisation=organisation,
                by=None,
                email=NEWCOMER,
                full_name="Demo Newcomer",
                is_organisation_admin=False,
            )
            newcomer_link = (
                "\nTo try joining as an invited advocate (a new link each run): "
                f"{SITE}{invitations.link_path(token)}\n"
            )
        self.stdout.write(
            f"\nDemo sign-in (development only): {SITE}/cases/\n"
            f"  email:    {EMAIL}\n"
            f"  password: {PASSWORD}\n"
            f"  code:     {current} (for {left} more seconds; `make demo-code` prints the "
            "current one)\n"
            f"  or add this to an authenticator app: {device.config_url}\n" + newcomer_link
        )

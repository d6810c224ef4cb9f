import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.models import Organisation, User


class Command(BaseCommand):
    help = (
        "Create an advocate in an organisation and print the TOTP provisioning URI "
        "(otpauth://...) for their authenticator app."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="The organisation's name.")
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", default="", help="Full name (defaults to the email).")
        parser.add_argument(
            "--password", help="A first password; one is generated and printed if left out."
        )
        parser.add_argument("--admin", action="store_true", help="Make them an organisation admin.")

    @transaction.atomic
    def handle(self, *args, organisation, email, name, password, admin, **options):
        try:
            found = Organisation.objects.get(name=organisation)
        except Organisation.DoesNotExist:
            raise CommandError(f"There is no organisation called {organisation!r}.") from None
        email = email.strip().lower()
        if User.objects.filter(email=email).exists():
            raise CommandError(f"There is already an account for {email}.")
        generated = password is None
        password = password or secrets.token_urlsafe(12)
        user = User(email=email, full_name=name or email, organisation=found)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user.is_organisation_admin = admin
        user.set_password(password)
        user.save()
        # Confirmed now, so the advocate signs in with the code from the app they enrol
        # with this address; without it they would be shown a QR code at first sign-in.
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        role = "organisation admin" if admin else "advocate"
        self.stdout.write(f"Created {role} {email} in {found.name!r}.")
        if generated:
            self.stdout.write(f"First password: {password}")
        self.stdout.write("Add this to their authenticator app (it holds their secret):")
        self.stdout.write(device.config_url)

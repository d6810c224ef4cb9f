"""Signing an advocate in through the real pages: email and password, then the code from their
authenticator app."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def sign_in(page, site, person, password):
    page.context.clear_cookies()
    page.goto(f"{site}/cases/")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Continue").click()
    device = TOTPDevice.objects.get(user=person)
    # A code is accepted once; a second sign-in in the same 30 seconds uses the next one
    # (django-otp accepts one step of drift).
    drift = 1 if device.last_t >= 0 else 0
    page.get_by_label("Code from your authenticator app").fill(
        f"{totp(device.bin_key, step=device.step, digits=device.digits, drift=drift):06d}"
    )
    page.get_by_role("button", name="Continue").click()

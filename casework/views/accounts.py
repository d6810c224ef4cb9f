"""Signing in (email and password, then a TOTP code), enrolling, joining from an invitation,
changing a password, signing out.

Signing in rotates the session (Django's ``login``), and the two-factor step rotates it
again; signing out flushes it. django-axes counts failures per email address and per client
address and, past the limit, answers with this same page and a message that does not say
whether the account exists. Every sign-in, failure, lockout and sign-out is in the audit log.
"""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework import audit, invitations
from casework.access import NEXT, advocate_required, safe_next
from casework.forms import ChangePasswordForm, CodeForm, NewPasswordForm, SignInForm
from casework.models import Invitation, User
from screening.web import language, rate_limits

DEVICE_NAME = "Authenticator app"


def _posted_email(request) -> str:
    return request.POST.get("username", "").strip().lower()[:254]


def _user_id(request):
    return request.user.pk


@method_decorator(
    rate_limits.limited("sign-in", account=_posted_email, methods={"POST"}), name="dispatch"
)
class SignInView(LoginView):
    http_method_names = ["get", "post", "head", "options"]
    template_name = "casework/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = False

    def get_success_url(self):
        two_factor = reverse("casework:two-factor")
        target = self.get_redirect_url()
        return f"{two_factor}?{urlencode({NEXT: target})}" if target else two_factor

    def form_invalid(self, form):
        email = form.cleaned_data.get("username")
        if email and form.cleaned_data.get("password"):
            _record_failure(email, audit.Action.SIGN_IN_FAILED, "sign-in")
        return self.render_to_response(self.get_context_data(form=form), status=422)


def _record_failure(email: str, action: str, subject: str) -> None:
    """A failed or locked-out sign-in, recorded against the account tried if there is one.
    Whoever tried is not known, so there is no actor; the address typed is never stored."""
    account = User.objects.filter(email=email).first() if email else None
    audit.record_account(
        actor=None,
        action=action,
        subject=subject,
        organisation=account.organisation if account else None,
        advocate=account,
    )


def locked_out(request, original_response=None, credentials=None, *args, **kwargs):
    """django-axes' answer past the failure limit: the sign-in page, saying to wait."""
    _record_failure(_posted_email(request), audit.Action.LOCKED_OUT, "sign-in")
    form = SignInForm(request)
    message = gettext(
        "You cannot sign in for now because of too many attempts. Wait %(minutes)s minutes, "
        "then try again."
    ) % {"minutes": settings.SIGN_IN_COOLOFF_MINUTES}
    return render(
        request, "casework/sign_in.html", {"form": form, "locked_message": message}, status=429
    )


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    # Made here from the provisioning address; it holds no user input.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@require_http_methods(["GET", "POST"])
@login_required
@rate_limits.limited("two-factor", account=_user_id, methods={"POST"})
def two_factor(request):
    """Enrol an authenticator app on first sign-in; otherwise ask for its code."""
    user = request.user
    target = safe_next(request, reverse("casework:cases"))
    if user.is_verified():
        return redirect(target)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": DEVICE_NAME}
        )
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST":
        if form.is_valid():
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            # A new session key for the fully signed-in session, as at the password step.
            request.session.cycle_key()
            audit.record_account(actor=user, action=audit.Action.SIGNED_IN, subject="two-factor")
            return redirect(target)
        if "code" in form.errors:
            # Past the password, so it is this account, but perhaps not its owner.
            audit.record_account(
                actor=None,
                action=audit.Action.SIGN_IN_FAILED,
                subject="two-factor",
                organisation=user.organisation,
                advocate=user,
            )
    context = {"form": form, "enrolling": enrolling, NEXT: target}
    if enrolling:
        secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
        context.update(qr_code=_qr_svg(device.config_url), secret=_grouped(secret))
    status = 422 if form.errors else 200
    return render(request, "casework/two_factor.html", context, status=status)


@require_POST
def sign_out(request):
    if request.user.is_authenticated:
        audit.record_account(actor=request.user, action=audit.Action.SIGNED_OUT, subject="sign-in")
    chosen = language.chosen(request)
    logout(request)  # flushes the session
    # The language outlives the sign-out, in a new session that holds nothing else.
    language.choose(request, chosen)
    return redirect(reverse("casework:signed-out"))


@require_safe
def signed_out(request):
    """After signing out, or when the idle time ran out.

    A GET changes nothing: a link from another site must not sign anyone out. Someone who
    is still signed in is told so, with the Sign out button (a POST with a CSRF token).
    """
    return render(request, "casework/signed_out.html")


def _invitation_unusable(request):
    return render(request, "casework/invitation_unusable.html", status=404)


@require_http_methods(["GET", "POST"])
def join(request):
    """Joining from an invitation link: choose a password, then set up two-factor.

    The token arrives in the query string (which no log keeps) and goes back in the form,
    never in the path."""
    token = request.POST.get("invitation") or request.GET.get("invitation") or ""
    invitation = Invitation.objects.for_token(token)
    if invitation is None:
        return _invitation_unusable(request)
    newcomer = User(
        email=invitation.email,
        full_name=invitation.full_name,
        organisation=invitation.organisation,
    )
    form = NewPasswordForm(request.POST or None, user=newcomer)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept(
                invitation=invitation, password=form.cleaned_data["new_password"]
            )
        except invitations.InvitationUnusable:
            return _invitation_unusable(request)
        logout(request)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("casework:two-factor")
    context = {"form": form, "invitation": invitation, "token": token}
    return render(request, "casework/join.html", context, status=422 if form.errors else 200)


@advocate_required
@require_http_methods(["GET", "POST"])
def change_password(request):
    """Change your own password. Your other sessions end; this one carries on."""
    form = ChangePasswordForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        request.user.set_password(form.cleaned_data["new_password"])
        request.user.save(update_fields=["password"])
        update_session_auth_hash(request, request.user)
        audit.record_account(
            actor=request.user, action=audit.Action.PASSWORD_CHANGED, subject="account"
        )
        return render(request, "casework/password_changed.html")
    status = 422 if form.errors else 200
    return render(request, "casework/change_password.html", {"form": form}, status=status)

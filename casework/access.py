"""Who may see advocate pages: signed in, past two-factor, in an organisation.

A password alone reaches nothing (docs/safety.md C15): until the TOTP code is given,
every advocate page sends the user to the two-factor step.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

NEXT = "next"


def safe_next(request, default: str) -> str:
    """The ``next`` address if it is one of ours, otherwise ``default``."""
    target = request.POST.get(NEXT) or request.GET.get(NEXT) or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def advocate_required(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("casework:sign-in"))
        if not user.is_verified():
            return redirect(reverse("casework:two-factor"))
        if user.organisation_id is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


def organisation_admin_required(view):
    @advocate_required
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_organisation_admin:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked

"""Headers that every response carries, static files and error pages included."""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed


@cache
def content_security_policy() -> str:
    """The policy django-csp sends, built once from the same settings."""
    from csp.utils import build_policy

    return build_policy(config=settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])


def _forget_policy(*, setting, **kwargs):
    if setting == "CONTENT_SECURITY_POLICY":
        content_security_policy.cache_clear()


setting_changed.connect(_forget_policy)


class SafetyHeadersMiddleware:
    """Forbid caching anywhere, framing and anything but our own files, and switch off
    powerful browser features.

    A page kept in a browser or proxy cache is a trace someone else could find,
    so nothing is cacheable, not even stylesheets (docs/safety.md).

    This sits outside whitenoise and Django's own error handling for middleware further
    in, so static files and early error pages (a request for a host we do not serve is
    answered before ``XFrameOptionsMiddleware`` and ``CSPMiddleware`` are reached) get the
    frame and content policies here, the same as every page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Cache-Control"] = "no-store, private"
        response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        response.headers.setdefault("Content-Security-Policy", content_security_policy())
        response.headers.pop("Expires", None)
        response.headers.pop("Last-Modified", None)
        response.headers.pop("ETag", None)
        return response

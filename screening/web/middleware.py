"""Headers that every response carries, static files and error pages included."""

from django.conf import settings


class SafetyHeadersMiddleware:
    """Forbid caching anywhere and switch off powerful browser features.

    A page kept in a browser or proxy cache is a trace someone else could find,
    so nothing is cacheable, not even stylesheets (docs/safety.md A6, B11).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Cache-Control"] = "no-store, private"
        response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        response.headers.pop("Expires", None)
        response.headers.pop("Last-Modified", None)
        response.headers.pop("ETag", None)
        return response

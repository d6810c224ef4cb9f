"""CSRF protection that works with ``Referrer-Policy: no-referrer``.

Every page forbids referrers so that nothing about a visit leaks to another
site. Browsers then send ``Origin: null`` (and no ``Referer``) even on a form
posted from our own page, which Django's stock middleware treats as a foreign
origin. We accept a ``null`` origin only when the browser's own
``Sec-Fetch-Site`` header says the request came from this site (or the browser
is too old to send that header). The CSRF token is still checked in full: it
lives in the server-side session, reached through a ``__Host-`` cookie in
production, so it cannot be planted or read by another site.
"""

from django.middleware.csrf import CsrfViewMiddleware


class NoReferrerCsrfViewMiddleware(CsrfViewMiddleware):
    def _origin_verified(self, request):
        if request.META.get("HTTP_ORIGIN") == "null":
            return request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") == "same-origin"
        return super()._origin_verified(request)

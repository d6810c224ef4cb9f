"""A neutral 503 page when the database cannot be reached (docs/safety.md D26).

Answers live in the database-backed session, so a lost database connection can
fail a request anywhere: loading the session in a view, or saving it in the
session middleware's response phase. Django turns each of those exceptions into
its 500 page before an outer middleware sees it, so this module listens for
them as they happen (``got_request_exception``) and marks the request; the
middleware, placed outside the session middleware, then swaps whatever came
back for a 503 page that touches neither the session nor the database.

Nothing partial is written: the session is saved whole or not at all, and the
anonymous journey writes nothing else.
"""

import logging
import sys

from csp.middleware import CSPMiddleware
from django.core.signals import got_request_exception
from django.db.utils import InterfaceError, OperationalError
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60
UNAVAILABLE = (
    _("Sorry, the service is unavailable"),
    (
        _("Please try again in a few minutes."),
        _("Answers you gave before this page have been kept for now."),
    ),
)
_MARK = "_database_unavailable"


def _note_database_error(sender, request=None, **kwargs):
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        setattr(request, _MARK, True)


got_request_exception.connect(
    _note_database_error, dispatch_uid="screening.web.database_unavailable"
)


class DatabaseUnavailableMiddleware:
    """Answer 503 with the neutral error page when the database failed this request."""

    def __init__(self, get_response):
        self.get_response = get_response
        # These two sit inside this one in MIDDLEWARE, so the 503 page gets
        # their headers here, like every other page.
        self.header_middleware = [
            XFrameOptionsMiddleware(get_response),
            CSPMiddleware(get_response),
        ]

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except DATABASE_ERRORS as error:
            return self.unavailable(request, error)
        if getattr(request, _MARK, False):
            return self.unavailable(request, None)
        return response

    def unavailable(self, request, error):
        # Only the kind of failure is logged: a database message can quote a query.
        logger.error(
            "The database could not be reached (%s): %s %s",
            type(error).__name__ if error else "see the error above",
            request.method,
            request.path,
        )
        # The page shell asks whether a screening is under way; with the
        # database gone the session cannot say, and must not be asked.
        request.session = {}
        title, paragraphs = UNAVAILABLE
        response = render(
            request,
            "errors/error.html",
            {"title": title, "paragraphs": paragraphs},
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        for middleware in self.header_middleware:
            response = middleware.process_response(request, response)
        return response

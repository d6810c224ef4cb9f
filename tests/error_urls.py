"""The real URLs plus routes that fail on purpose, to reach the error handlers."""

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.urls import path

from screening.urls import *  # noqa: F403
from screening.urls import urlpatterns as real_patterns
from screening.web import rate_limits


def _bad_request(request):
    raise SuspiciousOperation("test")


def _forbidden(request):
    raise PermissionDenied


def _too_large(request):
    raise RequestDataTooBig("test")


def _too_many(request):
    return rate_limits.too_many(request, 300)


def _broken(request):
    raise RuntimeError("deliberate failure in a test")


urlpatterns = [
    *real_patterns,
    path("test-400/", _bad_request),
    path("test-403/", _forbidden),
    path("test-413/", _too_large),
    path("test-429/", _too_many),
    path("test-500/", _broken),
]

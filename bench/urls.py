"""The service's URLs plus a bare Django view, the yardstick for the benchmark."""

from django.http import HttpResponse
from django.urls import path

from screening.urls import handler400, handler403, handler404, handler500  # noqa: F401
from screening.urls import urlpatterns as service_urlpatterns

BARE_PATH = "/bench/bare/"


def bare(request):
    """The least a Django view can do, through the same middleware as every page."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(BARE_PATH.lstrip("/"), bare), *service_urlpatterns]

"""Information pages and the exit route: the public shell around the screening."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import TemplateView


class InfoPage(TemplateView):
    """A page of fixed text, configured in urls.py by its template."""


@require_http_methods(["GET", "POST"])
def exit_now(request):
    """Leave at once: forget everything and go somewhere unremarkable.

    The session row is deleted, the browser is told to drop this site's
    cookies and storage, and the 303 sends it to a neutral site without a
    referrer (docs/safety.md A3).
    """
    request.session.flush()
    response = HttpResponseRedirect(settings.EXIT_URL)
    response.status_code = 303
    response["Clear-Site-Data"] = '"cookies", "storage"'
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_http_methods(["POST"])
def keep_session(request):
    """Restart the idle clock when someone chooses to keep their answers.

    Marking the session changed makes sure it is written with a fresh expiry
    (an unchanged session is rewritten at most once a minute: screening/web/sessions.py).
    """
    request.session.modified = True
    return HttpResponse(status=204)


@require_safe
def session_ended(request):
    """Where the page goes when the idle time runs out: make sure it is true."""
    request.session.flush()
    return render(request, "pages/session_ended.html")

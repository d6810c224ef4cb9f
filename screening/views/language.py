"""The language switch in every page's header."""

from urllib.parse import urlsplit

from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from screening.web import drafts, language


def _back_to(request) -> str:
    """The page the switch was used on: a path on this site, or the start page."""
    wanted = request.GET.get("next", "")
    if wanted.startswith("/") and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return "/"


@require_http_methods(["GET", "POST"])
def switch(request, language_code: str):
    """Show the service in ``language_code`` from now on in this session, and go back to the page.

    A link (GET) comes from a page without a form. A page with a form submits it here
    instead (POST, so with its CSRF token): what was typed is kept for that page, which
    shows it again in the new language, checked and saved as nothing
    (``screening.web.drafts``).
    """
    if language_code not in language.supported():
        raise Http404
    back_to = _back_to(request)
    language.choose(request, language_code)
    if request.method == "POST":
        drafts.keep(request.session, path=urlsplit(back_to).path, data=request.POST)
    response = HttpResponseRedirect(back_to)
    response.status_code = 303
    return response

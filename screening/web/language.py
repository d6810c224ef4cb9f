"""The language every page is shown in: the one chosen in this session, English otherwise.

Django's own ``LocaleMiddleware`` keeps the choice in a cookie of its own and otherwise guesses
from the browser's ``Accept-Language``. This service sets no cookie but the session's, and
shows English until the person chooses Welsh with the switch in the header
(docs/decisions/0010-language-in-the-session.md). Reading the choice never creates a session:
a visitor who has not chosen has none, and gets English.
"""

from django.conf import settings
from django.utils import translation

from screening.web import drafts

SESSION_KEY = "language"


def supported() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def chosen(request) -> str:
    """The language this session chose, or the service's default."""
    code = request.session.get(SESSION_KEY)
    return code if code in supported() else settings.LANGUAGE_CODE


def choose(request, code: str) -> None:
    """Keep ``code`` as this session's language (the default is not stored at all)."""
    if code == settings.LANGUAGE_CODE:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = code


class SessionLanguageMiddleware:
    """Activate the session's language for the request, and give back what was typed on the
    page the person switched language from (``screening.web.drafts``).

    The language is let go of afterwards, so whatever a thread answers next (an error from
    middleware outside this one) starts from the default, never from someone else's choice.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = chosen(request)
        translation.activate(code)
        request.LANGUAGE_CODE = code
        try:
            with drafts.given_back(request):
                response = self.get_response(request)
        finally:
            translation.deactivate()
        response.headers.setdefault("Content-Language", code)
        return response

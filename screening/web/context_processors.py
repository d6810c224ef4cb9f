from django.conf import settings
from django.utils.translation import get_language, gettext

from screening import questions


def service_name() -> str:
    """The service's name in the page's language: the catalogue's Welsh for the default name,
    or ``SERVICE_NAME_CY`` beside a name of the deployment's own."""
    if get_language() == "cy" and settings.SERVICE_NAME_CY:
        return settings.SERVICE_NAME_CY
    if settings.SERVICE_NAME == settings.DEFAULT_SERVICE_NAME:
        return gettext(settings.DEFAULT_SERVICE_NAME)
    return settings.SERVICE_NAME


def service(request):
    """Values every page shell needs: the service name, the idle limit, the size of the
    checklist, and the languages for the switch, each named in itself (not translated)."""
    return {
        "service_name": service_name(),
        "session_idle_minutes": settings.SESSION_IDLE_MINUTES,
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        # How many warning signs the bank in use has: pages never write the number in.
        "sign_count": len(questions.BANK.warning_signs),
        "languages": settings.LANGUAGES,
    }

from django.conf import settings

from screening import questions


def service(request):
    """Values every page shell needs: the service name, the idle limit and the size of the
    checklist."""
    return {
        "service_name": settings.SERVICE_NAME,
        "session_idle_minutes": settings.SESSION_IDLE_MINUTES,
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        # How many warning signs the bank in use has: pages never write the number in.
        "sign_count": len(questions.BANK.warning_signs),
    }

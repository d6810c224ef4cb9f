from django.conf import settings


def service(request):
    """Values every page shell needs: the service name and the idle limit."""
    return {
        "service_name": settings.SERVICE_NAME,
        "session_idle_minutes": settings.SESSION_IDLE_MINUTES,
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
    }

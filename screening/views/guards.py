"""What a page does when the visit it needs is not there."""

from django.conf import settings
from django.shortcuts import redirect


def not_started(request):
    """Where a page that needs a screening in progress sends someone without one.

    A session cookie with no screening behind it means the session ended (idle time
    ran out): say so, so nobody wonders where their answers went. Otherwise, the start.
    """
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return redirect("session-ended")
    return redirect("start")

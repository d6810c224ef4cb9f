"""The client's network address: the one place that decides it.

Behind proxies, ``REMOTE_ADDR`` is the nearest proxy's address, the same for everyone. Each
proxy appends the address it received the request from to ``X-Forwarded-For``, so with
``TRUSTED_PROXIES`` proxies in front (set in the environment, 0 by default), the client is the
entry that many places from the right: the address the outermost trusted proxy saw. Anything
to its left was written by the client and is never believed. With no trusted proxy the header
is ignored.

django-axes (``AXES_CLIENT_IP_CALLABLE``) and ``screening.web.rate_limits`` both count by this
address, and nothing else should read ``REMOTE_ADDR`` or ``X-Forwarded-For`` itself.
"""

import ipaddress

from django.conf import settings

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_address(request) -> str:
    """The address of whoever is at the other end, past the trusted proxies."""
    connection = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return connection
    entries = [entry.strip() for entry in request.META.get(FORWARDED_FOR, "").split(",")]
    entries = [entry for entry in entries if entry]
    if not entries:
        return connection
    # Fewer entries than proxies: the leftmost was still appended by a trusted proxy.
    found = entries[-min(proxies, len(entries))]
    return found if _valid(found) else connection

"""How many passphrase attempts may go ahead: per client, per advocate, and overall.

Every attempt costs an Argon2id derivation (see ``crypto.COST``), so the limits bound both
guessing and the CPU and memory that guessing would burn. Counters live in the cache named by
``SAVED_RECORD_LIMITS_CACHE``, which must be shared by every app server (the settings use
Django's database cache): a counter in one process's memory would let each server allow its own.

This is deliberately one small function with a plain answer, so it can later be pointed at a
shared rate-limiting mechanism without any view changing.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import caches


def client_address(request) -> str:
    """The client's address: the nearest proxy's view of it when behind one we trust."""
    if settings.TRUST_X_FORWARDED_PROTO:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]  # added by our own proxy; anything left of it the client could write
    return request.META.get("REMOTE_ADDR", "")


def _pseudonym(value: str) -> str:
    """What the counter is called: never the address or account itself."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:32]


def _count(cache, name: str, *, limit: int, window: int, now: float) -> int | None:
    """Count one attempt in the current window; seconds to wait if it is over ``limit``."""
    started = int(now // window) * window
    key = f"kept-record-attempts:{name}:{started}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return max(int(started + window - now) + 1, 1)
    return None


def opening_allowed(request) -> int | None:
    """``None`` if one more passphrase attempt may go ahead now; otherwise how many seconds to
    wait. Counted whether or not the attempt then succeeds."""
    cache = caches[settings.SAVED_RECORD_LIMITS_CACHE]
    now = time.time()
    window = settings.SAVED_RECORD_CLIENT_WINDOW_MINUTES * 60
    names = [f"client:{_pseudonym(client_address(request))}"]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        names.append(f"account:{_pseudonym(str(user.pk))}")
    per_client = settings.SAVED_RECORD_ATTEMPTS_PER_CLIENT
    overall = settings.SAVED_RECORD_ATTEMPTS_PER_MINUTE
    waits = [_count(cache, name, limit=per_client, window=window, now=now) for name in names]
    waits.append(_count(cache, "overall", limit=overall, window=60, now=now))
    found = [wait for wait in waits if wait is not None]
    return max(found) if found else None

"""Rate limits for expensive endpoints: one mechanism for the whole service.

Each *scope* ("sign-in", "summary-pdf", ...) has up to three limits in
``settings.RATE_LIMITS``, each ``(requests, minutes)``:

- ``"client"``: per client address (``screening.web.client_address``, past the trusted proxies);
- ``"account"``: per account the request is about (an email address, a user id, a record's
  finder: whatever the caller passes as ``account``);
- ``"everyone"``: all requests to the scope together.

Use it one of two ways::

    retry_after = rate_limits.check(request, "open-record", account=finder)
    if retry_after is not None:
        return rate_limits.too_many(request, retry_after)

    @rate_limits.limited("case-pdf", account=lambda request: request.user.pk)
    def download(request, ...): ...

``check`` counts the request against every limit of the scope and returns ``None`` if all
are within their limit, otherwise the seconds until the longest-waiting one starts again. It
counts whether or not the request goes on to succeed. ``too_many`` is the service's neutral
"Please wait" page (429, with ``Retry-After`` and the exit button). An unknown scope is a
``KeyError``: a mistake in the code, not in a request.

Counts are fixed windows kept in the database (``RateLimitCounter``), so every app server
sees the same count, and each is changed by one atomic UPDATE. A row is keyed by an HMAC of
the scope, the kind of limit and the value, so the table holds no address or email.
"""

import math
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from screening.models import RateLimitCounter
from screening.web.client_address import client_address

CLIENT, ACCOUNT, EVERYONE = "client", "account", "everyone"
_KEY_SALT = "screening.web.rate_limits"
# Counters whose window ended this long ago are removed when a new window starts.
_KEEP_ENDED = timedelta(days=1)


def _key(scope: str, kind: str, value: str) -> str:
    return salted_hmac(_KEY_SALT, f"{scope}\n{kind}\n{value}", algorithm="sha256").hexdigest()


def _count(key: str, minutes: float) -> tuple[int, timedelta]:
    """Add one to the counter ``key``; its new count and the time left in its window."""
    now = timezone.now()
    ends = now + timedelta(minutes=minutes)
    counters = RateLimitCounter.objects
    with transaction.atomic():
        if counters.filter(key=key, window_ends__gt=now).update(count=F("count") + 1):
            counter = counters.get(key=key)
            return counter.count, counter.window_ends - now
        # A new window: restart an ended counter, or make one.
        if not counters.filter(key=key).update(count=1, window_ends=ends):
            try:
                with transaction.atomic():
                    counters.create(key=key, count=1, window_ends=ends)
            except IntegrityError:  # another request made it first: count on that one
                counters.filter(key=key).update(count=F("count") + 1)
                counter = counters.get(key=key)
                return counter.count, counter.window_ends - now
            counters.filter(window_ends__lt=now - _KEEP_ENDED).delete()
    return 1, ends - now


def check(request, scope: str, *, account=None) -> int | None:
    """Count this request; ``None`` if it is within every limit of ``scope``, otherwise the
    seconds to wait (see the module docstring)."""
    limits = settings.RATE_LIMITS[scope]
    values = {CLIENT: client_address(request), EVERYONE: ""}
    if account is not None and account != "":
        values[ACCOUNT] = str(account)
    waits = []
    for kind, value in values.items():
        if kind not in limits:
            continue
        allowed, minutes = limits[kind]
        allowed = math.ceil(allowed * settings.RATE_LIMIT_SCALE)
        count, left = _count(_key(scope, kind, value), minutes)
        if count > allowed:
            waits.append(max(1, math.ceil(left.total_seconds())))
    return max(waits) if waits else None


PAGE_TITLE = _("Please wait before trying again")


def too_many(request, retry_after: int):
    """The neutral "try again in N minutes" page, with the exit button."""
    minutes = max(1, math.ceil(retry_after / 60))
    context = {
        "title": PAGE_TITLE,
        "paragraphs": (
            _("This has been tried too many times in a short time."),
            ngettext(
                "Try again in %(minutes)s minute.",
                "Try again in %(minutes)s minutes.",
                minutes,
            )
            % {"minutes": minutes},
            _("Anything you have already given has been kept."),
        ),
        "action": None,
    }
    response = render(request, "errors/error.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def limited(scope: str, *, account=None, methods=None):
    """A view decorator: ``check`` each request (only ``methods`` if given) and answer with
    ``too_many`` past the limit. ``account`` is a function of the request, or None."""

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if methods is None or request.method in methods:
                retry_after = check(request, scope, account=account(request) if account else None)
                if retry_after is not None:
                    return too_many(request, retry_after)
            return view(request, *args, **kwargs)

        return checked

    return decorate

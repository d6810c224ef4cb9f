"""How many passphrase attempts may go ahead: per client, per advocate, and for everyone.

Every attempt (opening a record, making a passphrase, an advocate's import) costs an Argon2id
derivation (see ``crypto.COST``), so the limits bound both guessing and the CPU and memory that
guessing would burn. They are the service's one rate-limit mechanism
(``screening.web.rate_limits``), scope ``"open-record"`` in ``RATE_LIMITS``: counted in the
database that every app server shares, by the client address past the trusted proxies.
"""

from screening.web import rate_limits

SCOPE = "open-record"


def opening_allowed(request) -> int | None:
    """``None`` if one more passphrase attempt may go ahead now; otherwise how many seconds to
    wait. Counted whether or not the attempt then succeeds."""
    user = getattr(request, "user", None)
    account = f"advocate:{user.pk}" if user is not None and user.is_authenticated else None
    return rate_limits.check(request, SCOPE, account=account)

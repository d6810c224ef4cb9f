from django.conf import settings

from screening.saved_records.session import STATE_KEY, KeptState


def kept_record(request) -> dict:
    """For the line on every page that says the record is kept, and when it was last saved."""
    found = {"kept_record": None, "saved_record_days": settings.SAVED_RECORD_DAYS}
    session = getattr(request, "session", None)
    if session is not None and STATE_KEY in session:
        state = KeptState(session)
        found["kept_record"] = {"saved_at": state.saved_at(), "expires_on": state.expires_on()}
    return found

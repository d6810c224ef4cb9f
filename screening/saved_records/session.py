"""While the person works: the kept record's keys in their server-side session, and the step
that saves every change.

The session holds the finder and key (never the passphrase), a fingerprint of what was last
saved, when, and the history of openings. It all goes with the session: on "Exit this page",
when the browser closes, or after the idle time. The kept record itself stays.

:class:`SaveKeptRecordMiddleware` is the one hook into the rest of the service: after any view
has changed the session, if the answers, entries or police details differ from what was last
saved, it saves them, encrypted. Views that change those values need to know nothing about it.
"""

import base64
from datetime import date, datetime

from django.utils import timezone

from screening.saved_records import contents as kept_contents
from screening.saved_records import service
from screening.saved_records.crypto import Keys

STATE_KEY = "kept_record"
#: Views after which this visit stops keeping: "Start again" empties the visit to begin afresh,
#: and must not empty the kept record with it. The kept record stays as it was.
STOP_KEEPING_AFTER = {"questions:start-again"}
#: Keys made for a passphrase that has been shown but not yet accepted.
PENDING_KEY = "kept_record_offered"


def _encode(keys: Keys) -> dict[str, str]:
    return {
        "finder": base64.b64encode(keys.finder).decode("ascii"),
        "key": base64.b64encode(keys.key).decode("ascii"),
    }


def _decode(stored) -> Keys | None:
    try:
        return Keys(base64.b64decode(stored["finder"]), base64.b64decode(stored["key"]))
    except (KeyError, TypeError, ValueError):
        return None


class KeptState:
    """What ``request.session`` knows about the person's kept record, if they have one."""

    def __init__(self, session):
        self.session = session

    @property
    def _state(self) -> dict | None:
        state = self.session.get(STATE_KEY)
        return state if isinstance(state, dict) else None

    @property
    def is_kept(self) -> bool:
        return self.keys() is not None

    def keys(self) -> Keys | None:
        state = self._state
        return _decode(state) if state else None

    def saved_at(self) -> datetime | None:
        state = self._state
        return datetime.fromisoformat(state["saved_at"]) if state else None

    def expires_on(self) -> date | None:
        state = self._state
        return date.fromisoformat(state["expires_on"]) if state else None

    def openings(self) -> list[datetime]:
        state = self._state
        return [datetime.fromisoformat(value) for value in state["opened"]] if state else []

    def contents(self) -> kept_contents.Contents:
        state = self._state or {}
        return kept_contents.from_session(self.session).with_history(state.get("opened", []))

    def remember(self, keys: Keys, saved: service.Saved) -> None:
        self.session[STATE_KEY] = {
            **_encode(keys),
            "digest": kept_contents.digest(saved.contents),
            "saved_at": timezone.now().isoformat(timespec="seconds"),
            "expires_on": saved.expires_on.isoformat(),
            "opened": list(saved.contents.opened),
        }

    def forget(self) -> None:
        self.session.pop(STATE_KEY, None)
        self.session.pop(PENDING_KEY, None)

    def offer(self, keys: Keys) -> None:
        self.session[PENDING_KEY] = _encode(keys)

    def take_offered(self) -> Keys | None:
        stored = self.session.pop(PENDING_KEY, None)
        return _decode(stored) if isinstance(stored, dict) else None

    def save_if_changed(self) -> None:
        state = self._state
        keys = self.keys()
        if keys is None:
            return
        current = self.contents()
        if kept_contents.digest(current) == state.get("digest"):
            return
        saved = service.save(keys=keys, contents=current)
        if saved is None:  # deleted on another device, or past its date: nothing to save to
            self.forget()
        else:
            self.remember(keys, saved)


class SaveKeptRecordMiddleware:
    """Save the kept record after any response that changed the session.

    Sits inside Django's ``SessionMiddleware``, so the session it updates is then written.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.modified or STATE_KEY not in session:
            return response
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name in STOP_KEEPING_AFTER:
            KeptState(session).forget()
        else:
            KeptState(session).save_if_changed()
        return response

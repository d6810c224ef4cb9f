"""What someone had typed when they switched language, given back on the page they were on.

Switching language from a page with a form submits that form to the language view
(``screening.views.language``) instead of the page's own. The view keeps the fields here, in
the session, for the one page it sends the person back to. On that page every form built
without data starts from them, as if typed again: they are never checked as answers, never
saved as any, and gone after that one page.

Nothing secret is kept: no password, passphrase, authenticator code or CSRF token, and no
file. The session is encrypted at rest like everything else in it (screening/web/sessions.py).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django import forms
from django.utils.datastructures import MultiValueDict

SESSION_KEY = "language_draft"
#: Fields never kept, by name, whatever form they come from: secrets, and tokens the page
#: makes afresh (a form's one-time submission token, an invitation's).
NOT_KEPT = frozenset(
    {
        "csrfmiddlewaretoken",
        "submission_token",
        "invitation",
        "password",
        "current_password",
        "new_password",
        "confirm_password",
        "passphrase",
        "code",
    }
)
#: Widgets whose values are never given back, even under another name.
NEVER_GIVEN_BACK = (forms.PasswordInput, forms.FileInput)

_given_back: ContextVar[MultiValueDict | None] = ContextVar("language_draft", default=None)


def _keepable(name: str) -> bool:
    lowered = name.lower()
    return name not in NOT_KEPT and "password" not in lowered and "passphrase" not in lowered


def keep(session, *, path: str, data) -> None:
    """Keep the posted ``data`` (a ``QueryDict``) for the next view of ``path``."""
    fields = {
        name: [str(value) for value in values] for name, values in data.lists() if _keepable(name)
    }
    if fields:
        session[SESSION_KEY] = {"path": path, "fields": fields}
    else:
        session.pop(SESSION_KEY, None)


def _take(request) -> MultiValueDict | None:
    """The draft kept for this request's page, removed from the session either way.

    Any page view ends a draft: it is for the page the language view sends the person back
    to, and nowhere else.
    """
    if request.method not in ("GET", "HEAD"):
        return None
    draft = request.session.pop(SESSION_KEY, None)
    if not isinstance(draft, dict) or draft.get("path") != request.path:
        return None
    fields = draft.get("fields")
    if not isinstance(fields, dict):
        return None
    return MultiValueDict(
        {
            name: [value for value in values if isinstance(value, str)]
            for name, values in fields.items()
            if isinstance(name, str) and isinstance(values, list) and _keepable(name)
        }
    )


@contextmanager
def given_back(request) -> Iterator[None]:
    """For the length of the request, offer its page's draft to the forms it builds."""
    token = _given_back.set(_take(request))
    try:
        yield
    finally:
        _given_back.reset(token)


def in_use() -> bool:
    """Whether this request is giving back a draft (so shared empty forms will not do)."""
    return _given_back.get() is not None


MISSING = object()


def typed_value(form: forms.BaseForm, field: forms.Field, name: str):
    """What was typed into ``form``'s field ``name`` before the switch, or ``MISSING``."""
    draft = _given_back.get()
    if draft is None or form.is_bound or isinstance(field.widget, NEVER_GIVEN_BACK):
        return MISSING
    key = form.add_prefix(name)
    if not _keepable(name) or field.widget.value_omitted_from_data(draft, {}, key):
        return MISSING
    return field.widget.value_from_datadict(draft, {}, key)

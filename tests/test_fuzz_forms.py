"""Property-based tests over every public form (docs/safety.md D25).

Whatever arrives (huge text, control characters, right-to-left marks, emoji,
HTML, choices that exist and choices that do not, missing fields), a form
answers with the page again and a clear error (422), or moves on (302/303).
Never a server error.

Each form is found by URL and its fields are read from the page itself, so a
new form is covered by adding a ``FormPage`` to ``FORMS`` with a function that
puts a client where the form can be posted.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.conf import settings as django_settings
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from screening.questions import BANK
from screening.web.sessions import SessionStore
from tests.journey import answer_everything

pytestmark = pytest.mark.django_db

EXAMPLES_PER_FORM = 40
ALLOWED = {200, 302, 303, 422}

SPECIMENS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<b>bold</b> &amp; &lt;",
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u200e\u2067mixed\u2069",  # right-to-left and isolate marks
    "\ufeff\u200b\u2060",  # invisible formatting characters
    "🙂👩🏽‍💻🏳️‍🌈",
    "\x00",
    "\x1b[31mred\x1b[0m",
    "line one\r\nline two\ttab",
    "{name} {{name}} %(name)s %s {0}",
    "' OR 1=1 --",
    "\ud7ff\ue000\U0010ffff",
    " ",
    "",
]
nasty_text = st.one_of(
    st.text(max_size=300),
    st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Mn", "So"]), max_size=50),
    st.sampled_from(SPECIMENS),
    st.builds(
        lambda text, times: text * times,
        st.sampled_from([*SPECIMENS[:8], "x"]),
        st.integers(1, 20_000),
    ),
)
MISSING = object()


# --- Where each form lives -------------------------------------------------------

_complete_screening: dict = {}


def with_complete_screening(client: Client) -> None:
    """Give the client a fresh session holding a complete screening."""
    if not _complete_screening:
        walker = Client()
        answer_everything(walker, yes=(1, 3), dont_know=(5,))
        _complete_screening.update(walker.session.items())
    store = SessionStore()
    store.update(_complete_screening)
    store.save()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = store.session_key


@dataclass(frozen=True)
class FormPage:
    url: str
    prepare: Callable[[Client], None]


FORMS = [FormPage(f"/questions/{question.slug}/", with_complete_screening) for question in BANK]
FORMS += [
    FormPage("/summary/details/", with_complete_screening),
    FormPage("/record/add/", with_complete_screening),  # the change page uses the same form
    FormPage("/open/", with_complete_screening),
]


# --- Reading a form's fields from its page -------------------------------------------


class _FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: dict[str, dict] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if not name or name == "csrfmiddlewaretoken" or tag not in {"input", "textarea", "select"}:
            return
        kind = "textarea" if tag == "textarea" else attributes.get("type", "text")
        field = self.fields.setdefault(name, {"kind": kind, "values": []})
        if kind in {"radio", "checkbox"}:
            field["values"].append(attributes.get("value", "on"))


def fields_of(html: str) -> dict[str, dict]:
    parser = _FormFields()
    parser.feed(html)
    assert parser.fields, "the page has a form"
    return parser.fields


def value_for(field: dict):
    if field["kind"] == "radio":
        return st.one_of(st.just(MISSING), st.sampled_from(field["values"]), nasty_text)
    if field["kind"] == "checkbox":
        choice = st.one_of(st.sampled_from(field["values"]), nasty_text)
        return st.one_of(
            st.just(MISSING),
            st.lists(st.sampled_from(field["values"]), max_size=len(field["values"])),
            st.lists(choice, max_size=5),
        )
    return st.one_of(st.just(MISSING), nasty_text)


def postings(fields: dict[str, dict]):
    return st.fixed_dictionaries({name: value_for(field) for name, field in fields.items()}).map(
        lambda data: {name: value for name, value in data.items() if value is not MISSING}
    )


def assert_clear_outcome(response):
    assert response.status_code in ALLOWED, response.status_code
    if response.status_code == 422:
        html = response.content.decode()
        assert "govuk-error-summary" in html
        assert 'href="/exit/"' in html
    if response.status_code in {302, 303}:
        assert response["Location"].startswith("/")


# --- The tests -----------------------------------------------------------------------


@pytest.mark.parametrize("page", FORMS, ids=lambda page: page.url)
def test_any_posting_gives_a_clear_error_or_moves_on(page):
    client = Client()
    page.prepare(client)
    fields = fields_of(client.get(page.url).content.decode())

    @settings(
        max_examples=EXAMPLES_PER_FORM,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=postings(fields))
    def posting_is_handled(data):
        page.prepare(client)
        response = client.post(page.url, data)
        event(f"status {response.status_code}")
        assert_clear_outcome(response)

    posting_is_handled()


@pytest.mark.parametrize("page", FORMS[:1] + FORMS[-2:], ids=lambda page: page.url)
def test_an_oversized_request_gets_the_neutral_too_large_page(page):
    client = Client(raise_request_exception=False)
    page.prepare(client)
    too_big = "x" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(page.url, {"name": too_big, "details": too_big})
    assert response.status_code == 413
    assert "What you sent was too large" in response.content.decode()
    assert 'href="/exit/"' in response.content.decode()


@pytest.mark.parametrize("page", FORMS[:1] + FORMS[-2:], ids=lambda page: page.url)
def test_too_many_fields_get_the_neutral_too_large_page(page):
    client = Client(raise_request_exception=False)
    page.prepare(client)
    response = client.post(
        page.url, {f"f{n}": "x" for n in range(django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    )
    assert response.status_code == 413
    assert 'href="/exit/"' in response.content.decode()

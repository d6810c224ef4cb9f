"""Invisible and direction-changing characters are refused in every text field, public and
advocate, and in CSV import, with one clear error that names the answer (docs/safety.md).

A stalker's name holding U+202E (right-to-left override) would reverse every question it is
put into, on the page and in the PDF for the police.
"""

import pytest

from screening.incidents import has_hidden_characters
from screening.incidents.csv_files import COLUMNS, parse
from tests.journey import ABOUT
from tests.test_views_incident_log import posted, today

pytestmark = pytest.mark.django_db

HIDDEN = {
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "pop directional formatting": "\u202c",
    "right-to-left isolate": "\u2067",
    "pop directional isolate": "\u2069",
    "right-to-left mark": "\u200f",
    "left-to-right mark": "\u200e",
    "Arabic letter mark": "\u061c",
    "zero-width space": "\u200b",
    "word joiner": "\u2060",
    "zero-width no-break space": "\ufeff",
    "soft hyphen": "\u00ad",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
    "bell (a control character)": "\x07",
    "null": "\x00",
}
KEPT = {
    "emoji joined by a zero-width joiner": "👩🏽‍💻 and 🏳️‍🌈",
    "a zero-width non-joiner, which Persian needs": "می\u200cخواهم",
    "the flag of Wales": "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
    "accents and new lines": "Zoë Brontë\r\nline two\ttab",
}


@pytest.mark.parametrize("character", HIDDEN.values(), ids=HIDDEN.keys())
def test_hidden_characters_are_recognised(character):
    assert has_hidden_characters(f"Alex{character}Example")


@pytest.mark.parametrize("text", KEPT.values(), ids=KEPT.keys())
def test_text_people_really_type_is_not_mistaken_for_hidden_characters(text):
    assert not has_hidden_characters(text)


def error_summary(response) -> list[tuple[str, str]]:
    return [(anchor, str(message)) for anchor, message in response.context["form"].error_links()]


@pytest.mark.parametrize("character", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_name_with_a_hidden_character_gets_one_error_that_names_the_answer(client, character):
    client.get("/questions/")
    typed = f"Alex{character}Example"
    response = client.post("/questions/about-them/", {**ABOUT, "name": typed})
    assert response.status_code == 422
    assert error_summary(response) == [
        (
            "id_name",
            "Remove the hidden characters from “What do you call them?” – "
            "they can come with copied and pasted text",
        )
    ]
    assert "Alex" in response.content.decode()
    assert "answers" not in client.session or "about-them" not in client.session["answers"]


def test_a_hidden_character_in_an_incident_is_refused_and_what_was_typed_is_kept(client):
    client.get("/questions/")
    response = client.post(
        "/record/add/", posted(today(), place="Out\u202eside", what_happened="He waited")
    )
    assert response.status_code == 422
    assert error_summary(response) == [
        (
            "id_place",
            "Remove the hidden characters from “Where did it happen?” – "
            "they can come with copied and pasted text",
        )
    ]
    assert "He waited" in response.content.decode()


def test_a_csv_import_with_a_hidden_character_is_refused_with_the_row_and_column():
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(date="2026-01-02", what_happened="He \u202ewaited")
    text = ",".join(COLUMNS) + "\r\n" + ",".join(cells[column] for column in COLUMNS) + "\r\n"
    result = parse(text, today=today())
    assert not result.ok
    assert [(error.row, error.column) for error in result.errors] == [(2, "what_happened")]

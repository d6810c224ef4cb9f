"""Every piece of text in a template is marked for translation."""

import re
from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).resolve().parent.parent / "templates").rglob("*.html"))

MARKED_OR_CODE = [
    re.compile(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", re.S),
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"<(script|style|svg)\b.*?</\1>", re.S),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
    re.compile(r"<[^>]*>", re.S),
    re.compile(r"&[a-z]+;|&#\d+;"),
]


def unmarked_text(source: str) -> list[str]:
    for pattern in MARKED_OR_CODE:
        source = pattern.sub(" ", source)
    return [chunk.strip() for chunk in source.split("\n") if re.search(r"[A-Za-z]", chunk)]


def test_templates_are_found():
    assert len(TEMPLATES) > 10


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_no_unmarked_text_in_template(template):
    assert unmarked_text(template.read_text()) == []


def test_the_check_notices_unmarked_text():
    assert unmarked_text("<p>{% translate 'Fine' %}</p><p>Not marked</p>") == ["Not marked"]

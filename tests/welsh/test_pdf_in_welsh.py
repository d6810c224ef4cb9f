"""The police summary in Welsh: Welsh wording, with the checklist's canonical English beside
it, because that is the wording police know."""

import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from screening import questions
from tests.journey import answer_everything

NAME = "Alex"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def welsh_summary(client) -> str:
    client.get("/language/cy/?next=/")
    answer_everything(client, yes=(1, 4), details={1: "Bob nos"})
    response = client.get("/summary/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    document = b"".join(response.streaming_content) if response.streaming else response.content
    pages = PdfReader(io.BytesIO(document)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


@pytest.mark.django_db
def test_the_summary_is_in_welsh(welsh_summary):
    with translation.override("cy"):
        yes = translation.gettext("Yes")
        level = translation.gettext("Serious warning signs")
    assert flat(yes) in flat(welsh_summary)
    assert flat(level) in flat(welsh_summary)


@pytest.mark.django_db
def test_each_question_keeps_its_canonical_english_beside_the_welsh(welsh_summary):
    for sign in questions.BANK.warning_signs:
        english = sign.canonical.replace("{name}", NAME)
        with translation.override("cy"):
            welsh = translation.gettext(sign.canonical).replace("{name}", NAME)
        assert flat(english) in flat(welsh_summary), sign.number
        assert flat(welsh) in flat(welsh_summary), sign.number
        # The English comes straight after its translation, before the answer.
        at = flat(welsh_summary).index(flat(welsh))
        assert flat(welsh_summary).index(flat(english), at) == at + len(flat(welsh)), sign.number

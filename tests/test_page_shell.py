"""The fixed parts of the page shell are kept once rendered, so they must hold nothing personal."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.journey import ABOUT, answer_everything

BASE = Path(settings.BASE_DIR) / "templates" / "base.html"
KEPT = re.compile(r"{% cache .*? %}(.*?){% endcache %}", re.DOTALL)
#: Tags whose output depends only on the language and the deployment.
FIXED_TAGS = {"url", "static", "translate"}


def kept_parts() -> list[str]:
    return KEPT.findall(BASE.read_text())


def test_the_shell_keeps_its_fixed_parts():
    assert len(kept_parts()) >= 4


@pytest.mark.parametrize("part", kept_parts())
def test_a_kept_part_holds_no_variable_and_no_block(part):
    assert "{{" not in part
    tags = {tag.split()[0] for tag in re.findall(r"{%\s*(.*?)\s*%}", part)}
    assert tags <= FIXED_TAGS, tags - FIXED_TAGS


@pytest.mark.django_db
def test_one_persons_name_never_reaches_another_persons_page(client):
    answer_everything(client, about={**ABOUT, "name": "Zebedee"})
    assert "Zebedee" in client.get("/check-your-answers/").content.decode()
    other = client.__class__()
    other.get("/questions/")
    page = other.get("/questions/about-them/").content.decode()
    assert "Zebedee" not in page
    assert 'href="/exit/"' in page

"""The Welsh catalogue is whole: every message translated, nothing fuzzy, and it compiles."""

import gettext
import re
from collections import Counter

import polib
import pytest

from tests.welsh.catalogue import CATALOGUE, entries

PLACEHOLDER = re.compile(r"%\([a-zA-Z_0-9]+\)[sdif]|%[sdif]|%%\{[a-z_0-9]*\}|\{[a-zA-Z_0-9]*\}")
WELSH_PLURAL_FORMS = 4


def test_the_catalogue_is_welsh_with_four_plural_forms():
    metadata = polib.pofile(str(CATALOGUE)).metadata
    assert metadata["Language"] == "cy"
    assert metadata["Plural-Forms"].startswith(f"nplurals={WELSH_PLURAL_FORMS};")


def test_the_catalogue_has_the_services_wording():
    assert len(entries()) > 1000


def test_every_message_is_translated():
    untranslated = [e.msgid for e in entries() if not e.translated()]
    assert untranslated == []


def test_no_message_is_fuzzy():
    assert [e.msgid for e in entries() if "fuzzy" in e.flags] == []


def test_no_message_holds_an_escape_the_code_would_not_match():
    # xgettext copies "\u2019" from Python source as it stands, so the catalogue's message
    # would never match the text looked up: write the character itself.
    assert [e.msgid for e in entries() if "\\u" in e.msgid] == []


def test_every_plural_has_all_four_welsh_forms():
    short = [
        e.msgid
        for e in entries()
        if e.msgid_plural
        and (
            len(e.msgstr_plural) != WELSH_PLURAL_FORMS
            or not all(form.strip() for form in e.msgstr_plural.values())
        )
    ]
    assert short == []


def test_the_welsh_fills_in_the_same_values_as_the_english():
    differ = []
    for entry in entries():
        english = Counter(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            allowed = english | Counter(PLACEHOLDER.findall(entry.msgid_plural))
            forms = entry.msgstr_plural.values()
            if any(Counter(PLACEHOLDER.findall(form)) - allowed for form in forms):
                differ.append(entry.msgid)
        elif entry.msgstr and Counter(PLACEHOLDER.findall(entry.msgstr)) != english:
            differ.append(entry.msgid)
    assert differ == []


def test_the_catalogue_compiles_and_reads_back(tmp_path):
    compiled = tmp_path / "django.mo"
    polib.pofile(str(CATALOGUE)).save_as_mofile(str(compiled))
    with compiled.open("rb") as handle:
        welsh = gettext.GNUTranslations(handle)
    assert welsh.gettext("Exit this page") not in ("", "Exit this page")
    assert welsh.ngettext("1 case", "%(counter)s cases", 3) != "%(counter)s cases"


@pytest.mark.parametrize("message", ["Exit this page", "There is a problem", "Continue"])
def test_the_service_reads_the_compiled_catalogue(message):
    from django.utils import translation

    with translation.override("cy"):
        assert translation.gettext(message) != message

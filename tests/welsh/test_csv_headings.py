"""CSV files in Welsh: headed in Welsh, and a log downloaded in one language imports in the
other."""

import csv
import io
from datetime import date

from django.utils import translation

from screening.incidents import csv_files, csv_headings
from tests.incident_examples import FULL, visit

TODAY = date(2026, 11, 20)


def heading_row(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)))


def test_a_log_downloaded_in_welsh_is_headed_in_welsh():
    with translation.override("cy"):
        text = csv_files.export([FULL], headings=csv_headings.in_this_language())
    headings = heading_row(text)
    assert len(headings) == len(csv_files.COLUMNS)
    assert "what_happened" not in headings
    assert all(headings)


def test_in_english_the_headings_are_the_documented_columns():
    with translation.override("en-gb"):
        text = csv_files.export([FULL], headings=csv_headings.in_this_language())
    assert heading_row(text) == list(csv_files.COLUMNS)


def test_a_welsh_download_imports_in_english_and_an_english_one_in_welsh():
    log = [FULL, visit(date(2026, 10, 3), id="visit001")]
    for made_in, read_in in (("cy", "en-gb"), ("en-gb", "cy")):
        with translation.override(made_in):
            text = csv_files.export(log, headings=csv_headings.in_this_language())
        with translation.override(read_in):
            found = csv_files.parse(text, today=TODAY, also_named=csv_headings.in_every_language())
        assert found.ok, found.errors
        assert {entry.id for entry in found.incidents} == {entry.id for entry in log}


def test_the_report_is_headed_in_welsh():
    from casework import reporting

    class Empty:
        sections = ()

    with translation.override("cy"):
        assert reporting.csv_rows(Empty()) != [["section", "measure", "count"]]


def test_import_errors_name_the_columns_as_the_reader_sees_them():
    from screening.incidents.presenters import row_error_text

    a_bad_date = "\n".join(
        [",".join(csv_files.COLUMNS), ",".join(["x1y2z3w4", "31/02/2026"] + [""] * 14)]
    )
    with translation.override("cy"):
        welsh = csv_headings.in_this_language()
        found = csv_files.parse(
            a_bad_date, today=TODAY, also_named=csv_headings.in_every_language()
        )
        bad_cells = [row_error_text(error) for error in found.errors]
        (wrong_header,) = csv_files.parse("a,b\n1,2", today=TODAY).errors
        guide = row_error_text(wrong_header)
    assert welsh["date"] != "date"
    assert any(f", {welsh['date']}:" in text for text in bad_cells), bad_cells
    assert welsh["what_happened"] in guide
    assert "what_happened" not in guide

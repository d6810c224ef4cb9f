"""The log as CSV: the documented columns, a safe export, and an all-or-nothing import."""

import csv
import dataclasses
import io
import re
from datetime import date, time
from pathlib import Path

import pytest

from screening.incidents import csv_files as incident_csv
from screening.incidents.csv_files import COLUMNS, export, guard, parse, unguard
from tests.incident_examples import FULL, entry, message

TODAY = date(2026, 11, 24)
DOC = Path(__file__).resolve().parent.parent / "docs" / "incident-log.md"


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def csv_text(*data_rows: dict, header=COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in data_rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue()


def good_row(**cells) -> dict:
    return {"date": "2026-10-03", "what_happened": "Waited outside", **cells}


# --- Export ----------------------------------------------------------------------------------


def test_export_writes_the_header_and_one_row_per_entry_in_date_order():
    later = message(date(2026, 11, 1), what_happened="Later")
    text = export([later, FULL])
    assert rows(text)[0] == list(COLUMNS)
    assert [row[5] for row in rows(text)[1:]] == [FULL.what_happened, "Later"]


def test_export_spells_out_a_full_entry():
    row = dict(zip(COLUMNS, rows(export([FULL]))[1], strict=True))
    assert row == {
        "id": "abc123XY",
        "date": "2026-10-03",
        "time": "21:30",
        "approximate": "yes",
        "place": "Outside the flat",
        "what_happened": FULL.what_happened,
        "behaviours": "home;threats",
        "feared_violence": "yes",
        "daily_life_effects": "routes;security",
        "effect_details": "I cannot sleep",
        "witnesses": "Neighbour at number 4",
        "evidence": "Doorbell video, on my laptop",
        "reported_to_police": "yes",
        "officer": "PC 1234 Smith",
        "crime_reference": "CR/123/26",
        "signs": "4;6",
    }


@pytest.mark.parametrize(
    ("cell", "exported"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 7700 900123", "'+44 7700 900123"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'quoted", "''quoted"),
        ("Plain text = fine", "Plain text = fine"),
        ("", ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_guarded_with_an_apostrophe(cell, exported):
    assert guard(cell) == exported


@pytest.mark.parametrize(
    ("cell", "exported"),
    [
        ("none;=1+1;", "none;'=1+1;"),
        ("a,=HYPERLINK(1)", "a,'=HYPERLINK(1)"),
        ("a\t+1", "a\t'+1"),
        ("a|@SUM(A1)", "a|'@SUM(A1)"),
        ("line one\n-1", "line one\n'-1"),
        ("line one\r\n=1", "line one\r\n'=1"),
        ("a; =1+1", "a;' =1+1"),
        ("a;'quoted", "a;''quoted"),
        ("Kept: 3-4 times, at night; twice", "Kept: 3-4 times, at night; twice"),
    ],
)
def test_a_formula_after_any_common_separator_is_guarded_too(cell, exported):
    assert guard(cell) == exported


@pytest.mark.parametrize(
    "text",
    ["none;=1+1;", "a; =1+1", "a;'quoted", "a;''twice", "x,'", "=a;-b|+c\n@d", "';'"],
)
def test_guarding_is_undone_exactly_on_import(text):
    assert unguard(guard(text)) == text


def test_a_formula_in_what_happened_leaves_the_file_as_text():
    dangerous = entry(date(2026, 10, 3), what_happened="=cmd|' /C calc'!A0")
    cells = rows(export([dangerous]))[1]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


# --- Round trip ------------------------------------------------------------------------------


def test_export_then_import_gives_back_the_same_entries():
    awkward = dataclasses.replace(
        FULL,
        id="zz_9-QQ",
        what_happened='=1+1, "quoted"; semicolons\nand a new line',
        place="'apostrophe first",
        witnesses="-",
        time=None,
        approximate=False,
        reported_to_police=False,
        officer="",
        crime_reference="",
        signs=(),
        behaviours=(),
        daily_life_effects=(),
        feared_violence="",
    )
    log = (FULL, awkward, message(date(2026, 1, 2), time=time(0, 5)))
    result = parse(export(log), today=TODAY)
    assert result.ok
    assert result.incidents == tuple(sorted(log, key=lambda i: i.sort_key))


def test_a_byte_order_mark_and_blank_lines_are_ignored():
    text = "\ufeff" + export([FULL]) + "\r\n,,,\r\n"
    assert parse(text, today=TODAY).incidents == (FULL,)


def test_columns_may_come_in_any_order_and_any_case():
    header = tuple(reversed([c.upper() for c in COLUMNS]))
    text = csv_text(
        {c.upper(): v for c, v in good_row().items()},
        header=header,
    )
    result = parse(text, today=TODAY)
    assert result.ok
    assert result.incidents[0].what_happened == "Waited outside"


def test_a_blank_id_gets_a_new_one():
    result = parse(csv_text(good_row(), good_row()), today=TODAY)
    first, second = result.incidents
    assert first.id and second.id and first.id != second.id


def test_yes_no_columns_take_yes_no_or_blank_in_any_case():
    text = csv_text(good_row(approximate="YES", reported_to_police=""))
    (incident,) = parse(text, today=TODAY).incidents
    assert incident.approximate is True
    assert incident.reported_to_police is None  # left blank: not answered, not "no"


# --- Bad rows --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ({"date": "2026-02-31"}, "date"),
        ({"date": "03.10.2026"}, "date"),
        ({"date": "2026-11-25"}, "date"),  # tomorrow
        ({"date": ""}, "date"),
        ({"time": "9pm"}, "time"),
        ({"approximate": "maybe"}, "approximate"),
        ({"what_happened": ""}, "what_happened"),
        ({"what_happened": "x" * 5001}, "what_happened"),
        ({"place": "bell\x07"}, "place"),
        ({"behaviours": "home;flying"}, "behaviours"),
        ({"feared_violence": "perhaps"}, "feared_violence"),
        ({"daily_life_effects": "holiday"}, "daily_life_effects"),
        ({"reported_to_police": "y"}, "reported_to_police"),
        ({"crime_reference": "x" * 41}, "crime_reference"),
        ({"signs": "4;13"}, "signs"),
        ({"signs": "four"}, "signs"),
        ({"id": "no spaces"}, "id"),
    ],
)
def test_a_bad_cell_is_reported_by_row_and_column(cells, column):
    result = parse(csv_text(good_row(), good_row(**cells)), today=TODAY)
    assert not result.ok
    assert result.incidents == ()
    (error,) = result.errors
    assert (error.row, error.column) == (3, column)
    assert error.message == incident_csv.MESSAGES[column]


def test_every_bad_row_is_reported_and_nothing_is_imported():
    text = csv_text(good_row(date="2026-13-01"), good_row(), good_row(signs="0"))
    result = parse(text, today=TODAY)
    assert [(e.row, e.column) for e in result.errors] == [(2, "date"), (4, "signs")]
    assert result.incidents == ()


def test_a_repeated_id_is_an_error_on_the_later_row():
    text = csv_text(good_row(id="same1"), good_row(id="same1"))
    (error,) = parse(text, today=TODAY).errors
    assert (error.row, error.column, dict(error.params)) == (3, "id", {"row": 2})


def test_a_row_with_the_wrong_number_of_cells_is_reported():
    text = csv_text(good_row()) + "only,three,cells\r\n"
    (error,) = parse(text, today=TODAY).errors
    assert (error.row, error.column) == (3, "")
    assert dict(error.params) == {"found": 3, "expected": 16}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", incident_csv.NO_ROWS),
        (",".join(COLUMNS) + "\r\n", incident_csv.NO_ROWS),
        ("date,what\r\n2026-01-01,x\r\n", incident_csv.WRONG_HEADER),
        ('id,"unclosed\x00', incident_csv.WRONG_HEADER),
    ],
)
def test_files_that_are_not_a_log(text, message):
    result = parse(text, today=TODAY)
    assert [e.message for e in result.errors] == [message]


def test_too_many_rows_is_refused(monkeypatch):
    monkeypatch.setattr(incident_csv, "MAX_ROWS", 2)
    result = parse(csv_text(good_row(), good_row(), good_row()), today=TODAY)
    assert [e.message for e in result.errors] == [incident_csv.TOO_MANY_ROWS]


def test_messages_fill_their_placeholders():
    for text in incident_csv.MESSAGES.values():
        assert set(re.findall(r"%\((\w+)\)s", text)) <= {"limit", "highest"}


def test_the_guide_documents_every_column():
    guide = DOC.read_text()
    for column in COLUMNS:
        assert f"`{column}`" in guide


def test_import_problems_read_as_sentences():
    from screening.incidents.presenters import row_error_text

    result = parse(csv_text(good_row(signs="13"), good_row()) + "a,b\r\n", today=TODAY)
    assert [row_error_text(e) for e in result.errors] == [
        "Row 2, signs: Use warning sign numbers from 1 to 12, separated by semicolons",
        "Row 4: This row has 2 cells; it should have 16",
    ]
    (limit,) = parse(csv_text(good_row(place="x" * 201)), today=TODAY).errors
    assert row_error_text(limit) == (
        "Row 2, place: The place must be 200 characters or fewer, with no hidden characters"
    )


# --- Dates as UK spreadsheets save them, and every error in a row ----------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("17/10/2026", date(2026, 10, 17)),
        ("7/3/2026", date(2026, 3, 7)),
        ("07/03/2026", date(2026, 3, 7)),
        (" 17/10/2026 ", date(2026, 10, 17)),
        ("2026-10-17", date(2026, 10, 17)),
    ],
)
def test_dates_as_uk_spreadsheets_save_them_are_accepted(cell, expected):
    result = parse(csv_text(good_row(date=cell)), today=TODAY)
    assert result.ok, result.errors
    (incident,) = result.incidents
    assert incident.occurred_on == expected


@pytest.mark.parametrize(
    "cell", ["31/02/2026", "17/13/2026", "10/17/2026", "17/10/26", "17.10.2026"]
)
def test_impossible_or_ambiguous_dates_are_refused(cell):
    result = parse(csv_text(good_row(date=cell)), today=TODAY)
    assert [(error.row, error.column) for error in result.errors] == [(2, "date")]


def test_the_date_message_shows_both_ways_to_write_a_date():
    assert "17/10/2026" in incident_csv.MESSAGES["date"]
    assert "2026-10-17" in incident_csv.MESSAGES["date"]


def test_every_error_in_a_row_is_reported_not_only_the_first():
    bad = good_row(
        date="31/02/2026",
        time="25:00",
        approximate="maybe",
        what_happened="",
        behaviours="flying",
        feared_violence="perhaps",
        signs="99",
    )
    result = parse(csv_text(good_row(), bad), today=TODAY)
    assert not result.ok
    assert [(error.row, error.column) for error in result.errors] == [
        (3, "date"),
        (3, "time"),
        (3, "approximate"),
        (3, "what_happened"),
        (3, "behaviours"),
        (3, "feared_violence"),
        (3, "signs"),
    ]

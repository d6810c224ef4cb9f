"""A case's incident log: encrypted entries, the pattern, links to signs, CSV in and out."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from pypdf import PdfReader

from casework.incident_log import CaseIncidentLog
from casework.models import CaseIncident
from screening.incidents import csv_files as incident_csv
from screening.incidents import from_primitives
from tests.casework.conftest import make_case
from tests.casework.records import completed_screening

ENTRY = {
    "occurred_on_0": "3",
    "occurred_on_1": "11",
    "occurred_on_2": "2026",
    "what_happened": "Waited outside the office and followed her to the station.",
    "behaviours": ["following", "waiting"],
}


def _url(name, case, **kwargs):
    return reverse(f"casework:{name}", kwargs={"case_id": case.pk, **kwargs})


def _post_entry(client, case, **changes):
    add = client.get(_url("incident-add", case))
    data = {**ENTRY, "entry": add.context["form"].initial["entry"], **changes}
    return client.post(_url("incident-add", case), data)


def test_an_entry_is_added_once_even_if_the_form_is_sent_twice(advocate_client, case):
    add = advocate_client.get(_url("incident-add", case))
    data = {**ENTRY, "entry": add.context["form"].initial["entry"]}
    first = advocate_client.post(_url("incident-add", case), data)
    second = advocate_client.post(_url("incident-add", case), data)
    assert first.status_code == second.status_code == 302
    assert CaseIncident.objects.filter(case=case).count() == 1
    [incident] = CaseIncidentLog(case).all
    assert incident.what_happened.startswith("Waited outside")


def test_a_future_date_gets_a_clear_error_and_keeps_what_was_typed(advocate_client, case):
    response = _post_entry(advocate_client, case, occurred_on_2="2999")
    assert response.status_code == 422
    assert "Waited outside the office" in response.content.decode()
    assert not CaseIncident.objects.exists()


def test_the_log_page_shows_the_pattern_and_the_case_page_counts_entries(advocate_client, case):
    _post_entry(advocate_client, case)
    _post_entry(advocate_client, case, occurred_on_0="5", what_happened="Sent twenty messages.")
    page = advocate_client.get(_url("incidents", case)).content.decode()
    assert "Sent twenty messages." in page
    assert "<svg" in page
    for entry in CaseIncidentLog(case).all:
        assert f'href="{_url("incident-change", case, entry_id=entry.id)}"' in page
        assert f'href="{_url("incident-delete", case, entry_id=entry.id)}"' in page
    case_page = advocate_client.get(_url("case", case)).content.decode()
    assert "2 entries." in case_page


def test_the_advocate_reads_the_pattern_about_their_client_not_as_you(advocate_client, case):
    for day in ("3", "5"):
        _post_entry(advocate_client, case, occurred_on_0=day, feared_violence="yes")
    page = advocate_client.get(_url("incidents", case)).content.decode()
    assert "The person being stalked feared violence would be used against them" in page
    assert "You feared violence" not in page


def test_entries_are_stored_encrypted(advocate_client, case):
    _post_entry(advocate_client, case, what_happened="SENTINEL-LOG-TEXT")
    with connection.cursor() as cursor:
        cursor.execute("SELECT entry FROM casework_caseincident")
        (stored,) = cursor.fetchone()
    assert "SENTINEL-LOG-TEXT" not in stored


def test_csv_export_and_import_round_trip(advocate_client, case, organisation, advocate):
    _post_entry(advocate_client, case)
    exported = advocate_client.get(_url("incident-export", case))
    assert exported["Content-Disposition"].startswith("attachment;")
    text = exported.content.decode()
    other = make_case(organisation, advocate, client_reference="CR-002")
    upload = SimpleUploadedFile("log.csv", text.encode(), content_type="text/csv")
    response = advocate_client.post(_url("incident-import", other), {"file": upload})
    assert response.status_code == 302
    assert [i.what_happened for i in CaseIncidentLog(other).all] == [
        i.what_happened for i in CaseIncidentLog(case).all
    ]


def test_a_bad_row_imports_nothing_and_names_the_row(advocate_client, case):
    good = incident_csv.export(
        [
            from_primitives(
                {
                    "id": "abcd1234",
                    "occurred_on": "2026-11-01",
                    "time": "",
                    "approximate": False,
                    "place": "",
                    "what_happened": "Called ten times.",
                    "behaviours": ["calls"],
                    "feared_violence": "",
                    "daily_life_effects": [],
                    "effect_details": "",
                    "witnesses": "",
                    "evidence": "",
                    "reported_to_police": False,
                    "officer": "",
                    "crime_reference": "",
                    "signs": [],
                }
            )
        ]
    )
    bad = (
        good
        + good.splitlines()[1].replace("2026-11-01", "2026-02-31").replace("abcd1234", "efgh5678")
        + "\r\n"
    )
    upload = SimpleUploadedFile("log.csv", bad.encode(), content_type="text/csv")
    response = advocate_client.post(_url("incident-import", case), {"file": upload})
    assert response.status_code == 422
    assert "Row 3" in response.content.decode()
    assert not CaseIncident.objects.exists()


def test_linked_entries_show_on_the_result_and_in_the_pdf(advocate_client, case, advocate):
    screening = completed_screening(case, advocate, yes=(5,))
    _post_entry(advocate_client, case, signs=["5"])
    result = advocate_client.get(
        reverse("casework:screening", kwargs={"case_id": case.pk, "screening_id": screening.pk})
    ).content.decode()
    assert "Supported by the incident log:" in result
    document = advocate_client.get(
        reverse("casework:screening-pdf", kwargs={"case_id": case.pk, "screening_id": screening.pk})
    )
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(document.content)).pages)
    assert "Waited outside the office" in " ".join(text.split())


# --- The CSV's file name and the import page --------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("NS-2026-014", "log-NS-2026-014-"),
        ("ns 2026/014", "log-ns-2026-014-"),
        ('../"evil"\r\nX: y', "log-evil-X-y-"),
        ("Ünïcödé", "log-Unicode-"),
        ("///", "log-"),
    ],
)
def test_the_export_is_named_after_the_case_reference_safely(
    advocate_client, organisation, advocate, reference, name
):
    case = make_case(organisation, advocate, client_reference=reference)
    exported = advocate_client.get(_url("incident-export", case))
    disposition = exported["Content-Disposition"]
    found = re.fullmatch(r'attachment; filename="([A-Za-z0-9._-]+)"', disposition)
    assert found, disposition
    assert found.group(1).startswith(name)
    assert re.fullmatch(r".*\d{4}-\d{2}-\d{2}\.csv", found.group(1))
    assert len(found.group(1)) <= 80


def test_the_import_page_lists_the_columns(advocate_client, case):
    page = advocate_client.get(_url("incident-import", case)).content.decode()
    for column in incident_csv.COLUMNS:
        assert f"<code>{column}</code>" in page, column
    assert "17/10/2026" in page


def test_the_import_page_describes_exactly_the_csv_columns():
    from casework.presenters import IMPORT_COLUMNS

    assert tuple(column for column, _meaning in IMPORT_COLUMNS) == incident_csv.COLUMNS

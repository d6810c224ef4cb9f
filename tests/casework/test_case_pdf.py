"""The police summary of a case screening names the professional, their organisation and
the case's references, carries the case's incident log, and fails gently."""

import io
import logging
from datetime import timedelta

from django.utils import timezone
from pypdf import PdfReader

from casework.incident_log import CaseIncidentLog
from casework.models import AuditEvent
from screening import downloads
from screening.incidents import Incident
from tests import pdf_jobs
from tests.casework.records import completed_screening, started_screening, url


def pdf_text(response) -> str:
    pages = PdfReader(io.BytesIO(response.content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_the_pdf_names_the_professional_and_the_case(advocate_client, case, advocate):
    case.client_name = "Robin Client"
    case.police_reference = "PR-4242"
    case.stalker_date_of_birth = "1980-04-03"
    case.save()
    screening = completed_screening(case, advocate, yes=(3,))
    response = advocate_client.get(url("screening-pdf", case_id=case.pk, screening_id=screening.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="summary-')
    assert "Robin" not in response["Content-Disposition"]
    text = pdf_text(response)
    for expected in (
        advocate.full_name,
        "North Support",
        "CR-001",
        "PR-4242",
        "Robin Client",
        "3 April 1980",
        "Warning signs present",
    ):
        assert expected in text, expected


def test_an_unfinished_screening_has_no_pdf_yet(advocate_client, case, advocate):
    screening = started_screening(case, advocate)
    response = advocate_client.get(url("screening-pdf", case_id=case.pk, screening_id=screening.pk))
    assert response.status_code == 302
    assert response.url == url("screening-check", case_id=case.pk, screening_id=screening.pk)
    assert not AuditEvent.objects.filter(action="exported").exists()


def test_the_pdf_carries_the_case_log_and_its_pattern(advocate_client, case, advocate):
    screening = completed_screening(case, advocate, yes=(3, 5))
    log = CaseIncidentLog(case)
    first = timezone.localdate() - timedelta(days=12)
    log.add(
        Incident(
            occurred_on=first,
            what_happened="Scratched the car in the work car park",
            behaviours=("damage",),
            evidence="CCTV request made to the car park's owner",
            signs=(3,),
        )
    )
    log.add(
        Incident(
            occurred_on=first + timedelta(days=3),
            what_happened="Followed her from the station",
            behaviours=("following",),
            signs=(5,),
        )
    )
    response = advocate_client.get(url("screening-pdf", case_id=case.pk, screening_id=screening.pk))
    assert response.status_code == 200
    text = pdf_text(response)
    for expected in (
        "What the incident record shows",
        "A course of conduct",
        "Incidents per week",
        "Scratched the car in the work car park",
        "Evidence kept, and where",
        "CCTV request made to the car park's owner",
        "Supported by: incident 1",
        "Supported by: incident 2",
    ):
        assert expected in text, expected


def test_a_renderer_that_takes_too_long_gets_the_neutral_page_and_nothing_is_exported(
    advocate_client, case, advocate, monkeypatch, settings, caplog
):
    screening = completed_screening(case, advocate, yes=(3,))
    monkeypatch.setattr(downloads, "RENDER", pdf_jobs.slow)
    settings.PDF_TIMEOUT_SECONDS = 0.5
    with caplog.at_level(logging.INFO):
        response = advocate_client.get(
            url("screening-pdf", case_id=case.pk, screening_id=screening.pk)
        )
    assert response.status_code == 503
    assert "The summary could not be made" in response.content.decode()
    assert "A case summary PDF could not be made (TimeoutError)" in caplog.text
    assert not AuditEvent.objects.filter(action="exported").exists()
    screening.refresh_from_db()
    assert screening.is_complete


def test_a_renderer_failure_names_nothing_from_the_case_in_the_log(
    advocate_client, case, advocate, monkeypatch, caplog
):
    screening = completed_screening(case, advocate, yes=(3,))

    monkeypatch.setattr(downloads, "RENDER", pdf_jobs.broken)
    with caplog.at_level(logging.INFO):
        response = advocate_client.get(
            url("screening-pdf", case_id=case.pk, screening_id=screening.pk)
        )
    assert response.status_code == 503
    assert "SENTINEL" not in caplog.text
    assert "could not be made (RuntimeError)" in caplog.text

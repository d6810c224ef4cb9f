"""The police summary of a case screening names the professional, their organisation and
the case's references."""

import io

from pypdf import PdfReader

from casework.models import AuditEvent
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

"""Adding a warning sign touches the question bank and tests only.

With a thirteenth sign in the bank (and nothing else changed), the whole journey works: the
person's pages, results, record and PDF, and an advocate's quick entry, result and PDF. Nothing
in a template, the PDF or the CSV assumes twelve.
"""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from screening import questions, scoring
from screening.incidents import Incident
from screening.incidents import csv_files as incident_csv
from tests.casework.conftest import make_advocate, make_case, signed_in
from tests.journey import answer_everything, thirteen_sign_bank

THIRTEENTH = "Has Alex done the thirteenth thing?"


@pytest.fixture
def thirteen(monkeypatch):
    bank = thirteen_sign_bank()
    monkeypatch.setattr(questions, "BANK", bank)
    return bank


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_bank_grows_by_one_page_and_one_sign(thirteen):
    assert [q.number for q in thirteen.warning_signs] == list(range(1, 14))
    assert questions.question("extra").number == 13


def test_the_person_answers_thirteen_questions_and_sees_the_thirteenth_in_the_results(
    client, thirteen, db
):
    start = client.get("/").content.decode()
    assert "answer 13 questions" in start
    client.get("/questions/")
    page = client.get("/questions/about-them/")
    assert page.status_code == 200
    answer_everything(client, yes=(13,))
    question = client.get("/questions/extra/").content.decode()
    assert "Question 13 of 13" in question
    check = client.get(reverse("questions:check")).content.decode()
    assert THIRTEENTH in check
    results = client.get(reverse("questions:results")).content.decode()
    assert "Warning signs present" in results
    assert THIRTEENTH in results
    document = client.get(reverse("questions:summary-file"))
    assert document.status_code == 200
    text = pdf_text(document.content)
    assert "The 13 questions of the stalking risk checklist" in text
    assert THIRTEENTH in text


def test_an_entry_can_support_the_thirteenth_sign_and_survive_a_csv_round_trip(thirteen):
    entry = Incident(occurred_on=timezone.localdate(), what_happened="It happened.", signs=(13,))
    back = incident_csv.parse(incident_csv.export([entry]), today=timezone.localdate())
    assert back.ok
    assert back.incidents[0].signs == (13,)


def test_an_advocate_completes_a_thirteen_question_screening(client, thirteen, db):
    from casework.models import Organisation

    organisation = Organisation.objects.create(name="Growing Support")
    advocate = make_advocate(organisation, "grow@support.example")
    case = make_case(organisation, advocate, stalker_name="Alex")
    signed_in(client, advocate)
    start = reverse("casework:start-screening", kwargs={"case_id": case.pk})
    token = client.get(start).context["token"]
    quick = client.post(start, {"submission_token": token, "mode": "quick"})
    data = {
        "about-them-name": "Alex",
        "about-them-relationship": questions.EX_PARTNER,
        "about-them-how_often": "two_to_five",
        "about-them-since": "over_year",
        "behaviours-behaviours": ["calls"],
    }
    for sign in thirteen.warning_signs:
        data[f"{sign.slug}-answer"] = questions.YES if sign.number == 13 else questions.NO
    check = client.post(quick.url, data)
    assert check.status_code == 302, check.content.decode()[:2000]
    done = client.post(check.url)
    screening = case.screenings.get()
    assert screening.is_complete
    assert screening.bank_version == "test-13"
    assert [s.number for s in scoring.from_primitives(screening.result).signs] == [13]
    result = client.get(done.url).content.decode()
    assert THIRTEENTH in result
    document = client.get(
        reverse("casework:screening-pdf", kwargs={"case_id": case.pk, "screening_id": screening.pk})
    )
    assert THIRTEENTH in pdf_text(document.content)

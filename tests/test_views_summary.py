"""From the results page, through "Details for the police" and the warning, to the PDF."""

import builtins
import io
import logging
import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from screening import downloads, pdf
from screening.answers import ANSWERS_KEY, POLICE_DETAILS_KEY, STARTED_KEY
from tests import pdf_jobs
from tests.test_pdf import complete_answers

DETAILS_URL = reverse("questions:summary-details")
WARNING_URL = reverse("questions:summary-download")
FILE_URL = reverse("questions:summary-file")
RESULTS_URL = reverse("questions:results")
SUMMARY_URLS = [DETAILS_URL, WARNING_URL, FILE_URL]

pytestmark = pytest.mark.django_db


def with_complete_screening(client: Client, answers: dict | None = None) -> Client:
    session = client.session
    session[ANSWERS_KEY] = answers or complete_answers()
    session[STARTED_KEY] = True
    session.save()
    return client


def pdf_text(document: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(document)).pages
    )


def test_the_paths_are_neutral():
    for url in SUMMARY_URLS:
        assert "stalk" not in url
        assert "police" not in url


@pytest.mark.parametrize("url", SUMMARY_URLS)
def test_without_a_screening_every_step_goes_back_to_the_start(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == reverse("start")


@pytest.mark.parametrize("url", SUMMARY_URLS)
def test_an_unfinished_screening_resumes_where_it_stopped(client, url):
    answers = complete_answers()
    del answers["statements"]
    with_complete_screening(client, answers)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == reverse("questions:question", kwargs={"slug": "statements"})


def test_the_results_page_links_to_the_summary(client):
    with_complete_screening(client)
    html = client.get(RESULTS_URL).content.decode()
    assert f'href="{DETAILS_URL}"' in html
    assert "Download a summary (PDF)" in html


def test_the_details_page_is_optional_and_safe_to_type_in(client):
    with_complete_screening(client)
    response = client.get(DETAILS_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Details for the police" in html
    assert 'class="govuk-exit-this-page"' in html
    assert html.count('autocomplete="off"') == 2
    assert "maxlength" not in html
    assert "<title>Your details" in html

    response = client.post(DETAILS_URL, {"name": "", "reference": ""})
    assert response.status_code == 302
    assert response.url == WARNING_URL
    assert client.session[POLICE_DETAILS_KEY] == {}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "x" * 101, "reference": "CR/1"}, "Your name must be 100 characters or fewer"),
        (
            {"name": "Alex", "reference": "9" * 41},
            "The crime reference number must be 40 characters or fewer",
        ),
        ({"name": "Alex\x00", "reference": ""}, "Remove the hidden characters from “"),
        ({"name": "Alex", "reference": "CR\x1b[31m"}, "Remove the hidden characters from “"),
    ],
)
def test_bad_details_are_422_with_an_error_and_nothing_lost(client, data, message):
    with_complete_screening(client)
    session = client.session
    session[POLICE_DETAILS_KEY] = {"name": "Earlier", "reference": "OLD/1"}
    session.save()
    answers_before = client.session[ANSWERS_KEY]

    response = client.post(DETAILS_URL, data)

    assert response.status_code == 422
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html
    assert "<title>Error: " in html
    assert client.session[ANSWERS_KEY] == answers_before
    assert client.session[POLICE_DETAILS_KEY] == {"name": "Earlier", "reference": "OLD/1"}
    # What was typed is still in the form, so nothing has to be typed again.
    for value in data.values():
        if value and "\x00" not in value and "\x1b" not in value:
            assert f'value="{value}"' in html


def test_the_warning_page_explains_the_file_stays_and_offers_printing(client):
    with_complete_screening(client)
    response = client.get(WARNING_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Before you download" in html
    assert "downloads list" in html
    assert "print" in html
    assert 'href="/summary/print/"' in html  # the same summary, printed: no file saved
    button = re.search(r'<a href="([^"]+)" role="button"[^>]*>([^<]+)</a>', html)
    assert button.group(1) == FILE_URL
    assert "Download" in button.group(2)
    assert 'class="govuk-exit-this-page"' in html


def test_the_journey_from_results_to_the_file(client):
    with_complete_screening(client)
    client.get(RESULTS_URL)
    response = client.post(
        DETAILS_URL, {"name": "Alex Person", "reference": "CR/1234/26"}, follow=True
    )
    assert response.redirect_chain == [(WARNING_URL, 302)]

    response = client.get(FILE_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="summary-\d{4}-\d{2}-\d{2}\.pdf"', disposition)
    assert "stalk" not in disposition.lower()
    assert response["Cache-Control"] == "no-store, private"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert int(response["Content-Length"]) == len(response.content)
    text = pdf_text(response.content)
    assert "Alex Person" in text
    assert "CR/1234/26" in text
    assert "Is the victim very frightened?" in text
    assert PdfReader(io.BytesIO(response.content)).metadata.title == "Summary"


def test_tampered_police_details_never_reach_the_pdf(client):
    with_complete_screening(client)
    session = client.session
    session[POLICE_DETAILS_KEY] = {"name": "y" * 500, "reference": 42}
    session.save()
    response = client.get(FILE_URL)
    assert response.status_code == 200
    assert "y" * 101 not in pdf_text(response.content)


def test_the_pdf_is_made_in_memory_and_never_written_to_disk(client, monkeypatch):
    with_complete_screening(client)
    written = []
    real_open = builtins.open

    def spy_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            written.append(str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    response = client.get(FILE_URL)
    assert response.status_code == 200
    assert written == []


def assert_the_kind_failure_page(response, client, answers_before):
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "no-store, private"
    html = response.content.decode()
    assert 'class="govuk-exit-this-page"' in html
    assert "Your answers have been kept" in html
    assert "print" in html
    assert f'href="{RESULTS_URL}"' in html
    assert "SENTINEL" not in html
    assert client.session[ANSWERS_KEY] == answers_before
    assert client.get(RESULTS_URL).status_code == 200


def test_a_renderer_failure_shows_a_kind_page_and_keeps_the_answers(client, monkeypatch, caplog):
    with_complete_screening(client)
    session = client.session
    session[POLICE_DETAILS_KEY] = {"name": "Alex Person"}
    session.save()
    answers_before = client.session[ANSWERS_KEY]

    monkeypatch.setattr(downloads, "RENDER", pdf_jobs.broken)
    with caplog.at_level(logging.INFO):
        response = client.get(FILE_URL)

    assert_the_kind_failure_page(response, client, answers_before)
    assert "SENTINEL" not in caplog.text
    assert "Sam Example" not in caplog.text
    assert "could not be made (RuntimeError)" in caplog.text
    assert client.session[POLICE_DETAILS_KEY] == {"name": "Alex Person"}


def test_a_renderer_that_takes_too_long_shows_the_same_page_and_keeps_the_answers(
    client, monkeypatch, settings, caplog
):
    with_complete_screening(client)
    session = client.session
    session[POLICE_DETAILS_KEY] = {"name": "Alex Person"}
    session.save()
    answers_before = client.session[ANSWERS_KEY]
    monkeypatch.setattr(downloads, "RENDER", pdf_jobs.slow)
    settings.PDF_TIMEOUT_SECONDS = 0.5
    with caplog.at_level(logging.INFO):
        response = client.get(FILE_URL)

    assert_the_kind_failure_page(response, client, answers_before)
    assert "could not be made (TimeoutError)" in caplog.text
    assert client.session[POLICE_DETAILS_KEY] == {"name": "Alex Person"}


# --- The person's incident log goes into their PDF ------------------------------------------


def add_entry(client, day: date, **fields) -> None:
    data = {
        "occurred_on_0": str(day.day),
        "occurred_on_1": str(day.month),
        "occurred_on_2": str(day.year),
        "what_happened": "He waited by the gate",
        **fields,
    }
    response = client.post("/record/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_entries_added_to_the_record_are_in_the_pdf(client):
    with_complete_screening(client)
    first = timezone.localdate() - timedelta(days=9)
    add_entry(
        client,
        first,
        what_happened="He sat in a grey car opposite the flat",
        place="Outside the flat",
        behaviours=["waiting"],
        evidence="Photo of the car, on my phone",
        signs=["5"],
    )
    add_entry(
        client,
        first + timedelta(days=2),
        what_happened="A card through the door saying he would not let go",
        behaviours=["threats"],
        signs=["5", "6"],
    )

    response = client.get(FILE_URL)

    assert response.status_code == 200
    text = pdf_text(response.content)
    for expected in (
        "What the incident record shows",
        "A course of conduct",
        "Threats",
        "Incidents per week",
        "Incident schedule",
        "He sat in a grey car opposite the flat",
        "A card through the door saying he would not let go",
        "Evidence kept, and where",
        "Photo of the car, on my phone",
        "Supported by: incidents 1 and 2",
        "Supported by: incident 2",
    ):
        assert expected in text, expected
    # Each link is printed once, under its sign in the checklist's own wording.
    assert "Warning signs it supports" not in text
    assert text.index("Is the victim very frightened?") < text.index("Incident schedule")


def test_without_entries_the_pdf_has_no_record_sections(client):
    with_complete_screening(client)
    text = pdf_text(client.get(FILE_URL).content)
    assert "Incident schedule" not in text
    assert "What the incident record shows" not in text


@pytest.mark.parametrize(
    "payload",
    ["<link rel=attachment href=file:///etc/passwd>", "<img src=http://127.0.0.1:1/>"],
)
def test_payloads_typed_into_the_record_stay_literal_in_the_pdf(client, monkeypatch, payload):
    fetched = []
    real_fetch = pdf.FETCHER.fetch

    def fetch(url, headers=None):
        fetched.append(url)
        return real_fetch(url, headers)

    monkeypatch.setattr(pdf.FETCHER, "fetch", fetch)
    with_complete_screening(client)
    add_entry(
        client,
        timezone.localdate(),
        what_happened=payload,
        place=payload,
        witnesses=payload,
        evidence=payload,
    )
    response = client.get(FILE_URL)
    assert response.status_code == 200
    assert PdfReader(io.BytesIO(response.content)).attachments == {}
    assert b"root:x:0:0" not in response.content
    assert all(pdf.FETCHER.allowed_path(url) is not None for url in fetched)
    # Where, what happened, witnesses and evidence, each once, in the schedule.
    assert re.sub(r"\s+", "", pdf_text(response.content)).count(re.sub(r"\s+", "", payload)) >= 4

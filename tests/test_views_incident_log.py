"""The record pages for a person screening themselves: session only, neutral, nothing lost."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from screening.incidents.presenters import entry_details, pdf_incident_options
from screening.incidents.session_log import INCIDENTS_KEY, SessionIncidentLog
from screening.pdf import IncidentEntry
from tests.incident_examples import FULL
from tests.journey import answer_everything
from tests.test_views_questionnaire import _row_counts

pytestmark = pytest.mark.django_db

RECORD_PAGES = ("/record/", "/record/add/")


def posted(day: date, **fields) -> dict:
    return {
        "occurred_on_0": str(day.day),
        "occurred_on_1": str(day.month),
        "occurred_on_2": str(day.year),
        "what_happened": "He waited by the gate",
        **fields,
    }


def today() -> date:
    return timezone.localdate()


def add(client, day: date, **fields):
    response = client.post("/record/add/", posted(day, **fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == "/record/"
    return response


def entry_ids(client) -> list[str]:
    return [item["id"] for item in client.session.get(INCIDENTS_KEY, [])]


@pytest.mark.parametrize("path", [*RECORD_PAGES, "/record/abcd1234/change/"])
def test_the_record_pages_need_a_screening_in_progress(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_record_is_open_once_the_screening_has_started(client):
    client.get("/questions/")
    html = client.get("/record/").content.decode()
    assert "This record is kept with your answers, in a session on our server" in html
    assert "You have not added any entries yet." in html
    assert 'href="/questions/" class="govuk-back-link"' in html


@pytest.mark.parametrize("path", RECORD_PAGES)
def test_titles_and_paths_are_neutral(client, path):
    client.get("/questions/")
    html = client.get(path).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
    assert "stalk" not in title.lower()
    assert "stalk" not in path


def test_adding_an_entry_shows_it_on_the_record(client):
    client.get("/questions/")
    add(client, today() - timedelta(days=1), place="Outside <b>work</b>")
    html = client.get("/record/").content.decode()
    assert "1 entry" in html
    assert "He waited by the gate" in html
    assert "Outside &lt;b&gt;work&lt;/b&gt;" in html
    (entry_id,) = entry_ids(client)
    assert f'href="/record/{entry_id}/change/"' in html
    assert f'href="/record/{entry_id}/delete/"' in html


def test_the_add_form_has_the_guidance_and_autocomplete_off(client):
    client.get("/questions/")
    html = client.get("/record/add/").content.decode()
    assert "paper envelopes, not plastic" in html
    assert "Take screenshots of messages" in html
    assert "Write nothing you would not want them to read" in html
    assert not re.search(r"\smaxlength=", html)  # the character count's data-maxlength is fine
    textarea = re.search(r'<textarea name="what_happened"[^>]*>', html)[0]
    assert 'autocomplete="off"' in textarea


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "anchor"),
    [
        ("31", "2", "2026", "The date must be a real date", "id_occurred_on_0"),
        ("1", "1", "2999", "The date must be today or in the past", "id_occurred_on_0"),
        ("1", "", "2026", "The date must include a month", "id_occurred_on_1"),
    ],
)
def test_a_bad_date_gets_422_with_the_error_summary_and_nothing_is_lost(
    client, day, month, year, message, anchor
):
    client.get("/questions/")
    data = {
        "occurred_on_0": day,
        "occurred_on_1": month,
        "occurred_on_2": year,
        "what_happened": "Kept words",
        "place": "Kept place",
        "behaviours": ["texts"],
    }
    response = client.post("/record/add/", data)
    html = response.content.decode()
    assert response.status_code == 422
    assert "<title>Error: " in html
    assert "There is a problem" in html
    assert f'<a href="#{anchor}">{message}</a>' in html
    assert f'value="{day}"' in html and f'value="{year}"' in html
    assert "Kept words" in html
    assert 'value="Kept place"' in html
    assert re.search(r'value="texts"\s+checked', html)
    assert client.session.get(INCIDENTS_KEY) is None


def test_oversized_text_gets_422_and_is_kept(client):
    client.get("/questions/")
    long_text = "y" * 5001
    response = client.post("/record/add/", posted(today(), what_happened=long_text))
    assert response.status_code == 422
    assert "5000 characters or fewer" in response.content.decode()
    assert long_text in response.content.decode()


def test_submitting_the_same_new_entry_twice_stores_it_once(client):
    client.get("/questions/")
    html = client.get("/record/add/").content.decode()
    entry = re.search(r'name="entry" value="([^"]+)"', html)[1]
    add(client, today(), entry=entry)
    add(client, today(), entry=entry)
    assert entry_ids(client) == [entry]


def test_changing_an_entry_keeps_its_id_and_shows_what_was_there(client):
    client.get("/questions/")
    add(client, today(), place="First place")
    (entry_id,) = entry_ids(client)
    html = client.get(f"/record/{entry_id}/change/").content.decode()
    assert 'value="First place"' in html
    response = client.post(f"/record/{entry_id}/change/", posted(today(), place="Second place"))
    assert response["Location"] == "/record/"
    assert entry_ids(client) == [entry_id]
    assert SessionIncidentLog(client.session).get(entry_id).place == "Second place"


def test_a_bad_change_gets_422_and_changes_nothing(client):
    client.get("/questions/")
    add(client, today(), place="First place")
    (entry_id,) = entry_ids(client)
    response = client.post(f"/record/{entry_id}/change/", posted(today(), what_happened=""))
    assert response.status_code == 422
    assert SessionIncidentLog(client.session).get(entry_id).place == "First place"


@pytest.mark.parametrize("action", ["change", "delete"])
def test_an_unknown_entry_is_not_found(client, action):
    client.get("/questions/")
    assert client.get(f"/record/nothere1/{action}/").status_code == 404


def test_deleting_asks_first_then_deletes(client):
    client.get("/questions/")
    add(client, today())
    (entry_id,) = entry_ids(client)
    html = client.get(f"/record/{entry_id}/delete/").content.decode()
    assert "Are you sure you want to delete the entry for" in html
    assert "He waited by the gate" in html
    assert entry_ids(client) == [entry_id]
    response = client.post(f"/record/{entry_id}/delete/")
    assert response["Location"] == "/record/"
    assert entry_ids(client) == []


def test_only_the_signs_answered_yes_can_be_linked(client):
    answer_everything(client, yes=(4, 6))
    html = client.get("/record/add/").content.decode()
    assert "4. Has Alex turned up unannounced" in html
    assert "6. Has Alex made any threats" in html
    assert "1. Are you very frightened?" not in html
    response = client.post("/record/add/", posted(today(), signs=["1"]))
    assert response.status_code == 422


def test_the_results_page_shows_the_record_the_links_the_flags_and_the_chart(client):
    answer_everything(
        client,
        yes=(4,),
        about={"relationship": "stranger", "how_often": "once", "since": "under_month"},
    )
    for n in range(4):
        add(client, today() - timedelta(days=n), behaviours=["home"], signs=["4"])
    html = client.get("/results/").content.decode()
    assert "Keep a record" in html
    assert "Your record has 4 entries" in html
    assert "Supported by your record:" in html
    assert html.count("incident on ") == 4
    assert "A course of conduct" in html
    assert "Turned up more than three times in a week" in html
    assert 'role="img"' in html
    assert "Week starting" in html
    # The log counts as a course of conduct in the screening's own flags too.
    assert "This has happened more than once" in html


def test_the_results_page_offers_a_record_when_there_is_none(client):
    answer_everything(client)
    html = client.get("/results/").content.decode()
    assert 'href="/record/">Start a record' in html
    assert 'role="img"' not in html


def test_start_again_deletes_the_record(client):
    client.get("/questions/")
    add(client, today())
    client.post("/start-again/")
    assert client.session.get(INCIDENTS_KEY) is None


def test_exit_deletes_the_record(client):
    client.get("/questions/")
    add(client, today())
    client.get("/exit/")
    assert client.session.get(INCIDENTS_KEY) is None


def test_the_record_writes_nothing_but_the_session(client):
    before = _row_counts()
    answer_everything(client, yes=(4,))
    add(client, today(), what_happened="Sentinel-8R")
    (entry_id,) = entry_ids(client)
    client.post(f"/record/{entry_id}/change/", posted(today(), what_happened="Sentinel-8S"))
    client.get("/record/")
    client.get("/results/")
    add(client, today())
    client.post(f"/record/{entry_id}/delete/")
    after = _row_counts()
    changed = {table for table in before if before[table] != after[table]}
    assert changed <= {"django_session"}


def test_pdf_entries_are_the_schedule_in_date_order():
    later = FULL.__class__(occurred_on=date(2026, 10, 9), what_happened="Later")
    entries = pdf_incident_options([later, FULL])["incidents"]
    assert all(isinstance(e, IncidentEntry) for e in entries)
    assert entries[0].when == "3 October 2026 at 21:30 (approximate)"
    assert entries[0].details == entry_details(FULL, compact=True)
    labels = [label for label, _text in entries[0].details]
    assert labels == [
        "Where",
        "What happened",
        "What they did",
        "Feared violence",
        "Effect on day-to-day life",
        "How it affected them",
        "Witnesses",
        "Evidence kept, and where",
        "Reported to police",
    ]
    details = dict(entries[0].details)
    assert "s.2A(3)(e)" in details["What they did"]
    assert "CR/123/26" in details["Reported to police"]
    # The PDF prints the links under each warning sign, not again in the schedule.
    assert dict(entry_details(FULL))["Warning signs it supports"].startswith("4. ")
    # Nothing was said about reporting the later entry, so nothing is shown for it.
    assert entries[1].details == (("What happened", "Later"),)

"""Keeping a record through the pages, and opening it again in another browser."""

import re
from datetime import date

import pytest
from django.test import Client

from screening.answers import ANSWERS_KEY, POLICE_DETAILS_KEY
from screening.incidents.session_log import INCIDENTS_KEY
from screening.saved_records import passphrases
from screening.saved_records.models import KeptRecord
from screening.saved_records.session import STATE_KEY
from tests.journey import ABOUT, answer_everything
from tests.test_views_incident_log import add, posted

pytestmark = pytest.mark.django_db

KEEP_PAGES = ("/keep/", "/kept/", "/kept/passphrase/", "/kept/delete/", "/open/")
NOT_OPENED = "We could not open a record with that passphrase. Check the words and try again."


def words_on(html: str) -> str:
    found = re.findall(r'<span class="app-passphrase__word">([a-z-]+)</span>', html)
    assert len(found) == passphrases.WORD_COUNT, html
    return " ".join(found)


def keep(client) -> str:
    """Keep the record in ``client``'s session through the pages; return the passphrase."""
    assert client.get("/keep/").status_code == 200
    passphrase = words_on(client.post("/keep/passphrase/").content.decode())
    response = client.post("/keep/confirm/")
    assert response.status_code == 302 and response["Location"] == "/kept/"
    return passphrase


def started_with_an_entry(client, what_happened="He waited by the gate") -> Client:
    client.get("/questions/")
    client.post("/questions/about-them/", ABOUT)
    add(client, date(2026, 10, 3), what_happened=what_happened, evidence="Doorbell video")
    return client


def open_in(client, passphrase: str):
    client.get("/open/")
    return client.post("/open/", {"passphrase": passphrase})


def test_the_start_page_offers_to_open_a_saved_record(client):
    assert 'href="/open/"' in client.get("/").content.decode()


def test_results_and_record_pages_offer_to_keep_the_record(client):
    answer_everything(client)
    for path in ("/results/", "/record/"):
        assert "Keep this record to come back to" in client.get(path).content.decode()


@pytest.mark.parametrize("path", KEEP_PAGES)
def test_titles_and_paths_are_neutral(client, path):
    started_with_an_entry(client)
    keep(client)
    html = client.get(path, follow=True).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    for word in ("stalk", "abuse", "victim", "harass"):
        assert word not in title.lower() and word not in path


def test_keeping_needs_a_screening_in_progress(client):
    assert client.get("/keep/")["Location"] == "/"
    assert client.post("/keep/passphrase/")["Location"] == "/"


def test_the_passphrase_is_shown_once_with_the_advice_and_is_never_stored(client):
    started_with_an_entry(client)
    html = client.post("/keep/passphrase/").content.decode()
    passphrase = words_on(html)
    assert "cannot find it" in html and "cannot be recovered" in html
    assert "anyone who has it can open your record" in html
    client.post("/keep/confirm/")
    session_text = str(dict(client.session.items()))
    assert passphrase not in session_text
    assert passphrase not in client.get("/kept/").content.decode()


def test_asking_for_different_words_gives_new_ones_and_only_the_last_opens(client):
    started_with_an_entry(client)
    first = words_on(client.post("/keep/passphrase/").content.decode())
    second = words_on(client.post("/keep/passphrase/").content.decode())
    assert first != second
    client.post("/keep/confirm/")
    assert KeptRecord.objects.count() == 1
    assert open_in(Client(), first).status_code == 422
    assert open_in(Client(), second).status_code == 302


def test_nothing_is_written_until_the_person_says_they_have_kept_the_words(client):
    started_with_an_entry(client)
    client.post("/keep/passphrase/")
    assert not KeptRecord.objects.exists()


def test_a_kept_record_opens_in_another_browser_with_the_answers_and_entries(client):
    started_with_an_entry(client, what_happened="Left a note on the car")
    passphrase = keep(client)
    elsewhere = Client()
    response = open_in(elsewhere, passphrase)
    assert response.status_code == 302 and response["Location"] == "/kept/"
    assert elsewhere.session[ANSWERS_KEY]["about-them"]["name"] == "Alex"
    (entry,) = elsewhere.session[INCIDENTS_KEY]
    assert entry["what_happened"] == "Left a note on the car"
    assert entry["evidence"] == "Doorbell video"
    html = elsewhere.get("/record/").content.decode()
    assert "Left a note on the car" in html
    assert "This record is not saved." not in html


def test_every_change_is_saved_and_the_pages_say_when(client):
    started_with_an_entry(client)
    passphrase = keep(client)
    add(client, date(2026, 10, 5), what_happened="Sent flowers to work")
    html = client.get("/record/").content.decode()
    assert re.search(
        r"Your record is kept: every change is saved\. Last saved at \d{1,2}:\d\d[ap]m on \d{1,2} ",
        html,
    )
    assert "Exit this page ends your visit, not the kept record." in html
    elsewhere = Client()
    open_in(elsewhere, passphrase)
    texts = [entry["what_happened"] for entry in elsewhere.session[INCIDENTS_KEY]]
    assert "Sent flowers to work" in texts


def test_answers_and_police_details_are_saved_too(client):
    answer_everything(client)
    passphrase = keep(client)
    client.post("/summary/details/", {"name": "", "reference": "CR/999/26"})
    client.post("/questions/about-them/?change=1", {**ABOUT, "name": "Sam"})
    elsewhere = Client()
    open_in(elsewhere, passphrase)
    assert elsewhere.session[POLICE_DETAILS_KEY] == {"reference": "CR/999/26"}
    assert elsewhere.session[ANSWERS_KEY]["about-them"]["name"] == "Sam"
    assert elsewhere.get("/results/").status_code == 200


def test_a_page_view_that_changes_nothing_does_not_rewrite_the_record(client):
    started_with_an_entry(client)
    keep(client)
    before = bytes(KeptRecord.objects.get().ciphertext)
    client.get("/record/")
    client.get("/kept/")
    assert bytes(KeptRecord.objects.get().ciphertext) == before


def test_a_wrong_passphrase_gets_one_neutral_message(client):
    started_with_an_entry(client)
    passphrase = keep(client)
    wrong = " ".join(reversed(passphrase.split(" ")))
    never_made = "abacus abdomen abdominal abide abiding ability"
    not_words = "these are not six real words"
    pages = [open_in(Client(), attempt) for attempt in (wrong, never_made, not_words)]
    for response in pages:
        assert response.status_code == 422
        html = response.content.decode()
        assert NOT_OPENED in html
        assert "<title>Error: Open a saved record" in html
    assert STATE_KEY not in Client().session


def test_a_passphrase_that_is_not_six_words_is_asked_for_again(client):
    response = open_in(client, "abacus abdomen")
    assert response.status_code == 422
    assert "Enter all 6 words of your passphrase" in response.content.decode()


def test_typing_the_words_in_capitals_with_extra_spaces_still_opens(client):
    started_with_an_entry(client)
    passphrase = keep(client)
    assert open_in(Client(), "  " + passphrase.upper().replace(" ", "   ") + " ").status_code == 302


def test_the_kept_page_shows_when_the_record_was_last_opened(client):
    started_with_an_entry(client)
    passphrase = keep(client)
    html = client.get("/kept/").content.decode()
    assert "Not opened yet" in html
    assert "Your record is kept: every change is saved." not in html  # said once, in full
    elsewhere = Client()
    open_in(elsewhere, passphrase)
    open_in(elsewhere, passphrase)
    html = elsewhere.get("/kept/").content.decode()
    assert html.count("<li>") >= 2
    assert "someone else may have your passphrase" in html


def test_opening_starts_a_new_session_key(client):
    started_with_an_entry(client)
    passphrase = keep(client)
    elsewhere = Client()
    elsewhere.get("/open/")
    before = elsewhere.session.session_key
    open_in(elsewhere, passphrase)
    assert elsewhere.session.session_key != before


def test_exit_ends_the_visit_but_not_the_kept_record(client):
    started_with_an_entry(client)
    passphrase = keep(client)
    client.get("/exit/")
    assert STATE_KEY not in client.session
    assert KeptRecord.objects.count() == 1
    assert open_in(Client(), passphrase).status_code == 302


def test_deleting_asks_first_then_deletes_at_once(client):
    started_with_an_entry(client)
    passphrase = keep(client)
    html = client.get("/kept/delete/").content.decode()
    assert "Are you sure you want to delete your kept record?" in html
    assert KeptRecord.objects.count() == 1
    response = client.post("/kept/delete/")
    assert "Your kept record has been deleted" in response.content.decode()
    assert not KeptRecord.objects.exists()
    assert STATE_KEY not in client.session
    add(client, date(2026, 10, 6))
    assert not KeptRecord.objects.exists()
    assert open_in(Client(), passphrase).status_code == 422


def test_changing_the_passphrase_gives_new_words_and_the_old_ones_stop_working(client):
    started_with_an_entry(client)
    old = keep(client)
    assert client.get("/kept/passphrase/").status_code == 200
    html = client.post("/keep/passphrase/").content.decode()
    assert "Your new passphrase" in html and "your old passphrase stops working" in html
    new = words_on(html)
    assert client.post("/keep/confirm/")["Location"] == "/kept/"
    assert open_in(Client(), old).status_code == 422
    assert open_in(Client(), new).status_code == 302
    assert KeptRecord.objects.count() == 1


def test_a_change_after_deletion_on_another_device_is_not_saved_anywhere(client):
    started_with_an_entry(client)
    passphrase = keep(client)
    other = Client()
    open_in(other, passphrase)
    other.post("/kept/delete/")
    add(client, date(2026, 10, 7))
    assert not KeptRecord.objects.exists()
    assert STATE_KEY not in client.session


def test_opening_attempts_are_limited(client, settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "open-record": {"client": (2, 15), "account": (2, 15)},
    }
    never_made = "abacus abdomen abdominal abide abiding ability"
    assert open_in(client, never_made).status_code == 422
    assert open_in(client, never_made).status_code == 422
    response = open_in(client, never_made)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "There have been too many attempts" in response.content.decode()


def test_making_passphrases_is_limited_too(client, settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "open-record": {"client": (1, 15), "account": (1, 15)},
    }
    started_with_an_entry(client)
    assert client.post("/keep/passphrase/").status_code == 200
    assert client.post("/keep/passphrase/").status_code == 429


def test_the_open_form_is_plain_and_leaves_nothing_to_the_browser(client):
    html = client.get("/open/").content.decode()
    assert 'autocomplete="off"' in html
    assert "maxlength" not in html


def test_a_bad_record_form_does_not_disturb_saving(client):
    started_with_an_entry(client)
    keep(client)
    before = bytes(KeptRecord.objects.get().ciphertext)
    response = client.post("/record/add/", {**posted(date(2026, 1, 1)), "occurred_on_1": "13"})
    assert response.status_code == 422
    assert bytes(KeptRecord.objects.get().ciphertext) == before


def test_starting_again_stops_keeping_and_leaves_the_kept_record_as_it_was(client):
    answer_everything(client)
    add(client, date(2026, 10, 3), what_happened="Followed me home")
    passphrase = keep(client)
    html = client.get("/results/").content.decode()
    assert "Starting again or leaving does not change your kept record." in html
    before = KeptRecord.objects.values().get()
    client.post("/start-again/")
    assert STATE_KEY not in client.session
    assert KeptRecord.objects.values().get() == before
    elsewhere = Client()
    open_in(elsewhere, passphrase)
    assert elsewhere.session[INCIDENTS_KEY][0]["what_happened"] == "Followed me home"

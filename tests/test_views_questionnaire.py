"""The self-screening journey through its views: order, guards, errors, changes."""

import re
from html import unescape

import pytest
from django.db import connection

from screening import questions
from tests.journey import ABOUT, answer_everything

pytestmark = pytest.mark.django_db

FIRST_SIGN = questions.BANK.warning_signs[0].slug
SECOND_SIGN = questions.BANK.warning_signs[1].slug
LAST_SIGN = questions.BANK.warning_signs[-1].slug


def start(client):
    return client.get("/questions/")


def test_starting_goes_to_the_first_question(client):
    response = start(client)
    assert response.status_code == 302
    assert response["Location"] == "/questions/about-them/"


def test_a_question_without_a_screening_in_progress_goes_to_the_start_page(client):
    response = client.get("/questions/about-them/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_an_unknown_question_is_not_found(client):
    start(client)
    assert client.get("/questions/no-such-question/").status_code == 404


def test_a_deep_link_to_a_later_question_returns_to_the_first_unanswered(client):
    start(client)
    response = client.get(f"/questions/{LAST_SIGN}/")
    assert response["Location"] == "/questions/about-them/"

    client.post("/questions/about-them/", ABOUT)
    response = client.get(f"/questions/{LAST_SIGN}/")
    assert response["Location"] == f"/questions/{FIRST_SIGN}/"


def test_a_valid_answer_moves_on_to_the_next_question(client):
    start(client)
    response = client.post("/questions/about-them/", ABOUT)
    assert response["Location"] == f"/questions/{FIRST_SIGN}/"


def test_an_empty_answer_shows_the_error_summary_with_status_422(client):
    start(client)
    response = client.post("/questions/about-them/", {"name": "Kept text"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "There is a problem" in html
    assert "<title>Error: " in html
    assert 'href="#id_relationship_1"' in html
    assert "Select who they are to you" in html
    assert 'value="Kept text"' in html  # nothing typed is lost


def test_a_sign_question_needs_yes_no_or_dont_know_and_keeps_the_details(client):
    start(client)
    client.post("/questions/about-them/", ABOUT)
    response = client.post(f"/questions/{FIRST_SIGN}/", {"details": "On Friday night"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "Select yes, no or" in html or "Select" in html
    assert "On Friday night" in html


def test_oversized_details_get_a_clear_error_and_are_kept(client):
    start(client)
    client.post("/questions/about-them/", ABOUT)
    long_text = "x" * 1001
    response = client.post(f"/questions/{FIRST_SIGN}/", {"answer": "yes", "details": long_text})
    html = response.content.decode()
    assert response.status_code == 422
    assert "1000 characters or fewer" in html
    assert long_text in html


def test_control_characters_are_refused_with_a_clear_error(client):
    start(client)
    response = client.post("/questions/about-them/", {**ABOUT, "name": "Al\x07ex"})
    assert response.status_code == 422
    assert "Remove the hidden characters from" in response.content.decode()


def test_a_tampered_choice_is_refused(client):
    start(client)
    response = client.post("/questions/about-them/", {**ABOUT, "relationship": "boss"})
    assert response.status_code == 422


def test_the_question_page_shows_progress_and_the_three_answers(client):
    start(client)
    client.post("/questions/about-them/", ABOUT)
    html = client.get(f"/questions/{FIRST_SIGN}/").content.decode()
    assert "Question 1 of 12" in html
    assert "<title>Question 1 of 12 – " in html
    labels = re.findall(r'govuk-radios__label"[^>]*>\s*(.*?)\s*</label>', html, re.S)
    assert [unescape(label) for label in labels] == ["Yes", "No", "Don't know"]
    assert ">Continue<" in html
    assert 'autocomplete="off"' in html


def test_the_name_given_is_used_in_the_questions_and_escaped(client):
    start(client)
    client.post("/questions/about-them/", {**ABOUT, "name": "<b>Sam</b>"})
    client.post(f"/questions/{FIRST_SIGN}/", {"answer": "no"})
    client.post(f"/questions/{SECOND_SIGN}/", {"answer": "no"})
    html = client.get(f"/questions/{questions.BANK.warning_signs[2].slug}/").content.decode()
    assert "Has &lt;b&gt;Sam&lt;/b&gt; destroyed or vandalised any property?" in html
    assert "<b>Sam</b>" not in html


def test_without_a_name_the_questions_say_this_person(client):
    start(client)
    client.post("/questions/about-them/", {**ABOUT, "name": ""})
    client.post(f"/questions/{FIRST_SIGN}/", {"answer": "no"})
    client.post(f"/questions/{SECOND_SIGN}/", {"answer": "no"})
    html = client.get(f"/questions/{questions.BANK.warning_signs[2].slug}/").content.decode()
    assert "Has this person destroyed or vandalised any property?" in html


def test_back_links_go_to_the_previous_visible_question(client):
    start(client)
    html = client.get("/questions/about-them/").content.decode()
    assert 'href="/before-you-start/" class="govuk-back-link"' in html
    client.post("/questions/about-them/", ABOUT)
    html = client.get(f"/questions/{FIRST_SIGN}/").content.decode()
    assert 'href="/questions/about-them/" class="govuk-back-link"' in html


def test_the_last_question_leads_to_check_your_answers(client):
    response = answer_everything(client)
    assert response["Location"] == "/check-your-answers/"


def test_check_your_answers_lists_every_answer_with_a_change_link(client):
    answer_everything(client, yes=(6,), details={6: "Said he would hurt me"})
    response = client.get("/check-your-answers/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Check your answers</h1>' in html
    assert "See your results" in html
    assert "Said he would hurt me" in html
    for question in questions.BANK:
        assert f'href="/questions/{question.slug}/?change=1"' in html


def test_check_your_answers_before_finishing_returns_to_the_first_unanswered(client):
    start(client)
    client.post("/questions/about-them/", ABOUT)
    response = client.get("/check-your-answers/")
    assert response["Location"] == f"/questions/{FIRST_SIGN}/"


def test_change_from_check_answers_returns_to_check_answers(client):
    answer_everything(client)
    html = client.get(f"/questions/{SECOND_SIGN}/?change=1").content.decode()
    assert 'href="/check-your-answers/" class="govuk-back-link"' in html
    response = client.post(f"/questions/{SECOND_SIGN}/?change=1", {"answer": "yes"})
    assert response["Location"] == "/check-your-answers/"
    assert "Warning signs present" in client.get("/results/").content.decode()


def test_changing_an_answer_drops_the_follow_up_it_no_longer_needs(client):
    answer_everything(client, about={**ABOUT, "relationship": "known", "known_as": "colleague"})
    assert "A colleague" in client.get("/check-your-answers/").content.decode()
    client.post("/questions/about-them/?change=1", {**ABOUT, "known_as": "colleague"})
    stored = client.session["answers"]["about-them"]
    assert "known_as" not in stored
    assert "A colleague" not in client.get("/check-your-answers/").content.decode()


def test_stored_answers_are_revalidated_when_read(client):
    answer_everything(client)
    session = client.session
    session["answers"][FIRST_SIGN] = {"answer": "definitely"}
    session.save()
    response = client.get("/results/")
    assert response["Location"] == f"/questions/{FIRST_SIGN}/"


@pytest.mark.parametrize(
    ("yes", "level"),
    [
        ((), "No warning signs identified yet"),
        ((3,), "Warning signs present"),
        ((1,), "Serious warning signs"),
        ((2, 3, 4, 5, 7, 9), "Serious warning signs"),
    ],
)
def test_the_results_show_the_level_in_words(client, yes, level):
    answer_everything(client, yes=yes)
    html = client.get("/results/").content.decode()
    assert f">{level}</h2>" in html
    assert "call 999" in html
    assert "You are not overreacting." in html
    assert "cannot predict what" in html


def test_the_results_explain_each_sign_present_and_what_is_still_unknown(client):
    answer_everything(client, yes=(6,), dont_know=(12,), details={6: "At the station"})
    html = client.get("/results/").content.decode()
    sign = questions.BANK.warning_signs[5]
    assert "Has Alex made any threats of physical or sexual violence?" in html
    assert sign.reason.split(",")[0] in html
    assert "At the station" in html
    assert "Things still to find out" in html
    assert "An ex-partner has made threats of violence" in html
    assert "0808 802 0300" in html
    assert "020 3866 4107" in html


def test_the_results_never_say_low_risk_or_safe(client):
    answer_everything(client)
    html = client.get("/results/").content.decode().lower()
    assert "low risk" not in html
    assert "you are safe" not in html


def test_start_again_deletes_the_answers_and_begins_afresh(client):
    answer_everything(client)
    response = client.post("/start-again/")
    assert response["Location"] == "/questions/"
    assert client.session.get("answers") in ({}, None)
    assert client.get("/questions/")["Location"] == "/questions/about-them/"


def _row_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - our own table names
            counts[table] = cursor.fetchone()[0]
        return counts


def test_the_whole_journey_writes_nothing_but_the_session(client):
    before = _row_counts()
    answer_everything(client, yes=(1, 6), details={1: "Sentinel-7Q"})
    client.get("/check-your-answers/")
    client.get("/results/")
    after = _row_counts()
    changed = {table for table in before if before[table] != after[table]}
    assert changed <= {"django_session"}
    client.get("/exit/")
    assert _row_counts()["django_session"] == before["django_session"]

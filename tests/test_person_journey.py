"""The person's journey as a newcomer meets it: asking before deleting, help first, plain
words, neutral titles, only what was said, and the police summary without a download."""

import re
from datetime import date

import pytest
from django.utils import timezone

from screening import pdf, questions, scoring
from screening.incidents.session_log import INCIDENTS_KEY
from tests.journey import ABOUT, answer_everything
from tests.test_pdf import complete_answers, pages_text
from tests.test_views_incident_log import add, entry_ids

pytestmark = pytest.mark.django_db

SIGN_SLUGS = [sign.slug for sign in questions.BANK.warning_signs]


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


# --- 1. Start again asks first ----------------------------------------------------------------


def test_start_again_asks_first_saying_what_will_be_deleted_with_a_way_back(client):
    answer_everything(client)
    add(client, timezone.localdate())
    add(client, timezone.localdate(), what_happened="Again")
    response = client.get("/start-again/")
    assert response.status_code == 200
    main = main_of(response.content.decode())
    assert "Are you sure you want to start again?" in main
    assert "your answers to all the questions" in main
    assert "your record, with all 2 of its entries" in main
    assert 'href="/results/"' in main
    # Looking at the question deletes nothing.
    assert len(entry_ids(client)) == 2
    assert client.get("/results/").status_code == 200


def test_confirming_start_again_deletes_the_answers_and_the_record(client):
    answer_everything(client)
    add(client, timezone.localdate())
    response = client.post("/start-again/")
    assert response["Location"] == "/questions/"
    assert client.session.get(INCIDENTS_KEY) is None
    assert client.get("/results/")["Location"] == "/questions/about-them/"


def test_the_results_page_links_to_the_question_not_straight_to_deleting(client):
    answer_everything(client)
    html = client.get("/results/").content.decode()
    assert 'action="/start-again/"' not in html
    assert 'href="/start-again/"' in html


def test_start_again_before_starting_goes_to_the_start(client):
    assert client.get("/start-again/")["Location"] == "/"


# --- 3. Only what was said --------------------------------------------------------------------


def test_the_person_s_record_shows_no_answer_to_a_question_left_blank(client):
    client.get("/questions/")
    add(client, timezone.localdate())
    main = main_of(client.get("/record/").content.decode())
    assert "Reported to police" not in main


# --- 6. Neutral titles ------------------------------------------------------------------------

GIVEAWAYS = ("stalk", "person doing this", "done", "abuse", "harass", "threat", "violen")


@pytest.mark.parametrize("slug", [questions.ABOUT_SLUG, questions.BEHAVIOURS_SLUG])
def test_page_titles_give_nothing_away(client, slug):
    answer_everything(client)
    title = title_of(client.get(f"/questions/{slug}/").content.decode()).lower()
    assert not [word for word in GIVEAWAYS if word in title], title


def test_every_title_in_the_journey_gives_nothing_away(client):
    answer_everything(client)
    add(client, timezone.localdate())
    (entry_id,) = entry_ids(client)
    paths = [
        "/",
        "/before-you-start/",
        *(f"/questions/{q.slug}/" for q in questions.BANK),
        "/check-your-answers/",
        "/results/",
        "/start-again/",
        "/summary/print/",
        "/record/",
        f"/record/{entry_id}/delete/",
    ]
    for path in paths:
        title = title_of(client.get(path).content.decode()).lower()
        assert not [word for word in GIVEAWAYS if word in title], (path, title)
        assert not [word for word in GIVEAWAYS if word in path], path


# --- 7. What is true about the session --------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/before-you-start/", "/privacy/"])
def test_the_pages_say_the_answers_are_kept_in_the_database_until_exit_or_idle(client, path):
    main = main_of(client.get(path).content.decode())
    assert "not saved to a database" not in main
    assert "do not save your answers to a database" not in main
    assert "database" in main
    assert "30 minutes" in main


def test_no_record_page_says_the_record_is_not_saved(client):
    answer_everything(client)
    for path in ("/record/", "/record/add/", "/results/"):
        assert "not saved" not in main_of(client.get(path).content.decode()), path


# --- 8, 9. The results: help first, said once, in plain words ---------------------------------


def test_what_to_do_and_who_can_help_come_before_the_signs(client):
    answer_everything(client, yes=(1, 3), details={1: "Every night"})
    main = main_of(client.get("/results/").content.decode())
    signs = main.index("warning signs present")
    for marker in ('href="tel:999"', 'href="tel:08088020300"', 'href="/summary/print/"'):
        assert main.index(marker) < signs, marker
    assert main.index('href="/summary/details/"') < signs


def test_the_level_is_not_said_twice_and_999_is_not_repeated(client):
    answer_everything(client, yes=(1,))
    main = main_of(client.get("/results/").content.decode())
    assert "is a serious warning sign" not in main
    assert "Warning sign 1 (very frightened) was answered “Yes”" in main
    assert "Act now. Call 999" not in main


def test_no_warning_signs_yet_is_not_said_twice(client):
    answer_everything(client)
    main = main_of(client.get("/results/").content.decode())
    assert main.count("No warning signs") == 1
    assert "None of the questions was answered “Yes”" in main
    assert main.count("None of the questions") == 1


@pytest.mark.parametrize("number", [1, 10, 11, 12])
def test_the_details_hint_fits_the_question(client, number):
    answer_everything(client)
    slug = questions.BANK.warning_signs[number - 1].slug
    html = client.get(f"/questions/{slug}/").content.decode()
    assert "anyone who saw it" not in html


def test_the_person_s_own_record_has_no_section_numbers_but_the_police_summary_does(client):
    answer_everything(client)
    add(client, timezone.localdate(), behaviours=["following", "texts"])
    assert "s.2A" not in main_of(client.get("/record/").content.decode())
    assert "s.2A(3)(a)" in main_of(client.get("/summary/print/").content.decode())


def test_after_reporting_and_telling_people_is_explained(client):
    answer_everything(client)
    main = main_of(client.get("/results/").content.decode())
    for words in (
        "crime reference number",
        "name of the officer",
        "stalking checklist",
        "Stalking Protection Order",
        "Victims’ Code",
        "Tell family, friends",
    ):
        assert words in main, words


# --- 11. Record pages -------------------------------------------------------------------------


def test_a_banner_says_an_entry_was_added_changed_or_deleted_once(client):
    client.get("/questions/")
    add(client, timezone.localdate())
    html = client.get("/record/").content.decode()
    assert "govuk-notification-banner--success" in html
    assert "Your entry was added to your record." in html
    assert "govuk-notification-banner" not in client.get("/record/").content.decode()
    (entry_id,) = entry_ids(client)
    client.post(f"/record/{entry_id}/change/", {**_posted(), "what_happened": "Changed"})
    assert "Your entry was changed." in client.get("/record/").content.decode()
    client.post(f"/record/{entry_id}/delete/")
    assert "The entry was deleted from your record." in client.get("/record/").content.decode()


def _posted() -> dict:
    today = timezone.localdate()
    return {
        "occurred_on_0": str(today.day),
        "occurred_on_1": str(today.month),
        "occurred_on_2": str(today.year),
        "what_happened": "He waited by the gate",
    }


def test_the_delete_page_has_one_red_button_the_exit(client):
    client.get("/questions/")
    add(client, timezone.localdate())
    (entry_id,) = entry_ids(client)
    main = main_of(client.get(f"/record/{entry_id}/delete/").content.decode())
    assert main.count("govuk-button--warning") == 1
    assert "govuk-exit-this-page__button" in main


# --- 12. "How do you know them?" is revealed by its choice -------------------------------------


def test_how_you_know_them_is_inside_the_choice_that_reveals_it(client):
    client.get("/questions/")
    html = client.get("/questions/about-them/").content.decode()
    known = re.search(r'<input[^>]*value="known"[^>]*>', html.replace("\n", " ")).group(0)
    assert 'data-aria-controls="conditional-id_relationship"' in known
    conditional = html.index('id="conditional-id_relationship"')
    assert 'class="govuk-radios__conditional govuk-radios__conditional--hidden"' in html
    assert conditional < html.index('name="known_as"') < html.index('name="how_often"')
    assert 'data-module="govuk-radios"' in html
    # Without script it stays visible: its hint says when to answer it.
    assert "Answer this if you chose “Someone I know”." in html


def test_how_you_know_them_is_shown_open_when_it_was_chosen(client):
    client.get("/questions/")
    client.post(
        "/questions/about-them/", {**ABOUT, "relationship": "known", "known_as": "neighbour"}
    )
    html = client.get("/questions/about-them/").content.decode()
    assert "govuk-radios__conditional--hidden" not in html


def test_a_missing_how_you_know_them_links_to_its_first_option(client):
    client.get("/questions/")
    response = client.post("/questions/about-them/", {**ABOUT, "relationship": "known"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'href="#id_known_as_1"' in html
    assert 'id="id_known_as_1"' in html


# --- None of these, and getting worse ---------------------------------------------------------


def test_none_of_these_with_something_else_asks_which_is_right(client):
    answer_everything(client)
    response = client.post("/questions/behaviours/", {"behaviours": ["texts", "none"]})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Select “None of these” only if none of the others has happened" in html
    assert 'data-behaviour="exclusive"' in html


def test_none_of_these_is_shown_as_said_and_is_not_a_behaviour(client):
    answer_everything(client, behaviours={"behaviours": ["none"]})
    check = main_of(client.get("/check-your-answers/").content.decode())
    assert "None of these" in check
    main = main_of(client.get("/results/").content.decode())
    assert "This matches how police recognise stalking" not in main
    assert "None of these" in main


def test_getting_worse_is_context_in_the_results_and_the_pdf_not_a_sign(client):
    answer_everything(client, behaviours={"behaviours": ["texts"], "worse": "yes"})
    main = main_of(client.get("/results/").content.decode())
    assert "It is happening more often or getting worse" in main
    assert "The warning sign present" not in main  # still no sign answered yes
    text = " ".join(pages_text(client.get("/summary/file/").content))
    assert "It is happening more often or getting worse" in text
    assert "Happening more often or getting worse" in text


@pytest.mark.parametrize("worse", ["yes", "no", "dont_know"])
def test_getting_worse_is_never_scored(worse):
    answers = complete_answers()
    said = {**answers, "behaviours": {**answers["behaviours"], "worse": worse}}
    assert scoring.score(said) == scoring.score(answers)


# --- The print view ---------------------------------------------------------------------------


def test_the_print_view_holds_what_the_pdf_holds(client):
    answer_everything(
        client, yes=(3,), details={3: "Tyres slashed"}, about={**ABOUT, "name": "Sam"}
    )
    client.post("/summary/details/", {"name": "Alex", "reference": "CR/1/26"})
    add(client, date.today(), what_happened="Waited at the gate", behaviours=["waiting"])
    response = client.get("/summary/print/")
    assert response.status_code == 200
    main = main_of(response.content.decode())
    for words in (
        "Has Sam destroyed or vandalised any property?",  # the checklist's own wording
        "Tyres slashed",
        "Alex",
        "CR/1/26",
        "Waited at the gate",
        "Incident schedule",
        "0808 802 0300",
    ):
        assert words in main, words
    assert "govuk-exit-this-page" in response.content.decode()
    pdf_text = " ".join(pages_text(pdf.render_summary_pdf(complete_answers())))
    assert "Warning signs checklist: summary for the police" in pdf_text


def test_the_print_view_needs_a_complete_screening(client):
    client.get("/questions/")
    assert client.get("/summary/print/")["Location"] == "/questions/about-them/"


# --- Without script, each page says when the session ends -------------------------------------


def test_each_page_of_the_journey_says_when_the_answers_will_be_deleted(client):
    answer_everything(client)
    for path in ("/questions/about-them/", "/results/", "/record/", "/summary/print/"):
        main = main_of(client.get(path).content.decode())
        assert re.search(r"your answers will be deleted at \d\d:\d\d", main), path


def test_pages_before_the_screening_starts_say_nothing_about_a_session(client):
    assert "app-session-end" not in client.get("/").content.decode()


def test_none_of_these_is_not_a_behaviour_that_changed_between_screenings():
    from screening.changes import compare

    before = complete_answers()
    after = {**before, "behaviours": {"behaviours": ["none"]}}
    found = compare(before, after)
    assert "none" not in found.behaviours_added
    assert set(found.behaviours_stopped) == set(before["behaviours"]["behaviours"])


def test_what_else_is_inside_something_else_before_none_of_these(client):
    answer_everything(client)
    html = client.get("/questions/behaviours/").content.decode().replace("\n", " ")
    other = re.search(r'<input[^>]*value="other"[^>]*>', html).group(0)
    assert 'data-aria-controls="conditional-id_behaviours"' in other
    conditional = html.index('id="conditional-id_behaviours"')
    assert html.index('value="other"') < conditional < html.index('name="other_details"')
    assert html.index('name="other_details"') < html.index('value="none"')

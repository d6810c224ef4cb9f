"""The incident log informs the answers: where it records what a question asks about and that
question was not answered "Yes", the pages prompt a check. Never a change to an answer or a
level."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from pypdf import PdfReader

from screening import questions, scoring
from screening.incidents import Incident
from screening.incidents.presenters import ADVOCATE, PERSON, POLICE, prompt_texts
from screening.incidents.prompts import THIRD_PARTIES, THREAT, VIOLENCE, VISITS, prompts
from screening.incidents.session_log import SessionIncidentLog
from tests.casework.records import screening_answers
from tests.journey import answer_everything

NOV_19 = date(2026, 11, 19)


def on(day: date, *behaviours: str) -> Incident:
    return Incident(occurred_on=day, what_happened="Recorded at the time.", behaviours=behaviours)


def four_visits(start: date) -> list[Incident]:
    return [on(start + timedelta(days=n), "home") for n in range(4)]


@pytest.mark.parametrize(
    ("log", "not_yes", "code", "number", "first"),
    [
        ([on(NOV_19, "threats")], 6, THREAT, 6, NOV_19),
        (four_visits(NOV_19), 4, VISITS, 4, NOV_19),
        ([on(NOV_19, "via_others")], 7, THIRD_PARTIES, 7, NOV_19),
        ([on(NOV_19, "proxies")], 7, THIRD_PARTIES, 7, NOV_19),
        ([on(NOV_19, "violence")], 8, VIOLENCE, 8, NOV_19),
    ],
    ids=["threat", "visits", "via-others", "proxies", "violence"],
)
def test_the_log_prompts_a_check_of_the_question_it_informs(log, not_yes, code, number, first):
    answers = screening_answers()  # every sign answered "No"
    assert [(p.code, p.number, p.first) for p in prompts(answers, log)] == [(code, number, first)]


@pytest.mark.parametrize(
    ("log", "yes"),
    [
        ([on(NOV_19, "threats")], 6),
        (four_visits(NOV_19), 4),
        ([on(NOV_19, "via_others")], 7),
        ([on(NOV_19, "violence")], 8),
    ],
)
def test_no_prompt_when_the_question_was_answered_yes(log, yes):
    assert prompts(screening_answers(yes=(yes,)), log) == ()


def test_three_visits_in_a_week_are_not_more_than_three():
    assert prompts(screening_answers(), four_visits(NOV_19)[:3]) == ()


def test_the_first_threat_is_the_one_named():
    log = [on(date(2026, 11, 25), "threats"), on(NOV_19, "threats"), on(NOV_19, "calls")]
    (prompt,) = prompts(screening_answers(), log)
    assert prompt.first == NOV_19


def test_dont_know_still_prompts_a_check():
    (prompt,) = prompts(screening_answers(dont_know=(6,)), [on(NOV_19, "threats")])
    assert prompt.number == 6


def test_an_empty_log_prompts_nothing():
    assert prompts(screening_answers(), []) == ()


def test_a_prompt_never_changes_the_answers_or_the_level():
    answers = screening_answers()
    before = scoring.score(answers, incident_count=1)
    prompts(answers, [on(NOV_19, "threats")])
    assert scoring.score(answers, incident_count=1) == before
    assert answers == screening_answers()


@pytest.mark.parametrize(
    ("reader", "wording"),
    [
        (PERSON, "Your record has a threat on 19 November 2026. You may want to look again"),
        (ADVOCATE, "The incident log records a threat on 19 November 2026: check question 6 with"),
        (POLICE, "The incident log records a threat on 19 November 2026; question 6 was not"),
    ],
)
def test_each_reader_gets_their_own_wording(reader, wording):
    (text,) = prompt_texts(screening_answers(), [on(NOV_19, "threats")], reader=reader)
    assert text.startswith(wording)


def test_the_person_sees_the_prompt_on_their_results_and_the_police_in_the_pdf(client, db):
    answer_everything(client)
    session = client.session
    SessionIncidentLog(session).add(on(NOV_19, "threats"))
    session.save()
    results = client.get(reverse("questions:results")).content.decode()
    assert "What your record adds" in results
    assert "Your record has a threat on 19 November 2026" in results
    document = client.get(reverse("questions:summary-file"))
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(document.content)).pages
    )
    assert "The incident log records a threat on 19 November 2026; question 6" in text
    assert "with the client" not in text


def test_the_prompt_names_the_question_by_its_number_in_the_bank():
    (prompt,) = prompts(screening_answers(), [on(NOV_19, "threats")])
    assert questions.BANK.sign(prompt.number).slug == "statements"

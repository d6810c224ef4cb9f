"""The police summary, second edition, as the person being stalked makes it: written for the
officer who reads it (the person's own pages keep "you"), the law named once, shorter, and
nothing printed for what was never asked. The case summary's own points are in
tests/casework/test_police_summary.py."""

import io
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from bench.sample import case_options, sample_answers
from screening import pdf, questions
from screening.incidents import Incident
from screening.incidents.presenters import pdf_incident_options
from tests.test_pdf import complete_answers, flat, pages_text
from tests.test_views_summary import FILE_URL, add_entry, pdf_text, with_complete_screening

MONDAY = date(2026, 6, 1)


def text_of(document: bytes) -> str:
    return " ".join(pages_text(document))


def body_and_annex(text: str) -> tuple[str, str]:
    at = text.index("Annex: why the warning signs present matter")
    return text[:at], text[at:]


def a_log(count: int, *, first: date = MONDAY, every: int = 3, **fields) -> list[Incident]:
    return [
        Incident(
            occurred_on=first + timedelta(days=every * n),
            what_happened=fields.get("what_happened", f"Entry {n + 1}: he waited at the gate."),
            behaviours=fields.get("behaviours", ("following", "waiting")),
            feared_violence=fields.get("feared_violence", "not_sure"),
            daily_life_effects=fields.get("daily_life_effects", ("routes", "health")),
            signs=fields.get("signs", (5,)),
        )
        for n in range(count)
    ]


@pytest.fixture(scope="module")
def with_log_text() -> str:
    answers = complete_answers()
    answers[questions.BEHAVIOURS_SLUG]["behaviours"].append("damage")
    log = [*a_log(3), *a_log(3, first=MONDAY + timedelta(days=1), feared_violence="yes")]
    options = pdf_incident_options(log, today=MONDAY + timedelta(days=20))
    return text_of(pdf.render_summary_pdf(answers, **options))


# --- Voice -----------------------------------------------------------------------------------


def test_the_officer_reads_about_the_person_being_stalked_in_the_third_person(with_log_text):
    text = with_log_text
    for expected in (
        "What do they call the stalker?",
        "Who is the stalker to them?",
        "Following them",
        "Tracking where they are with a device or app",
        "Other actions against them",
        "Damaging their property",
        "Feared violence: Not sure",
        "Changed the way they travel, or their routine",
        "Affected their physical or mental health, or their sleep",
    ):
        assert flat(expected) in flat(text), expected
    for person_wording in (
        "What do you call them?",
        "Who are they to you?",
        "Following you",
        "I’m not sure",
        "the way you travel",
        "your sleep",
        "Other actions against you",
    ):
        assert flat(person_wording) not in flat(text), person_wording


def test_before_the_annex_only_the_checklists_own_question_12_says_you(with_log_text):
    body, _annex = body_and_annex(with_log_text)
    twelve = questions.BANK.sign(12).canonical.replace("{name}", "Sam Example")
    assert flat(twelve) in flat(body)
    found = re.findall(r"(?<![\w(])([Yy]ou|[Yy]ours?|I|[Mm]e|[Mm]y)(?![\w’')])", body)
    assert found == ["you"], found  # "Do you know if ..." in question 12, nothing else


@pytest.mark.django_db
def test_the_persons_own_pages_keep_speaking_to_them(client):
    with_complete_screening(client)
    check = client.get("/check-your-answers/").content.decode()
    assert "What do you call them?" in check
    assert "What do they call the stalker?" not in check


# --- The law, named once ---------------------------------------------------------------------


def test_the_act_is_named_once_in_full_and_then_by_short_references(with_log_text):
    text = with_log_text
    assert text.count("Protection from Harassment Act 1997") == 1
    law = text.index("Protection from Harassment Act 1997")
    for short in ("s.2A(3)(a)", "s.2A(3)(e)", "s.4A(1)(b)(i)", "s.4A(1)(b)(ii)", "s.7(3)"):
        assert short in text, short
        assert text.index(short) >= law, short  # never before the Act is named
    assert "In law," not in text


# --- Shorter ---------------------------------------------------------------------------------


def test_the_research_reasons_are_in_the_annex_only(with_log_text):
    body, annex = body_and_annex(with_log_text)
    reason = "Fear was the sign most strongly linked with serious violence"
    assert reason not in body
    assert reason in annex
    assert "1. very frightened (serious warning sign):" in annex


def test_there_is_no_evidence_list_repeating_the_schedule():
    options = pdf_incident_options(
        [*a_log(2), Incident(occurred_on=MONDAY, what_happened="X", evidence="Kept: photo A1")]
    )
    text = text_of(pdf.render_summary_pdf(complete_answers(), **options))
    assert text.count("Kept: photo A1") == 1
    assert "Gathered from the schedule" not in text


def test_the_helplines_are_a_short_list_in_the_annex(with_log_text):
    body, annex = body_and_annex(with_log_text)
    for number in ("999", "101", "0808 802 0300", "020 3866 4107"):
        assert number in annex, number
    assert "Suzy Lamplugh Trust" in annex
    assert "0808 802 0300" not in body


def test_a_case_with_fourteen_incidents_fits_in_six_pages():
    answers = sample_answers()
    document = pdf.render_summary_pdf(answers, **case_options(14, answers))
    assert len(PdfReader(io.BytesIO(document)).pages) <= 6


# --- Only what was said ----------------------------------------------------------------------


@pytest.mark.django_db
def test_nothing_is_printed_for_details_the_person_never_gave(client):
    with_complete_screening(client)
    text = pdf_text(client.get(FILE_URL).content)
    assert "The person being stalked " not in text.split("Checklist completed")[0]
    for never_given in ("Not given", "None given", "Case reference", "Advocate", "Consent"):
        assert never_given not in text, never_given
    assert "by the person being stalked, online" in text


def test_a_question_never_asked_has_no_row():
    # "Someone they know" was not chosen, so the question that follows it was never asked.
    answers = complete_answers()
    text = text_of(pdf.render_summary_pdf(answers))
    assert "How do they know the stalker?" not in text
    known = {**answers, questions.ABOUT_SLUG: {**answers[questions.ABOUT_SLUG]}}
    known[questions.ABOUT_SLUG].update(relationship=questions.KNOWN, known_as="neighbour")
    assert "How do they know the stalker? A neighbour" in text_of(pdf.render_summary_pdf(known))


# --- The chart and the schedule span the whole log; or a date range ---------------------------


def test_the_chart_and_the_schedule_span_the_whole_log():
    log = [
        Incident(occurred_on=date(2026, 1, 5), what_happened="The first, long ago."),
        *a_log(4, first=date(2026, 6, 1)),
    ]
    text = text_of(pdf.render_summary_pdf(complete_answers(), **pdf_incident_options(log)))
    assert flat("from the week starting 5 January 2026 to the week starting 8 June 2026") in flat(
        text
    )
    assert re.findall(r"Incident (\d+): ", text) == ["1", "2", "3", "4", "5"]


def test_a_long_log_can_be_printed_for_a_date_range_keeping_the_logs_numbers():
    log = a_log(10, every=7)  # 1 June to 3 August
    options = pdf_incident_options(log, starts=date(2026, 6, 15), ends=date(2026, 6, 29))
    text = text_of(pdf.render_summary_pdf(complete_answers(), **options))
    assert re.findall(r"Incident (\d+): ", text) == ["3", "4", "5"]
    assert flat("This summary prints 3 of the 10 incidents in the log") in flat(text)
    assert "From 15 June 2026 to 29 June 2026." in text
    assert flat("from the week starting 15 June 2026 to the week starting 29 June 2026") in flat(
        text
    )
    assert "Supported by: incidents 3, 4 and 5" in text
    # The level still counts the whole log, not just the dates printed.
    assert "This has happened more than once" in text


def test_a_range_with_no_incidents_says_so():
    options = pdf_incident_options(a_log(3), starts=date(2027, 1, 1))
    text = text_of(pdf.render_summary_pdf(complete_answers(), **options))
    assert "None of the 3 incidents in the log is in the dates chosen." in text
    assert "Incident schedule" not in text


@pytest.mark.django_db
def test_the_persons_summary_prints_their_whole_record(client):
    with_complete_screening(client)
    today = date.today()
    for days in (60, 30, 1):
        add_entry(client, today - timedelta(days=days), what_happened=f"Day {days} entry")
    text = pdf_text(client.get(FILE_URL).content)
    for days in (60, 30, 1):
        assert f"Day {days} entry" in text
    assert "This summary prints" not in text


def test_the_persons_largest_possible_record_is_never_too_long_to_print(settings):
    """The guard against logs too long for one PDF only ever meets an advocate's case log: a
    person's own record (at most MAX_ENTRIES, every field full) is always attempted."""
    from screening import downloads
    from screening.incidents import entries
    from screening.incidents.session_log import MAX_ENTRIES

    full = Incident(
        occurred_on=MONDAY,
        time=None,
        place="p" * entries.PLACE_MAX_LENGTH,
        what_happened="w" * entries.WHAT_HAPPENED_MAX_LENGTH,
        behaviours=tuple(entries.behaviour_choices()),
        feared_violence="not_sure",
        daily_life_effects=tuple(entries.DAILY_LIFE_EFFECTS),
        effect_details="e" * entries.EFFECT_DETAILS_MAX_LENGTH,
        witnesses="s" * entries.WITNESSES_MAX_LENGTH,
        evidence="v" * entries.EVIDENCE_MAX_LENGTH,
        reported_to_police=True,
        officer="o" * entries.OFFICER_MAX_LENGTH,
        crime_reference="c" * entries.CRIME_REFERENCE_MAX_LENGTH,
        signs=tuple(sign.number for sign in questions.BANK.warning_signs),
    )
    options = pdf_incident_options([full] * MAX_ENTRIES)
    assert downloads.schedule_characters(options) < settings.PDF_MAX_SCHEDULE_CHARACTERS

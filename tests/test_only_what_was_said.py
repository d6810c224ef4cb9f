"""A summary shows what the person said, and nothing for a question they left blank or were
never asked (a blank "Have you reported this?" is not a "No")."""

from dataclasses import replace
from datetime import date

import pytest

from screening import incidents, pdf
from screening.incidents.csv_files import export, parse
from screening.incidents.forms import initial_for
from screening.incidents.presenters import entry_details
from tests.test_incident_forms import form
from tests.test_pdf import complete_answers, pages_text

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("posted", "stored", "shown"),
    [("", None, None), ("no", False, "No"), ("yes", True, "Yes")],
)
def test_reported_to_police_is_shown_only_when_answered(posted, stored, shown):
    bound = form(reported_to_police=posted)
    assert bound.is_valid(), bound.errors
    incident = bound.incident()
    assert incident.reported_to_police is stored
    assert incidents.from_primitives(incidents.to_primitives(incident)) == incident
    rows = dict(entry_details(incident))
    assert rows.get("Reported to police") == shown


def test_changing_an_entry_shows_the_reported_answer_as_it_was_given():
    incident = incidents.Incident(occurred_on=TODAY, what_happened="At the gate")
    assert initial_for(incident)["reported_to_police"] == ""
    assert initial_for(replace(incident, reported_to_police=False))["reported_to_police"] == "no"


def test_a_blank_reported_cell_round_trips_through_csv_as_unanswered():
    incident = incidents.Incident(occurred_on=TODAY, what_happened="At the gate")
    (read,) = parse(export([incident]), today=TODAY).incidents
    assert read.reported_to_police is None


def test_the_pdf_prints_no_date_of_birth_nobody_gave():
    text = " ".join(pages_text(pdf.render_summary_pdf(complete_answers())))
    assert "date of birth" not in text
    assert "Not known" not in text


def test_the_pdf_prints_a_date_of_birth_an_advocate_recorded():
    text = " ".join(
        pages_text(pdf.render_summary_pdf(complete_answers(), stalker_date_of_birth="1 May 1980"))
    )
    assert "1 May 1980" in text

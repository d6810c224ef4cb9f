"""The police summary of a case, second edition: what an officer needs to act safely (consent,
safe routes, who the advocate is, every crime reference and officer in one list, what
identifies the stalker, the orders that stand), for the whole log or a date range, and a clear
page instead of a PDF when the log is too long for one."""

from datetime import date, timedelta

import pytest

from casework.incident_log import CaseIncidentLog
from casework.models import (
    AuditEvent,
    BailCondition,
    CourtDate,
    CrimeReference,
    Perpetrator,
    ProtectiveOrder,
)
from screening import downloads
from screening.incidents import Incident
from tests.casework.records import completed_screening, url
from tests.casework.test_case_records import pdf_text
from tests.test_pdf import flat

TODAY = date.today()


@pytest.fixture
def done(case, advocate):
    return completed_screening(case, advocate, yes=(1, 5, 6))


def summary_url(screening, **query) -> str:
    address = url("screening-pdf", case_id=screening.case_id, screening_id=screening.pk)
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


def log_entries(case, count: int, *, first: date, every: int = 7, **fields) -> None:
    log = CaseIncidentLog(case)
    for n in range(count):
        log.add(
            Incident(
                occurred_on=first + timedelta(days=every * n),
                what_happened=f"Entry {n + 1}: waited outside her work.",
                behaviours=("waiting",),
                signs=(5,),
                **fields,
            )
        )


def test_consent_to_share_with_the_police_and_its_date_are_printed(advocate_client, case, done):
    case.consent_to_share = True
    case.consent_recorded_on = date(2026, 11, 3)
    case.save()
    text = pdf_text(advocate_client.get(summary_url(done)))
    assert "Consent to share with the police Yes (recorded 3 November 2026)" in text


def test_consent_not_asked_is_said_plainly(advocate_client, done):
    text = pdf_text(advocate_client.get(summary_url(done)))
    assert "Consent to share with the police Not asked yet" in text
    assert "recorded" not in text.split("Consent to share with the police")[1][:40]


def test_the_safe_ways_to_make_contact_are_printed(advocate_client, case, done):
    case.safe_contact = {
        "call": "yes",
        "voicemail": "no",
        "text": "yes",
        "email": "not_asked",
        "phone": "07700 900123",
        "email_address": "safe@example.org",
        "times_to_avoid": "Weekday evenings",
    }
    case.save()
    text = pdf_text(advocate_client.get(summary_url(done)))
    for expected in (
        "Safe ways to make contact Call: Yes · Voicemail: No · Text: Yes · Email: Not known",
        "Safe number: 07700 900123",
        "Safe email: safe@example.org",
        "Times to avoid: Weekday evenings",
    ):
        assert flat(expected) in flat(text), expected


def test_the_advocate_their_organisation_and_how_to_reach_them_are_printed(
    advocate_client, advocate, done
):
    text = pdf_text(advocate_client.get(summary_url(done)))
    assert flat(f"Advocate {advocate.full_name}, North Support {advocate.email}") in flat(text)


def test_every_crime_reference_and_officer_is_in_one_list(advocate_client, case, done):
    case.police_reference = "CAD 4471"
    case.save()
    CrimeReference.objects.create(
        case=case,
        reference="CR/100/26",
        force="Northshire Police",
        officer="DC Lee",
        officer_contact="dc.lee@police.example",
    )
    log = CaseIncidentLog(case)
    log.add(
        Incident(
            occurred_on=TODAY - timedelta(days=9),
            what_happened="At the gate",
            reported_to_police=True,
            crime_reference="CR/100/26",
        )
    )
    log.add(
        Incident(
            occurred_on=TODAY - timedelta(days=2),
            what_happened="At the car",
            reported_to_police=True,
            officer="PC Shah",
            crime_reference="CR/200/26",
        )
    )
    text = pdf_text(advocate_client.get(summary_url(done)))
    section = text[text.index("Crime references, officers and orders") :]
    section = section[: section.index("What the incident record shows")]
    assert "CAD 4471" in section
    assert flat(
        "CR/100/26, Northshire Police; officer: DC Lee (dc.lee@police.example); "
        "in the log at incident 1"
    ) in flat(section)
    assert flat("CR/200/26; officer: PC Shah; in the log at incident 2") in flat(section)
    assert section.count("CR/100/26") == 1  # the case's record and the log's entry: one line


def test_what_identifies_the_stalker_is_printed(advocate_client, case, done):
    Perpetrator.objects.create(
        case=case,
        name="Alex Example",
        vehicles="Grey hatchback AB12 CDE",
        phone_numbers="07700 900456",
        online_accounts="@alex_example",
        addresses="14 Mill Lane",
    )
    text = pdf_text(advocate_client.get(summary_url(done)))
    for expected in (
        "Recorded by the advocate: Alex Example",
        "Vehicles and registrations Grey hatchback AB12 CDE",
        "Phone numbers 07700 900456",
        "Online accounts @alex_example",
        "Addresses 14 Mill Lane",
    ):
        assert flat(expected) in flat(text), expected


def test_orders_bail_and_court_dates_that_stand_are_printed_and_past_ones_are_not(
    advocate_client, case, done
):
    ProtectiveOrder.objects.create(
        case=case,
        kind="spo",
        made_on=date(2026, 10, 1),
        expires_on=TODAY + timedelta(days=700),
        details="Not to enter Mill Lane",
    )
    ProtectiveOrder.objects.create(
        case=case, kind="restraining", made_on=date(2024, 1, 1), expires_on=date(2025, 1, 1)
    )
    BailCondition.objects.create(
        case=case, conditions="Not to contact her", ends_on=TODAY + timedelta(days=20)
    )
    CourtDate.objects.create(
        case=case, on=TODAY + timedelta(days=14), court="Northtown Magistrates", purpose="Trial"
    )
    CourtDate.objects.create(case=case, on=TODAY - timedelta(days=14), court="Old hearing")
    text = pdf_text(advocate_client.get(summary_url(done)))
    assert flat("Orders in force Stalking Protection Order, made 1 October 2026") in flat(text)
    assert "Not to enter Mill Lane" in text
    assert "Restraining order" not in text
    assert flat("Bail conditions in force") in flat(text)
    assert "Not to contact her" in text
    assert "Northtown Magistrates, Trial" in text
    assert "Old hearing" not in text


def test_the_case_summary_is_in_the_third_person_and_names_the_act_once(
    advocate_client, case, done
):
    log_entries(case, 3, first=TODAY - timedelta(days=20), feared_violence="not_sure")
    text = pdf_text(advocate_client.get(summary_url(done)))
    assert "Who is the stalker to them?" in text
    assert "Waiting for them (s.2A(3)(e))" in text
    assert "Feared violence: Not sure" in text
    assert text.count("Protection from Harassment Act 1997") == 1


def test_a_date_range_prints_part_of_the_log(advocate_client, case, done):
    log_entries(case, 6, first=TODAY - timedelta(days=40))  # every 7 days
    first = TODAY - timedelta(days=26)
    last = TODAY - timedelta(days=12)
    query = {
        "printed_from_0": first.day,
        "printed_from_1": first.month,
        "printed_from_2": first.year,
        "printed_to_0": last.day,
        "printed_to_1": last.month,
        "printed_to_2": last.year,
    }
    text = pdf_text(advocate_client.get(summary_url(done, **query)))
    assert flat("This summary prints 3 of the 6 incidents in the log") in flat(text)
    assert "Entry 3: waited" in text and "Entry 5: waited" in text
    assert "Entry 1: waited" not in text and "Entry 6: waited" not in text

    page = advocate_client.get(
        url("screening-print", case_id=case.pk, screening_id=done.pk), query
    ).content.decode()
    assert "This summary prints 3 of the 6 incidents in the log" in page


def test_a_wrong_date_range_comes_back_with_an_error_and_the_dates_typed(
    advocate_client, case, done
):
    log_entries(case, 2, first=TODAY - timedelta(days=20))
    query = {
        "printed_from_0": "12",
        "printed_from_1": "11",
        "printed_from_2": "2026",
        "printed_to_0": "1",
        "printed_to_1": "11",
        "printed_to_2": "2026",
    }
    response = advocate_client.get(summary_url(done, **query))
    assert response.status_code == 422
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The last date must be the same as or after the first date" in page
    assert 'value="12"' in page and 'value="2026"' in page
    assert '<details class="govuk-details" id="print-range" open>' in page


def test_a_log_too_long_for_one_pdf_gets_a_page_naming_what_to_do_instead(
    advocate_client, case, done, settings, monkeypatch
):
    settings.PDF_MAX_SCHEDULE_CHARACTERS = 300
    log_entries(case, 8, first=TODAY - timedelta(days=60))

    def never(*_args, **_kwargs):
        raise AssertionError("nothing should be laid out")

    monkeypatch.setattr(downloads, "run_in_worker", never)
    response = advocate_client.get(summary_url(done))
    assert response.status_code == 422
    page = response.content.decode()
    assert "The log is too long for one PDF" in page
    assert "#print-range" in page  # a date range
    assert url("screening-print", case_id=case.pk, screening_id=done.pk) in page
    assert url("incident-export", case_id=case.pk) in page
    exported = AuditEvent.objects.filter(case_id=case.pk, action=AuditEvent.Action.EXPORTED)
    assert not exported.exists()


def test_the_print_view_is_the_same_summary_and_is_audited(advocate_client, case, done):
    log_entries(case, 2, first=TODAY - timedelta(days=10))
    before = AuditEvent.objects.filter(case_id=case.pk, action=AuditEvent.Action.VIEWED).count()
    page = advocate_client.get(
        url("screening-print", case_id=case.pk, screening_id=done.pk)
    ).content.decode()
    assert "Warning signs checklist: summary for the police" in page
    assert "Consent to share with the police" in page
    assert "Incident schedule" in page
    after = AuditEvent.objects.filter(case_id=case.pk, action=AuditEvent.Action.VIEWED).count()
    assert after == before + 1

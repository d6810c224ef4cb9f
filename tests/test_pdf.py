"""The police-ready PDF: what it says, how it is marked, and what it may never fetch."""

import builtins
import io
import logging
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from screening import contacts, pdf, pdf_layout, questions
from screening.incidents import Incident
from screening.incidents.presenters import pdf_incident_options
from screening.judgement import Judgement
from screening.pdf import IncidentEntry
from screening.scoring import Level

NAME = "Sam Example"
DETAILS = "Waited outside the office on Monday and Thursday."
OTHER = "Left dead flowers on the doorstep."

#: Answers to the twelve signs: yes, with details, except where listed.
ANSWER_FOR_SIGN = {4: questions.NO, 10: questions.DONT_KNOW, 12: questions.DONT_KNOW}

PAYLOADS = [
    "<link rel=attachment href=file:///etc/passwd>",
    "<img src=http://127.0.0.1:1/>",
    "<style>p{background:url(file:///etc/passwd)}</style>",
    '<base href="file:///etc/">',
    "<script>alert(1)</script>",
]


def complete_answers(
    *, name: str = NAME, details: str = DETAILS, other: str = OTHER
) -> dict[str, dict]:
    """A complete screening as stored primitives, as the question forms post them."""
    answers = {
        questions.ABOUT_SLUG: {
            "name": name,
            "relationship": questions.EX_PARTNER,
            "how_often": "more_than_five",
            "since": "one_to_six_months",
        },
        questions.BEHAVIOURS_SLUG: {
            "behaviours": ["texts", "following", "tracking", questions.OTHER_BEHAVIOUR],
            "other_details": other,
        },
    }
    for sign in questions.BANK.warning_signs:
        answer = ANSWER_FOR_SIGN.get(sign.number, questions.YES)
        page = {questions.ANSWER_FIELD: answer}
        if answer == questions.YES:
            page[questions.DETAILS_FIELD] = f"{sign.number}: {details}"
        answers[sign.slug] = page
    return answers


def flat(text: str) -> str:
    """Text with all whitespace removed, so line wrapping in the PDF cannot hide a match."""
    return re.sub(r"\s+", "", text)


def pages_text(document: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(document)).pages]


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return pdf.render_summary_pdf(
        complete_answers(),
        person_name="Alex Person",
        police_reference="CR/1234/26",
        generated_at=datetime(2026, 11, 24, 14, 5, tzinfo=ZoneInfo("Europe/London")),
    )


@pytest.fixture(scope="module")
def text(rendered) -> str:
    return " ".join(pages_text(rendered))


def test_the_twelve_questions_are_in_canonical_wording_with_the_name_put_in(text):
    assert "Is the victim very frightened?" in text
    assert f"Has {NAME} destroyed or vandalised any property?" in text
    for sign in questions.BANK.warning_signs:
        wording = sign.canonical.replace("{name}", NAME)
        assert flat(wording) in flat(text), sign.number
    assert "(name of stalker" not in text
    assert "{name}" not in text


def test_answers_and_details_are_shown(text):
    for sign in questions.BANK.warning_signs:
        if ANSWER_FOR_SIGN.get(sign.number, questions.YES) == questions.YES:
            assert flat(f"{sign.number}: {DETAILS}") in flat(text)
    assert "Don't know" in text
    assert flat(OTHER) in flat(text)
    assert "Text messages" in text
    assert "Following them" in text
    assert "An ex-partner" in text


def test_the_level_its_reasons_and_what_is_still_unknown_are_shown(text):
    assert "Serious warning signs" in text
    assert "Warning sign 1 (very frightened) was answered “Yes”" in text
    assert flat(
        "Still to find out (answered “Don’t know”): 10. drugs, alcohol or mental health "
        "problems; 12. trouble with the police or criminal history"
    ) in flat(text)
    assert "An ex-partner has made threats of violence" in text
    assert "cannot predict" in text
    assert "low risk" not in text.lower()


def test_the_header_reads_like_the_paper_checklist(text):
    assert flat("The person being stalked Alex Person") in flat(text)
    assert "CR/1234/26" in text
    assert flat("24 November 2026, by the person being stalked, online") in flat(text)
    assert flat(f"The stalker {NAME}") in flat(text)


def test_every_contact_number_is_shown(text):
    for contact in contacts.ALL:
        assert contact.number in text
    assert "0808 802 0300" in text
    assert "020 3866 4107" in text
    assert "18000" in text  # Relay UK


def test_every_page_carries_the_marking_page_numbers_date_and_versions(rendered):
    pages = pages_text(rendered)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert "OFFICIAL-SENSITIVE when complete" in page, number
        assert f"Page {number} of {len(pages)}" in page, number
        assert "Generated 24 November 2026 at 14:05" in page, number
        assert f"Question bank {questions.BANK_VERSION}" in page, number
        assert "rules v1" in page, number


def test_metadata_is_neutral_and_the_document_is_tagged(rendered):
    reader = PdfReader(io.BytesIO(rendered))
    title = reader.metadata.title
    assert title == "Summary"
    assert "stalk" not in title.lower()
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert reader.attachments == {}


def test_the_file_name_is_neutral():
    name = pdf.file_name(datetime(2026, 11, 24, 12, tzinfo=ZoneInfo("Europe/London")))
    assert name == "summary-2026-11-24.pdf"


def test_advocate_details_replace_self_completion():
    text = " ".join(
        pages_text(
            pdf.render_summary_pdf(
                complete_answers(),
                completed_by="Jo Advocate",
                organisation="Example Support Service",
                case_reference="CASE-77",
            )
        )
    )
    assert "with Jo Advocate, Example Support Service" in text
    assert "CASE-77" in text
    assert "by the person being stalked" not in text


def test_an_incident_schedule_follows_the_checklist_when_given():
    incidents = (
        IncidentEntry(number=1, when="3 October 2026, 09:10", details=(("Where", "Outside work"),)),
        IncidentEntry(
            number=2, when="5 October 2026, 18:40", details=(("Where", "At the bus stop"),)
        ),
    )
    text = " ".join(pages_text(pdf.render_summary_pdf(complete_answers(), incidents=incidents)))
    assert "Incident schedule" in text
    assert "Incident 2: 5 October 2026, 18:40" in text
    assert text.index("Incident schedule") > text.index("Is the victim very frightened?")


def test_a_long_schedule_keeps_each_incident_whole_and_every_page_marked():
    fields = (
        ("Where", "Outside work"),
        ("What happened", DETAILS * 3),
        ("How it affected me", DETAILS),
        ("Evidence kept", "Photos"),
        ("Witnesses", "None"),
    )
    incidents = [
        IncidentEntry(number=day, when=f"{day} October 2026, 09:10", details=fields)
        for day in range(1, 31)
    ]
    pages = pages_text(pdf.render_summary_pdf(complete_answers(), incidents=incidents))
    assert len(pages) > 3
    seen = []
    for number, page in enumerate(pages, start=1):
        assert "OFFICIAL-SENSITIVE when complete" in page, number
        assert f"Page {number} of {len(pages)}" in page, number
        # Every incident that starts on this page ends on it too.
        starts = re.findall(r"Incident (\d+): ", page)
        assert page.count("Witnesses: None") == len(starts), number
        seen.extend(int(start) for start in starts)
    assert seen == list(range(1, 31))


def test_without_incidents_there_is_no_schedule(text):
    assert "Incident schedule" not in text


# --- The incident log after the checklist: pattern, chart, schedule, evidence ---------------

FIRST_DAY = date(2026, 10, 5)  # a Monday


def a_few_weeks_of_incidents(**text) -> list[Incident]:
    """Five weeks: quiet at first, then four visits in one week and a first threat."""
    plan = [
        (0, ("texts",), "", (), ""),
        (6, ("calls",), "", (), "Call log on my phone"),
        (13, ("via_others",), "", (7,), ""),
        (24, ("following",), "not_sure", (5,), "Doorbell camera clip, saved to a memory stick"),
        (25, ("waiting",), "yes", (5,), ""),
        (27, ("home",), "yes", (5, 6), "Photos of the card he left, on my sister's laptop"),
        (28, ("approaching", "threats"), "yes", (6,), "The letter itself, in a paper envelope"),
    ]
    return [
        Incident(
            occurred_on=FIRST_DAY + timedelta(days=offset),
            time=time(8 + offset % 12, 15) if offset % 2 else None,
            what_happened=text.get("what_happened", f"Entry on day {offset}: he was there."),
            place=text.get("place", "Outside work"),
            behaviours=behaviours,
            feared_violence=feared,
            witnesses=text.get("witnesses", ""),
            evidence=text.get("evidence", evidence) if evidence else "",
            signs=signs,
        )
        for offset, behaviours, feared, signs, evidence in plan
    ]


@pytest.fixture(scope="module")
def with_log() -> bytes:
    options = pdf_incident_options(a_few_weeks_of_incidents(), today=date(2026, 11, 2))
    return pdf.render_summary_pdf(complete_answers(), **options)


@pytest.fixture(scope="module")
def with_log_text(with_log) -> str:
    return " ".join(pages_text(with_log))


def test_the_pattern_flags_and_their_reasons_are_shown(with_log_text):
    text = with_log_text
    assert "What the incident record shows" in text
    assert "A course of conduct" in text
    assert "There are 7 incidents between 5 October 2026 and 2 November 2026" in text
    assert "Turned up more than three times in a week" in text
    assert "They turned up in person 4 times in the 7 days from 29 October 2026" in text
    assert "The first threat in this record was on 2 November 2026" in text
    assert "Other people drawn in" in text
    assert "Happening more often" in text


def test_the_pattern_is_worded_for_the_officer_not_the_person(with_log_text):
    text = flat(with_log_text)
    assert flat("The person being stalked feared violence would be used against them") in text
    assert flat("reach or watch the person being stalked") in text
    assert flat("You feared violence") not in text
    assert flat("Tell the police or your adviser") not in text


def test_the_weekly_chart_is_drawn_with_a_text_summary_and_table(with_log, with_log_text):
    text = with_log_text
    assert "Incidents per week" in text
    assert flat(
        "Incidents per week, from the week starting 5 October 2026 to the week starting "
        "2 November 2026: 7 incidents in 5 weeks."
    ) in flat(text)
    assert "The most in one week was 3, in the week starting 26 October 2026." in text
    assert flat(
        "Week starting Incidents 5 October 2026 2 12 October 2026 1 19 October 2026 0 "
        "26 October 2026 3 2 November 2026 1"
    ) in flat(text)
    # The SVG is drawn: WeasyPrint puts each of its labels (the scale, the counts over the
    # bars, the week labels) in a form XObject of its own on the chart's page.
    page = next(
        page
        for page in PdfReader(io.BytesIO(with_log)).pages
        if "Incidents per week" in page.extract_text()
    )
    forms = page["/Resources"].get("/XObject", {})
    drawn = [name for name, form in forms.items() if b"BT" in form.get_object().get_data()]
    assert len(drawn) >= 2 + 4 + 2


def figures(node) -> list:
    """Every /Figure element in a tagged PDF's structure tree."""
    node = node.get_object()
    found = [node] if node.get("/S") == "/Figure" else []
    kids = node.get("/K")
    kids = kids.get_object() if kids is not None else []
    for kid in kids if isinstance(kids, list) else [kids]:
        if isinstance(kid.get_object(), dict):
            found.extend(figures(kid))
    return found


def test_the_chart_is_a_tagged_figure_named_by_its_summary(with_log):
    root = PdfReader(io.BytesIO(with_log)).trailer["/Root"]["/StructTreeRoot"]
    (figure,) = figures(root)
    assert figure["/Alt"].startswith("Incidents per week, from the week starting 5 October 2026")


def test_the_evidence_is_printed_once_with_its_incident_in_the_schedule(with_log_text):
    """The second edition has no evidence list repeating the schedule: each entry says what
    was kept and where, once."""
    text = with_log_text
    schedule = text[text.index("Incident schedule") : text.index("Annex")]
    for expected in (
        "Incident 2: 11 October 2026",
        "Evidence kept, and where: Call log on my phone",
        "Evidence kept, and where: Doorbell camera clip, saved to a memory stick",
        "Evidence kept, and where: The letter itself, in a paper envelope",
    ):
        assert flat(expected) in flat(schedule), expected
    assert text.count("Doorbell camera clip, saved to a memory stick") == 1
    assert "Gathered from the schedule" not in text


def test_each_yes_sign_shows_the_incidents_that_support_it(with_log_text):
    text = with_log_text
    checklist = text[text.index("The warning sign questions") : text.index("The stalker and")]
    for expected in (
        "Details: 5: Waited outside the office on Monday and Thursday. Supported by: "
        "incidents 4, 5 and 6",
        "Details: 6: Waited outside the office on Monday and Thursday. Supported by: "
        "incidents 6 and 7",
        "Supported by: incident 3",
    ):
        assert flat(expected) in flat(checklist), expected
    assert checklist.count("Supported by:") == 3
    # The schedule does not say it again: each sign names its incidents once.
    assert "Warning signs it supports" not in text


def test_links_to_a_sign_not_answered_yes_are_not_shown():
    incidents = [
        Incident(occurred_on=FIRST_DAY, what_happened="At the door", signs=(4,)),
        Incident(occurred_on=FIRST_DAY + timedelta(days=1), what_happened="Again", signs=(1,)),
    ]
    options = pdf_incident_options(incidents)
    text = " ".join(pages_text(pdf.render_summary_pdf(complete_answers(), **options)))
    assert text.count("Supported by:") == 1
    assert "Supported by: incident 2" in text


def test_the_record_comes_after_the_checklist_in_the_order_an_officer_reads_it(with_log_text):
    text = with_log_text
    order = [
        "What the answers show",
        "Is the victim very frightened?",
        "The stalker and what they have done",
        "What the incident record shows",
        "Incidents per week",
        "Incident schedule",
        "Annex: why the warning signs present matter",
        "Who can help",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_a_single_incident_gets_no_pattern_but_is_in_the_schedule():
    incidents = [Incident(occurred_on=FIRST_DAY, what_happened="At the door")]
    options = pdf_incident_options(incidents)
    text = " ".join(pages_text(pdf.render_summary_pdf(complete_answers(), **options)))
    assert "None of the pattern checks applies to this record yet." in text
    assert flat("Incident 1: 5 October 2026 What happened: At the door") in flat(text)
    assert "Evidence kept" not in text


def test_a_raised_judgement_leads_and_the_checklist_level_is_still_shown():
    answers = complete_answers()
    for sign in questions.BANK.warning_signs:
        if sign.number != 2:
            answers[sign.slug] = {questions.ANSWER_FIELD: questions.NO}
    judgement = Judgement(Level.SERIOUS, "He has found her new address.\nShe is moving again.")
    text = " ".join(pages_text(pdf.render_summary_pdf(answers, judgements=[judgement])))
    result = text[text.index("What the answers show") :]
    assert result.index("Serious warning signs") < result.index("Raised on professional")
    assert "Raised on professional judgement." in result
    assert "The checklist answers alone gave “Warning signs present”." in result
    assert "He has found her new address. She is moving again." in result


def test_a_judgement_that_raises_nothing_is_not_shown(text):
    judgement = Judgement(Level.PRESENT, "Not higher than the answers")
    with_judgement = " ".join(
        pages_text(pdf.render_summary_pdf(complete_answers(), judgements=[judgement]))
    )
    assert "Raised on professional judgement" not in with_judgement
    assert "Not higher than the answers" not in with_judgement
    assert "Serious warning signs" in with_judgement


# --- Safety: user text is text, and nothing outside our static files is ever fetched --------


class Spy:
    """Records every URL the renderer asks the shared fetcher for, and every file opened."""

    def __init__(self, monkeypatch):
        self.urls: list[str] = []
        self.opened: list[str] = []
        real_fetch = pdf.FETCHER.fetch
        real_open = builtins.open

        def fetch(url, headers=None):
            self.urls.append(url)
            return real_fetch(url, headers)

        def spy_open(file, *args, **kwargs):
            self.opened.append(str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(pdf.FETCHER, "fetch", fetch)
        monkeypatch.setattr(builtins, "open", spy_open)
        monkeypatch.setattr(io, "open", spy_open)

    def assert_nothing_outside_the_allow_list(self):
        for url in self.urls:
            assert pdf.FETCHER.allowed_path(url) is not None, url
        assert not any("passwd" in name for name in self.opened)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_free_text_field_stay_literal_text(monkeypatch, payload):
    spy = Spy(monkeypatch)
    document = pdf.render_summary_pdf(
        complete_answers(name=payload, details=payload, other=payload),
        person_name=payload,
        police_reference=payload[:40],
    )
    spy.assert_nothing_outside_the_allow_list()
    assert document.startswith(b"%PDF")
    assert b"root:x:0:0" not in document
    reader = PdfReader(io.BytesIO(document))
    assert reader.attachments == {}
    text = flat(" ".join(pages_text(document)))
    # The stalker's name (in ten questions, the header and the answers), each sign's details
    # (nine), the other behaviour and the person's name all appear as the characters typed.
    expected = 12 + 9 + 1 + 1
    assert text.count(flat(payload)) >= expected
    assert text.count(flat(payload[:40])) >= expected + 1


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_the_incident_log_and_the_judgement_stay_literal_text(monkeypatch, payload):
    """Every free-text place the incident log and professional judgement add: what happened,
    where, witnesses, evidence, and the reason for raising the level."""
    spy = Spy(monkeypatch)
    incidents = a_few_weeks_of_incidents(
        what_happened=payload, place=payload, witnesses=payload, evidence=payload
    )
    answers = complete_answers()
    for sign in questions.BANK.warning_signs:
        if sign.number not in (5, 7):
            answers[sign.slug] = {questions.ANSWER_FIELD: questions.NO}
    options = pdf_incident_options(incidents, today=date(2026, 11, 2))
    document = pdf.render_summary_pdf(
        answers, judgements=[Judgement(Level.SERIOUS, payload)], **options
    )
    spy.assert_nothing_outside_the_allow_list()
    assert document.startswith(b"%PDF")
    assert b"root:x:0:0" not in document
    assert PdfReader(io.BytesIO(document)).attachments == {}
    text = flat(" ".join(pages_text(document)))
    # Seven incidents with three fields each, four of them with evidence, and the judgement's
    # reason.
    assert text.count(flat(payload)) >= 7 * 3 + 4 + 1
    assert "Raisedonprofessionaljudgement" in text


def test_even_raw_markup_cannot_make_the_renderer_fetch_anything(monkeypatch):
    """Defence in depth: if escaping ever failed, the fetcher still refuses everything."""
    spy = Spy(monkeypatch)
    hostile = (
        '<html><head><base href="file:///etc/"><link rel=stylesheet href=file:///etc/passwd>'
        "<style>@import url(file:///etc/passwd); body{background:url(http://127.0.0.1:1/x)}"
        "</style></head><body><link rel=attachment href=file:///etc/passwd>"
        '<a rel=attachment href="file:///etc/passwd">x</a><img src=http://127.0.0.1:1/>'
        "<img src=passwd><img src=../../../../../../etc/passwd><p>still here</p></body></html>"
    )
    document = pdf.html_to_pdf(hostile)
    assert spy.urls, "the hostile references should have reached the fetcher"
    assert all(pdf.FETCHER.allowed_path(url) is None for url in spy.urls)
    assert not any("passwd" in name for name in spy.opened)
    assert PdfReader(io.BytesIO(document)).attachments == {}
    assert b"root:x:0:0" not in document
    assert "still here" in " ".join(pages_text(document))


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:1/",
        "https://example.com/summary.css",
        "data:text/css,p{}",
        "ftp://127.0.0.1/x",
        pdf.BASE_URL + "../../screening/settings.py",
        pdf.BASE_URL + "%2e%2e/%2e%2e/screening/settings.py",
        pdf.BASE_URL + "summary.css?x=1",
        pdf.BASE_URL + "missing.css",
        "file://evil.example/" + pdf.PDF_STATIC_DIR.as_posix() + "/summary.css",
    ],
)
def test_the_fetcher_refuses_everything_but_our_pdf_static_files(url):
    assert pdf.FETCHER.allowed_path(url) is None
    with pytest.raises(pdf.RefusedResource) as refused:
        pdf.FETCHER.fetch(url)
    assert url not in str(refused.value)


def test_the_fetcher_serves_our_stylesheet_from_disk():
    response = pdf.FETCHER.fetch(pdf_layout.BASE_URL + pdf_layout.STYLESHEET_NAME)
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


def test_one_fetcher_is_shared_and_it_follows_no_redirects():
    assert isinstance(pdf_layout.FETCHER, pdf_layout.weasyprint.URLFetcher)
    assert not any(
        type(handler).__name__ == "HTTPRedirectHandler" for handler in pdf.FETCHER.handlers
    )


def test_renderer_warnings_never_quote_what_was_asked_for(caplog):
    sentinel = "file:///etc/SENTINEL-secret-name"
    with caplog.at_level(logging.DEBUG):
        pdf.html_to_pdf(f'<html><body><img src="{sentinel}"><p>x</p></body></html>')
    assert "SENTINEL" not in caplog.text

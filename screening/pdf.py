"""The summary a person takes to the police, as a PDF made in memory by WeasyPrint.

What it shows comes from ``presenters.summary(answers, canonical=True)`` and
``presenters.results(answers)``, the same rows as check-your-answers and the results page, so
the web pages and the PDF can never disagree. The document has its own template
(``templates/pdf/summary.html``) and its own print stylesheet (``static/pdf/summary.css``); it is
not the web page printed.

Safety (docs/safety.md D22-D24):

- Every piece of user text reaches the template as plain text and is escaped by it.
- The layout (``screening.pdf_layout``) fetches nothing but our own PDF static files, never
  writes to disk, and keeps URLs out of the logs.

Speed (see docs/performance.md): the template is compiled once at worker start, and the
layout is prepared when ``pdf_layout`` is imported. Long lists (the incident schedule) are
laid out as blocks, not as a table, which WeasyPrint lays out far faster. On the web, the
layout runs in a worker process of its own (``screening.downloads``).
"""

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext

from screening import contacts, presenters, questions, scoring
from screening.incidents.chart import Chart
from screening.judgement import Judgement, final_level
from screening.pdf_layout import (  # noqa: F401  (the layout's names, re-exported)
    BASE_URL,
    FETCHER,
    PDF_STATIC_DIR,
    STYLESHEET,
    RefusedResource,
    StaticOnlyFetcher,
    html_to_pdf,
)

logger = logging.getLogger(__name__)

TEMPLATE_NAME = "pdf/summary.html"


@dataclass(frozen=True)
class IncidentEntry:
    """One entry in the incident schedule, as plain text: when, and labelled details.

    ``screening.incidents.presenters.pdf_entries`` builds these from the incident log.
    """

    when: str
    details: tuple[tuple[str, str], ...] = ()
    after_screening: bool = False


@dataclass(frozen=True)
class PatternNote:
    """One pattern flag from the incident log, in words: a title and the reason for it."""

    title: str
    reason: str


@dataclass(frozen=True)
class EvidenceItem:
    """What evidence was kept for one incident, and where; ``number`` is its place in the
    schedule."""

    number: int
    when: str
    evidence: str


def _sections(answers: questions.Answers) -> dict[str, tuple[presenters.Row, ...]]:
    """Split the canonical summary rows by the page they came from (the rows themselves are
    exactly the presenter's)."""
    about, signs, behaviours = [], [], []
    for group in presenters.summary(answers, canonical=True):
        for row in group.rows:
            if row.number is not None:
                signs.append(row)
            elif row.slug == questions.BEHAVIOURS_SLUG:
                behaviours.append(row)
            else:
                about.append(row)
    return {"about": tuple(about), "signs": tuple(signs), "behaviours": tuple(behaviours)}


def summary_context(
    answers: questions.Answers,
    *,
    person_name: str = "",
    police_reference: str = "",
    completed_by: str = "",
    organisation: str = "",
    case_reference: str = "",
    stalker_date_of_birth: str = "",
    incidents: Sequence[IncidentEntry] = (),
    pattern_flags: Sequence[PatternNote] = (),
    chart: Chart | None = None,
    evidence: Sequence[EvidenceItem] = (),
    supported_by: Mapping[int, Sequence[str]] | None = None,
    judgements: Sequence[Judgement] = (),
    result: scoring.Result | None = None,
    completed_on: date | None = None,
    log_prompts: Sequence[str] = (),
    people: Sequence[tuple[str, Sequence[tuple[str, str]]]] = (),
    generated_at: datetime | None = None,
) -> dict:
    """Everything the PDF template shows, all as plain text for the template to escape
    (the chart's SVG is built by ``incident_chart`` with every piece of text escaped).

    ``result`` is a completed screening's kept result: given, it is shown as it is; without
    it the answers are scored now (a person's own screening, completed in this session)."""
    generated_at = timezone.localtime(generated_at or timezone.now())
    if result is None:
        shown = presenters.results(answers, incident_count=len(incidents))
    else:
        shown = presenters.present(result, answers)
    scored = shown.result.level
    level = final_level(scored, judgements)
    yes_numbers = frozenset(sign.number for sign in shown.signs)
    sections = _sections(answers)
    supported = supported_by or {}
    return {
        "document_title": gettext("Summary"),
        "language": get_language() or settings.LANGUAGE_CODE,
        "generated_at": generated_at,
        "completed_on": completed_on or generated_at.date(),
        "bank_version": shown.result.bank_version,
        "rules_version": shown.result.rules_version,
        "person_name": person_name.strip(),
        "stalker_name": presenters.police_name(answers),
        "stalker_date_of_birth": stalker_date_of_birth.strip(),
        "completed_by": completed_by.strip(),
        "organisation": organisation.strip(),
        "case_reference": case_reference.strip(),
        "police_reference": police_reference.strip(),
        "results": shown,
        "level_code": str(level),
        "level_name": gettext(level.label),
        "raised": level != scored,
        "judgements": tuple(
            {"level": gettext(j.level.label), "by": j.by, "on": j.on, "reason": j.reason}
            for j in judgements
        ),
        "log_prompts": tuple(log_prompts),
        # An advocate's case: each person doing it, with (label, text) for what identifies them.
        "people": tuple(people),
        "after_screening": any(entry.after_screening for entry in incidents),
        "yes_numbers": yes_numbers,
        # Each "Yes" sign's row with the incidents that support it (none for other answers).
        "sign_rows": tuple(
            (row, tuple(supported.get(row.number, ())) if row.number in yes_numbers else ())
            for row in sections["signs"]
        ),
        "incidents": tuple(incidents),
        "pattern_flags": tuple(pattern_flags),
        "chart": chart if incidents else None,
        "evidence": tuple(evidence),
        "contacts": contacts,
        **sections,
    }


def render_summary_html(answers: questions.Answers, **options) -> str:
    """The document as HTML (the benchmark gives the same HTML to Chromium)."""
    return render_to_string(TEMPLATE_NAME, summary_context(answers, **options))


def render_summary_pdf(answers: questions.Answers, **options) -> bytes:
    """The police-ready summary of a complete screening, as PDF bytes, made in memory.

    ``completed_by``, ``organisation`` and ``case_reference`` are for an advocate completing
    it with someone; left empty, the document says the person completed it themselves.

    The incident log, after the checklist, in the order an officer reads it:
    ``pattern_flags`` (what the log shows as a whole), ``chart`` (incidents per week, with its
    summary and table), ``incidents`` (the schedule) and ``evidence`` (what was kept, and
    where). ``supported_by`` maps a warning sign's number to the incidents linked to it,
    printed under that sign in the checklist when it was answered "Yes".
    ``screening.incidents.presenters.pdf_incident_options`` builds all five from a log.
    The keywords are ``summary_context``'s.

    ``judgements`` are an advocate's raises on professional judgement in force, each with who
    made it, when and why: when they raise the level, the document leads with the raised level
    and its history and still shows what the checklist answers alone gave. ``result`` and
    ``completed_on`` are a completed screening's kept result and day; ``log_prompts`` are what
    the incident log records that the answers do not.

    Raises ``scoring.MissingAnswer`` if the screening is not complete.
    """
    return html_to_pdf(render_summary_html(answers, **options))


def file_name(when: datetime | None = None) -> str:
    """A neutral download name such as ``summary-2026-11-24.pdf``."""
    return f"summary-{timezone.localdate(when or timezone.now()).isoformat()}.pdf"


def warm_up() -> None:
    """Compile the template once, at worker start (the layout warms itself up on import)."""
    get_template(TEMPLATE_NAME)  # kept by Django's cached template loader


warm_up()

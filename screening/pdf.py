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
from dataclasses import dataclass, replace
from datetime import date, datetime

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

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
    """One entry in the incident schedule, as plain text: its number in the whole log, when,
    and labelled details.

    ``screening.incidents.presenters.pdf_incident_options`` builds these from the incident log.
    """

    when: str
    details: tuple[tuple[str, str], ...] = ()
    after_screening: bool = False
    number: int = 0


@dataclass(frozen=True)
class PatternNote:
    """One pattern flag from the incident log, in words: a title and the reason for it."""

    title: str
    reason: str


@dataclass(frozen=True)
class CrimeReferenceLine:
    """One crime reference (or an officer named without one), with who deals with it and
    where it came from: the incidents that name it, or the case's own records."""

    reference: str = ""
    officer: str = ""
    officer_contact: str = ""
    force: str = ""
    incidents: tuple[int, ...] = ()


@dataclass(frozen=True)
class CaseDetails:
    """What an advocate's case adds to the police summary, all as plain text: consent to
    share with the police, the safe ways to reach the client, who the advocate is and how to
    reach them, and the orders, bail conditions and court dates that stand.
    ``casework.presenters.police_case_details`` builds it from a case."""

    consent_to_share: str
    consent_on: date | None = None
    safe_routes: tuple[tuple[str, str], ...] = ()
    safe_phone: str = ""
    safe_email: str = ""
    times_to_avoid: str = ""
    advocate: str = ""
    advocate_contact: str = ""
    organisation: str = ""
    crime_references: tuple[CrimeReferenceLine, ...] = ()
    orders: tuple[str, ...] = ()
    bail: tuple[str, ...] = ()
    court_dates: tuple[str, ...] = ()


#: Context flags the police summary words for an officer. The course of conduct points to the
#: Act it names once; FOUR is how police themselves describe stalking, so it is left out.
POLICE_FLAG_WORDING = {
    "ex_partner_threats": _(
        "Ex-partners who threaten violence are the highest-risk group in stalking research."
    ),
    "domestic_abuse": _(
        "Complete the domestic abuse risk checklist (DASH) as well; where the risk is high, "
        "refer the case to MARAC."
    ),
    "course_of_conduct": _(
        "Conduct on at least two occasions can be a course of conduct (s.7(3)), reported at "
        "the time or not."
    ),
}
FLAGS_LEFT_OUT_FOR_THE_POLICE = frozenset({"four"})


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


def _police_flags(shown: presenters.Results) -> tuple[presenters.FlagView, ...]:
    flags = [
        replace(flag, explanation=gettext(POLICE_FLAG_WORDING[flag.code]))
        if flag.code in POLICE_FLAG_WORDING
        else flag
        for flag in shown.flags
        if flag.code not in FLAGS_LEFT_OUT_FOR_THE_POLICE
    ]
    if shown.worse:
        flags.insert(0, shown.worse)
    return tuple(flags)


def _numbers(numbers: Sequence[int]) -> str:
    """(3,) -> "incident 3"; (3, 5, 8) -> "incidents 3, 5 and 8"."""
    if len(numbers) == 1:
        return gettext("incident %(number)s") % {"number": numbers[0]}
    return gettext("incidents %(numbers)s and %(last)s") % {
        "numbers": ", ".join(str(number) for number in numbers[:-1]),
        "last": numbers[-1],
    }


def _references(
    police_reference: str,
    case: CaseDetails | None,
    log_references: Sequence[CrimeReferenceLine],
) -> tuple[dict, ...]:
    """Every crime reference and officer in one list: the one given with the summary, the
    case's records, then those the incident log names. A reference met twice is one line."""
    lines: dict[str, CrimeReferenceLine] = {}
    given = police_reference.strip()
    if given:
        lines[given] = CrimeReferenceLine(reference=given)
    for line in (*(case.crime_references if case else ()), *log_references):
        key = line.reference or line.officer
        known = lines.get(key)
        if known is None:
            lines[key] = line
            continue
        lines[key] = CrimeReferenceLine(
            reference=known.reference,
            officer=known.officer or line.officer,
            officer_contact=known.officer_contact or line.officer_contact,
            force=known.force or line.force,
            incidents=(*known.incidents, *line.incidents),
        )
    return tuple(
        {
            "reference": line.reference,
            "officer": line.officer,
            "officer_contact": line.officer_contact,
            "force": line.force,
            "incidents": _numbers(sorted(set(line.incidents))) if line.incidents else "",
        }
        for line in lines.values()
    )


def summary_context(
    answers: questions.Answers,
    *,
    person_name: str = "",
    police_reference: str = "",
    completed_by: str = "",
    organisation: str = "",
    case_reference: str = "",
    stalker_date_of_birth: str = "",
    case: CaseDetails | None = None,
    incidents: Sequence[IncidentEntry] = (),
    pattern_flags: Sequence[PatternNote] = (),
    chart: Chart | None = None,
    supported_by: Mapping[int, Sequence[int]] | None = None,
    log_references: Sequence[CrimeReferenceLine] = (),
    log_size: int | None = None,
    printed_from: date | None = None,
    printed_to: date | None = None,
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
    it the answers are scored now (a person's own screening, completed in this session).
    Nothing is printed for what was never asked or given: no empty rows."""
    generated_at = timezone.localtime(generated_at or timezone.now())
    log_size = len(incidents) if log_size is None else log_size
    if result is None:
        shown = presenters.results(answers, incident_count=log_size)
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
        "case": case,
        "references": _references(police_reference, case, log_references),
        "results": shown,
        "police_flags": _police_flags(shown),
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
            (
                row,
                _numbers(supported[row.number])
                if row.number in yes_numbers and supported.get(row.number)
                else "",
            )
            for row in sections["signs"]
        ),
        "incidents": tuple(incidents),
        "log_size": log_size,
        "date_range": printed_from is not None or printed_to is not None,
        "printed_from": printed_from,
        "printed_to": printed_to,
        "pattern_flags": tuple(pattern_flags),
        "chart": chart if incidents else None,
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
    summary and table) and ``incidents`` (the schedule, each entry with what was kept as
    evidence and where). ``supported_by`` maps a warning sign's number to the numbers of the
    incidents linked to it, printed under that sign when it was answered "Yes";
    ``log_references`` are the crime references and officers the entries name, printed in one
    list with the others. ``screening.incidents.presenters.pdf_incident_options`` builds them
    all from a log, for the whole log or a date range. ``case`` is what an advocate's case
    adds (``CaseDetails``). The keywords are ``summary_context``'s.

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

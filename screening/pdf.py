"""The summary a person takes to the police, as a PDF made in memory by WeasyPrint.

What it shows comes from ``presenters.summary(answers, canonical=True)`` and
``presenters.results(answers)``, the same rows as check-your-answers and the results page, so
the web pages and the PDF can never disagree. The document has its own template
(``templates/pdf/summary.html``) and its own print stylesheet (``static/pdf/summary.css``); it is
not the web page printed.

Safety (SECURITY.md D22-D24):

- Every piece of user text reaches the template as plain text and is escaped by it.
- One ``StaticOnlyFetcher``, shared by every render, is the only way WeasyPrint can load
  anything. It serves files from our own PDF static folder, read from disk, and refuses
  everything else: no network, no redirects, no ``file://`` outside that folder, no
  attachments. A refusal never stops the render: the resource is simply left out.
- The PDF is returned as bytes and never written to disk.
- WeasyPrint's own log messages can quote a URL; they are stripped of their arguments so a
  name or a note could never reach a log.

Speed (see docs/performance.md): WeasyPrint is imported, the font configuration is built and
the stylesheet is parsed once, when this module is imported at worker start, and a tiny
warm-up render pays for the first-use costs there too. Long lists (the incident schedule) are
laid out as blocks, not as a table, which WeasyPrint lays out far faster. The cyclic garbage
collector is paused while a render runs and collects once at its end.
"""

import gc
import logging
import mimetypes
import threading
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse

from screening import contacts, presenters, questions, scoring
from screening.incidents.chart import Chart
from screening.judgement import Judgement, final_level

logger = logging.getLogger(__name__)

#: The only folder the PDF renderer may read from.
PDF_STATIC_DIR = Path(settings.BASE_DIR) / "static" / "pdf"
STYLESHEET_NAME = "summary.css"
TEMPLATE_NAME = "pdf/summary.html"
#: Relative URLs in the document resolve here, inside the allow-list.
BASE_URL = PDF_STATIC_DIR.as_uri() + "/"

#: Tagged PDF/UA-1 for screen readers (WeasyPrint turns on ``pdf_tags`` with it).
PDF_VARIANT = "pdf/ua-1"


class RefusedResource(ValueError):
    """The renderer asked for something outside the allow-list. The message names no URL."""


class StaticOnlyFetcher(weasyprint.URLFetcher):
    """Serve files under ``roots`` from disk and refuse every other URL.

    Only ``file:`` URLs with no host, query or fragment are considered, and only when the
    resolved path (symlinks followed) is a file inside one of the roots. Nothing is ever
    requested over a network, so there is nothing to redirect. Instances are safe to share:
    they keep no per-request state.
    """

    def __init__(self, roots: Sequence[Path]):
        super().__init__(
            timeout=1, allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False
        )
        self.roots = tuple(Path(root).resolve() for root in roots)

    def allowed_path(self, url: str) -> Path | None:
        """The file ``url`` names if it is inside the allow-list, else ``None``."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        if parts.query or parts.fragment:
            return None
        try:
            path = Path(url2pathname(unquote(parts.path))).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):
            return None
        if not path.is_file():
            return None
        if not any(path.is_relative_to(root) for root in self.roots):
            return None
        return path

    def fetch(self, url, headers=None):
        path = self.allowed_path(url)
        if path is None:
            raise RefusedResource("resource outside the PDF allow-list refused")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type == "text/css":
            content_type = "text/css; charset=utf-8"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
        )


class _WithoutArguments(logging.Filter):
    """Keep WeasyPrint's message but drop its arguments, which can hold a URL from the page."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.msg = f"{record.msg} (details withheld)"
            record.args = None
        return True


for _name in ("weasyprint", "weasyprint.progress"):
    logging.getLogger(_name).addFilter(_WithoutArguments())

FETCHER = StaticOnlyFetcher([PDF_STATIC_DIR])
FONT_CONFIG = FontConfiguration()
#: Parsed once, read through the fetcher like any other resource.
STYLESHEET = weasyprint.CSS(
    url=BASE_URL + STYLESHEET_NAME, url_fetcher=FETCHER, font_config=FONT_CONFIG
)
#: WeasyPrint is not thread-safe with a shared font configuration. Rendering is CPU-bound
#: Python, so threads could not run two renders at once anyway.
_RENDER_LOCK = threading.Lock()


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


def html_to_pdf(html: str) -> bytes:
    """Lay out ``html`` with the shared fetcher, fonts and stylesheet; return the PDF bytes."""
    with _RENDER_LOCK, _garbage_collection_paused():
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=FETCHER)
        return document.write_pdf(
            stylesheets=[STYLESHEET],
            font_config=FONT_CONFIG,
            pdf_variant=PDF_VARIANT,
            attachments=[],
        )


@contextmanager
def _garbage_collection_paused():
    """Pause the cyclic garbage collector for one render, then collect the young objects.

    A render makes tens of thousands of boxes that all live until it ends, so the collector,
    left on, scans them again and again and now and then walks the whole heap (about 10 % of
    a render, in some renders 40 ms). Paused, a render pays once at the end: one collection
    of the young generation, which frees the render's reference cycles (about 10 ms).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)


def render_summary_pdf(answers: questions.Answers, **options) -> bytes:
    """The police-ready summary of a complete screening, as PDF bytes, made in memory.

    ``completed_by``, ``organisation`` and ``case_reference`` are for an advocate completing
    it with someone; left empty, the document says the person completed it themselves.

    The incident log, after the checklist, in the order an officer reads it:
    ``pattern_flags`` (what the log shows as a whole), ``chart`` (incidents per week, with its
    summary and table), ``incidents`` (the schedule) and ``evidence`` (what was kept, and
    where). ``supported_by`` maps a warning sign's number to the incidents linked to it,
    printed under that sign in the checklist when it was answered "Yes".
    ``incident_presenters.pdf_incident_options`` builds all five from a log.
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
    """Pay the first-use costs (template, fonts, shaping, PDF writing) at worker start."""
    get_template(TEMPLATE_NAME)  # compiled once and kept by Django's cached template loader
    html_to_pdf(
        '<html lang="en"><title>-</title><body>'
        '<div class="running" id="running-marking">Aa</div>'
        '<div class="running" id="running-meta"><strong>Aa</strong><br>Aa '
        '<span class="page-number"></span> <span class="page-count"></span></div>'
        "<h1>Aa</h1><h2>Aa</h2><p><b>Aa</b> Aa</p>"
        '<table class="checklist-table"><tr><td>1</td></tr></table>'
        '<p class="incident"><strong>Aa</strong>\nAa</p></body></html>'
    )


warm_up()

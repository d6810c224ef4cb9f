"""Incident log entries and their pattern, put into words for pages and the PDF.

The record pages, the results page, the PDF schedule (``pdf_incident_options``) and the
advocate's case page all word an entry with ``entry_details``, so they can never disagree.
Text comes out plain and translated; templates escape it.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext, gettext_lazy

from screening import incidents, pdf, questions
from screening.incidents import Incident, csv_headings
from screening.incidents import prompts as log_prompts
from screening.incidents.chart import chart, long_date
from screening.incidents.csv_files import WRONG_HEADER, RowError
from screening.incidents.timeline import Pattern, pattern


@dataclass(frozen=True)
class EntryView:
    id: str
    when: str
    summary: str
    details: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PatternFlagView:
    code: str
    title: str
    reason: str


def when(incident: Incident) -> str:
    """E.g. "3 October 2026 at 21:30 (approximate)"."""
    text = long_date(incident.occurred_on)
    if incident.time is not None:
        text = gettext("%(date)s at %(time)s") % {
            "date": text,
            "time": incidents.format_time(incident.time),
        }
    if incident.approximate:
        text = gettext("%(when)s (approximate)") % {"when": text}
    return text


def _behaviour_lines(incident: Incident, *, compact: bool = False, police: bool = True) -> str:
    """The behaviours, one a line; for police and advocates (``police``), each with the
    example act in s.2A(3) it is. The person's own record is in plain words only."""
    lines = []
    for value in incident.behaviours:
        choice = incidents.behaviour_choices()[value]
        line = gettext(choice.wording(for_others=police))
        act = choice.act if police else ""
        if act and compact:
            line = gettext("%(behaviour)s (s.2A(3)(%(act)s))") % {
                "behaviour": line,
                "act": act,
            }
        elif act:
            line = gettext("%(behaviour)s (s.2A(3)(%(act)s): %(act_name)s)") % {
                "behaviour": line,
                "act": act,
                "act_name": gettext(questions.PHA_ACTS[act]),
            }
        lines.append(line)
    return ("; " if compact else "\n").join(lines)


def _reported(incident: Incident, *, separator: str = "\n") -> str:
    """ "Yes" (with the officer and reference), "No", or nothing if it was left blank."""
    if incident.reported_to_police is None:
        return ""
    if not incident.reported_to_police:
        return gettext("No")
    lines = [gettext("Yes")]
    if incident.officer:
        lines.append(gettext("Officer: %(officer)s") % {"officer": incident.officer})
    if incident.crime_reference:
        lines.append(
            gettext("Crime reference: %(reference)s") % {"reference": incident.crime_reference}
        )
    return separator.join(lines)


def _worded(
    code: str, wording: Mapping[str, str], for_others: Mapping[str, str], *, police: bool
) -> str:
    """``code``'s answer in words: as someone else reads it (``police``), where that differs."""
    return gettext(for_others.get(code, wording[code]) if police else wording[code])


def entry_details(
    incident: Incident,
    *,
    sign_names: Mapping[int, str] | None = None,
    police: bool = True,
    compact: bool = False,
) -> tuple[tuple[str, str], ...]:
    """(label, text) pairs for everything recorded, in the order an officer reads them.

    ``sign_names`` words the linked warning signs (number -> wording); by default the
    checklist's short names. ``police=False`` speaks to the person who wrote the entry.
    ``compact`` (the PDF's schedule, which follows the checklist and its act list) puts
    lists on one line, names acts by their letter only, and leaves out the warning signs an
    entry supports: the PDF lists those incidents under each sign.
    """
    separator = "; " if compact else "\n"
    affected = gettext("How it affected them") if police else gettext("How it affected you")
    names = sign_names or {q.number: gettext(q.short_name) for q in questions.BANK.warning_signs}
    rows = [
        (gettext("Where"), incident.place),
        (gettext("What happened"), incident.what_happened),
        (gettext("What they did"), _behaviour_lines(incident, compact=compact, police=police)),
        (
            gettext("Feared violence"),
            _worded(
                incident.feared_violence,
                incidents.FEARED_VIOLENCE,
                incidents.FEARED_VIOLENCE_FOR_OTHERS,
                police=police,
            )
            if incident.feared_violence
            else "",
        ),
        (
            gettext("Effect on day-to-day life"),
            separator.join(
                _worded(
                    code,
                    incidents.DAILY_LIFE_EFFECTS,
                    incidents.DAILY_LIFE_EFFECTS_FOR_OTHERS,
                    police=police,
                )
                for code in incident.daily_life_effects
            ),
        ),
        (affected, incident.effect_details),
        (gettext("Witnesses"), incident.witnesses),
        (gettext("Evidence kept, and where"), incident.evidence),
        (gettext("Reported to police"), _reported(incident, separator=separator)),
    ]
    if not compact:  # the PDF prints the links under each warning sign instead
        rows.append(
            (
                gettext("Warning signs it supports"),
                separator.join(
                    f"{number}. {names[number]}" for number in incident.signs if number in names
                ),
            )
        )
    return tuple((label, text) for label, text in rows if text)


def entry_view(
    incident: Incident, *, sign_names: Mapping[int, str] | None = None, police: bool = True
) -> EntryView:
    first_line = incident.what_happened.strip().splitlines()[0]
    return EntryView(
        id=incident.id,
        when=when(incident),
        summary=first_line,
        details=entry_details(incident, sign_names=sign_names, police=police),
    )


def _pdf_entry(number: int, incident: Incident, *, completed_on: date | None) -> pdf.IncidentEntry:
    """One entry of the PDF's schedule, with its number in the whole log; marked when it is
    dated after ``completed_on`` (the screening's day)."""
    return pdf.IncidentEntry(
        when=when(incident),
        details=entry_details(incident, compact=True),
        after_screening=completed_on is not None and incident.occurred_on > completed_on,
        number=number,
    )


#: The chart's title id in the PDF, unique in the document.
PDF_CHART_TITLE_ID = "pdf-incident-chart-title"


def pdf_incident_options(
    log: Iterable[Incident],
    *,
    today: date | None = None,
    completed_on: date | None = None,
    starts: date | None = None,
    ends: date | None = None,
) -> dict[str, object]:
    """Everything the incident log adds to the PDF, as keyword arguments for
    ``pdf.render_summary_pdf``: the schedule, the pattern flags, the weekly chart, for each
    warning sign the incidents that support it, and the crime references and officers the
    entries name.

    Incidents are numbered in date order across the whole log, so "incident 3" under a
    warning sign is the third entry of the schedule. ``starts`` and ``ends`` (either may be
    left out) print only the incidents in that date range, for a long log: the schedule keeps
    the whole log's numbers, and the pattern and the chart are worked out from the incidents
    printed. Without them the chart and the schedule span the whole log. ``today`` extends
    the chart and the rising-rate check to the current week when the range reaches today, as
    on the record pages. ``completed_on`` (a completed screening's day) marks the entries dated
    after it.
    """
    ordered = incidents.in_date_order(tuple(log))
    if not ordered:
        return {}
    numbered = [
        (number, incident)
        for number, incident in enumerate(ordered, start=1)
        if (starts is None or incident.occurred_on >= starts)
        and (ends is None or incident.occurred_on <= ends)
    ]
    chosen = tuple(incident for _number, incident in numbered)
    options: dict[str, object] = {
        "log_size": len(ordered),
        "printed_from": starts,
        "printed_to": ends,
    }
    if not chosen:
        return {**options, "incidents": ()}
    found = pattern(chosen, today=today if ends is None else None)
    supported: dict[int, list[int]] = {}
    for number, incident in numbered:
        for sign in incident.signs:
            supported.setdefault(sign, []).append(number)
    return {
        **options,
        # The checklist above words each sign in full; the schedule names them briefly.
        "incidents": tuple(
            _pdf_entry(number, incident, completed_on=completed_on) for number, incident in numbered
        ),
        "pattern_flags": tuple(
            pdf.PatternNote(title=flag.title, reason=flag.reason)
            for flag in flag_views(found, for_others=True, for_police=True)
        ),
        "chart": chart(found, title_id=PDF_CHART_TITLE_ID),
        "supported_by": {number: tuple(numbers) for number, numbers in supported.items()},
        # One line an entry naming a reference or an officer: the summary gathers each
        # reference once, with the case's own (``pdf.summary_context``).
        "log_references": tuple(
            pdf.CrimeReferenceLine(
                reference=incident.crime_reference.strip(),
                officer=incident.officer.strip(),
                incidents=(number,),
            )
            for number, incident in numbered
            if incident.crime_reference.strip() or incident.officer.strip()
        ),
    }


def _format(value: int | date) -> str:
    return long_date(value) if isinstance(value, date) else str(value)


def flag_views(
    found: Pattern, *, for_others: bool = False, for_police: bool = False
) -> tuple[PatternFlagView, ...]:
    """The pattern's flags, translated, with their numbers and dates filled in.

    ``for_others`` words them for an advocate or an officer instead of the person;
    ``for_police`` for the police summary, with short references to the Act it names once."""
    views = []
    for flag in found.flags:
        title, reason = flag.wording(for_others=for_others, for_police=for_police)
        values = {key: _format(value) for key, value in flag.params}
        views.append(PatternFlagView(flag.code, gettext(title), gettext(reason) % values))
    return tuple(views)


def pattern_context(
    log: Sequence[Incident], *, today: date, for_others: bool = False
) -> dict[str, object]:
    """The pattern, its flags in words and the weekly chart, for a page showing a log:
    the person's own record and results, or (``for_others``) an advocate's case."""
    found = pattern(log, today=today)
    return {
        "pattern": found,
        "pattern_flags": flag_views(found, for_others=for_others),
        "chart": chart(found),
    }


def signs_supported(
    log: Sequence[Incident], numbers: Iterable[int]
) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(sign number, when each linked incident happened) for each of ``numbers`` with links."""
    linked: dict[int, list[str]] = {number: [] for number in numbers}
    for incident in incidents.in_date_order(tuple(log)):
        for number in incident.signs:
            if number in linked:
                linked[number].append(when(incident))
    return tuple((number, tuple(entries)) for number, entries in linked.items() if entries)


def row_error_text(error: RowError) -> str:
    """A CSV import problem in words, e.g. "Row 3, date: Enter a real date ...", naming the
    columns as the reader's language heads them."""
    headings = csv_headings.in_this_language()
    params = dict(error.params)
    if error.message == WRONG_HEADER:
        params["columns"] = ", ".join(headings.values())
    message = gettext(error.message) % params
    if error.row and error.column:
        return gettext("Row %(row)s, %(column)s: %(message)s") % {
            "row": error.row,
            "column": headings.get(error.column, error.column),
            "message": message,
        }
    if error.row:
        return gettext("Row %(row)s: %(message)s") % {"row": error.row, "message": message}
    return message


PERSON = "person"
ADVOCATE = "advocate"
POLICE = "police"


def prompt_texts(
    answers: questions.Answers, log: Sequence[Incident], *, reader: str = PERSON
) -> tuple[str, ...]:
    """What the log records that the answers do not, each as a prompt to check a question,
    worded for its ``reader``: the person in plain words, their advocate ("check question 6
    with the client"), or an officer reading a summary (what the log and the answer say)."""
    wording = {
        PERSON: _PROMPTS_FOR_THE_PERSON,
        ADVOCATE: _PROMPTS_FOR_ADVOCATES,
        POLICE: _PROMPTS_FOR_THE_POLICE,
    }[reader]
    texts = []
    for prompt in log_prompts.prompts(answers, log):
        texts.append(
            gettext(wording[prompt.code])
            % {"date": long_date(prompt.first), "number": prompt.number}
        )
    return tuple(texts)


_PROMPTS_FOR_ADVOCATES = {
    log_prompts.THREAT: gettext_lazy(
        "The incident log records a threat on %(date)s: check question %(number)s with the client."
    ),
    log_prompts.VISITS: gettext_lazy(
        "The incident log records more than three visits in the week from %(date)s: check "
        "question %(number)s with the client."
    ),
    log_prompts.THIRD_PARTIES: gettext_lazy(
        "The incident log records other people being drawn in on %(date)s: check question "
        "%(number)s with the client."
    ),
    log_prompts.VIOLENCE: gettext_lazy(
        "The incident log records violence on %(date)s: check question %(number)s (violence "
        "towards anyone else) with the client."
    ),
}

_PROMPTS_FOR_THE_POLICE = {
    log_prompts.THREAT: gettext_lazy(
        "The incident log records a threat on %(date)s; question %(number)s was not answered “Yes”."
    ),
    log_prompts.VISITS: gettext_lazy(
        "The incident log records more than three visits in the week from %(date)s; question "
        "%(number)s was not answered “Yes”."
    ),
    log_prompts.THIRD_PARTIES: gettext_lazy(
        "The incident log records other people being drawn in on %(date)s; question "
        "%(number)s was not answered “Yes”."
    ),
    log_prompts.VIOLENCE: gettext_lazy(
        "The incident log records violence on %(date)s; question %(number)s (violence towards "
        "anyone else) was not answered “Yes”."
    ),
}

_PROMPTS_FOR_THE_PERSON = {
    log_prompts.THREAT: gettext_lazy(
        "Your record has a threat on %(date)s. You may want to look again at question "
        "%(number)s, about threats."
    ),
    log_prompts.VISITS: gettext_lazy(
        "Your record shows they turned up more than three times in the week from %(date)s. "
        "You may want to look again at question %(number)s."
    ),
    log_prompts.THIRD_PARTIES: gettext_lazy(
        "Your record shows other people being drawn in on %(date)s. You may want to look again "
        "at question %(number)s."
    ),
    log_prompts.VIOLENCE: gettext_lazy(
        "Your record has violence on %(date)s. You may want to look again at question "
        "%(number)s, about violence towards anyone else."
    ),
}

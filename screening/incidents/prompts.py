"""When the incident log records what the answers do not: a prompt to check a question.

A log is written at the time; a screening is answered from memory on one day. Where the log
records something a warning sign asks about and that sign was not answered "Yes", the pages say
so, so the person (or their advocate) can look at that question again. It is only ever a prompt:
nothing here changes an answer or a level.

The checks, each tied to the warning sign it informs (by slug, so renumbering cannot break it):

- a threat in the log, and the threats question (sign 6) not "Yes";
- more than three visits in seven days (the pattern's own visit rule), and the visits question
  (sign 4) not "Yes";
- other people drawn in, and the third-parties question (sign 7) not "Yes";
- violence in the log, and the violence-to-others question (sign 8) not "Yes". The log's
  violence behaviour covers violence to the person too, so this asks for a check, no more.

Pure Python: no Django. Wording is chosen where it is shown (``incident_presenters``).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from screening import questions
from screening.incidents import Incident, in_date_order
from screening.incidents.timeline import VISITS_MORE_THAN, busiest_visit_window, plays
from screening.questions import ANSWER_FIELD, YES, Answers, Role

THREAT = "threat"
VISITS = "visits"
THIRD_PARTIES = "third_parties"
VIOLENCE = "violence"


@dataclass(frozen=True)
class Prompt:
    """The log records ``code`` from ``first`` on, and warning sign ``number`` was not "Yes"."""

    code: str
    number: int
    first: date


def _first_playing(ordered: Sequence[Incident], role: Role) -> date | None:
    return next((i.occurred_on for i in ordered if plays(i, role)), None)


def _many_visits(ordered: Sequence[Incident]) -> date | None:
    start, count = busiest_visit_window(ordered)
    return start if count > VISITS_MORE_THAN else None


#: (what the log records, the slug of the sign it informs, how to find its first date).
CHECKS = (
    (THREAT, "statements", lambda ordered: _first_playing(ordered, Role.THREAT)),
    (VISITS, "visits", _many_visits),
    (THIRD_PARTIES, "other-people", lambda ordered: _first_playing(ordered, Role.THIRD_PARTY)),
    (VIOLENCE, "conduct", lambda ordered: _first_playing(ordered, Role.VIOLENCE)),
)


def prompts(answers: Answers, log: Sequence[Incident]) -> tuple[Prompt, ...]:
    """Every check that applies, in the order of ``CHECKS``."""
    if not log:
        return ()
    ordered = in_date_order(tuple(log))
    found = []
    for code, slug, first_date in CHECKS:
        sign = questions.BANK.by_slug.get(slug)
        if sign is None or sign.number is None:
            continue
        if answers.get(slug, {}).get(ANSWER_FIELD) == YES:
            continue
        first = first_date(ordered)
        if first is not None:
            found.append(Prompt(code=code, number=sign.number, first=first))
    return tuple(found)

"""Where answers live between pages: the one answer-store interface.

A store has ``all`` (every answer still valid and still shown) and ``save(slug, values)`` /
``save_all(answers)``. ``SessionAnswers`` is the person's; ``casework.answers.CaseAnswers`` is an
advocate's screening on a case. A person screening themselves keeps their answers only in the
server-side session: nothing is written to any other table. Values are
stored as primitives, exactly as a form would post them, and every read goes
back through the question's form and ``flow.prune``, so tampered or stale data
never reaches scoring or a summary.
"""

from functools import cached_property

from screening import flow, questions
from screening.forms import form_for

ANSWERS_KEY = "answers"
STARTED_KEY = "screening_started"
POLICE_DETAILS_KEY = "police_details"


def revalidate(stored: dict, *, bank=None) -> dict[str, dict]:
    """Keep only answers that still pass their question's form, then prune."""
    bank = questions.BANK if bank is None else bank
    valid = {}
    for question in bank:
        values = stored.get(question.slug)
        if not isinstance(values, dict):
            continue
        form = form_for(question, name="")(data=values)
        if form.is_valid():
            valid[question.slug] = form.answer()
    return flow.prune(valid, bank=bank)


class SessionAnswers:
    """The anonymous journey's answers, held in ``request.session``."""

    def __init__(self, session):
        self.session = session

    @property
    def started(self) -> bool:
        return bool(self.session.get(STARTED_KEY))

    def start(self) -> None:
        self.session[STARTED_KEY] = True
        self.session.setdefault(ANSWERS_KEY, {})

    @cached_property
    def all(self) -> dict[str, dict]:
        """Every answer that is still valid and still shown."""
        return revalidate(self.session.get(ANSWERS_KEY) or {})

    def save(self, slug: str, values: dict) -> None:
        self.save_all({**self.all, slug: values})

    def save_all(self, answers: dict) -> None:
        self.session[ANSWERS_KEY] = flow.prune(answers)
        self.__dict__.pop("all", None)

    def clear(self) -> None:
        for key in (ANSWERS_KEY, POLICE_DETAILS_KEY):
            self.session.pop(key, None)
        self.__dict__.pop("all", None)

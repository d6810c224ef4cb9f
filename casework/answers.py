"""A screening's answers on a case: the advocate's side of the one answer-store interface.

Like ``screening.answers.SessionAnswers`` (the person's session), it offers ``all`` (every
answer still valid and still shown, re-validated through the questions' forms on every read)
and ``save``/``save_all``. Writes go through ``casework.services.save_answers``: one
transaction with the audit event.
"""

from functools import cached_property

from casework import services
from casework.models import Screening, User
from screening.answers import revalidate


class CaseAnswers:
    def __init__(self, screening: Screening, *, by: User):
        self.screening = screening
        self.by = by

    @cached_property
    def all(self) -> dict[str, dict]:
        return revalidate(self.screening.answers or {})

    def save(self, slug: str, values: dict) -> None:
        self.save_all({**self.all, slug: values})

    def save_all(self, answers: dict) -> None:
        services.save_answers(screening=self.screening, answers=answers, by=self.by)
        self.__dict__.pop("all", None)

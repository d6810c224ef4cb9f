"""What changed between two screenings of the same case (docs/domain.md).

Risk changes quickly, so advocates repeat the screening and look at the difference:
signs that appeared, signs that went, and things that were not known before and are
known now (or the other way round). Pure: it reads the answers the forms store.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from screening import questions
from screening.questions import ANSWER_FIELD, DONT_KNOW, NO, YES


@dataclass(frozen=True)
class Changes:
    appeared: tuple[int, ...]  # now "yes", before "no" or "don't know"
    went: tuple[int, ...]  # before "yes", now "no"
    became_known: tuple[int, ...]  # before "don't know", now "no" (a "yes" is in appeared)
    became_unknown: tuple[int, ...]  # before "yes" or "no", now "don't know"
    behaviours_added: tuple[str, ...]
    behaviours_stopped: tuple[str, ...]

    @property
    def any(self) -> bool:
        return any(
            (
                self.appeared,
                self.went,
                self.became_known,
                self.became_unknown,
                self.behaviours_added,
                self.behaviours_stopped,
            )
        )


def _answer(answers: Mapping, sign: questions.Question) -> str | None:
    return answers.get(sign.slug, {}).get(ANSWER_FIELD)


def _behaviours(answers: Mapping) -> list[str]:
    """The behaviours described; "None of these" is an answer, not a behaviour that changed."""
    return list(questions.behaviours_described(answers))


def compare(before: Mapping, after: Mapping) -> Changes:
    """The differences from ``before`` to ``after``, signs in checklist order."""
    appeared, went, became_known, became_unknown = [], [], [], []
    for number in sorted(questions.BANK.sign_numbers):
        sign = questions.BANK.sign(number)
        old, new = _answer(before, sign), _answer(after, sign)
        if old == new:
            continue
        if new == YES:
            appeared.append(number)
        elif old == YES and new == NO:
            went.append(number)
        elif old == DONT_KNOW and new == NO:
            became_known.append(number)
        elif new == DONT_KNOW and old in (YES, NO):
            became_unknown.append(number)
    old_behaviours, new_behaviours = _behaviours(before), _behaviours(after)
    return Changes(
        appeared=tuple(appeared),
        went=tuple(went),
        became_known=tuple(became_known),
        became_unknown=tuple(became_unknown),
        behaviours_added=tuple(b for b in new_behaviours if b not in old_behaviours),
        behaviours_stopped=tuple(b for b in old_behaviours if b not in new_behaviours),
    )

"""Navigation over the question bank, as pure functions of the answers.

Views ask this module where to go next instead of hard-coding page order, so every redirect
target is computed from the bank, and adding a page or a branch needs no view change.

Visibility is decided in bank order, each ``shown_if`` seeing only the (pruned) answers to the
pages before it. So an answer left behind on a page that is no longer shown can never switch
on a later branch.
"""

from collections.abc import Mapping, Sequence

from screening import questions
from screening.questions import Answers, Field, Question

Bank = Sequence[Question] | None


def _bank(bank: Bank) -> Sequence[Question]:
    """``bank``, or the bank in use now when none is given."""
    return questions.BANK if bank is None else bank


def _position(slug: str, bank: Sequence[Question]) -> int:
    for index, q in enumerate(bank):
        if q.slug == slug:
            return index
    raise KeyError(slug)


def _revealed(field: Field, page: Mapping[str, object]) -> bool:
    """Whether a follow-up field's parent currently has the value that reveals it."""
    if field.reveal_for is None:
        return True
    parent, value = field.reveal_for
    current = page.get(parent)
    if isinstance(current, str):
        return current == value
    if isinstance(current, (list, tuple)):
        return value in current
    return False


def _prune_page(q: Question, page: Mapping[str, object]) -> dict[str, object]:
    kept = dict(page)
    for f in q.fields:
        if f.reveal_for is not None and not _revealed(f, page):
            kept.pop(f.name, None)
    return kept


def _resolve(
    answers: Answers, bank: Sequence[Question]
) -> tuple[tuple[Question, ...], dict[str, dict[str, object]]]:
    """Walk the bank once: the visible pages, and the answers that still apply to them."""
    visible: list[Question] = []
    kept: dict[str, dict[str, object]] = {}
    for q in bank:
        if q.shown_if is not None and not q.shown_if(kept):
            continue
        visible.append(q)
        if q.slug in answers:
            kept[q.slug] = _prune_page(q, answers[q.slug])
    return tuple(visible), kept


def visible_questions(answers: Answers, *, bank: Bank = None) -> tuple[Question, ...]:
    """The pages this person will see, in order, given their answers so far."""
    return _resolve(answers, _bank(bank))[0]


def prune(answers: Answers, *, bank: Bank = None) -> dict[str, dict[str, object]]:
    """A new dict without answers to hidden pages or to follow-ups no longer revealed.

    Call it after every save, so a changed answer never leaves stale details behind to reach
    the results or a police summary.
    """
    return _resolve(answers, _bank(bank))[1]


def first_unanswered(answers: Answers, *, bank: Bank = None) -> Question | None:
    """The first visible page without an answer; ``None`` when all are answered."""
    return next((q for q in visible_questions(answers, bank=bank) if q.slug not in answers), None)


def is_complete(answers: Answers, *, bank: Bank = None) -> bool:
    """Every visible page answered: ready for check-your-answers and results."""
    return first_unanswered(answers, bank=bank) is None


def next_question(slug: str, answers: Answers, *, bank: Bank = None) -> Question | None:
    """The next visible page after ``slug``; ``None`` means go to check your answers."""
    pages = _bank(bank)
    position = _position(slug, pages)
    later = (
        q for q in visible_questions(answers, bank=pages) if _position(q.slug, pages) > position
    )
    return next(later, None)


def previous_question(slug: str, answers: Answers, *, bank: Bank = None) -> Question | None:
    """The visible page before ``slug`` (the Back link); ``None`` on the first page."""
    pages = _bank(bank)
    position = _position(slug, pages)
    earlier = [
        q for q in visible_questions(answers, bank=pages) if _position(q.slug, pages) < position
    ]
    return earlier[-1] if earlier else None


def is_reachable(slug: str, answers: Answers, *, bank: Bank = None) -> bool:
    """Whether a page may be shown now: it is visible and every visible page before it has an
    answer. Views redirect to ``first_unanswered`` otherwise, so nobody skips ahead by URL."""
    pages = _bank(bank)
    _position(slug, pages)
    for q in visible_questions(answers, bank=pages):
        if q.slug == slug:
            return True
        if q.slug not in answers:
            return False
    return False


def progress(slug: str, *, bank: Bank = None) -> tuple[int, int] | None:
    """(number, total) for a warning sign, e.g. (6, 12) for "Question 6 of 12"; else ``None``."""
    pages = _bank(bank)
    q = pages[_position(slug, pages)]
    if q.number is None:
        return None
    return q.number, sum(1 for other in pages if other.number is not None)

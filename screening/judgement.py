"""Professional judgement: an advocate may raise a screening's level, never lower it.

DASH, the domestic-abuse checklist, lets professional judgement raise a case (escalation,
repeat referral, what the professional knows) and never lets it lower one. The same holds
here, enforced in this one place. Each raise is its own entry with who made it, when and why;
withdrawing one made in error can never take the level below the checklist's own.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from screening.markers import _
from screening.scoring import Level, level_rank

REASON_MAX_LENGTH = 1000


class JudgementError(ValueError):
    """A judgement that would lower the level, or one given without a reason."""


@dataclass(frozen=True)
class Judgement:
    """One raise: the level, the reason, and (once recorded) who made it and on what day."""

    level: Level
    reason: str
    by: str = ""
    on: date | None = None


def levels_above(level: Level) -> tuple[Level, ...]:
    """The levels professional judgement may raise ``level`` to, highest first."""
    return tuple(candidate for candidate in Level if level_rank(candidate) > level_rank(level))


def judge(scored: Level, raised_to: Level, reason: str) -> Judgement:
    """A judgement raising ``scored`` to ``raised_to``; raises JudgementError otherwise."""
    reason = reason.strip()
    if level_rank(raised_to) <= level_rank(scored):
        raise JudgementError(_("Professional judgement can raise the level, never lower it"))
    if not reason:
        raise JudgementError(_("Give the reason for raising the level"))
    if len(reason) > REASON_MAX_LENGTH:
        raise JudgementError(_("The reason must be 1000 characters or fewer"))
    return Judgement(level=raised_to, reason=reason)


def final_level(scored: Level, judgements: Iterable[Judgement] = ()) -> Level:
    """The level to act on: the highest of the rules' level and every raise in force."""
    return max((scored, *(j.level for j in judgements)), key=level_rank)

"""Professional judgement: an advocate may raise a screening's level, never lower it.

DOMAIN.md section 3: DASH, the domestic-abuse checklist, lets professional judgement
raise a case (escalation, repeat referral, what the professional knows) and never
lets it lower one. The same holds here, enforced in this one place.
"""

from dataclasses import dataclass

from screening.markers import _
from screening.scoring import Level, level_rank

REASON_MAX_LENGTH = 1000


class JudgementError(ValueError):
    """A judgement that would lower the level, or one given without a reason."""


@dataclass(frozen=True)
class Judgement:
    level: Level
    reason: str


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


def final_level(scored: Level, judgement: Judgement | None) -> Level:
    """The level to act on: the higher of the rules' level and the judgement's."""
    if judgement is None or level_rank(judgement.level) <= level_rank(scored):
        return scored
    return judgement.level

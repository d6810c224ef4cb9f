"""Rule set v1: answers to the twelve warning signs -> a level, with the reasons for it.

No version of the checklist has a validated numeric cut-off, and it cannot predict what will
happen. So the result is a plain-words level tied to next steps, never a score or a
probability, never "low risk" and never "safe". All level rules live in the one ``RULES`` table
below, each with its rationale beside it, so a reviewer can check the whole rule set in one
place. Professional judgement may raise a level, never lower it: that belongs to the advocate
side, not here.

Every result records the bank and rules versions that produced it, so a stored screening can be
explained later even after the rules change.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType

from screening import questions
from screening.flow import prune, visible_questions
from screening.markers import _
from screening.questions import (
    ANSWER_FIELD,
    BEHAVIOURS_FIELD,
    BEHAVIOURS_SLUG,
    DONT_KNOW,
    NO,
    NO_BEHAVIOURS,
    YES,
    Answers,
    Question,
    is_ex_partner,
    is_repeated,
)

RULES_VERSION = "v1"


class Level(StrEnum):
    """The result levels, highest first. Compare them with ``level_rank``, not ``<``."""

    SERIOUS = "serious"
    PRESENT = "present"
    NONE_YET = "none_yet"

    @property
    def label(self) -> str:
        """The display name, e.g. "Serious warning signs"."""
        return LEVEL_NAMES[self]

    @property
    def rank(self) -> int:
        return level_rank(self)


LEVEL_NAMES: Mapping[Level, str] = MappingProxyType(
    {
        Level.SERIOUS: _("Serious warning signs"),
        Level.PRESENT: _("Warning signs present"),
        Level.NONE_YET: _("No warning signs identified yet"),
    }
)

_RANKS: Mapping[Level, int] = MappingProxyType(
    {Level.NONE_YET: 0, Level.PRESENT: 1, Level.SERIOUS: 2}
)


def level_rank(level: Level) -> int:
    """Order levels for comparison: a higher rank is a more serious level."""
    return _RANKS[level]


@dataclass(frozen=True)
class Rule:
    """One level rule: it applies when ``sign`` (if any) is answered "yes" and at least
    ``min_yes`` signs are answered "yes". The result takes the highest level that applies."""

    level: Level
    reason: str
    rationale: str
    sign: int | None = None
    min_yes: int = 0

    def applies(self, yes: frozenset[int]) -> bool:
        return (self.sign is None or self.sign in yes) and len(yes) >= self.min_yes


# fmt: off
RULES: tuple[Rule, ...] = (
    Rule(
        Level.SERIOUS, sign=1,
        reason=_("Warning sign 1 (very frightened) was answered “Yes”"),
        rationale=_(
            "The person’s own fear was the strongest single correlate of severe violence "
            "in the research behind the checklist."
        ),
    ),
    Rule(
        Level.SERIOUS, sign=6,
        reason=_("Warning sign 6 (threats of violence) was answered “Yes”"),
        rationale=_(
            "Threats of physical or sexual violence are serious from anyone, and ex-partners "
            "who have made threats are the highest-risk group (Mullen, Pathé and Purcell)."
        ),
    ),
    Rule(
        Level.SERIOUS, sign=8,
        reason=_("Warning sign 8 (violent towards others) was answered “Yes”"),
        rationale=_(
            "Violence towards anyone within the stalking shows a willingness to use violence."
        ),
    ),
    Rule(
        Level.SERIOUS, min_yes=6,
        reason=_("Six or more questions were answered “Yes”"),
        rationale=_(
            "The checklist has no validated cut-off; its forms say the more “yes” "
            "answers, the higher the risk. Rule set v1 treats half of the twelve or more as "
            "serious."
        ),
    ),
    Rule(
        Level.PRESENT, min_yes=1,
        reason=_("One or more questions were answered “Yes”"),
        rationale=_("Every “yes” is a warning sign present, shown with why it matters."),
    ),
    Rule(
        Level.NONE_YET,
        reason=_("None of the questions was answered “Yes”"),
        rationale=_(
            "A floor, not an all-clear: the checklist cannot predict what will happen, "
            "“don’t know” is not “no”, and risk can change quickly, "
            "so the screening should be repeated when things change (guidance: every 6 to 8 "
            "weeks). Like DASH, there is no level below this one."
        ),
    ),
)
# fmt: on


# --- Results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignAsked:
    """A warning sign as it was asked: its number, its wording (untranslated, with ``{name}``
    still in it) and the answer given. A result keeps these so that it can be shown later,
    whatever the question bank says by then."""

    number: int
    slug: str
    short_name: str
    title: str
    canonical: str
    answer: str


@dataclass(frozen=True)
class SignPresent:
    """A warning sign answered "yes", with the one-line reason it matters."""

    number: int
    slug: str
    short_name: str
    reason: str
    serious: bool


@dataclass(frozen=True)
class ContextFlag:
    """Extra context shown beside the level; it never changes the level."""

    code: str
    title: str
    explanation: str


@dataclass(frozen=True)
class Result:
    """What the rules found. Text in it is untranslated (translate it where it is shown), so a
    result can be kept as it is (``to_primitives``) and read back years later unchanged."""

    level: Level
    signs: tuple[SignPresent, ...]
    unknowns: tuple[int, ...]
    flags: tuple[ContextFlag, ...]
    level_reasons: tuple[str, ...]
    yes_count: int
    bank_version: str
    rules_version: str
    asked: tuple[SignAsked, ...] = ()

    def sign(self, number: int) -> SignAsked:
        """The warning sign numbered ``number`` as it was asked; ``KeyError`` if it was not."""
        for asked in self.asked:
            if asked.number == number:
                return asked
        raise KeyError(number)


class MissingAnswer(ValueError):
    """A visible warning sign has no valid answer. Scoring never treats a gap as "no"."""

    def __init__(self, slug: str) -> None:
        super().__init__(f"no valid answer for {slug!r}")
        self.slug = slug


# --- Context flags ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Facts:
    """What the flag rules may look at, worked out once per score."""

    answers: Answers
    yes: frozenset[int]
    repeated: bool
    behaviours: tuple[str, ...]


@dataclass(frozen=True)
class FlagRule:
    flag: ContextFlag
    applies: Callable[[_Facts], bool]
    rationale: str


FLAGS: tuple[FlagRule, ...] = (
    FlagRule(
        ContextFlag(
            code="ex_partner_threats",
            title=_("An ex-partner has made threats of violence"),
            explanation=_(
                "Research on stalking has found that ex-partners who make threats of violence "
                "are the highest-risk group. The police and any specialist service should know "
                "about every threat."
            ),
        ),
        applies=lambda facts: is_ex_partner(facts.answers) and 6 in facts.yes,
        rationale=_("Mullen, Pathé and Purcell: ex-partners who threaten are highest risk."),
    ),
    FlagRule(
        ContextFlag(
            code="domestic_abuse",
            title=_("There is a history of domestic abuse or harassment"),
            explanation=_(
                "The police or a domestic abuse service can also complete the domestic abuse "
                "risk checklist (DASH). Where the risk is high, they can refer the case to a "
                "MARAC, a meeting where local services plan support and protection together."
            ),
        ),
        applies=lambda facts: 2 in facts.yes,
        rationale=_("An 11-item version of this checklist sits inside DASH, the route to MARAC."),
    ),
    FlagRule(
        ContextFlag(
            code="course_of_conduct",
            title=_("This has happened more than once"),
            explanation=_(
                "In law, two or more incidents can form a course of conduct, which is the basis "
                "of the offences of harassment and stalking. Incidents count even if they were "
                "not reported at the time."
            ),
        ),
        applies=lambda facts: facts.repeated,
        rationale=_("Protection from Harassment Act 1997: a course of conduct is two occasions."),
    ),
    FlagRule(
        ContextFlag(
            code="four",
            title=_("This matches how police recognise stalking"),
            explanation=_(
                "Police describe stalking as behaviour that is Fixated, Obsessive, Unwanted and "
                "Repeated (FOUR). Repeated, unwanted behaviour like this should be taken "
                "seriously."
            ),
        ),
        applies=lambda facts: facts.repeated and bool(facts.behaviours),
        rationale=_("The police FOUR mnemonic: Fixated, Obsessive, Unwanted, Repeated."),
    ),
)


# --- Scoring ---------------------------------------------------------------------------------

_VALID_ANSWERS = frozenset({YES, NO, DONT_KNOW})


def _ticked(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, (list, tuple)):
        return tuple(item for item in value if isinstance(item, str) and item)
    return ()


@dataclass(frozen=True)
class RuleSet:
    """One version of the rules: the level rules and the context flag rules, kept together."""

    version: str
    rules: tuple[Rule, ...]
    flags: tuple[FlagRule, ...]

    @cached_property
    def serious_signs(self) -> frozenset[int]:
        return frozenset(
            rule.sign
            for rule in self.rules
            if rule.level is Level.SERIOUS and rule.sign is not None
        )


#: Every rule set there has been, by version. A completed screening names the version that
#: scored it, so a reviewer can always read the rules behind an old result here. When the rules
#: change, add a new ``RuleSet`` under a new version and point ``RULES_VERSION`` at it; never
#: edit one that results have been kept under.
RULE_SETS: Mapping[str, RuleSet] = MappingProxyType({"v1": RuleSet("v1", RULES, FLAGS)})

#: The signs that on their own give the top level in rule set v1, read from its rules.
SERIOUS_SIGNS: frozenset[int] = RULE_SETS["v1"].serious_signs


def rule_set(version: str | None = None) -> RuleSet:
    """The rule set called ``version``, or the one in use now; ``KeyError`` if unknown."""
    return RULE_SETS[version or RULES_VERSION]


def score(
    answers: Answers,
    *,
    bank: Sequence[Question] | None = None,
    incident_count: int = 0,
    rules_version: str | None = None,
) -> Result:
    """Apply the rules in use (or ``rules_version``'s) to the answers of every visible sign.

    ``incident_count`` is the number of incidents in a log, if one is kept: two or more make a
    course of conduct even when the screening's own "how many times" answer does not say so.
    Raises ``MissingAnswer`` rather than guessing when a visible sign is unanswered.
    """
    bank = questions.BANK if bank is None else bank
    rules = rule_set(rules_version)
    serious = rules.serious_signs
    kept = prune(answers, bank=bank)
    signs: list[SignPresent] = []
    unknowns: list[int] = []
    asked: list[SignAsked] = []
    for q in visible_questions(kept, bank=bank):
        if q.number is None:
            continue
        value = kept.get(q.slug, {}).get(ANSWER_FIELD)
        if not isinstance(value, str) or value not in _VALID_ANSWERS:
            raise MissingAnswer(q.slug)
        asked.append(SignAsked(q.number, q.slug, q.short_name, q.title, q.canonical, value))
        if value == YES:
            signs.append(
                SignPresent(
                    number=q.number,
                    slug=q.slug,
                    short_name=q.short_name,
                    reason=q.reason,
                    serious=q.number in serious,
                )
            )
        elif value == DONT_KNOW:
            unknowns.append(q.number)

    yes = frozenset(sign.number for sign in signs)
    matched = [rule for rule in rules.rules if rule.applies(yes)]
    level = max((rule.level for rule in matched), key=level_rank)
    facts = _Facts(
        answers=kept,
        yes=yes,
        repeated=is_repeated(kept) or incident_count >= 2,
        # "None of these" is an answer, not a behaviour.
        behaviours=tuple(
            value
            for value in _ticked(kept.get(BEHAVIOURS_SLUG, {}).get(BEHAVIOURS_FIELD))
            if value != NO_BEHAVIOURS
        ),
    )
    return Result(
        level=level,
        signs=tuple(signs),
        unknowns=tuple(unknowns),
        flags=tuple(rule.flag for rule in rules.flags if rule.applies(facts)),
        level_reasons=tuple(rule.reason for rule in matched if rule.level is level),
        yes_count=len(signs),
        bank_version=getattr(bank, "version", questions.BANK.version),
        rules_version=rules.version,
        asked=tuple(asked),
    )


# --- Keeping a result ------------------------------------------------------------------------


class InvalidSnapshot(ValueError):
    """A kept result that does not have the shape ``to_primitives`` gives."""


def to_primitives(result: Result) -> dict:
    """The result as plain values (str, int, bool, lists and dicts), for storing."""
    return {
        "level": str(result.level),
        "level_reasons": list(result.level_reasons),
        "yes_count": result.yes_count,
        "bank_version": result.bank_version,
        "rules_version": result.rules_version,
        "signs": [
            {
                "number": s.number,
                "slug": s.slug,
                "short_name": s.short_name,
                "reason": s.reason,
                "serious": s.serious,
            }
            for s in result.signs
        ],
        "unknowns": list(result.unknowns),
        "flags": [
            {"code": f.code, "title": f.title, "explanation": f.explanation} for f in result.flags
        ],
        "asked": [
            {
                "number": a.number,
                "slug": a.slug,
                "short_name": a.short_name,
                "title": a.title,
                "canonical": a.canonical,
                "answer": a.answer,
            }
            for a in result.asked
        ],
    }


def from_primitives(data: object) -> Result:
    """A result kept by ``to_primitives``, exactly as it was; ``InvalidSnapshot`` otherwise.

    Nothing here consults the rules or the bank in use now: a kept result is read, never
    worked out again."""
    try:
        if not isinstance(data, Mapping):
            raise TypeError
        return Result(
            level=Level(data["level"]),
            signs=tuple(
                SignPresent(
                    number=int(s["number"]),
                    slug=str(s["slug"]),
                    short_name=str(s["short_name"]),
                    reason=str(s["reason"]),
                    serious=bool(s["serious"]),
                )
                for s in data["signs"]
            ),
            unknowns=tuple(int(n) for n in data["unknowns"]),
            flags=tuple(
                ContextFlag(str(f["code"]), str(f["title"]), str(f["explanation"]))
                for f in data["flags"]
            ),
            level_reasons=tuple(str(reason) for reason in data["level_reasons"]),
            yes_count=int(data["yes_count"]),
            bank_version=str(data["bank_version"]),
            rules_version=str(data["rules_version"]),
            asked=tuple(
                SignAsked(
                    number=int(a["number"]),
                    slug=str(a["slug"]),
                    short_name=str(a["short_name"]),
                    title=str(a["title"]),
                    canonical=str(a["canonical"]),
                    answer=str(a["answer"]),
                )
                for a in data["asked"]
            ),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidSnapshot("a kept result is not in the expected shape") from error

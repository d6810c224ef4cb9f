"""The pattern in an incident log: what an officer needs to see that single incidents hide.

Police inspectors have found officers treating stalking incidents one at a time and missing the
course of conduct. ``pattern(incidents)`` reads the whole log and returns the counts and the
escalation signals helplines and guidance point to, each as a flag with a plain reason built from
the log itself. Every rule is here, with why it matters, so the whole set can be reviewed at once.

The rules (see also docs/incident-log.md):

- **Course of conduct**: two or more incidents. In law (Protection from Harassment Act 1997) a
  course of conduct means conduct on at least two occasions, whether or not each was reported.
- **More than three visits in seven days**: four or more incidents in any seven consecutive days
  (a day and the six after it) where the person doing this was physically there. This mirrors
  warning sign 4 ("turned up ... more than three times per week"). The behaviours that count as
  a visit are those the question bank marks with ``Role.VISIT``: following, waiting for,
  approaching, confronting and coming to the home, the ways of turning up in person. Watching
  or spying is left out because it can be done from a distance or through a camera, and
  contact through other people is left out because the person doing this was not there
  themselves. One incident counts as one visit however many
  of these behaviours it records; two incidents on one day count as two visits.
- **First threat**: the first incident, in date order, that records threats. Threats are one of
  the serious warning signs (sign 6), and the first one marks a change in what is happening.
- **Third parties drawn in**: any incident that records contact through friends, family or
  colleagues, or getting other people to watch, follow or contact the person (proxy stalking).
  This matches warning signs 7 and 9.
- **Fear of violence on two or more occasions**: two or more incidents where the person feared
  violence would be used against them (s.4A(1)(b)(i)).
- **Effect on day-to-day life**: any incident that records a change to daily life, the serious
  alarm or distress with a substantial adverse effect in s.4A(1)(b)(ii).
- **Rising frequency**: counted in ISO weeks (Monday to Sunday). The log must cover at least four
  weeks, from the week of the first incident to the latest week (the current week, when ``today``
  is given). The rate is rising when the latest two weeks hold more incidents than the two weeks
  before them, and at least two. Four weeks is the shortest stretch that compares like with like;
  two weeks either side smooths out a single busy week; and "at least two" stops one new incident
  after a quiet spell from being called a rising rate.

Pure Python: no Django. Titles and reasons are wrapped in ``_()`` and hold ``%(name)s``
placeholders; ``PatternFlag.params`` gives the values (numbers and dates), formatted and
translated where shown.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from screening import questions
from screening.incidents import FEARED_YES, Incident, in_date_order
from screening.markers import _
from screening.questions import Role

COURSE_OF_CONDUCT_MINIMUM = 2
VISIT_WINDOW_DAYS = 7
#: "More than three times per week": the fourth visit in a window raises the flag.
VISITS_MORE_THAN = 3
FEAR_OCCASIONS_MINIMUM = 2
RISING_WEEKS_COMPARED = 2
RISING_MINIMUM_WEEKS = 2 * RISING_WEEKS_COMPARED
RISING_MINIMUM_RECENT = 2


COURSE_OF_CONDUCT = "course_of_conduct"
VISITS = "visits"
FIRST_THREAT = "first_threat"
THIRD_PARTIES = "third_parties"
FEARED_VIOLENCE = "feared_violence"
DAILY_LIFE = "daily_life"
RISING = "rising"


@dataclass(frozen=True)
class PatternFlag:
    """A signal in the log. ``title`` and ``reason`` are untranslated text with ``%(name)s``
    placeholders filled from ``params`` (ints and dates).

    ``title`` and ``reason`` speak to the person keeping the log ("you"). Where that differs,
    ``title_for_others`` and ``reason_for_others`` say the same to someone else reading it
    (an advocate, or an officer reading the PDF); empty means the wording is the same.
    """

    code: str
    title: str
    reason: str
    params: tuple[tuple[str, int | date], ...] = ()
    title_for_others: str = ""
    reason_for_others: str = ""
    #: For the police summary, which names the Protection from Harassment Act 1997 once and
    #: then refers to its sections briefly ("s.4A(1)(b)(i)"). Empty: ``reason_for_others``.
    reason_for_police: str = ""

    def wording(self, *, for_others: bool, for_police: bool = False) -> tuple[str, str]:
        """(title, reason), untranslated, for the person, for someone else, or for the police
        summary (``for_police``, which is for others too)."""
        if for_police and self.reason_for_police:
            return self.title_for_others or self.title, self.reason_for_police
        if for_others or for_police:
            return self.title_for_others or self.title, self.reason_for_others or self.reason
        return self.title, self.reason


@dataclass(frozen=True)
class Week:
    """One ISO week (Monday to Sunday) and the number of incidents in it."""

    starts: date
    count: int

    @property
    def ends(self) -> date:
        return self.starts + timedelta(days=6)


@dataclass(frozen=True)
class Pattern:
    count: int
    first: date | None
    last: date | None
    weeks: tuple[Week, ...]
    flags: tuple[PatternFlag, ...]
    first_threat: Incident | None = None

    @property
    def span_days(self) -> int:
        """Days from the first incident to the last, counting both (0 for an empty log)."""
        if self.first is None or self.last is None:
            return 0
        return (self.last - self.first).days + 1

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(flag.code for flag in self.flags)

    def flag(self, code: str) -> PatternFlag | None:
        return next((flag for flag in self.flags if flag.code == code), None)


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def plays(incident: Incident, role: Role) -> bool:
    """Whether the incident records a behaviour that the bank says plays ``role``."""
    return not questions.BANK.behaviours_playing(role).isdisjoint(incident.behaviours)


def weekly_counts(incidents: Sequence[Incident], *, today: date | None = None) -> tuple[Week, ...]:
    """Incidents per ISO week, every week from the first incident's to the last incident's (or
    ``today``'s, if later), including weeks with none."""
    if not incidents:
        return ()
    days = [incident.occurred_on for incident in incidents]
    start = week_start(min(days))
    end = week_start(max([*days, today] if today else days))
    counts: dict[date, int] = {}
    for day in days:
        counts[week_start(day)] = counts.get(week_start(day), 0) + 1
    weeks = []
    monday = start
    while monday <= end:
        weeks.append(Week(starts=monday, count=counts.get(monday, 0)))
        monday += timedelta(days=7)
    return tuple(weeks)


def busiest_visit_window(incidents: Sequence[Incident]) -> tuple[date | None, int]:
    """The earliest seven-day window with the most visits, as (its first day, how many visits).

    Only windows that start on a day with a visit need checking: sliding a window's start
    forward to its first visit never loses one. ``(None, 0)`` when there are no visits.
    """
    days = sorted(i.occurred_on for i in incidents if plays(i, Role.VISIT))
    best_start, best = None, 0
    for index, first in enumerate(days):
        last_day = first + timedelta(days=VISIT_WINDOW_DAYS - 1)
        count = sum(1 for day in days[index:] if day <= last_day)
        if count > best:
            best_start, best = first, count
    return best_start, best


def _course_of_conduct(ordered: tuple[Incident, ...]) -> PatternFlag | None:
    if len(ordered) < COURSE_OF_CONDUCT_MINIMUM:
        return None
    return PatternFlag(
        COURSE_OF_CONDUCT,
        title=_("A course of conduct"),
        reason=_(
            "There are %(count)s incidents between %(first)s and %(last)s. In law, two or more "
            "incidents can be a course of conduct, even if they were not reported at the time."
        ),
        reason_for_police=_(
            "There are %(count)s incidents between %(first)s and %(last)s. Conduct on at least "
            "two occasions can be a course of conduct (s.7(3)), reported at the time or not."
        ),
        params=(
            ("count", len(ordered)),
            ("first", ordered[0].occurred_on),
            ("last", ordered[-1].occurred_on),
        ),
    )


def _visits(ordered: tuple[Incident, ...]) -> PatternFlag | None:
    start, count = busiest_visit_window(ordered)
    if start is None or count <= VISITS_MORE_THAN:
        return None
    return PatternFlag(
        VISITS,
        title=_("Turned up more than three times in a week"),
        reason=_(
            "They turned up in person %(count)s times in the 7 days from %(first)s to %(last)s. "
            "This matches warning sign 4."
        ),
        params=(
            ("count", count),
            ("first", start),
            ("last", start + timedelta(days=VISIT_WINDOW_DAYS - 1)),
        ),
    )


def first_threat(ordered: tuple[Incident, ...]) -> Incident | None:
    return next((i for i in ordered if plays(i, Role.THREAT)), None)


def _first_threat(threat: Incident | None) -> PatternFlag | None:
    if threat is None:
        return None
    return PatternFlag(
        FIRST_THREAT,
        title=_("Threats"),
        reason=_(
            "The first threat in this record was on %(first)s. Threats are a serious warning "
            "sign, and the police should know about every one."
        ),
        params=(("first", threat.occurred_on),),
    )


def _third_parties(ordered: tuple[Incident, ...]) -> PatternFlag | None:
    involved = [i for i in ordered if plays(i, Role.THIRD_PARTY)]
    if not involved:
        return None
    return PatternFlag(
        THIRD_PARTIES,
        title=_("Other people drawn in"),
        reason=_(
            "In %(count)s incidents, from %(first)s, they used other people to reach or watch "
            "you. This matches warning signs 7 and 9, and can put those people at risk too."
        ),
        reason_for_others=_(
            "In %(count)s incidents, from %(first)s, they used other people to reach or watch "
            "the person being stalked. This matches warning signs 7 and 9, and can put those "
            "people at risk too."
        ),
        params=(("count", len(involved)), ("first", involved[0].occurred_on)),
    )


def _feared_violence(ordered: tuple[Incident, ...]) -> PatternFlag | None:
    feared = [i for i in ordered if i.feared_violence == FEARED_YES]
    if len(feared) < FEAR_OCCASIONS_MINIMUM:
        return None
    return PatternFlag(
        FEARED_VIOLENCE,
        title=_("Fear of violence on more than one occasion"),
        reason=_(
            "You feared violence would be used against you in %(count)s incidents. In law, "
            "causing fear of violence on at least two occasions is a serious form of stalking."
        ),
        reason_for_others=_(
            "The person being stalked feared violence would be used against them in %(count)s "
            "incidents. In law, causing fear of violence on at least two occasions is a serious "
            "form of stalking."
        ),
        reason_for_police=_(
            "The person being stalked feared violence would be used against them in %(count)s "
            "incidents: fear of violence on at least two occasions (s.4A(1)(b)(i))."
        ),
        params=(("count", len(feared)),),
    )


def _daily_life(ordered: tuple[Incident, ...]) -> PatternFlag | None:
    affected = [i for i in ordered if i.daily_life_effects]
    if not affected:
        return None
    return PatternFlag(
        DAILY_LIFE,
        title=_("An effect on your day-to-day life"),
        reason=_(
            "In %(count)s incidents you recorded how this has affected your daily life. In law, "
            "serious alarm or distress that has a substantial effect on day-to-day life is a "
            "serious form of stalking."
        ),
        title_for_others=_("An effect on their day-to-day life"),
        reason_for_others=_(
            "In %(count)s incidents the record says how this has affected the daily life of the "
            "person being stalked. In law, serious alarm or distress that has a substantial "
            "effect on day-to-day life is a serious form of stalking."
        ),
        reason_for_police=_(
            "In %(count)s incidents the record says how this affected the daily life of the "
            "person being stalked: serious alarm or distress with a substantial adverse effect "
            "on usual day-to-day activities (s.4A(1)(b)(ii))."
        ),
        params=(("count", len(affected)),),
    )


def _rising(weeks: tuple[Week, ...]) -> PatternFlag | None:
    if len(weeks) < RISING_MINIMUM_WEEKS:
        return None
    recent = sum(week.count for week in weeks[-RISING_WEEKS_COMPARED:])
    before = sum(week.count for week in weeks[-2 * RISING_WEEKS_COMPARED : -RISING_WEEKS_COMPARED])
    if recent <= before or recent < RISING_MINIMUM_RECENT:
        return None
    return PatternFlag(
        RISING,
        title=_("Happening more often"),
        reason=_(
            "There were %(recent)s incidents in the last two weeks, compared with %(before)s in "
            "the two weeks before. Tell the police or your adviser if it is happening more often."
        ),
        reason_for_others=_(
            "There were %(recent)s incidents in the last two weeks, compared with %(before)s in "
            "the two weeks before. Stalking that is happening more often can mean the risk is "
            "rising."
        ),
        params=(("recent", recent), ("before", before)),
    )


def pattern(incidents: Sequence[Incident], *, today: date | None = None) -> Pattern:
    """Count the incidents and find the escalation signals, in a fixed order.

    ``today`` extends the weekly counts to the current week, so a log whose incidents have
    stopped does not look as if they are still rising.
    """
    ordered = in_date_order(incidents)
    weeks = weekly_counts(ordered, today=today)
    threat = first_threat(ordered)
    found = (
        _course_of_conduct(ordered),
        _visits(ordered),
        _first_threat(threat),
        _third_parties(ordered),
        _feared_violence(ordered),
        _daily_life(ordered),
        _rising(weeks),
    )
    return Pattern(
        count=len(ordered),
        first=ordered[0].occurred_on if ordered else None,
        last=ordered[-1].occurred_on if ordered else None,
        weeks=weeks,
        flags=tuple(flag for flag in found if flag is not None),
        first_threat=threat,
    )

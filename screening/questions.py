"""The question bank: every page of the screening, held as data.

Adding or changing a question means editing this module (and its tests) only: one URL shape,
one view, one form builder and one template serve every page, driven by these records.

The twelve warning signs are the police stalking risk checklist used in England and Wales.
Officers recognise it by its wording, so each sign keeps the checklist's exact words in
``canonical`` (shown to advocates and police) beside a plain second-person ``title`` with the
same meaning (shown to people screening themselves). Neither may soften the question.

Slugs appear in URLs on a phone the person doing this may see, so they are short, neutral words
that do not say what the page asks about.

Text shown to people is wrapped in ``_()`` so it can be translated where it is displayed.
Titles and labels may contain ``{name}``: the presentation layer fills it with
``name_for(answers, default=gettext("this person"))``.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import overload

from screening.markers import _

#: 2026-11.2: neutral titles, "None of these", "getting worse", hints that fit each question.
BANK_VERSION = "2026-11.2"

YES = "yes"
NO = "no"
DONT_KNOW = "dont_know"

ANSWER_FIELD = "answer"
DETAILS_FIELD = "details"

#: Answers keyed by page slug, then by field name, holding primitive values only (a str, or a
#: tuple or list of str for checkboxes). A slug present means that page has been answered.
Answers = Mapping[str, Mapping[str, object]]


class Section(StrEnum):
    ABOUT = "about"
    SIGNS = "signs"
    BEHAVIOURS = "behaviours"


class Role(StrEnum):
    """What a behaviour choice means to the incident log's pattern rules (``timeline``).

    The rules ask the bank which behaviours play a role instead of naming behaviours, so a new
    behaviour only needs its roles declared here. The bank's checks make sure every role has at
    least one behaviour, so no rule can silently stop matching."""

    VISIT = "visit"  # the person doing this was there in person
    THREAT = "threat"
    THIRD_PARTY = "third_party"  # other people used to reach or watch the person
    VIOLENCE = "violence"


class FieldKind(StrEnum):
    TEXT = "text"
    TEXTAREA = "textarea"
    RADIOS = "radios"
    CHECKBOXES = "checkboxes"


@dataclass(frozen=True)
class Choice:
    """One option of a radios or checkboxes field.

    ``group`` and ``act`` are used by behaviours only: the display group, and the example
    stalking act in s.2A(3) of the Protection from Harassment Act 1997 that the behaviour is an
    instance of ("" where the Act gives no example, such as violence), so a police summary can
    name the law.
    """

    value: str
    label: str
    hint: str = ""
    group: str = ""
    act: str = ""
    roles: frozenset[Role] = frozenset()
    #: Checkboxes only: "None of these", which cannot be chosen with any other choice.
    exclusive: bool = False


@dataclass(frozen=True)
class Field:
    """One form field on a page.

    ``reveal_for`` makes this a conditional follow-up shown under the parent choice field
    ``reveal_for[0]`` when it has the value ``reveal_for[1]`` (for checkboxes: when the value is
    ticked). Its answer must be dropped when the condition no longer holds, so stale text never
    reaches a summary. ``required`` then means "required when revealed".
    """

    name: str
    kind: FieldKind
    label: str
    hint: str = ""
    choices: tuple[Choice, ...] = ()
    required: bool = False
    required_error: str = ""
    max_length: int | None = None
    too_long_error: str = ""
    reveal_for: tuple[str, str] | None = None
    autocomplete_off: bool = True
    #: The error when an ``exclusive`` choice is chosen with another.
    exclusive_error: str = ""


@dataclass(frozen=True)
class Question:
    """One page of the journey.

    ``shown_if`` is a branch predicate; ``None`` means always shown. It is called with the
    answers to the pages before this one only, so branches never depend on later pages.
    """

    slug: str
    section: Section
    title: str
    fields: tuple[Field, ...]
    hint: str = ""
    number: int | None = None
    short_name: str = ""
    canonical: str = ""
    reason: str = ""
    shown_if: Callable[[Answers], bool] | None = None

    def field(self, name: str) -> Field:
        """Return the field called ``name``; ``KeyError`` if this page has none."""
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)


# --- The page about the person doing this --------------------------------------------------
# One page on purpose: the whole journey has to stay within 18 page loads.

ABOUT_SLUG = "about-them"

EX_PARTNER = "ex_partner"
KNOWN = "known"
STRANGER = "stranger"

_ABOUT = Question(
    slug=ABOUT_SLUG,
    section=Section.ABOUT,
    # Titles sit in browser history, so they say nothing about what the page asks.
    title=_("About them"),
    hint=_("Answer as best you can. You can change your answers before you see the results."),
    fields=(
        Field(
            name="name",
            kind=FieldKind.TEXT,
            label=_("What do you call them?"),
            hint=_(
                "This can be a name, a nickname or a description, and it can be more than one "
                "person. If you leave this blank, we will say “this person”."
            ),
            max_length=100,
            too_long_error=_("What you call them must be 100 characters or fewer"),
        ),
        Field(
            name="relationship",
            kind=FieldKind.RADIOS,
            label=_("Who are they to you?"),
            choices=(
                Choice(
                    value=EX_PARTNER,
                    label=_("An ex-partner"),
                    hint=_("Someone you were married to, lived with, dated or were close to"),
                ),
                Choice(
                    value=KNOWN,
                    label=_("Someone I know"),
                    hint=_("A family member, friend, colleague, neighbour or acquaintance"),
                ),
                Choice(value=STRANGER, label=_("A stranger")),
                Choice(value=DONT_KNOW, label=_("I do not know who it is")),
            ),
            required=True,
            required_error=_("Select who they are to you"),
        ),
        Field(
            name="known_as",
            kind=FieldKind.RADIOS,
            label=_("How do you know them?"),
            choices=(
                Choice(value="family", label=_("A family member")),
                Choice(value="friend", label=_("A friend")),
                Choice(value="colleague", label=_("A colleague")),
                Choice(value="neighbour", label=_("A neighbour")),
                Choice(value="acquaintance", label=_("An acquaintance")),
                Choice(value="other", label=_("In another way")),
            ),
            required=True,
            required_error=_("Select how you know them"),
            reveal_for=("relationship", KNOWN),
        ),
        Field(
            name="how_often",
            kind=FieldKind.RADIOS,
            label=_("How many times has this happened?"),
            hint=_("Count every time, including times you did not report."),
            choices=(
                Choice(value="once", label=_("Once")),
                Choice(value="two_to_five", label=_("2 to 5 times")),
                Choice(value="more_than_five", label=_("More than 5 times")),
                Choice(value=DONT_KNOW, label=_("I’m not sure")),
            ),
            required=True,
            required_error=_("Select how many times this has happened"),
        ),
        Field(
            name="since",
            kind=FieldKind.RADIOS,
            label=_("When did it start?"),
            choices=(
                Choice(value="under_month", label=_("In the last month")),
                Choice(value="one_to_six_months", label=_("1 to 6 months ago")),
                Choice(value="six_to_twelve_months", label=_("6 to 12 months ago")),
                Choice(value="over_year", label=_("More than a year ago")),
                Choice(value=DONT_KNOW, label=_("I’m not sure")),
            ),
            required=True,
            required_error=_("Select when it started"),
        ),
    ),
)


# --- The twelve warning signs ----------------------------------------------------------------

DETAILS_HINT = _(
    "You can add when and where it happened, what was said or done, and anyone who saw it."
)
#: For questions about what someone knows of the other person, not about an event.
WHAT_YOU_KNOW_HINT = _("You can add what you know and how you know it.")

_SIGN_CHOICES = (
    Choice(value=YES, label=_("Yes")),
    Choice(value=NO, label=_("No")),
    Choice(value=DONT_KNOW, label=_("Don't know")),
)


def _sign(
    *,
    number: int,
    slug: str,
    short_name: str,
    canonical: str,
    title: str,
    reason: str,
    hint: str = "",
    details_hint: str = "",
) -> Question:
    """Build a warning-sign page: every sign asks the same Yes / No / Don't know question
    with optional details, because the checklist forms say context is crucial.
    ``details_hint`` suggests what to write where the general hint does not fit."""
    return Question(
        slug=slug,
        section=Section.SIGNS,
        title=title,
        hint=hint,
        number=number,
        short_name=short_name,
        canonical=canonical,
        reason=reason,
        fields=(
            Field(
                name=ANSWER_FIELD,
                kind=FieldKind.RADIOS,
                label=title,
                choices=_SIGN_CHOICES,
                required=True,
                required_error=_("Select yes, no or don’t know"),
            ),
            Field(
                name=DETAILS_FIELD,
                kind=FieldKind.TEXTAREA,
                label=_("Details (optional)"),
                hint=details_hint or DETAILS_HINT,
                max_length=1000,
                too_long_error=_("Details must be 1000 characters or fewer"),
            ),
        ),
    )


_SIGNS = (
    _sign(
        number=1,
        slug="feelings",
        short_name=_("very frightened"),
        canonical=_("Is the victim very frightened?"),
        title=_("Are you very frightened?"),
        hint=_("Answer from how you feel. Your own sense of fear matters and is taken seriously."),
        details_hint=_(
            "You can add what makes you afraid, and how it is affecting you and your daily life."
        ),
        reason=_(
            "Fear was the sign most strongly linked with serious violence in the research "
            "behind this checklist."
        ),
    ),
    _sign(
        number=2,
        slug="background",
        short_name=_("history of domestic abuse or harassment"),
        canonical=_("Is there a history of domestic abuse or harassment?"),
        title=_("Is there a history of domestic abuse or harassment?"),
        hint=_(
            "This includes abuse or harassment by them towards you or anyone else, now or in "
            "the past. Domestic abuse is not only physical: it can be controlling, threatening, "
            "emotional, sexual or financial."
        ),
        details_hint=_("You can add what happened, when, and who it happened to."),
        reason=_(
            "A history of domestic abuse or harassment is linked with a higher risk of "
            "serious harm."
        ),
    ),
    _sign(
        number=3,
        slug="belongings",
        short_name=_("property destroyed or vandalised"),
        canonical=_("Has {name} destroyed or vandalised any property?"),
        title=_("Has {name} destroyed or vandalised any property?"),
        hint=_(
            "For example, your home, car, phone or belongings, or things that belong to people "
            "close to you."
        ),
        reason=_(
            "Damaging property is a way to frighten and control someone, and can come before "
            "violence towards people."
        ),
    ),
    _sign(
        number=4,
        slug="visits",
        short_name=_("turned up more than three times a week"),
        canonical=_(
            "Has {name} turned up unannounced or uninvited more than three times per week?"
        ),
        title=_("Has {name} turned up unannounced or uninvited more than three times a week?"),
        hint=_("For example, at your home, your work or places you go."),
        reason=_(
            "Turning up again and again shows fixation and means the person doing this is "
            "physically close."
        ),
    ),
    _sign(
        number=5,
        slug="places",
        short_name=_("followed or loitered"),
        canonical=_("Has {name} followed the victim or loitered around their home, workplace etc?"),
        title=_("Has {name} followed you or loitered around your home, workplace or elsewhere?"),
        hint=_(
            "This includes waiting or hanging around near places you go, even without speaking "
            "to you."
        ),
        reason=_(
            "Following or loitering shows the person doing this is tracking someone’s "
            "movements and can get close to them."
        ),
    ),
    _sign(
        number=6,
        slug="statements",
        short_name=_("threats of violence"),
        canonical=_("Has {name} made any threats of physical or sexual violence?"),
        title=_("Has {name} made any threats of physical or sexual violence?"),
        hint=_(
            "Threats can be spoken, written, sent online or passed on through someone else. "
            "They may be about you or about people close to you."
        ),
        reason=_(
            "Threats of physical or sexual violence are among the strongest warning signs, most "
            "of all from an ex-partner."
        ),
    ),
    _sign(
        number=7,
        slug="other-people",
        short_name=_("harassed third parties"),
        canonical=_(
            "Has {name} harassed any third party since the harassment began? "
            "(e.g. friends, colleagues, partners, neighbours)"
        ),
        title=_("Has {name} harassed anyone else since the harassment began?"),
        hint=_(
            "Anyone else counts: for example your friends, family, colleagues, a partner or "
            "neighbours."
        ),
        reason=_(
            "Harassing other people shows the behaviour is spreading, and puts more people at risk."
        ),
    ),
    _sign(
        number=8,
        slug="conduct",
        short_name=_("violent towards others"),
        canonical=_(
            "Has {name} acted out violently towards anyone else within the stalking incident?"
        ),
        title=_("Has {name} been violent towards anyone else as part of the stalking?"),
        hint=_(
            "For example, towards a new partner, a friend, a family member, a colleague or "
            "someone who tried to help you."
        ),
        reason=_(
            "Someone who has already been violent during the stalking has shown they are "
            "willing to use violence."
        ),
    ),
    _sign(
        number=9,
        slug="helpers",
        short_name=_("engaged other people to help"),
        canonical=_("Has {name} engaged other people to help him/her? (wittingly or unwittingly)"),
        title=_(
            "Has {name} got other people to help them, whether or not those people knew what "
            "they were doing?"
        ),
        hint=_(
            "For example, asking friends or family to pass on messages, find out where you are "
            "or watch you."
        ),
        reason=_(
            "Using other people extends the reach of the stalking and can put those people at "
            "risk too."
        ),
    ),
    _sign(
        number=10,
        slug="wellbeing",
        short_name=_("drugs, alcohol or mental health problems"),
        canonical=_(
            "Has {name} had problems in the past year with drugs (prescription or other), "
            "alcohol or mental health leading to problems in leading a normal life?"
        ),
        title=_(
            "In the past year, has {name} had problems with drugs (prescription or other), "
            "alcohol or mental health that made it hard for them to lead a normal life?"
        ),
        hint=_("If you are not sure, select “Don't know”."),
        details_hint=WHAT_YOU_KNOW_HINT,
        reason=_(
            "Recent problems with drugs, alcohol or mental health are linked with a higher risk "
            "of harm in stalking cases."
        ),
    ),
    _sign(
        number=11,
        slug="crisis",
        short_name=_("threatened or attempted suicide"),
        canonical=_("Has {name} ever threatened or attempted suicide?"),
        title=_("Has {name} ever threatened or attempted suicide?"),
        hint=_("If you are not sure, select “Don't know”."),
        details_hint=WHAT_YOU_KNOW_HINT,
        reason=_(
            "Threatening or attempting suicide is linked with a higher risk of serious violence, "
            "including towards others."
        ),
    ),
    _sign(
        number=12,
        slug="record",
        short_name=_("trouble with the police or criminal history"),
        canonical=_(
            "Do you know if {name} has ever been in trouble with the police or has a criminal "
            "history for violence or anything else?"
        ),
        title=_(
            "Do you know if {name} has ever been in trouble with the police or has a criminal "
            "history for violence or anything else?"
        ),
        hint=_(
            "This includes arrests, cautions, convictions and court orders, such as a "
            "restraining order. If you are not sure, select “Don't know”."
        ),
        details_hint=WHAT_YOU_KNOW_HINT,
        reason=_(
            "A history of offending, especially violence, is linked with a higher risk of harm."
        ),
    ),
)


# --- Behaviours ------------------------------------------------------------------------------
# Three groups come from the police page; online monitoring and contact through other people
# are added because trackers, spyware and proxies are now common and easy to miss.

BEHAVIOURS_SLUG = "behaviours"
BEHAVIOURS_FIELD = "behaviours"
OTHER_BEHAVIOUR = "other"
#: "None of these": a real answer on the behaviours page, never a behaviour (the incident log
#: does not offer it, and scoring does not count it).
NO_BEHAVIOURS = "none"
#: Whether it is happening more often or getting worse: context for the results and the
#: police, never a thirteenth warning sign and never counted by scoring.
WORSE_FIELD = "worse"

#: The example stalking acts in s.2A(3) of the Protection from Harassment Act 1997, by letter.
PHA_ACTS: Mapping[str, str] = MappingProxyType(
    {
        "a": _("Following a person"),
        "b": _("Contacting, or attempting to contact, a person by any means"),
        "c": _(
            "Publishing any statement or other material relating to a person, or claiming to "
            "come from them"
        ),
        "d": _(
            "Monitoring a person’s use of the internet, email or any other form of "
            "electronic communication"
        ),
        "e": _("Loitering in any place, public or private"),
        "f": _("Interfering with any property in a person’s possession"),
        "g": _("Watching or spying on a person"),
    }
)

#: (key, label) in display order. Choices with no group (``other``) come after all groups.
BEHAVIOUR_GROUPS: tuple[tuple[str, str], ...] = (
    ("communications", _("Unwanted communications")),
    ("intrusions", _("Unwanted intrusions")),
    ("associated", _("Other actions against you")),
    ("online", _("Online monitoring or tracking")),
    ("through_others", _("Contact through other people")),
)


def _behaviour(
    value: str, label: str, group: str, act: str, hint: str = "", roles: Iterable[Role] = ()
) -> Choice:
    return Choice(value=value, label=label, hint=hint, group=group, act=act, roles=frozenset(roles))


#: The behaviours (the incident log reads them through ``Bank.behaviours``).
BEHAVIOUR_CHOICES = (
    _behaviour("calls", _("Phone calls"), "communications", "b"),
    _behaviour("letters", _("Letters or notes"), "communications", "b"),
    _behaviour("emails", _("Emails"), "communications", "b"),
    _behaviour("texts", _("Text messages"), "communications", "b"),
    _behaviour("social_messages", _("Messages on social media or apps"), "communications", "b"),
    _behaviour(
        "gifts", _("Sending or leaving unwanted gifts or other things"), "communications", "b"
    ),
    _behaviour("graffiti", _("Graffiti"), "communications", "c"),
    _behaviour(
        "posting", _("Posting things about you, or pretending to be you"), "communications", "c"
    ),
    _behaviour("following", _("Following you"), "intrusions", "a", roles=[Role.VISIT]),
    _behaviour("waiting", _("Waiting for you"), "intrusions", "e", roles=[Role.VISIT]),
    _behaviour("spying", _("Watching or spying on you"), "intrusions", "g"),
    _behaviour("approaching", _("Approaching you"), "intrusions", "b", roles=[Role.VISIT]),
    _behaviour(
        "confronting", _("Confronting you or stopping you"), "intrusions", "b", roles=[Role.VISIT]
    ),
    _behaviour("home", _("Coming to your home"), "intrusions", "e", roles=[Role.VISIT]),
    _behaviour(
        "orders", _("Ordering or cancelling goods or services in your name"), "associated", ""
    ),
    _behaviour(
        "complaints",
        _("Making complaints about you to official bodies"),
        "associated",
        "",
        hint=_("For example, to your employer, your landlord, the council or the police"),
    ),
    _behaviour(
        "threats",
        _("Threatening you or people close to you"),
        "associated",
        "",
        roles=[Role.THREAT],
    ),
    _behaviour("damage", _("Damaging your property"), "associated", "f"),
    _behaviour(
        "violence",
        _("Violence towards you or anyone else"),
        "associated",
        "",
        roles=[Role.VIOLENCE],
    ),
    _behaviour("tracking", _("Tracking where you are with a device or app"), "online", "g"),
    _behaviour("reading", _("Reading your messages, emails or accounts"), "online", "d"),
    _behaviour("social_watching", _("Watching what you do on social media"), "online", "d"),
    _behaviour(
        "spyware", _("Putting spyware or hidden apps on your phone or computer"), "online", "d"
    ),
    _behaviour(
        "via_others",
        _("Contacting you through friends, family or colleagues"),
        "through_others",
        "b",
        roles=[Role.THIRD_PARTY],
    ),
    _behaviour(
        "proxies",
        _("Getting other people to watch, follow or contact you"),
        "through_others",
        "g",
        roles=[Role.THIRD_PARTY],
    ),
    _behaviour(OTHER_BEHAVIOUR, _("Something else"), "", ""),
)

_BEHAVIOURS = Question(
    slug=BEHAVIOURS_SLUG,
    section=Section.BEHAVIOURS,
    # The title sits in browser history, so it names nobody and nothing that was done.
    title=_("What has been happening?"),
    hint=_("On their own some of these can seem small. Together they show a pattern."),
    fields=(
        Field(
            name=BEHAVIOURS_FIELD,
            kind=FieldKind.CHECKBOXES,
            label=_("What has {name} done?"),
            hint=_("Select everything {name} has done."),
            choices=(
                *BEHAVIOUR_CHOICES,
                Choice(value=NO_BEHAVIOURS, label=_("None of these"), exclusive=True),
            ),
            exclusive_error=_("Select “None of these” only if none of the others has happened"),
        ),
        Field(
            name="other_details",
            kind=FieldKind.TEXTAREA,
            label=_("What else has {name} done?"),
            max_length=1000,
            too_long_error=_("Details must be 1000 characters or fewer"),
            reveal_for=(BEHAVIOURS_FIELD, OTHER_BEHAVIOUR),
        ),
        Field(
            name=WORSE_FIELD,
            kind=FieldKind.RADIOS,
            label=_("Is it happening more often, or getting worse? (optional)"),
            hint=_("For example, more contact than before, or things that feel more threatening."),
            choices=(
                Choice(value=YES, label=_("Yes")),
                Choice(value=NO, label=_("No")),
                Choice(value=DONT_KNOW, label=_("I’m not sure")),
            ),
        ),
    ),
)


# --- Checks, run when a bank is made, so a broken bank never starts --------------------------

_CHOICE_KINDS = (FieldKind.RADIOS, FieldKind.CHECKBOXES)
_SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _check(bank: Iterable[Question]) -> None:
    """Raise ``ValueError`` if the bank is malformed.

    Cheap structural checks that would otherwise surface as a confusing page or a wrong result:
    duplicate or unsafe slugs, warning signs missing or out of order, required fields without
    an error message, follow-up fields pointing at a parent that cannot reveal them, and a
    pattern role no behaviour plays.
    """
    bank = tuple(bank)
    slugs = [q.slug for q in bank]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise ValueError(f"duplicate slugs: {duplicates}")
    numbers = [q.number for q in bank if q.number is not None]
    if not numbers or numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"warning signs must be numbered from 1 in order: {numbers}")
    for q in bank:
        if not _SLUG_PATTERN.fullmatch(q.slug):
            raise ValueError(f"{q.slug!r} is not a URL-safe slug")
        _check_fields(q)
    if BEHAVIOURS_SLUG not in slugs:
        raise ValueError(f"the bank needs its {BEHAVIOURS_SLUG!r} page")
    behaviours = next(q for q in bank if q.slug == BEHAVIOURS_SLUG).field(BEHAVIOURS_FIELD)
    played = {role for choice in behaviours.choices for role in choice.roles}
    missing = sorted(str(role) for role in Role if role not in played)
    if missing:
        raise ValueError(f"no behaviour plays the pattern roles {missing}")


def _check_fields(q: Question) -> None:
    seen: dict[str, Field] = {}
    for f in q.fields:
        if f.name in seen:
            raise ValueError(f"{q.slug}: duplicate field {f.name!r}")
        if f.required and not f.required_error:
            raise ValueError(f"{q.slug}.{f.name}: required field needs a required_error")
        if (f.kind in _CHOICE_KINDS) != bool(f.choices):
            raise ValueError(f"{q.slug}.{f.name}: only radios and checkboxes have choices")
        if any(c.exclusive for c in f.choices) and not (
            f.kind == FieldKind.CHECKBOXES and f.exclusive_error
        ):
            raise ValueError(f"{q.slug}.{f.name}: an exclusive choice needs checkboxes, an error")
        if f.reveal_for is not None:
            parent_name, value = f.reveal_for
            parent = seen.get(parent_name)
            if parent is None or parent.kind not in _CHOICE_KINDS:
                raise ValueError(
                    f"{q.slug}.{f.name}: reveal_for must name an earlier radios or checkboxes "
                    f"field, not {parent_name!r}"
                )
            if value not in {c.value for c in parent.choices}:
                raise ValueError(f"{q.slug}.{f.name}: {parent_name} has no choice {value!r}")
        seen[f.name] = f


@dataclass(frozen=True, eq=False)
class Bank(Sequence[Question]):
    """One version of the question bank: its pages in order, checked when it is made.

    It is a sequence of ``Question`` (``flow`` walks it) that also knows its version, its
    warning signs and its behaviours. Every result names the bank version it was answered on.
    """

    version: str
    questions: tuple[Question, ...]

    def __post_init__(self) -> None:
        _check(self.questions)

    @overload
    def __getitem__(self, index: int) -> Question: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Question, ...]: ...

    def __getitem__(self, index: int | slice) -> Question | tuple[Question, ...]:
        return self.questions[index]

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    @cached_property
    def by_slug(self) -> Mapping[str, Question]:
        return MappingProxyType({q.slug: q for q in self.questions})

    @cached_property
    def warning_signs(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.number is not None)

    @cached_property
    def sign_numbers(self) -> frozenset[int]:
        return frozenset(q.number for q in self.warning_signs if q.number is not None)

    def sign(self, number: int) -> Question:
        """The warning sign numbered ``number``; ``KeyError`` if there is none."""
        for q in self.warning_signs:
            if q.number == number:
                return q
        raise KeyError(number)

    @cached_property
    def behaviours(self) -> Mapping[str, Choice]:
        """The behaviours by value, each with its group, s.2A(3) act and roles. "None of
        these" (an exclusive choice) is an answer on the page, not a behaviour."""
        field = self.by_slug[BEHAVIOURS_SLUG].field(BEHAVIOURS_FIELD)
        return MappingProxyType({c.value: c for c in field.choices if not c.exclusive})

    def behaviours_playing(self, role: Role) -> frozenset[str]:
        return frozenset(value for value, c in self.behaviours.items() if role in c.roles)


#: The bank in use. Code reads ``questions.BANK`` when it runs (never a copy taken at import),
#: so a test can put another bank in its place.
BANK = Bank(BANK_VERSION, (_ABOUT, *_SIGNS, _BEHAVIOURS))


def question(slug: str) -> Question:
    """Return the page with this slug; ``KeyError`` if there is none (the view's 404)."""
    return BANK.by_slug[slug]


# --- Context predicates, shared by flow, check-your-answers and scoring ---------------------


def _about(answers: Answers, field_name: str) -> object:
    return answers.get(ABOUT_SLUG, {}).get(field_name)


def name_for(answers: Answers, *, default: str) -> str:
    """What to call the person doing this: their trimmed name, or ``default`` (the caller
    passes a translated "this person", so this module needs no translation machinery)."""
    name = _about(answers, "name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    return default


def is_ex_partner(answers: Answers) -> bool:
    """Ex-partners who make threats are the highest-risk group, so scoring asks this."""
    return _about(answers, "relationship") == EX_PARTNER


def knows_them(answers: Answers) -> bool:
    """True when the person is an ex-partner or someone else they know."""
    return _about(answers, "relationship") in (EX_PARTNER, KNOWN)


def behaviours_described(answers: Answers) -> tuple[str, ...]:
    """The behaviours ticked on the behaviours page; "None of these" is not one."""
    ticked = answers.get(BEHAVIOURS_SLUG, {}).get(BEHAVIOURS_FIELD) or ()
    values: tuple[object, ...]
    if isinstance(ticked, str):
        values = (ticked,)
    elif isinstance(ticked, list | tuple):
        values = tuple(ticked)
    else:
        values = ()
    return tuple(value for value in values if isinstance(value, str) and value != NO_BEHAVIOURS)


def is_getting_worse(answers: Answers) -> bool:
    """Said to be happening more often or getting worse: context, never a warning sign."""
    return answers.get(BEHAVIOURS_SLUG, {}).get(WORSE_FIELD) == YES


def is_repeated(answers: Answers) -> bool:
    """Two or more incidents: in law, a course of conduct."""
    return _about(answers, "how_often") in ("two_to_five", "more_than_five")

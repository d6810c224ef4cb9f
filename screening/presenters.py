"""What check-your-answers, the results page and the PDF show, built once.

Each summary is made from the same rows, so the three can never disagree
about what someone answered. Text comes out plain (templates escape it) and
translated, with the person's name put in.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext

from screening import questions, scoring
from screening.markers import _
from screening.questions import ANSWER_FIELD, DETAILS_FIELD, FieldKind, Section


@dataclass(frozen=True)
class Row:
    """One answer: a key, the answer as lines, and any details given with it."""

    key: str
    lines: tuple[str, ...]
    slug: str
    details: str = ""
    number: int | None = None
    change_url: str = ""
    #: A warning sign's checklist wording in English, when the page is in another language:
    #: officers recognise the checklist by its own words.
    canonical_english: str = ""


@dataclass(frozen=True)
class Group:
    title: str
    rows: tuple[Row, ...]


#: The checklist's own language.
ENGLISH = "en-gb"


def display_name(answers: questions.Answers) -> str:
    return questions.name_for(answers, default=gettext("this person"))


def police_name(answers: questions.Answers) -> str:
    return questions.name_for(answers, default=gettext("(name not given)"))


def fill(text: str, name: str) -> str:
    return gettext(text).replace("{name}", name) if text else ""


def yes_sign_choices(
    answers: questions.Answers, *, name: str, canonical: bool = False
) -> tuple[tuple[int, str], ...]:
    """(number, wording) for each warning sign answered "Yes": the question as the person saw
    it, or (``canonical``) in the checklist's own wording."""
    return tuple(
        (sign.number, fill(sign.canonical if canonical else sign.title, name))
        for sign in questions.BANK.warning_signs
        if answers.get(sign.slug, {}).get(ANSWER_FIELD) == questions.YES
    )


def _choice_labels(spec: questions.Field, value, *, for_others: bool = False) -> tuple[str, ...]:
    chosen = value if isinstance(value, list | tuple) else [value]
    return tuple(
        gettext(choice.wording(for_others=for_others))
        for choice in spec.choices
        if choice.value in chosen
    )


def _field_lines(spec: questions.Field, value, *, for_others: bool) -> tuple[str, ...]:
    if spec.kind in (FieldKind.RADIOS, FieldKind.CHECKBOXES):
        return _choice_labels(spec, value, for_others=for_others) or (gettext("None selected"),)
    return (value,) if value else (gettext("Not given"),)


def _in_english(text: str, name: str) -> str:
    """``text`` filled in English, if the page is in another language; "" if it is English."""
    if (translation.get_language() or "en").startswith("en"):
        return ""
    with translation.override(ENGLISH):
        return fill(text, name)


def _sign_row(question: questions.Question, page: dict, name: str, *, canonical: bool) -> Row:
    wording = question.canonical if canonical else question.title
    return Row(
        canonical_english=_in_english(question.canonical, name) if canonical else "",
        key=fill(wording, name),
        lines=_choice_labels(question.field(ANSWER_FIELD), page.get(ANSWER_FIELD)),
        details=page.get(DETAILS_FIELD, ""),
        slug=question.slug,
        number=question.number,
    )


def _worse_row(question: questions.Question, page: dict) -> Row | None:
    """Whether it is happening more often or getting worse, if the person said."""
    value = page.get(questions.WORSE_FIELD)
    if not value:
        return None
    return Row(
        key=gettext("Happening more often or getting worse"),
        lines=_choice_labels(question.field(questions.WORSE_FIELD), value),
        slug=question.slug,
    )


def _behaviour_rows(
    question: questions.Question, page: dict, *, for_others: bool
) -> tuple[Row, ...]:
    spec = question.field(questions.BEHAVIOURS_FIELD)
    ticked = page.get(spec.name) or []
    rows = []
    for group, label in questions.BEHAVIOUR_GROUPS:
        items = tuple(
            gettext(choice.wording(for_others=for_others))
            for choice in spec.choices
            if choice.group == group and choice.value in ticked
        )
        if for_others:
            label = questions.BEHAVIOUR_GROUPS_FOR_OTHERS.get(group, label)
        if items:
            rows.append(Row(key=gettext(label), lines=items, slug=question.slug))
    other = page.get("other_details", "")
    if other:
        rows.append(Row(key=gettext("Something else"), lines=(other,), slug=question.slug))
    if not rows:
        said_none = questions.NO_BEHAVIOURS in ticked
        rows.append(
            Row(
                key=fill(spec.label, display_name({})),
                lines=(gettext("None of these") if said_none else gettext("None selected"),),
                slug=question.slug,
            )
        )
    worse = _worse_row(question, page)
    if worse is not None:
        rows.append(worse)
    return tuple(rows)


def _field_rows(
    question: questions.Question, page: dict, name: str, *, for_others: bool
) -> tuple[Row, ...]:
    return tuple(
        Row(
            key=fill(spec.wording(for_others=for_others), name),
            lines=_field_lines(spec, page.get(spec.name), for_others=for_others),
            slug=question.slug,
        )
        for spec in question.fields
        if spec.reveal_for is None or spec.name in page
    )


def summary(answers: questions.Answers, *, canonical: bool = False) -> tuple[Group, ...]:
    """Every answer, grouped as the journey asks them.

    ``canonical`` gives the checklist's own wording, for advocates and police, and words
    everything else for them too ("What do they call the stalker?", "Following them").
    """
    name = police_name(answers) if canonical else display_name(answers)
    about, signs, behaviours = [], [], []
    for question in questions.BANK:
        page = answers.get(question.slug)
        if page is None:
            continue
        if question.section == Section.SIGNS:
            signs.append(_sign_row(question, page, name, canonical=canonical))
        elif question.section == Section.BEHAVIOURS:
            behaviours.extend(_behaviour_rows(question, page, for_others=canonical))
        else:
            about.extend(_field_rows(question, page, name, for_others=canonical))
    groups = (
        (gettext("About the person doing this"), about),
        (gettext("The warning sign questions"), signs),
        (gettext("What they have done"), behaviours),
    )
    return tuple(Group(title, tuple(rows)) for title, rows in groups if rows)


@dataclass(frozen=True)
class SignView:
    number: int
    question: str
    canonical: str
    reason: str
    serious: bool
    details: str
    short_name: str = ""


@dataclass(frozen=True)
class FlagView:
    code: str
    title: str
    explanation: str


WORSE_TITLE = _("It is happening more often or getting worse")
WORSE_EXPLANATION = _(
    "Stalking that is happening more often or getting worse can become more dangerous. "
    "Tell the police and anyone advising you, and say what has changed."
)


@dataclass(frozen=True)
class Results:
    """A scored screening, ready to show."""

    result: scoring.Result
    level: str
    level_reasons: tuple[str, ...]
    signs: tuple[SignView, ...]
    unknowns: tuple[SignView, ...]
    flags: tuple[FlagView, ...]
    behaviours: tuple[Row, ...]
    #: Said to be happening more often or getting worse: context beside the level (like the
    #: flags), never a warning sign and never counted by scoring.
    worse: FlagView | None = None

    @property
    def level_code(self) -> str:
        return str(self.result.level)


def _sign_view(
    result: scoring.Result, number: int, answers: questions.Answers, *, serious: bool = False
) -> SignView:
    """A sign in the words it was asked in (kept in the result, not looked up in today's bank),
    with its reason if it was answered "Yes"."""
    asked = result.sign(number)
    reasons = {sign.number: sign.reason for sign in result.signs}
    return SignView(
        number=number,
        question=fill(asked.title, display_name(answers)),
        canonical=fill(asked.canonical, police_name(answers)),
        reason=gettext(reasons[number]) if number in reasons else "",
        serious=serious,
        details=answers.get(asked.slug, {}).get(DETAILS_FIELD, ""),
        short_name=gettext(asked.short_name),
    )


def present(result: scoring.Result, answers: questions.Answers) -> Results:
    """A result put into words, as it is: a kept result is shown, never scored again."""
    behaviours_page = answers.get(questions.BEHAVIOURS_SLUG, {})
    return Results(
        result=result,
        level=gettext(result.level.label),
        level_reasons=tuple(gettext(reason) for reason in result.level_reasons),
        signs=tuple(_sign_view(result, s.number, answers, serious=s.serious) for s in result.signs),
        unknowns=tuple(_sign_view(result, number, answers) for number in result.unknowns),
        flags=tuple(
            FlagView(flag.code, gettext(flag.title), gettext(flag.explanation))
            for flag in result.flags
        ),
        behaviours=_behaviour_rows(
            questions.question(questions.BEHAVIOURS_SLUG), behaviours_page, for_others=False
        )
        if behaviours_page
        else (),
        worse=FlagView("worse", gettext(WORSE_TITLE), gettext(WORSE_EXPLANATION))
        if questions.is_getting_worse(answers)
        else None,
    )


def results(answers: questions.Answers, *, incident_count: int = 0) -> Results:
    """Score answers still being worked on (the person's own session) and put them into words."""
    return present(scoring.score(answers, incident_count=incident_count), answers)

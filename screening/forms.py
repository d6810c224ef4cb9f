"""Django forms built from the question bank: one builder serves every page.

``form_for(question, name=...)`` returns a form class whose fields, error
wording and GOV.UK layout all come from the bank, so adding a question never
means writing a form. The same form re-validates answers read back from a
session or a case, so tampered or stale values never reach scoring.
"""

from functools import lru_cache
from html import unescape

from crispy_forms.helper import FormHelper
from crispy_forms.layout import LayoutObject
from crispy_forms.utils import render_crispy_form
from crispy_forms_gds.choices import Choice as GdsChoice
from crispy_forms_gds.layout import (
    Field,
    Layout,
    Size,
)
from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_lazy

from screening import questions
from screening.incidents import has_hidden_characters
from screening.questions import FieldKind
from screening.web import drafts

DETAILS_ROWS = 4
OTHER_GROUP_LABEL = gettext_lazy("Anything else")


HIDDEN_CHARACTERS = "hidden_characters"
#: Django's own check for a null character; ours refuses it too, with a clearer message.
_NULL_CHARACTERS = "null_characters_not_allowed"


def reject_hidden_characters(value: str) -> None:
    """Invisible and direction-changing characters have no place in an answer
    (``incidents.has_hidden_characters``). ``ErrorLinksMixin`` words the error with the
    field's label, so the error summary says which answer it is about."""
    if has_hidden_characters(value):
        raise ValidationError(
            gettext("Remove the hidden characters from this answer"), code=HIDDEN_CHARACTERS
        )


def hidden_characters_message(label) -> str:
    """ "Remove the hidden characters from “Details” – ..." for a field's label."""
    plain = unescape(strip_tags(str(label or ""))).strip()
    plain = plain.removesuffix(str(gettext_lazy("(optional)"))).strip()
    return gettext(
        "Remove the hidden characters from “%(label)s” – they can come with copied and pasted text"
    ) % {"label": plain}


def fill(text: str, name: str) -> str:
    """Translate bank text and put the (escaped) name where it says {name}."""
    if not text:
        return ""
    template = escape(gettext(text)).replace("{", "{{").replace("}", "}}")
    return format_html(template.replace("{{name}}", "{name}"), name=name)


def _text_field(spec: questions.Field, name: str) -> forms.CharField:
    widget = forms.Textarea if spec.kind == FieldKind.TEXTAREA else forms.TextInput
    attrs = {"spellcheck": "false"}
    if spec.autocomplete_off:
        attrs["autocomplete"] = "off"
    error_messages = {}
    if spec.required_error:
        error_messages["required"] = gettext(spec.required_error)
    if spec.too_long_error:
        error_messages["max_length"] = gettext(spec.too_long_error)
    field = forms.CharField(
        label=fill(spec.label, name),
        help_text=fill(spec.hint, name),
        required=spec.required and spec.reveal_for is None,
        max_length=spec.max_length,
        widget=widget(attrs=attrs),
        error_messages=error_messages,
        validators=[reject_hidden_characters],
    )
    # The limit is checked on the server with a clear message. A maxlength
    # attribute would make the browser cut off pasted text without saying so.
    field.widget.attrs.pop("maxlength", None)
    return field


def _choice_field(spec: questions.Field, name: str) -> forms.Field:
    group_labels = dict(questions.BEHAVIOUR_GROUPS)
    choices = [
        GdsChoice(
            choice.value,
            fill(choice.label, name),
            hint=fill(choice.hint, name),
            # An exclusive choice ("None of these") is shown after every group, on its own.
            group_label=None
            if choice.exclusive
            else gettext(group_labels.get(choice.group, OTHER_GROUP_LABEL)),
            position=position,
            exclusive=choice.exclusive,
        )
        for position, choice in enumerate(spec.choices, start=1)
    ]
    many = spec.kind == FieldKind.CHECKBOXES
    field_class = forms.MultipleChoiceField if many else forms.ChoiceField
    error_messages = {
        "invalid_choice": gettext("Select one of the options"),
        "invalid_list": gettext("Select one of the options"),
    }
    if spec.required_error:
        error_messages["required"] = gettext(spec.required_error)
    return field_class(
        label=fill(spec.label, name),
        help_text=fill(spec.hint, name),
        required=spec.required and spec.reveal_for is None,
        choices=choices,
        widget=forms.CheckboxSelectMultiple if many else forms.RadioSelect,
        error_messages=error_messages,
    )


def _django_field(spec: questions.Field, name: str) -> forms.Field:
    if spec.kind in (FieldKind.RADIOS, FieldKind.CHECKBOXES):
        return _choice_field(spec, name)
    return _text_field(spec, name)


def _is_revealed(spec: questions.Field, data: dict) -> bool:
    parent, value = spec.reveal_for
    chosen = data.get(parent)
    if isinstance(chosen, list | tuple):
        return value in chosen
    return chosen == value


class ErrorLinksMixin:
    """``error_links()``: (anchor, message) pairs for the shared error summary, in page order.

    A list of radios or checkboxes is reached through its first option, a date through its
    first box; an error about the whole form links to its first field.

    A field refused for hidden characters gets one error naming it (Django's own check for a
    null character would add a second, vaguer one).

    A form built without data on the page someone has just switched language from starts
    from what they had typed there (``screening.web.drafts``)."""

    def get_initial_for_field(self, field, field_name):
        typed = drafts.typed_value(self, field, field_name)
        if typed is not drafts.MISSING:
            return typed
        return super().get_initial_for_field(field, field_name)

    def full_clean(self):
        super().full_clean()
        for name, errors in list((self._errors or {}).items()):
            if name not in self.fields:
                continue
            found = errors.as_data()
            if not any(error.code == HIDDEN_CHARACTERS for error in found):
                continue
            kept = [e for e in found if e.code not in (HIDDEN_CHARACTERS, _NULL_CHARACTERS)]
            message = hidden_characters_message(self.fields[name].label)
            self._errors[name] = self.error_class(renderer=self.renderer)
            self._errors[name].extend([ValidationError(message, code=HIDDEN_CHARACTERS), *kept])

    def error_links(self) -> list[tuple[str, str]]:
        links = []
        for message in self.non_field_errors():
            links.append((self._first_anchor(), message))
        for name, field in self.fields.items():
            for message in self.errors.get(name, []):
                links.append((self._anchor(name, field), message))
        return links

    def _anchor(self, name, field) -> str:
        auto_id = self[name].auto_id
        if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return f"{auto_id}_1"
        if isinstance(field.widget, forms.MultiWidget):
            return f"{auto_id}_0"
        return auto_id

    def _first_anchor(self) -> str:
        name, field = next(iter(self.fields.items()))
        return self._anchor(name, field)


class QuestionForm(ErrorLinksMixin, forms.Form):
    """The fields of one page, with the rules that span fields."""

    question: questions.Question

    def clean(self):
        data = super().clean()
        for spec in self.question.fields:
            exclusive = {choice.value for choice in spec.choices if choice.exclusive}
            chosen = data.get(spec.name) or []
            if len(chosen) > 1 and exclusive.intersection(chosen):
                # "None of these" with something else: ask which is right, drop nothing.
                self.add_error(spec.name, gettext(spec.exclusive_error))
        for spec in self.question.fields:
            if spec.reveal_for is None or spec.name in self.errors:
                continue
            parent_spec = self.question.field(spec.reveal_for[0])
            if parent_spec.kind == FieldKind.CHECKBOXES and data.get(spec.name):
                # Describing "something else" means it happened: tick it rather
                # than throw the description away.
                chosen = list(data.get(parent_spec.name) or [])
                if spec.reveal_for[1] not in chosen:
                    data[parent_spec.name] = [*chosen, spec.reveal_for[1]]
            if not _is_revealed(spec, data):
                data.pop(spec.name, None)
            elif spec.required and not data.get(spec.name):
                self.add_error(spec.name, gettext(spec.required_error))
        return data

    def answer(self) -> dict:
        """The cleaned answer as primitives, ready to store."""
        return {
            key: list(value) if isinstance(value, list | tuple) else value
            for key, value in self.cleaned_data.items()
            if value not in ("", None, [])
        }


def _layout_field(spec: questions.Field, *, heading: str | None):
    if spec.kind == FieldKind.RADIOS:
        if heading == "h1":
            return Field.radios(spec.name, legend_size=Size.LARGE, legend_tag="h1")
        if heading:
            return Field.radios(spec.name, legend_size=Size.MEDIUM, legend_tag=heading)
        return Field.radios(spec.name, legend_size=Size.MEDIUM)
    if spec.kind == FieldKind.CHECKBOXES:
        return Field(spec.name, template="screening/fields/grouped_checkboxes.html")
    if spec.kind == FieldKind.TEXTAREA:
        return Field.textarea(
            spec.name,
            label_size=Size.SMALL,
            rows=DETAILS_ROWS,
            max_characters=spec.max_length,
        )
    return Field.text(spec.name, label_size=Size.MEDIUM)


class RevealingChoice(LayoutObject):
    """Radios or checkboxes with a follow-up question inside the choice that reveals it: the
    GOV.UK conditional reveal (docs/decisions/0002). With JavaScript the follow-up is shown
    only while that choice is selected; without it, it stays visible under its choice, with a
    hint saying when to answer it. Options are numbered from 1 like every other list, so the
    error summary's links still reach them."""

    def __init__(self, parent: Field, follow_up: Field, value: str, *, template: str):
        self.parent = parent
        self.follow_up = follow_up
        self.value = value
        self.template = template
        self.fields = [*parent.fields, *follow_up.fields]

    def render(self, form, context, template_pack=None, **kwargs):
        options = {"template_pack": template_pack} if template_pack else {}
        follow_up = self.follow_up.render(form, context, **options, **kwargs)
        parent = Field(
            *self.parent.fields,
            template=self.template,
            context={
                **self.parent.context,
                "reveal_value": self.value,
                "reveal_html": follow_up,
                # The choice names the follow-up it shows: GOV.UK's script reads this.
                "reveal_input_attributes": format_html(
                    'data-aria-controls="conditional-{}"', form[self.parent.fields[0]].auto_id
                ),
            },
        )
        return parent.render(form, context, **options, **kwargs)


def heading_in_form(question: questions.Question) -> bool:
    """On a one-question page the question itself is the page heading (its legend)."""
    first = question.fields[0]
    return first.kind == FieldKind.RADIOS and first.label == question.title


_REVEALING_TEMPLATES = {
    FieldKind.RADIOS: "screening/fields/radios_with_reveal.html",
    FieldKind.CHECKBOXES: "screening/fields/grouped_checkboxes.html",
}


def _layout(question: questions.Question, heading_tag: str) -> Layout:
    """Fields in bank order. A follow-up is revealed inside the choice it follows
    (``RevealingChoice``); its hint says when to answer it, for anyone without JavaScript."""
    heading = heading_tag if heading_in_form(question) else None
    laid_out = {
        spec.name: _layout_field(spec, heading=heading if index == 0 else None)
        for index, spec in enumerate(question.fields)
    }
    items = []
    for spec in question.fields:
        if spec.reveal_for:
            continue  # rendered inside the choice it follows, below
        follow_ups = [
            other
            for other in question.fields
            if other.reveal_for and other.reveal_for[0] == spec.name
        ]
        if follow_ups:
            (follow_up,) = follow_ups
            items.append(
                RevealingChoice(
                    laid_out[spec.name],
                    laid_out[follow_up.name],
                    follow_up.reveal_for[1],
                    template=_REVEALING_TEMPLATES[spec.kind],
                )
            )
        else:
            items.append(laid_out[spec.name])
    return Layout(*items)


def _form_class(question: questions.Question, name: str, canonical: bool) -> type[QuestionForm]:
    attributes = {spec.name: _django_field(spec, name) for spec in question.fields}
    for spec in question.fields:
        if spec.reveal_for and not spec.hint:
            parent = question.field(spec.reveal_for[0])
            label = next(c.label for c in parent.choices if c.value == spec.reveal_for[1])
            attributes[spec.name].help_text = gettext("Answer this if you chose “%(choice)s”.") % {
                "choice": fill(label, name)
            }
    if heading_in_form(question) and question.hint:
        # The question is the legend, so its hint belongs to the same fieldset.
        attributes[question.fields[0].name].help_text = fill(question.hint, name)
    if canonical and question.canonical:
        # Advocates see the checklist's own wording, and the plain question to ask.
        first = attributes[question.fields[0].name]
        first.label = fill(question.canonical, name)
        first.help_text = format_html(
            gettext("To ask the client: “{question}”"), question=fill(question.title, name)
        )
    attributes["question"] = question
    return type(f"{question.slug.title().replace('-', '')}Form", (QuestionForm,), attributes)


# A stand-in for the name while a blank form is rendered once and kept: letters only, so
# escaping leaves it as it is, and no question's wording contains it.
_NAME_STAND_IN = "zqxnamezqx"


@lru_cache(maxsize=256)
def _kept_form_class(
    question: questions.Question, name: str, language: str, canonical: bool
) -> type[QuestionForm]:
    return _form_class(question, name, canonical)


def form_for(
    question: questions.Question, *, name: str, canonical: bool = False
) -> type[QuestionForm]:
    """The form class for ``question``, with ``name`` put into its wording.

    ``canonical`` gives the checklist's own wording, for advocates. Classes are kept only
    when their wording holds nobody's name (no name, or the stand-in for blank forms): a
    name someone typed is never kept in memory beyond their request.
    """
    if name in ("", _NAME_STAND_IN):
        return _kept_form_class(question, name, get_language() or "", canonical)
    return _form_class(question, name, canonical)


def helper_for(question: questions.Question, *, heading_tag: str = "h1") -> FormHelper:
    """The GOV.UK layout; ``heading_tag`` is the question's heading when it is the legend
    ("h2" where several questions share a page)."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = _layout(question, heading_tag)
    return helper


@lru_cache(maxsize=256)
def _blank_form_html(
    question: questions.Question, language: str, canonical: bool, heading_tag: str
) -> str:
    form = form_for(question, name=_NAME_STAND_IN, canonical=canonical)()
    return str(render_crispy_form(form, helper_for(question, heading_tag=heading_tag)))


def blank_form_html(
    question: questions.Question, *, name: str, canonical: bool = False, heading_tag: str = "h1"
) -> SafeString:
    """The GOV.UK markup of ``question``'s empty form, as ``{% crispy %}`` renders it.

    Rendering a form through crispy-forms-gds is most of a question page's cost, and an
    empty form looks the same for everyone but for the name in its wording. So it is
    rendered once per question and language with a stand-in for the name, and the
    (escaped) name is put in on the way out. Nobody's answers or names are kept.
    """
    if drafts.in_use():
        # What was typed before a language switch goes back in: this form is not empty.
        form = form_for(question, name=name, canonical=canonical)()
        return render_crispy_form(form, helper_for(question, heading_tag=heading_tag))
    html = _blank_form_html(question, get_language() or "", canonical, heading_tag)
    # The stored markup is ours and the name is escaped before it goes in.
    return mark_safe(html.replace(_NAME_STAND_IN, escape(name)))  # noqa: S308

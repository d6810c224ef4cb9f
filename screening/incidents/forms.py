"""The form for one incident log entry, with GOV.UK Design System markup.

Used by the person screening themselves (``views/incident_log.py``) and by advocates on a case:
the caller says which warning signs can be linked (``sign_choices``: only the signs answered
"Yes", worded for whoever is reading) and what today is. ``form.incident()`` gives the
``incidents.Incident`` once the form is valid.

Errors follow the GOV.UK patterns: a message at the field and a summary at the top linking to
it (``error_links``), invalid POSTs answered with 422 by the view, and everything typed shown
again. The date is the GOV.UK date input (day, month and year boxes with a numeric keyboard),
with the pattern's error wording. Limits are checked on the server with a clear message: there
are no ``maxlength`` attributes, which would cut pasted text off without saying so.
"""

import re
from collections.abc import Sequence
from datetime import date, time

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML
from crispy_forms_gds.choices import Choice as GdsChoice
from crispy_forms_gds.layout import Field, Fixed, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy

from screening import incidents, questions
from screening.forms import OTHER_GROUP_LABEL, ErrorLinksMixin, reject_hidden_characters
from screening.incidents import Incident

TEXTAREA_ROWS = 5
_TIME_PATTERN = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", re.IGNORECASE)
REPORTED_YES = "yes"
REPORTED_NO = "no"
#: A blank answer is ``None``: not answered, which is not a "No".
_REPORTED = {REPORTED_YES: True, REPORTED_NO: False}

DAY, MONTH, YEAR = 0, 1, 2


class DateWidget(forms.MultiWidget):
    """Three text boxes, day, month and year, as the GOV.UK date input.

    Drawn by crispy-forms-gds's date input template, which takes each box's label from its
    ``label`` attribute. Boxes get the numeric keyboard on phones, and the error style when the
    date has an error.
    """

    template_name = "gds/widgets/date.html"
    part_labels = (gettext_lazy("Day"), gettext_lazy("Month"), gettext_lazy("Year"))
    part_widths = ("govuk-input--width-2", "govuk-input--width-2", "govuk-input--width-4")

    def __init__(self, attrs=None):
        self.invalid = False
        widgets = [
            forms.TextInput(
                attrs={
                    "class": f"govuk-input govuk-date-input__input {width}",
                    "label": label,
                    "inputmode": "numeric",
                    "autocomplete": "off",
                    "spellcheck": "false",
                }
            )
            for label, width in zip(self.part_labels, self.part_widths, strict=True)
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.invalid:
            for subwidget in context["widget"]["subwidgets"]:
                subwidget["attrs"]["class"] += " govuk-input--error"
        return context


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, checked with the GOV.UK date input's messages.

    ``error_part`` is set to the box the first error is about (0 day, 1 month, 2 year), so the
    error summary can link straight to it.
    """

    widget = DateWidget

    def __init__(self, *, today: date, **kwargs):
        self.today = today
        self.error_part = DAY
        parts = [forms.CharField(required=False) for _ in range(3)]
        super().__init__(fields=parts, require_all_fields=False, **kwargs)

    def _fail(self, message: str, part: int, code: str) -> ValidationError:
        self.error_part = part
        return ValidationError(message, code=code)

    def clean(self, value):
        values = [str(v).strip() if v is not None else "" for v in (value or [])]
        values = [*values, "", "", ""][:3]
        if not any(values):
            raise self._fail(gettext("Enter the date it happened"), DAY, "required")
        missing = [part for part, text in enumerate(values) if not text]
        if missing:
            names = [
                gettext("a day"),
                gettext("a month"),
                gettext("a year"),
            ]
            wanted = [names[part] for part in missing]
            message = gettext("The date must include %(parts)s") % {
                "parts": gettext(" and ").join(wanted)
            }
            raise self._fail(message, missing[0], "incomplete")
        for part, text in enumerate(values):
            if not text.isdecimal() or not text.isascii():
                raise self._fail(gettext("The date must be a real date"), part, "invalid")
        day, month, year = (int(text) for text in values)
        if len(values[YEAR]) != 4:
            raise self._fail(gettext("The year must include 4 numbers"), YEAR, "invalid")
        if not 1 <= month <= 12:
            raise self._fail(gettext("The date must be a real date"), MONTH, "invalid")
        try:
            when = date(year, month, day)
        except ValueError:
            raise self._fail(gettext("The date must be a real date"), DAY, "invalid") from None
        if year < incidents.EARLIEST_YEAR:
            raise self._fail(
                gettext("The date must be in %(year)s or later")
                % {"year": incidents.EARLIEST_YEAR},
                YEAR,
                "too_early",
            )
        if when > self.today:
            raise self._fail(gettext("The date must be today or in the past"), DAY, "future")
        return when

    def compress(self, data_list):  # pragma: no cover - clean() does the whole job
        return data_list


def parse_time(text: str) -> time | None:
    """A time as people write it: "21:30", "21.30", "9:30pm", "9pm". ``None`` if it is not
    one (a bare "9" could be morning or evening, so it is not accepted)."""
    match = _TIME_PATTERN.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").lower()
    if not half and match[2] is None:
        return None
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _text(name: str, label, *, hint="", required=False, required_error="", textarea=False):
    limit = incidents.TEXT_LIMITS[name]
    error_messages = {
        "max_length": gettext_lazy("%(what)s must be %(limit)s characters or fewer")
        % {"what": label_for_errors(name), "limit": limit}
    }
    if required_error:
        error_messages["required"] = required_error
    attrs = {"autocomplete": "off", "spellcheck": "false"}
    field = forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=limit,
        strip=False,
        widget=forms.Textarea(attrs=attrs) if textarea else forms.TextInput(attrs=attrs),
        error_messages=error_messages,
        validators=[reject_hidden_characters],
    )
    # The server says the limit with a clear message; see the module docstring.
    field.widget.attrs.pop("maxlength", None)
    return field


#: How each free-text field is named in its "too long" message.
_ERROR_NAMES = {
    "place": gettext_lazy("Where it happened"),
    "what_happened": gettext_lazy("What happened"),
    "effect_details": gettext_lazy("How it affected you"),
    "witnesses": gettext_lazy("Who saw or heard it"),
    "evidence": gettext_lazy("The evidence you kept"),
    "officer": gettext_lazy("The officer’s name or number"),
    "crime_reference": gettext_lazy("The crime reference number"),
}


def label_for_errors(name: str):
    return _ERROR_NAMES[name]


def _heading(text: str) -> HTML:
    """A heading between groups of fields (fixed text of ours, escaped all the same)."""
    return HTML(format_html('<h2 class="govuk-heading-m govuk-!-margin-top-8">{}</h2>', text))


def _behaviour_choices() -> list[GdsChoice]:
    group_labels = dict(questions.BEHAVIOUR_GROUPS)
    return [
        GdsChoice(
            choice.value,
            gettext(choice.label),
            hint=gettext(choice.hint) if choice.hint else "",
            group_label=gettext(group_labels.get(choice.group, OTHER_GROUP_LABEL)),
            position=position,
        )
        for position, choice in enumerate(incidents.behaviour_choices().values(), start=1)
    ]


class IncidentForm(ErrorLinksMixin, forms.Form):
    """One entry in the log.

    ``sign_choices`` are (number, wording) pairs for the warning signs that may be linked:
    only those answered "Yes". ``today`` is the latest date an entry may have.
    """

    entry = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        today: date,
        sign_choices: Sequence[tuple[int, str]] = (),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields.update(self._make_fields(today, sign_choices))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = self._layout(bool(sign_choices))

    @classmethod
    def for_incident(cls, incident: Incident, **kwargs) -> "IncidentForm":
        """An unbound form showing an existing entry, to change it."""
        return cls(initial=initial_for(incident), **kwargs)

    @staticmethod
    def _make_fields(today: date, sign_choices) -> dict[str, forms.Field]:
        choice_errors = {
            "invalid_choice": gettext_lazy("Select one of the options"),
            "invalid_list": gettext_lazy("Select one of the options"),
        }
        fields = {
            "occurred_on": DateField(
                today=today,
                label=gettext_lazy("When did it happen?"),
                help_text=gettext_lazy(
                    "For example, 27 3 2026. If you are not sure, give your best guess and "
                    "tick the box to say it is approximate."
                ),
            ),
            "time": forms.CharField(
                label=gettext_lazy("What time did it happen? (optional)"),
                help_text=gettext_lazy("For example, 9:30pm or 21:30"),
                required=False,
                widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
                validators=[reject_hidden_characters],
            ),
            "approximate": forms.BooleanField(
                label=gettext_lazy("The date or time is approximate"),
                required=False,
            ),
            "place": _text(
                "place",
                gettext_lazy("Where did it happen? (optional)"),
                hint=gettext_lazy("For example, outside my home, at work, or online"),
            ),
            "what_happened": _text(
                "what_happened",
                gettext_lazy("What happened?"),
                hint=gettext_lazy(
                    "Write what was said or done, in their words if you can. Include what they "
                    "were wearing, any vehicles and registration numbers, and any phone numbers "
                    "or accounts they used."
                ),
                required=True,
                required_error=gettext_lazy("Describe what happened"),
                textarea=True,
            ),
            "behaviours": forms.MultipleChoiceField(
                label=gettext_lazy("What did they do? (optional)"),
                help_text=gettext_lazy("Select all that apply."),
                required=False,
                choices=_behaviour_choices(),
                widget=forms.CheckboxSelectMultiple,
                error_messages=choice_errors,
            ),
            "feared_violence": forms.ChoiceField(
                label=gettext_lazy(
                    "Did this make you afraid they would use violence against you? (optional)"
                ),
                required=False,
                choices=[
                    (value, gettext_lazy(label))
                    for value, label in incidents.FEARED_VIOLENCE.items()
                ],
                widget=forms.RadioSelect,
                error_messages=choice_errors,
            ),
            "daily_life_effects": forms.MultipleChoiceField(
                label=gettext_lazy("Has this affected your day-to-day life? (optional)"),
                help_text=gettext_lazy(
                    "Select any that have happened because of what they are doing. This records "
                    "the effect on you; it is not a list of things you should do."
                ),
                required=False,
                choices=[
                    (value, gettext_lazy(label))
                    for value, label in incidents.DAILY_LIFE_EFFECTS.items()
                ],
                widget=forms.CheckboxSelectMultiple,
                error_messages=choice_errors,
            ),
            "effect_details": _text(
                "effect_details",
                gettext_lazy("How has it affected you? (optional)"),
                hint=gettext_lazy("In your own words: how you feel, and anything it has changed."),
                textarea=True,
            ),
            "witnesses": _text(
                "witnesses",
                gettext_lazy("Did anyone see or hear it? (optional)"),
                hint=gettext_lazy("Their names, and how to contact them if you know."),
                textarea=True,
            ),
            "evidence": _text(
                "evidence",
                gettext_lazy("What evidence have you kept, and where is it? (optional)"),
                hint=gettext_lazy(
                    "For example, screenshots, letters, photos, videos or doorbell camera "
                    "recordings, and where they are kept."
                ),
                textarea=True,
            ),
            "reported_to_police": forms.ChoiceField(
                label=gettext_lazy("Have you reported this to the police? (optional)"),
                required=False,
                choices=[(REPORTED_YES, gettext_lazy("Yes")), (REPORTED_NO, gettext_lazy("No"))],
                widget=forms.RadioSelect,
                error_messages=choice_errors,
            ),
            "officer": _text(
                "officer",
                gettext_lazy("Officer’s name or number (optional)"),
                hint=gettext_lazy("Answer this if you reported it."),
            ),
            "crime_reference": _text(
                "crime_reference",
                gettext_lazy("Crime reference number (optional)"),
                hint=gettext_lazy("Answer this if you reported it."),
            ),
        }
        if sign_choices:
            fields["signs"] = forms.TypedMultipleChoiceField(
                label=gettext_lazy("Which of your warning signs does this show? (optional)"),
                help_text=gettext_lazy(
                    "These are the questions you answered yes to. Select any that this incident "
                    "is an example of."
                ),
                required=False,
                coerce=int,
                choices=[(str(number), f"{number}. {wording}") for number, wording in sign_choices],
                widget=forms.CheckboxSelectMultiple,
                error_messages=choice_errors,
            )
        return fields

    @staticmethod
    def _layout(with_signs: bool) -> Layout:
        checkboxes = "screening/record/checkboxes.html"
        items = [
            Field("occurred_on", template="screening/record/date_field.html"),
            Field.text("time", label_size=Size.SMALL, field_width=Fixed.TEN),
            Field.checkbox("approximate", small=True),
            Field.text("place", label_size=Size.SMALL),
            Field.textarea(
                "what_happened",
                label_size=Size.SMALL,
                rows=TEXTAREA_ROWS,
                max_characters=incidents.WHAT_HAPPENED_MAX_LENGTH,
            ),
            Field("behaviours", template="screening/record/grouped_checkboxes.html"),
            _heading(gettext("How it affected you")),
            Field.radios("feared_violence", legend_size=Size.SMALL, small=True),
            Field("daily_life_effects", template=checkboxes),
            Field.textarea(
                "effect_details",
                label_size=Size.SMALL,
                rows=3,
                max_characters=incidents.EFFECT_DETAILS_MAX_LENGTH,
            ),
            _heading(gettext("Witnesses and evidence")),
            Field.textarea(
                "witnesses",
                label_size=Size.SMALL,
                rows=3,
                max_characters=incidents.WITNESSES_MAX_LENGTH,
            ),
            Field.textarea(
                "evidence",
                label_size=Size.SMALL,
                rows=3,
                max_characters=incidents.EVIDENCE_MAX_LENGTH,
            ),
            _heading(gettext("Reporting it")),
            Field.radios("reported_to_police", legend_size=Size.SMALL, small=True, inline=True),
            Field.text("officer", label_size=Size.SMALL),
            Field.text("crime_reference", label_size=Size.SMALL, field_width=Fixed.TWENTY),
        ]
        if with_signs:
            items.append(Field("signs", template=checkboxes))
        return Layout(*items, Field("entry"))

    def clean_time(self):
        text = self.cleaned_data["time"].strip()
        if not text:
            return None
        parsed = parse_time(text)
        if parsed is None:
            raise ValidationError(gettext("Enter a time, like 9:30pm or 21:30"), code="invalid")
        return parsed

    def clean_what_happened(self):
        text = self.cleaned_data["what_happened"]
        if not text.strip():
            raise ValidationError(gettext("Describe what happened"), code="required")
        return text

    def clean_entry(self):
        value = self.cleaned_data["entry"]
        # A hidden field carries the new entry's id, so submitting twice stores it once.
        return value if incidents.is_valid_id(value) else ""

    def clean(self):
        data = super().clean()
        date_field = self.fields["occurred_on"]
        date_field.widget.invalid = self.has_error("occurred_on")
        if data.get("officer", "").strip() or data.get("crime_reference", "").strip():
            # An officer or a crime reference means it was reported: keep what was typed.
            data["reported_to_police"] = REPORTED_YES
        return data

    def _anchor(self, name, field) -> str:
        """A date links to the box its first error is about."""
        if isinstance(field, DateField):
            return f"{self[name].auto_id}_{field.error_part}"
        return super()._anchor(name, field)

    def incident(self, *, incident_id: str = "") -> Incident:
        """The entry as an ``Incident``; call only once the form is valid.

        ``incident_id`` keeps an existing entry's id when it is changed; a new entry takes the
        id carried by the form, or a fresh one.
        """
        data = self.cleaned_data
        return Incident(
            id=incident_id or data.get("entry") or incidents.new_id(),
            occurred_on=data["occurred_on"],
            time=data["time"],
            approximate=data["approximate"],
            place=data["place"].strip(),
            what_happened=data["what_happened"].strip(),
            behaviours=tuple(v for v in incidents.behaviour_choices() if v in data["behaviours"]),
            feared_violence=data["feared_violence"],
            daily_life_effects=tuple(
                v for v in incidents.DAILY_LIFE_EFFECTS if v in data["daily_life_effects"]
            ),
            effect_details=data["effect_details"].strip(),
            witnesses=data["witnesses"].strip(),
            evidence=data["evidence"].strip(),
            reported_to_police=_REPORTED.get(data["reported_to_police"]),
            officer=data["officer"].strip(),
            crime_reference=data["crime_reference"].strip(),
            signs=tuple(sorted(data.get("signs", ()))),
        )


def initial_for(incident: Incident) -> dict:
    """The form's initial values for an existing entry: its stored values, with the date as a
    date, "reported to the police" as the checkbox's value and the signs as choice values."""
    stored = incidents.to_primitives(incident)
    del stored["id"]
    return {
        **stored,
        "occurred_on": incident.occurred_on,
        "reported_to_police": {True: REPORTED_YES, False: REPORTED_NO}.get(
            incident.reported_to_police, ""
        ),
        "signs": [str(n) for n in incident.signs],
    }

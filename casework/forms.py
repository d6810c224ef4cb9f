"""Forms for advocates: signing in, the two-factor code, cases and judgement.

Limits are checked on the server with a clear message (no maxlength attributes, which
would cut pasted text off without saying so) and control characters are refused, as in
the public questionnaire.
"""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms_gds.choices import Choice
from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Fieldset, Fixed, Layout, Size
from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from screening import questions
from screening.forms import ErrorLinksMixin, reject_hidden_characters
from screening.judgement import REASON_MAX_LENGTH, JudgementError, judge, levels_above
from screening.scoring import Level

YES, NO, NOT_ASKED = "yes", "no", "not_asked"
EMAIL_MAX_LENGTH = 254
CONSENT_CHOICES = (
    Choice(YES, _("Yes")),
    Choice(NO, _("No")),
    Choice(NOT_ASKED, _("Not asked yet")),
)
ROUTE_CHOICES = (
    Choice(YES, _("Yes")),
    Choice(NO, _("No")),
    Choice(NOT_ASKED, _("Not known")),
)
# The relationship codes the questionnaire uses, worded for an advocate.
RELATIONSHIP_CHOICES = (
    Choice(questions.EX_PARTNER, _("An ex-partner")),
    Choice(questions.KNOWN, _("Someone they know")),
    Choice(questions.STRANGER, _("A stranger")),
    Choice(questions.DONT_KNOW, _("They do not know who it is")),
)
SAFE_ROUTES = (
    ("call", _("Is it safe to call?")),
    ("voicemail", _("Is it safe to leave a voicemail?")),
    ("text", _("Is it safe to send a text message?")),
    ("email", _("Is it safe to send an email?")),
)


def _text(
    label,
    *,
    max_length,
    required=False,
    required_error="",
    hint="",
    textarea=False,
    autocomplete="off",
):
    attrs = {"spellcheck": "false", "autocomplete": autocomplete}
    field = forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=max_length,
        strip=True,
        validators=[reject_hidden_characters],
        widget=forms.Textarea(attrs=attrs) if textarea else forms.TextInput(attrs=attrs),
        error_messages={"required": required_error} if required_error else None,
    )
    field.widget.attrs.pop("maxlength", None)
    return field


def _label_in_a_sentence(label) -> str:
    """ "Notes (optional)" -> "Notes", for "Notes must be 5000 characters or fewer"."""
    return str(label).removesuffix(" " + str(_("(optional)"))).rstrip("?")


class TooLongMessages:
    """Say every limit in words: "... must be 50 characters or fewer"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            limit = getattr(field, "max_length", None)
            if limit:
                field.error_messages["max_length"] = _(
                    "%(label)s must be %(limit)s characters or fewer"
                ) % {"label": _label_in_a_sentence(field.label), "limit": limit}


class SignInForm(ErrorLinksMixin, AuthenticationForm):
    """Email and password. Password managers are welcome: the fields say what they are."""

    error_messages = {
        "invalid_login": _(
            "The email address or password is not right. Check them and try again; "
            "the password is case sensitive."
        ),
        "inactive": _(
            "The email address or password is not right. Check them and try again; "
            "the password is case sensitive."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "username", "spellcheck": "false", "autofocus": False}
        )
        self.fields["username"].error_messages["required"] = _("Enter your email address")
        self.fields["password"].error_messages["required"] = _("Enter your password")
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("username", label_size=Size.SMALL),
            Field.text("password", label_size=Size.SMALL, field_width=Fixed.TWENTY),
        )

    def clean_username(self):
        # Checked here, before any sign-in attempt is recorded: the lockout records keep
        # at most 255 characters, and no email address is longer than 254.
        email = self.cleaned_data["username"].strip().lower()
        if len(email) > EMAIL_MAX_LENGTH:
            raise ValidationError(_("Enter an email address of 254 characters or fewer"))
        return email

    def clean(self):
        """Authenticate by ``email``, the user model's USERNAME_FIELD, not ``username``.

        django-axes finds the account a failure belongs to under that name, in the
        credentials Django sends with ``user_login_failed``. Under ``username`` every
        failure would be recorded with no account: no lockout per email address, and
        everyone's failures counted together.
        """
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email is not None and password:
            self.user_cache = authenticate(self.request, email=email, password=password)
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class CodeForm(ErrorLinksMixin, forms.Form):
    """The six-digit code from an authenticator app."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6-digit code changes every 30 seconds."),
        error_messages={"required": _("Enter the 6-digit code from your authenticator app")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("code", label_size=Size.SMALL, field_width=Fixed.FIVE),
        )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise ValidationError(_("Enter the 6 digits from your authenticator app"))
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise ValidationError(
                _("Too many wrong codes. Wait a little, then enter the newest code.")
            )
        if not self.device.verify_token(code):
            raise ValidationError(
                _("That code is not right. Enter the newest code from your authenticator app.")
            )
        return code


class OptionalDateField(DateInputField):
    """A GOV.UK date input with plain error messages, for dates in the past."""

    def __init__(self, *, what, **kwargs):
        super().__init__(required=False, **kwargs)
        self.what = what
        self.require_all_fields = False
        message = _("%(what)s must be a real date, for example 27 3 1985") % {"what": what}
        self.error_messages.update(incomplete=message, invalid=message)
        for field in self.fields:
            field.required = False
            field.validators = []
            field.error_messages["incomplete"] = message

    def clean(self, value):
        parts = [str(part).strip() if part is not None else "" for part in value or ()]
        if not any(parts):
            return None
        message = _("%(what)s must be a real date, for example 27 3 1985") % {"what": self.what}
        if len(parts) != 3 or not all(part.isascii() and part.isdigit() for part in parts):
            raise ValidationError(message)
        day, month, year = (int(part) for part in parts)
        try:
            value = datetime.date(year, month, day)
        except ValueError:
            raise ValidationError(message) from None
        if year < 1900:
            raise ValidationError(message)
        if value > timezone.localdate():
            raise ValidationError(_("%(what)s must be in the past") % {"what": self.what})
        return value


def _radios(label, choices, hint=""):
    return forms.ChoiceField(
        label=label,
        help_text=hint,
        choices=choices,
        required=False,
        widget=forms.RadioSelect,
    )


class CaseForm(ErrorLinksMixin, TooLongMessages, forms.Form):
    """A case's details. Everything here is stored encrypted."""

    client_reference = _text(
        _("Client reference"),
        max_length=50,
        required=True,
        required_error=_("Enter the client reference"),
        hint=_("The reference or pseudonym your organisation uses for this client."),
    )
    client_name = _text(_("Client's name (optional)"), max_length=150)
    stalker_name = _text(
        _("Name or description of the person stalking them"),
        max_length=200,
        required=True,
        required_error=_("Enter a name or a description of the person stalking them"),
        hint=_("If the client does not know their name, describe them."),
    )
    stalker_date_of_birth = OptionalDateField(
        what=_("Their date of birth"),
        label=_("Their date of birth (if known)"),
        help_text=_("For example, 27 3 1985"),
    )
    relationship = _radios(_("How does the client know them?"), RELATIONSHIP_CHOICES)
    police_reference = _text(_("Police or crime reference number (optional)"), max_length=40)
    consent_to_share = _radios(
        _("Has the client agreed to share information with the police?"), CONSENT_CHOICES
    )
    consent_to_refer = _radios(
        _("Has the client agreed to be referred to other services?"),
        CONSENT_CHOICES,
        hint=_("For example Paladin, a local stalking service or MARAC."),
    )
    safe_call = _radios(SAFE_ROUTES[0][1], ROUTE_CHOICES)
    safe_voicemail = _radios(SAFE_ROUTES[1][1], ROUTE_CHOICES)
    safe_text = _radios(SAFE_ROUTES[2][1], ROUTE_CHOICES)
    safe_email = _radios(SAFE_ROUTES[3][1], ROUTE_CHOICES)
    safe_phone = _text(_("Safe phone number (optional)"), max_length=30)
    # Not "safe_email": that is the "is it safe to send an email?" question above.
    safe_email_address = _text(_("Safe email address (optional)"), max_length=254)
    times_to_avoid = _text(_("Times to avoid (optional)"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relationship"].error_messages["invalid_choice"] = _(
            "Select one of the options"
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        small = {"legend_size": Size.SMALL}
        self.helper.layout = Layout(
            Fieldset(
                Field.text("client_reference", label_size=Size.SMALL, field_width=Fixed.TWENTY),
                Field.text("client_name", label_size=Size.SMALL),
                legend=_("The client"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("stalker_name", label_size=Size.SMALL),
                Field("stalker_date_of_birth"),
                Field.radios("relationship", **small),
                legend=_("The person stalking them"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("consent_to_share", inline=True, **small),
                Field.radios("consent_to_refer", inline=True, **small),
                Field.text("police_reference", label_size=Size.SMALL, field_width=Fixed.TWENTY),
                legend=_("Consent and references"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                *[Field.radios(f"safe_{key}", inline=True, **small) for key, _label in SAFE_ROUTES],
                Field.text("safe_phone", label_size=Size.SMALL, field_width=Fixed.TWENTY),
                Field.text("safe_email_address", label_size=Size.SMALL),
                Field.text("times_to_avoid", label_size=Size.SMALL),
                legend=_("Safe ways to get in touch"),
                legend_size=Size.MEDIUM,
            ),
        )

    @classmethod
    def initial_for(cls, case) -> dict:
        contact = case.safe_contact or {}
        initial = {
            "client_reference": case.client_reference,
            "client_name": case.client_name,
            "stalker_name": case.stalker_name,
            "stalker_date_of_birth": (
                datetime.date.fromisoformat(case.stalker_date_of_birth)
                if case.stalker_date_of_birth
                else None
            ),
            "relationship": case.relationship,
            "police_reference": case.police_reference,
            "consent_to_share": _consent_choice(case.consent_to_share),
            "consent_to_refer": _consent_choice(case.consent_to_refer),
            "safe_phone": contact.get("phone", ""),
            "safe_email_address": contact.get("email_address", ""),
            "times_to_avoid": contact.get("times_to_avoid", ""),
        }
        for key, _label in SAFE_ROUTES:
            initial[f"safe_{key}"] = contact.get(key, NOT_ASKED)
        return initial

    def apply_to(self, case) -> None:
        data = self.cleaned_data
        consent = (
            _consent_value(data["consent_to_share"]),
            _consent_value(data["consent_to_refer"]),
        )
        if consent != (case.consent_to_share, case.consent_to_refer):
            case.consent_recorded_on = timezone.localdate()
        case.consent_to_share, case.consent_to_refer = consent
        case.client_reference = data["client_reference"]
        case.client_name = data["client_name"]
        case.stalker_name = data["stalker_name"]
        dob = data["stalker_date_of_birth"]
        case.stalker_date_of_birth = dob.isoformat() if dob else ""
        case.relationship = data["relationship"]
        case.police_reference = data["police_reference"]
        case.safe_contact = {
            **{key: data[f"safe_{key}"] or NOT_ASKED for key, _label in SAFE_ROUTES},
            "phone": data["safe_phone"],
            "email_address": data["safe_email_address"],
            "times_to_avoid": data["times_to_avoid"],
        }


def _consent_choice(value: bool | None) -> str:
    return {True: YES, False: NO}.get(value, NOT_ASKED)


def _consent_value(choice: str) -> bool | None:
    return {YES: True, NO: False}.get(choice)


class JudgementForm(ErrorLinksMixin, forms.Form):
    """Raise the level on professional judgement. Only higher levels are offered, and
    the domain code refuses anything else whatever is posted."""

    level = forms.ChoiceField(
        label=_("Raise the level to"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the level to raise it to"),
            "invalid_choice": _("Professional judgement can raise the level, never lower it"),
        },
    )
    reason = _text(
        _("Why are you raising the level?"),
        max_length=REASON_MAX_LENGTH,
        required=True,
        textarea=True,
        hint=_("For example escalation, a repeat referral, or what you know of the case."),
    )

    def __init__(self, *args, scored: Level, **kwargs):
        super().__init__(*args, **kwargs)
        self.scored = scored
        self.fields["reason"].error_messages.update(
            required=_("Give the reason for raising the level"),
            max_length=_("The reason must be 1000 characters or fewer"),
        )
        self.fields["level"].choices = [
            Choice(level.value, level.label) for level in levels_above(scored)
        ]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.radios("level", legend_size=Size.SMALL),
            Field.textarea(
                "reason", label_size=Size.SMALL, rows=3, max_characters=REASON_MAX_LENGTH
            ),
        )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data["judgement"] = judge(self.scored, Level(data["level"]), data["reason"])
        except JudgementError as error:
            self.add_error("level", str(error))
        return data


class DateField(DateInputField):
    """A GOV.UK date input (day, month, year) with plain error messages; ``when`` says which
    dates are allowed: "past" (today or before), "future" (today or after) or "any"."""

    def __init__(self, *, what, when="any", required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        self.what = what
        self.when = when
        self.require_all_fields = False
        self.error_messages["required"] = _("Enter %(what)s") % {"what": str(what).lower()}
        for field in self.fields:
            field.required = False
            field.validators = []

    def _message(self):
        return _("%(what)s must be a real date, for example 27 3 2026") % {"what": self.what}

    def clean(self, value):
        parts = [str(part).strip() if part is not None else "" for part in value or ()]
        if not any(parts):
            if self.required:
                raise ValidationError(self.error_messages["required"])
            return None
        if len(parts) != 3 or not all(part.isascii() and part.isdigit() for part in parts):
            raise ValidationError(self._message())
        day, month, year = (int(part) for part in parts)
        try:
            value = datetime.date(year, month, day)
        except ValueError:
            raise ValidationError(self._message()) from None
        if not 1900 <= year <= 2200:
            raise ValidationError(self._message())
        today = timezone.localdate()
        if self.when == "past" and value > today:
            raise ValidationError(_("%(what)s must be today or in the past") % {"what": self.what})
        if self.when == "future" and value < today:
            raise ValidationError(
                _("%(what)s must be today or in the future") % {"what": self.what}
            )
        return value


CONTACT_METHODS = (
    Choice("phone", _("Phone call")),
    Choice("text", _("Text message")),
    Choice("email", _("Email")),
    Choice("in_person", _("In person")),
    Choice("video", _("Video call")),
    Choice("other", _("Another way")),
)
SAFE_TO_TALK = (
    Choice(YES, _("Safe to talk")),
    Choice(NO, _("Not safe to talk")),
    Choice(NOT_ASKED, _("Not asked")),
)
NOTE_MAX_LENGTH = 5000


class NoteForm(ErrorLinksMixin, TooLongMessages, forms.Form):
    """An entry in the notes and contact log. Entries are never changed: a correction is a new
    entry, made with this form from the entry it corrects."""

    kind = forms.ChoiceField(
        label=_("What are you recording?"),
        choices=(
            Choice("contact", _("Contact with the client")),
            Choice(
                "note",
                _("A case note"),
                hint=_("Anything else: a call with the police, a check you made, a decision."),
            ),
        ),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether this is a contact or a case note"),
            "invalid_choice": _("Select whether this is a contact or a case note"),
        },
    )
    happened_on = DateField(
        what=_("The date"), when="past", label=_("Date"), help_text=_("For example, 17 10 2026")
    )
    method = forms.ChoiceField(
        label=_("How were you in contact?"),
        help_text=_("Only for a contact with the client."),
        choices=CONTACT_METHODS,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select how you were in contact")},
    )
    safe_to_talk = forms.ChoiceField(
        label=_("Was it safe for the client to talk?"),
        help_text=_("Only for a contact with the client."),
        choices=SAFE_TO_TALK,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select whether it was safe for the client to talk")},
    )
    text = _text(
        _("What happened or what was said"),
        max_length=NOTE_MAX_LENGTH,
        required=True,
        required_error=_("Enter what happened or what was said"),
        textarea=True,
        hint=_("Notes can be disclosed in court. Record facts, and who told you them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        small = {"legend_size": Size.SMALL}
        self.helper.layout = Layout(
            Field.radios("kind", **small),
            Field("happened_on"),
            Field.radios("method", **small),
            Field.radios("safe_to_talk", inline=True, **small),
            Field.textarea("text", label_size=Size.SMALL, rows=6, max_characters=NOTE_MAX_LENGTH),
        )

    def clean(self):
        data = super().clean()
        if data.get("kind") == "contact":
            if not data.get("method") and "method" not in self.errors:
                self.add_error("method", _("Select how you were in contact"))
            if not data.get("safe_to_talk") and "safe_to_talk" not in self.errors:
                self.add_error(
                    "safe_to_talk", _("Select whether it was safe for the client to talk")
                )
        elif data.get("kind") == "note":
            data["method"] = data["safe_to_talk"] = ""
        return data

    @classmethod
    def initial_for_correction(cls, note) -> dict:
        return {
            "kind": note.kind,
            "happened_on": note.happened_on,
            "method": note.method,
            "safe_to_talk": note.safe_to_talk,
            "text": note.text,
        }


TASK_TITLE_MAX_LENGTH = 200


class TaskForm(ErrorLinksMixin, TooLongMessages, forms.Form):
    """A task on a case: what, by when, and who."""

    title = _text(
        _("What needs doing?"),
        max_length=TASK_TITLE_MAX_LENGTH,
        required=True,
        required_error=_("Enter what needs doing"),
        hint=_("For example, chase the crime reference with the officer in the case."),
    )
    due_on = DateField(
        what=_("The due date"), label=_("Due date"), help_text=_("For example, 17 10 2026")
    )
    assignee = forms.TypedChoiceField(
        label=_("Who will do it?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select who will do it"),
            "invalid_choice": _("Select who will do it"),
        },
    )

    def __init__(self, *args, advocates, **kwargs):
        super().__init__(*args, **kwargs)
        self.advocates = {person.pk: person for person in advocates}
        self.fields["assignee"].choices = [
            Choice(person.pk, person.full_name or person.email) for person in advocates
        ]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("title", label_size=Size.SMALL),
            Field("due_on"),
            Field.radios("assignee", legend_size=Size.SMALL),
        )

    def clean_assignee(self):
        return self.advocates[self.cleaned_data["assignee"]]


# The safety plan's sections: (field, label for the advocate, heading for the client, hint).
SAFETY_PLAN_SECTIONS = (
    (
        "home",
        _("At home"),
        _("At home"),
        _("Locks, lighting, a safe room, who has keys, what to do if they come to the door."),
    ),
    (
        "travel_work",
        _("Travel and work"),
        _("Going out, travelling and at work"),
        _("Routes and times to vary, who at work knows, parking, someone to walk with."),
    ),
    (
        "online",
        _("Online and devices"),
        _("Phones, computers and online"),
        _("Privacy settings, location sharing, checking for trackers and spyware, passwords."),
    ),
    (
        "children_others",
        _("Children and others"),
        _("Children, family and friends"),
        _("Schools and childcare, pets, what family and friends should say and not say."),
    ),
    (
        "emergency",
        _("What to do in an emergency"),
        _("If you are in danger"),
        _("Where to go, who to call, a bag ready to take; 999, and 55 if you cannot speak."),
    ),
    (
        "code_words",
        _("Code words"),
        _("Code words"),
        _("Words the client agrees with people they trust, and what each one means."),
    ),
)
SAFETY_PLAN_SECTION_MAX_LENGTH = 2000


class SafetyPlanForm(ErrorLinksMixin, TooLongMessages, forms.Form):
    """A new version of the safety plan: every section, started from the current version."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label, _heading, hint in SAFETY_PLAN_SECTIONS:
            self.fields[name] = _text(
                label, max_length=SAFETY_PLAN_SECTION_MAX_LENGTH, textarea=True, hint=hint
            )
            self.fields[name].error_messages["max_length"] = _(
                "%(label)s must be %(limit)s characters or fewer"
            ) % {"label": label, "limit": SAFETY_PLAN_SECTION_MAX_LENGTH}
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *[
                Field.textarea(
                    name,
                    label_size=Size.MEDIUM,
                    rows=4,
                    max_characters=SAFETY_PLAN_SECTION_MAX_LENGTH,
                )
                for name, *_rest in SAFETY_PLAN_SECTIONS
            ]
        )

    def clean(self):
        data = super().clean()
        if not self.errors and not any(data.get(name) for name, *_rest in SAFETY_PLAN_SECTIONS):
            raise ValidationError(_("Write at least one section of the safety plan"))
        return data

    def sections(self) -> dict:
        return {name: self.cleaned_data[name] for name, *_rest in SAFETY_PLAN_SECTIONS}


class ReviewDateForm(ErrorLinksMixin, forms.Form):
    """Bring a case's review forward (or move it) when something changes."""

    review_due_on = DateField(
        what=_("The review date"),
        when="future",
        label=_("When should the case next be reviewed?"),
        help_text=_("For example, 17 10 2026"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(Field("review_due_on"))


class ReportPeriodForm(ErrorLinksMixin, forms.Form):
    """The period a managers' report covers, both days included."""

    start = DateField(
        what=_("The start date"), when="past", label=_("From"), help_text=_("For example, 1 4 2026")
    )
    end = DateField(what=_("The end date"), label=_("To"), help_text=_("For example, 31 3 2027"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(Field("start"), Field("end"))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date must be the same as or after the start date"))
        return data


class HandoverForm(ErrorLinksMixin, TooLongMessages, forms.Form):
    """Hand a case to another advocate of the organisation, with a note for them."""

    owner = forms.TypedChoiceField(
        label=_("Who is taking the case on?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select who is taking the case on"),
            "invalid_choice": _("Select one of the advocates in your organisation"),
        },
    )
    note = _text(
        _("Handover note"),
        max_length=5000,
        required=True,
        required_error=_("Enter a note for whoever takes the case on"),
        textarea=True,
        hint=_(
            "What they need to know: the risk now, what is planned, safe ways to reach the "
            "client. It is kept with the case and can be disclosed in court."
        ),
    )

    def __init__(self, *args, advocates, **kwargs):
        super().__init__(*args, **kwargs)
        self.advocates = {person.pk: person for person in advocates}
        self.fields["owner"].choices = [
            Choice(person.pk, person.full_name or person.email) for person in advocates
        ]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.radios("owner", legend_size=Size.SMALL),
            Field.textarea("note", label_size=Size.SMALL, rows=5, max_characters=5000),
        )

    def clean_owner(self):
        return self.advocates[self.cleaned_data["owner"]]


class AdvocateForm(ErrorLinksMixin, TooLongMessages, forms.Form):
    """An organisation admin invites an advocate to their organisation.

    Only an address already used in the admin's own organisation is refused: whether it has
    an account elsewhere is not theirs to learn (the invitation then cannot be used, and its
    owner is told so when they open it)."""

    full_name = _text(_("Full name"), max_length=150, required=True, autocomplete="off")
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter their email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    is_organisation_admin = forms.BooleanField(
        label=_("They can manage the organisation's advocates and see its audit log"),
        required=False,
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["full_name"].error_messages["required"] = _("Enter their full name")
        self.fields["email"].widget.attrs.pop("maxlength", None)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("full_name", label_size=Size.SMALL),
            Field.text("email", label_size=Size.SMALL),
            Field.checkbox("is_organisation_admin", small=True),
        )

    def clean_email(self):
        from casework.models import User

        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email=email, organisation=self.organisation).exists():
            raise ValidationError(_("Someone in your organisation already has this email address"))
        return email


def _password_field(label, *, hint="", autocomplete="new-password", required_error):
    return forms.CharField(
        label=label,
        help_text=hint,
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete, "spellcheck": "false"}),
        error_messages={"required": required_error},
    )


class NewPasswordForm(ErrorLinksMixin, forms.Form):
    """A password its owner chooses, typed twice and checked by the password validators."""

    new_password = _password_field(
        _("Create a password"),
        hint=_(
            "Use at least 12 characters. Three or four unrelated words together make a "
            "strong password that is easy to remember."
        ),
        required_error=_("Create a password"),
    )
    confirm_password = _password_field(
        _("Type the password again"), required_error=_("Type the password again")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *[
                Field.text(name, label_size=Size.SMALL, field_width=Fixed.TWENTY)
                for name in self.fields
            ]
        )

    def clean_new_password(self):
        password = self.cleaned_data["new_password"]
        validate_password(password, self.user)
        return password

    def clean(self):
        data = super().clean()
        new, again = data.get("new_password"), data.get("confirm_password")
        if new and again and new != again:
            self.add_error("confirm_password", _("The two passwords are not the same"))
        return data


class ChangePasswordForm(NewPasswordForm):
    """An advocate changes their own password, giving the current one first."""

    current_password = _password_field(
        _("Current password"),
        autocomplete="current-password",
        required_error=_("Enter your current password"),
    )
    field_order = ["current_password", "new_password", "confirm_password"]

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Your current password is not right"))
        return password


class PrintRangeForm(ErrorLinksMixin, forms.Form):
    """The incident log's dates to print in a police summary, for a log too long to print
    whole: either date may be left out. Sent by GET, so the dates stay in the address and the
    download link can be used again."""

    printed_from = OptionalDateField(
        what=_("The first date"),
        label=_("From"),
        help_text=_("For example, 1 9 2026"),
    )
    printed_to = OptionalDateField(
        what=_("The last date"),
        label=_("To"),
        help_text=_("For example, 30 11 2026"),
    )

    #: The names a request carries when it asks for a date range.
    FIELD_NAMES = frozenset(
        f"{name}_{part}" for name in ("printed_from", "printed_to") for part in range(3)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("printed_from", legend_size=Size.SMALL),
            Field("printed_to", legend_size=Size.SMALL),
        )

    @classmethod
    def asked(cls, query) -> bool:
        return any(query.get(name, "").strip() for name in cls.FIELD_NAMES)

    def clean(self):
        data = super().clean()
        first, last = data.get("printed_from"), data.get("printed_to")
        if first and last and first > last:
            self.add_error(
                "printed_to", _("The last date must be the same as or after the first date")
            )
        return data

"""Forms for what is kept on a case beside the screenings: crime references, bail conditions,
orders, court dates, the people doing it (and referrals). Each field has the name of the model
field it fills; ``RecordForm`` lays them out the GOV.UK way and copies them to and from a row."""

from crispy_forms.helper import FormHelper
from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from casework.forms import DateField, ErrorLinksMixin, TooLongMessages, _text
from casework.models import ProtectiveOrder, Referral

LONG = 2000


class RecordForm(ErrorLinksMixin, TooLongMessages, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        items = []
        for name, field in self.fields.items():
            if isinstance(field, DateField):
                items.append(Field(name))
            elif isinstance(field.widget, forms.RadioSelect):
                items.append(Field.radios(name, legend_size=Size.SMALL))
            elif isinstance(field.widget, forms.Textarea):
                items.append(
                    Field.textarea(
                        name, label_size=Size.SMALL, rows=3, max_characters=field.max_length
                    )
                )
            else:
                items.append(Field.text(name, label_size=Size.SMALL))
        self.helper.layout = Layout(*items)

    @classmethod
    def initial_for(cls, item) -> dict:
        return {name: getattr(item, name) for name in cls.base_fields}

    def apply_to(self, item, by=None) -> None:
        """Copy the cleaned values onto ``item``; ``by`` is who is saving it."""
        for name in self.base_fields:
            value = self.cleaned_data[name]
            setattr(
                item,
                name,
                "" if value is None and isinstance(self.fields[name], forms.CharField) else value,
            )

    def _dates_in_order(self, first: str, then: str, message) -> None:
        data = self.cleaned_data
        if data.get(first) and data.get(then) and data[then] < data[first]:
            self.add_error(then, message)


class CrimeReferenceForm(RecordForm):
    reference = _text(
        _("Crime reference number"),
        max_length=50,
        required=True,
        required_error=_("Enter the crime reference"),
    )
    force = _text(_("Police force (optional)"), max_length=100)
    officer = _text(
        _("Officer in the case (optional)"),
        max_length=150,
        hint=_("Their name, rank and collar number if known."),
    )
    officer_contact = _text(_("How to reach the officer (optional)"), max_length=150)


class BailConditionForm(RecordForm):
    conditions = _text(
        _("Bail conditions"),
        max_length=LONG,
        required=True,
        required_error=_("Enter the bail conditions"),
        textarea=True,
        hint=_("As the police or the court set them, for example not to enter a street."),
    )
    starts_on = DateField(
        what=_("The start date"),
        required=False,
        label=_("From (optional)"),
        help_text=_("For example, 17 10 2026"),
    )
    ends_on = DateField(
        what=_("The end date"),
        required=False,
        label=_("Until (optional)"),
        help_text=_("For example, 17 11 2026. Leave it empty if there is no end date yet."),
    )

    def clean(self):
        data = super().clean()
        self._dates_in_order("starts_on", "ends_on", _("The end date must be after the start date"))
        return data


class OrderForm(RecordForm):
    kind = forms.ChoiceField(
        label=_("Which order?"),
        choices=[Choice(value, label) for value, label in ProtectiveOrder.Kind.choices],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select which order it is"),
            "invalid_choice": _("Select which order it is"),
        },
    )
    made_on = DateField(
        what=_("The date the order was made"),
        when="past",
        label=_("Date made"),
        help_text=_("For example, 17 10 2026"),
    )
    expires_on = DateField(
        what=_("The expiry date"),
        required=False,
        label=_("Expiry date (optional)"),
        help_text=_("Leave it empty if the order has no end date (until further order)."),
    )
    details = _text(
        _("What the order says (optional)"),
        max_length=LONG,
        textarea=True,
        hint=_("The prohibitions and requirements, and the court that made it."),
    )

    def clean(self):
        data = super().clean()
        self._dates_in_order(
            "made_on", "expires_on", _("The expiry date must be after the date the order was made")
        )
        return data


class CourtDateForm(RecordForm):
    on = DateField(what=_("The date"), label=_("Date"), help_text=_("For example, 17 10 2026"))
    court = _text(_("Court (optional)"), max_length=150)
    purpose = _text(
        _("What the hearing is for (optional)"),
        max_length=200,
        hint=_("For example, a plea hearing, a trial or an order application."),
    )


class PersonForm(RecordForm):
    name = _text(
        _("Name or description"),
        max_length=200,
        required=True,
        required_error=_("Enter a name or a description of the person"),
        hint=_("If the client does not know their name, describe them."),
    )
    description = _text(
        _("What they look like and how the client knows them (optional)"),
        max_length=LONG,
        textarea=True,
        hint=_("For example, height, build, what they often wear, where they work."),
    )
    vehicles = _text(
        _("Vehicles and registrations (optional)"),
        max_length=LONG,
        textarea=True,
        hint=_("One a line, for example: grey hatchback, AB12 CDE."),
    )
    phone_numbers = _text(
        _("Phone numbers (optional)"), max_length=LONG, textarea=True, hint=_("One a line.")
    )
    online_accounts = _text(
        _("Online accounts (optional)"),
        max_length=LONG,
        textarea=True,
        hint=_("One a line, with the site or app, for example: @name on Instagram."),
    )
    addresses = _text(
        _("Addresses (optional)"),
        max_length=LONG,
        textarea=True,
        hint=_("Home, work, or places they are often seen; one a line."),
    )


def _choices(model_choices):
    return [Choice(value, label) for value, label in model_choices]


class ReferralForm(RecordForm):
    route = forms.ChoiceField(
        label=_("Referral to"),
        choices=_choices(Referral.Route.choices),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select where the referral is to"),
            "invalid_choice": _("Select where the referral is to"),
        },
    )
    consent = forms.ChoiceField(
        label=_("Has the client agreed to this referral?"),
        choices=_choices(Referral.Consent.choices),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether the client agreed to this referral"),
            "invalid_choice": _("Select whether the client agreed to this referral"),
        },
    )
    consent_on = DateField(
        what=_("The date of consent"),
        when="past",
        required=False,
        label=_("When did they say so?"),
        help_text=_("For example, 17 10 2026. Needed once you have asked."),
    )
    sent_on = DateField(
        what=_("The date it was sent"),
        when="past",
        required=False,
        label=_("Date sent (optional)"),
        help_text=_("Leave it empty until it is sent."),
    )
    recipient = _text(
        _("Sent to (optional)"),
        max_length=200,
        hint=_("The team or person, for example the MARAC coordinator for the area."),
    )
    status = forms.ChoiceField(
        label=_("Where does it stand?"),
        choices=_choices(Referral.Status.choices),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select where the referral stands"),
            "invalid_choice": _("Select where the referral stands"),
        },
    )
    outcome = _text(
        _("Outcome (optional)"),
        max_length=LONG,
        textarea=True,
        hint=_("What came of it: for example, allocated to a Paladin ISAC, or heard at MARAC."),
    )

    def clean(self):
        data = super().clean()
        asked = data.get("consent") in ("yes", "no")
        if asked and not data.get("consent_on") and "consent_on" not in self.errors:
            self.add_error("consent_on", _("Enter the date the client said so"))
        if data.get("consent") == "not_asked":
            data["consent_on"] = None
        sent = data.get("status") not in (None, "", "not_sent")
        if sent and not data.get("sent_on") and "sent_on" not in self.errors:
            self.add_error("sent_on", _("Enter the date the referral was sent"))
        return data

    def apply_to(self, item, by=None) -> None:
        consent_before = (item.consent, item.consent_on) if item.pk else None
        super().apply_to(item, by)
        if (item.consent, item.consent_on) != consent_before and by is not None:
            item.consent_recorded_by = by
            item.consent_recorded_by_name = by.full_name or by.email
        if item.consent == "not_asked":
            item.consent_recorded_by = None
            item.consent_recorded_by_name = ""

"""The passphrase form, shared by the person's "Open a saved record" page and the advocate's
import. Only the shape is checked here; whether it opens anything is the service's business."""

from crispy_forms.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy

from screening.forms import ErrorLinksMixin, reject_hidden_characters
from screening.saved_records import passphrases

PASSPHRASE_MAX_LENGTH = 200


class PassphraseForm(ErrorLinksMixin, forms.Form):
    passphrase = forms.CharField(
        label=gettext_lazy("Your passphrase"),
        help_text=gettext_lazy("The 6 words, in order. Capital letters do not matter."),
        max_length=PASSPHRASE_MAX_LENGTH,
        validators=[reject_hidden_characters],
        error_messages={
            "required": gettext_lazy("Enter your passphrase"),
            "max_length": gettext_lazy("Your passphrase is 6 words: check what you entered"),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["passphrase"].widget.attrs.pop("maxlength", None)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(Field.text("passphrase", label_size=Size.MEDIUM))

    def clean_passphrase(self) -> str:
        value = passphrases.normalise(self.cleaned_data["passphrase"])
        if len(value.split(" ")) != passphrases.WORD_COUNT:
            raise forms.ValidationError(
                gettext_lazy("Enter all 6 words of your passphrase"), code="word_count"
            )
        return value

    def could_open(self) -> bool:
        """Whether the words are all from the list: if not, nothing can open, and no work is
        done to find that out."""
        return passphrases.looks_like_one(self.cleaned_data["passphrase"])


class ImportForm(PassphraseForm):
    consent = forms.BooleanField(
        label=gettext_lazy("The client agrees to bring their saved record into this case"),
        error_messages={"required": gettext_lazy("Confirm the client agrees before you import")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["passphrase"].label = gettext_lazy("The client's passphrase")
        self.helper.layout = Layout(
            Field.text("passphrase", label_size=Size.SMALL), Field.checkbox("consent")
        )

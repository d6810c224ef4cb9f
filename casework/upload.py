"""The CSV upload form for importing incident log entries."""

from crispy_forms.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from screening.forms import ErrorLinksMixin

MAX_BYTES = 2_000_000


class CsvUploadForm(ErrorLinksMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Saved from a spreadsheet as CSV (UTF-8), in the columns of the guide."),
        error_messages={
            "required": _("Choose a CSV file to import"),
            "empty": _("The file is empty"),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(Field("file", label_size=Size.SMALL))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(_("The file must be smaller than 2 MB"))
        try:
            self.cleaned_data["text"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The file must be a CSV file saved as UTF-8 text")) from None
        return upload

"""The summary to take to the police: optional details, a warning, then the PDF itself.

Results -> "Details for the police" (optional name and crime reference) -> "Before you
download" (the file stays on the device; printing is the alternative) -> the PDF, made in
memory and sent as an attachment. Every step needs a complete screening, like the results page.

The print view (/summary/print/) is the same police summary as a web page, for printing
without saving a file: the PDF template's own partial, filled from the same context.
"""

import logging

from crispy_forms.helper import FormHelper
from crispy_forms_gds.layout import Field, Fixed, Layout, Size
from django import forms
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from screening import pdf
from screening.answers import POLICE_DETAILS_KEY
from screening.downloads import pdf_response, render_in_time
from screening.forms import ErrorLinksMixin, reject_hidden_characters
from screening.incidents.presenters import POLICE, pdf_incident_options, prompt_texts
from screening.incidents.session_log import SessionIncidentLog
from screening.journey import PublicJourney
from screening.web import rate_limits

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100
REFERENCE_MAX_LENGTH = 40


class PoliceDetailsForm(ErrorLinksMixin, forms.Form):
    """Both fields are optional: the summary is complete without them."""

    name = forms.CharField(
        label=gettext_lazy("Your name (optional)"),
        help_text=gettext_lazy("This helps the police match the summary to you."),
        required=False,
        max_length=NAME_MAX_LENGTH,
        validators=[reject_hidden_characters],
        error_messages={
            "max_length": gettext_lazy("Your name must be 100 characters or fewer"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    reference = forms.CharField(
        label=gettext_lazy("Crime reference number (optional)"),
        help_text=gettext_lazy(
            "If you have already reported this, the police will have given you a number."
        ),
        required=False,
        max_length=REFERENCE_MAX_LENGTH,
        validators=[reject_hidden_characters],
        error_messages={
            "max_length": gettext_lazy("The crime reference number must be 40 characters or fewer"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The server checks the limits with a clear message; a maxlength attribute would cut
        # pasted text off without saying so.
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("name", label_size=Size.SMALL),
            Field.text("reference", label_size=Size.SMALL, field_width=Fixed.TWENTY),
        )

    def details(self) -> dict[str, str]:
        return {key: value.strip() for key, value in self.cleaned_data.items() if value.strip()}


def police_details(session) -> dict[str, str]:
    """The stored details, re-validated on read like every other answer."""
    stored = session.get(POLICE_DETAILS_KEY)
    if not isinstance(stored, dict):
        return {}
    form = PoliceDetailsForm(data=stored)
    return form.details() if form.is_valid() else {}


@require_http_methods(["GET", "POST"])
def details(request):
    """The "Details for the police" page: optional, nothing entered here is required."""
    if elsewhere := PublicJourney(request).complete_or_elsewhere():
        return elsewhere
    if request.method == "POST":
        form = PoliceDetailsForm(data=request.POST)
        if form.is_valid():
            request.session[POLICE_DETAILS_KEY] = form.details()
            return redirect("questions:summary-download")
        return render(request, "screening/summary_details.html", {"form": form}, status=422)
    form = PoliceDetailsForm(initial=police_details(request.session))
    return render(request, "screening/summary_details.html", {"form": form})


@require_safe
def before_download(request):
    """The "Before you download" page: the file will stay on this device."""
    if elsewhere := PublicJourney(request).complete_or_elsewhere():
        return elsewhere
    return render(request, "screening/summary_download.html")


def _police_summary_options(request, answers) -> dict:
    """What the PDF and the print view both show beyond the answers: the details given for
    the police, the incident log, and what the log records that the answers do not."""
    given = police_details(request.session)
    log = SessionIncidentLog(request.session)
    return {
        "person_name": given.get("name", ""),
        "police_reference": given.get("reference", ""),
        "log_prompts": prompt_texts(answers, log.all, reader=POLICE),
        **pdf_incident_options(log, today=timezone.localdate()),
    }


@require_safe
def print_view(request):
    """The police summary as a page to print: everything the PDF holds, and no file saved."""
    journey = PublicJourney(request)
    if elsewhere := journey.complete_or_elsewhere():
        return elsewhere
    answers = journey.answers
    context = pdf.summary_context(answers, **_police_summary_options(request, answers))
    return render(request, "screening/summary_print.html", context)


@require_safe
@rate_limits.limited("summary-pdf")
def download(request):
    """The PDF itself, made in memory and never written to disk.

    The person's incident log (kept in the session) goes into it: the pattern, the chart, the
    schedule, the evidence and, under each "Yes", the incidents that support it. A renderer
    that fails, or does not finish within ``PDF_TIMEOUT_SECONDS``, gets the same neutral page
    with the print alternative; the answers and the log stay in the session.
    """
    journey = PublicJourney(request)
    if elsewhere := journey.complete_or_elsewhere():
        return elsewhere
    answers = journey.store
    try:
        document = render_in_time(answers.all, **_police_summary_options(request, answers.all))
    except Exception as error:  # any renderer failure or time-out gets the same neutral page
        # Never log the error's message or traceback: either could quote an answer.
        logger.error("The summary PDF could not be made (%s)", type(error).__name__)
        return render(request, "screening/summary_failed.html", status=503)
    return pdf_response(document)

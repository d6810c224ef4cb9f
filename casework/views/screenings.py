"""Screenings on a case: the shared question journey (``screening.journey``) configured for
an advocate, plus completing, discarding, professional judgement and the PDF.

A screening is answered (one question at a time, or all at once), checked, then completed:
completing keeps a snapshot of the result with the versions of the bank and rules, who
completed it and when. A completed screening is a record of that day and is never changed or
scored again; circumstances change, so the advocate starts a new one and the case shows what
changed. Every page that shows case data writes a view event, and every change goes through
``casework.services``.
"""

import logging
from functools import cached_property

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from casework import audit, once, services
from casework.access import advocate_required
from casework.answers import CaseAnswers
from casework.forms import JudgementForm, PrintRangeForm
from casework.incident_log import CaseIncidentLog
from casework.models import Screening
from casework.presenters import (
    date_of_birth,
    describe_changes,
    judgements_in_force,
    level_of,
    people_for_pdf,
    police_case_details,
    previous_completed,
    result_of,
    safe_routes,
)
from casework.scoping import case_for, screening_for
from screening import contacts, flow, questions, referrals
from screening.changes import compare
from screening.downloads import TooLong, pdf_response, render_in_time
from screening.incidents.presenters import (
    ADVOCATE,
    POLICE,
    pdf_incident_options,
    prompt_texts,
    signs_supported,
)
from screening.journey import CheckAnswersView, Journey, QuestionView, QuickEntryView
from screening.judgement import levels_above
from screening.pdf import summary_context
from screening.presenters import present, summary
from screening.web import rate_limits

logger = logging.getLogger(__name__)


def _url(name: str, screening, **kwargs) -> str:
    return reverse(
        f"casework:{name}",
        kwargs={"case_id": screening.case_id, "screening_id": screening.pk, **kwargs},
    )


def _case_url(case) -> str:
    return reverse("casework:case", kwargs={"case_id": case.pk})


class CaseJourney(Journey):
    """An advocate answering with a client: answers on a screening in progress, the
    checklist's wording, the workspace frame, and an audit event for every page viewed."""

    base_template = "casework/base.html"
    canonical = True
    submit_label = gettext_lazy("Save and continue")
    check_title = gettext_lazy("Check the answers")

    def __init__(self, request, *, case_id, screening_id, **kwargs):
        super().__init__(request, **kwargs)
        self.screening = screening_for(request.user, case_id, screening_id)
        self.case = self.screening.case
        self._store = CaseAnswers(self.screening, by=request.user)

    @property
    def store(self):
        return self._store

    def refuse(self):
        if self.screening.is_complete:
            return redirect(_url("screening", self.screening))
        return None

    def question_url(self, slug: str, *, change: bool = False) -> str:
        url = _url("screening-question", self.screening, slug=slug)
        return f"{url}?change=1" if change else url

    def check_url(self) -> str:
        return _url("screening-check", self.screening)

    def before_first_url(self) -> str:
        return _case_url(self.case)

    def viewed(self) -> None:
        audit.record(self.request.user, audit.Action.VIEWED, self.case, "screening")

    def context(self) -> dict:
        return {
            "case": self.case,
            "screening": self.screening,
            "caption": self.case.client_reference,
            "stop_url": _case_url(self.case),
        }

    def name(self) -> str:
        """The name the questions use: the one answered, else the case's."""
        if self.answers.get(questions.ABOUT_SLUG):
            return super().name()
        return self.case.stalker_name

    @cached_property
    def earlier(self) -> Screening | None:
        """The case's last screening completed before this one was started."""
        return previous_completed(self.screening)

    @cached_property
    def _earlier_text(self) -> dict[str, str]:
        if self.earlier is None:
            return {}
        text: dict[str, list[str]] = {}
        for group in summary(self.earlier.answers, canonical=True):
            for row in group.rows:
                text.setdefault(row.slug, []).append("; ".join(row.lines))
        return {slug: " · ".join(parts) for slug, parts in text.items()}

    def quick_entry_initial(self, slug: str) -> dict:
        """A repeat screening's quick entry starts from the last completed screening's answers
        (a question answered in this screening keeps its own answer)."""
        answered = self.store.all.get(slug)
        if answered:
            return answered
        if self.earlier is not None and slug in self.earlier.answers:
            return self.earlier.answers[slug]
        return self.initial(slug)

    def compared(self, slug: str, current: dict | None) -> dict | None:
        if self.earlier is None or slug not in self.earlier.answers:
            return None
        return {
            "date": timezone.localdate(self.earlier.completed_at),
            "text": self._earlier_text.get(slug, ""),
            "changed": current is not None and current != self.earlier.answers[slug],
        }

    def initial(self, slug: str) -> dict:
        """An answer so far; for an unanswered "about them" page, what the case already says."""
        answered = super().initial(slug)
        if answered or slug != questions.ABOUT_SLUG:
            return answered
        initial = {"name": self.case.stalker_name[:100]}
        if self.case.relationship:
            initial["relationship"] = self.case.relationship
        return initial


_as_advocate = method_decorator(advocate_required, name="dispatch")


@_as_advocate
class CaseQuestionView(QuestionView):
    journey_class = CaseJourney


@_as_advocate
class CaseQuickEntryView(QuickEntryView):
    journey_class = CaseJourney


@_as_advocate
class CaseCheckView(CheckAnswersView):
    """The shared check page; completing the screening is a POST to the same address."""

    http_method_names = ["get", "head", "post"]
    journey_class = CaseJourney
    template_name = "casework/check_answers.html"

    def check_context(self, **extra) -> dict:
        journey = self.journey
        earlier = journey.earlier
        if earlier is not None:
            extra["earlier"] = earlier
            extra["change_groups"] = describe_changes(compare(earlier.answers, journey.answers))
        return super().check_context(complete_url=journey.check_url(), **extra)

    def post(self, request, **kwargs):
        journey = self.journey
        if not flow.is_complete(journey.answers):
            return journey.where_to_resume()
        services.complete_screening(
            screening=journey.screening,
            by=request.user,
            incident_count=len(CaseIncidentLog(journey.case)),
        )
        return redirect(_url("screening", journey.screening))


question = CaseQuestionView.as_view()
quick_entry = CaseQuickEntryView.as_view()
check = CaseCheckView.as_view()


@advocate_required
@require_http_methods(["GET", "POST"])
def start(request, case_id):
    """Before starting: is it safe to talk, and which routes are safe. Then start."""
    case = case_for(request.user, case_id)
    token = request.POST.get(once.FIELD) or once.new_token()
    if request.method == "POST":
        done = once.already_done(request.user, token)
        if done:
            return redirect(done)
        quick = request.POST.get("mode") == "quick"
        try:
            with transaction.atomic():
                screening = services.start_screening(case=case, by=request.user)
                target = (
                    _url("screening-quick", screening)
                    if quick
                    else _url("screening-question", screening, slug=questions.BANK[0].slug)
                )
                once.claim_or_roll_back(request.user, token, target)
        except once.Duplicate:
            return redirect(once.already_done(request.user, token))
        return redirect(target)
    audit.record(request.user, audit.Action.VIEWED, case, "screening")
    context = {"case": case, "token": token, "routes": safe_routes(case)}
    return render(request, "casework/screening_start.html", context)


@advocate_required
@require_http_methods(["GET", "POST"])
def discard(request, case_id, screening_id):
    """Discard a screening in progress (started by mistake), after a confirmation; a
    completed one is a record of its day and is kept."""
    screening = screening_for(request.user, case_id, screening_id)
    if screening.is_complete:
        return redirect(_url("screening", screening))
    if request.method == "POST":
        services.discard_screening(screening=screening, by=request.user)
        return redirect(_case_url(screening.case) + "?discarded=1")
    audit.record(request.user, audit.Action.VIEWED, screening.case, "screening")
    context = {
        "case": screening.case,
        "screening": screening,
        "answered": len(CaseAnswers(screening, by=request.user).all),
    }
    return render(request, "casework/screening_discard.html", context)


def _result_context(request, screening, judgement_form=None, range_form=None) -> dict:
    """The result page as the snapshot has it: nothing here scores the answers again."""
    case = screening.case
    answers = screening.answers
    log = CaseIncidentLog(case)
    shown = present(result_of(screening), answers)
    scored = shown.result.level
    level = level_of(screening)
    earlier = previous_completed(screening)
    return {
        "case": case,
        "screening": screening,
        "results": shown,
        "level": level,
        "level_label": gettext(level.label),
        "raised": level != scored,
        "judgements": list(screening.judgements.all()),
        "judgement_form": judgement_form
        or (JudgementForm(scored=level) if levels_above(level) else None),
        "range_form": range_form or PrintRangeForm(),
        "log_size": len(log.all),
        "routes": referrals.routes(
            level,
            [flag.code for flag in shown.flags],
            consent_to_share=case.consent_to_share,
            consent_to_refer=case.consent_to_refer,
        ),
        "earlier": earlier,
        "change_groups": describe_changes(compare(earlier.answers, answers)) if earlier else (),
        "contacts": contacts,
        "groups": summary(answers, canonical=True),
        "supported_by": signs_supported(log.all, [sign.number for sign in shown.signs]),
        "log_prompts": prompt_texts(answers, log.all, reader=ADVOCATE),
    }


@advocate_required
@require_safe
def result(request, case_id, screening_id):
    screening = screening_for(request.user, case_id, screening_id)
    if not screening.is_complete:
        return redirect(_url("screening-check", screening))
    audit.record(request.user, audit.Action.VIEWED, screening.case, "screening")
    return render(request, "casework/screening_result.html", _result_context(request, screening))


@advocate_required
@require_POST
def judgement(request, case_id, screening_id):
    """Raise the level on professional judgement (never lower it): a new entry each time."""
    screening = screening_for(request.user, case_id, screening_id)
    if not screening.is_complete:
        return redirect(_url("screening-check", screening))
    form = JudgementForm(data=request.POST, scored=level_of(screening))
    if not form.is_valid():
        context = _result_context(request, screening, judgement_form=form)
        return render(request, "casework/screening_result.html", context, status=422)
    services.raise_level(
        screening=screening, judgement=form.cleaned_data["judgement"], by=request.user
    )
    return redirect(_url("screening", screening))


@advocate_required
@require_POST
def withdraw_judgement(request, case_id, screening_id, judgement_id):
    """Withdraw a raise made in error; the level falls back, never below the checklist's."""
    screening = screening_for(request.user, case_id, screening_id)
    try:
        entry = screening.judgements.get(pk=judgement_id)
    except (ObjectDoesNotExist, ValueError):
        raise Http404 from None
    services.withdraw_judgement(entry=entry, by=request.user)
    return redirect(_url("screening", screening))


def _police_summary_options(screening, dates: dict) -> dict:
    """What the case's police summary shows beyond the answers, for the PDF and the print view
    alike: the screening as it was that day, the case's particulars, and the incident log as it
    stands now (or the ``dates`` chosen from it: ``printed_from`` and ``printed_to``)."""
    case = screening.case
    dob = date_of_birth(case)
    completed_on = timezone.localdate(screening.completed_at)
    log = CaseIncidentLog(case)
    today = timezone.localdate()
    return {
        "result": result_of(screening),
        "completed_on": completed_on,
        "person_name": case.client_name,
        "police_reference": case.police_reference,
        "completed_by": screening.completed_by_name or str(screening.conducted_by or ""),
        "organisation": case.organisation.name,
        "case_reference": case.client_reference,
        "stalker_date_of_birth": date_format(dob, "j F Y") if dob else "",
        "judgements": judgements_in_force(screening),
        "log_prompts": prompt_texts(screening.answers, log.all, reader=POLICE),
        "people": people_for_pdf(case),
        "case": police_case_details(case, today=today),
        **pdf_incident_options(
            log,
            today=today,
            completed_on=completed_on,
            starts=dates.get("printed_from"),
            ends=dates.get("printed_to"),
        ),
    }


def _printed_dates(request, screening):
    """(the dates asked for, None), or (None, the result page with the form's errors)."""
    if not PrintRangeForm.asked(request.GET):
        return {}, None
    form = PrintRangeForm(data=request.GET)
    if form.is_valid():
        return form.cleaned_data, None
    context = _result_context(request, screening, range_form=form)
    return None, render(request, "casework/screening_result.html", context, status=422)


@advocate_required
@require_safe
def print_view(request, case_id, screening_id):
    """The police summary as a page to print, the same as the PDF: also the way to print a log
    too long for one file."""
    screening = screening_for(request.user, case_id, screening_id)
    if not screening.is_complete:
        return redirect(_url("screening-check", screening))
    dates, refused = _printed_dates(request, screening)
    if refused is not None:
        return refused
    context = summary_context(screening.answers, **_police_summary_options(screening, dates))
    audit.record(request.user, audit.Action.VIEWED, screening.case, "summary to print")
    return render(
        request,
        "casework/screening_print.html",
        {**context, "case_record": screening.case, "screening": screening},
    )


@advocate_required
@require_safe
@rate_limits.limited("case-pdf", account=lambda request: request.user.pk)
def download(request, case_id, screening_id):
    """The police summary of one completed screening, as it was that day: its snapshot, its
    completion date and its judgement history, with the case's incident log as it stands now
    (labelled with the day it was printed, entries after the screening marked).

    ``printed_from`` and ``printed_to`` (``PrintRangeForm``) print part of a long log. A
    schedule too long to lay out in time is not attempted: the page says what to do instead.
    A renderer that fails or does not finish within ``PDF_TIMEOUT_SECONDS`` gets the neutral
    page, and nothing is exported.
    """
    screening = screening_for(request.user, case_id, screening_id)
    if not screening.is_complete:
        return redirect(_url("screening-check", screening))
    case = screening.case
    dates, refused = _printed_dates(request, screening)
    if refused is not None:
        return refused
    try:
        document = render_in_time(screening.answers, **_police_summary_options(screening, dates))
    except TooLong:
        context = {
            "case": case,
            "screening": screening,
            "query": request.GET.urlencode(),
            "dated": bool(dates),
        }
        return render(request, "casework/pdf_too_long.html", context, status=422)
    except Exception as error:  # any renderer failure or time-out gets the same neutral page
        logger.error("A case summary PDF could not be made (%s)", type(error).__name__)
        return render(
            request, "casework/pdf_failed.html", {"case": case, "screening": screening}, status=503
        )
    audit.record(request.user, audit.Action.EXPORTED, case, "pdf")
    return pdf_response(document)

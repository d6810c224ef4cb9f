"""Screenings on a case: the same questions, flow and scoring as the public journey,
saved to the case as they go, plus quick entry, professional judgement and the PDF.

A screening is answered (one question at a time, or all at once), checked, then
completed: completing records the level and the versions of the bank and rules.
A completed screening is a record of that day and is not changed; circumstances
change, so the advocate starts a new one and the case shows what changed.
"""

import logging

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from casework import audit, once
from casework.access import advocate_required
from casework.forms import JudgementForm
from casework.incident_log import CaseIncidentLog
from casework.models import Screening
from casework.presenters import (
    date_of_birth,
    describe_changes,
    judgement_of,
    level_of,
    previous_completed,
    safe_routes,
)
from casework.scoping import case_for, screening_for
from screening import contacts, flow, questions, rate_limits, referrals, scoring
from screening.answers import revalidate
from screening.changes import compare
from screening.forms import form_for, heading_in_form, helper_for
from screening.incident_presenters import pdf_incident_options, signs_supported
from screening.presenters import fill, police_name, results, summary
from screening.views.summary import pdf_response, render_in_time

logger = logging.getLogger(__name__)

CHANGE_PARAMETER = "change"


def _url(name: str, screening: Screening, **kwargs) -> str:
    return reverse(
        f"casework:{name}",
        kwargs={"case_id": screening.case_id, "screening_id": screening.pk, **kwargs},
    )


def question_url(screening: Screening, slug: str, *, change: bool = False) -> str:
    url = _url("screening-question", screening, slug=slug)
    return f"{url}?{CHANGE_PARAMETER}=1" if change else url


def _answers(screening: Screening) -> dict:
    return revalidate(screening.answers or {})


def _save(screening: Screening, answers: dict) -> None:
    screening.answers = flow.prune(answers)
    screening.save(update_fields=["answers"])
    screening.case.touch()


def _name(screening: Screening, answers: dict) -> str:
    """The name the questions use: the one answered, else the case's."""
    return (
        police_name(answers) if answers.get(questions.ABOUT_SLUG) else screening.case.stalker_name
    )


def _initial(screening: Screening, answers: dict, slug: str) -> dict:
    """What a question's form starts with: its answer so far, or for an unanswered "about
    them" page what the case already says."""
    if answers.get(slug) or slug != questions.ABOUT_SLUG:
        return answers.get(slug) or {}
    case = screening.case
    initial = {"name": case.stalker_name[:100]}
    if case.relationship:
        initial["relationship"] = case.relationship
    return initial


def _where_to_resume(screening: Screening, answers: dict):
    """The first question still to answer, or the check page when there is none."""
    unanswered = flow.first_unanswered(answers)
    if unanswered is None:
        return redirect(_url("screening-check", screening))
    return redirect(question_url(screening, unanswered.slug))


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
                screening = Screening.objects.create(
                    case=case,
                    conducted_by=request.user,
                    answers={},
                    bank_version=questions.BANK_VERSION,
                )
                target = (
                    _url("screening-quick", screening)
                    if quick
                    else question_url(screening, questions.BANK[0].slug)
                )
                once.claim_or_roll_back(request.user, token, target)
                case.touch()
                audit.record(request.user, audit.Action.CREATED, case, "screening")
        except once.Duplicate:
            return redirect(once.already_done(request.user, token))
        return redirect(target)
    context = {"case": case, "token": token, "routes": safe_routes(case)}
    return render(request, "casework/screening_start.html", context)


def _in_progress_or_result(screening: Screening):
    if screening.is_complete:
        return redirect(_url("screening", screening))
    return None


@advocate_required
@require_http_methods(["GET", "POST"])
def question(request, case_id, screening_id, slug):
    screening = screening_for(request.user, case_id, screening_id)
    if elsewhere := _in_progress_or_result(screening):
        return elsewhere
    try:
        asked = questions.question(slug)
    except KeyError:
        raise Http404 from None
    answers = _answers(screening)
    if not flow.is_reachable(slug, answers):
        return _where_to_resume(screening, answers)
    changing = request.GET.get(CHANGE_PARAMETER) == "1"
    name = _name(screening, answers)
    form_class = form_for(asked, name=name, canonical=True)
    status = 200
    if request.method == "POST":
        form = form_class(data=request.POST)
        if form.is_valid():
            answers[slug] = form.answer()
            _save(screening, answers)
            audit.record(request.user, audit.Action.CHANGED, screening.case, "screening")
            following = flow.next_question(slug, screening.answers)
            if following is None or (changing and flow.is_complete(screening.answers)):
                return redirect(_url("screening-check", screening))
            return redirect(question_url(screening, following.slug, change=changing))
        status = 422
    else:
        form = form_class(initial=_initial(screening, answers, slug))
    previous = flow.previous_question(slug, answers)
    if changing:
        back = _url("screening-check", screening)
    elif previous:
        back = question_url(screening, previous.slug)
    else:
        back = reverse("casework:case", kwargs={"case_id": case_id})
    position = flow.progress(slug)
    context = {
        "case": screening.case,
        "screening": screening,
        "form": form,
        "helper": helper_for(asked),
        "title": fill(asked.canonical or asked.title, name),
        "heading_in_form": heading_in_form(asked),
        "progress": position,
        "back_url": back,
        "page_title": (
            gettext("Question %(number)s of %(total)s")
            % {"number": position[0], "total": position[1]}
            if position
            else fill(asked.title, gettext("this person"))
        ),
    }
    return render(request, "casework/screening_question.html", context, status=status)


@advocate_required
@require_http_methods(["GET", "POST"])
def quick_entry(request, case_id, screening_id):
    """Every question on one page, for an advocate who has the answers to hand."""
    screening = screening_for(request.user, case_id, screening_id)
    if elsewhere := _in_progress_or_result(screening):
        return elsewhere
    answers = _answers(screening)
    name = _name(screening, answers)
    status = 200
    if request.method == "POST":
        forms_ = [
            form_for(asked, name=name, canonical=True)(data=request.POST, prefix=asked.slug)
            for asked in questions.BANK
        ]
        valid = [form.is_valid() for form in forms_]
        if all(valid):
            _save(screening, {form.question.slug: form.answer() for form in forms_})
            audit.record(request.user, audit.Action.CHANGED, screening.case, "screening")
            return redirect(_url("screening-check", screening))
        # Keep what was valid, so nothing already entered is lost if they leave now.
        kept = {
            **answers,
            **{f.question.slug: f.answer() for f, ok in zip(forms_, valid, strict=True) if ok},
        }
        _save(screening, kept)
        status = 422
    else:
        forms_ = [
            form_for(asked, name=name, canonical=True)(
                initial=_initial(screening, answers, asked.slug),
                prefix=asked.slug,
            )
            for asked in questions.BANK
        ]
    sections = [
        {
            "form": form,
            "helper": helper_for(form.question, heading_tag="h2"),
            "title": fill(form.question.canonical or form.question.title, name),
            "heading_in_form": heading_in_form(form.question),
        }
        for form in forms_
    ]
    error_links = [link for form in forms_ for link in form.error_links()]
    return render(
        request,
        "casework/screening_quick.html",
        {
            "case": screening.case,
            "screening": screening,
            "sections": sections,
            "error_links": error_links,
        },
        status=status,
    )


@advocate_required
@require_http_methods(["GET", "POST"])
def check(request, case_id, screening_id):
    screening = screening_for(request.user, case_id, screening_id)
    if elsewhere := _in_progress_or_result(screening):
        return elsewhere
    answers = _answers(screening)
    if not flow.is_complete(answers):
        return _where_to_resume(screening, answers)
    if request.method == "POST":
        with transaction.atomic():
            # A second click finds the screening already complete and goes to the result.
            locked = Screening.objects.select_for_update().get(pk=screening.pk)
            if not locked.is_complete:
                result = scoring.score(answers)
                locked.answers = answers
                locked.level = str(result.level)
                locked.bank_version = result.bank_version
                locked.rules_version = result.rules_version
                locked.completed_at = timezone.now()
                locked.save()
                screening.case.touch()
                audit.record(request.user, audit.Action.CHANGED, screening.case, "screening")
        return redirect(_url("screening", screening))
    context = {
        "case": screening.case,
        "screening": screening,
        "groups": summary(answers, canonical=True),
        "back_url": question_url(screening, flow.visible_questions(answers)[-1].slug),
    }
    return render(request, "casework/screening_check.html", context)


def _result_context(request, screening: Screening, judgement_form=None) -> dict:
    case = screening.case
    answers = screening.answers
    log = CaseIncidentLog(case)
    shown = results(answers, incident_count=len(log))
    scored = scoring.Level(screening.level)
    level = level_of(screening)
    earlier = previous_completed(screening)
    return {
        "case": case,
        "screening": screening,
        "results": shown,
        "level": level,
        "judgement": judgement_of(screening),
        "judgement_form": judgement_form
        or (JudgementForm(scored=scored) if level.rank < scoring.Level.SERIOUS.rank else None),
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
    """Raise the level on professional judgement (never lower it)."""
    screening = screening_for(request.user, case_id, screening_id)
    if not screening.is_complete:
        return redirect(_url("screening-check", screening))
    current = level_of(screening)
    form = JudgementForm(data=request.POST, scored=current)
    if not form.is_valid():
        context = _result_context(request, screening, judgement_form=form)
        return render(request, "casework/screening_result.html", context, status=422)
    decided = form.cleaned_data["judgement"]
    screening.judgement_level = str(decided.level)
    screening.judgement_reason = decided.reason
    screening.save(update_fields=["judgement_level", "judgement_reason"])
    screening.case.touch()
    audit.record(request.user, audit.Action.CHANGED, screening.case, "professional judgement")
    return redirect(_url("screening", screening))


@advocate_required
@require_safe
@rate_limits.limited("case-pdf", account=lambda request: request.user.pk)
def download(request, case_id, screening_id):
    """The police summary for a case screening, with the professional and the case's
    references, any professional judgement, and the case's incident log.

    Rendered like the public summary (``render_in_time``): a renderer that fails or does not
    finish within ``PDF_TIMEOUT_SECONDS`` gets the neutral page, and nothing is exported.
    """
    screening = screening_for(request.user, case_id, screening_id)
    if not screening.is_complete:
        return redirect(_url("screening-check", screening))
    case = screening.case
    dob = date_of_birth(case)
    try:
        document = render_in_time(
            screening.answers,
            person_name=case.client_name,
            police_reference=case.police_reference,
            completed_by=str(screening.conducted_by or request.user),
            organisation=case.organisation.name,
            case_reference=case.client_reference,
            stalker_date_of_birth=dob.strftime("%-d %B %Y") if dob else "",
            judgement=judgement_of(screening),
            **pdf_incident_options(CaseIncidentLog(case), today=timezone.localdate()),
        )
    except Exception as error:  # any renderer failure or time-out gets the same neutral page
        logger.error("A case summary PDF could not be made (%s)", type(error).__name__)
        return render(
            request, "casework/pdf_failed.html", {"case": case, "screening": screening}, status=503
        )
    audit.record(request.user, audit.Action.EXPORTED, case, "pdf")
    return pdf_response(document)

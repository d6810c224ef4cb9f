"""The self-screening journey: the shared question and check pages (``journey``) configured
for a person in their own session, then their results.

Views stay thin: the bank says what a page asks, ``flow`` says where to go,
``forms`` validates, ``answers`` stores and ``presenters`` words the results.
"""

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from screening import contacts, flow
from screening.answers import SessionAnswers
from screening.incidents.presenters import pattern_context, prompt_texts, signs_supported
from screening.incidents.session_log import SessionIncidentLog
from screening.journey import CheckAnswersView, PublicJourney, QuestionView, not_started
from screening.presenters import display_name, results


@require_safe
def begin(request):
    """The start of the questions: resume where this person left off."""
    journey = PublicJourney(request)
    journey.store.start()
    return journey.where_to_resume()


question = QuestionView.as_view(journey_class=PublicJourney)
check_answers = CheckAnswersView.as_view(journey_class=PublicJourney)


@require_safe
def results_page(request):
    journey = PublicJourney(request)
    if elsewhere := journey.complete_or_elsewhere():
        return elsewhere
    answers = journey.store
    log = SessionIncidentLog(request.session)
    found = results(answers.all, incident_count=len(log))
    context = {
        "results": found,
        "name": display_name(answers.all),
        "contacts": contacts,
        "incident_count": len(log),
        "supported_by": signs_supported(log.all, (sign.number for sign in found.signs)),
        "log_prompts": prompt_texts(answers.all, log.all),
        **pattern_context(log.all, today=timezone.localdate()),
    }
    return render(request, "screening/results.html", context)


@require_http_methods(["GET", "POST"])
def start_again(request):
    """Delete the answers but stay: for someone who wants to begin afresh. A GET asks first,
    saying exactly what will be deleted, with a way back; only the POST deletes."""
    answers = SessionAnswers(request.session)
    if request.method == "GET":
        if not answers.started:
            return not_started(request)
        context = {
            "incident_count": len(SessionIncidentLog(request.session)),
            "finished": flow.is_complete(answers.all),
        }
        return render(request, "screening/start_again.html", context)
    answers.clear()
    SessionIncidentLog(request.session).clear()
    answers.start()
    return redirect("questions:begin")

"""The self-screening journey: one view for every question, then check and results.

Views stay thin: the bank says what a page asks, ``flow`` says where to go,
``forms`` validates, ``answers`` stores and ``presenters`` words the results.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.http import require_POST, require_safe

from screening import contacts, flow, questions
from screening.answers import SessionAnswers
from screening.forms import blank_form_html, form_for, heading_in_form, helper_for
from screening.incident_log import SessionIncidentLog
from screening.incident_presenters import signs_supported
from screening.presenters import display_name, fill, results, summary
from screening.views.guards import not_started
from screening.views.incident_log import pattern_context

CHANGE_PARAMETER = "change"


def question_url(slug: str, *, change: bool = False) -> str:
    url = reverse("questions:question", kwargs={"slug": slug})
    return f"{url}?{CHANGE_PARAMETER}=1" if change else url


def _where_to_resume(answers: SessionAnswers):
    unanswered = flow.first_unanswered(answers.all)
    if unanswered is None:
        return redirect("questions:check")
    return redirect(question_url(unanswered.slug))


@require_safe
def begin(request):
    """The start of the questions: resume where this person left off."""
    answers = SessionAnswers(request.session)
    answers.start()
    return _where_to_resume(answers)


class QuestionView(View):
    """Any question in the bank, at /questions/<slug>/."""

    template_name = "screening/question.html"

    def dispatch(self, request, slug):
        try:
            self.question = questions.question(slug)
        except KeyError:
            raise Http404 from None
        self.answers = SessionAnswers(request.session)
        if not self.answers.started:
            return not_started(request)
        if not flow.is_reachable(slug, self.answers.all):
            return _where_to_resume(self.answers)
        self.changing = request.GET.get(CHANGE_PARAMETER) == "1"
        self.name = display_name(self.answers.all)
        return super().dispatch(request, slug)

    def make_form(self, **kwargs):
        return form_for(self.question, name=self.name)(**kwargs)

    def get(self, request, slug):
        initial = self.answers.all.get(slug, {})
        if not initial:
            # A page not answered yet is the same empty form for everyone: the kept markup.
            return self.render(None, form_html=blank_form_html(self.question, name=self.name))
        return self.render(self.make_form(initial=initial))

    def post(self, request, slug):
        form = self.make_form(data=request.POST)
        if not form.is_valid():
            return self.render(form, status=422)
        self.answers.save(slug, form.answer())
        following = flow.next_question(slug, self.answers.all)
        if following is None or (self.changing and flow.is_complete(self.answers.all)):
            return redirect("questions:check")
        return redirect(question_url(following.slug, change=self.changing))

    def back_url(self) -> str:
        if self.changing:
            return reverse("questions:check")
        previous = flow.previous_question(self.question.slug, self.answers.all)
        return question_url(previous.slug) if previous else reverse("before-you-start")

    def page_title(self) -> str:
        position = flow.progress(self.question.slug)
        if position:
            return gettext("Question %(number)s of %(total)s") % {
                "number": position[0],
                "total": position[1],
            }
        return fill(self.question.title, gettext("this person"))

    def render(self, form, status=200, form_html=None):
        name = self.name
        context = {
            "question": self.question,
            "form": form,
            "form_html": form_html,
            "helper": helper_for(self.question),
            "title": fill(self.question.title, name),
            "hint": fill(self.question.hint, name),
            "heading_in_form": heading_in_form(self.question),
            "progress": flow.progress(self.question.slug),
            "page_title": self.page_title(),
            "back_url": self.back_url(),
        }
        return render(self.request, self.template_name, context, status=status)


def _complete_answers_or_redirect(request):
    answers = SessionAnswers(request.session)
    if not answers.started:
        return answers, not_started(request)
    if not flow.is_complete(answers.all):
        return answers, _where_to_resume(answers)
    return answers, None


@require_safe
def check_answers(request):
    answers, elsewhere = _complete_answers_or_redirect(request)
    if elsewhere:
        return elsewhere
    context = {
        "groups": summary(answers.all),
        "change_parameter": CHANGE_PARAMETER,
        "back_url": question_url(flow.visible_questions(answers.all)[-1].slug),
    }
    return render(request, "screening/check_answers.html", context)


@require_safe
def results_page(request):
    answers, elsewhere = _complete_answers_or_redirect(request)
    if elsewhere:
        return elsewhere
    log = SessionIncidentLog(request.session)
    found = results(answers.all, incident_count=len(log))
    context = {
        "results": found,
        "name": display_name(answers.all),
        "contacts": contacts,
        "incident_count": len(log),
        "supported_by": signs_supported(log.all, (sign.number for sign in found.signs)),
        **pattern_context(log),
    }
    return render(request, "screening/results.html", context)


@require_POST
def start_again(request):
    """Delete the answers but stay: for someone who wants to begin afresh."""
    answers = SessionAnswers(request.session)
    answers.clear()
    SessionIncidentLog(request.session).clear()
    answers.start()
    return redirect("questions:begin")

"""One question journey, configured for who is answering: generic views, like Django's own.

A person screening themselves and an advocate screening with a client walk the same pages:
one question view, one check page and one quick-entry page, each driven by the bank, ``flow``
and the question's form. What differs is held by a ``Journey``: where the answers live (the
session, or a screening on a case), the URLs, the wording (the person's own, or the checklist's
canonical wording), the page frame, and what happens when a page is viewed (an advocate's view
of a case is audited).

Each audience subclasses ``Journey`` once: ``PublicJourney`` here, ``CaseJourney`` in the
advocate workspace. The views take the journey class as a configuration attribute.
"""

from dataclasses import replace

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from django.views import View

from screening import flow, questions
from screening.answers import SessionAnswers
from screening.forms import blank_form_html, form_for, heading_in_form, helper_for
from screening.presenters import Group, display_name, fill, police_name, summary

CHANGE_PARAMETER = "change"


def not_started(request):
    """Where a page that needs a screening in progress sends someone without one.

    A session cookie with no screening behind it means the session ended (idle time
    ran out): say so, so nobody wonders where their answers went. Otherwise, the start.
    """
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return redirect("session-ended")
    return redirect("start")


class Journey:
    """Where one screening's answers live and where its pages are. Subclasses fill it in."""

    #: The page frame the journey's templates extend.
    base_template = "base.html"
    #: The checklist's own wording (advocates) instead of the person's second-person wording.
    canonical = False
    submit_label = gettext_lazy("Continue")
    check_title = gettext_lazy("Check your answers")

    def __init__(self, request, **kwargs):
        """``kwargs`` are the page's URL parameters; a subclass takes the ones it needs."""
        self.request = request

    # --- To fill in ---------------------------------------------------------------------

    @property
    def store(self):
        """The answers: an object with ``all`` (valid answers so far) and ``save``."""
        raise NotImplementedError

    def refuse(self):
        """A response when this journey cannot be walked now (no screening in progress);
        ``None`` to go on."""
        return None

    def question_url(self, slug: str, *, change: bool = False) -> str:
        raise NotImplementedError

    def check_url(self) -> str:
        raise NotImplementedError

    def before_first_url(self) -> str:
        """The Back link on the first question."""
        raise NotImplementedError

    def viewed(self) -> None:
        """Called when a page showing the answers is viewed."""

    def context(self) -> dict:
        """What every page of the journey adds to its template (a caption, a case)."""
        return {}

    def initial(self, slug: str) -> dict:
        """What a question's form starts with: its answer so far."""
        return self.store.all.get(slug, {})

    def quick_entry_initial(self, slug: str) -> dict:
        """What quick entry starts a question with; a journey with an earlier screening to
        start from says so here."""
        return self.initial(slug)

    def compared(self, slug: str, current: dict | None) -> dict | None:
        """The earlier screening's answer to show beside a question, and whether ``current``
        differs from it: {"date", "text", "changed"}, or None when there is nothing earlier."""
        return None

    # --- Shared -------------------------------------------------------------------------

    @property
    def answers(self) -> dict:
        return self.store.all

    def name(self) -> str:
        """What the questions call the person doing this."""
        return police_name(self.answers) if self.canonical else display_name(self.answers)

    def wording(self, question: questions.Question) -> str:
        return question.canonical if self.canonical and question.canonical else question.title

    def where_to_resume(self):
        """The first question still to answer, or the check page when there is none."""
        unanswered = flow.first_unanswered(self.answers)
        if unanswered is None:
            return redirect(self.check_url())
        return redirect(self.question_url(unanswered.slug))

    def page_context(self, **extra) -> dict:
        return {"base_template": self.base_template, **self.context(), **extra}


class PublicJourney(Journey):
    """A person screening themselves: answers in their session, their own wording."""

    def __init__(self, request, **kwargs):
        super().__init__(request, **kwargs)
        self._store = SessionAnswers(request.session)

    @property
    def store(self):
        return self._store

    def refuse(self):
        return None if self.store.started else not_started(self.request)

    def question_url(self, slug: str, *, change: bool = False) -> str:
        url = reverse("questions:question", kwargs={"slug": slug})
        return f"{url}?{CHANGE_PARAMETER}=1" if change else url

    def check_url(self) -> str:
        return reverse("questions:check")

    def before_first_url(self) -> str:
        return reverse("before-you-start")

    def complete_or_elsewhere(self):
        """``None`` when every question is answered (results, summary and PDF may be shown);
        otherwise where to go instead."""
        if refused := self.refuse():
            return refused
        if not flow.is_complete(self.answers):
            return self.where_to_resume()
        return None


class JourneyView(View):
    """A page of the journey: makes the journey from the request, then lets it refuse."""

    journey_class: type[Journey] = PublicJourney

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        self.journey = self.journey_class(request, **kwargs)
        refused = self.journey.refuse()
        if refused is not None:
            return refused
        return super().dispatch(request, *args, **kwargs)


class QuestionView(JourneyView):
    """Any question in the bank, one page each, for any journey."""

    http_method_names = ["get", "head", "post"]
    template_name = "screening/question.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.question = questions.question(kwargs["slug"])
        except KeyError:
            raise Http404 from None
        self.changing = request.GET.get(CHANGE_PARAMETER) == "1"
        return super().dispatch(request, *args, **kwargs)

    def make_form(self, **kwargs):
        journey = self.journey
        return form_for(self.question, name=journey.name(), canonical=journey.canonical)(**kwargs)

    def get(self, request, **kwargs):
        journey = self.journey
        if not flow.is_reachable(self.question.slug, journey.answers):
            return journey.where_to_resume()
        journey.viewed()
        initial = journey.initial(self.question.slug)
        if not initial:
            # A page not answered yet is the same empty form for everyone: the kept markup.
            html = blank_form_html(self.question, name=journey.name(), canonical=journey.canonical)
            return self.render(None, form_html=html)
        return self.render(self.make_form(initial=initial))

    def post(self, request, **kwargs):
        journey = self.journey
        slug = self.question.slug
        if not flow.is_reachable(slug, journey.answers):
            return journey.where_to_resume()
        form = self.make_form(data=request.POST)
        if not form.is_valid():
            return self.render(form, status=422)
        journey.store.save(slug, form.answer())
        answers = journey.answers
        following = flow.next_question(slug, answers)
        if following is None or (self.changing and flow.is_complete(answers)):
            return redirect(journey.check_url())
        return redirect(journey.question_url(following.slug, change=self.changing))

    def back_url(self) -> str:
        journey = self.journey
        if self.changing:
            return journey.check_url()
        previous = flow.previous_question(self.question.slug, journey.answers)
        return journey.question_url(previous.slug) if previous else journey.before_first_url()

    def page_title(self) -> str:
        position = flow.progress(self.question.slug)
        if position:
            return gettext("Question %(number)s of %(total)s") % {
                "number": position[0],
                "total": position[1],
            }
        return fill(self.question.title, gettext("this person"))

    def render(self, form, status=200, form_html=None):
        journey = self.journey
        name = journey.name()
        context = journey.page_context(
            question=self.question,
            form=form,
            form_html=form_html,
            helper=helper_for(self.question),
            title=fill(journey.wording(self.question), name),
            hint="" if journey.canonical else fill(self.question.hint, name),
            heading_in_form=heading_in_form(self.question),
            progress=flow.progress(self.question.slug),
            page_title=self.page_title(),
            back_url=self.back_url(),
            submit_label=journey.submit_label,
        )
        return render(self.request, self.template_name, context, status=status)


class CheckAnswersView(JourneyView):
    """Every answer with a Change link back to its question; then on to the results."""

    http_method_names = ["get", "head"]
    template_name = "screening/check_answers.html"

    def get(self, request, **kwargs):
        journey = self.journey
        answers = journey.answers
        if not flow.is_complete(answers):
            return journey.where_to_resume()
        journey.viewed()
        return render(request, self.template_name, self.check_context())

    def check_context(self, **extra) -> dict:
        journey = self.journey
        answers = journey.answers
        groups = tuple(
            Group(
                group.title,
                tuple(
                    replace(row, change_url=journey.question_url(row.slug, change=True))
                    for row in group.rows
                ),
            )
            for group in summary(answers, canonical=journey.canonical)
        )
        return journey.page_context(
            groups=groups,
            check_title=journey.check_title,
            back_url=journey.question_url(flow.visible_questions(answers)[-1].slug),
            **extra,
        )


class QuickEntryView(JourneyView):
    """Every question on one page, for someone who has the answers to hand."""

    http_method_names = ["get", "head", "post"]
    template_name = "screening/quick_entry.html"

    def get(self, request, **kwargs):
        journey = self.journey
        journey.viewed()
        forms = [
            form_for(asked, name=journey.name(), canonical=journey.canonical)(
                initial=journey.quick_entry_initial(asked.slug), prefix=asked.slug
            )
            for asked in questions.BANK
        ]
        return self.render(forms)

    def post(self, request, **kwargs):
        journey = self.journey
        forms = [
            form_for(asked, name=journey.name(), canonical=journey.canonical)(
                data=request.POST, prefix=asked.slug
            )
            for asked in questions.BANK
        ]
        valid = [form.is_valid() for form in forms]
        if all(valid):
            journey.store.save_all({form.question.slug: form.answer() for form in forms})
            return redirect(journey.check_url())
        # Keep what was valid, so nothing already entered is lost if they leave now.
        kept = {
            **journey.answers,
            **{f.question.slug: f.answer() for f, ok in zip(forms, valid, strict=True) if ok},
        }
        journey.store.save_all(kept)
        return self.render(forms, status=422)

    def render(self, forms, status=200):
        journey = self.journey
        name = journey.name()
        sections = [
            {
                "form": form,
                "helper": helper_for(form.question, heading_tag="h2"),
                "title": fill(journey.wording(form.question), name),
                "heading_in_form": heading_in_form(form.question),
                "number": form.question.number,
                "earlier": journey.compared(form.question.slug, _current_answer(form)),
            }
            for form in forms
        ]
        error_links = [link for form in forms for link in form.error_links()]
        context = journey.page_context(sections=sections, error_links=error_links)
        return render(self.request, self.template_name, context, status=status)


def _current_answer(form) -> dict | None:
    """What a quick-entry form holds now: the valid answer posted, the answer it started with,
    or None when what was posted is not valid yet."""
    if form.is_bound:
        return form.answer() if form.is_valid() else None
    return form.initial or None

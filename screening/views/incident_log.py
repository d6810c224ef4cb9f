"""The record pages: a person screening themselves keeps a log of incidents in their session.

/record/ lists the entries (with the pattern and the chart once there are any); /record/add/,
/record/<id>/change/ and /record/<id>/delete/ (with a confirmation) change them. The pages are
open once the screening has started, so someone can write an entry down as soon as they think
of it, before they finish the questions. Nothing is saved beyond the session.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from screening import flow, presenters, questions
from screening.answers import SessionAnswers
from screening.incidents import new_id
from screening.incidents import presenters as incident_presenters
from screening.incidents.forms import IncidentForm
from screening.incidents.presenters import entry_view
from screening.incidents.session_log import LogFull, SessionIncidentLog
from screening.journey import not_started
from screening.presenters import display_name

#: What was just done to the record, shown once as a banner on the record page.
NOTICE_KEY = "record_notice"
ADDED, CHANGED, DELETED = "added", "changed", "deleted"


def yes_sign_choices(answers: questions.Answers) -> tuple[tuple[int, str], ...]:
    """(number, question as the person saw it) for each warning sign they answered "Yes"."""
    return presenters.yes_sign_choices(answers, name=display_name(answers))


def pattern_context(log: SessionIncidentLog) -> dict:
    """The pattern flags and the chart, for the record page and the results page alike."""
    return incident_presenters.pattern_context(log.all, today=timezone.localdate())


class _RecordView(View):
    """Every record page needs a screening in progress; otherwise it goes to the start page."""

    def dispatch(self, request, *args, **kwargs):
        self.answers = SessionAnswers(request.session)
        if not self.answers.started:
            return not_started(request)
        self.log = SessionIncidentLog(request.session)
        return super().dispatch(request, *args, **kwargs)

    def entry_or_404(self, entry_id: str):
        incident = self.log.get(entry_id)
        if incident is None:
            raise Http404
        return incident

    def base_context(self) -> dict:
        return {"finished": flow.is_complete(self.answers.all)}


class RecordPage(_RecordView):
    http_method_names = ["get"]

    def get(self, request):
        names = dict(yes_sign_choices(self.answers.all))
        context = {
            **self.base_context(),
            "entries": [entry_view(i, sign_names=names or None, police=False) for i in self.log],
            "is_full": self.log.is_full,
            "notice": request.session.pop(NOTICE_KEY, None),
            **pattern_context(self.log),
        }
        return render(request, "screening/record/list.html", context)


class EntryFormPage(_RecordView):
    """Add an entry (no ``entry_id``) or change one."""

    http_method_names = ["get", "post"]

    def form(self, **kwargs) -> IncidentForm:
        return IncidentForm(
            today=timezone.localdate(),
            sign_choices=yes_sign_choices(self.answers.all),
            **kwargs,
        )

    def get(self, request, entry_id=None):
        if entry_id is None:
            if self.log.is_full:
                return redirect("questions:record")
            form = self.form(initial={"entry": new_id()})
        else:
            form = IncidentForm.for_incident(
                self.entry_or_404(entry_id),
                today=timezone.localdate(),
                sign_choices=yes_sign_choices(self.answers.all),
            )
        return self.render(form, entry_id)

    def post(self, request, entry_id=None):
        if entry_id is not None:
            self.entry_or_404(entry_id)
        form = self.form(data=request.POST)
        if not form.is_valid():
            return self.render(form, entry_id, status=422)
        incident = form.incident(incident_id=entry_id or "")
        if entry_id is None:
            try:
                self.log.add(incident)
            except LogFull:
                return redirect("questions:record")
        else:
            self.log.replace(incident)
        request.session[NOTICE_KEY] = ADDED if entry_id is None else CHANGED
        return redirect("questions:record")

    def render(self, form, entry_id, status=200):
        context = {**self.base_context(), "form": form, "changing": entry_id is not None}
        return render(self.request, "screening/record/entry.html", context, status=status)


class DeletePage(_RecordView):
    http_method_names = ["get", "post"]

    def get(self, request, entry_id):
        incident = self.entry_or_404(entry_id)
        context = {**self.base_context(), "entry": entry_view(incident, police=False)}
        return render(request, "screening/record/delete.html", context)

    def post(self, request, entry_id):
        if self.log.get(entry_id) is not None:
            self.log.delete(entry_id)
            request.session[NOTICE_KEY] = DELETED
        return redirect("questions:record")


record = RecordPage.as_view()
add_entry = EntryFormPage.as_view()
change_entry = EntryFormPage.as_view()
delete_entry = DeletePage.as_view()

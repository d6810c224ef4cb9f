from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from screening.views import incident_log, language, pages, questionnaire, summary

handler400 = "screening.views.errors.bad_request"
handler403 = "screening.views.errors.permission_denied"
handler404 = "screening.views.errors.page_not_found"
handler500 = "screening.views.errors.server_error"

question_patterns = [
    path("questions/", questionnaire.begin, name="begin"),
    path("questions/<slug:slug>/", questionnaire.question, name="question"),
    path("check-your-answers/", questionnaire.check_answers, name="check"),
    path("results/", questionnaire.results_page, name="results"),
    path("start-again/", questionnaire.start_again, name="start-again"),
    path("summary/details/", summary.details, name="summary-details"),
    path("summary/download/", summary.before_download, name="summary-download"),
    path("summary/file/", summary.download, name="summary-file"),
    path("summary/print/", summary.print_view, name="summary-print"),
    path("record/", incident_log.record, name="record"),
    path("record/add/", incident_log.add_entry, name="record-add"),
    path("record/<slug:entry_id>/change/", incident_log.change_entry, name="record-change"),
    path("record/<slug:entry_id>/delete/", incident_log.delete_entry, name="record-delete"),
]

urlpatterns = [
    path("", pages.InfoPage.as_view(template_name="pages/start.html"), name="start"),
    path(
        "before-you-start/",
        pages.InfoPage.as_view(template_name="pages/before_you_start.html"),
        name="before-you-start",
    ),
    path(
        "staying-safe-online/",
        pages.InfoPage.as_view(template_name="pages/staying_safe_online.html"),
        name="staying-safe-online",
    ),
    path(
        "accessibility/",
        pages.InfoPage.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    path("privacy/", pages.InfoPage.as_view(template_name="pages/privacy.html"), name="privacy"),
    path("exit/", pages.exit_now, name="exit"),
    path("language/<str:language_code>/", language.switch, name="switch-language"),
    path("", include((question_patterns, "questions"))),
    path("", include("screening.saved_records.urls")),
    path("session/keep/", pages.keep_session, name="session-extend"),
    path("session/ended/", pages.session_ended, name="session-ended"),
    path("cases/", include("casework.urls")),
]
if settings.SITE_ADMIN:
    urlpatterns.append(path("cases/admin/", admin.site.urls))

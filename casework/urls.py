from django.urls import path

from casework.views import (
    accounts,
    cases,
    incidents,
    notes,
    organisation,
    records,
    safety_plan,
    saved_record_import,
    screenings,
    tasks,
)

app_name = "casework"

screening_prefix = "<uuid:case_id>/screenings/<uuid:screening_id>/"

urlpatterns = [
    path("", cases.case_list, name="cases"),
    path("sign-in/", accounts.SignInView.as_view(), name="sign-in"),
    path("two-factor/", accounts.two_factor, name="two-factor"),
    path("sign-out/", accounts.sign_out, name="sign-out"),
    path("signed-out/", accounts.signed_out, name="signed-out"),
    path("join/", accounts.join, name="join"),
    path("password/", accounts.change_password, name="change-password"),
    path("new/", cases.new_case, name="new-case"),
    path("<uuid:case_id>/", cases.case_detail, name="case"),
    path("<uuid:case_id>/details/", cases.edit_case, name="edit-case"),
    path("<uuid:case_id>/open/", cases.set_open, name="set-open"),
    path("<uuid:case_id>/erase/", cases.erase_case, name="erase-case"),
    path("<uuid:case_id>/hand-over/", cases.hand_over, name="hand-over"),
    path("<uuid:case_id>/restricted/", cases.set_restricted, name="set-restricted"),
    path("<uuid:case_id>/screenings/new/", screenings.start, name="start-screening"),
    path(screening_prefix, screenings.result, name="screening"),
    path(
        f"{screening_prefix}questions/<slug:slug>/", screenings.question, name="screening-question"
    ),
    path(f"{screening_prefix}quick/", screenings.quick_entry, name="screening-quick"),
    path(f"{screening_prefix}check/", screenings.check, name="screening-check"),
    path(f"{screening_prefix}judgement/", screenings.judgement, name="screening-judgement"),
    path(
        f"{screening_prefix}judgement/<uuid:judgement_id>/withdraw/",
        screenings.withdraw_judgement,
        name="screening-judgement-withdraw",
    ),
    path(f"{screening_prefix}discard/", screenings.discard, name="screening-discard"),
    path(f"{screening_prefix}summary/", screenings.download, name="screening-pdf"),
    path(f"{screening_prefix}summary/print/", screenings.print_view, name="screening-print"),
    path(
        "<uuid:case_id>/saved-record/",
        saved_record_import.import_saved_record,
        name="import-saved-record",
    ),
    path("<uuid:case_id>/log/", incidents.incident_list, name="incidents"),
    path("<uuid:case_id>/log/add/", incidents.incident_form, name="incident-add"),
    path(
        "<uuid:case_id>/log/<str:entry_id>/change/", incidents.incident_form, name="incident-change"
    ),
    path(
        "<uuid:case_id>/log/<str:entry_id>/delete/",
        incidents.incident_delete,
        name="incident-delete",
    ),
    path("<uuid:case_id>/log/export/", incidents.incident_export, name="incident-export"),
    path("<uuid:case_id>/log/import/", incidents.incident_import, name="incident-import"),
    path("<uuid:case_id>/notes/", notes.note_list, name="notes"),
    path("<uuid:case_id>/notes/add/", notes.note_form, name="note-add"),
    path("<uuid:case_id>/notes/<uuid:note_id>/correct/", notes.note_form, name="note-correct"),
    path("<uuid:case_id>/tasks/add/", tasks.task_add, name="task-add"),
    path("<uuid:case_id>/review/", tasks.review_date, name="review-date"),
    path("<uuid:case_id>/tasks/<uuid:task_id>/done/", tasks.task_done, name="task-done"),
    path("<uuid:case_id>/justice/", records.justice, name="justice"),
    path("<uuid:case_id>/people/", records.people, name="people"),
    path("<uuid:case_id>/referrals/", records.referrals, name="referrals"),
    path(
        "<uuid:case_id>/referrals/<uuid:referral_id>/summary/",
        records.referral_summary,
        name="referral-pdf",
    ),
    path("<uuid:case_id>/safety-plan/", safety_plan.safety_plan, name="safety-plan"),
    path(
        "<uuid:case_id>/safety-plan/review/",
        safety_plan.review_safety_plan,
        name="safety-plan-review",
    ),
    path(
        "<uuid:case_id>/safety-plan/print/",
        safety_plan.print_safety_plan,
        name="safety-plan-print",
    ),
    path(
        "<uuid:case_id>/safety-plan/<uuid:plan_id>/",
        safety_plan.safety_plan_version,
        name="safety-plan-version",
    ),
    path("<uuid:case_id>/records/<slug:kind>/add/", records.record_form, name="record-add"),
    path(
        "<uuid:case_id>/records/<slug:kind>/<uuid:item_id>/change/",
        records.record_form,
        name="record-change",
    ),
    path("organisation/advocates/", organisation.advocates, name="advocates"),
    path("organisation/advocates/new/", organisation.add_advocate, name="add-advocate"),
    path(
        "organisation/advocates/<int:user_id>/active/", organisation.set_active, name="set-active"
    ),
    path(
        "organisation/advocates/<int:user_id>/two-factor/",
        organisation.reset_two_factor,
        name="reset-two-factor",
    ),
    path("organisation/audit/", organisation.audit_log, name="audit-log"),
    path("organisation/report/", organisation.report, name="report"),
    path("organisation/report.csv", organisation.report_csv, name="report-csv"),
]

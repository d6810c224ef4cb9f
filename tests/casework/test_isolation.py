"""Two organisations side by side: every URL with an object in it is a 404 to the other
one, for GET, POST and the PDF (docs/safety.md C17). The patterns come from the URL
resolver, so a new one cannot escape the matrix."""

import uuid
from datetime import date

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.incident_log import CaseIncidentLog
from casework.models import (
    AuditEvent,
    Case,
    CaseIncident,
    CaseNote,
    CrimeReference,
    Handover,
    Invitation,
    JudgementEntry,
    Perpetrator,
    ProtectiveOrder,
    Referral,
    SafetyPlan,
    Screening,
    Task,
    User,
)
from tests.casework.conftest import make_advocate, make_case, signed_in
from tests.casework.records import completed_screening, started_screening, url
from tests.casework.urls import OBJECT_PARAMETERS, build, casework_patterns
from tests.incident_examples import FULL

# Parameters that choose a page, not an object someone owns.
PAGE_PARAMETERS = {"slug", "kind"}
WITH_OBJECTS = {
    name: parameters
    for name, parameters in casework_patterns().items()
    if set(parameters) & OBJECT_PARAMETERS
}
# Pages that are someone's only when they manage the organisation.
ADMIN_ONLY = {"set-active", "reset-two-factor", "advocates", "add-advocate", "audit-log"}


def test_every_parameter_of_every_pattern_is_understood():
    for name, parameters in casework_patterns().items():
        unknown = set(parameters) - OBJECT_PARAMETERS - PAGE_PARAMETERS
        assert not unknown, f"{name} has parameters the isolation matrix cannot fill: {unknown}"


def test_the_matrix_has_every_object_pattern():
    assert {"case", "edit-case", "set-open", "erase-case", "start-screening"} <= set(WITH_OBJECTS)
    assert {"screening", "screening-pdf", "screening-judgement", "set-active"} <= set(WITH_OBJECTS)
    assert len(WITH_OBJECTS) >= 13


@pytest.fixture
def theirs(organisation, advocate):
    """Organisation A's case, with a finished and an unfinished screening."""
    case = make_case(organisation, advocate, client_reference="NORTH-SECRET-REF")
    done = completed_screening(case, advocate, days_ago=3, yes=(1, 6))
    going = started_screening(case, advocate)
    CaseIncidentLog(case).add(FULL)
    raised = JudgementEntry.objects.create(
        screening=done, level="serious", reason="Escalating", made_by=advocate
    )
    note = CaseNote.objects.create(
        case=case, kind="note", happened_on=date(2026, 11, 1), text="North note", author=advocate
    )
    task = Task.objects.create(case=case, title="North task", assignee=advocate)
    order = ProtectiveOrder.objects.create(
        case=case, kind="spo", made_on=date(2026, 1, 5), details="North order"
    )
    plan = SafetyPlan.objects.create(case=case, sections={"home": "North plan"})
    referral = Referral.objects.create(case=case, route="paladin", outcome="North outcome")
    case.refresh_from_db()
    return {
        "plan": plan,
        "referral": referral,
        "task": task,
        "order": order,
        "case": case,
        "done": done,
        "going": going,
        "entry": FULL,
        "judgement": raised,
        "note": note,
    }


def objects_for(theirs, screening, person):
    return {
        "case_id": theirs["case"].pk,
        "screening_id": screening.pk,
        "user_id": person.pk,
        "entry_id": theirs["entry"].id,
        "judgement_id": theirs["judgement"].pk,
        "note_id": theirs["note"].pk,
        "task_id": theirs["task"].pk,
        "item_id": theirs["order"].pk,
        "kind": "order",
        "plan_id": theirs["plan"].pk,
        "referral_id": theirs["referral"].pk,
        "slug": "feelings",
    }


def every_url_of(theirs, person):
    for name, parameters in sorted(WITH_OBJECTS.items()):
        for screening in (theirs["done"], theirs["going"]):
            yield name, build(name, parameters, objects_for(theirs, screening, person))


def outsiders(other_organisation):
    return {
        "advocate": make_advocate(other_organisation, "lee@south.example"),
        "organisation admin": make_advocate(other_organisation, "mo@south.example", admin=True),
    }


def nothing_changed(theirs, person):
    case = Case.objects.get(pk=theirs["case"].pk)
    assert case.is_open
    assert case.client_reference == "NORTH-SECRET-REF"
    assert case.touched_at == theirs["case"].touched_at
    assert Screening.objects.filter(case=case).count() == 2
    going = Screening.objects.get(pk=theirs["going"].pk)
    assert going.answers == {}
    assert not going.is_complete
    assert [(j.level, j.reason) for j in theirs["done"].judgements.all()] == [
        ("serious", "Escalating")
    ]
    assert not theirs["done"].judgements.get().is_withdrawn
    assert CaseIncident.objects.get(case=case).entry["what_happened"] == FULL.what_happened
    assert [(n.text, n.corrects_id) for n in CaseNote.objects.filter(case=case)] == [
        ("North note", None)
    ]
    assert case.owner == person and not case.is_restricted
    assert not Handover.objects.exists()
    assert not Task.objects.get(case=case).is_done
    assert Task.objects.count() == 1
    assert [(o.kind, o.details) for o in ProtectiveOrder.objects.all()] == [("spo", "North order")]
    assert not CrimeReference.objects.exists() and not Perpetrator.objects.exists()
    assert [p.sections for p in SafetyPlan.objects.all()] == [{"home": "North plan"}]
    assert [r.outcome for r in Referral.objects.all()] == ["North outcome"]
    assert User.objects.get(pk=person.pk).is_active
    assert TOTPDevice.objects.filter(user=person).exists()
    assert not AuditEvent.objects.exclude(actor__organisation=case.organisation).exists()


@pytest.mark.parametrize("role", ["advocate", "organisation admin"])
def test_another_organisation_gets_404_for_every_object_url(
    client, theirs, advocate, other_organisation, role
):
    someone = outsiders(other_organisation)[role]
    signed_in(client, someone)
    for name, address in every_url_of(theirs, advocate):
        posted = client.post(address, {"open": "no", "active": "no", "mode": "quick"})
        fetched = client.get(address)
        if role == "advocate" and name in ADMIN_ONLY:
            # Not theirs to manage at all: refused before anything is looked up.
            assert posted.status_code == fetched.status_code == 403, name
            continue
        # A POST-only page answers GET with 405, and a GET-only page POST, before it looks
        # anything up; never both.
        assert posted.status_code in (404, 405), (name, address, posted.status_code)
        assert fetched.status_code in (404, 405), (name, address, fetched.status_code)
        assert 404 in (posted.status_code, fetched.status_code), (name, address)
        assert b"NORTH-SECRET-REF" not in posted.content + fetched.content
    nothing_changed(theirs, advocate)


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_organisation_is_answered_as_if_the_object_did_not_exist(
    client, theirs, advocate, outsider, method
):
    signed_in(client, outsider)
    missing = {
        "case_id": uuid.uuid4(),
        "screening_id": uuid.uuid4(),
        "user_id": 999_999,
        "entry_id": "nosuchentry",
        "judgement_id": uuid.uuid4(),
        "note_id": uuid.uuid4(),
        "task_id": uuid.uuid4(),
        "item_id": uuid.uuid4(),
        "plan_id": uuid.uuid4(),
        "referral_id": uuid.uuid4(),
        "kind": "order",
        "slug": "feelings",
    }
    for name, parameters in WITH_OBJECTS.items():
        real = build(name, parameters, objects_for(theirs, theirs["done"], advocate))
        made_up = build(name, parameters, missing)
        real_status = getattr(client, method)(real).status_code
        assert real_status == getattr(client, method)(made_up).status_code, name


def test_a_screening_of_another_case_is_not_reached_through_ones_own_case(
    client, theirs, outsider, other_organisation
):
    own_case = make_case(other_organisation, outsider)
    signed_in(client, outsider)
    for name, parameters in WITH_OBJECTS.items():
        if "screening_id" not in parameters:
            continue
        address = build(
            name,
            parameters,
            {
                "case_id": own_case.pk,
                "screening_id": theirs["done"].pk,
                "judgement_id": theirs["judgement"].pk,
                "slug": "feelings",
            },
        )
        statuses = {client.get(address).status_code, client.post(address).status_code}
        assert statuses <= {404, 405}, name
        assert 404 in statuses, name


def test_an_incident_of_another_case_is_not_reached_through_ones_own_case(
    client, theirs, outsider, other_organisation
):
    own_case = make_case(other_organisation, outsider)
    signed_in(client, outsider)
    for name, parameters in WITH_OBJECTS.items():
        if "entry_id" not in parameters:
            continue
        address = build(name, parameters, {"case_id": own_case.pk, "entry_id": theirs["entry"].id})
        assert client.get(address).status_code in (404, 405), name
        assert client.post(address).status_code == 404, name


def test_a_note_of_another_case_is_not_reached_through_ones_own_case(
    client, theirs, outsider, other_organisation
):
    own_case = make_case(other_organisation, outsider)
    signed_in(client, outsider)
    for name, parameters in WITH_OBJECTS.items():
        if "note_id" not in parameters:
            continue
        address = build(name, parameters, {"case_id": own_case.pk, "note_id": theirs["note"].pk})
        assert client.get(address).status_code == 404, name
        assert client.post(address, {"text": "Theirs"}).status_code == 404, name
    assert not CaseNote.objects.filter(case=own_case).exists()


def test_a_task_of_another_case_is_not_reached_through_ones_own_case(
    client, theirs, outsider, other_organisation
):
    own_case = make_case(other_organisation, outsider)
    signed_in(client, outsider)
    address = url("task-done", case_id=own_case.pk, task_id=theirs["task"].pk)
    assert client.post(address, {"done": "yes"}).status_code == 404
    assert not Task.objects.get(pk=theirs["task"].pk).is_done


def test_a_record_of_another_case_is_not_reached_through_ones_own_case(
    client, theirs, outsider, other_organisation
):
    own_case = make_case(other_organisation, outsider)
    signed_in(client, outsider)
    address = url("record-change", case_id=own_case.pk, kind="order", item_id=theirs["order"].pk)
    assert client.get(address).status_code == 404
    assert client.post(address, {"kind": "restraining"}).status_code == 404
    assert ProtectiveOrder.objects.get(pk=theirs["order"].pk).kind == "spo"


def test_the_pdf_of_another_organisation_is_404(client, theirs, outsider):
    signed_in(client, outsider)
    address = url("screening-pdf", case_id=theirs["case"].pk, screening_id=theirs["done"].pk)
    response = client.get(address)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_the_organisation_itself_reaches_every_object_url(client, theirs, advocate, admin_advocate):
    signed_in(client, admin_advocate)
    for name, address in every_url_of(theirs, advocate):
        if name == "erase-case":
            continue  # answered below, last: it would take the case away
        assert client.get(address).status_code in (200, 302, 405), (name, address)
    done = theirs["done"]
    pdf = client.get(url("screening-pdf", case_id=done.case_id, screening_id=done.pk))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert client.post(url("set-open", case_id=done.case_id), {"open": "no"}).status_code == 302
    assert not Case.objects.get(pk=done.case_id).is_open
    assert client.get(url("erase-case", case_id=done.case_id)).status_code == 200
    assert client.post(url("erase-case", case_id=done.case_id)).status_code == 302
    assert not Case.objects.filter(pk=done.case_id).exists()


def test_the_case_list_shows_only_ones_own_organisations_cases(
    client, theirs, outsider, other_organisation
):
    make_case(other_organisation, outsider, client_reference="SOUTH-REF")
    signed_in(client, outsider)
    content = client.get(url("cases")).content.decode()
    assert "SOUTH-REF" in content
    assert "NORTH-SECRET-REF" not in content
    closed = client.get(url("cases"), {"show": "closed"}).content.decode()
    assert "NORTH-SECRET-REF" not in closed


@pytest.mark.parametrize("page", ["advocates", "add-advocate", "audit-log", "report", "report-csv"])
def test_organisation_pages_are_403_for_advocates_who_are_not_admins(advocate_client, page):
    assert advocate_client.get(url(page)).status_code == 403
    assert advocate_client.post(url(page)).status_code == 403


def test_an_admin_sees_only_their_own_organisations_advocates_and_audit_log(
    client, theirs, advocate, outsider
):
    signed_in(client, advocate)
    client.get(url("case", case_id=theirs["case"].pk))
    signed_in(client, outsider)
    people = client.get(url("advocates")).content.decode()
    assert outsider.email in people
    assert advocate.email not in people
    log = client.get(url("audit-log")).content.decode()
    assert str(theirs["case"].pk) not in log
    assert advocate.email not in log


@pytest.mark.parametrize("page", ["set-active", "reset-two-factor"])
def test_an_admin_cannot_act_on_another_organisations_advocates(client, advocate, outsider, page):
    signed_in(client, outsider)
    response = client.post(url(page, user_id=advocate.pk), {"active": "no"})
    assert response.status_code == 404
    advocate.refresh_from_db()
    assert advocate.is_active
    assert TOTPDevice.objects.filter(user=advocate).exists()


def test_an_admin_manages_their_own_organisations_advocates(client, admin_advocate, advocate):
    signed_in(client, admin_advocate)
    response = client.post(url("set-active", user_id=advocate.pk), {"active": "no"})
    assert response.status_code == 302
    advocate.refresh_from_db()
    assert not advocate.is_active
    client.post(url("reset-two-factor", user_id=advocate.pk))
    assert not TOTPDevice.objects.filter(user=advocate).exists()


def test_an_admin_cannot_lock_themselves_out(client, admin_advocate):
    signed_in(client, admin_advocate)
    response = client.post(url("set-active", user_id=admin_advocate.pk), {"active": "no"})
    assert response.status_code == 403
    admin_advocate.refresh_from_db()
    assert admin_advocate.is_active


def test_an_admin_adds_advocates_only_to_their_own_organisation(client, admin_advocate):
    signed_in(client, admin_advocate)
    response = client.post(
        url("add-advocate"),
        {"full_name": "Pat New", "email": "Pat@North.example", "organisation": "999"},
    )
    assert response.status_code == 200
    invitation = Invitation.objects.get(email="pat@north.example")
    assert invitation.organisation == admin_advocate.organisation
    assert not invitation.is_organisation_admin

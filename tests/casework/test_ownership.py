"""Every case has an owner. Owners hand cases over with a note; managers (organisation admins)
see every case and reassign any of them; a restricted case is seen only by its owner and the
managers; only the owner or a manager can erase a case."""

import re

import pytest

from casework.models import AuditEvent, Case, Handover
from tests.casework.conftest import make_advocate, make_case, signed_in
from tests.casework.records import url
from tests.casework.urls import build, casework_patterns


@pytest.fixture
def colleague(organisation):
    return make_advocate(organisation, "ash@north.example")


def test_a_new_case_is_owned_by_the_advocate_who_opened_it(advocate_client, advocate):
    form = advocate_client.get(url("new-case"))
    advocate_client.post(
        url("new-case"),
        {
            "client_reference": "CR-9",
            "stalker_name": "Alex",
            "consent_to_share": "not_asked",
            "consent_to_refer": "not_asked",
            "safe_call": "not_asked",
            "safe_voicemail": "not_asked",
            "safe_text": "not_asked",
            "safe_email": "not_asked",
            "submission_token": form.context["token"],
        },
    )
    assert Case.objects.get().owner == advocate


def test_the_owner_hands_a_case_over_with_a_note_and_it_is_audited(
    advocate_client, case, advocate, colleague
):
    page = advocate_client.get(url("hand-over", case_id=case.pk))
    assert page.status_code == 200
    assert colleague.full_name in page.content.decode()
    response = advocate_client.post(
        url("hand-over", case_id=case.pk),
        {"owner": colleague.pk, "note": "Client prefers mornings. Court on the 3rd."},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.owner == colleague
    handover = Handover.objects.get(case=case)
    assert (handover.from_owner, handover.to_owner, handover.by) == (advocate, colleague, advocate)
    assert handover.note == "Client prefers mornings. Court on the 3rd."
    assert AuditEvent.objects.filter(case_id=case.pk, action="changed", subject="owner").exists()
    shown = advocate_client.get(url("case", case_id=case.pk)).content.decode()
    assert "Client prefers mornings. Court on the 3rd." in shown
    assert colleague.full_name in shown


def test_a_handover_needs_a_note_and_keeps_what_was_typed(advocate_client, case, colleague):
    response = advocate_client.post(
        url("hand-over", case_id=case.pk), {"owner": colleague.pk, "note": ""}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Enter a note for whoever takes the case on" in page
    assert re.search(rf'value="{colleague.pk}"\s+checked', page)
    case.refresh_from_db()
    assert case.owner != colleague


def test_a_case_cannot_be_handed_to_someone_outside_the_organisation(
    advocate_client, case, advocate, outsider
):
    response = advocate_client.post(
        url("hand-over", case_id=case.pk), {"owner": outsider.pk, "note": "Over to you"}
    )
    assert response.status_code == 422
    case.refresh_from_db()
    assert case.owner == advocate


def test_a_case_cannot_be_handed_to_an_advocate_who_has_left(
    advocate_client, case, advocate, colleague
):
    colleague.is_active = False
    colleague.save()
    response = advocate_client.post(
        url("hand-over", case_id=case.pk), {"owner": colleague.pk, "note": "Over to you"}
    )
    assert response.status_code == 422
    case.refresh_from_db()
    assert case.owner == advocate


def test_a_manager_reassigns_a_case_they_do_not_own(client, case, admin_advocate, colleague):
    signed_in(client, admin_advocate)
    response = client.post(
        url("hand-over", case_id=case.pk), {"owner": colleague.pk, "note": "Covering leave"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.owner == colleague
    assert Handover.objects.get().by == admin_advocate


@pytest.mark.parametrize("page", ["hand-over", "erase-case", "set-restricted"])
def test_an_advocate_who_neither_owns_nor_manages_the_case_is_refused(
    client, case, advocate, colleague, page
):
    signed_in(client, colleague)
    posted = client.post(
        url(page, case_id=case.pk), {"owner": colleague.pk, "note": "Mine", "restricted": "yes"}
    )
    assert posted.status_code == 403
    body = posted.content.decode()
    assert "You do not have access to this" in body
    assert "govuk-exit-this-page" not in body
    case.refresh_from_db()
    assert case.owner == advocate
    assert not case.is_restricted
    assert Case.objects.filter(pk=case.pk).exists()
    if page != "set-restricted":
        assert client.get(url(page, case_id=case.pk)).status_code == 403


def test_the_owner_erases_their_own_case(advocate_client, case):
    assert advocate_client.post(url("erase-case", case_id=case.pk)).status_code == 302
    assert not Case.objects.filter(pk=case.pk).exists()


def test_a_manager_erases_a_case_they_do_not_own(client, case, admin_advocate):
    signed_in(client, admin_advocate)
    assert client.post(url("erase-case", case_id=case.pk)).status_code == 302
    assert not Case.objects.filter(pk=case.pk).exists()


def test_the_case_page_offers_erasure_only_to_whoever_may_erase(client, case, colleague):
    signed_in(client, colleague)
    page = client.get(url("case", case_id=case.pk)).content.decode()
    assert url("erase-case", case_id=case.pk) not in page
    assert url("hand-over", case_id=case.pk) not in page


# --- Restricted cases ---------------------------------------------------------------------------


def test_the_owner_restricts_a_case_and_it_is_audited(advocate_client, case):
    response = advocate_client.post(url("set-restricted", case_id=case.pk), {"restricted": "yes"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.is_restricted
    assert AuditEvent.objects.filter(case_id=case.pk, subject="restricted").exists()
    advocate_client.post(url("set-restricted", case_id=case.pk), {"restricted": "no"})
    case.refresh_from_db()
    assert not case.is_restricted


CASE_PAGES = {
    name: parameters
    for name, parameters in casework_patterns().items()
    if parameters == ("case_id",)
}


def test_a_restricted_case_is_404_to_other_advocates_on_every_page(
    client, case, advocate, colleague
):
    Case.objects.filter(pk=case.pk).update(is_restricted=True, client_reference="ZQXHIDDEN")
    case.refresh_from_db()
    signed_in(client, colleague)
    assert len(CASE_PAGES) >= 8
    for name, parameters in CASE_PAGES.items():
        address = build(name, parameters, {"case_id": case.pk})
        posted = client.post(address, {"restricted": "no", "open": "no"})
        assert posted.status_code in (404, 405), name  # 405: a page that takes no POST at all
        assert client.get(address).status_code in (404, 405), name
    listing = client.get(url("cases"), {"view": "all"}).content.decode()
    assert "ZQXHIDDEN" not in listing
    case.refresh_from_db()
    assert case.is_restricted and case.is_open


def test_a_restricted_case_is_seen_by_its_owner_and_the_managers(
    client, case, advocate, admin_advocate
):
    Case.objects.filter(pk=case.pk).update(is_restricted=True)
    for person in (advocate, admin_advocate):
        signed_in(client, person)
        assert client.get(url("case", case_id=case.pk)).status_code == 200
        assert "CR-001" in client.get(url("cases"), {"view": "all"}).content.decode()


def test_handing_over_a_restricted_case_moves_who_can_see_it(
    advocate_client, client, case, advocate, colleague
):
    Case.objects.filter(pk=case.pk).update(is_restricted=True)
    advocate_client.post(
        url("hand-over", case_id=case.pk), {"owner": colleague.pk, "note": "Yours now"}
    )
    assert advocate_client.get(url("case", case_id=case.pk)).status_code == 404
    signed_in(client, colleague)
    assert client.get(url("case", case_id=case.pk)).status_code == 200


def test_a_manager_sees_every_case_of_the_organisation(client, organisation, admin_advocate):
    people = [make_advocate(organisation, f"p{n}@north.example") for n in range(2)]
    for number, person in enumerate(people):
        make_case(organisation, person, client_reference=f"REF-{number}", is_restricted=True)
    signed_in(client, admin_advocate)
    listing = client.get(url("cases"), {"view": "all"}).content.decode()
    assert "REF-0" in listing and "REF-1" in listing


# --- The workspace's own refusal page ----------------------------------------------------------


@pytest.mark.parametrize("page", ["advocates", "add-advocate", "audit-log", "report"])
def test_an_advocate_opening_a_managers_page_gets_the_workspaces_refusal(advocate_client, page):
    response = advocate_client.get(url(page))
    assert response.status_code == 403
    body = response.content.decode()
    assert "You do not have access to this" in body
    assert "govuk-exit-this-page" not in body
    assert "Exit this page" not in body
    assert url("cases") in body


def test_erasing_a_case_takes_everything_kept_on_it(advocate_client, case, advocate, colleague):
    from datetime import date

    from casework import models

    models.CaseNote.objects.create(case=case, kind="note", happened_on=date(2026, 1, 1), text="n")
    models.Task.objects.create(case=case, title="t", assignee=advocate)
    models.Handover.objects.create(case=case, note="h", to_owner=colleague)
    models.CrimeReference.objects.create(case=case, reference="r")
    models.BailCondition.objects.create(case=case, conditions="b")
    models.ProtectiveOrder.objects.create(case=case, kind="spo", made_on=date(2026, 1, 1))
    models.CourtDate.objects.create(case=case, on=date(2026, 1, 1))
    models.Perpetrator.objects.create(case=case, name="p")
    models.Referral.objects.create(case=case, route="police")
    models.SafetyPlan.objects.create(case=case, sections={"home": "s"})
    kept = (
        models.CaseNote,
        models.Task,
        models.Handover,
        models.CrimeReference,
        models.BailCondition,
        models.ProtectiveOrder,
        models.CourtDate,
        models.Perpetrator,
        models.Referral,
        models.SafetyPlan,
    )
    assert all(model.objects.filter(case=case).exists() for model in kept)
    assert advocate_client.post(url("erase-case", case_id=case.pk)).status_code == 302
    for model in kept:
        assert not model.objects.exists(), model.__name__

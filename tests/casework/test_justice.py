"""Criminal justice and the people doing it: crime references with the officer in the case, bail
conditions, orders with their expiry (flagged on the caseload before they expire), court dates,
and more than one person per case with their vehicles, numbers, accounts and addresses."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework.models import (
    AuditEvent,
    BailCondition,
    Case,
    CourtDate,
    CrimeReference,
    Perpetrator,
    ProtectiveOrder,
)
from tests.casework.conftest import make_case
from tests.casework.records import url


def today():
    return timezone.localdate()


def date_fields(prefix, day) -> dict:
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


def post_record(client, case, kind, data, item=None):
    if item is None:
        address = url("record-add", case_id=case.pk, kind=kind)
    else:
        address = url("record-change", case_id=case.pk, kind=kind, item_id=item.pk)
    return client.post(address, data)


def test_a_crime_reference_is_kept_with_the_officer_in_the_case(advocate_client, case, advocate):
    response = post_record(
        advocate_client,
        case,
        "crime-reference",
        {
            "reference": "CR/2026/1234",
            "force": "North Police",
            "officer": "DC Lee",
            "officer_contact": "07700 900123",
        },
    )
    assert response.status_code == 302
    kept = CrimeReference.objects.get(case=case)
    assert (kept.reference, kept.officer, kept.officer_contact) == (
        "CR/2026/1234",
        "DC Lee",
        "07700 900123",
    )
    assert kept.recorded_by == advocate
    assert AuditEvent.objects.filter(
        case_id=case.pk, action="created", subject="crime reference"
    ).exists()
    page = advocate_client.get(url("justice", case_id=case.pk)).content.decode()
    assert "CR/2026/1234" in page and "DC Lee" in page
    assert AuditEvent.objects.filter(case_id=case.pk, action="viewed", subject="justice").exists()


def test_bail_conditions_are_kept_with_their_dates(advocate_client, case):
    response = post_record(
        advocate_client,
        case,
        "bail",
        {
            "conditions": "Not to contact her directly or indirectly.",
            **date_fields("starts_on", today()),
            **date_fields("ends_on", today() + timedelta(days=28)),
        },
    )
    assert response.status_code == 302
    bail = BailCondition.objects.get()
    assert bail.ends_on == today() + timedelta(days=28)


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        ("spo", "Stalking Protection Order"),
        ("restraining", "Restraining order"),
        ("non_molestation", "Non-molestation order"),
    ],
)
def test_each_kind_of_order_is_recorded_with_its_dates(advocate_client, case, kind, label):
    response = post_record(
        advocate_client,
        case,
        "order",
        {
            "kind": kind,
            **date_fields("made_on", today() - timedelta(days=100)),
            **date_fields("expires_on", today() + timedelta(days=265)),
            "details": "Not to enter Elm Street.",
        },
    )
    assert response.status_code == 302
    order = ProtectiveOrder.objects.get()
    assert order.kind == kind
    assert order.expires_on == today() + timedelta(days=265)
    assert label in advocate_client.get(url("justice", case_id=case.pk)).content.decode()


def test_an_order_cannot_expire_before_it_was_made(advocate_client, case):
    response = post_record(
        advocate_client,
        case,
        "order",
        {
            "kind": "spo",
            **date_fields("made_on", today()),
            **date_fields("expires_on", today() - timedelta(days=1)),
            "details": "Kept as typed",
        },
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "The expiry date must be after the date the order was made" in body
    assert "Kept as typed" in body
    assert not ProtectiveOrder.objects.exists()


def test_a_court_date_is_recorded(advocate_client, case):
    response = post_record(
        advocate_client,
        case,
        "court-date",
        {
            **date_fields("on", today() + timedelta(days=10)),
            "court": "Northtown Magistrates' Court",
            "purpose": "Plea hearing",
        },
    )
    assert response.status_code == 302
    assert CourtDate.objects.get().court == "Northtown Magistrates' Court"


def test_a_record_is_changed_and_the_change_is_audited(advocate_client, case, advocate):
    post_record(advocate_client, case, "crime-reference", {"reference": "CR/1", "officer": ""})
    kept = CrimeReference.objects.get()
    form = advocate_client.get(
        url("record-change", case_id=case.pk, kind="crime-reference", item_id=kept.pk)
    )
    assert form.status_code == 200
    assert "CR/1" in form.content.decode()
    response = post_record(
        advocate_client,
        case,
        "crime-reference",
        {"reference": "CR/1", "officer": "DS Khan"},
        item=kept,
    )
    assert response.status_code == 302
    kept.refresh_from_db()
    assert kept.officer == "DS Khan"
    assert AuditEvent.objects.filter(
        case_id=case.pk, action="changed", subject="crime reference"
    ).exists()


def test_a_bad_record_is_refused_with_a_clear_error_and_nothing_typed_is_lost(
    advocate_client, case
):
    response = post_record(
        advocate_client, case, "crime-reference", {"reference": "", "officer": "DC Typed"}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "Enter the crime reference" in body
    assert "DC Typed" in body
    assert not CrimeReference.objects.exists()


def test_an_unknown_kind_of_record_is_404(advocate_client, case):
    assert (
        advocate_client.get(url("record-add", case_id=case.pk, kind="nonsense")).status_code == 404
    )


def test_a_record_of_another_case_is_not_changed_through_this_one(
    advocate_client, case, organisation, advocate
):
    other = make_case(organisation, advocate, client_reference="OTHER")
    order = ProtectiveOrder.objects.create(case=other, kind="spo", made_on=today())
    address = url("record-change", case_id=case.pk, kind="order", item_id=order.pk)
    assert advocate_client.get(address).status_code == 404
    assert advocate_client.post(address, {"kind": "restraining"}).status_code == 404
    # Nor through the wrong kind.
    wrong = url("record-change", case_id=other.pk, kind="bail", item_id=order.pk)
    assert advocate_client.get(wrong).status_code == 404


# --- The people doing it -----------------------------------------------------------------------


def test_a_case_has_more_than_one_person_with_their_details(advocate_client, case):
    for name in ("Alex Example", "Sam Friend"):
        response = post_record(
            advocate_client,
            case,
            "person",
            {
                "name": name,
                "description": "Tall, often in a grey coat",
                "vehicles": "Grey hatchback AB12 CDE",
                "phone_numbers": "07700 900456",
                "online_accounts": "@alex_example on Instagram",
                "addresses": "12 Elm Street, Northtown",
            },
        )
        assert response.status_code == 302
    assert Perpetrator.objects.filter(case=case).count() == 2
    page = advocate_client.get(url("people", case_id=case.pk))
    body = page.content.decode()
    assert "Sam Friend" in body and "AB12 CDE" in body and "@alex_example" in body
    assert AuditEvent.objects.filter(case_id=case.pk, action="viewed", subject="people").exists()


# --- Orders about to expire on the caseload ----------------------------------------------------


def test_an_order_about_to_expire_is_flagged_on_the_caseload(
    advocate_client, case, settings, organisation, advocate
):
    settings.ORDER_EXPIRY_WARNING_DAYS = 28
    ProtectiveOrder.objects.create(
        case=case, kind="spo", made_on=today(), expires_on=today() + timedelta(days=20)
    )
    later = make_case(organisation, advocate, client_reference="LATER")
    ProtectiveOrder.objects.create(
        case=later, kind="spo", made_on=today(), expires_on=today() + timedelta(days=200)
    )
    page = advocate_client.get(url("cases")).content.decode()
    assert page.count("Order expires soon") == 1
    only = advocate_client.get(url("cases"), {"orders": "expiring"}).content.decode()
    assert "CR-001" in only and "LATER" not in only
    assert (
        "Order expires soon" in advocate_client.get(url("case", case_id=case.pk)).content.decode()
    )


def test_an_expired_order_is_not_flagged_as_expiring(advocate_client, case):
    ProtectiveOrder.objects.create(
        case=case,
        kind="spo",
        made_on=today() - timedelta(days=400),
        expires_on=today() - timedelta(days=1),
    )
    assert "Order expires soon" not in advocate_client.get(url("cases")).content.decode()


def test_the_case_is_touched_by_a_new_record(advocate_client, case):
    before = case.touched_at
    post_record(advocate_client, case, "crime-reference", {"reference": "CR/9"})
    assert Case.objects.get(pk=case.pk).touched_at > before


def test_the_police_summary_names_each_person_with_what_identifies_them(
    advocate_client, case, advocate
):
    from tests.casework.records import completed_screening
    from tests.casework.test_case_records import pdf_text

    done = completed_screening(case, advocate, yes=(1,))
    Perpetrator.objects.create(
        case=case, name="Sam Friend", vehicles="Grey hatchback AB12 CDE", phone_numbers=""
    )
    text = pdf_text(
        advocate_client.get(url("screening-pdf", case_id=case.pk, screening_id=done.pk))
    )
    assert "Recorded by the advocate: Sam Friend" in text
    assert "Vehicles and registrations Grey hatchback AB12 CDE" in text
    assert "Phone numbers" not in text


def test_markup_in_a_persons_details_is_printed_as_text_and_fetches_nothing(
    advocate_client, case, advocate
):
    import io

    from pypdf import PdfReader

    from tests.casework.records import completed_screening
    from tests.test_pdf import PAYLOADS

    done = completed_screening(case, advocate, yes=(1,))
    Perpetrator.objects.create(
        case=case,
        name="<b>Bold</b>",
        **dict(
            zip(
                ("description", "vehicles", "phone_numbers", "online_accounts", "addresses"),
                PAYLOADS,
                strict=True,
            )
        ),
    )
    response = advocate_client.get(url("screening-pdf", case_id=case.pk, screening_id=done.pk))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.attachments == {}
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "<b>Bold</b>" in text
    assert b"root:x:0:0" not in response.content

"""The case form: clear errors with a 422, an error summary that links to each field,
and nothing typed lost."""

import html
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from casework.forms import CaseForm
from casework.models import Case
from tests.casework.records import case_data, url

TODAY = timezone.localdate()
TOMORROW = TODAY + timedelta(days=1)


def post_new(client, **changes):
    token = client.get(url("new-case")).context["token"]
    return client.post(url("new-case"), {**case_data(**changes), "submission_token": token})


def summary_links(response) -> list[tuple[str, str]]:
    return [(anchor, str(message)) for anchor, message in response.context["form"].error_links()]


@pytest.mark.parametrize(
    ("changes", "anchor", "message"),
    [
        ({"client_reference": ""}, "id_client_reference", "Enter the client reference"),
        ({"client_reference": "   "}, "id_client_reference", "Enter the client reference"),
        (
            {"client_reference": "R" * 51},
            "id_client_reference",
            "Client reference must be 50 characters or fewer",
        ),
        ({"stalker_name": ""}, "id_stalker_name", "Enter a name or a description"),
        ({"times_to_avoid": "t" * 201}, "id_times_to_avoid", "must be 200 characters or fewer"),
        ({"times_to_avoid": "Rang at 9\x00pm"}, "id_times_to_avoid", ""),
        ({"client_name": "Robin\x1bClient"}, "id_client_name", ""),
        (
            {
                "stalker_date_of_birth_0": "31",
                "stalker_date_of_birth_1": "2",
                "stalker_date_of_birth_2": "1980",
            },
            "id_stalker_date_of_birth_0",
            "Their date of birth must be a real date, for example 27 3 1985",
        ),
        (
            {
                "stalker_date_of_birth_0": "3",
                "stalker_date_of_birth_1": "",
                "stalker_date_of_birth_2": "1980",
            },
            "id_stalker_date_of_birth_0",
            "must be a real date",
        ),
        (
            {
                "stalker_date_of_birth_0": "3",
                "stalker_date_of_birth_1": "4",
                "stalker_date_of_birth_2": "1850",
            },
            "id_stalker_date_of_birth_0",
            "must be a real date",
        ),
        (
            {
                "stalker_date_of_birth_0": "third",
                "stalker_date_of_birth_1": "4",
                "stalker_date_of_birth_2": "1980",
            },
            "id_stalker_date_of_birth_0",
            "must be a real date",
        ),
        (
            {
                "stalker_date_of_birth_0": str(TOMORROW.day),
                "stalker_date_of_birth_1": str(TOMORROW.month),
                "stalker_date_of_birth_2": str(TOMORROW.year),
            },
            "id_stalker_date_of_birth_0",
            "Their date of birth must be in the past",
        ),
        ({"relationship": "enemy"}, "id_relationship_1", "Select one of the options"),
        ({"consent_to_share": "maybe"}, "id_consent_to_share_1", ""),
    ],
    ids=[
        "no reference",
        "blank reference",
        "reference too long",
        "no stalker",
        "times too long",
        "control character in times to avoid",
        "escape in a name",
        "impossible date",
        "part of a date",
        "date too early",
        "date in words",
        "date in the future",
        "made-up relationship",
        "made-up consent",
    ],
)
def test_a_mistake_is_a_422_with_a_link_to_the_field(advocate_client, changes, anchor, message):
    response = post_new(advocate_client, **changes)
    assert response.status_code == 422
    assert not Case.objects.exists()
    links = summary_links(response)
    assert len(links) == 1, links
    assert links[0][0] == anchor
    assert message in links[0][1]
    content = response.content.decode()
    assert f'href="#{anchor}"' in content
    assert f'id="{anchor}"' in content
    assert "<title>Error:" in content


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"times_to_avoid": "n" * 201}, "Times to avoid must be 200 characters or fewer"),
        ({"client_name": "c" * 151}, "Client's name must be 150 characters or fewer"),
        ({"safe_phone": "0" * 31}, "Safe phone number must be 30 characters or fewer"),
    ],
)
def test_limits_are_said_in_plain_words(advocate_client, changes, message):
    response = post_new(advocate_client, **changes)
    assert [text for _anchor, text in summary_links(response)] == [message]


def test_nothing_typed_is_lost(advocate_client):
    response = post_new(
        advocate_client,
        client_reference="",
        stalker_date_of_birth_0="31",
        stalker_date_of_birth_1="2",
        stalker_date_of_birth_2="1980",
    )
    assert response.status_code == 422
    content = html.unescape(response.content.decode())
    for typed in ("Robin Client", "Alex Example", "PR-1", "07700 900000", "Evenings"):
        assert f'value="{typed}"' in content, typed
    assert 'value="31"' in content
    assert 'value="1980"' in content
    checked = response.context["form"].data
    assert checked["relationship"] == "ex_partner"
    assert re.search(r'value="ex_partner"\s+checked', content)


def test_changing_details_with_a_mistake_keeps_the_stored_case(advocate_client, case):
    response = advocate_client.post(
        url("edit-case", case_id=case.pk),
        case_data(client_reference="", times_to_avoid="New times"),
    )
    assert response.status_code == 422
    assert "New times" in response.content.decode()
    case.refresh_from_db()
    assert case.client_reference == "CR-001"
    assert case.safe_contact.get("times_to_avoid", "") == ""


def test_every_field_is_saved_and_shown_again_for_changing(advocate_client):
    response = post_new(advocate_client, safe_email_address="safe@example.org")
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.client_reference == "CR-100"
    assert case.client_name == "Robin Client"
    assert case.stalker_date_of_birth == "1980-04-03"
    assert case.relationship == "ex_partner"
    assert case.consent_to_share is True
    assert case.consent_to_refer is False
    assert case.consent_recorded_on == TODAY
    assert case.safe_contact == {
        "call": "yes",
        "voicemail": "no",
        "text": "yes",
        "email": "not_asked",
        "phone": "07700 900000",
        "email_address": "safe@example.org",
        "times_to_avoid": "Evenings",
    }
    form = advocate_client.get(url("edit-case", case_id=case.pk)).context["form"]
    bound = CaseForm(case_data(safe_email_address="safe@example.org"))
    assert bound.is_valid()
    for name, value in form.initial.items():
        expected = bound.cleaned_data[name]
        assert value == expected or (value, expected) == (None, ""), name


def test_the_safe_email_address_and_whether_email_is_safe_are_separate(advocate_client):
    post_new(advocate_client, safe_email="no", safe_email_address="only.if.asked@example.org")
    contact = Case.objects.get().safe_contact
    assert contact["email"] == "no"
    assert contact["email_address"] == "only.if.asked@example.org"
    page = advocate_client.get(url("case", case_id=Case.objects.get().pk)).content.decode()
    assert "only.if.asked@example.org" in page


def test_an_unchanged_consent_keeps_the_date_it_was_recorded(advocate_client, case):
    case.consent_to_share, case.consent_to_refer = True, False
    case.consent_recorded_on = TODAY - timedelta(days=30)
    case.save()
    advocate_client.post(url("edit-case", case_id=case.pk), case_data(times_to_avoid="Mornings"))
    case.refresh_from_db()
    assert case.consent_recorded_on == TODAY - timedelta(days=30)
    advocate_client.post(url("edit-case", case_id=case.pk), case_data(consent_to_refer="yes"))
    case.refresh_from_db()
    assert case.consent_recorded_on == TODAY


def test_optional_fields_may_be_left_empty(advocate_client):
    response = post_new(
        advocate_client,
        client_name="",
        stalker_date_of_birth_0="",
        stalker_date_of_birth_1="",
        stalker_date_of_birth_2="",
        relationship="",
        police_reference="",
        consent_to_share="",
        consent_to_refer="",
        safe_call="",
        safe_phone="",
        times_to_avoid="",
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.stalker_date_of_birth == ""
    assert case.consent_to_share is None
    assert case.safe_contact["call"] == "not_asked"


def test_the_form_sets_no_maxlength_that_would_cut_pasted_text(advocate_client):
    content = advocate_client.get(url("new-case")).content.decode()
    assert not re.search(r"\smaxlength=", content)

"""An advocate's whole journey through the Django test client."""

from django.urls import reverse

from casework.models import Case, Screening
from tests.journey import ABOUT, sign_answers


def test_create_case_screen_and_download(advocate_client):
    response = advocate_client.get(reverse("casework:new-case"))
    assert response.status_code == 200
    token = response.context["token"]
    data = {
        "submission_token": token,
        "client_reference": "CR-9",
        "stalker_name": "Alex Example",
        "stalker_date_of_birth_0": "3",
        "stalker_date_of_birth_1": "4",
        "stalker_date_of_birth_2": "1980",
        "relationship": "ex_partner",
        "consent_to_share": "yes",
        "consent_to_refer": "yes",
    }
    response = advocate_client.post(reverse("casework:new-case"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get()
    assert case.client_reference == "CR-9"
    assert case.stalker_date_of_birth == "1980-04-03"
    start = reverse("casework:start-screening", kwargs={"case_id": case.pk})
    response = advocate_client.get(start)
    assert response.status_code == 200
    response = advocate_client.post(
        start, {"submission_token": response.context["token"], "mode": "quick"}
    )
    screening = Screening.objects.get()
    assert response.status_code == 302
    quick = response.url
    response = advocate_client.get(quick)
    assert response.status_code == 200
    posted = {}
    answers = {
        "about-them": ABOUT,
        **sign_answers(yes=(1, 6)),
        "behaviours": {"behaviours": ["calls"]},
    }
    for slug, values in answers.items():
        for key, value in values.items():
            posted[f"{slug}-{key}"] = value
    response = advocate_client.post(quick, posted)
    assert response.status_code == 302, response.content.decode()[:5000]
    response = advocate_client.get(response.url)
    assert response.status_code == 200
    response = advocate_client.post(response.request["PATH_INFO"])
    assert response.status_code == 302
    response = advocate_client.get(response.url)
    assert response.status_code == 200
    assert b"Serious warning signs" in response.content
    screening.refresh_from_db()
    pdf = advocate_client.get(
        reverse("casework:screening-pdf", kwargs={"case_id": case.pk, "screening_id": screening.pk})
    )
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"


def complete_answers(*, yes=()) -> dict:
    """Stored answers for a complete screening, as the forms store them."""
    return {
        "about-them": ABOUT,
        **sign_answers(yes=yes),
        "behaviours": {"behaviours": ["calls"]},
    }

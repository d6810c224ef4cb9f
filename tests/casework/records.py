"""Screenings, form data and sign-ins built the way the advocate pages build them."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp

from casework.models import Screening
from screening import questions, scoring
from screening.answers import revalidate
from tests.casework.conftest import PASSWORD
from tests.journey import ABOUT, sign_answers


def screening_answers(*, yes=(), dont_know=(), details=None, behaviours=("calls",)) -> dict:
    """Stored answers for the twelve questions, as the forms save them."""
    stored = {
        questions.ABOUT_SLUG: ABOUT,
        **sign_answers(yes=yes, dont_know=dont_know, details=details),
        questions.BEHAVIOURS_SLUG: {questions.BEHAVIOURS_FIELD: list(behaviours)},
    }
    return revalidate(stored)


def completed_screening(case, by, *, days_ago=0, **answered) -> Screening:
    """A screening finished ``days_ago``, scored by the rules, with its snapshot kept as
    completing it keeps one."""
    answers = screening_answers(**answered)
    result = scoring.score(answers)
    when = timezone.now() - timedelta(days=days_ago)
    return Screening.objects.create(
        case=case,
        conducted_by=by,
        started_at=when,
        completed_at=when,
        completed_by=by,
        completed_by_name=by.full_name,
        answers=answers,
        result=scoring.to_primitives(result),
        bank_version=result.bank_version,
        rules_version=result.rules_version,
        level=str(result.level),
    )


def started_screening(case, by) -> Screening:
    return Screening.objects.create(
        case=case, conducted_by=by, answers={}, bank_version=questions.BANK.version
    )


def quick_entry_data(answers: dict) -> dict:
    """The quick entry page's POST data for stored answers."""
    posted = {}
    for slug, values in answers.items():
        for key, value in values.items():
            posted[f"{slug}-{key}"] = value
    return posted


def case_data(**overrides) -> dict:
    """The case form's POST data, every field filled in."""
    data = {
        "client_reference": "CR-100",
        "client_name": "Robin Client",
        "stalker_name": "Alex Example",
        "stalker_date_of_birth_0": "3",
        "stalker_date_of_birth_1": "4",
        "stalker_date_of_birth_2": "1980",
        "relationship": questions.EX_PARTNER,
        "police_reference": "PR-1",
        "consent_to_share": "yes",
        "consent_to_refer": "no",
        "safe_call": "yes",
        "safe_voicemail": "no",
        "safe_text": "yes",
        "safe_email": "not_asked",
        "safe_phone": "07700 900000",
        "safe_email_address": "",
        "times_to_avoid": "Evenings",
    }
    data.update(overrides)
    return data


def current_code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def sign_in_with_password(client, email, password=PASSWORD, *, next=None, **headers):
    """Post the sign-in form; ``headers`` go to the request (``REMOTE_ADDR=...``)."""
    data = {"username": email, "password": password}
    if next is not None:
        data["next"] = next
    return client.post(reverse("casework:sign-in"), data, **headers)


def url(name: str, **kwargs) -> str:
    return reverse(f"casework:{name}", kwargs=kwargs or None)

"""Professional judgement raises a screening's level with a reason, and never lowers it."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from casework.models import AuditEvent, JudgementEntry, Screening
from casework.presenters import level_of
from screening.judgement import (
    REASON_MAX_LENGTH,
    Judgement,
    JudgementError,
    final_level,
    judge,
    levels_above,
)
from screening.scoring import Level
from tests.casework.records import completed_screening, url

NONE_YET, PRESENT, SERIOUS = Level.NONE_YET, Level.PRESENT, Level.SERIOUS


@pytest.mark.parametrize(
    ("scored", "raised_to"),
    [(NONE_YET, PRESENT), (NONE_YET, SERIOUS), (PRESENT, SERIOUS)],
)
def test_judgement_can_raise_the_level(scored, raised_to):
    assert judge(scored, raised_to, "Escalating since the last screening") == Judgement(
        raised_to, "Escalating since the last screening"
    )


@pytest.mark.parametrize(
    ("scored", "raised_to"),
    [
        (SERIOUS, PRESENT),
        (SERIOUS, NONE_YET),
        (PRESENT, NONE_YET),
        (SERIOUS, SERIOUS),
        (PRESENT, PRESENT),
        (NONE_YET, NONE_YET),
    ],
)
def test_judgement_cannot_lower_or_keep_the_level(scored, raised_to):
    with pytest.raises(JudgementError, match="never lower it"):
        judge(scored, raised_to, "A reason")


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_judgement_needs_a_reason(reason):
    with pytest.raises(JudgementError, match="Give the reason"):
        judge(PRESENT, SERIOUS, reason)


def test_the_reason_has_a_limit():
    judge(PRESENT, SERIOUS, "x" * REASON_MAX_LENGTH)
    with pytest.raises(JudgementError, match="1000 characters or fewer"):
        judge(PRESENT, SERIOUS, "x" * (REASON_MAX_LENGTH + 1))


def test_the_reason_is_kept_without_surrounding_space():
    assert judge(PRESENT, SERIOUS, "  Repeat referral \n").reason == "Repeat referral"


@pytest.mark.parametrize(
    ("scored", "above"),
    [(NONE_YET, {PRESENT, SERIOUS}), (PRESENT, {SERIOUS}), (SERIOUS, set())],
)
def test_levels_above(scored, above):
    assert set(levels_above(scored)) == above


@pytest.mark.parametrize(
    ("scored", "judgement", "final"),
    [
        (PRESENT, None, PRESENT),
        (PRESENT, Judgement(SERIOUS, "r"), SERIOUS),
        (NONE_YET, Judgement(PRESENT, "r"), PRESENT),
        # A stored judgement lower than the rules' level (rules changed) never lowers it.
        (SERIOUS, Judgement(PRESENT, "r"), SERIOUS),
        (PRESENT, Judgement(PRESENT, "r"), PRESENT),
    ],
)
def test_final_level_is_the_higher_of_the_rules_and_the_judgement(scored, judgement, final):
    assert final_level(scored, [judgement] if judgement else []) == final


# --- The page ------------------------------------------------------------------------------


@pytest.fixture
def present(case, advocate):
    """A finished screening the rules put at "warning signs present"."""
    screening = completed_screening(case, advocate, yes=(3,))
    assert screening.level == PRESENT
    return screening


def judgement_url(screening):
    return url("screening-judgement", case_id=screening.case_id, screening_id=screening.pk)


@pytest.mark.parametrize("level", ["present", "none_yet"])
def test_posting_an_equal_or_lower_level_is_refused(advocate_client, present, level):
    response = advocate_client.post(judgement_url(present), {"level": level, "reason": "Because"})
    assert response.status_code == 422
    assert "Professional judgement can raise the level, never lower it" in (
        response.content.decode()
    )
    assert not present.judgements.exists()


def test_a_serious_screening_cannot_be_judged_at_all(advocate_client, case, advocate):
    serious = completed_screening(case, advocate, yes=(1, 6))
    response = advocate_client.post(judgement_url(serious), {"level": "serious", "reason": "x"})
    assert response.status_code == 422
    assert not serious.judgements.exists()


def test_raising_needs_a_reason_on_the_page(advocate_client, present):
    response = advocate_client.post(judgement_url(present), {"level": "serious", "reason": " "})
    assert response.status_code == 422
    assert "Give the reason for raising the level" in response.content.decode()
    assert not present.judgements.exists()


def test_the_form_offers_only_higher_levels(advocate_client, present):
    response = advocate_client.get(
        url("screening", case_id=present.case_id, screening_id=present.pk)
    )
    choices = response.context["judgement_form"].fields["level"].choices
    offered = [value for value, _label in choices]
    assert offered == ["serious"]


def test_raising_the_level_with_a_reason(advocate_client, present):
    response = advocate_client.post(
        judgement_url(present), {"level": "serious", "reason": "Escalating quickly"}
    )
    assert response.status_code == 302
    present.refresh_from_db()
    assert present.level == PRESENT  # what the rules said is kept
    (entry,) = present.judgements.all()
    assert (entry.level, entry.reason) == (SERIOUS, "Escalating quickly")


def test_a_raised_level_cannot_then_be_lowered_back(advocate_client, present):
    advocate_client.post(judgement_url(present), {"level": "serious", "reason": "Escalating"})
    response = advocate_client.post(judgement_url(present), {"level": "present", "reason": "Oops"})
    assert response.status_code == 422
    (entry,) = present.judgements.all()
    assert (entry.level, entry.reason) == (SERIOUS, "Escalating")


def test_an_unfinished_screening_has_no_judgement(advocate_client, case, advocate):
    unfinished = Screening.objects.create(case=case, conducted_by=advocate, answers={})
    response = advocate_client.post(judgement_url(unfinished), {"level": "serious", "reason": "x"})
    assert response.status_code == 302
    assert not unfinished.judgements.exists()


def test_the_case_page_shows_the_raised_level(advocate_client, present):
    advocate_client.post(judgement_url(present), {"level": "serious", "reason": "Escalating"})
    content = advocate_client.get(url("case", case_id=present.case_id)).content.decode()
    assert "Serious warning signs" in content
    assert "raised on professional judgement" in content


def test_the_result_page_shows_the_raised_level_and_the_reason(advocate_client, present):
    advocate_client.post(judgement_url(present), {"level": "serious", "reason": "Escalating"})
    response = advocate_client.get(
        url("screening", case_id=present.case_id, screening_id=present.pk)
    )
    content = response.content.decode()
    assert "Serious warning signs" in content
    assert "Escalating" in content
    assert response.context["judgement_form"] is None
    assert "paladin" in [route.key for route in response.context["routes"]]


def test_the_pdf_shows_the_raised_level(advocate_client, present):
    advocate_client.post(
        judgement_url(present), {"level": "serious", "reason": "Escalating since the last visit"}
    )
    response = advocate_client.get(
        url("screening-pdf", case_id=present.case_id, screening_id=present.pk)
    )
    assert response.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Serious warning signs" in text
    assert "Raised on professional judgement" in text
    assert "Escalating since the last visit" in text
    # What the checklist alone gave is still there, after the level to act on.
    gave = "The checklist answers alone gave “Warning signs present”"
    assert gave in text
    assert text.index("Serious warning signs") < text.index(gave)


def test_without_a_judgement_the_pdf_shows_the_checklist_level_only(advocate_client, present):
    response = advocate_client.get(
        url("screening-pdf", case_id=present.case_id, screening_id=present.pk)
    )
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Warning signs present" in text
    assert "Raised on professional judgement" not in text
    assert "Serious warning signs" not in text


# --- History: each raise is its own entry, with who and when; a raise can be withdrawn ---------


def test_a_second_raise_keeps_the_first_reason_with_its_author_and_date(
    advocate_client, case, advocate
):
    none_yet = completed_screening(case, advocate)
    advocate_client.post(judgement_url(none_yet), {"level": "present", "reason": "First worry"})
    advocate_client.post(judgement_url(none_yet), {"level": "serious", "reason": "He found her"})
    entries = list(none_yet.judgements.order_by("made_at"))
    assert [(e.level, e.reason) for e in entries] == [
        (PRESENT, "First worry"),
        (SERIOUS, "He found her"),
    ]
    assert {e.made_by_name for e in entries} == {advocate.full_name}
    page = advocate_client.get(
        url("screening", case_id=case.pk, screening_id=none_yet.pk)
    ).content.decode()
    today = timezone.localdate().strftime("%-d %B %Y")
    assert "First worry" in page and "He found her" in page
    assert f"by {advocate.full_name} on {today}" in page


def test_the_pdf_shows_every_raise_in_force_with_its_author(advocate_client, case, advocate):
    none_yet = completed_screening(case, advocate)
    advocate_client.post(judgement_url(none_yet), {"level": "present", "reason": "First worry"})
    advocate_client.post(judgement_url(none_yet), {"level": "serious", "reason": "He found her"})
    response = advocate_client.get(url("screening-pdf", case_id=case.pk, screening_id=none_yet.pk))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "First worry" in text and "He found her" in text
    assert advocate.full_name in text


def test_withdrawing_a_raise_made_in_error_is_kept_and_audited(advocate_client, present, advocate):
    advocate_client.post(judgement_url(present), {"level": "serious", "reason": "Wrong case"})
    entry = present.judgements.get()
    response = advocate_client.post(
        url(
            "screening-judgement-withdraw",
            case_id=present.case_id,
            screening_id=present.pk,
            judgement_id=entry.pk,
        )
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.is_withdrawn and entry.withdrawn_by == advocate
    assert level_of(present) == PRESENT  # back to the checklist's own level, never below
    assert AuditEvent.objects.filter(
        case_id=present.case_id, subject="professional judgement withdrawn"
    ).exists()
    page = advocate_client.get(
        url("screening", case_id=present.case_id, screening_id=present.pk)
    ).content.decode()
    assert "Wrong case" in page and "Withdrawn" in page


def test_withdrawing_never_takes_the_level_below_the_checklist(advocate_client, case, advocate):
    serious = completed_screening(case, advocate, yes=(1,))
    JudgementEntry.objects.create(
        screening=serious, level="present", reason="Stored under old rules", made_by=advocate
    )
    assert level_of(serious) == SERIOUS
    entry = serious.judgements.get()
    advocate_client.post(
        url(
            "screening-judgement-withdraw",
            case_id=case.pk,
            screening_id=serious.pk,
            judgement_id=entry.pk,
        )
    )
    assert level_of(serious) == SERIOUS

"""Forms built from the bank: follow-ups, limits and escaping."""

import pytest
from crispy_forms.utils import render_crispy_form

from screening import questions
from screening.answers import revalidate
from screening.forms import blank_form_html, form_for, helper_for

ABOUT = questions.question("about-them")
BEHAVIOURS = questions.question("behaviours")


def about_form(**data):
    base = {"relationship": "stranger", "how_often": "once", "since": "under_month"}
    return form_for(ABOUT, name="")(data={**base, **data})


def test_how_they_know_them_is_needed_only_for_someone_known():
    assert about_form().is_valid()
    form = about_form(relationship="known")
    assert not form.is_valid()
    assert form.errors["known_as"] == ["Select how you know them"]
    assert about_form(relationship="known", known_as="neighbour").is_valid()


def test_a_follow_up_answer_is_dropped_when_its_choice_is_not_made():
    form = about_form(known_as="neighbour")
    assert form.is_valid()
    assert "known_as" not in form.answer()


def test_describing_something_else_ticks_something_else():
    form = form_for(BEHAVIOURS, name="")(data={"other_details": "Left flowers on my car"})
    assert form.is_valid()
    assert form.answer()["behaviours"] == ["other"]
    assert form.answer()["other_details"] == "Left flowers on my car"


def test_answers_are_stored_as_primitives():
    form = form_for(BEHAVIOURS, name="")(data={"behaviours": ["calls", "texts"]})
    assert form.is_valid()
    assert form.answer() == {"behaviours": ["calls", "texts"]}


def test_a_name_in_a_label_is_escaped():
    sign = questions.BANK.warning_signs[2]
    form = form_for(sign, name="<i>Jo</i>")()
    assert "&lt;i&gt;Jo&lt;/i&gt;" in form.fields["answer"].label
    assert "<i>" not in form.fields["answer"].label


def test_no_maxlength_attribute_cuts_off_pasted_text():
    form = form_for(questions.BANK.warning_signs[0], name="")()
    assert "maxlength" not in form.fields["details"].widget.attrs


def test_revalidation_drops_tampered_and_unknown_values():
    stored = {
        "about-them": {"relationship": "stranger", "how_often": "once", "since": "under_month"},
        questions.BANK.warning_signs[0].slug: {"answer": "maybe"},
        "not-a-question": {"answer": "yes"},
        questions.BANK.warning_signs[1].slug: "not a mapping",
    }
    assert list(revalidate(stored)) == ["about-them"]


@pytest.mark.parametrize("question", questions.BANK, ids=lambda q: q.slug)
@pytest.mark.parametrize("canonical", [False, True])
def test_the_kept_blank_form_is_what_crispy_renders_for_any_name(question, canonical):
    for name in ("Alex", '<b>"Jo" & Sam</b>', "zqx"):
        form = form_for(question, name=name, canonical=canonical)()
        expected = render_crispy_form(form, helper_for(question))
        assert blank_form_html(question, name=name, canonical=canonical) == expected


def test_a_typed_name_is_not_kept_in_memory_after_the_form_is_made():
    from screening import forms

    form_for(BEHAVIOURS, name="")
    kept = forms._kept_form_class.cache_info().currsize
    first = form_for(BEHAVIOURS, name="Quentin")
    assert forms._kept_form_class.cache_info().currsize == kept
    assert form_for(BEHAVIOURS, name="Quentin") is not first
    assert form_for(BEHAVIOURS, name="") is form_for(BEHAVIOURS, name="")

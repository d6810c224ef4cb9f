"""Forms built from the bank: follow-ups, limits and escaping."""

from screening import questions
from screening.answers import revalidate
from screening.forms import form_for

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
    sign = questions.WARNING_SIGNS[2]
    form = form_for(sign, name="<i>Jo</i>")()
    assert "&lt;i&gt;Jo&lt;/i&gt;" in form.fields["answer"].label
    assert "<i>" not in form.fields["answer"].label


def test_no_maxlength_attribute_cuts_off_pasted_text():
    form = form_for(questions.WARNING_SIGNS[0], name="")()
    assert "maxlength" not in form.fields["details"].widget.attrs


def test_revalidation_drops_tampered_and_unknown_values():
    stored = {
        "about-them": {"relationship": "stranger", "how_often": "once", "since": "under_month"},
        questions.WARNING_SIGNS[0].slug: {"answer": "maybe"},
        "not-a-question": {"answer": "yes"},
        questions.WARNING_SIGNS[1].slug: "not a mapping",
    }
    assert list(revalidate(stored)) == ["about-them"]

"""Helpers that walk the self-screening journey through the real views."""

import dataclasses

from screening import questions

ABOUT = {
    "name": "Alex",
    "relationship": questions.EX_PARTNER,
    "how_often": "two_to_five",
    "since": "over_year",
}


def sign_answers(yes=(), dont_know=(), details=None) -> dict[str, dict]:
    """Form data for each of the twelve pages, keyed by slug."""
    details = details or {}
    pages = {}
    for sign in questions.BANK.warning_signs:
        if sign.number in yes:
            value = questions.YES
        elif sign.number in dont_know:
            value = questions.DONT_KNOW
        else:
            value = questions.NO
        pages[sign.slug] = {"answer": value, "details": details.get(sign.number, "")}
    return pages


def answer_everything(client, *, about=None, yes=(), dont_know=(), details=None, behaviours=None):
    """Post every page in order, as a person would; return the last response."""
    client.get("/questions/")
    response = client.post("/questions/about-them/", about or ABOUT)
    assert response.status_code == 302, response.content.decode()[:500]
    for slug, data in sign_answers(yes, dont_know, details).items():
        response = client.post(f"/questions/{slug}/", data)
        assert response.status_code == 302, slug
    response = client.post(
        "/questions/behaviours/", behaviours or {"behaviours": ["calls", "following"]}
    )
    assert response.status_code == 302
    return response


def thirteen_sign_bank() -> questions.Bank:
    """Today's bank with a thirteenth warning sign after the twelfth, as a later checklist
    might add one: the bank is the only thing that changes."""
    bank = questions.BANK
    twelfth = bank.warning_signs[-1]
    wording = "Has {name} done the thirteenth thing?"
    thirteenth = dataclasses.replace(
        twelfth,
        slug="extra",
        number=13,
        short_name="the thirteenth thing",
        canonical=wording,
        title=wording,
        reason="A reason the thirteenth sign matters.",
        fields=tuple(
            dataclasses.replace(f, label=wording) if f.name == questions.ANSWER_FIELD else f
            for f in twelfth.fields
        ),
    )
    pages = list(bank)
    pages.insert(pages.index(twelfth) + 1, thirteenth)
    return questions.Bank("test-13", tuple(pages))

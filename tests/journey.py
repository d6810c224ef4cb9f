"""Helpers that walk the self-screening journey through the real views."""

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

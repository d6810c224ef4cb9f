"""A complete, realistic screening and synthetic incidents, for the benchmark.

The answers are stored primitives exactly as the question forms post them; the incidents are
``pdf.IncidentEntry`` rows (synthetic until the incident log exists) fed through the same
template path as real ones will be.
"""

from screening import questions
from screening.pdf import IncidentEntry

DETAILS = (
    "It started after we split up in March. He sends messages late at night, sometimes "
    "twenty in an hour, and turns up outside the flat and outside work. My sister has seen "
    "him waiting in his car, a grey hatchback, registration written down in my notes."
)


def sample_answers() -> dict[str, dict]:
    """Every page answered: most signs yes with details, some don't know, one no."""
    answers: dict[str, dict] = {
        questions.ABOUT_SLUG: {
            "name": "Sam Example",
            "relationship": questions.EX_PARTNER,
            "how_often": "more_than_five",
            "since": "one_to_six_months",
        },
        questions.BEHAVIOURS_SLUG: {
            "behaviours": [
                "calls",
                "texts",
                "social_messages",
                "following",
                "waiting",
                "home",
                "threats",
                "damage",
                "tracking",
                "via_others",
                "other",
            ],
            "other_details": "Left dead flowers on the doorstep twice.",
        },
    }
    for sign in questions.WARNING_SIGNS:
        value = {10: questions.DONT_KNOW, 12: questions.DONT_KNOW, 11: questions.NO}.get(
            sign.number, questions.YES
        )
        page = {questions.ANSWER_FIELD: value}
        if value == questions.YES:
            page[questions.DETAILS_FIELD] = DETAILS
        answers[sign.slug] = page
    return answers


def synthetic_incidents(count: int) -> tuple[IncidentEntry, ...]:
    """``count`` incident entries with the fields a stalking diary keeps."""
    return tuple(
        IncidentEntry(
            when=f"{(number % 28) + 1} October 2026, {8 + number % 12}:{number % 6}0",
            details=(
                ("Where", "Outside my workplace on the high street"),
                (
                    "What happened",
                    "He was waiting by the entrance when I came out and followed me to the "
                    "bus stop, saying he would not leave me alone until I talked to him.",
                ),
                ("Behaviour", "Following; loitering"),
                ("How it affected me", "Frightened; took a taxi home and changed my route"),
                ("Witnesses", "A colleague, who saw him at the door"),
                ("Evidence kept", "Photo of his car, kept on a friend's phone"),
                ("Reported to police", "Yes, officer name and reference in my notes"),
            ),
        )
        for number in range(1, count + 1)
    )

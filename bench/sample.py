"""A complete, realistic screening and a realistic incident log, for the benchmark.

The answers are stored primitives exactly as the question forms post them. The incidents are
real ``screening.incidents.Incident`` objects, checked like stored ones, and reach the PDF
through ``incident_presenters.pdf_incident_options``, the same path the download views use:
the schedule, the pattern flags, the weekly chart, the crime references the entries name and
the incidents under each "Yes" sign.
"""

from datetime import date, time, timedelta

from screening import pdf, questions
from screening.incidents import Incident, validate
from screening.incidents.presenters import pdf_incident_options

DETAILS = (
    "It started after we split up in March. He sends messages late at night, sometimes "
    "twenty in an hour, and turns up outside the flat and outside work. My sister has seen "
    "him waiting in his car, a grey hatchback, registration written down in my notes."
)

#: The day the log is read (the benchmark's "today", a Sunday): the last incident is on it.
TODAY = date(2026, 11, 22)


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
    for sign in questions.BANK.warning_signs:
        value = {10: questions.DONT_KNOW, 12: questions.DONT_KNOW, 11: questions.NO}.get(
            sign.number, questions.YES
        )
        page = {questions.ANSWER_FIELD: value}
        if value == questions.YES:
            page[questions.DETAILS_FIELD] = DETAILS
        answers[sign.slug] = page
    return answers


#: The kinds of entry a diary of a few months holds, written as people write them. Each
#: incident takes one, in turn, with its own date and time.
KINDS = (
    {
        "place": "Outside my workplace on the high street",
        "what_happened": (
            "He was waiting by the entrance when I came out at 5.30 and followed me to the bus "
            "stop, saying he would not leave me alone until I talked to him. Grey hatchback "
            "parked on the corner, registration in my notes."
        ),
        "behaviours": ("waiting", "following"),
        "feared_violence": "yes",
        "daily_life_effects": ("routes",),
        "effect_details": "Frightened; took a taxi home and now leave by the back door.",
        "witnesses": "A colleague, who saw him at the door",
        "evidence": "Photo of his car, kept on a friend's phone",
        "signs": (1, 5),
    },
    {
        "place": "",
        "what_happened": (
            "Twenty-three text messages between 11pm and 1am from a new number, saying I "
            "would be sorry and that he knows where I am."
        ),
        "behaviours": ("texts",),
        "feared_violence": "not_sure",
        "effect_details": "Could not sleep.",
        "evidence": "Screenshots of every message, emailed to my sister",
        "signs": (2,),
    },
    {
        "place": "Home, front door",
        "what_happened": (
            "Dead flowers left on the doorstep with a note: 'You did this.' The doorbell "
            "camera shows him at 3.10am in a dark hooded jacket."
        ),
        "behaviours": ("home", "gifts"),
        "feared_violence": "yes",
        "daily_life_effects": ("security",),
        "effect_details": "Had the locks changed the next day.",
        "evidence": "Doorbell camera clip saved to a memory stick; the note, in a paper envelope",
        "reported_to_police": True,
        "officer": "PC 4471 Jones",
        "crime_reference": "CR/22871/26",
        "signs": (4, 5),
    },
    {
        "place": "My sister's house",
        "what_happened": (
            "He rang my sister three times asking where I am staying and said she would "
            "regret it if she did not tell him."
        ),
        "behaviours": ("via_others", "threats"),
        "feared_violence": "yes",
        "witnesses": "My sister",
        "evidence": "My sister wrote down the times; her call log",
        "signs": (6, 7, 9),
    },
    {
        "place": "Car park at the supermarket",
        "what_happened": (
            "Found the tyre slashed and a scratch along the driver's door after shopping."
        ),
        "behaviours": ("damage",),
        "daily_life_effects": ("routes", "health"),
        "evidence": "Garage invoice and photos; asked the supermarket to keep the CCTV",
        "reported_to_police": True,
        "crime_reference": "CR/23015/26",
        "signs": (3,),
    },
    {
        "place": "",
        "what_happened": (
            "A tracker app I did not install was on my phone. He knew I had been at the "
            "gym that evening and messaged to say so."
        ),
        "behaviours": ("tracking", "social_messages"),
        "feared_violence": "not_sure",
        "daily_life_effects": ("security", "work"),
        "effect_details": "Stopped going to the gym; bought a new phone.",
        "evidence": "Old phone kept switched off in a drawer at work",
        "signs": (8,),
    },
    {
        "place": "Bus stop on Station Road",
        "what_happened": "Approached me at the bus stop and grabbed my arm, shouting.",
        "behaviours": ("approaching", "confronting", "violence"),
        "feared_violence": "yes",
        "daily_life_effects": ("routes", "health"),
        "effect_details": "Bruise on my arm; I now get a lift to work.",
        "witnesses": "Two people at the bus stop; one gave me her number",
        "evidence": "Photo of the bruise; the witness's number in my notes",
        "reported_to_police": True,
        "officer": "PC 4471 Jones",
        "signs": (1, 6, 8),
    },
    {
        "place": "Outside the flat",
        "what_happened": (
            "Sat in the grey hatchback across the road for two hours, then rang me from a "
            "withheld number every few minutes until I turned the phone off."
        ),
        "behaviours": ("waiting", "calls"),
        "feared_violence": "yes",
        "witnesses": "Neighbour at number 4",
        "evidence": "Call log screenshots; the neighbour's photo of the car",
        "signs": (4,),
    },
)


def _day_offsets(count: int) -> list[int]:
    """Days before ``TODAY`` for ``count`` incidents over a few weeks, coming closer together
    towards the end, as stalking often does."""
    span = max(21, count + count // 2)
    return sorted(round(span * (1 - (n / count) ** 0.5)) for n in range(1, count + 1))


def sample_incidents(count: int) -> tuple[Incident, ...]:
    """``count`` varied, valid incidents, the last of them on ``TODAY``."""
    made = []
    for number, days_before in enumerate(_day_offsets(count)):
        kind = KINDS[number % len(KINDS)]
        made.append(
            validate(
                Incident(
                    occurred_on=TODAY - timedelta(days=days_before),
                    time=time(7 + (number * 5) % 17, (number * 13) % 60) if number % 4 else None,
                    approximate=number % 9 == 0,
                    **kind,
                ),
                today=TODAY,
            )
        )
    return tuple(made)


def incident_options(count: int, answers: dict[str, dict] | None = None) -> dict[str, object]:
    """The PDF's keyword arguments for a log of ``count`` incidents, made as the views make
    them (``pdf_incident_options``); empty for no incidents."""
    answers = answers or sample_answers()
    return pdf_incident_options(sample_incidents(count), today=TODAY)


#: What a typical case adds: consent, safe contact, the advocate, references and an order.
CASE_DETAILS = pdf.CaseDetails(
    consent_to_share="Yes",
    consent_on=date(2026, 11, 3),
    safe_routes=(("Call", "Yes"), ("Voicemail", "No"), ("Text", "Yes"), ("Email", "Not known")),
    safe_phone="07700 900123",
    times_to_avoid="Weekday evenings, when her ex-partner's sister visits",
    advocate="Sam Okafor",
    advocate_contact="sam.okafor@north-stalking.example",
    organisation="North Stalking Service",
    crime_references=(
        pdf.CrimeReferenceLine(
            reference="CR/22871/26",
            force="Northshire Police",
            officer="PC 4471 Jones",
            officer_contact="jones.4471@northshire.police.example",
        ),
    ),
    orders=("Stalking Protection Order, made 1 October 2026, until 1 October 2028",),
    court_dates=("14 December 2026, Northtown Magistrates' Court, hearing on the SPO",),
)
PEOPLE = (
    (
        "Sam Example",
        (
            ("Vehicles and registrations", "Grey hatchback, AB12 CDE"),
            ("Phone numbers", "07700 900456; withheld numbers"),
            ("Online accounts", "@sam_example on Instagram"),
            ("Addresses", "14 Mill Lane, Northtown"),
        ),
    ),
)


def case_options(count: int, answers: dict[str, dict] | None = None) -> dict[str, object]:
    """An advocate's case summary: the incident options with the professional, their
    organisation and the case's references, as the case download makes it."""
    return {
        **incident_options(count, answers),
        "person_name": "Robin Client",
        "police_reference": "CR-2026-114477",
        "completed_by": "Sam Okafor",
        "organisation": "North Stalking Service",
        "case_reference": "NS-0042",
        "stalker_date_of_birth": "3 April 1980",
        "completed_on": TODAY,
        "case": CASE_DETAILS,
        "people": PEOPLE,
    }


def long_incidents(count: int, characters: int) -> tuple[Incident, ...]:
    """``count`` valid incidents of the longest kind (every field written, all behaviours of an
    entry ticked, reported with an officer and a reference) whose schedule holds about
    ``characters`` in all: the largest log the PDF will still attempt, at the guard."""
    sentence = "He was outside the house again and followed me to the station, shouting. "
    each = max(1, characters // count)
    made = []
    for number, days_before in enumerate(_day_offsets(count)):
        text = (sentence * (each // len(sentence) + 1))[: max(1, each - 600)]
        made.append(
            validate(
                Incident(
                    occurred_on=TODAY - timedelta(days=days_before),
                    time=time(7 + number % 12, (number * 13) % 60),
                    place="Outside the house on Mill Lane",
                    what_happened=text[:5000],
                    behaviours=("following", "waiting", "home", "threats", "calls"),
                    feared_violence="yes",
                    daily_life_effects=("routes", "security", "health"),
                    effect_details="Frightened; stayed with my sister for the week.",
                    witnesses="Neighbour at number 4",
                    evidence="Doorbell camera clip saved to a memory stick",
                    reported_to_police=True,
                    officer="PC 4471 Jones",
                    crime_reference="CR/22871/26",
                    signs=(4, 5, 6),
                ),
                today=TODAY,
            )
        )
    return tuple(made)

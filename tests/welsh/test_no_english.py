"""Every page in Welsh, public and advocate, error pages too, shows no English but the
checklist's own wording and proper names (the phrases come from the catalogue: any English
message of three or more words found in a page's text or spoken labels is a failure)."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from casework import services
from casework.models import CaseNote, Organisation
from screening.questions import BANK
from tests.casework.conftest import make_advocate, make_case, signed_in
from tests.casework.records import completed_screening, started_screening
from tests.incident_examples import threat, visit
from tests.journey import answer_everything
from tests.welsh.catalogue import english_phrases
from tests.welsh.crawl import Findings, crawl, english_on

#: Pages that end the session, leave, switch language or make a file: visited on purpose.
PUBLIC_AVOID = ("/exit/", "/language/", "/session/", "/summary/file/", "/cases/")
CASEWORK_AVOID = ("/cases/sign-out/", "/cases/admin/", "/language/")


def welsh_client(**kwargs) -> Client:
    client = Client(**kwargs)
    client.get("/language/cy/?next=/")
    return client


def test_the_catalogue_gives_phrases_to_look_for():
    phrases = english_phrases()
    assert "Exit this page" in phrases
    assert "There is a problem" in phrases


def test_the_check_finds_english():
    assert english_on("<p>Check your answers before you continue</p>")
    assert not english_on("<p>Gwirio eich atebion</p>")
    # Words that never reached the catalogue are found too.
    assert english_on("<p>Rhywbeth arall: please tell the police</p>")


def test_the_checklists_own_wording_is_allowed():
    canonical = BANK.warning_signs[0].canonical
    assert not english_on(f"<p>{canonical}</p>")


@pytest.mark.django_db
def test_the_public_journey_in_welsh_shows_no_english():
    client = welsh_client()
    findings = Findings()
    crawl(client, ["/", "/questions/"], findings, within="/", avoid=PUBLIC_AVOID)
    findings.check("about them with errors", client.post(f"/questions/{BANK[0].slug}/", {}))
    answer_everything(client, yes=(1, 2, 4, 9), dont_know=(3,), details={1: "Bob dydd"})
    sign = BANK.warning_signs[1].slug
    findings.check("a sign with errors", client.post(f"/questions/{sign}/", {}))
    client.post(
        "/record/add/",
        {
            "occurred_on_0": "2",
            "occurred_on_1": "11",
            "occurred_on_2": str(timezone.localdate().year - 1),
            "what_happened": "Roedd wrth y drws",
        },
    )
    findings.check("record, add with errors", client.post("/record/add/", {}))
    findings.check("summary details", client.get("/summary/details/"))
    client.post("/summary/details/", {"name": "Jo", "reference": ""})
    starts = ["/check-your-answers/", "/results/", "/record/", "/summary/download/"]
    crawl(client, starts, findings, within="/", avoid=PUBLIC_AVOID)
    findings.check("keep", client.get("/keep/"))
    findings.check("passphrase", client.post("/keep/passphrase/"))
    client.post("/keep/confirm/")
    crawl(client, ["/kept/"], findings, within="/", avoid=PUBLIC_AVOID)
    other = welsh_client()
    findings.check("open", other.get("/open/"))
    findings.check("open with errors", other.post("/open/", {"passphrase": "un dau tri"}))
    findings.check("page not found", client.get("/nothing-here/"))
    findings.check("session ended", client.get("/session/ended/"))
    assert len(findings.visited) > 30, findings.visited
    assert not findings.problems, findings.report()


@pytest.mark.django_db
@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize(
    "path", ["/test-400/", "/test-403/", "/test-413/", "/test-429/", "/test-500/"]
)
def test_error_pages_in_welsh_show_no_english(path):
    findings = Findings()
    findings.check(path, welsh_client(raise_request_exception=False).get(path))
    assert not findings.problems, findings.report()


@pytest.mark.django_db
def test_the_csrf_failure_page_in_welsh_shows_no_english():
    client = welsh_client(enforce_csrf_checks=True)
    findings = Findings()
    findings.check("csrf failure", client.post("/questions/about-them/", {}))
    assert not findings.problems, findings.report()


@pytest.mark.django_db
def test_signing_in_in_welsh_shows_no_english(organisation):
    make_advocate(organisation, "sam@north.example")
    client = welsh_client()
    findings = Findings()
    findings.check("sign in", client.get("/cases/sign-in/"))
    findings.check("sign in, wrong", client.post("/cases/sign-in/", {"username": "x@y.z"}))
    findings.check("signed out", client.get("/cases/signed-out/"))
    assert not findings.problems, findings.report()


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Cymorth y Gogledd")


@pytest.fixture
def busy_case(organisation):
    """A case with something on every page: screenings, a log, notes, a task, a plan."""
    manager = make_advocate(organisation, "ola@north.example", admin=True)
    colleague = make_advocate(organisation, "ben@north.example")
    case = make_case(organisation, manager)
    completed_screening(case, manager, days_ago=50, yes=(1,))
    completed_screening(case, manager, yes=(1, 2, 4), dont_know=(3,))
    started_screening(case, manager)
    today = timezone.localdate()
    services.record_incident(case=case, incident=visit(today - timedelta(days=3)), by=manager)
    services.record_incident(case=case, incident=threat(today - timedelta(days=1)), by=manager)
    services.add_note(
        case=case, kind=CaseNote.Kind.NOTE, happened_on=today, text="Nodyn", by=manager
    )
    services.add_task(
        case=case, title="Ffonio", due_on=today + timedelta(days=2), assignee=colleague, by=manager
    )
    services.set_review_date(case=case, on=date(today.year + 1, 1, 5), by=manager)
    return manager


@pytest.mark.django_db
def test_every_advocate_page_in_welsh_shows_no_english(busy_case):
    client = signed_in(Client(), busy_case)
    client.get("/language/cy/?next=/cases/")
    findings = Findings()
    crawl(client, ["/cases/"], findings, within="/cases/", avoid=CASEWORK_AVOID)
    findings.check("new case with errors", client.post("/cases/new/", {}))
    assert len(findings.visited) > 25, findings.visited
    assert not findings.problems, findings.report()

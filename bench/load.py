"""`make load`: a bounded load test on loopback, against the service served the production way.

Starts gunicorn as ``bench/web_bench.py`` does (gunicorn.conf.py, production settings,
a throwaway PostgreSQL server when one can be started here), then lets simulated
people loose on it: each is a thread with its own keep-alive connection and
session, doing a whole journey again and again, with no pause between pages.
Nobody starts a new journey after ``LOAD_SECONDS`` (60 by default); everyone
finishes the one under way, and the test stops by itself.

A scenario is a function that takes a recording ``Browser`` and does one journey;
``SCENARIOS`` says how many people run each. Every request is timed under a page
type. Printed at the end: throughput, p50/p95/p99 per page type, and every error.
An error is any request that fails or answers other than the journey expects.

Beside the people screening themselves, simulated advocates work cases. Before the
run, an organisation and their accounts are written into the server's database
(this file, run with ``--set-up-advocates``, in the server's settings). Each
simulated advocate has a few accounts of their own, each with its own TOTP device
whose key is known here: django-otp accepts a code once per device, so every
journey signs in with an account whose device has not yet seen the current code.
"""

import json
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.web_bench import (
    DETAILS_PATH,
    PYTHON,
    ROOT,
    Browser,
    keep_a_record,
    machine,
    main_form,
    open_a_record,
    production_server,
    read_page,
    server_env,
    throwaway_database,
    walk_to_results,
)

LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
RAMP_UP_SECONDS = 2.0
PAGE_TYPES = {
    "/": "information",
    "/before-you-start/": "information",
    "/questions/": "questions (resume)",
    "/check-your-answers/": "check answers",
    "/results/": "results",
    DETAILS_PATH: "details for the police",
    "/summary/download/": "before download",
    "/summary/file/": "PDF",
    "/exit/": "exit",
    "/record/": "record",
    "/record/add/": "record, add",
    "/keep/": "keep",
    "/keep/passphrase/": "keep, passphrase",
    "/keep/confirm/": "keep, confirm",
    "/kept/": "kept record",
    "/open/": "open a saved record",
}


# Advocate pages, by path under /cases/ with every id taken out.
ADVOCATE_PAGE_TYPES = {
    "sign-in/": "advocate sign-in",
    "two-factor/": "advocate two-factor",
    "": "case list",
    "new/": "new case",
    "<id>/": "case",
    "<id>/screenings/new/": "start screening",
    "<id>/screenings/<id>/quick/": "quick entry",
    "<id>/screenings/<id>/check/": "screening check",
    "<id>/screenings/<id>/": "screening result",
    "<id>/screenings/<id>/summary/": "case PDF",
    "<id>/log/": "case incident log",
    "<id>/log/add/": "add incident",
    "<id>/notes/": "case notes",
    "<id>/notes/add/": "add note",
    "sign-out/": "advocate sign-out",
    "signed-out/": "advocate signed out",
}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def page_type(path: str) -> str:
    path = path.split("?")[0]
    if path.startswith("/cases/"):
        shape = UUID.sub("<id>", path.removeprefix("/cases/"))
        return ADVOCATE_PAGE_TYPES.get(shape, path)
    kind = PAGE_TYPES.get(path)
    if kind is None:
        kind = "question" if path.startswith("/questions/") else path
    return kind


class JourneyError(Exception):
    pass


class RecordingBrowser(Browser):
    """A Browser that times every request under its page type."""

    def __init__(self, port, results):
        super().__init__(port)
        self.results = results

    def request(self, method, path, data=None, headers=None):
        kind = page_type(path)
        if method == "POST":
            kind += " (POST)"
        started = time.perf_counter()
        try:
            response = super().request(method, path, data=data, headers=headers)
        except OSError as error:
            self.results.error(kind, f"{method} {path}: {type(error).__name__}")
            raise JourneyError from error
        self.results.record(kind, time.perf_counter() - started)
        if response.status >= 500:
            self.results.error(kind, f"{method} {path}: {response.status}")
            raise JourneyError
        return response


def expect(condition: bool, results, kind: str, message: str) -> None:
    if not condition:
        results.error(kind, message)
        raise JourneyError


# --- Scenarios -----------------------------------------------------------------------------


def self_screening(browser: RecordingBrowser) -> None:
    """Start page to results, details for the police, the PDF, then exit."""
    try:
        for _step in walk_to_results(browser):
            pass
    except RuntimeError as error:
        browser.results.error("journey", str(error))
        raise JourneyError from error
    page = browser.get(DETAILS_PATH)
    form = main_form(read_page(page.text), DETAILS_PATH)
    expect(form is not None, browser.results, "details", "no form on the details page")
    response = browser.post(DETAILS_PATH, form.answers())
    expect(response.status == 302, browser.results, "details", f"details: {response.status}")
    response = browser.get(response.location)
    expect(response.status == 200, browser.results, "download", f"download: {response.status}")
    response = browser.get("/summary/file/")
    expect(
        response.status == 200 and response.body.startswith(b"%PDF-"),
        browser.results,
        "PDF",
        f"PDF: {response.status} {response.headers.get('Content-Type')}",
    )
    response = browser.get("/exit/")
    expect(response.status == 303, browser.results, "exit", f"exit: {response.status}")


def keeping_a_record(browser: RecordingBrowser) -> None:
    """Start to results, keep the record, add an entry (saved encrypted), exit; then open the
    record in a new browser, find the entry, and exit again."""
    try:
        for _step in walk_to_results(browser):
            pass
        passphrase = keep_a_record(browser)
    except RuntimeError as error:
        browser.results.error("keep", str(error))
        raise JourneyError from error
    note = f"Load test entry {secrets.token_hex(4)}"
    post_form(browser, "/record/add/", {**INCIDENT, "what_happened": note}, "record, add")
    response = browser.get("/exit/")
    expect(response.status == 303, browser.results, "exit", f"exit: {response.status}")
    elsewhere = RecordingBrowser(browser.port, browser.results)
    try:
        response = open_a_record(elsewhere, passphrase)
        expect(
            response.status == 302 and response.location == "/kept/",
            browser.results,
            "open a saved record",
            f"open: {response.status}",
        )
        record = get_page(elsewhere, "/record/", "record")
        expect(note in record, browser.results, "record", "the entry was not in the record")
        response = elsewhere.get("/exit/")
        expect(response.status == 303, browser.results, "exit", f"exit: {response.status}")
    finally:
        elsewhere.close()


ADVOCATES = 5
ACCOUNTS_PER_ADVOCATE = 4
ADVOCATE_PASSWORD = "load-test-password-" + secrets.token_hex(8)
ORGANISATION = "Load test organisation"
TOTP_STEP_SECONDS = 30
CASE = {
    "client_reference": "LT-0001",
    "client_name": "Robin Client",
    "stalker_name": "Alex Example",
    "stalker_date_of_birth_0": "3",
    "stalker_date_of_birth_1": "4",
    "stalker_date_of_birth_2": "1980",
    "relationship": "ex_partner",
    "police_reference": "PR/123/26",
    "consent_to_share": "yes",
    "consent_to_refer": "yes",
    "safe_call": "yes",
    "safe_voicemail": "no",
    "safe_text": "yes",
    "safe_email": "not_asked",
    "safe_phone": "07700 900000",
    "times_to_avoid": "Evenings",
}
INCIDENT = {
    "occurred_on_0": "3",
    "occurred_on_1": "11",
    "occurred_on_2": "2026",
    "what_happened": "Waited outside the office and followed her to the station.",
    "behaviours": ["following", "waiting"],
}


NOTE = {
    "kind": "contact",
    "happened_on_0": "3",
    "happened_on_1": "11",
    "happened_on_2": "2026",
    "method": "phone",
    "safe_to_talk": "yes",
    "text": "Called back; safe to talk. She has seen the car twice more this week.",
}


class Account:
    """One advocate account: email, TOTP key, and the last time step its code was used."""

    def __init__(self, email: str, key: str):
        self.email = email
        self.key = key
        self.last_step = -1

    def code(self) -> str:
        """A code the device has not accepted before (waiting for the next step if need be)."""
        from django_otp.oath import totp

        while (step := int(time.time()) // TOTP_STEP_SECONDS) <= self.last_step:
            time.sleep(0.2)
        self.last_step = step
        return f"{totp(bytes.fromhex(self.key), step=TOTP_STEP_SECONDS, digits=6):06d}"


def advocate_accounts() -> list[list[Account]]:
    """Each simulated advocate's accounts, with keys made for this run."""
    return [
        [
            Account(f"advocate-{person}-{n}@load.example", secrets.token_hex(20))
            for n in range(ACCOUNTS_PER_ADVOCATE)
        ]
        for person in range(ADVOCATES)
    ]


def set_up_advocates(database_url: str, accounts: list[list[Account]]) -> None:
    """Write the organisation and the accounts into the server's database."""
    env = server_env(database_url)  # its keys are unused: nothing signed or encrypted is written
    plan = {
        "password": ADVOCATE_PASSWORD,
        "accounts": [
            {"email": account.email, "key": account.key} for own in accounts for account in own
        ],
    }
    subprocess.run(  # noqa: S603 - this interpreter, this file
        [PYTHON, __file__, "--set-up-advocates"],
        input=json.dumps(plan),
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )


def _write_advocates(plan: dict) -> None:
    """In the server's settings: the organisation, the advocates, their confirmed devices."""
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from casework.models import Organisation, User

    organisation = Organisation.objects.create(name=ORGANISATION)
    password = make_password(plan["password"])  # hashed once, shared by every account
    for number, account in enumerate(plan["accounts"]):
        user = User.objects.create(
            email=account["email"],
            full_name=f"Load Advocate {number}",
            organisation=organisation,
            password=password,
        )
        TOTPDevice.objects.create(
            user=user, name="Load test app", key=account["key"], confirmed=True
        )


def post_form(browser: RecordingBrowser, path: str, fields: dict, kind: str) -> str:
    """GET ``path``, POST its form back with ``fields`` added; the redirect's target."""
    response = browser.get(path)
    expect(response.status == 200, browser.results, kind, f"GET {path}: {response.status}")
    form = next(
        (
            form
            for form in read_page(response.text).forms
            if form.method.lower() == "post" and form.action in {"", path}
        ),
        None,
    )
    expect(form is not None, browser.results, kind, f"no form on {path}")
    response = browser.post(path, {**form.hidden, **fields})
    expect(response.status == 302, browser.results, kind, f"POST {path}: {response.status}")
    return response.location


def get_page(browser: RecordingBrowser, path: str, kind: str) -> str:
    response = browser.get(path)
    expect(response.status == 200, browser.results, kind, f"GET {path}: {response.status}")
    return response.text


def working_a_case(browser: RecordingBrowser, accounts: list[Account]) -> None:
    """Sign in with a code, the caseload, a new case, a quick-entry screening to its result, an
    incident, a note of a contact, the case PDF, the whole team's caseload searched, sorted
    and filtered, then sign out."""
    account = min(accounts, key=lambda account: account.last_step)
    target = post_form(
        browser,
        "/cases/sign-in/",
        {"username": account.email, "password": ADVOCATE_PASSWORD},
        "advocate sign-in",
    )
    expect(target.startswith("/cases/two-factor/"), browser.results, "sign-in", target)
    target = post_form(browser, "/cases/two-factor/", {"code": account.code()}, "two-factor")
    expect(target == "/cases/", browser.results, "two-factor", f"two-factor went to {target}")
    get_page(browser, "/cases/", "case list")
    case = post_form(browser, "/cases/new/", CASE, "new case")
    expect(UUID.search(case) is not None, browser.results, "new case", f"new case: {case}")
    get_page(browser, case, "case")
    quick = post_form(browser, f"{case}screenings/new/", {"mode": "quick"}, "start screening")
    expect(quick.endswith("/quick/"), browser.results, "start screening", quick)
    page = read_page(get_page(browser, quick, "quick entry"))
    form = main_form(page, quick)
    expect(form is not None, browser.results, "quick entry", "no form on the quick entry page")
    response = browser.post(quick, form.answers())
    expect(response.status == 302, browser.results, "quick entry", f"quick: {response.status}")
    result = post_form(browser, response.location, {}, "screening check")
    get_page(browser, result, "screening result")
    log = post_form(browser, f"{case}log/add/", INCIDENT, "add incident")
    get_page(browser, log, "case incident log")
    notes = post_form(browser, f"{case}notes/add/", NOTE, "add note")
    get_page(browser, notes, "case notes")
    get_page(browser, "/cases/?view=all&sort=level", "case list")
    get_page(browser, "/cases/?view=all&q=lt-00&review=due_soon&tasks=open", "case list")
    response = browser.get(f"{result}summary/")
    expect(
        response.status == 200 and response.body.startswith(b"%PDF-"),
        browser.results,
        "case PDF",
        f"case PDF: {response.status} {response.headers.get('Content-Type')}",
    )
    page = read_page(get_page(browser, case, "case"))
    sign_out = next((form for form in page.forms if form.action == "/cases/sign-out/"), None)
    expect(sign_out is not None, browser.results, "case", "no sign-out button")
    response = browser.post("/cases/sign-out/", sign_out.hidden)
    expect(response.status == 302, browser.results, "sign-out", f"sign-out: {response.status}")
    get_page(browser, response.location, "advocate signed out")


# (scenario, number of simulated people running it)
SCENARIOS = [(self_screening, 50), (keeping_a_record, 10), (working_a_case, ADVOCATES)]


# --- Running and reporting -------------------------------------------------------------------


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.journeys: dict[str, int] = defaultdict(int)

    def record(self, kind, seconds):
        with self.lock:
            self.times[kind].append(seconds)

    def error(self, kind, message):
        with self.lock:
            self.errors[kind].append(message)

    def journey_done(self, scenario):
        with self.lock:
            self.journeys[scenario] += 1


def person(port, scenario, results, stop_at, stagger, *arguments):
    time.sleep(stagger)
    while time.monotonic() < stop_at:
        browser = RecordingBrowser(port, results)
        try:
            scenario(browser, *arguments)
        except JourneyError:
            pass
        else:
            results.journey_done(scenario.__name__)
        finally:
            browser.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(results: Results, elapsed: float) -> int:
    requests = sum(len(times) for times in results.times.values())
    errors = sum(len(messages) for messages in results.errors.values())
    print(f"\n{elapsed:.0f} s, {requests} requests: {requests / elapsed:.1f} requests/s")
    for scenario, count in results.journeys.items():
        print(f"  {scenario}: {count} complete journeys ({count / elapsed * 60:.0f} a minute)")
    print(
        f"\n  {'page type':<30}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    )
    advocate_pages = set(ADVOCATE_PAGE_TYPES.values())

    def order(kind):  # the public journey's pages first, then the advocates'
        return kind.removesuffix(" (POST)") in advocate_pages, -len(results.times[kind])

    for kind in sorted(results.times, key=order):
        times = results.times[kind]
        print(
            f"  {kind:<30}{len(times):>9}{statistics.median(times) * 1000:>9.0f}"
            f"{percentile(times, 0.95) * 1000:>9.0f}{percentile(times, 0.99) * 1000:>9.0f}"
            f"{len(results.errors.get(kind, [])):>8}"
        )
    print(f"\nErrors: {errors}")
    for kind, messages in results.errors.items():
        for message in sorted(set(messages))[:5]:
            print(f"  {kind}: {message} (x{messages.count(message)})")
    print()
    print(f"load_requests_per_second: {requests / elapsed:.1f}")
    print(f"load_errors: {errors}")
    return 1 if errors else 0


def main() -> int:
    people = ", ".join(f"{count} {scenario.__name__}" for scenario, count in SCENARIOS)
    accounts = advocate_accounts()
    print(f"Load test on {machine()}", flush=True)
    with throwaway_database() as (database_url, database), production_server(database_url) as port:
        print(f"gunicorn (gunicorn.conf.py), production settings, {database}")
        set_up_advocates(database_url, accounts)
        print(f"Simulated people: {people}; new journeys for {LOAD_SECONDS:.0f} s", flush=True)
        results = Results()
        started = time.monotonic()
        stop_at = started + LOAD_SECONDS
        threads = [
            threading.Thread(
                target=person,
                args=(
                    port,
                    scenario,
                    results,
                    stop_at,
                    random.uniform(0, RAMP_UP_SECONDS),  # noqa: S311
                    *([accounts[number]] if scenario is working_a_case else []),
                ),
            )
            for scenario, count in SCENARIOS
            for number in range(count)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    return report(results, elapsed)


if __name__ == "__main__":
    if sys.argv[1:] == ["--set-up-advocates"]:
        _write_advocates(json.load(sys.stdin))
        sys.exit(0)
    sys.exit(main())

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
"""

import os
import random
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.web_bench import (
    DETAILS_PATH,
    Browser,
    machine,
    main_form,
    production_server,
    read_page,
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
}


class JourneyError(Exception):
    pass


class RecordingBrowser(Browser):
    """A Browser that times every request under its page type."""

    def __init__(self, port, results):
        super().__init__(port)
        self.results = results

    def request(self, method, path, data=None, headers=None):
        kind = PAGE_TYPES.get(path.split("?")[0])
        if kind is None:
            kind = "question" if path.startswith("/questions/") else path
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


# (scenario, number of simulated people running it)
SCENARIOS = [(self_screening, 50)]


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


def person(port, scenario, results, stop_at, stagger):
    time.sleep(stagger)
    while time.monotonic() < stop_at:
        browser = RecordingBrowser(port, results)
        try:
            scenario(browser)
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
    for kind in sorted(results.times, key=lambda kind: -len(results.times[kind])):
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
    people = sum(count for _scenario, count in SCENARIOS)
    print(f"Load test on {machine()}", flush=True)
    with throwaway_database() as (database_url, database), production_server(database_url) as port:
        print(f"gunicorn (gunicorn.conf.py), production settings, {database}")
        print(f"{people} simulated people, new journeys for {LOAD_SECONDS:.0f} s", flush=True)
        results = Results()
        started = time.monotonic()
        stop_at = started + LOAD_SECONDS
        threads = [
            threading.Thread(
                target=person,
                args=(port, scenario, results, stop_at, random.uniform(0, RAMP_UP_SECONDS)),  # noqa: S311
            )
            for scenario, count in SCENARIOS
            for _ in range(count)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    return report(results, elapsed)


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: how fast the summary PDF is, against Chromium printing the same HTML.

Measured in one run, with warm-ups and medians:

- the summary PDF (``pdf.render_summary_pdf``: template, layout and PDF, all in memory) with
  0, 50 and 200 incidents: real ``Incident`` entries (``bench/sample.py``) turned into the
  PDF's schedule, pattern flags, weekly chart, crime references and "Supported by" lines by
  ``incident_presenters.pdf_incident_options``, as the download views do;
- Chromium, through Playwright, printing the same HTML (our stylesheet inlined) with a new
  page per PDF, as the peer;
- the first PDF after a fresh start against a warm one, in fresh child processes;
- this process's resident memory (VmRSS) after 20 and after 200 renders;
- the longest allowed case log (1000 entries of the typical length) laid out in a PDF worker,
  against the time limit, and the pages of a case summary with 14 incidents.

The machine's load average is printed at the start and the end: on a shared machine, Chromium
(several processes on every core) slows down far more than WeasyPrint (one thread) when other
work is running, so a ratio measured under load flatters WeasyPrint.

The last lines are the targets, as ``NAME: VALUE``. These are benchmarks, not tests:
nothing here fails on a slow machine.
"""

import gc
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "screening.settings")
os.environ.setdefault("DEBUG", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ROW_COUNTS = (0, 50, 200)
WARM_UPS = 2
RUNS = {0: 9, 50: 9, 200: 5}
FIRST_PDF_CHILDREN = 3
FIRST_PDF_WARM_RUNS = 5


def setup():
    import django

    django.setup()


def rss_mib() -> float:
    """This process's resident set size, read from /proc (no psutil)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("VmRSS not found")


def load_average() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def timed(function, *, warm_ups: int, runs: int) -> list[float]:
    for _ in range(warm_ups):
        function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def show(label: str, times: list[float]) -> float:
    median = statistics.median(times)
    raw = " ".join(f"{t * 1000:.0f}" for t in times)
    print(f"{label:<34} median {median * 1000:7.1f} ms   runs (ms): {raw}", flush=True)
    return median


def first_pdf_child() -> None:
    """Run in a fresh process: time the import (with its warm-up) and the first PDF."""
    started = time.perf_counter()
    setup()
    from screening import pdf

    imported = time.perf_counter() - started
    from bench.sample import incident_options, sample_answers

    answers = sample_answers()
    options = incident_options(50, answers)
    started = time.perf_counter()
    pdf.render_summary_pdf(answers, **options)
    first = time.perf_counter() - started
    warm = timed(
        lambda: pdf.render_summary_pdf(answers, **options),
        warm_ups=0,
        runs=FIRST_PDF_WARM_RUNS,
    )
    print(json.dumps({"start": imported, "first": first, "warm": statistics.median(warm)}))


def chromium_times(html_by_rows: dict[int, str]) -> dict[int, list[float]]:
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()

        for rows, html in html_by_rows.items():

            def print_pdf(html=html):
                page = context.new_page()
                page.set_content(html, wait_until="load")
                page.pdf(format="A4", prefer_css_page_size=True, print_background=True, tagged=True)
                page.close()

            results[rows] = timed(print_pdf, warm_ups=WARM_UPS, runs=RUNS[rows])
        context.close()
        browser.close()
    return results


def main() -> None:
    setup()
    from django.conf import settings
    from pypdf import PdfReader

    from bench.sample import incident_options, sample_answers
    from screening import pdf, pdf_layout

    answers = sample_answers()
    options = {rows: incident_options(rows, answers) for rows in ROW_COUNTS}
    print(
        f"Python {platform.python_version()}, WeasyPrint {pdf_layout.weasyprint.__version__}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}"
    )
    print(
        f"Language {settings.LANGUAGE_CODE}; times are wall-clock, medians after {WARM_UPS} "
        "warm-ups."
    )
    print(f"Load average (1, 5, 15 min) at the start: {load_average()}\n")

    print("WeasyPrint: render_summary_pdf (template + layout + PDF, in memory)")
    weasy = {}
    for rows in ROW_COUNTS:
        document = pdf.render_summary_pdf(answers, **options[rows])
        pages = len(PdfReader(io.BytesIO(document)).pages)
        times = timed(
            lambda rows=rows: pdf.render_summary_pdf(answers, **options[rows]),
            warm_ups=WARM_UPS,
            runs=RUNS[rows],
        )
        weasy[rows] = show(f"  {rows:>3} rows ({len(document) // 1024} KiB, {pages} pages)", times)

    print("\nMemory: one process rendering the 50-row summary again and again")
    gc.collect()
    print(f"  before: {rss_mib():.1f} MiB")
    rss = {}
    for count in range(1, 201):
        pdf.render_summary_pdf(answers, **options[50])
        if count in (20, 200):
            gc.collect()
            rss[count] = rss_mib()
            print(f"  after {count:>3} renders: {rss[count]:.1f} MiB", flush=True)

    print("\nFirst PDF after start, in fresh processes (start = Django + import + warm-up)")
    ratios = []
    for _ in range(FIRST_PDF_CHILDREN):
        child = subprocess.run(  # noqa: S603 - this same script, with a fixed argument
            [sys.executable, __file__, "--first-pdf"],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        ratios.append(figures["first"] / figures["warm"])
        print(
            f"  start {figures['start'] * 1000:.0f} ms, first PDF {figures['first'] * 1000:.0f} "
            f"ms, warm median {figures['warm'] * 1000:.0f} ms, ratio {ratios[-1]:.2f}",
            flush=True,
        )

    print("\nChromium (peer): new page per PDF, set_content + page.pdf(tagged=True), same HTML")
    stylesheet = (pdf_layout.PDF_STATIC_DIR / pdf_layout.STYLESHEET_NAME).read_text(
        encoding="utf-8"
    )
    html_by_rows = {
        rows: pdf.render_summary_html(answers, **options[rows]).replace(
            "</head>", f"<style>{stylesheet}</style></head>", 1
        )
        for rows in ROW_COUNTS
    }
    chromium = {
        rows: show(f"  {rows:>3} rows", times)
        for rows, times in chromium_times(html_by_rows).items()
    }

    print("\nWeasyPrint time / Chromium time")
    for rows in ROW_COUNTS:
        print(f"  {rows:>3} rows: {weasy[rows] / chromium[rows]:.2f}")

    print("\nThe longest allowed case log: 1000 entries of the typical length, in a PDF worker")
    from bench.sample import case_options
    from screening import downloads

    longest = pdf.render_summary_html(answers, **incident_options(1000, answers))
    downloads.run_in_worker(pdf_layout.warm_up)
    started = time.perf_counter()
    document = downloads.run_in_worker(pdf_layout.html_to_pdf, longest)
    longest_seconds = time.perf_counter() - started
    pages = len(PdfReader(io.BytesIO(document)).pages)
    limit = settings.PDF_TIMEOUT_SECONDS
    print(f"  {longest_seconds:.1f} s, {pages} pages; the limit is {limit:.0f} s", flush=True)
    from bench.sample import TODAY, long_incidents
    from screening.incidents.presenters import pdf_incident_options

    guard = settings.PDF_MAX_SCHEDULE_CHARACTERS
    largest = pdf_incident_options(long_incidents(1000, guard), today=TODAY)
    largest_characters = downloads.schedule_characters(largest)
    while largest_characters > guard:  # trim to just under the guard
        largest["incidents"] = largest["incidents"][:-1]
        largest_characters = downloads.schedule_characters(largest)
    largest_html = pdf.render_summary_html(answers, **largest)
    started = time.perf_counter()
    document = downloads.run_in_worker(pdf_layout.html_to_pdf, largest_html)
    largest_seconds = time.perf_counter() - started
    print(
        f"  The largest schedule attempted ({len(largest['incidents'])} long entries, "
        f"{largest_characters:,} characters against the guard of {guard:,}): "
        f"{largest_seconds:.1f} s, {len(PdfReader(io.BytesIO(document)).pages)} pages",
        flush=True,
    )
    case14 = pdf.render_summary_pdf(answers, **case_options(14, answers))
    case14_pages = len(PdfReader(io.BytesIO(case14)).pages)
    print(f"  A case summary with 14 incidents: {case14_pages} pages")

    print(f"\nLoad average (1, 5, 15 min) at the end: {load_average()}")
    print()
    print(f"pdf_50_vs_chromium: {weasy[50] / chromium[50]:.2f}")
    print(f"pdf_200_vs_chromium: {weasy[200] / chromium[200]:.2f}")
    print(f"first_pdf_vs_warm: {statistics.median(ratios):.2f}")
    print(f"rss_200_vs_20: {rss[200] / rss[20]:.2f}")
    print(f"pdf_1000_vs_limit: {longest_seconds / settings.PDF_TIMEOUT_SECONDS:.2f}")
    print(f"pdf_case14_pages: {case14_pages}")
    print(f"pdf_largest_allowed_vs_limit: {largest_seconds / settings.PDF_TIMEOUT_SECONDS:.2f}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--first-pdf"]:
        first_pdf_child()
    else:
        main()

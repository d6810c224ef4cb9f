"""PDFs are laid out in worker processes that can never starve the pages: a bounded number at
once, at a lower priority, and ended (not left running) when they pass the time limit."""

import itertools
import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from screening import downloads, pdf
from tests import pdf_jobs


@pytest.fixture
def warm(settings):
    """A worker started and ready, so the tests time the job and not the start."""
    settings.PDF_TIMEOUT_SECONDS = 60
    downloads.run_in_worker(pdf_jobs.which_process)
    return settings


def _gone_or_dead(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")  # a zombie uses no processor


def test_a_render_past_its_limit_is_ended_and_stops_using_the_processor(warm, tmp_path):
    pid_file = tmp_path / "pid"
    warm.PDF_TIMEOUT_SECONDS = 2
    with pytest.raises(TimeoutError):
        downloads.run_in_worker(pdf_jobs.spin, str(pid_file))
    pid = int(pid_file.read_text())
    assert pid != os.getpid()
    deadline = time.monotonic() + 10
    while not _gone_or_dead(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone_or_dead(pid), "the render went on after its time limit"


def test_after_a_render_is_ended_the_next_one_is_made(warm, tmp_path):
    warm.PDF_TIMEOUT_SECONDS = 1
    with pytest.raises(TimeoutError):
        downloads.run_in_worker(pdf_jobs.spin, str(tmp_path / "pid"))
    warm.PDF_TIMEOUT_SECONDS = 60
    document = downloads.run_in_worker(pdf.html_to_pdf, "<html><body><p>x</p></body></html>")
    assert document.startswith(b"%PDF-")


def test_workers_run_apart_and_at_a_lower_priority(warm):
    pid, niceness = downloads.run_in_worker(pdf_jobs.which_process)
    assert pid != os.getpid()
    assert niceness == os.nice(0) + warm.PDF_WORKER_NICENESS


def test_no_more_renders_run_at_once_than_there_are_workers(warm):
    assert warm.PDF_WORKERS == 1
    with ThreadPoolExecutor(max_workers=3) as requests:
        spans = sorted(
            requests.map(lambda _: downloads.run_in_worker(pdf_jobs.a_while, 0.3), range(3))
        )
    for (_, first_ended), (second_started, _) in itertools.pairwise(spans):
        assert second_started >= first_ended


def test_a_failed_render_raises_in_the_request(warm):
    with pytest.raises(RuntimeError):
        downloads.run_in_worker(pdf_jobs.broken, "")


def test_a_summary_made_in_a_worker_is_the_summary(warm):
    from tests.test_pdf import complete_answers, pages_text

    text = " ".join(pages_text(downloads.render_in_time(complete_answers())))
    assert "Warning signs checklist: summary for the police" in text


def test_a_render_never_outlives_the_server_process_that_asked_for_it(tmp_path):
    """A server process can end without its tidy-up (gunicorn restarts workers; the kernel
    kills them): its PDF workers end with it, instead of rendering on with no time limit."""
    import signal
    import subprocess
    import sys

    from tests.test_settings import ROOT

    pid_file = tmp_path / "pid"
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.pdf_orphan_probe", str(pid_file)],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "true"},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout.readline().strip() == "ready"
        worker = int(pid_file.read_text())
        assert not _gone_or_dead(worker)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        deadline = time.monotonic() + 10
        while not _gone_or_dead(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone_or_dead(worker), "a PDF worker went on rendering after its server died"
    finally:
        server.kill()

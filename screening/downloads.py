"""Making a summary PDF for a request, without slowing anyone else down, and sending it.

The template is rendered in the request (it is quick, and it needs the request's language).
Laying the HTML out as a PDF is what takes the time, so it runs in a small pool of worker
processes apart from the threads that serve pages:

- **A bounded number at once.** Each app server process has ``PDF_WORKERS`` workers; a PDF
  asked for while they are all busy waits its turn.
- **Pages first.** Workers run at a lower CPU priority (``PDF_WORKER_NICENESS``), so however
  many PDFs are being made, pages keep their share of the processor.
- **A hard time limit.** A PDF not made within ``PDF_TIMEOUT_SECONDS`` of being asked for is
  given up: a render still waiting is dropped, and one already running is ended with its
  worker process, which is replaced. Nothing is left running. The request gets the "could not
  be made" page with its print alternative.

Workers import only ``screening.pdf_layout`` (WeasyPrint, our fetcher and stylesheet), not
Django, and warm it up when they start. The pool is started on first use, or at server start
by ``start_workers`` (see gunicorn.conf.py), and stopped when the process ends.
"""

import atexit
import multiprocessing
import threading
from collections.abc import Callable

import pebble
from django.conf import settings
from django.http import HttpResponse

from screening import pdf, pdf_layout

#: What a worker runs: the document's HTML in, the PDF's bytes out. It is found by name in
#: the worker, so it must be a module-level function.
RENDER = pdf_layout.html_to_pdf

_pool: pebble.ProcessPool | None = None
_pool_lock = threading.Lock()


def start_workers() -> pebble.ProcessPool:
    """The pool of PDF workers, started if it is not running."""
    global _pool
    with _pool_lock:
        if _pool is None or not _pool.active:
            _pool = pebble.ProcessPool(
                max_workers=settings.PDF_WORKERS,
                initializer=pdf_layout.start_worker,
                initargs=(settings.PDF_WORKER_NICENESS,),
                context=multiprocessing.get_context("spawn"),
            )
        return _pool


@atexit.register
def stop_workers() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.stop()
            _pool.join()
            _pool = None


def run_in_worker(job, *args):
    """``job(*args)`` in a PDF worker, within ``PDF_TIMEOUT_SECONDS`` of now, waiting included.

    Raises what the job raised, or ``TimeoutError``; past the limit the job is ended with its
    worker process (replaced by a new one), never left running."""
    timeout = settings.PDF_TIMEOUT_SECONDS
    future = start_workers().schedule(job, args=args, timeout=timeout)
    try:
        return future.result(timeout=timeout)
    except BaseException:
        future.cancel()  # dropped if still waiting; its worker stopped if running
        raise


class TooLong(Exception):
    """The incident schedule holds more text than one PDF can be laid out from in time."""


def schedule_characters(options) -> int:
    """How much text the incident schedule in ``options`` would print."""
    return sum(
        len(entry.when) + sum(len(label) + len(text) for label, text in entry.details)
        for entry in options.get("incidents", ())
    )


def render_in_time(answers, **options) -> bytes:
    """``pdf.render_summary_pdf(answers, **options)``: the HTML here, in the language of the
    request that asked, and the layout in a PDF worker (see the module docstring). Both the
    public download and an advocate's case download use this, so both have the same limit.

    Raises ``TooLong``, before anything is laid out, when the schedule holds more than
    ``PDF_MAX_SCHEDULE_CHARACTERS``: that could not be made in time, so it is not tried.
    (Making the HTML takes a few hundredths of a second even then; the layout is the cost.)"""
    if schedule_characters(options) > settings.PDF_MAX_SCHEDULE_CHARACTERS:
        raise TooLong
    return run_in_worker(RENDER, pdf.render_summary_html(answers, **options))


def html_in_time(make_html: Callable[[], str]) -> bytes:
    """The HTML ``make_html`` gives (made here, in the request's language), laid out in a PDF
    worker with ``render_in_time``'s limit: for other documents, such as a referral summary."""
    return run_in_worker(RENDER, make_html())


def pdf_response(document: bytes) -> HttpResponse:
    """A summary PDF as an attachment with a neutral file name."""
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.file_name()}"'
    response["Content-Length"] = str(len(document))
    return response

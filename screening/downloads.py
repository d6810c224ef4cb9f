"""Making a summary PDF for a request: within a time limit, and sent with a neutral name.

Both the person's download and an advocate's case download use these, so both have the same
limit and the same response.
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation

from screening import pdf

#: Renders run here so that a request can stop waiting for one that takes too long. One
#: thread is enough: pdf.py makes one PDF at a time whichever thread asks.
_RENDERER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="summary-pdf")


def render_in_time(answers, **options) -> bytes:
    """``pdf.render_summary_pdf(answers, **options)`` on the shared renderer thread, in the
    language of the request that asked, waiting at most ``PDF_TIMEOUT_SECONDS``.

    Raises whatever the render raised, or ``TimeoutError``. A render still waiting its turn is
    dropped; one already running cannot be stopped, and its result is discarded. Both the
    public download and an advocate's case download use this, so both have the same limit.
    """
    return _in_time(lambda: pdf.render_summary_pdf(answers, **options))


def html_in_time(make_html: Callable[[], str]) -> bytes:
    """The HTML ``make_html`` gives, laid out by ``pdf.html_to_pdf``, with ``render_in_time``'s
    thread, language and limit (for other documents, such as a referral summary)."""
    return _in_time(lambda: pdf.html_to_pdf(make_html()))


def _in_time(produce: Callable[[], bytes]) -> bytes:
    language = translation.get_language()

    def render() -> bytes:
        with translation.override(language):
            return produce()

    rendering = _RENDERER.submit(render)
    try:
        return rendering.result(timeout=settings.PDF_TIMEOUT_SECONDS)
    except BaseException:
        rendering.cancel()
        raise


def pdf_response(document: bytes) -> HttpResponse:
    """A summary PDF as an attachment with a neutral file name."""
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.file_name()}"'
    response["Content-Length"] = str(len(document))
    return response

"""Laying out a summary's HTML as a PDF with WeasyPrint: the only part of making a PDF that
takes real time, kept free of Django so that it can run in a worker process of its own
(``screening.downloads``) as well as in the web process.

Safety:

- One ``StaticOnlyFetcher``, shared by every render, is the only way WeasyPrint can load
  anything. It serves files from our own PDF static folder, read from disk, and refuses
  everything else: no network, no redirects, no ``file://`` outside that folder, no
  attachments. A refusal never stops the render: the resource is simply left out.
- The PDF is returned as bytes and never written to disk.
- WeasyPrint's own log messages can quote a URL; they are stripped of their arguments so a
  name or a note could never reach a log.

Speed (see docs/performance.md): WeasyPrint is imported, the font configuration is built and
the stylesheet is parsed once, when this module is imported, and a tiny warm-up render pays
for the first-use costs there too. The cyclic garbage collector is paused while a render runs
and collects once at its end.
"""

import ctypes
import ctypes.util
import gc
import logging
import mimetypes
import os
import signal
import threading
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse

#: The only folder the PDF renderer may read from.
PDF_STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "pdf"
STYLESHEET_NAME = "summary.css"
#: Relative URLs in the document resolve here, inside the allow-list.
BASE_URL = PDF_STATIC_DIR.as_uri() + "/"

#: Tagged PDF/UA-1 for screen readers (WeasyPrint turns on ``pdf_tags`` with it).
PDF_VARIANT = "pdf/ua-1"


class RefusedResource(ValueError):
    """The renderer asked for something outside the allow-list. The message names no URL."""


class StaticOnlyFetcher(weasyprint.URLFetcher):
    """Serve files under ``roots`` from disk and refuse every other URL.

    Only ``file:`` URLs with no host, query or fragment are considered, and only when the
    resolved path (symlinks followed) is a file inside one of the roots. Nothing is ever
    requested over a network, so there is nothing to redirect. Instances are safe to share:
    they keep no per-request state.
    """

    def __init__(self, roots: Sequence[Path]):
        super().__init__(
            timeout=1, allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False
        )
        self.roots = tuple(Path(root).resolve() for root in roots)

    def allowed_path(self, url: str) -> Path | None:
        """The file ``url`` names if it is inside the allow-list, else ``None``."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        if parts.query or parts.fragment:
            return None
        try:
            path = Path(url2pathname(unquote(parts.path))).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):
            return None
        if not path.is_file():
            return None
        if not any(path.is_relative_to(root) for root in self.roots):
            return None
        return path

    def fetch(self, url, headers=None):
        path = self.allowed_path(url)
        if path is None:
            raise RefusedResource("resource outside the PDF allow-list refused")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type == "text/css":
            content_type = "text/css; charset=utf-8"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
        )


class _WithoutArguments(logging.Filter):
    """Keep WeasyPrint's message but drop its arguments, which can hold a URL from the page."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.msg = f"{record.msg} (details withheld)"
            record.args = None
        return True


for _name in ("weasyprint", "weasyprint.progress"):
    logging.getLogger(_name).addFilter(_WithoutArguments())

FETCHER = StaticOnlyFetcher([PDF_STATIC_DIR])
FONT_CONFIG = FontConfiguration()
#: Parsed once, read through the fetcher like any other resource.
STYLESHEET = weasyprint.CSS(
    url=BASE_URL + STYLESHEET_NAME, url_fetcher=FETCHER, font_config=FONT_CONFIG
)
#: WeasyPrint is not thread-safe with a shared font configuration. Rendering is CPU-bound
#: Python, so threads could not run two renders at once anyway.
_RENDER_LOCK = threading.Lock()


def html_to_pdf(html: str) -> bytes:
    """Lay out ``html`` with the shared fetcher, fonts and stylesheet; return the PDF bytes."""
    with _RENDER_LOCK, _garbage_collection_paused():
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=FETCHER)
        return document.write_pdf(
            stylesheets=[STYLESHEET],
            font_config=FONT_CONFIG,
            pdf_variant=PDF_VARIANT,
            attachments=[],
        )


@contextmanager
def _garbage_collection_paused():
    """Pause the cyclic garbage collector for one render, then collect the young objects.

    A render makes tens of thousands of boxes that all live until it ends, so the collector,
    left on, scans them again and again and now and then walks the whole heap (about 10 % of
    a render, in some renders 40 ms). Paused, a render pays once at the end: one collection
    of the young generation, which frees the render's reference cycles (about 10 ms).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)


def start_worker(niceness: int) -> None:
    """A PDF worker's start (``screening.downloads``): a lower CPU priority than the pages',
    and an end with the process that started it, so a render can never outlive the server
    process (and the time limit it enforces). Importing this module, to find this function, has
    already prepared and warmed the layout; nothing of Django is needed."""
    if niceness:
        os.nice(niceness)
    _end_with_parent()


#: prctl(2): ask the kernel to send a signal when the process that started this one ends.
_PR_SET_PDEATHSIG = 1


def _end_with_parent() -> None:
    """On Linux, be killed when the parent ends, however it ends (even by SIGKILL)."""
    library = ctypes.util.find_library("c")
    if library is None:
        return
    try:
        libc = ctypes.CDLL(library, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return


def warm_up() -> None:
    """Pay the layout's first-use costs (fonts, shaping, PDF writing) when a process starts."""
    html_to_pdf(
        '<html lang="en"><title>-</title><body>'
        '<div class="running" id="running-marking">Aa</div>'
        '<div class="running" id="running-meta"><strong>Aa</strong><br>Aa '
        '<span class="page-number"></span> <span class="page-count"></span></div>'
        "<h1>Aa</h1><h2>Aa</h2><p><b>Aa</b> Aa</p>"
        '<table class="checklist-table"><tr><td>1</td></tr></table>'
        '<p class="incident"><strong>Aa</strong>\nAa</p></body></html>'
    )


warm_up()

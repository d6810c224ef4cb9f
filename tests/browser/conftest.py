"""Browser tests: Playwright driving Debian's Chromium against a live server.

The network here is closed, so the exit destination is a small neutral page
served on another local port. Without Chromium these tests skip locally, but
fail under CI, where a skipped browser test would hide a broken journey.
"""

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

# The shared helpers assert too; let pytest explain their failures.
pytest.register_assert_rewrite("tests.browser.axe", "tests.browser.journey", "tests.browser.tour")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the test's own
    # database calls are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright switches the back/forward cache off by default; people's browsers
        # have it on, and the exit tests need to see what Back really shows.
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            ignore_default_args=["--disable-back-forward-cache"],
        )
        yield browser
        browser.close()


class _NeutralPage(BaseHTTPRequestHandler):
    #: (path, headers) of every request the neutral site received, oldest first.
    visits: list = []

    def do_GET(self):
        self.visits.append((self.path, dict(self.headers)))
        body = b"<!doctype html><html lang=en><title>Weather</title><h1>Weather forecast</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def neutral_site():
    """A stand-in for the exit destination, on its own local origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NeutralPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/weather"
    server.shutdown()


@pytest.fixture
def neutral_site_visits(neutral_site):
    """(path, headers) of each request the neutral site received during this test."""
    _NeutralPage.visits.clear()
    return _NeutralPage.visits


@pytest.fixture
def site(live_server, settings, neutral_site, transactional_db):
    settings.EXIT_URL = neutral_site
    return live_server.url


def origin(url):
    parts = urlparse(url)
    return f"{parts.scheme}://{parts.netloc}"


class RequestLog(list):
    def origins(self):
        return {origin(u) for u in self}


@pytest.fixture
def requests_made():
    return RequestLog()


class ConsoleLog(list):
    """What the page said on its console, and any uncaught script errors.

    Each entry is (kind, text, url): kind is a console message type such as
    "error" or "warning", or "pageerror" for an uncaught exception.
    """

    def errors(self):
        return [entry for entry in self if entry[0] in ("error", "pageerror")]

    def csp_violations(self):
        return [entry for entry in self if "Content Security Policy" in entry[1]]


@pytest.fixture
def console_messages():
    return ConsoleLog()


def _new_page(browser, requests_made, console_messages, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.on("request", lambda request: requests_made.append(request.url))
    page.on(
        "console",
        lambda message: console_messages.append(
            (message.type, message.text, message.location.get("url", ""))
        ),
    )
    page.on("pageerror", lambda error: console_messages.append(("pageerror", str(error), "")))
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture
def make_page(browser, site, requests_made, console_messages):
    """A factory for pages with their own context options (viewport, clock, ...)."""
    contexts = []

    def make(**context_options):
        context, page = _new_page(browser, requests_made, console_messages, **context_options)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(make_page):
    return make_page()


@pytest.fixture
def page_without_js(make_page):
    return make_page(java_script_enabled=False)


@pytest.fixture
def phone_page(make_page):
    return make_page(viewport={"width": 320, "height": 640})

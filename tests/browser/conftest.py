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
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _NeutralPage(BaseHTTPRequestHandler):
    def do_GET(self):
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
def site(live_server, settings, neutral_site, transactional_db):
    settings.EXIT_URL = neutral_site
    return live_server.url


class RequestLog(list):
    def origins(self):
        return {f"{urlparse(u).scheme}://{urlparse(u).netloc}" for u in self}


@pytest.fixture
def requests_made():
    return RequestLog()


def _new_page(browser, requests_made, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.on("request", lambda request: requests_made.append(request.url))
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture
def page(browser, site, requests_made):
    context, page = _new_page(browser, requests_made)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, site, requests_made):
    context, page = _new_page(browser, requests_made, java_script_enabled=False)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, site, requests_made):
    context, page = _new_page(browser, requests_made, viewport={"width": 320, "height": 640})
    yield page
    context.close()

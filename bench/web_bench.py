"""`make bench`, web half: the service served the production way, measured from outside.

gunicorn starts with ``gunicorn.conf.py`` and production settings on a free loopback
port, on a throwaway PostgreSQL server when one can be started (as in production),
otherwise on a temporary SQLite file. ``bench/settings.py`` adds a bare Django view
beside the service as the yardstick. Requests carry ``X-Forwarded-Proto: https``
as a TLS proxy would send them, so secure cookies, HSTS and the CSRF origin check
all work as deployed.

Printed, in one run:

- the p95 of question pages on their own and while six people download the summary PDF of the
  largest record a person can keep (``pdf_isolation_p95_ratio``);
- throughput and median time of a question page (a session that has started),
  the check-answers page (a complete session) and the bare view, each with the
  same number of concurrent keep-alive clients;
- the weight of every public page, gzip-compressed, with the stylesheet, scripts
  and images it loads (HTML compressed here as the TLS proxy in front would);
- the page loads in a complete self-screening journey, walked through the real
  links and forms from the start page to the results.

The last lines are the figures, as ``NAME: VALUE``. These are benchmarks, not
tests: nothing here fails on a slow machine. ``bench/load.py`` reuses the server
and the client defined here.
"""

import base64
import contextlib
import gzip
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
BARE_PATH = "/bench/bare/"
CLIENTS = 8
MEASURE_SECONDS = 8
WARM_UP_SECONDS = 2
REQUEST_TIMEOUT_SECONDS = 120
GZIP_LEVEL = 6
START_TIMEOUT_SECONDS = 60

# A plausible person's answers, chosen by field name; anything else takes the
# first option offered, so a new question needs no change here.
TEXT_ANSWERS = {
    "name": "Alex",
    "details": "They waited outside my work again and followed me to the bus stop.",
    "other_details": "They sent flowers to my mother's house.",
    "reference": "AB/12345/26",
}


# --- A throwaway database -----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _postgres_bindir() -> Path | None:
    candidates = []
    if shutil.which("pg_config"):
        found = subprocess.run(
            ["pg_config", "--bindir"],  # noqa: S607 - found on PATH just above
            capture_output=True,
            text=True,
            check=False,
        )
        candidates.append(Path(found.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    return next((path for path in candidates if (path / "initdb").exists()), None)


@contextlib.contextmanager
def throwaway_database():
    """Yield (DATABASE_URL, description): PostgreSQL if it can be started here, else SQLite."""
    folder = Path(tempfile.mkdtemp(prefix="screening-bench-"))
    bindir = _postgres_bindir()
    if bindir is None:
        try:
            yield f"sqlite:///{folder / 'bench.sqlite3'}", "SQLite (no PostgreSQL found)"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    data = folder / "data"
    as_owner = []
    if os.geteuid() == 0:  # the server refuses to run as root
        owner = "postgres" if _user_exists("postgres") else "nobody"
        shutil.chown(folder, user=owner)
        as_owner = ["runuser", "-u", owner, "--"]
    port = _free_port()
    run = subprocess.run
    run([*as_owner, bindir / "initdb", "-D", data, "-U", "bench", "--auth=trust"],
        check=True, capture_output=True)  # fmt: skip
    options = f"-c listen_addresses={HOST} -p {port} -k {folder} -c max_connections=200"
    run([*as_owner, bindir / "pg_ctl", "start", "-D", data, "-l", folder / "log", "-w",
         "-o", options], check=True, capture_output=True)  # fmt: skip
    try:
        run([bindir / "createdb", "-h", HOST, "-p", str(port), "-U", "bench", "screening"],
            check=True, capture_output=True)  # fmt: skip
        version = run([bindir / "postgres", "--version"], capture_output=True, text=True)
        yield f"postgres://bench@{HOST}:{port}/screening", version.stdout.strip()
    finally:
        run([*as_owner, bindir / "pg_ctl", "stop", "-D", data, "-m", "fast", "-w"],
            check=False, capture_output=True)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


# --- The server, the production way ------------------------------------------------


def _new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def server_env(database_url: str) -> dict[str, str]:
    """Production settings with the benchmark URLconf, on ``database_url``, with a signing
    key and an encryption key made for this run."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": _new_key(),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        # Every simulated person comes from this one loopback address.
        "RATE_LIMIT_SCALE": "1000000",
    }


@contextlib.contextmanager
def production_server(database_url: str):
    """gunicorn with gunicorn.conf.py and production settings; yields its port."""
    port = _free_port()
    env = {
        **server_env(database_url),
        "TRUST_X_FORWARDED_PROTO": "true",
        "BIND_ADDRESS": f"{HOST}:{port}",
    }
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
            [PYTHON, "manage.py", *command, "--verbosity", "0"], cwd=ROOT, env=env, check=True
        )
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
            [PYTHON, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_serving(port, server, log)
            yield port
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_until_serving(port, server, log):
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            sys.exit("gunicorn stopped:\n" + log.read().decode(errors="replace"))
        try:
            status = Browser(port).get(BARE_PATH).status
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return
        time.sleep(0.2)
    sys.exit("gunicorn did not start in time")


# --- A small browser: keep-alive, one session cookie, forms ----------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Browser:
    """One person's browser: a keep-alive connection and the cookies the site set."""

    def __init__(self, port: int):
        self.port = port
        self.origin = f"https://{HOST}:{port}"
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None
        self.used = False

    def _connect(self):
        self.connection = http.client.HTTPConnection(
            HOST, self.port, timeout=REQUEST_TIMEOUT_SECONDS
        )
        self.used = False

    def close(self):
        if self.connection:
            self.connection.close()

    def request(self, method: str, path: str, data=None, headers=None) -> Response:
        body = urlencode(data, doseq=True).encode() if data is not None else None
        all_headers = {
            "Host": f"{HOST}:{self.port}",
            "X-Forwarded-Proto": "https",  # as the TLS proxy in front sends it
            "Accept-Encoding": "identity",
            **(headers or {}),
        }
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers["Origin"] = self.origin
        for attempt in (1, 2):
            if self.connection is None:
                self._connect()
            reused = self.used
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=all_headers)
                reply = self.connection.getresponse()
                content = reply.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection before reading this
                # request: safe to send again, once, on a new connection.
                self.connection.close()
                self.connection = None
                if reused and attempt == 1:
                    continue
                raise
            elapsed = time.perf_counter() - started
            self.used = True
            if reply.getheader("Connection", "").lower() == "close" or reply.will_close:
                self.connection.close()
                self.connection = None
            self._remember_cookies(reply.headers)
            return Response(reply.status, reply.headers, content, elapsed)
        raise AssertionError("unreachable")

    def get(self, path: str, headers=None) -> Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, data) -> Response:
        return self.request("POST", path, data=data)

    def _remember_cookies(self, headers):
        for header in headers.get_all("Set-Cookie") or []:
            pair, _, attributes = header.partition(";")
            name, _, value = pair.strip().partition("=")
            expired = "max-age=0" in attributes.lower().replace(" ", "")
            if expired or not value.strip('"'):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def follow(self, response: Response) -> Response:
        """Follow redirects within the site, as a browser does."""
        while response.status in {301, 302, 303, 307, 308}:
            target = urlsplit(urljoin(self.origin + "/", response.location))
            if target.netloc != urlsplit(self.origin).netloc:
                return response
            response = self.get(target.path + (f"?{target.query}" if target.query else ""))
        return response


# --- Reading pages --------------------------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    hidden: dict[str, str] = field(default_factory=dict)
    text: list[str] = field(default_factory=list)
    radios: dict[str, list[str]] = field(default_factory=dict)
    checkboxes: dict[str, list[str]] = field(default_factory=dict)

    def answers(self) -> dict:
        """What a person filling this form in might send."""
        data: dict = dict(self.hidden)
        data.update({name: TEXT_ANSWERS.get(name, "Alex") for name in self.text})
        data.update({name: values[0] for name, values in self.radios.items()})
        data.update({name: values[:2] for name, values in self.checkboxes.items()})
        return data


class PageParser(HTMLParser):
    """The forms, the buttons that are links, and the assets a page loads."""

    def __init__(self):
        super().__init__()
        self.forms: list[Form] = []
        self.button_links: list[str] = []
        self.assets: list[str] = []
        self._form: Form | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        classes = attributes.get("class", "").split()
        if tag == "form":
            self._form = Form(attributes.get("action", ""), attributes.get("method", "get"))
            self.forms.append(self._form)
        elif tag == "a" and "govuk-button" in classes and attributes.get("href"):
            self.button_links.append(attributes["href"])
        elif tag == "link" and attributes.get("rel") in {"stylesheet", "icon"}:
            self.assets.append(attributes["href"])
        elif tag in {"script", "img"} and attributes.get("src"):
            self.assets.append(attributes["src"])
        if self._form is None or tag not in {"input", "textarea"}:
            return
        name = attributes.get("name")
        kind = "textarea" if tag == "textarea" else attributes.get("type", "text")
        if not name:
            return
        if kind == "hidden":
            self._form.hidden[name] = attributes.get("value", "")
        elif kind == "radio":
            self._form.radios.setdefault(name, []).append(attributes.get("value", ""))
        elif kind == "checkbox":
            self._form.checkboxes.setdefault(name, []).append(attributes.get("value", ""))
        elif kind in {"text", "textarea", "email", "search", "tel"}:
            self._form.text.append(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def read_page(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def main_form(page: PageParser, path: str) -> Form | None:
    """The page's own form: posted back to the page, with something to fill in."""
    for form in page.forms:
        posted_here = form.method.lower() == "post" and form.action in {"", path}
        if posted_here and (form.text or form.radios or form.checkboxes):
            return form
    return None


# --- The self-screening journey ----------------------------------------------------------

RESULTS_PATH = "/results/"
MAX_JOURNEY_PAGES = 60
DETAILS_PATH = "/summary/details/"


def walk_to_results(browser: Browser):
    """From the start page to the results, by the real links and forms; yield each page load.

    A form post, its redirect and the page it leads to are one page load, as in a browser.
    """
    path = "/"
    response = browser.get(path)
    for _ in range(MAX_JOURNEY_PAGES):
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        page = read_page(response.text)
        yield path, page, response
        if path == RESULTS_PATH:
            return
        form = main_form(page, path)
        if form is not None:
            response = browser.post(path, form.answers())
        else:
            links = [link for link in page.button_links if link.startswith("/")]
            links = [link for link in links if "exit" not in link]
            if not links:
                raise RuntimeError(f"nowhere to go from {path}")
            path = links[0]
            response = browser.get(path)
        while response.status in {301, 302, 303}:
            path = urlsplit(response.location).path
            response = browser.get(path)
    raise RuntimeError("the journey did not reach the results page")


def complete_session(browser: Browser) -> None:
    for _step in walk_to_results(browser):
        pass


# --- Measurements ---------------------------------------------------------------------------


def measure(port: int, path: str, prepare, *, clients=CLIENTS, seconds=MEASURE_SECONDS):
    """Requests per second and median seconds for GET ``path`` from concurrent clients."""
    times = request_times(port, path, prepare, clients=clients, seconds=seconds)
    return len(times) / seconds, statistics.median(times)


def request_times(port: int, path: str, prepare, *, clients=CLIENTS, seconds=MEASURE_SECONDS):
    """The seconds each GET ``path`` took, from concurrent clients, after a warm-up."""
    browsers = []
    for _ in range(clients):
        browser = Browser(port)
        prepare(browser)
        browsers.append(browser)
    times: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    stop_warming = stop = 0.0

    def run(browser):
        mine = []
        start.wait()
        while (now := time.monotonic()) < stop:
            response = browser.get(path)
            if response.status != 200:
                with lock:
                    failures.append(f"{path}: {response.status}")
            if now >= stop_warming:
                mine.append(response.seconds)
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=run, args=(browser,)) for browser in browsers]
    for thread in threads:
        thread.start()
    stop_warming = time.monotonic() + WARM_UP_SECONDS
    stop = stop_warming + seconds
    start.wait()
    for thread in threads:
        thread.join()
    for browser in browsers:
        browser.close()
    if failures:
        sys.exit(f"{len(failures)} failed requests, e.g. {failures[0]}")
    return times


# --- PDFs beside pages -------------------------------------------------------------------

PDF_DOWNLOADERS = 6
PAGE_CLIENTS = 4
RECORD_ENTRIES = 100  # the most a person's record holds
LONGEST = {  # every free-text field of an entry at its limit
    "place": 200,
    "what_happened": 5000,
    "effect_details": 1000,
    "witnesses": 1000,
    "evidence": 1000,
    "officer": 100,
    "crime_reference": 40,
}
WORDS = "he waited outside the flat again and sent twenty messages before midnight "


def _text(length: int) -> str:
    return (WORDS * (length // len(WORDS) + 1))[:length].strip().ljust(length, "x")


def maximum_record(browser: Browser) -> None:
    """A finished screening and the largest record a person can keep: every entry full."""
    complete_session(browser)
    for number in range(RECORD_ENTRIES):
        form = main_form(read_page(browser.get("/record/add/").text), "/record/add/")
        data = {
            **form.hidden,
            "occurred_on_0": str(1 + number % 28),
            "occurred_on_1": str(1 + number % 11),
            "occurred_on_2": "2026",
            "time": "21:30",
            "behaviours": ["following", "waiting", "threats", "via_others"],
            "feared_violence": "yes",
            "daily_life_effects": ["routes", "security"],
            "reported_to_police": "yes",
            **{name: _text(length) for name, length in LONGEST.items()},
        }
        response = browser.post("/record/add/", data)
        if response.status != 302:
            sys.exit(f"an entry of the maximum record was refused: {response.status}")


def pdf_isolation(port: int, question: str) -> tuple[float, float]:
    """p95 of question pages (seconds) on their own, then while six people download the
    summary PDF of a maximum record again and again."""
    idle = request_times(port, question, complete_session, clients=PAGE_CLIENTS)
    downloaders = [Browser(port) for _ in range(PDF_DOWNLOADERS)]
    for browser in downloaders:
        maximum_record(browser)
    stop = threading.Event()
    statuses: list[int] = []

    def download(browser: Browser) -> None:
        while not stop.is_set():
            statuses.append(browser.get("/summary/file/").status)

    threads = [threading.Thread(target=download, args=(browser,)) for browser in downloaders]
    for thread in threads:
        thread.start()
    time.sleep(1)  # every download under way
    busy = request_times(port, question, complete_session, clients=PAGE_CLIENTS)
    stop.set()
    for thread in threads:
        thread.join()
    for browser in downloaders:
        browser.close()
    made = {status: statuses.count(status) for status in sorted(set(statuses))}
    print(f"  downloads answered, by status: {made} (503: past the time limit)", flush=True)
    return percentile(idle, 0.95), percentile(busy, 0.95)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def compressed_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def page_weights(port: int) -> dict[str, tuple[int, int]]:
    """(HTML bytes, total bytes) gzip-compressed, for every public page, assets included."""
    browser = Browser(port)
    complete_session(browser)
    pages = ["/", "/before-you-start/", "/staying-safe-online/", "/accessibility/", "/privacy/"]
    walker = Browser(port)
    pages += [path for path, _page, _response in walk_to_results(walker) if "/questions/" in path]
    walker.close()
    pages += [
        "/check-your-answers/",
        RESULTS_PATH,
        DETAILS_PATH,
        "/summary/download/",
        "/record/",
        "/record/add/",
        "/no-such-page/",
        "/session/ended/",
    ]
    asset_sizes: dict[str, int] = {}
    weights = {}
    for path in pages:
        response = browser.get(path)
        if response.status not in {200, 404}:
            raise RuntimeError(f"{path} answered {response.status}")
        html_size = compressed_size(response.body)
        total = html_size
        for asset in dict.fromkeys(read_page(response.text).assets):
            if asset not in asset_sizes:
                asset_sizes[asset] = _asset_size(browser, asset)
            total += asset_sizes[asset]
        weights[path] = (html_size, total)
    browser.close()
    return weights


def _asset_size(browser: Browser, path: str) -> int:
    """Bytes over the wire: whitenoise's own gzip copy where it has one."""
    response = browser.get(path, headers={"Accept-Encoding": "gzip"})
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    if response.headers.get("Content-Encoding") == "gzip":
        return len(response.body)
    return compressed_size(response.body)


def journey_page_loads(port: int) -> int:
    browser = Browser(port)
    loads = sum(1 for _step in walk_to_results(browser))
    browser.close()
    return loads


def started_session(browser: Browser) -> None:
    browser.follow(browser.get("/questions/"))


# --- Kept records -----------------------------------------------------------------------------

PASSPHRASE_WORD = re.compile(r'<span class="app-passphrase__word">([a-z-]+)</span>')


def _form_to(page_html: str, action: str) -> Form:
    found = [form for form in read_page(page_html).forms if form.action == action]
    if not found:
        raise RuntimeError(f"no form posting to {action}")
    return found[0]


def keep_a_record(browser: Browser) -> str:
    """In a session with a screening under way: keep the record; return the passphrase."""
    response = browser.get("/keep/")
    if response.status != 200:
        raise RuntimeError(f"/keep/ answered {response.status}")
    make = _form_to(response.text, "/keep/passphrase/")
    response = browser.post("/keep/passphrase/", make.hidden)
    words = PASSPHRASE_WORD.findall(response.text)
    if response.status != 200 or len(words) != 6:
        raise RuntimeError(f"/keep/passphrase/ answered {response.status}")
    confirm = _form_to(response.text, "/keep/confirm/")
    response = browser.post("/keep/confirm/", confirm.hidden)
    if response.status != 302 or response.location != "/kept/":
        raise RuntimeError(f"/keep/confirm/ answered {response.status}")
    return " ".join(words)


def open_a_record(browser: Browser, passphrase: str) -> Response:
    """Open a kept record from the "Open a saved record" page; the POST's response."""
    page = browser.get("/open/")
    form = _form_to(page.text, "")
    return browser.post("/open/", {**form.hidden, "passphrase": passphrase})


def saved_record_open_ms(port: int, *, times: int = 10) -> tuple[float, float]:
    """Median milliseconds of opening a kept record, and of a question page, one client."""
    keeper = Browser(port)
    started_session(keeper)
    passphrase = keep_a_record(keeper)
    keeper.close()
    openings = []
    for _ in range(times):
        browser = Browser(port)
        response = open_a_record(browser, passphrase)
        if response.status != 302:
            raise RuntimeError(f"/open/ answered {response.status}")
        openings.append(response.seconds)
        browser.close()
    browser = Browser(port)
    started_session(browser)
    question = _first_question_path(port)
    pages = [browser.get(question).seconds for _ in range(times * 3)]
    browser.close()
    return statistics.median(openings) * 1000, statistics.median(pages) * 1000


def argon2_guesses_per_second(*, times: int = 5) -> float:
    """Passphrase guesses one core can try a second at the service's Argon2id cost."""
    sys.path.insert(0, str(ROOT))
    from screening.saved_records import crypto

    spent = []
    for _ in range(times):
        started = time.perf_counter()
        crypto.derive("abacus abdomen abdominal abide abiding ability")
        spent.append(time.perf_counter() - started)
    return 1 / statistics.median(spent)


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} CPUs ({cpu}), load average {load:.1f}, Python {sys.version.split()[0]}"
    )


def main():
    print(f"Web benchmark on {machine()}", flush=True)
    with throwaway_database() as (database_url, database), production_server(database_url) as port:
        print(f"gunicorn (gunicorn.conf.py), production settings, {database}", flush=True)
        question_path = _first_question_path(port)
        print(f"\nThroughput, {CLIENTS} keep-alive clients, {MEASURE_SECONDS} s each after "
              f"{WARM_UP_SECONDS} s warm-up")  # fmt: skip
        figures = {}
        for name, path, prepare in (
            ("bare view", BARE_PATH, lambda browser: None),
            ("question page", question_path, started_session),
            ("check answers", "/check-your-answers/", complete_session),
        ):
            throughput, median = measure(port, path, prepare)
            figures[name] = throughput
            print(f"  {name:<14} {path:<24} {throughput:7.1f} req/s   p50 {median * 1000:6.1f} ms",
                  flush=True)  # fmt: skip

        print("\nPage weight, gzip-compressed, with the CSS, JavaScript and images each loads")
        weights = page_weights(port)
        for path, (html, total) in weights.items():
            print(f"  {path:<28} HTML {html / 1024:5.1f} KB   total {total / 1024:5.1f} KB")
        question_kb = max(total for path, (_html, total) in weights.items()
                          if path.startswith("/questions/")) / 1024  # fmt: skip

        loads = journey_page_loads(port)
        print(f"\nPage loads from the start page to the results: {loads}")

        open_ms, question_ms = saved_record_open_ms(port)
        print(f"\nOpening a kept record (one client): p50 {open_ms:.0f} ms; "
              f"a question page: p50 {question_ms:.1f} ms")  # fmt: skip

        print(f"\nQuestion pages ({PAGE_CLIENTS} clients) while {PDF_DOWNLOADERS} people download "
              f"the PDF of a {RECORD_ENTRIES}-entry maximum record", flush=True)  # fmt: skip
        idle_p95, busy_p95 = pdf_isolation(port, question_path)
        print(f"  p95 on their own {idle_p95 * 1000:.1f} ms; "
              f"while the PDFs are made {busy_p95 * 1000:.1f} ms")  # fmt: skip

    guesses = argon2_guesses_per_second()
    years = 2**70 / guesses / (365.25 * 24 * 3600)
    print(f"Argon2id at the service's cost: {guesses:.1f} guesses a second on one core; "
          f"trying every 70-bit passphrase would take {years:.2e} core-years")  # fmt: skip

    print()
    print(f"question_vs_bare_throughput: {figures['question page'] / figures['bare view']:.2f}")
    print(f"check_answers_vs_bare_throughput: "
          f"{figures['check answers'] / figures['bare view']:.2f}")  # fmt: skip
    print(f"question_page_kb: {question_kb:.1f}")
    print(f"journey_page_loads: {loads}")
    print(f"saved_record_open_ms: {open_ms:.0f}")
    print(f"saved_record_open_vs_question_page: {open_ms / question_ms:.0f}")
    print(f"argon2_guesses_per_second_per_core: {guesses:.1f}")
    print(f"argon2_years_for_70_bits_per_core: {years:.2e}")
    print(f"pdf_isolation_p95_ratio: {busy_p95 / idle_p95:.2f}")


def _first_question_path(port: int) -> str:
    browser = Browser(port)
    response = browser.get("/questions/")
    browser.close()
    return urlsplit(response.location).path


if __name__ == "__main__":
    main()

"""Walk the service's pages in Welsh through the test client, following every link, and say
where English shows."""

import re
from collections import deque
from collections.abc import Iterable
from html import unescape
from urllib.parse import urljoin, urlsplit

from tests.welsh.catalogue import PROPER_NAMES, canonical_wording, english_phrases

#: Not wording: scripts, styles, comments, and a passphrase's words (English, drawn at random).
_HIDDEN = re.compile(
    r"<(script|style)\b.*?</\1>|<!--.*?-->|<span class=\"app-passphrase__word\">[^<]*</span>", re.S
)
#: Attributes whose words are read out or shown: labels, titles, and the words handed to
#: GOV.UK Frontend's and our own scripts.
_READ_ATTRIBUTE = re.compile(
    r'\s(?:aria-label|title|alt|placeholder|data-i18n[\w.-]*|data-minutes|data-seconds)="([^"]*)"'
)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r'<a\s[^>]*href="([^"#]*)(?:#[^"]*)?"')
_LANG = re.compile(r'<html lang="([^"]+)"')


def text_of(html: str) -> str:
    """What a person reads or hears on the page, as one line of text."""
    html = _HIDDEN.sub(" ", html)
    said = " ".join(_READ_ATTRIBUTE.findall(html))
    return " ".join(unescape(_TAG.sub(" ", html) + " " + unescape(said)).split())


#: Words common in English and not found in Welsh: one on a Welsh page is text that never
#: reached the catalogue (not marked for translation) or was never translated where shown.
ENGLISH_ONLY_WORDS = frozenset(
    "the you your and with this that have will what when are not for from they them their "  # noqa: SIM905
    "been there which would should could about "
    # Dates come from Django's Welsh locale ("march" is Welsh too, and "May" a name).
    "january february april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_WORDS = re.compile(r"[A-Za-z_]+")  # a code such as not_sure is one word


def _without_allowed_english(text: str) -> str:
    for allowed in sorted((*canonical_wording(), *PROPER_NAMES), key=len, reverse=True):
        text = text.replace(allowed, " ")
    return text


def english_on(html: str) -> list[str]:
    """English phrases from the catalogue on the page, then any English word outside them
    (with the words around it, to find it by)."""
    text = text_of(html)
    found = [phrase for phrase in english_phrases() if phrase in text]
    rest = _without_allowed_english(text)
    for match in _WORDS.finditer(rest):
        if match[0].lower() in ENGLISH_ONLY_WORDS:
            found.append("…" + rest[max(match.start() - 40, 0) : match.end() + 40] + "…")
    return found


def links_on(html: str, here: str) -> list[str]:
    found = []
    for href in _LINK.findall(html):
        url = urljoin(here, unescape(href))
        if urlsplit(url).netloc in ("", "testserver"):
            parts = urlsplit(url)
            found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


class Findings:
    """English and wrong languages found, page by page."""

    def __init__(self) -> None:
        self.problems: dict[str, list[str]] = {}
        self.visited: list[str] = []

    def check(self, label: str, response) -> str:
        html = response.content.decode()
        self.visited.append(label)
        lang = _LANG.search(html)
        wrong = [] if lang and lang[1] == "cy" else [f"<html lang> is {lang and lang[1]!r}"]
        found = wrong + english_on(html)
        if found:
            self.problems[label] = found
        return html

    def report(self) -> str:
        return "\n".join(
            f"{label}:\n  " + "\n  ".join(found) for label, found in self.problems.items()
        )


def crawl(
    client, starts: Iterable[str], findings: Findings, *, within: str, avoid: tuple[str, ...]
) -> None:
    """Visit ``starts`` and every page linked from them under ``within``, except paths that
    start with one of ``avoid`` (pages that end the session or make files)."""
    queue = deque(starts)
    seen = set(queue)
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302, 303):
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = findings.check(url, response)
        for link in links_on(html, url):
            path = urlsplit(link).path
            if link in seen or not path.startswith(within) or path.startswith(avoid):
                continue
            seen.add(link)
            queue.append(link)

"""Every URL the service answers, for tests that must hold on all of them."""

import re

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from screening.questions import BANK

# A real-looking value for each kind of URL parameter.
SAMPLE_BY_NAME = {"slug": BANK[0].slug, "language_code": "cy"}
SAMPLE_BY_CONVERTER = {
    "uuid": "00000000-0000-4000-8000-000000000000",
    "int": "1",
    "slug": "sample",
    "str": "sample",
    "path": "sample",
}
_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
# The site admin's own URLs are regular expressions; its front door stands for them.
ADMIN_PREFIX = "cases/admin/"


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if prefix + str(entry.pattern) == ADMIN_PREFIX:
                yield ADMIN_PREFIX, None
                yield ADMIN_PREFIX + "login/", None
                continue
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and isinstance(entry.pattern, RoutePattern):
            yield prefix + str(entry.pattern), entry


def _sample(match: re.Match) -> str:
    name, converter = match["name"], match["converter"] or "str"
    return SAMPLE_BY_NAME.get(name) or SAMPLE_BY_CONVERTER[converter]


def every_url() -> list[str]:
    """One concrete path for each URL pattern in the project."""
    return [
        "/" + _PARAMETER.sub(_sample, route)
        for route, _pattern in _walk(get_resolver().url_patterns)
    ]

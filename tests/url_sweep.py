"""Every URL the service answers, for tests that must hold on all of them."""

from django.urls import URLPattern, URLResolver, get_resolver

from screening.questions import BANK

# A real value for each kind of URL parameter.
SAMPLE_KWARGS = {"slug": BANK[0].slug}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def every_url() -> list[str]:
    """One concrete path for each URL pattern in the project."""
    urls = []
    for route, pattern in _walk(get_resolver().url_patterns):
        path = "/" + route
        for name in pattern.pattern.converters:
            path = path.replace(f"<slug:{name}>", SAMPLE_KWARGS[name]).replace(
                f"<{name}>", SAMPLE_KWARGS[name]
            )
        urls.append(path)
    return urls

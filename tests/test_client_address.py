"""The client's address is taken from a configured number of trusted proxies, and nowhere
else: every lockout and rate limit counts by this one address (docs/deployment.md)."""

import pytest
from django.test import RequestFactory

from screening.web.client_address import client_address

PROXY = "10.0.0.1"


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_with_no_trusted_proxy_a_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(request_from("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        # Whatever the client put in the header itself is to the left, and never trusted.
        (1, "198.51.100.66, 203.0.113.5", "203.0.113.5"),
        (2, "198.51.100.66, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, "198.51.100.66,203.0.113.5", "203.0.113.5"),
        (1, "2001:db8::5", "2001:db8::5"),
        # Fewer entries than proxies: the leftmost was still written by a trusted proxy.
        (2, "203.0.113.5", "203.0.113.5"),
    ],
)
def test_the_client_is_the_address_the_outermost_trusted_proxy_saw(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXIES = proxies
    assert client_address(request_from(PROXY, forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", "not-an-address", "203.0.113.5, junk"])
def test_a_missing_or_broken_header_falls_back_to_the_connection(settings, forwarded):
    settings.TRUSTED_PROXIES = 1
    assert client_address(request_from(PROXY, forwarded)) == PROXY

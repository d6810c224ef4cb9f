"""Every response, including error pages and static files, carries the safety headers."""

import re

import pytest
from django.test import Client

from tests.url_sweep import every_url

REQUIRED_CSP = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def assert_safety_headers(response):
    headers = response.headers
    assert headers["Cache-Control"] == "no-store, private"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    csp = dict(
        directive.strip().split(" ", 1)
        for directive in headers["Content-Security-Policy"].split(";")
    )
    for directive, value in REQUIRED_CSP.items():
        assert csp[directive] == value, directive
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "unsafe-eval" not in headers["Content-Security-Policy"]


def test_the_sweep_finds_the_public_pages():
    urls = every_url()
    for expected in ["/", "/before-you-start/", "/exit/", "/privacy/", "/accessibility/"]:
        assert expected in urls


@pytest.mark.django_db
@pytest.mark.parametrize("url", every_url())
def test_every_url_sends_the_safety_headers(client, url):
    response = client.get(url)
    assert response.status_code in {200, 204, 302, 303, 405}
    assert_safety_headers(response)


@pytest.mark.django_db
@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize(
    ("url", "status"),
    [("/test-400/", 400), ("/test-403/", 403), ("/no-such-page/", 404), ("/test-500/", 500)],
)
def test_error_pages_are_neutral_and_carry_the_headers(url, status):
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == status
    assert_safety_headers(response)
    html = response.content.decode()
    assert 'class="govuk-exit-this-page"' in html
    assert "Traceback" not in html


@pytest.mark.django_db
def test_csrf_failure_is_a_neutral_session_ended_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/session/keep/")
    assert response.status_code == 403
    assert_safety_headers(response)
    html = response.content.decode()
    assert "Your session ended" in html
    assert 'class="govuk-exit-this-page"' in html


@pytest.mark.django_db
def test_static_files_are_not_cacheable_either(client):
    response = client.get("/static/main.css")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store, private"


@pytest.mark.django_db
@pytest.mark.parametrize("url", [u for u in every_url() if u != "/exit/"])
def test_pages_set_no_persistent_or_csrf_cookie(client, url):
    response = client.get(url, follow=True)
    for morsel in response.cookies.values():
        assert morsel.key != "csrftoken"
        assert not morsel["max-age"] or morsel.value == ""
        assert not morsel["expires"] or morsel.value == ""


@pytest.mark.django_db
def test_every_external_link_sends_no_referrer(client):
    for url in every_url():
        response = client.get(url, follow=True)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for tag in re.findall(
            r"<a\s[^>]*href=\"https?://[^\"]*\"[^>]*>", response.content.decode()
        ):
            assert "noreferrer" in tag, tag

"""Every response, including error pages and static files, carries the safety headers."""

import json
import re
import subprocess
import sys

import pytest
from django.test import Client

from tests.safety_headers import problems
from tests.test_settings import ROOT, production_environment
from tests.url_sweep import every_url


def assert_safety_headers(response):
    assert problems(response) == []


def test_the_sweep_finds_the_public_pages():
    urls = every_url()
    for expected in ["/", "/before-you-start/", "/exit/", "/privacy/", "/accessibility/"]:
        assert expected in urls


@pytest.mark.django_db
@pytest.mark.parametrize("url", every_url())
def test_every_url_sends_the_safety_headers(client, url):
    response = client.get(url)
    # Joining without an invitation's token is the "cannot be used" page, a 404.
    expected = {404} if url == "/cases/join/" else {200, 204, 302, 303, 405}
    assert response.status_code in expected
    assert_safety_headers(response)


@pytest.mark.django_db
@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/test-400/", 400),
        ("/test-403/", 403),
        ("/no-such-page/", 404),
        ("/test-413/", 413),
        ("/test-429/", 429),
        ("/test-500/", 500),
    ],
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


@pytest.mark.django_db
def test_static_files_carry_every_safety_header(client):
    response = client.get("/static/main.css")
    assert response.status_code == 200
    assert_safety_headers(response)


@pytest.mark.django_db
def test_a_request_for_a_host_we_do_not_serve_gets_the_neutral_400_with_the_headers():
    client = Client(raise_request_exception=False)
    response = client.get("/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert_safety_headers(response)
    assert 'class="govuk-exit-this-page"' in response.content.decode()


def test_production_settings_send_the_headers_everywhere_static_files_and_errors_included():
    result = subprocess.run(
        [sys.executable, "-m", "tests.production_sweep"],
        cwd=ROOT,
        env={**production_environment(), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failures"] == {}
    statuses = report["statuses"]
    assert statuses["/static/main.css"] == 200
    assert statuses["/no-such-page/"] == 404
    assert statuses["another host"] == 400
    assert statuses["CSRF failure"] == 403
    assert statuses["plain HTTP"] == 301
    assert statuses["too large"] == 413
    assert statuses["too many"] == 429

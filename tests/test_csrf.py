"""Forms work although every page forbids referrers, and still refuse forgeries."""

import pytest
from django.test import Client


@pytest.fixture
def browser_client():
    client = Client(enforce_csrf_checks=True)
    client.get("/questions/")  # a screening in progress
    return client


def token_for(client):
    html = client.get("/questions/about-them/").content.decode()
    return html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]


@pytest.mark.django_db
def test_same_site_post_with_a_null_origin_is_accepted(browser_client):
    token = token_for(browser_client)
    response = browser_client.post(
        "/questions/about-them/",
        {"csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 422  # reached the form, which asks for answers


@pytest.mark.django_db
def test_cross_site_post_with_a_null_origin_is_refused(browser_client):
    token = token_for(browser_client)
    response = browser_client.post(
        "/questions/about-them/",
        {"csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_null_origin_still_needs_the_session_token(browser_client):
    response = browser_client.post(
        "/questions/about-them/",
        {"csrfmiddlewaretoken": "forged" * 8},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 403
    assert "Your session ended" in response.content.decode()


@pytest.mark.django_db
def test_a_foreign_origin_is_refused(browser_client):
    token = token_for(browser_client)
    response = browser_client.post(
        "/questions/about-them/",
        {"csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://elsewhere.example",
    )
    assert response.status_code == 403


def test_csrf_protection_is_installed(settings):
    assert "screening.web.csrf.NoReferrerCsrfViewMiddleware" in settings.MIDDLEWARE

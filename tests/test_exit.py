"""The exit route forgets everything and leaves for a neutral site."""

import pytest
from django.contrib.sessions.models import Session


@pytest.mark.django_db
def test_exit_deletes_the_session_and_redirects_to_the_neutral_site(client, settings):
    settings.EXIT_URL = "https://neutral.example/weather"
    session = client.session
    session["screening_started"] = True
    session.save()
    assert Session.objects.filter(session_key=session.session_key).exists()

    response = client.get("/exit/")

    assert response.status_code == 303
    assert response["Location"] == "https://neutral.example/weather"
    assert response["Clear-Site-Data"] == '"cookies", "storage"'
    assert response["Referrer-Policy"] == "no-referrer"
    assert not Session.objects.filter(session_key=session.session_key).exists()
    assert Session.objects.count() == 0


@pytest.mark.django_db
def test_exit_also_works_as_a_form_post(client):
    response = client.post("/exit/")
    assert response.status_code == 303


@pytest.mark.django_db
def test_every_public_page_has_the_exit_button_and_skip_link(client):
    for url in ["/", "/before-you-start/", "/staying-safe-online/", "/accessibility/", "/privacy/"]:
        html = client.get(url).content.decode()
        assert 'data-module="govuk-exit-this-page"' in html, url
        assert 'class="govuk-skip-link govuk-js-exit-this-page-skiplink"' in html, url
        assert 'href="/exit/"' in html, url


@pytest.mark.django_db
def test_session_ended_page_deletes_what_was_left(client):
    session = client.session
    session["screening_started"] = True
    session.save()
    response = client.get("/session/ended/")
    assert response.status_code == 200
    assert "Your answers were deleted to protect you" in response.content.decode()
    assert Session.objects.count() == 0


@pytest.mark.django_db
def test_keeping_the_session_needs_a_post(client):
    assert client.get("/session/keep/").status_code == 405
    assert client.post("/session/keep/").status_code == 204

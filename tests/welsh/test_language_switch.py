"""The language switch: English until the person chooses, the choice kept in the session and
nowhere else, on every page, and nothing typed lost by switching."""

import re

import pytest
from django.test import Client

from screening.questions import ABOUT_SLUG, BANK, NO, YES
from screening.web import drafts
from tests.journey import ABOUT, answer_everything

SIGNS = BANK.warning_signs
FIRST, FOURTH = SIGNS[0].slug, SIGNS[3].slug


def lang_of(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode())[1]


def switch_to_welsh(client, back_to="/"):
    response = client.get(f"/language/cy/?next={back_to}")
    assert response.status_code == 303
    return response


def answered_up_to_the_fourth_sign(client):
    client.get("/questions/")
    client.post(f"/questions/{ABOUT_SLUG}/", ABOUT)
    for sign in SIGNS[:3]:
        client.post(f"/questions/{sign.slug}/", {"answer": YES, "details": "Bob nos Wener"})


@pytest.mark.django_db
class TestEnglishUntilChosen:
    def test_pages_are_english_and_make_no_session(self, client):
        response = client.get("/")
        assert lang_of(response) == "en-gb"
        assert response["Content-Language"] == "en-gb"
        assert not response.cookies

    def test_the_browsers_language_is_not_a_choice(self, client):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="cy")
        assert lang_of(response) == "en-gb"
        assert not response.cookies


@pytest.mark.django_db
class TestChoosingWelsh:
    def test_the_choice_goes_back_to_the_page_and_holds_for_the_session(self, client):
        response = switch_to_welsh(client, "/privacy/")
        assert response["Location"] == "/privacy/"
        for path in ("/privacy/", "/", "/before-you-start/"):
            page = client.get(path)
            assert lang_of(page) == "cy"
            assert page["Content-Language"] == "cy"

    def test_the_only_cookie_is_the_session(self, client, settings):
        response = switch_to_welsh(client)
        assert set(response.cookies) == {settings.SESSION_COOKIE_NAME}
        assert "django_language" not in response.cookies

    def test_english_again(self, client):
        switch_to_welsh(client)
        client.get("/language/en-gb/?next=/")
        assert lang_of(client.get("/")) == "en-gb"

    def test_exit_forgets_the_choice_with_everything_else(self, client):
        switch_to_welsh(client)
        client.post("/exit/")
        assert lang_of(client.get("/")) == "en-gb"

    @pytest.mark.parametrize(
        "elsewhere", ["https://example.org/", "//example.org/", "/\\example.org", "javascript:x"]
    )
    def test_the_switch_goes_back_only_to_this_site(self, client, elsewhere):
        response = client.get("/language/cy/", {"next": elsewhere})
        assert response["Location"] == "/"

    def test_a_language_the_service_does_not_have_is_not_found(self, client):
        assert client.get("/language/fr/?next=/").status_code == 404

    def test_a_posted_switch_needs_the_csrf_token(self, db):
        careful = Client(enforce_csrf_checks=True)
        assert careful.post("/language/cy/?next=/", {"name": "x"}).status_code == 403


@pytest.mark.django_db
class TestTheSwitchOnEveryPage:
    def test_each_language_in_itself_the_current_one_marked(self, client):
        html = client.get("/").content.decode()
        current = '<span class="app-language-switch__current" aria-current="true"'
        assert f'{current} lang="en-gb">English</span>' in html
        assert re.search(
            r'<a [^>]*href="/language/cy/\?next=/"[^>]*lang="cy"[^>]*>Cymraeg</a>', html
        )
        switch_to_welsh(client)
        html = client.get("/").content.decode()
        assert f'{current} lang="cy">Cymraeg</span>' in html
        assert re.search(
            r'<a [^>]*href="/language/en-gb/\?next=/"[^>]*lang="en-gb"[^>]*>English</a>', html
        )

    def test_the_switch_returns_to_the_same_address_with_its_query(self, client):
        answered_up_to_the_fourth_sign(client)
        html = client.get(f"/questions/{FIRST}/?change=1").content.decode()
        assert f"next=/questions/{FIRST}/%3Fchange%3D1" in html

    def test_on_a_page_with_a_form_the_switch_submits_that_form(self, client):
        answered_up_to_the_fourth_sign(client)
        html = client.get(f"/questions/{FOURTH}/").content.decode()
        assert '<form id="page-form" method="post"' in html
        button = re.search(r"<button [^>]*formaction=[^>]*>Cymraeg</button>", html)[0]
        assert 'form="page-form"' in button
        assert 'formmethod="post"' in button
        # Enter in a field still sends the form to its own page: the first button is hidden.
        first = re.search(r'<button [^>]*form="page-form"[^>]*>', html)[0]
        assert "hidden" in first and "formaction" not in first

    def test_error_pages_have_it_too(self, client):
        switch_to_welsh(client)
        response = client.get("/nothing-here/")
        assert response.status_code == 404
        assert lang_of(response) == "cy"
        assert "app-language-switch" in response.content.decode()


@pytest.mark.django_db
class TestSwitchingMidJourney:
    def test_what_was_typed_comes_back_in_welsh_and_is_not_saved(self, client):
        answered_up_to_the_fourth_sign(client)
        typed = {"answer": YES, "details": "Mae'n aros wrth y giât bob bore"}
        response = client.post(f"/language/cy/?next=/questions/{FOURTH}/", typed)
        assert response.status_code == 303
        assert response["Location"] == f"/questions/{FOURTH}/"
        page = client.get(f"/questions/{FOURTH}/")
        html = page.content.decode()
        assert lang_of(page) == "cy"
        assert "Mae&#x27;n aros wrth y giât bob bore</textarea>" in html
        assert re.search(rf'<input\s[^>]*name="answer"[^>]*value="{YES}"[^>]*checked', html)
        # Given back once, as typing, never saved as the answer.
        assert FOURTH not in client.session.get("answers", {})
        assert "giât" not in client.get(f"/questions/{FOURTH}/").content.decode()

    def test_earlier_answers_are_all_still_there(self, client):
        answered_up_to_the_fourth_sign(client)
        client.post(f"/language/cy/?next=/questions/{FOURTH}/", {"answer": NO})
        client.get(f"/questions/{FOURTH}/")
        html = client.get(f"/questions/{FIRST}/").content.decode()
        assert lang_of(client.get(f"/questions/{FIRST}/")) == "cy"
        assert re.search(rf'<input\s[^>]*name="answer"[^>]*value="{YES}"[^>]*checked', html)
        assert "Bob nos Wener" in html

    def test_the_whole_journey_can_be_finished_in_welsh(self, client):
        answered_up_to_the_fourth_sign(client)
        client.post(f"/language/cy/?next=/questions/{FOURTH}/", {"answer": YES})
        answer_everything(client, yes=(1, 2, 3, 4))
        response = client.get("/results/")
        assert response.status_code == 200
        assert lang_of(response) == "cy"

    def test_typing_is_given_back_only_on_the_page_it_came_from(self, client):
        answered_up_to_the_fourth_sign(client)
        client.post(f"/language/cy/?next=/questions/{FOURTH}/", {"details": "Dim ond yma"})
        client.get("/privacy/")
        assert drafts.SESSION_KEY not in client.session
        assert "Dim ond yma" not in client.get(f"/questions/{FOURTH}/").content.decode()

    def test_the_record_entry_keeps_its_date_and_text(self, client):
        answer_everything(client)
        typed = {
            "occurred_on_0": "2",
            "occurred_on_1": "11",
            "occurred_on_2": "2025",
            "what_happened": "Roedd wrth y drws",
        }
        client.post("/language/cy/?next=/record/add/", typed)
        html = client.get("/record/add/").content.decode()
        assert "Roedd wrth y drws</textarea>" in html
        for name, value in list(typed.items())[:3]:
            assert re.search(
                rf'name="{name}"[^>]*value="{value}"|value="{value}"[^>]*name="{name}"', html
            )
        assert client.session.get("incidents", []) == []


@pytest.mark.django_db
class TestNothingSecretIsKept:
    def test_passwords_passphrases_and_codes_never_reach_the_session(self, client):
        answered_up_to_the_fourth_sign(client)
        secret = {
            "username": "sam@north.example",
            "password": "hunter2-secret",
            "new_password": "hunter2-secret",
            "passphrase": "six random words kept secret here",
            "code": "123456",
            "submission_token": "made-afresh-by-the-page",
        }
        client.post("/language/cy/?next=/cases/sign-in/", secret)
        kept = client.session[drafts.SESSION_KEY]["fields"]
        assert kept == {"username": ["sam@north.example"]}

    def test_the_sign_in_page_gives_back_the_email_address_only(self, client):
        client.post(
            "/language/cy/?next=/cases/sign-in/",
            {"username": "sam@north.example", "password": "hunter2-secret"},
        )
        html = client.get("/cases/sign-in/").content.decode()
        assert 'value="sam@north.example"' in html
        assert "hunter2" not in html


@pytest.mark.django_db
def test_an_advocate_who_signs_out_is_told_so_in_welsh_and_keeps_nothing_else(client):
    from casework.models import Organisation
    from tests.casework.conftest import make_advocate, signed_in

    advocate = make_advocate(Organisation.objects.create(name="Gogledd"), "sam@north.example")
    signed_in(client, advocate)
    switch_to_welsh(client, "/cases/")
    signed_in_session = client.session.session_key
    response = client.post("/cases/sign-out/", follow=True)
    assert lang_of(response) == "cy"
    assert client.session.session_key != signed_in_session
    assert dict(client.session) == {"language": "cy"}

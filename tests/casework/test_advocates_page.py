"""An organisation admin adds advocates and sees who has set up two-factor."""

from casework.models import User
from tests.casework.conftest import PASSWORD, signed_in
from tests.casework.records import url


def test_adding_an_advocate_with_mistakes_is_a_422_that_keeps_what_was_typed(
    client, admin_advocate
):
    signed_in(client, admin_advocate)
    response = client.post(url("add-advocate"), {"full_name": "Pat New", "email": "not-an-email"})
    assert response.status_code == 422
    content = response.content.decode()
    assert 'href="#id_email"' in content
    assert "Enter an email address in the correct format" in content
    assert 'value="Pat New"' in content
    assert not User.objects.filter(full_name="Pat New").exists()


def test_an_email_that_has_an_account_is_refused(client, admin_advocate, outsider):
    signed_in(client, admin_advocate)
    response = client.post(
        url("add-advocate"), {"full_name": "Kim Again", "email": outsider.email.upper()}
    )
    assert response.status_code == 422
    assert "There is already an account with this email address" in response.content.decode()


def test_the_list_shows_who_has_not_set_up_two_factor(client, admin_advocate, organisation):
    User.objects.create_user(
        "fresh@north.example", PASSWORD, full_name="Fresh Person", organisation=organisation
    )
    signed_in(client, admin_advocate)
    content = client.get(url("advocates")).content.decode()
    assert "Fresh Person" in content
    assert "Has not set up two-factor yet" in content


def test_a_new_advocate_signs_in_with_the_password_shown_once(client, admin_advocate):
    signed_in(client, admin_advocate)
    response = client.post(url("add-advocate"), {"full_name": "Pat New", "email": "pat@n.example"})
    password = response.context["password"]
    client.logout()
    response = client.post(url("sign-in"), {"username": "pat@n.example", "password": password})
    assert response.status_code == 302
    assert client.get(response.url).context["enrolling"]

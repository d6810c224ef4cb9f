"""An organisation admin invites advocates and sees who has set up two-factor
(tests/casework/test_invitations.py has joining from the invitation)."""

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


def test_the_list_shows_who_has_not_set_up_two_factor(client, admin_advocate, organisation):
    User.objects.create_user(
        "fresh@north.example", PASSWORD, full_name="Fresh Person", organisation=organisation
    )
    signed_in(client, admin_advocate)
    content = client.get(url("advocates")).content.decode()
    assert "Fresh Person" in content
    assert "Has not set up two-factor yet" in content

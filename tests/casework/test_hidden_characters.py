"""An advocate's text fields refuse hidden characters too, naming the field
(tests/test_hidden_characters.py has the public forms and the CSV import)."""

from tests.casework.records import case_data, url
from tests.test_hidden_characters import error_summary


def test_a_hidden_character_in_a_case_is_refused_naming_the_field(advocate_client):
    response = advocate_client.post(url("new-case"), case_data(stalker_name="Alex\u202eelpmaxE"))
    assert response.status_code == 422
    assert error_summary(response) == [
        (
            "id_stalker_name",
            "Remove the hidden characters from “Name or description of the person stalking them” – "
            "they can come with copied and pasted text",
        )
    ]

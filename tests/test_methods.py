"""Views answer only the methods they serve: anything else is 405, never the page itself."""

import pytest

from tests.journey import answer_everything
from tests.url_sweep import every_url

pytestmark = pytest.mark.django_db

UNSERVED = ["put", "patch", "delete"]


@pytest.mark.parametrize("method", UNSERVED)
def test_no_public_page_answers_a_method_it_does_not_serve(client, method):
    answer_everything(client)
    answered = {}
    for url in every_url():
        if url.startswith("/cases/"):
            continue  # tests/casework/test_methods.py, signed in
        response = getattr(client, method)(url)
        if response.status_code < 300:
            answered[url] = response.status_code
    assert answered == {}

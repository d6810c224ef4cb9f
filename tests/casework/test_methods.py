"""Every advocate page answers only the methods it serves, for a signed-in admin who could
otherwise reach it: anything else is 405."""

import pytest

from casework.incident_log import CaseIncidentLog
from tests.casework.conftest import signed_in
from tests.casework.records import completed_screening
from tests.casework.test_two_factor import every_case_page
from tests.casework.urls import BEFORE_TWO_FACTOR, build, casework_patterns
from tests.incident_examples import FULL


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_no_advocate_page_answers_a_method_it_does_not_serve(
    client, case, advocate, admin_advocate, method
):
    screening = completed_screening(case, advocate)
    CaseIncidentLog(case).add(FULL)
    signed_in(client, admin_advocate)
    pages = every_case_page(case, screening, advocate) + [
        build(name, (), {}) for name in BEFORE_TWO_FACTOR if not casework_patterns()[name]
    ]
    answered = {}
    for page in pages:
        status = getattr(client, method)(page).status_code
        if status != 405:
            answered[page] = status
    assert answered == {}, sorted(answered)

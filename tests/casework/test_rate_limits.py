"""Sign-in, two-factor, the case PDF and CSV import are rate-limited per client and per
account, and past the limit answer with the neutral "try again in N minutes" page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.casework.records import completed_screening, sign_in_with_password, url


@pytest.fixture
def one_allowed(settings):
    """Every scope allows one request per client and per account in ten minutes."""
    settings.RATE_LIMITS = {
        scope: {"client": (1, 10), "account": (1, 10)} for scope in settings.RATE_LIMITS
    }
    return settings


def assert_wait_page(response):
    assert response.status_code == 429
    assert "Try again in 10 minutes" in response.content.decode()
    assert response["Retry-After"]


def test_sign_in_is_limited_per_client(client, advocate, one_allowed):
    sign_in_with_password(client, "someone@north.example", "not-it")
    assert_wait_page(sign_in_with_password(client, advocate.email))


def test_sign_in_is_limited_per_account_across_clients(client, advocate, one_allowed):
    one_allowed.RATE_LIMITS["sign-in"]["client"] = (100, 10)
    sign_in_with_password(client, advocate.email, "not-it", REMOTE_ADDR="192.0.2.1")
    assert_wait_page(sign_in_with_password(client, advocate.email, REMOTE_ADDR="192.0.2.2"))
    other = sign_in_with_password(client, "other@north.example", "x", REMOTE_ADDR="192.0.2.3")
    assert other.status_code == 422


def test_showing_the_sign_in_page_is_not_counted(client, db, one_allowed):
    for _ in range(3):
        assert client.get(url("sign-in")).status_code == 200


def test_two_factor_codes_are_limited(client, advocate, one_allowed):
    one_allowed.RATE_LIMITS["sign-in"] = {"client": (100, 10)}
    sign_in_with_password(client, advocate.email)
    client.post(url("two-factor"), {"code": "000000"})
    assert_wait_page(client.post(url("two-factor"), {"code": "000000"}))


def test_the_case_pdf_is_limited(advocate_client, case, advocate, one_allowed):
    screening = completed_screening(case, advocate)
    address = url("screening-pdf", case_id=case.pk, screening_id=screening.pk)
    assert advocate_client.get(address).status_code == 200
    assert_wait_page(advocate_client.get(address))


def test_csv_import_is_limited(advocate_client, case, one_allowed):
    address = url("incident-import", case_id=case.pk)
    assert advocate_client.get(address).status_code == 200
    for _ in range(2):
        upload = SimpleUploadedFile("log.csv", b"not,a,log\r\n", content_type="text/csv")
        response = advocate_client.post(address, {"file": upload})
    assert_wait_page(response)

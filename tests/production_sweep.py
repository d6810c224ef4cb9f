"""Run with production settings (see test_safety_headers): request every URL, a static file,
every error page and a host we do not serve, and print the ones missing a safety header.

It runs in a process of its own because the settings module recognises the test runner and
switches to development values; here it is imported the way a production server imports it.
"""

import json
import os
import sys

import django

HOST = "screening.example.org"


def missing_headers(response) -> list[str]:
    from tests.safety_headers import problems

    return problems(response)


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "screening.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    assert settings.PRODUCTION, "expected production settings"
    setup_test_environment()
    call_command("migrate", verbosity=0, interactive=False)
    from tests.url_sweep import every_url

    # Static files come from the build folder rather than a collected copy; the headers are
    # added the same way either way.
    with override_settings(WHITENOISE_USE_FINDERS=True, ALLOWED_HOSTS=[HOST, "testserver"]):
        client = Client(raise_request_exception=False, HTTP_HOST=HOST)
        checked = {}
        for url in [*every_url(), "/static/main.css", "/no-such-page/"]:
            checked[url] = client.get(url, secure=True)
        checked["CSRF failure"] = Client(enforce_csrf_checks=True, HTTP_HOST=HOST).post(
            "/session/keep/", secure=True
        )
        checked["plain HTTP"] = client.get("/")
        checked["another host"] = client.get("/", HTTP_HOST="elsewhere.example", secure=True)
        # The CSRF check reads the form first, as it does for a real browser's form.
        browser = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)
        browser.get("/cases/sign-in/", secure=True)
        checked["too large"] = browser.post(
            "/cases/sign-in/",
            {"username": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)},
            secure=True,
            HTTP_ORIGIN=f"https://{HOST}",
        )
        with override_settings(
            RATE_LIMITS={**settings.RATE_LIMITS, "summary-pdf": {"client": (0, 10)}}
        ):
            checked["too many"] = client.get("/summary/file/", secure=True)
        failures = {url: problems for url, r in checked.items() if (problems := missing_headers(r))}
        statuses = {url: r.status_code for url, r in checked.items()}
    print(json.dumps({"failures": failures, "statuses": statuses}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Production configuration is safe, and refuses to start when it is not."""

import os
import subprocess
import sys
from pathlib import Path

from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.utils.module_loading import import_string

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "x7!k2Qp9zL0v#Rb5tWm8eYc3Nj6Hs1Ad4Fg-ProductionLikeKey-1234567890",
    "ALLOWED_HOSTS": "screening.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "FIELD_ENCRYPTION_KEYS": "bQ7nW0tcd3mQ9o1H8yHqU4b2h8c1yX6mH0Gk2Jz7r1E=",
}


def production_environment(env=None) -> dict:
    """This process's environment with production settings in place of test ones."""
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests in this process.
    ignored = {"DEBUG", "SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    return {**clean, **(PRODUCTION_ENV if env is None else env)}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_environment(env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_settings_use_server_side_sessions_that_end_with_the_browser(settings):
    assert issubclass(import_string(f"{settings.SESSION_ENGINE}.SessionStore"), DatabaseStore)
    middleware = settings.MIDDLEWARE
    assert middleware.index("screening.web.sessions.IdleClockMiddleware") == (
        middleware.index("django.contrib.sessions.middleware.SessionMiddleware") + 1
    )
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.CSRF_USE_SESSIONS
    assert settings.SESSION_COOKIE_AGE <= 60 * 60
    assert "csrf" not in settings.SESSION_COOKIE_NAME.lower()


def test_production_refuses_to_start_without_encryption_keys():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "FIELD_ENCRYPTION_KEYS"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS is not set" in result.stderr


def test_production_refuses_an_encryption_key_that_is_the_secret_key():
    key = PRODUCTION_ENV["FIELD_ENCRYPTION_KEYS"]
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": key})
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS must not include SECRET_KEY" in result.stderr
    other = "k2Qp9zL0v-Rb5tWm8eYc3Nj6Hs1Ad4Fg0000000000=" + "," + key
    result = manage(
        "check", env={**PRODUCTION_ENV, "SECRET_KEY": key, "FIELD_ENCRYPTION_KEYS": other}
    )
    assert "FIELD_ENCRYPTION_KEYS must not include SECRET_KEY" in result.stderr


def test_make_serves_throwaway_secret_key_passes_the_deployment_checks():
    made = subprocess.run(
        ["make", "--no-print-directory", "-s", "new-secret-key"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION_ENV, "SECRET_KEY": key}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "serve: $(PY_STAMP)" in (ROOT / "Makefile").read_text()
    assert 'SECRET_KEY="$$($(NEW_SECRET_KEY))"' in (ROOT / "Makefile").read_text()

"""Settings for the screening service: one file, read from the environment.

Every value an operator may change is read in the "Environment" block below and
documented in README.md. Nothing else in this file should read ``os.environ``.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def gettext_noop(message: str) -> str:
    """Marks text for the catalogue (makemessages finds it) without importing the translation
    machinery into settings."""
    return message


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


# --- Environment -------------------------------------------------------------
# The test runner imports settings before any test code can set variables, so
# it is recognised here and given throwaway values; production never is.
RUNNING_TESTS = "pytest" in sys.modules

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG or RUNNING_TESTS else []
)
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"
DEFAULT_SERVICE_NAME = gettext_noop("Check the warning signs")  # in Welsh from the catalogue
SERVICE_NAME = os.environ.get("SERVICE_NAME", DEFAULT_SERVICE_NAME)
# The name on Welsh pages when SERVICE_NAME is set to a name of the deployment's own.
SERVICE_NAME_CY = os.environ.get("SERVICE_NAME_CY", "")
EXIT_URL = os.environ.get("EXIT_URL", "https://www.bbc.co.uk/weather")
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
# Behind a proxy that terminates TLS and sets X-Forwarded-Proto.
TRUST_X_FORWARDED_PROTO = env_bool("TRUST_X_FORWARDED_PROTO", False)
# How many proxies in front append to X-Forwarded-For; the client's address is the entry that
# many places from the right (screening/web/client_address.py). 0: the header is ignored.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
# Longest wait for the summary PDF before the "could not be made" page is shown instead.
PDF_TIMEOUT_SECONDS = float(os.environ.get("PDF_TIMEOUT_SECONDS", "20"))
# Worker processes that lay PDFs out, per app server process, and how much lower their CPU
# priority is than the pages' (screening/downloads.py).
PDF_WORKERS = int(os.environ.get("PDF_WORKERS", "1"))
PDF_WORKER_NICENESS = int(os.environ.get("PDF_WORKER_NICENESS", "10"))
# The most text an incident schedule may hold for one PDF. The largest schedule this lets
# through is laid out well within the time limit (`make bench`: pdf_largest_allowed_vs_limit,
# docs/performance.md); a longer one is not attempted, and the page says what to do instead (a
# date range, the print view, the CSV). The person's own log (100 entries at most, 8,340
# characters each) is always under it.
PDF_MAX_SCHEDULE_CHARACTERS = int(os.environ.get("PDF_MAX_SCHEDULE_CHARACTERS", "1000000"))
# `make serve` only: production settings over plain HTTP on this machine (no
# HTTPS redirect, HSTS or Secure cookies). Refused unless every allowed host is
# a loopback address.
LOCAL_PLAIN_HTTP = env_bool("LOCAL_PLAIN_HTTP", False)
# Advocate workspace: Fernet keys for the encrypted case fields, newest first
# (the first encrypts; the others still decrypt, for rotation). Never SECRET_KEY.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])
# Closed cases are deleted this many days after they were closed, by `delete_stale_cases`.
# Six years is the period safeguarding and advocacy services commonly keep case records after
# closure (it matches the six-year limitation period for most civil claims); an organisation
# sets its own in its retention schedule. Open cases are never deleted automatically.
CASE_RETENTION_DAYS = int(os.environ.get("CASE_RETENTION_DAYS", str(6 * 365)))
# Open cases with nothing recorded for this many days are flagged for review on the caseload.
CASE_INACTIVE_DAYS = int(os.environ.get("CASE_INACTIVE_DAYS", "90"))
# A case's next review falls this many days after each completed screening (guidance: screen
# again every 6 to 8 weeks, and whenever circumstances change).
CASE_REVIEW_DAYS = int(os.environ.get("CASE_REVIEW_DAYS", "42"))
# An order (Stalking Protection Order, restraining or non-molestation order) is flagged on the
# caseload this many days before it expires, in time to apply for a renewal or a new one.
ORDER_EXPIRY_WARNING_DAYS = int(os.environ.get("ORDER_EXPIRY_WARNING_DAYS", "28"))
# Failed sign-ins allowed (per email address, and per IP address) before a cool-off.
SIGN_IN_ATTEMPTS = int(os.environ.get("SIGN_IN_ATTEMPTS", "5"))
SIGN_IN_COOLOFF_MINUTES = int(os.environ.get("SIGN_IN_COOLOFF_MINUTES", "15"))
# Kept records (screening/saved_records): deleted when not opened or changed for this many days.
SAVED_RECORD_DAYS = int(os.environ.get("SAVED_RECORD_DAYS", "90"))
# How long an invitation link for a new advocate works (it works once).
INVITATION_DAYS = int(os.environ.get("INVITATION_DAYS", "7"))
# The site admin (/cases/admin/, for staff past two-factor). Off in production unless set.
SITE_ADMIN = env_bool("SITE_ADMIN", DEBUG or RUNNING_TESTS)
# -----------------------------------------------------------------------------

if not SECRET_KEY:
    if not (DEBUG or RUNNING_TESTS):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value before starting in production."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

if not FIELD_ENCRYPTION_KEYS:
    if not (DEBUG or RUNNING_TESTS):
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS is not set. Generate a key with "
            "`python manage.py generate_encryption_key` before starting in production."
        )
    # A fixed key for development and tests only: their data is not real.
    FIELD_ENCRYPTION_KEYS = ["ZGV2ZWxvcG1lbnQtb25seS1rZXktbm90LWZvci11c2U="]

if SECRET_KEY in FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS must not include SECRET_KEY: the case data needs keys of its own."
    )

if not EXIT_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured("EXIT_URL must be an http or https address.")

# Served over plain HTTP only in development and tests.
PRODUCTION = not (DEBUG or RUNNING_TESTS)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    "template_partials",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "screening",
    "screening.saved_records",
    "casework",
]

MIDDLEWARE = [
    # Outermost, so every response gets its headers: static files, the redirect to HTTPS,
    # and error pages made by the middleware below.
    "screening.web.middleware.SafetyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session middleware, which saves the session to the database.
    "screening.web.database_unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "screening.web.sessions.IdleClockMiddleware",
    # Inside the session middleware too: saves a kept record when the session's answers,
    # entries or police details changed, before the session itself is written.
    "screening.saved_records.session.SaveKeptRecordMiddleware",
    # The language chosen in this session, English otherwise; no cookie of its own and no
    # guess from the browser (docs/decisions/0010-language-in-the-session.md).
    "screening.web.language.SessionLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "screening.web.csrf.NoReferrerCsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout into our sign-in page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "screening.urls"
WSGI_APPLICATION = "screening.wsgi.application"

# Kept in each process's memory: only the fixed parts of the page shell (templates/base.html),
# never anything about a person.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "screening.web.context_processors.service",
                "screening.saved_records.context_processors.kept_record",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers share one file: write-ahead logging lets readers and a writer work
    # at once, and "synchronous=NORMAL" syncs at checkpoints rather than on every session
    # save. Transactions take the write lock up front instead of failing half-way. Deleted
    # rows are overwritten in the file ("secure_delete"; see screening/web/erasure.py).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
# Each language named in itself, as the switch in every page's header shows it.
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "screening" / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# collectstatic gathers files here for production; development and tests
# serve straight from the build folder and need no copy.
STATIC_ROOT = BASE_DIR / "var" / "staticfiles" if PRODUCTION else None
STATICFILES_DIRS = [
    BASE_DIR / "static" / "build",
    BASE_DIR / "static" / "images",
    BASE_DIR / "static" / "pdf",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    # Compressed copies but no content-hashed names: every response, static
    # files included, is no-store, so hashed names would bust no cache. (The
    # manifest storage also refuses GOV.UK Frontend's CSS, which mentions an
    # image of a component part the service does not use.)
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Development and tests serve straight from the build folder.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# --- Safety for a person who may be watched ----------------------------------
# Someone at risk may use this on a phone the person harming them can see.
# Nothing may outlive the visit: sessions live on the server and end when the
# browser closes or after a short idle time, the CSRF token lives inside the
# session (no separate cookie), cookie names say nothing, and every response
# forbids caching and referrers. See docs/safety.md A1-A9.
# Database sessions. A changed session is written at once; an unchanged one is rewritten
# (its idle clock restarted) by screening.web.sessions.IdleClockMiddleware at most once every
# SESSION_REFRESH_SECONDS, so a session can end that much sooner than the idle limit after
# the last page view, never later.
SESSION_ENGINE = "screening.web.sessions"
SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = False  # IdleClockMiddleware restarts the idle clock instead
SESSION_COOKIE_NAME = "__Host-session" if PRODUCTION else "session"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_USE_SESSIONS = True
# Django's CSRF check with one change for pages that send no referrer; see
# screening/web/csrf.py. The deployment check looks for the stock class by name.
SILENCED_SYSTEM_CHECKS = ["security.W003"]
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_FAILURE_VIEW = "screening.views.errors.csrf_failure"
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), "
    "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), interest-cohort=()"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# -----------------------------------------------------------------------------

SECURE_SSL_REDIRECT = PRODUCTION
SECURE_HSTS_SECONDS = 31_536_000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION and HSTS_PRELOAD
if TRUST_X_FORWARDED_PROTO:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if LOCAL_PLAIN_HTTP:
    if not ALLOWED_HOSTS or set(ALLOWED_HOSTS) - {"127.0.0.1", "localhost", "[::1]"}:
        raise ImproperlyConfigured("LOCAL_PLAIN_HTTP is for loopback addresses only.")
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = False
    SESSION_COOKIE_NAME = "session"  # a __Host- cookie must be Secure
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False

# --- Rate limits --------------------------------------------------------------
# (requests, minutes) per client address, per account, and for everyone together, for each
# expensive endpoint; see screening/web/rate_limits.py. Sign-in failures are also locked out by
# django-axes (SIGN_IN_ATTEMPTS), which this does not replace.
# Multiplies every limit below. Only for a load test or benchmark on one machine, where every
# simulated person comes from the same address; leave it at 1 anywhere real.
RATE_LIMIT_SCALE = float(os.environ.get("RATE_LIMIT_SCALE", "1"))
RATE_LIMITS = {
    "sign-in": {"client": (30, 15), "account": (20, 15)},
    "two-factor": {"client": (30, 15), "account": (15, 15)},
    "summary-pdf": {"client": (10, 10)},
    "case-pdf": {"client": (60, 10), "account": (30, 10)},
    "incident-import": {"client": (30, 10), "account": (20, 10)},
    # A passphrase for a kept record: opening one, making one, an advocate's import. Each is
    # an Argon2id derivation (64 MiB, about a third of a second of one core), so "everyone"
    # bounds the CPU and memory guessing could take across all servers.
    "open-record": {"client": (10, 15), "account": (10, 15), "everyone": (60, 1)},
}
# -----------------------------------------------------------------------------

# --- Advocates ----------------------------------------------------------------
# Email and password, then a TOTP code, before any case page (docs/safety.md C15-C16).
AUTH_USER_MODEL = "casework.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "casework:sign-in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
OTP_TOTP_ISSUER = SERVICE_NAME
# The site admin never shows an authenticator app's secret or its QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Messages live in the session: no extra cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
AXES_FAILURE_LIMIT = SIGN_IN_ATTEMPTS
AXES_COOLOFF_TIME = SIGN_IN_COOLOFF_MINUTES / 60  # hours
# Lock an email address whatever the IP, and an IP address whatever the email.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "casework.views.accounts.locked_out"
AXES_VERBOSE = False
# The one function that gives the client's address, past TRUSTED_PROXIES proxies.
AXES_CLIENT_IP_CALLABLE = "screening.web.client_address.client_address"
# -----------------------------------------------------------------------------

if RUNNING_TESTS:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Logs carry method, path and status only; never a form value (docs/safety.md D24).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "screening.web.log_format.WithoutValuesFormatter",
            "format": "{levelname} {name} {message}",
            "style": "{",
        }
    },
    "filters": {"without_query_values": {"()": "screening.web.log_format.WithoutQueryValues"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["without_query_values"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Django's own handlers are replaced: its default console format quotes
    # exception messages, and its error emails would carry the posted form.
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

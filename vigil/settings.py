"""Settings, all from the environment; see .env.example for every variable."""

import base64
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from vigil.core import secrets_file

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("VIGIL_DATA_DIR", BASE_DIR / "var"))
SECRETS_FILE = Path(os.environ.get("VIGIL_SECRETS_FILE", DATA_DIR / "secrets.json"))
_local = secrets_file.load_or_create(SECRETS_FILE)

DEBUG = env_bool("VIGIL_DEBUG")
SECRET_KEY = os.environ.get("VIGIL_SECRET_KEY") or _local["secret_key"]

# Keyring for data at rest: the first key encrypts, all of them decrypt.
# VIGIL_DATA_KEYS="id1:base64key1,id2:base64key2" overrides the local file.
if os.environ.get("VIGIL_DATA_KEYS"):
    VIGIL_DATA_KEYS = [
        {"id": item.split(":", 1)[0], "key": item.split(":", 1)[1]}
        for item in env_list("VIGIL_DATA_KEYS")
    ]
    VIGIL_DATA_KEYS_FROM_ENV = True
else:
    VIGIL_DATA_KEYS = _local["data_keys"]
    VIGIL_DATA_KEYS_FROM_ENV = False
# Blind indexes must survive data-key rotation, so they have their own key.
VIGIL_INDEX_KEY = base64.b64decode(os.environ.get("VIGIL_INDEX_KEY") or _local["index_key"])
VIGIL_RECEIPT_SALT = base64.b64decode(
    os.environ.get("VIGIL_RECEIPT_SALT") or _local["receipt_salt"]
)

ALLOWED_HOSTS = env_list("VIGIL_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("VIGIL_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "vigil.core",
    "vigil.accounts",
    "vigil.audit",
    "vigil.regions",
    "vigil.tips",
    "vigil.triage",
    "vigil.screening",
    "vigil.matching",
    "vigil.cases",
    "vigil.directory",
    "vigil.legal",
    "vigil.tracing",
    "vigil.vulnerability",
    "vigil.exchange",
    "vigil.insights",
    "vigil.statistics",
    "vigil.learn",
    "vigil.awareness",
    "vigil.demo",
]

MIDDLEWARE = [
    # First of all: nothing after this sees the client's address or user agent.
    "vigil.core.privacy.AnonymiseRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "vigil.urls"
WSGI_APPLICATION = "vigil.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'vigil.sqlite3'}",
        conn_max_age=int(os.environ.get("VIGIL_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL and a busy timeout let several web processes share one file.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_cache_url = os.environ.get("VIGIL_CACHE_URL", "")
if _cache_url.startswith("redis"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
        }
    }
elif _cache_url == "locmem":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Shared by every process on the machine, unlike the in-memory cache.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

AUTH_USER_MODEL = "accounts.Person"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "tips:inbox"

# Lockout by account only: addresses are never recorded (see core.privacy).
AXES_FAILURE_LIMIT = int(os.environ.get("VIGIL_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("VIGIL_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Lockout is per account on purpose (addresses are never kept): axes.W006 is expected.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_SENSITIVE_PARAMETERS = ["password", "username", "ip_address"]

OTP_TOTP_ISSUER = os.environ.get("VIGIL_SITE_NAME", "Vigil")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(os.environ.get("VIGIL_SESSION_SECONDS", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "vigil.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: Chromium sends "Origin: null" on form posts under
# no-referrer, which fails the CSRF check. Referer never reaches another host either way.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Pages load nothing from any other host, ever.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
_https = env_bool("VIGIL_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_SSL_REDIRECT = _https and env_bool("VIGIL_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if _https else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _https
SECURE_HSTS_PRELOAD = _https
if env_bool("VIGIL_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("ar", "العربية")]
LANGUAGE_COOKIE_NAME = "vigil_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "vigil" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("VIGIL_TIME_ZONE", "UTC")

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 2_500_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_500_000
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# Mail goes through the deployment's own SMTP server; without one it is printed.
if os.environ.get("VIGIL_EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["VIGIL_EMAIL_HOST"],
                "port": int(os.environ.get("VIGIL_EMAIL_PORT", "587")),
                "username": os.environ.get("VIGIL_EMAIL_USER", ""),
                "password": os.environ.get("VIGIL_EMAIL_PASSWORD", ""),
                "use_tls": env_bool("VIGIL_EMAIL_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("VIGIL_FROM_EMAIL", "vigil@localhost")

# The deployment's own country: default for phone numbers and the report form.
VIGIL_COUNTRY = os.environ.get("VIGIL_COUNTRY", "XV")
# Default phone region when the country is unknown to libphonenumber (e.g. "XV"); "" = none.
VIGIL_PHONE_REGION = os.environ.get("VIGIL_PHONE_REGION", "GB" if VIGIL_COUNTRY == "XV" else "")
VIGIL_SITE_NAME = os.environ.get("VIGIL_SITE_NAME", "Vigil")
# The public address, for links in emails (e.g. https://vigil.example.org).
VIGIL_SITE_URL = os.environ.get("VIGIL_SITE_URL", "")
# Where the client's address is read from for rate limiting only (never stored);
# behind a reverse proxy, the header it sets, e.g. HTTP_X_REAL_IP.
VIGIL_CLIENT_ADDRESS_HEADER = os.environ.get("VIGIL_CLIENT_ADDRESS_HEADER", "")
# Public endpoints: requests allowed per client per window.
VIGIL_RATE_LIMIT = int(os.environ.get("VIGIL_RATE_LIMIT", "20"))
VIGIL_RATE_WINDOW_SECONDS = int(os.environ.get("VIGIL_RATE_WINDOW_SECONDS", "600"))
# SMS gateway (Twilio-compatible): auth token for signatures, outbound backend.
VIGIL_SMS_AUTH_TOKEN = os.environ.get("VIGIL_SMS_AUTH_TOKEN", "")
VIGIL_SMS_WEBHOOK_URL = os.environ.get("VIGIL_SMS_WEBHOOK_URL", "")
VIGIL_SMS_BACKEND = os.environ.get("VIGIL_SMS_BACKEND", "vigil.tips.sms_backends.ConsoleBackend")
VIGIL_SMS_CONVERSATION_MINUTES = int(os.environ.get("VIGIL_SMS_CONVERSATION_MINUTES", "60"))

# Apps that act on tips without the tips app importing them (see vigil/tips/hooks.py).
# The analysis first: hooks after it read the tip's priority.
VIGIL_TIP_HOOKS: list[str] = [
    "vigil.triage.pipeline.on_tip_received",
    # Deadlines from the protocol and the on-call notice: needs the priority.
    "vigil.triage.workflow.on_tip_received",
]
VIGIL_TIP_PANELS: list[str] = ["vigil.triage.panels.tip_panel", "vigil.cases.panels.tip_panel"]
# Possible duplicates and tracing matches at or above this probability go to review.
VIGIL_MATCH_THRESHOLD = float(os.environ.get("VIGIL_MATCH_THRESHOLD", "0.8"))

# The de-identified aggregates public statistics are built from, each app publishing its own.
VIGIL_STATISTICS_SOURCES: list[str] = [
    "vigil.tips.aggregates.tip_counts",
    "vigil.cases.aggregates.case_counts",
    "vigil.exchange.aggregates.victims_by_country_of_exploitation",
    "vigil.exchange.aggregates.victims_by_citizenship",
]

# Sections other apps add to the case worker's desk (cases never imports them).
VIGIL_DESK_SECTIONS: list[str] = [
    "vigil.legal.desk.hearings_this_week",
    "vigil.tracing.desk.candidates_to_review",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_request": {"()": "vigil.core.privacy.DropRequestFilter"}},
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_request"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("VIGIL_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's request loggers attach the request; the filter strips it.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "INFO"},
        "axes": {"level": "WARNING"},
    },
}

NINJA_PAGINATION_PER_PAGE = 50

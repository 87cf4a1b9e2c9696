"""Settings for KVP. One file; environment variables switch what differs between machines."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.conf import global_settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from kvp.participants.languages import LANGUAGE_CHOICES

django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# "production" where real people's data is kept; anything else is a development or test machine.
# Everything that differs in production is decided in the block "Production" below; docs/security.md.
KVP_ENV = env_str("KVP_ENV", "development")
PRODUCTION = KVP_ENV == "production"
DEBUG = env_bool("KVP_DEBUG", False)
DEVELOPMENT_SECRET_KEY = "insecure-development-key-change-me-in-production"  # noqa: S105 - refused in production
SECRET_KEY = env_str("KVP_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env_list("KVP_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# Synthetic test identities (Skatteetaten Tenor: month + 80) are accepted outside production only.
KVP_ACCEPT_SYNTHETIC_IDS = env_bool("KVP_ACCEPT_SYNTHETIC_IDS", True) and not PRODUCTION
# How long a recorded reason lets a colleague open a participant not assigned to them.
KVP_ACCESS_REASON_HOURS = int(env_str("KVP_ACCESS_REASON_HOURS", "8"))

INSTALLED_APPS = [
    "kvp.accounts.adminconfig.KvpAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "kvp.accounts",
    "kvp.parameters",
    "kvp.staff",
    "kvp.participants",
    "kvp.programme",
    "kvp.followup",
    "kvp.plans",
    "kvp.catalogue",
    "kvp.matching",
    "kvp.dialog",
    "kvp.motivation",
    "kvp.reports",
    "kvp.overview",
    "kvp.audit",
    "kvp.wording",
    "kvp.api",
    "kvp.common",
    "kvp.notices",
    "kvp.demo",
]

MIDDLEWARE = [
    "kvp.common.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kvp.audit.middleware.AuditBatchMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: a participant's remembered language, and staff kept to the staff languages.
    "kvp.common.middleware.InterfaceLanguageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kvp.accounts.twofactor.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "kvp.participants.middleware.ReasonRequiredMiddleware",
    "kvp.parameters.middleware.RulesPerRequestMiddleware",
    "kvp.participants.middleware.AuditShownWritesMiddleware",
]

ROOT_URLCONF = "kvp.urls"
WSGI_APPLICATION = "kvp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATA_DIR = Path(env_str("KVP_DATA_DIR", str(PROJECT_DIR / "var")))
MEDIA_ROOT = DATA_DIR / "media"  # no MEDIA_URL: files are served only through access-checked views

# Notices (new messages, meeting reminders) carry no personal data: only that there is something new and a link.
# The channel they go through (kvp.notices.channels).
KVP_NOTICE_CHANNEL = env_str("KVP_NOTICE_CHANNEL", "kvp.notices.channels.EmailChannel")
KVP_SITE_URL = env_str("KVP_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str("KVP_FROM_EMAIL", "ikke-svar@kvp.example")
# The console and file backends write whole messages, addresses included: never in production (below).
EMAIL_BACKEND = env_str("KVP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("KVP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("KVP_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("KVP_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("KVP_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("KVP_EMAIL_USE_TLS", False)
# Per-user rate limits (kvp.common.ratelimit): at most `count` of each kind in `seconds`, per user. Generous for
# a person at a keyboard; a script flooding a counsellor is stopped.
KVP_RATE_LIMITS: dict[str, tuple[int, int]] = {
    "message": (30, 10 * 60),
    "thread": (15, 10 * 60),
    "proposal": (10, 60 * 60),
    "upload": (20, 60 * 60),
}
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'kvp.sqlite3'}")
# Persistent connections help PostgreSQL; SQLite opens in microseconds and is shared by test threads.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=0 if DATABASE_URL.startswith("sqlite") else 60)
}
if DATABASE_URL.startswith("sqlite"):
    # A file, not memory, so browser tests' server threads each open their own connection.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-kvp.sqlite3")}
    # Many writers on one file: readers never wait for a writer (WAL), every transaction takes the write lock
    # when it begins (IMMEDIATE; a read that later writes cannot fail on upgrading its lock), and a writer
    # waits up to KVP_SQLITE_BUSY_SECONDS for the lock instead of failing with "database is locked".
    # synchronous=NORMAL is durable across a crash of the server in WAL mode (a power cut may lose the
    # last transactions, never corrupt the file).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(env_str("KVP_SQLITE_BUSY_SECONDS", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
# Long work (a match run) runs as a job (kvp.common.jobs, decision 0016) through Django's task framework. The
# default backend runs jobs on a thread of the web process, needing no other server; in production the dotted path
# of another backend of the framework (a queue the organisation runs, with its worker) can take its place.
KVP_TASKS_BACKEND = env_str("KVP_TASKS_BACKEND", "kvp.common.job_backend.ThreadBackend")
TASKS = {"default": {"BACKEND": KVP_TASKS_BACKEND}}
# A job still waiting or running this long after it was started was lost with its process; its scope is free again.
KVP_JOB_TIMEOUT_MINUTES = int(env_str("KVP_JOB_TIMEOUT_MINUTES", "15"))
# Where `kvp backup` and `kvp restore` find pg_dump and pg_restore; empty: the newest installed PostgreSQL.
KVP_PG_BIN = env_str("KVP_PG_BIN", "")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes). Failures are counted per username *and* client address, so someone guessing
# a colleague's password from their own machine locks only that pair, never the colleague. The cool-off is not
# renewed by further failures, and a leader can lift a lockout for their office (staff pages).
AXES_FAILURE_LIMIT = int(env_str("KVP_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env_str("KVP_LOGIN_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Login history (addresses, browsers) is shown to no one, the administrator included.
AXES_ENABLE_ADMIN = False
# The client address is REMOTE_ADDR, unless the request came through one of these reverse proxies (addresses or
# networks, comma-separated): then it is the nearest address in X-Forwarded-For that is not a trusted proxy.
# A client cannot choose its own address by sending X-Forwarded-For to a server with no trusted proxies.
KVP_TRUSTED_PROXIES = [value.strip() for value in env_str("KVP_TRUSTED_PROXIES", "").split(",") if value.strip()]
AXES_CLIENT_IP_CALLABLE = "kvp.accounts.client.client_address"
AXES_VERBOSE = False

# OpenID Connect: ID-porten for participants, the staff directory (Entra ID) for staff.
# Switched on by setting the issuer's endpoints and client credentials in the environment.
KVP_OIDC_ENABLED = env_bool("KVP_OIDC_ENABLED", False)
if KVP_OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("kvp.participants.oidc.KvpOIDCBackend")
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ["OIDC_OP_JWKS_ENDPOINT"]
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid profile")
    OIDC_CREATE_USER = False

OTP_TOTP_ISSUER = "NAV KVP"
# Staff must pass a one-time code before reaching any page. Always in production; elsewhere on request.
KVP_REQUIRE_TWO_FACTOR = KVP_ENV == "production" or env_bool("KVP_REQUIRE_TWO_FACTOR", False)

LANGUAGE_CODE = "nb"
# Every language the interface is built for, in the language menu's order (docs/languages.md).
KVP_INTERFACE_LANGUAGES = ["nb", "nn", "en", "ar", "so", "ti", "prs", "uk", "pl"]
# The languages offered, per audience. A language is offered only once its catalogue is complete for what that
# audience sees (participant-facing messages, or every message for staff): tests/common/test_catalogues.py fails
# on a missing, fuzzy or placeholder-mismatched entry in any language listed here. English is the message ids.
KVP_PARTICIPANT_LANGUAGES = ["nb", "en"]
KVP_STAFF_LANGUAGES = ["nb", "en"]
# What Django's LocaleMiddleware and set_language accept: the languages offered to anyone.
LANGUAGES = [
    (code, name) for code, name in LANGUAGE_CHOICES if code in {*KVP_PARTICIPANT_LANGUAGES, *KVP_STAFF_LANGUAGES}
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Languages Django does not describe, merged into Django's table here and nowhere else; Dari is written right to
# left. Their date and number formats are in kvp/common/formats.
EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
    "prs": {"bidi": True, "code": "prs", "name": "Dari", "name_local": "دری"},
}
LANG_INFO.update(EXTRA_LANG_INFO)
LANGUAGES_BIDI = [*global_settings.LANGUAGES_BIDI, "prs"]
FORMAT_MODULE_PATH = ["kvp.common.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "staticfiles"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/ds-css", PROJECT_DIR / "node_modules" / "@navikt" / "ds-css" / "dist"),
    ("vendor/htmx", PROJECT_DIR / "node_modules" / "htmx.org" / "dist"),
    # The fonts, served by the app itself: the design system's Source Sans 3, Noto for Arabic and Ethiopic script.
    *(
        (f"vendor/fonts/{family}", PROJECT_DIR / "node_modules" / "@fontsource-variable" / family)
        for family in ("source-sans-3", "noto-sans-arabic", "noto-sans-ethiopic")
    ),
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("KVP_SECURE_COOKIES", False) or PRODUCTION
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Flash messages may name a person ("Message sent to ..."): kept in the session, never in a cookie of their own.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# Uploaded files and their folders are readable by the server's user only.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# Behind a proxy that ends TLS: the header it sets on HTTPS requests, e.g. "HTTP_X_FORWARDED_PROTO" (value "https").
# Set it only when the proxy always sets or strips that header, or any client could claim HTTPS.
KVP_PROXY_SSL_HEADER = env_str("KVP_PROXY_SSL_HEADER", "")
SECURE_PROXY_SSL_HEADER = (KVP_PROXY_SSL_HEADER, "https") if KVP_PROXY_SSL_HEADER else None
CSRF_TRUSTED_ORIGINS = env_list("KVP_CSRF_TRUSTED_ORIGINS")

# Content-Security-Policy (django-csp), on every machine so that development meets it too: no inline scripts or
# styles anywhere (htmx's indicator styles are switched off in base.html), images also as data: URIs (charts).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kvp.api.views.api_exception_handler",
    # The API reads JSON only: a form body cannot tell null from an empty or absent value.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "KVP API",
    "DESCRIPTION": "Case system for the Qualification Programme (Kvalifiseringsprogrammet).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Request bodies get their own components, so a field that may not be blank says minLength 1 there.
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kvp.api.schema.add_problem_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "kvp.participants.languages.LANGUAGE_CHOICES",
        "CaseStatusEnum": "kvp.programme.models.STATUS_CHOICES",
        "EndReasonEnum": "kvp.programme.models.END_REASON_CHOICES",
    },
}

# Application logs carry no personal data (kvp.common.logs): ids are opaque, a request's line names its route's
# pattern (never its path or query) and its user by a pseudonym, and a filter blanks anything shaped like an
# e-mail address or a national identity number that a library's message might still carry. Lines are JSON
# with a fixed set of fields; KVP_LOG_FORMAT=text gives plain lines for a person reading a terminal.
KVP_LOG_FORMAT = env_str("KVP_LOG_FORMAT", "json")
if KVP_LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("KVP_LOG_FORMAT is json or text.")
# One line per request (method, route, status, milliseconds, request id, user's pseudonym).
KVP_LOG_REQUESTS = env_bool("KVP_LOG_REQUESTS", True)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_addresses": {"()": "kvp.common.logs.RedactAddresses"},
        "request_context": {"()": "kvp.common.logs.RequestContext"},
    },
    "formatters": {
        "json": {"()": "kvp.common.logs.PrivateJsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["no_addresses", "request_context"],
            "formatter": KVP_LOG_FORMAT,
        }
    },
    "loggers": {"kvp.requests": {"level": "INFO" if KVP_LOG_REQUESTS else "WARNING"}},
    "root": {"handlers": ["console"], "level": env_str("KVP_LOG_LEVEL", "WARNING")},
}

FORM_RENDERER = "kvp.common.forms.AkselFormRenderer"

# Production. Safe values where real people's data is kept, and refusal to start where a value would be unsafe.
# Synthetic ids and the Secure cookie flag follow PRODUCTION above; `kvp demo` refuses to run.
if PRODUCTION:
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured("KVP_ENV=production needs KVP_SECRET_KEY: a random value of 50 characters or more.")
    if DEBUG:
        raise ImproperlyConfigured("KVP_ENV=production never runs with KVP_DEBUG.")
    if "KVP_ALLOWED_HOSTS" not in os.environ:
        raise ImproperlyConfigured("KVP_ENV=production needs KVP_ALLOWED_HOSTS: the host names the site answers to.")
    if EMAIL_BACKEND != "django.core.mail.backends.smtp.EmailBackend":
        raise ImproperlyConfigured("KVP_ENV=production sends mail by SMTP only: other backends log whole messages.")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # the load balancer's probes come over plain HTTP
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # New files (the SQLite database and its journal, uploads, logs) are readable by the server's user only.
    os.umask(0o077)

"""Settings for KVP. One file; environment variables switch what differs between machines."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.conf import global_settings
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

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


# "production" where real people's data is kept; anything else is a development or test machine.
KVP_ENV = env_str("KVP_ENV", "development")
DEBUG = env_bool("KVP_DEBUG", False)
SECRET_KEY = env_str("KVP_SECRET_KEY", "insecure-development-key-change-me-in-production")
ALLOWED_HOSTS = env_str("KVP_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
# Synthetic test identities (Skatteetaten Tenor: month + 80) are accepted outside production.
KVP_ACCEPT_SYNTHETIC_IDS = env_bool("KVP_ACCEPT_SYNTHETIC_IDS", True)
# How long a recorded reason lets a colleague open a participant not assigned to them.
KVP_ACCESS_REASON_HOURS = int(env_str("KVP_ACCESS_REASON_HOURS", "8"))

INSTALLED_APPS = [
    "kvp.accounts.adminsite.KvpAdminConfig",
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
    "kvp.accounts",
    "kvp.parameters",
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
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
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
EMAIL_BACKEND = env_str("KVP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'kvp.sqlite3'}")
# Persistent connections help PostgreSQL; SQLite opens in microseconds and is shared by test threads.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=0 if DATABASE_URL.startswith("sqlite") else 60)
}
if DATABASE_URL.startswith("sqlite"):
    # A file, not memory, so browser tests' server threads each open their own connection.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-kvp.sqlite3")}
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

# Login throttling (django-axes): lock a username+address pair after 5 failures for 30 minutes.
AXES_FAILURE_LIMIT = int(env_str("KVP_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
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

LANGUAGE_CODE = "nb"
# The languages of the user interface. Notices to participants also go out in the other languages that have
# a catalogue in LOCALE_PATHS (nn, so, ar, ti, uk, pl, prs), once a translator has reviewed the text.
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Languages KVP's catalogues have that Django does not describe; Dari is written right to left.
EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
    "prs": {"bidi": True, "code": "prs", "name": "Dari", "name_local": "دری"},
}
LANG_INFO.update(EXTRA_LANG_INFO)
LANGUAGES_BIDI = [*global_settings.LANGUAGES_BIDI, "prs"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "staticfiles"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/ds-css", PROJECT_DIR / "node_modules" / "@navikt" / "ds-css" / "dist"),
    ("vendor/htmx", PROJECT_DIR / "node_modules" / "htmx.org" / "dist"),
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("KVP_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kvp.api.views.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "KVP API",
    "DESCRIPTION": "Case system for the Qualification Programme (Kvalifiseringsprogrammet).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "kvp.participants.languages.LANGUAGE_CHOICES",
        "CaseStatusEnum": "kvp.programme.models.STATUS_CHOICES",
        "EndReasonEnum": "kvp.programme.models.END_REASON_CHOICES",
    },
}

# Application logs carry no personal data: ids are opaque, and request paths hold only UUIDs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("KVP_LOG_LEVEL", "WARNING")},
}

FORM_RENDERER = "kvp.common.forms.AkselFormRenderer"

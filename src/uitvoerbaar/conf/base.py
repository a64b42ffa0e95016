"""Settings shared by every environment. Everything that differs per deployment comes from the
environment (12-factor); the dev / test / ci / production modules only change defaults."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The repository root when installed in editable mode (the supported way, see Makefile).
REPO_DIR = PACKAGE_DIR.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# Data lives outside the source tree: SQLite database, media uploads, keys for local use.
DATA_DIR = Path(env("UITVOERBAAR_DATA_DIR", str(REPO_DIR / "var")))

SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "uitvoerbaar.core",
    "uitvoerbaar.audit",
    "uitvoerbaar.kennisbank",
    "uitvoerbaar.termijnen",
    "uitvoerbaar.responsplicht",
    "uitvoerbaar.signalen",
    "uitvoerbaar.dienstverlening",
    "uitvoerbaar.afwijkingen",
    "uitvoerbaar.beleid",
    "uitvoerbaar.parlement",
    "uitvoerbaar.openbaar",
    "uitvoerbaar.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "uitvoerbaar.core.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "uitvoerbaar.core.middleware.TaalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "uitvoerbaar.api.middleware.GeenNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "uitvoerbaar.core.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "uitvoerbaar.urls"
WSGI_APPLICATION = "uitvoerbaar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "uitvoerbaar.core.context_processors.navigation",
            ],
        },
    },
]


def database_config() -> dict[str, object]:
    url = env("DATABASE_URL")
    if url:
        config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
        if str(config["ENGINE"]).endswith("postgresql"):
            config["TEST"] = {"NAME": env("TEST_DATABASE_NAME", "test_uitvoerbaar")}
        return config
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "uitvoerbaar.sqlite3",
        "OPTIONS": {
            # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock at
            # BEGIN, so concurrent writers wait (busy timeout) instead of failing mid-transaction.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:login"

# Lockout after repeated failures (django-axes), per username so that an attacker cannot lock
# out a whole office behind one IP address, and cannot learn whether an account exists.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "uitvoerbaar.core.views.lockout_response"
AXES_VERBOSE = False

# A second factor (TOTP) is required for roles that can see confidential data.
OTP_TOTP_ISSUER = "Uitvoerbaar"
# DEMO ONLY: lets `make demo` accounts in without an authenticator app. Never set in production
# (the production settings refuse to start with it).
UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR = env_bool("UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR", False)

# Optional OIDC single sign-on (off by default).
OIDC_ENABLED = env_bool("OIDC_ENABLED", False)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("uitvoerbaar.core.oidc.OrganisatieOIDCBackend")
    OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
    OIDC_CREATE_USER = False
    # A person the identity provider vouches for but who has no account here goes back to
    # the login page, which then says so.
    LOGIN_REDIRECT_URL_FAILURE = "/inloggen/?sso=mislukt"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# Front-end packages from npm, copied by `make assets` (see scripts/vendor-assets).
STATICFILES_DIRS = [PACKAGE_DIR / "static", ("vendor", REPO_DIR / "build" / "vendor")]
MEDIA_ROOT = DATA_DIR / "media"

# A shared cache (Redis) makes rate limits hold across several server processes; without it
# each process counts on its own.
if env("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("CACHE_URL"),
        }
    }

# Signalen (see signalen/kluis.py): keys kept outside the database. SIGNALEN_SLEUTELS are Fernet
# keys, newest first; SIGNALEN_BONZOUT is the secret behind receipt-code hashes and pseudonyms.
SIGNALEN_SLEUTELS = env_list("SIGNALEN_SLEUTELS")
SIGNALEN_BONZOUT = env("SIGNALEN_BONZOUT")
SIGNALEN_BON_ARGON2_GEHEUGEN_KIB = int(env("SIGNALEN_BON_ARGON2_GEHEUGEN_KIB", "65536"))
# Wrong receipt codes: at most this many per client address per window (seconds).
SIGNALEN_BON_POGINGEN = int(env("SIGNALEN_BON_POGINGEN", "5"))
SIGNALEN_BON_VENSTER = int(env("SIGNALEN_BON_VENSTER", "900"))
# Anonymous intakes per client address per hour (each costs a 64 MiB Argon2 hash).
SIGNALEN_ANONIEM_PER_UUR = int(env("SIGNALEN_ANONIEM_PER_UUR", "10"))
# Behind a reverse proxy: the META key of the header the proxy appends the client address to
# (e.g. HTTP_X_FORWARDED_FOR); empty means REMOTE_ADDR.
SIGNALEN_ADRES_KOP = env("SIGNALEN_ADRES_KOP")
# Attachments of a signal: how many, how large, which kinds.
SIGNALEN_BIJLAGEN_MAX = 5
SIGNALEN_BIJLAGE_MAX_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "noreply@uitvoerbaar.example")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page uses, switched off (core.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Strict Content Security Policy: no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["uitvoerbaar.api.permissions.PolicyPermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "uitvoerbaar.api.pagination.BegrensdePaginering",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "uitvoerbaar.api.errors.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Uitvoerbaar API",
    "DESCRIPTION": (
        "API van Uitvoerbaar, versie 1. Fouten volgen RFC 9457 (application/problem+json)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "uitvoerbaar.api.schema.standaard_problemen",
    ],
    # Several models call their state "status"; name each choice set after its model.
    "ENUM_NAME_OVERRIDES": {
        "VoorstelstatusEnum": "uitvoerbaar.beleid.constants.Voorstelstatus",
        "StapstatusEnum": "uitvoerbaar.beleid.constants.Stapstatus",
        "BetrokkenheidstatusEnum": "uitvoerbaar.beleid.constants.Betrokkenheidstatus",
        "OpdrachtstatusEnum": "uitvoerbaar.beleid.constants.Opdrachtstatus",
        "ToetsoordeelEnum": "uitvoerbaar.beleid.constants.Toetsoordeel",
        # An assignment's return outcome, not the signal's UitkomstEnum (both fields "uitkomst").
        "TeruggaveuitkomstEnum": "uitvoerbaar.beleid.constants.Teruggaveuitkomst",
    },
}

CELERY_BROKER_URL = env("CELERY_BROKER_URL", "memory://")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not env("CELERY_BROKER_URL"))
CELERY_TASK_ACKS_LATE = True
CELERY_TIMEZONE = TIME_ZONE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# The public portal: searches of the rechtenwijzer per client address per minute.
OPENBAAR_ZOEKEN_PER_MINUUT = int(env("OPENBAAR_ZOEKEN_PER_MINUUT", "30"))
# The portal's national totals (the monitor's sums) are counted at most this often.
OPENBAAR_TOTALEN_SECONDEN = int(env("OPENBAAR_TOTALEN_SECONDEN", "60"))
# The board dashboard is counted at most this often per organisation (signalen.Dashboardstand);
# the page says when it was counted.
DASHBOARD_VERVERSEN_SECONDEN = int(env("DASHBOARD_VERVERSEN_SECONDEN", "300"))

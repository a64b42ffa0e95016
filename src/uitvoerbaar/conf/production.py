"""Production. Refuses to start without a real secret key, and with demo shortcuts on."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    SECRET_KEY,
    SIGNALEN_BONZOUT,
    SIGNALEN_SLEUTELS,
    UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR,
    env,
    env_bool,
)

if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY moet minstens 50 tekens lang zijn in productie.")
if UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR:
    raise ImproperlyConfigured("UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR is alleen voor de demo.")

if not SIGNALEN_SLEUTELS or len(SIGNALEN_BONZOUT) < 32:
    raise ImproperlyConfigured(
        "SIGNALEN_SLEUTELS en SIGNALEN_BONZOUT (minstens 32 tekens) zijn verplicht in productie."
    )

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

"""Settings for the test suite (SQLite by default, PostgreSQL when DATABASE_URL names it)."""

from .base import *  # noqa: F403
from .base import DATABASES, STATIC_ROOT, env

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; Argon2 tested apart
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file database, so that browser tests (a live server thread) see the same data.
    DATABASES["default"]["TEST"] = {"NAME": env("TEST_SQLITE_NAME", "") or None}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Serve static files straight from the app folders and build/vendor (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Fixed test keys (never used elsewhere) and a cheaper Argon2 so the suite stays fast; the
# production cost (64 MiB) is the default in base.
SIGNALEN_SLEUTELS = ["Tq0vC1mtzcdDXZkZ8hvZr1o5P3cM8HfxY5D3kqJbXWs="]
SIGNALEN_BONZOUT = "test-only-bonzout"
SIGNALEN_BON_ARGON2_GEHEUGEN_KIB = 1024

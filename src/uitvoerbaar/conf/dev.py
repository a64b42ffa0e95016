"""Local development and `make demo`."""

from .base import *  # noqa: F403
from .base import DATA_DIR, SIGNALEN_BONZOUT, SIGNALEN_SLEUTELS, STATIC_ROOT, env, env_bool
from .geheimen import lokale_geheimen

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Serve static files straight from the app folders and build/vendor (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# The demo keeps its keys in a file under DATA_DIR (outside the database), made on first use.
if not SIGNALEN_SLEUTELS or not SIGNALEN_BONZOUT:
    _geheimen = lokale_geheimen(DATA_DIR)
    SIGNALEN_SLEUTELS = SIGNALEN_SLEUTELS or [_geheimen["sleutel"]]
    SIGNALEN_BONZOUT = SIGNALEN_BONZOUT or _geheimen["bonzout"]

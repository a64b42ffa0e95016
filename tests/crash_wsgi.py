"""WSGI for tests/test_crash.py: the application with its URLconf and views imported before
gunicorn forks (`--preload`), so a restarted server answers at once instead of each worker
importing every view on its first request."""

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - imports every view module now

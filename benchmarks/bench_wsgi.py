"""WSGI for `make bench`: the platform's application with its URLconf and every view module
imported before gunicorn forks (run with `--preload`). Otherwise each worker pays the imports
on its first request (about 15 s on a busy 2-core machine), inside the measurement."""

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - imports every view module now

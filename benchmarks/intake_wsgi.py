"""The WSGI application of benchmarks/intake.py: the platform, with every URL module (and so
every view and what it imports) loaded before gunicorn forks its workers (`--preload`).

Without it each worker imports them on its first request; on a loaded machine that took longer
than gunicorn's worker timeout, and a worker still importing during a measurement counts
against whichever side is measured first."""

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - imported for its side effect

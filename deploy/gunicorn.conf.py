"""gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py uitvoerbaar.wsgi`.

Every value can be overridden from the environment (GUNICORN_*), so one file serves every
machine. See docs/operations.md for the whole setup (reverse proxy, several instances, Celery)."""

from __future__ import annotations

import multiprocessing
import os


def _env(name: str, default: str) -> str:
    return os.environ.get(f"GUNICORN_{name}", default)


# Listen on the loopback (or a unix socket): TLS is terminated by the reverse proxy in front.
bind = _env("BIND", "127.0.0.1:8000")
# Sync workers: the application is request/response with short database work. 2 per core + 1.
workers = int(_env("WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
# A request that takes longer is a bug or an attack; PDF reports stay well under it.
timeout = int(_env("TIMEOUT", "30"))
graceful_timeout = int(_env("GRACEFUL_TIMEOUT", "30"))
keepalive = int(_env("KEEPALIVE", "5"))
# Recycle workers now and then (jitter, so they do not all restart together): bounds the
# damage of any slow memory growth.
max_requests = int(_env("MAX_REQUESTS", "2000"))
max_requests_jitter = int(_env("MAX_REQUESTS_JITTER", "200"))
# Import the application before forking: faster worker start, shared memory pages.
preload_app = True
# Limits on the request line and headers (gunicorn's defaults, stated so they are reviewed).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# Trust X-Forwarded-* only from the proxy on this machine (or list its address).
forwarded_allow_ips = _env("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Logs to stdout/stderr for the supervisor (journald, the container runtime).
accesslog = "-"
errorlog = "-"
loglevel = _env("LOGLEVEL", "info")
# No client address or query string beyond what the access log needs: %(r)s is the request
# line; the receipt codes of anonymous reporters are never in a URL, so nothing secret is logged.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
proc_name = "uitvoerbaar"
# Temporary worker heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108


def on_starting(server: object) -> None:
    """No server banner. gunicorn writes `Server: gunicorn` on every response, with no setting
    to turn it off; the master drops it from the default headers before the workers fork.
    (Behind nginx, `proxy_hide_header Server;` with `server_tokens off;` does the same for the
    proxy's own banner.)"""
    _zonder_server_kop()


def _zonder_server_kop() -> None:
    from gunicorn.http import wsgi

    origineel = wsgi.Response.default_headers
    if getattr(origineel, "_zonder_server", False):
        return

    def default_headers(self: wsgi.Response) -> list[str]:
        return [h for h in origineel(self) if not h.lower().startswith("server:")]

    default_headers._zonder_server = True  # type: ignore[attr-defined]
    wsgi.Response.default_headers = default_headers  # type: ignore[method-assign]

"""Browser tests: real Chromium (Debian's, never a downloaded one) driven by Playwright against
pytest-django's live server, with axe-core accessibility checks.

How the database is shared with the live server, reliably, also under pytest-xdist and on
PostgreSQL:

- The live server runs in a thread of the test process and answers each request in a thread
  of its own. With Django's default in-memory SQLite test database all those threads share a
  single connection, and two requests at once (a page and the browser's favicon request) can
  then break each other. So when the browser tests take part in a run on SQLite, the test
  database is a file in a fresh temporary folder (per process, so xdist workers and runs in
  other checkouts never meet); every thread opens its own connection to it, as in production.
  `pytest_configure` below sets it before any fixture runs; pytest-django then appends the
  xdist worker suffix (`_gw0`, `_gw1`) itself.
- On PostgreSQL nothing changes: each thread has its own connection to the test database.
- The tests use `django_db(transaction=True)`: data is committed, so the server thread sees it,
  and the teardown empties the tables (the append-only audit tables included, see
  `uitvoerbaar.audit.testing`).
- Playwright's sync API runs an asyncio event loop in the test thread, which trips Django's
  "async unsafe" guard on every ORM call made from a test. The guard protects real async code;
  these tests are synchronous, so it is switched off for the browser test processes.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("UITVOERBAAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

_tijdelijke_map: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _tijdelijke_map
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    default = settings.DATABASES["default"]
    test = default.setdefault("TEST", {})
    if default["ENGINE"] == "django.db.backends.sqlite3" and not test.get("NAME"):
        _tijdelijke_map = tempfile.mkdtemp(prefix="uitvoerbaar-browsertest-")
        test["NAME"] = str(Path(_tijdelijke_map) / "test.sqlite3")


def pytest_unconfigure(config: pytest.Config) -> None:
    if _tijdelijke_map:
        shutil.rmtree(_tijdelijke_map, ignore_errors=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium per test process. Playwright starts it with a fresh, temporary user data
    dir (profile) of its own and removes it when the browser closes."""
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: run scripts/ensure-chromium.")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A new browser context per test (no cookies carried over), Dutch first, and failing on
    any JavaScript error or Content Security Policy violation the page reports."""
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    pagina = context.new_page()
    fouten: list[str] = []
    pagina.on("pageerror", lambda exc: fouten.append(f"JavaScript-fout: {exc}"))

    def _console(msg: Any) -> None:
        if msg.type == "error" and re.search(r"Content Security Policy", msg.text):
            fouten.append(f"CSP: {msg.text}")

    pagina.on("console", _console)
    yield pagina
    context.close()
    assert not fouten, "\n".join(fouten)


def inloggen(page: Any, username: str, wachtwoord: str) -> None:
    """Fill in and send the login form the way a person does."""
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def inloggen_met_tweede_factor(page: Any, gebruiker: Any) -> None:
    """Log in a person whose role needs the second factor, with a code from their device
    (a confirmed TOTP device is made when they have none)."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from uitvoerbaar.core.tests.factories import WACHTWOORD, totp_device

    device = TOTPDevice.objects.filter(user=gebruiker, confirmed=True).first()
    device = device or totp_device(gebruiker)
    inloggen(page, gebruiker.username, WACHTWOORD)
    assert "/inloggen/tweede-factor/" in page.url
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.get_by_label("Code uit uw authenticator-app").fill(f"{code:0{device.digits}d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/start/"), page.url

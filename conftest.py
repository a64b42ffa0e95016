"""Fixtures for the whole suite (apps under src/ and the tests under tests/)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# Transactional and live-server tests empty every table on teardown; the append-only
# triggers of the audit tables must let that through (see uitvoerbaar.audit.testing).
from uitvoerbaar.audit.testing import audit_flush_toestaan  # noqa: F401


@pytest.fixture(autouse=True)
def _taal_herstellen() -> Iterator[None]:
    """LocaleMiddleware activates the request's language in the test thread and nothing turns
    it off again; after a test that switched to English, restore the language it started with,
    so later tests in the same process (xdist worker) still get Dutch messages."""
    from django.utils import translation

    voor = translation.get_language()
    yield
    if voor:
        translation.activate(voor)
    else:
        translation.deactivate()


@pytest.fixture(autouse=True)
def _cache_legen() -> Iterator[None]:
    """Rate limits count in the cache (per client address, and every test client has the same
    address): start each test with an empty cache, so one test's attempts never limit another."""
    from django.core.cache import cache

    cache.clear()
    yield

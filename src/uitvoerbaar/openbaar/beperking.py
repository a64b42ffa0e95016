"""Rate limit of the rechtenwijzer's search, per client address (the same address rule as the
platform's other public doors, `signalen.beperking.adres`): each search is a few LIKE queries,
so a flood from one address could slow the portal for everyone. At most
OPENBAAR_ZOEKEN_PER_MINUUT searches per address per minute; the count lives in the cache
(Redis when CACHE_URL is set, so it holds across server processes)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from uitvoerbaar.signalen.beperking import adres

MINUUT = 60
STANDAARD_PER_MINUUT = 30


def per_minuut() -> int:
    return int(getattr(settings, "OPENBAAR_ZOEKEN_PER_MINUUT", STANDAARD_PER_MINUUT))


def zoeken_toegestaan(request: HttpRequest) -> bool:
    """Count one search from this address; False once this minute's quota is used."""
    sleutel = f"openbaar:zoeken:{adres(request)}"
    if cache.add(sleutel, 1, timeout=MINUUT):
        return True
    try:
        aantal = int(cache.incr(sleutel))
    except ValueError:  # expired between add and incr
        cache.add(sleutel, 1, timeout=MINUUT)
        return True
    return aantal <= per_minuut()

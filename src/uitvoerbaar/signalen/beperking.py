"""Rate limits of the public doors of the signalen app.

- Receipt codes: guessing a 16-digit code must be slow and fruitless. Wrong codes are counted per
  client address; after SIGNALEN_BON_POGINGEN wrong codes within SIGNALEN_BON_VENSTER seconds, no
  code from that address is looked up until the window ends. The messages say nothing about why
  a code is wrong.
- Anonymous intake: each one costs an Argon2 hash of 64 MiB, so a flood of them could exhaust the
  server. At most SIGNALEN_ANONIEM_PER_UUR per address per hour.

Counts live in the cache (Redis when CACHE_URL is set, so the limit holds across server
processes). The client address is REMOTE_ADDR, or, behind a reverse proxy, the last address the
proxy appended to the header named by SIGNALEN_ADRES_KOP (e.g. HTTP_X_FORWARDED_FOR): never the
first, which the client writes itself. Check and count are two cache calls, so parallel requests
may pass the limit by a few; the limit is a brake on guessing, not an exact quota."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

MELDING_ONBEKEND = _(
    "Met deze code vinden wij geen signaal. Controleer de cijfers en probeer het opnieuw."
)
MELDING_TE_VEEL = _("Te veel pogingen vanaf uw adres. Wacht even en probeer het later opnieuw.")
MELDING_TE_VEEL_MELDINGEN = _(
    "Er zijn vanaf uw adres veel anonieme signalen gemeld. Probeer het over een uur opnieuw."
)
UUR = 3600


def adres(request: HttpRequest) -> str:
    kop = getattr(settings, "SIGNALEN_ADRES_KOP", "")
    if kop and request.META.get(kop):
        return str(request.META[kop]).split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def _sleutel(soort: str, request: HttpRequest) -> str:
    return f"signalen:{soort}:{adres(request)}"


def _tel(sleutel: str, venster: int) -> int:
    if cache.add(sleutel, 1, timeout=venster):
        return 1
    try:
        return int(cache.incr(sleutel))
    except ValueError:  # expired between add and incr
        cache.add(sleutel, 1, timeout=venster)
        return 1


def pogingen_over(request: HttpRequest) -> bool:
    """True when this address has used up its wrong codes: refuse without looking up."""
    return int(cache.get(_sleutel("bon", request), 0)) >= settings.SIGNALEN_BON_POGINGEN


def registreer_mislukt(request: HttpRequest) -> None:
    _tel(_sleutel("bon", request), settings.SIGNALEN_BON_VENSTER)


def anoniem_melden_toegestaan(request: HttpRequest) -> bool:
    """Count one anonymous intake from this address; False once the hour's quota is used."""
    return _tel(_sleutel("anoniem", request), UUR) <= settings.SIGNALEN_ANONIEM_PER_UUR

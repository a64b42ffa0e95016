"""Rate limit for receipt codes: guessing a 16-digit code must be slow and fruitless.

Wrong codes are counted per client address in the cache (Redis when CACHE_URL is set, so the
limit holds across server processes). After SIGNALEN_BON_POGINGEN wrong codes within
SIGNALEN_BON_VENSTER seconds, no code from that address is looked up until the window ends.
The messages say nothing about why a code is wrong."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

MELDING_ONBEKEND = _(
    "Met deze code vinden wij geen signaal. Controleer de cijfers en probeer het opnieuw."
)
MELDING_TE_VEEL = _("Te veel pogingen. Probeer het over een kwartier opnieuw.")


def _sleutel(request: HttpRequest) -> str:
    return f"signalen:bon:{request.META.get('REMOTE_ADDR', '')}"


def pogingen_over(request: HttpRequest) -> bool:
    """True when this address has used up its wrong attempts: refuse without looking up."""
    return int(cache.get(_sleutel(request), 0)) >= settings.SIGNALEN_BON_POGINGEN


def registreer_mislukt(request: HttpRequest) -> None:
    sleutel = _sleutel(request)
    if cache.add(sleutel, 1, timeout=settings.SIGNALEN_BON_VENSTER):
        return
    try:
        cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.add(sleutel, 1, timeout=settings.SIGNALEN_BON_VENSTER)

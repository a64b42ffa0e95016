"""Search text normalisation, shared by the loaders (which store it) and the selectors (which
query it). Lowercasing and accent folding happen in Python, so that search behaves the same on
SQLite (whose LIKE and lower() only know ASCII) and PostgreSQL."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def schoon(waarde: str, *, maximum: int = 200) -> str:
    """A filter value from a request, safe to query with: a NUL character (which PostgreSQL
    refuses in text) becomes U+FFFD, which no code or text contains, so it matches nothing
    instead of failing; and the value is cut to a sane length."""
    return waarde.replace("\x00", "\ufffd")[:maximum]


def normaliseer(tekst: str) -> str:
    """Casefold and drop accents: 'Geïnformeerd' and 'geinformeerd' compare equal."""
    gevouwen = unicodedata.normalize("NFKD", tekst.casefold())
    return "".join(teken for teken in gevouwen if not unicodedata.combining(teken))


def zoektekst(delen: Iterable[str]) -> str:
    """One searchable string from the parts of a record."""
    return normaliseer("\n".join(deel for deel in delen if deel))


def zoekwoorden(query: str, *, maximum: int = 8) -> list[str]:
    """The words of a query, normalised; every word must occur (AND). Capped, so that a long
    pasted text cannot make the query arbitrarily large."""
    return normaliseer(schoon(query)).split()[:maximum]

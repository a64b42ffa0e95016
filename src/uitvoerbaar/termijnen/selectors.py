"""Reads for deadlines: the vrije dagen kept as data, and the end date of a term."""

from __future__ import annotations

from datetime import date

from .models import GelijkgesteldeDag, Sluitingsdag
from .rekenen import Eenheid, einddatum


def vrije_dagen(*, organisatie_id: int | None) -> frozenset[date]:
    """The days made equal to feestdagen by decree (art. 3 lid 3 Algemene termijnenwet) and,
    when an organisation is given, its closing days. One query (a UNION with an organisation:
    every new deadline asks this, so every round trip counts at intake)."""
    dagen = GelijkgesteldeDag.objects.order_by().values_list("datum", flat=True)
    if organisatie_id is not None:
        dagen = dagen.union(
            Sluitingsdag.objects.filter(organisatie_id=organisatie_id)  # type: ignore[arg-type]
            .order_by()
            .values_list("datum", flat=True),
            all=True,
        )
    return frozenset(dagen)


def uiterste_datum(
    *,
    start: date,
    aantal: int,
    eenheid: Eenheid | str,
    organisatie_id: int | None = None,
) -> date:
    """The last day of a term of `aantal` `eenheid` after `start` (Algemene termijnenwet), with
    the gelijkgestelde dagen and the closing days of the organisation responsible for the term
    as vrije dagen. At most two queries."""
    return einddatum(
        start,
        aantal,
        Eenheid(eenheid),
        extra_vrije_dagen=vrije_dagen(organisatie_id=organisatie_id),
    )

"""Precedent lookup: the similar earlier decided deviations on the same article, best first.

The database does the narrowing with the index on (artikel, status, beoordeeld_op): decided
cases on this article that the asker may see, newest first, at most KANDIDATEN of them. The
similarity is scored in Python (`gelijkenis`), so the result is the same on SQLite and
PostgreSQL and the cost per lookup is bounded whatever the size of the register."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .constants import Beslissing
from .gelijkenis import DREMPEL, Casus, rangschik, trigrammen
from .models import Afwijking
from .transitions import BESLIST

KANDIDATEN = 500
AANTAL = 5


@dataclass(frozen=True)
class Precedent:
    afwijking: Afwijking
    score: float
    # Another organisation's case, shared anonymised: no organisation, no people, no link.
    anoniem: bool

    @property
    def beslissing(self) -> Beslissing | None:
        return self.afwijking.beslissing

    @property
    def vergelijkbaar(self) -> bool:
        return self.score >= DREMPEL


def zichtbaar_filter(organisatie_ids: Iterable[int]) -> Q:
    """Own organisations' deviations, and others' when that organisation shares precedents."""
    return Q(organisatie_id__in=list(organisatie_ids)) | Q(
        organisatie__afwijkingsinstelling__precedenten_delen=True
    )


def kandidaten(
    *, artikel_id: int, organisatie_ids: Iterable[int], behalve: int | None = None
) -> QuerySet[Afwijking]:
    qs = (
        Afwijking.objects.filter(artikel_id=artikel_id, status__in=list(BESLIST))
        .filter(zichtbaar_filter(organisatie_ids))
        .order_by("-beoordeeld_op", "-pk")
    )
    if behalve is not None:
        qs = qs.exclude(pk=behalve)
    return qs


_VELDEN = (
    "pk",
    "organisatie_id",
    "huishouden",
    "inkomensband",
    "knelpunt",
    "bedrag",
    "grond_id",
    "zoektokens",
)


def zoek(
    *,
    casus: Casus,
    artikel_id: int,
    organisatie_ids: Iterable[int],
    behalve: int | None = None,
    aantal: int = AANTAL,
    alleen_vergelijkbaar: bool = False,
) -> list[Precedent]:
    """The `aantal` most similar decided cases on this article, best first. Two queries: the
    facets and stems of the candidates (no full rows), then the full rows of the best."""
    eigen = set(organisatie_ids)
    rijen = kandidaten(artikel_id=artikel_id, organisatie_ids=eigen, behalve=behalve).values_list(
        *_VELDEN
    )[:KANDIDATEN]
    gescoord = rangschik(
        casus,
        [
            (pk, Casus(huishouden, inkomen, knelpunt, bedrag, grond_id, trigrammen(tokens.split())))
            for pk, _org, huishouden, inkomen, knelpunt, bedrag, grond_id, tokens in rijen
        ],
    )
    gescoord.sort(key=lambda x: (-x[1], -x[0]))
    if alleen_vergelijkbaar:
        gescoord = [x for x in gescoord if x[1] >= DREMPEL]
    beste = gescoord[:aantal]
    if not beste:
        return []
    volledig = Afwijking.objects.select_related("grond", "organisatie").in_bulk(
        [pk for pk, _s in beste]
    )
    return [
        Precedent(afwijking=volledig[pk], score=s, anoniem=volledig[pk].organisatie_id not in eigen)
        for pk, s in beste
    ]


def voor_afwijking(
    afwijking: Afwijking, *, organisatie_ids: Iterable[int] | None = None
) -> list[Precedent]:
    ids = list(organisatie_ids) if organisatie_ids is not None else [afwijking.organisatie_id]
    return zoek(
        casus=afwijking.als_casus(),
        artikel_id=afwijking.artikel_id,
        organisatie_ids=ids,
        behalve=afwijking.pk,
    )


def anders_beslist(precedenten: Iterable[Precedent], beslissing: Beslissing) -> list[Precedent]:
    """Similar cases of the own organisation decided otherwise than `beslissing`: the
    equal-treatment alert (the gelijkheidsbeginsel binds an organisation to its own earlier
    decisions; shared cases of others are shown, but do not raise it)."""
    return [
        p
        for p in precedenten
        if p.vergelijkbaar and not p.anoniem and p.beslissing not in (None, beslissing)
    ]

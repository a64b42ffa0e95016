"""Measuring precedent search on the labelled test set (tests/data/precedenten_testset.json):
the cases are stored as decided deviations of one organisation, and every case asks the real
lookup (`precedenten.zoek`, through the database) for its five most similar. Used by the test
that guards the quality and by `benchmarks/precedenten.py`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.kennisbank.constants import AfwijkingsgrondSoort
from uitvoerbaar.kennisbank.models import Afwijkingsgrond, Artikel, Regeling

from . import gelijkenis, precedenten
from .constants import AfwijkingStatus
from .models import Afwijking


@dataclass(frozen=True)
class Uitslag:
    recall_at_5: float
    precision_at_5: float
    vragen: int


def laad(
    gevallen: list[dict[str, Any]], *, organisatie: Organisatie, regeling: Regeling, door: Gebruiker
) -> dict[int, Afwijking]:
    """Store the test cases as decided deviations (bulk, without the services: this is a
    measurement fixture, not data anyone registered). Returns them by test-set id."""
    artikelen = {
        nummer: Artikel.objects.get_or_create(regeling=regeling, nummer=nummer)[0]
        for nummer in sorted({g["artikel"] for g in gevallen})
    }
    grond, _nieuw = Afwijkingsgrond.objects.get_or_create(
        regeling=regeling,
        sleutel="awb-3:4-lid-2",
        defaults={"soort": AfwijkingsgrondSoort.EVENREDIGHEID, "omschrijving": "Evenredigheid."},
    )
    nu = timezone.now()
    rijen = [
        Afwijking(
            organisatie=organisatie,
            regeling=regeling,
            artikel=artikelen[g["artikel"]],
            grond=grond,
            bedoeling="",
            casus=g["tekst"],
            alternatief="",
            motivering="Test.",
            huishouden=g["huishouden"],
            inkomensband=g["inkomensband"],
            knelpunt=g["knelpunt"],
            bedrag=Decimal(g["bedrag"]) if g["bedrag"] is not None else None,
            status=AfwijkingStatus.GOEDGEKEURD,
            geregistreerd_door=door,
            beoordeeld_op=nu,
            zoektokens=" ".join(gelijkenis.tokens([g["tekst"]])),
        )
        for g in gevallen
    ]
    opgeslagen = Afwijking.objects.bulk_create(rijen)
    return {g["id"]: a for g, a in zip(gevallen, opgeslagen, strict=True)}


def meet(gevallen: list[dict[str, Any]], opgeslagen: dict[int, Afwijking]) -> Uitslag:
    """recall@5: the share of a case's relevant precedents (its group, at most five) among
    the five returned; precision@5: the share of the five returned that are relevant."""
    groep = {g["id"]: g["groep"] for g in gevallen}
    per_afwijking = {a.pk: groep[i] for i, a in opgeslagen.items()}
    recall = precisie = 0.0
    for g in gevallen:
        afwijking = opgeslagen[g["id"]]
        relevant = sum(1 for h in gevallen if h["groep"] == g["groep"] and h["id"] != g["id"])
        gevonden = precedenten.zoek(
            casus=afwijking.als_casus(),
            artikel_id=afwijking.artikel_id,
            organisatie_ids=[afwijking.organisatie_id],
            behalve=afwijking.pk,
        )
        raak = sum(1 for p in gevonden if per_afwijking[p.afwijking.pk] == g["groep"])
        recall += raak / min(5, relevant)
        precisie += raak / 5
    return Uitslag(
        recall_at_5=round(recall / len(gevallen), 3),
        precision_at_5=round(precisie / len(gevallen), 3),
        vragen=len(gevallen),
    )

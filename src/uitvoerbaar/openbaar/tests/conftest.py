"""Fixtures of the portal's tests: the response duty's small world (a ministry, two executive
organisations, people in the roles that ask and answer), and a kennisbank with regulations,
rights statements and life events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import time_machine

from uitvoerbaar.kennisbank.constants import RechtSoort
from uitvoerbaar.kennisbank.models import Levensgebeurtenis, Regeling
from uitvoerbaar.kennisbank.tests.factories import (
    ArtikelFactory,
    RechtuitspraakFactory,
    RegelingFactory,
)
from uitvoerbaar.responsplicht.tests.conftest import (  # noqa: F401 - fixtures
    beginsel,
    maak_verzoek,
    wereld,
)

MAANDAG = dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with time_machine.travel(MAANDAG, tick=False):
        yield


@dataclass
class Kennis:
    zorgtoeslag: Regeling
    ww: Regeling
    werk: Levensgebeurtenis


@pytest.fixture
def kennis(db: None) -> Kennis:
    zorg = RegelingFactory.create(
        code="wet-op-de-zorgtoeslag",
        naam="Wet op de zorgtoeslag",
        bwb_id="BWBR0018451",
        bedoeling="Mensen met een laag inkomen helpen hun zorgverzekering te betalen.",
    )
    artikel = ArtikelFactory.create(regeling=zorg, nummer="2")
    RechtuitspraakFactory.create(
        regeling=zorg,
        artikel=artikel,
        soort=RechtSoort.WEL,
        tekst="U krijgt zorgtoeslag als uw inkomen laag genoeg is.",
    )
    RechtuitspraakFactory.create(
        regeling=zorg,
        soort=RechtSoort.NIET,
        tekst="U krijgt geen zorgtoeslag als u niet verzekerd bent.",
    )
    ww = RegelingFactory.create(
        code="werkloosheidswet",
        naam="Werkloosheidswet",
        bwb_id="BWBR0004045",
        bedoeling="Inkomen tijdens het zoeken naar nieuw werk.",
    )
    RechtuitspraakFactory.create(
        regeling=ww, soort=RechtSoort.WEL, tekst="U krijgt een WW-uitkering na ontslag."
    )
    werk = Levensgebeurtenis.objects.create(
        slug="werk-verliezen",
        naam="Uw werk verliezen",
        omschrijving="U bent ontslagen of uw contract stopt.",
        zoektekst="uw werk verliezen\nu bent ontslagen of uw contract stopt.",
    )
    werk.regelingen.set([ww, zorg])
    return Kennis(zorgtoeslag=zorg, ww=ww, werk=werk)

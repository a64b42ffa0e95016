"""A small world for services and means: a ministry owning an executive organisation, another
executive organisation, people in the roles that manage, decide and read, and a service whose
indicators follow known linear relations to budget, FTE and volume."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol
from uitvoerbaar.dienstverlening import services
from uitvoerbaar.dienstverlening.models import Dienst, Indicator

# The true relations of the synthetic service (budget in mln euro, volume in thousands).
DOORLOOPTIJD = (40.0, -1.6, -0.05, 0.3)  # intercept, budget, fte, volume; lower is better
BEREIKBAARHEID = (38.0, 2.5, 0.2, -0.6)  # higher is better


def synthetische_csv(n: int = 12, *, seed: int = 3, ruis: float = 0.3) -> str:
    rng = np.random.default_rng(seed)
    regels = ["periode,budget,fte,volume,doorlooptijd (dagen),bereikbaarheid (procent)"]
    for i in range(n):
        b = 12.0 + rng.uniform(-1, 1)
        f = 180 + rng.uniform(-10, 10)
        v = 40 + rng.uniform(-3, 3)
        d = DOORLOOPTIJD[0] + DOORLOOPTIJD[1] * b + DOORLOOPTIJD[2] * f + DOORLOOPTIJD[3] * v
        r = BEREIKBAARHEID[0] + BEREIKBAARHEID[1] * b + BEREIKBAARHEID[2] * f
        r += BEREIKBAARHEID[3] * v
        jaar, maand = 2020 + i // 12, i % 12 + 1
        regels.append(
            f"{jaar}-{maand:02d},{round(b * 1e6)},{f:.2f},{round(v * 1000)},"
            f"{d + rng.normal(0, ruis):.3f},{r + rng.normal(0, ruis):.3f}"
        )
    return "\n".join(regels) + "\n"


@dataclass
class Wereld:
    ministerie: Organisatie
    uitvoerder: Organisatie
    andere: Organisatie
    beheerder: Gebruiker
    behandelaar: Gebruiker
    bestuur: Gebruiker
    medewerker: Gebruiker
    beleidsmaker: Gebruiker
    bestuur_andere: Gebruiker
    beleidsmaker_ander_ministerie: Gebruiker
    dienst: Dienst
    doorlooptijd: Indicator
    bereikbaarheid: Indicator


@pytest.fixture
def wereld(db: None) -> Wereld:
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Test", slug="mvt", afkorting="MvT", soort=OrganisatieSoort.MINISTERIE
    )
    ander_ministerie = OrganisatieFactory.create(
        naam="Ander Ministerie", slug="am", soort=OrganisatieSoort.MINISTERIE
    )
    uitvoerder = OrganisatieFactory.create(
        naam="Testuitvoering",
        slug="tu",
        afkorting="TU",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    andere = OrganisatieFactory.create(
        naam="Andere Uitvoering",
        slug="au",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ander_ministerie,
    )
    beheerder = persoon_met_rol(Rol.BEHEERDER, uitvoerder, username="beheerder_tu")
    dienst = services.create_dienst(door=beheerder, organisatie=uitvoerder, naam="Uitkering")
    doorlooptijd = services.create_indicator(
        door=beheerder,
        dienst=dienst,
        code="doorlooptijd",
        naam="Doorlooptijd",
        eenheid="dagen",
        richting="lager_beter",
    )
    bereikbaarheid = services.create_indicator(
        door=beheerder,
        dienst=dienst,
        code="bereikbaarheid",
        naam="Bereikbaarheid",
        eenheid="procent",
        richting="hoger_beter",
    )
    return Wereld(
        ministerie=ministerie,
        uitvoerder=uitvoerder,
        andere=andere,
        beheerder=beheerder,
        behandelaar=persoon_met_rol(Rol.BEHANDELAAR, uitvoerder, username="behandelaar_tu"),
        bestuur=persoon_met_rol(Rol.BESTUUR, uitvoerder, username="bestuur_tu"),
        medewerker=persoon_met_rol(Rol.MEDEWERKER, uitvoerder, username="medewerker_tu"),
        beleidsmaker=persoon_met_rol(Rol.BELEIDSMAKER, ministerie, username="beleid_mvt"),
        bestuur_andere=persoon_met_rol(Rol.BESTUUR, andere, username="bestuur_au"),
        beleidsmaker_ander_ministerie=persoon_met_rol(
            Rol.BELEIDSMAKER, ander_ministerie, username="beleid_am"
        ),
        dienst=dienst,
        doorlooptijd=doorlooptijd,
        bereikbaarheid=bereikbaarheid,
    )


@pytest.fixture
def met_gegevens(wereld: Wereld) -> Wereld:
    """The world with twelve months of synthetic data and two lower bounds."""
    services.import_csv(door=wereld.beheerder, dienst=wereld.dienst, inhoud=synthetische_csv())
    services.set_ondergrens(
        door=wereld.bestuur, indicator=wereld.doorlooptijd, grens=25.0, waarde="Bestaanszekerheid"
    )
    services.set_ondergrens(
        door=wereld.bestuur, indicator=wereld.bereikbaarheid, grens=70.0, waarde="Toegankelijkheid"
    )
    return wereld

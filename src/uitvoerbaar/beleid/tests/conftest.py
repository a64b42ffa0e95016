"""A small world for beleid: a ministry with a policy team, an executive organisation and a
municipality it involves, another executor that is not involved, another ministry, and the
people who ask, answer and judge. The real kinds of request are loaded from soorten.json."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import EenheidFactory, OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory
from uitvoerbaar.responsplicht.laden import load_soorten

from .. import services
from ..constants import Haalbaarheid, Toetsoordeel
from ..models import Beleidsvoorstel, Opdracht, Uitvoeringstoets


@dataclass
class Wereld:
    ministerie: Organisatie
    team: Eenheid
    uitvoerder: Organisatie
    gemeente: Organisatie
    andere_uitvoerder: Organisatie
    ander_ministerie: Organisatie
    beleidsmaker: Gebruiker
    beleidsmaker_elders: Gebruiker
    top: Gebruiker
    minister: Gebruiker
    behandelaar: Gebruiker
    bestuur: Gebruiker
    medewerker: Gebruiker
    behandelaar_gemeente: Gebruiker
    bestuur_andere: Gebruiker
    beginsel: Beginsel


@pytest.fixture
def wereld(db: None) -> Wereld:
    load_soorten()
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Test", slug="mvt", soort=OrganisatieSoort.MINISTERIE
    )
    ander = OrganisatieFactory.create(
        naam="Ministerie van Elders", slug="mve", soort=OrganisatieSoort.MINISTERIE
    )
    uitvoerder = OrganisatieFactory.create(
        naam="Testuitvoering",
        slug="tu",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    gemeente = OrganisatieFactory.create(
        naam="Gemeente Testdorp", slug="testdorp", soort=OrganisatieSoort.MEDEOVERHEID
    )
    andere = OrganisatieFactory.create(
        naam="Andere Uitvoering",
        slug="au",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    team = EenheidFactory.create(organisatie=ministerie, naam="Directie Testbeleid")
    return Wereld(
        ministerie=ministerie,
        team=team,
        uitvoerder=uitvoerder,
        gemeente=gemeente,
        andere_uitvoerder=andere,
        ander_ministerie=ander,
        beleidsmaker=persoon_met_rol(Rol.BELEIDSMAKER, ministerie, username="beleidsmaker"),
        beleidsmaker_elders=persoon_met_rol(Rol.BELEIDSMAKER, ander, username="elders"),
        top=persoon_met_rol(Rol.AMBTELIJKE_TOP, ministerie, username="top"),
        minister=persoon_met_rol(Rol.BEWINDSPERSOON, ministerie, username="minister"),
        behandelaar=persoon_met_rol(Rol.BEHANDELAAR, uitvoerder, username="behandelaar"),
        bestuur=persoon_met_rol(Rol.BESTUUR, uitvoerder, username="bestuur"),
        medewerker=persoon_met_rol(Rol.MEDEWERKER, uitvoerder, username="medewerker"),
        behandelaar_gemeente=persoon_met_rol(Rol.BEHANDELAAR, gemeente, username="gemeente"),
        bestuur_andere=persoon_met_rol(Rol.BESTUUR, andere, username="bestuur_andere"),
        beginsel=BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid"),
    )


@pytest.fixture
def maak_voorstel(wereld: Wereld) -> Callable[..., Beleidsvoorstel]:
    def maak(**kwargs: Any) -> Beleidsvoorstel:
        velden: dict[str, Any] = {
            "door": wereld.beleidsmaker,
            "ministerie": wereld.ministerie,
            "titel": "Eenvoudiger bijstand",
            "samenvatting": "Minder regels voor de bijstand.",
            "betrokken": [wereld.uitvoerder, wereld.gemeente],
            "beleidsteam": wereld.team,
            "beoogde_invoering": dt.date(2027, 1, 1),
        }
        velden.update(kwargs)
        return services.create_voorstel(**velden)

    return maak


TOETS_VELDEN: dict[str, Any] = {
    "uitvoerbaarheid": "Alleen met een nieuw systeem.",
    "handhaafbaarheid": "Goed te handhaven.",
    "doenvermogen": "Burgers moeten elke maand gegevens doorgeven; dat lukt velen niet.",
    "gevolgen_burgers": "Meer terugvorderingen.",
    "capaciteit_kosten": "Veertig extra mensen.",
    "kosten_eenmalig": 2_000_000,
    "kosten_structureel": 500_000,
    "ict_wijzigingen": "Nieuwe koppeling met de gemeenten.",
    "invoeringsdatum_haalbaar": False,
    "vroegst_haalbare_datum": dt.date(2027, 7, 1),
    "ondergrenzen": "Bereikbaarheid van de telefoon.",
    "oordeel": Toetsoordeel.ONDER_VOORWAARDEN,
    "samenvatting": "Uitvoerbaar als de invoering een half jaar later is.",
}


@pytest.fixture
def maak_toets(wereld: Wereld) -> Callable[..., Uitvoeringstoets]:
    def maak(
        voorstel: Beleidsvoorstel, *, publiceren: bool = True, **kwargs: Any
    ) -> Uitvoeringstoets:
        velden = {**TOETS_VELDEN, **kwargs.pop("velden", {})}
        bevindingen = kwargs.pop(
            "bevindingen",
            {b.pk: (Haalbaarheid.HAALBAAR, "") for b in voorstel.beloften.all()},
        )
        toets = services.save_toets(
            voorstel=voorstel,
            organisatie=kwargs.pop("organisatie", wereld.uitvoerder),
            door=kwargs.pop("door", wereld.behandelaar),
            velden=velden,
            voorwaarden=kwargs.pop("voorwaarden", ["Invoering op 1 juli 2027."]),
            bevindingen=bevindingen,
        )
        if publiceren:
            toets = services.publish_toets(toets=toets, door=wereld.behandelaar)
        return toets

    return maak


@pytest.fixture
def maak_opdracht(wereld: Wereld) -> Callable[..., Opdracht]:
    def maak(**kwargs: Any) -> Opdracht:
        velden: dict[str, Any] = {
            "door": wereld.beleidsmaker,
            "ministerie": wereld.ministerie,
            "uitvoerder": wereld.uitvoerder,
            "titel": "Nieuwe inkomenstoets invoeren",
            "omschrijving": "Voer de inkomenstoets in voor alle uitkeringen.",
            "wettelijke_grondslag": "art. 4 Participatiewet",
            "deadline": services.vandaag() + dt.timedelta(days=90),
            "budget": 1_000_000,
            "beleidsteam": wereld.team,
        }
        velden.update(kwargs)
        return services.create_opdracht(**velden)

    return maak


def events(prefix: str) -> list[str]:
    return list(
        AuditEvent.objects.filter(event__startswith=prefix)
        .order_by("volgnummer")
        .values_list("event", flat=True)
    )

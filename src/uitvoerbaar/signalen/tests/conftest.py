"""A small world for signals: a ministry owning an executive organisation with a unit, another
executive organisation, the real kinds of request, and people in every role concerned."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory
from uitvoerbaar.responsplicht.laden import load_soorten
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.models import Signaal

# A name that must never appear anywhere but in the custodian's view.
GEHEIME_NAAM = "Zwaluwstaart Vertrouwelijk-Geheim"


@dataclass
class Wereld:
    ministerie: Organisatie
    uitvoerder: Organisatie
    andere: Organisatie
    eenheid: Eenheid
    medewerker: Gebruiker
    klokkenluider: Gebruiker
    behandelaar: Gebruiker
    vertrouwenspersoon: Gebruiker
    bestuur: Gebruiker
    top: Gebruiker
    behandelaar_andere: Gebruiker
    beginsel: Beginsel


@pytest.fixture
def wereld(db: None) -> Wereld:
    load_soorten()
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Test", slug="mvt", soort=OrganisatieSoort.MINISTERIE
    )
    uitvoerder = OrganisatieFactory.create(
        naam="Testuitvoering",
        slug="tu",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    andere = OrganisatieFactory.create(
        naam="Andere Uitvoering",
        slug="au",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    eenheid = Eenheid.objects.create(organisatie=uitvoerder, naam="Team Toeslagen")
    klokkenluider = persoon_met_rol(
        Rol.MEDEWERKER,
        uitvoerder,
        username="klokkenluider",
        gebruiker__first_name="Zwaluwstaart",
        gebruiker__last_name="Vertrouwelijk-Geheim",
        gebruiker__email="zwaluwstaart@example.org",
    )
    return Wereld(
        ministerie=ministerie,
        uitvoerder=uitvoerder,
        andere=andere,
        eenheid=eenheid,
        medewerker=persoon_met_rol(Rol.MEDEWERKER, uitvoerder, username="medewerker"),
        klokkenluider=klokkenluider,
        behandelaar=persoon_met_rol(Rol.BEHANDELAAR, uitvoerder, username="behandelaar"),
        vertrouwenspersoon=persoon_met_rol(
            Rol.VERTROUWENSPERSOON, uitvoerder, username="vertrouwenspersoon"
        ),
        bestuur=persoon_met_rol(Rol.BESTUUR, uitvoerder, username="bestuur"),
        top=persoon_met_rol(Rol.AMBTELIJKE_TOP, ministerie, username="top"),
        behandelaar_andere=persoon_met_rol(Rol.BEHANDELAAR, andere, username="behandelaar_andere"),
        beginsel=BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid"),
    )


@pytest.fixture
def meld(wereld: Wereld) -> Callable[..., services.Melding]:
    """Submit a signal; named by the medewerker unless told otherwise."""

    def maak(**kwargs: Any) -> services.Melding:
        velden: dict[str, Any] = {
            "door": wereld.medewerker,
            "kanaal": "benoemd",
            "organisatie": wereld.uitvoerder,
            "titel": "Terugvordering kinderopvangtoeslag bij kleine fout",
            "tekst": "Een gezin moet alles terugbetalen door een fout van twee euro.",
        }
        velden.update(kwargs)
        return services.submit_signaal(**velden)

    return maak


@pytest.fixture
def vertrouwelijk(wereld: Wereld, meld: Callable[..., services.Melding]) -> Signaal:
    return meld(
        door=wereld.klokkenluider,
        kanaal="vertrouwelijk",
        titel="Druk om bezwaren af te wijzen",
        tekst="Leidinggevenden vragen ons bezwaren zonder inhoudelijke toets af te wijzen.",
    ).signaal

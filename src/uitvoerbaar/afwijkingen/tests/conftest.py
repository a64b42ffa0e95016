"""A small world for deviations: a ministry owning a regulation with an article and legal
bases, the executive organisation carrying it out with a professional, a handler and a board,
another executive organisation, and the response duty kinds (for aanvechtingen)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.constants import AfwijkingsgrondSoort, RegelingSoort
from uitvoerbaar.kennisbank.models import Afwijkingsgrond, Artikel, Beginsel, Regeling
from uitvoerbaar.kennisbank.tests.factories import (
    AfwijkingsgrondFactory,
    ArtikelFactory,
    BeginselFactory,
    RegelingFactory,
)
from uitvoerbaar.responsplicht.laden import load_soorten

from .. import services
from ..models import Afwijking

PERSPECTIEVEN = {
    "juridisch_oordeel": "geen_zorgen",
    "financieel_oordeel": "zorgen",
    "financieel_toelichting": "Het kost de organisatie een klein bedrag.",
    "professioneel_oordeel": "geen_zorgen",
    "burger_oordeel": "geen_zorgen",
}


@dataclass
class Wereld:
    ministerie: Organisatie
    uitvoerder: Organisatie
    andere: Organisatie
    regeling: Regeling
    artikel: Artikel
    ander_artikel: Artikel
    hardheid: Afwijkingsgrond
    evenredigheid: Afwijkingsgrond
    medewerker: Gebruiker
    collega: Gebruiker
    behandelaar: Gebruiker
    bestuur: Gebruiker
    beleidsmaker: Gebruiker
    top: Gebruiker
    medewerker_andere: Gebruiker
    behandelaar_andere: Gebruiker
    gelijkheid: Beginsel


@pytest.fixture
def wereld(db: None) -> Wereld:
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Test", slug="mvt", soort=OrganisatieSoort.MINISTERIE
    )
    uitvoerder = OrganisatieFactory.create(
        naam="Testuitvoering", slug="tu", eigenaar_ministerie=ministerie
    )
    andere = OrganisatieFactory.create(
        naam="Andere Uitvoering", slug="au", eigenaar_ministerie=ministerie
    )
    regeling = RegelingFactory.create(
        code="testwet",
        naam="Testwet",
        soort=RegelingSoort.WET,
        eigenaar=ministerie,
        hardheidsclausule="9",
        uitvoerders=[uitvoerder, andere],
    )
    artikel = ArtikelFactory.create(regeling=regeling, nummer="4", titel="Terugvordering")
    ander_artikel = ArtikelFactory.create(regeling=regeling, nummer="5", titel="Termijnen")
    hardheid = AfwijkingsgrondFactory.create(
        regeling=regeling,
        sleutel="hardheidsclausule",
        soort=AfwijkingsgrondSoort.HARDHEIDSCLAUSULE,
        omschrijving="Artikel 9 is een hardheidsclausule.",
        vereisten="Onbillijkheid van overwegende aard.",
    )
    evenredigheid = AfwijkingsgrondFactory.create(
        regeling=regeling,
        sleutel="awb-3:4-lid-2",
        soort=AfwijkingsgrondSoort.EVENREDIGHEID,
        omschrijving="Evenredigheid (art. 3:4 lid 2 Awb).",
    )
    load_soorten()
    return Wereld(
        ministerie=ministerie,
        uitvoerder=uitvoerder,
        andere=andere,
        regeling=regeling,
        artikel=artikel,
        ander_artikel=ander_artikel,
        hardheid=hardheid,
        evenredigheid=evenredigheid,
        medewerker=persoon_met_rol(Rol.MEDEWERKER, uitvoerder, username="medewerker"),
        collega=persoon_met_rol(Rol.MEDEWERKER, uitvoerder, username="collega"),
        behandelaar=persoon_met_rol(Rol.BEHANDELAAR, uitvoerder, username="behandelaar"),
        bestuur=persoon_met_rol(Rol.BESTUUR, uitvoerder, username="bestuur"),
        beleidsmaker=persoon_met_rol(Rol.BELEIDSMAKER, ministerie, username="beleidsmaker"),
        top=persoon_met_rol(Rol.AMBTELIJKE_TOP, ministerie, username="top"),
        medewerker_andere=persoon_met_rol(Rol.MEDEWERKER, andere, username="medewerker_andere"),
        behandelaar_andere=persoon_met_rol(Rol.BEHANDELAAR, andere, username="behandelaar_andere"),
        gelijkheid=BeginselFactory.create(code="abbb-gelijkheid", naam="Gelijkheid"),
    )


CASUS = (
    "Alleenstaande ouder met schulden bij meerdere schuldeisers. De terugvordering van "
    "de te veel betaalde uitkering zou haar onder het bestaansminimum brengen."
)


@pytest.fixture
def registreer(wereld: Wereld) -> Callable[..., Afwijking]:
    """A concept deviation by the professional; keyword arguments override the defaults."""

    def maak(**kwargs: Any) -> Afwijking:
        velden: dict[str, Any] = {
            "door": wereld.medewerker,
            "organisatie": wereld.uitvoerder,
            "artikel": wereld.artikel,
            "grond": wereld.hardheid,
            "bedoeling": "De terugvordering moet eerlijk zijn, niet iemand in armoede duwen.",
            "casus": CASUS,
            "alternatief": "Terugvordering in kleine termijnen van 50 euro per maand.",
            "motivering": "Volledige terugvordering is onevenredig gezien de schulden.",
            "huishouden": "alleenstaande_ouder",
            "inkomensband": "onder_bijstand",
            "knelpunt": "terugvordering",
            "bedrag": "1200",
            "perspectieven": PERSPECTIEVEN,
        }
        velden.update(kwargs)
        return services.register_afwijking(**velden)

    return maak


@pytest.fixture
def beslist(wereld: Wereld, registreer: Callable[..., Afwijking]) -> Callable[..., Afwijking]:
    """A deviation submitted and decided: goedgekeurd (default) or afgewezen."""

    def maak(*, goedkeuren: bool = True, **kwargs: Any) -> Afwijking:
        afwijking = registreer(**kwargs)
        services.submit_afwijking(
            afwijking=afwijking, door=afwijking.geregistreerd_door, verschil_motivering="Anders."
        )
        beoordelaar = (
            wereld.behandelaar
            if afwijking.organisatie_id == wereld.uitvoerder.pk
            else wereld.behandelaar_andere
        )
        if goedkeuren:
            services.approve_afwijking(
                afwijking=afwijking, door=beoordelaar, verschil_motivering="Anders."
            )
        else:
            services.reject_afwijking(
                afwijking=afwijking,
                door=beoordelaar,
                toelichting="Niet onbillijk genoeg.",
                verschil_motivering="Anders.",
            )
        afwijking.refresh_from_db()
        return afwijking

    return maak


def events(obj: Any) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
        .order_by("volgnummer")
        .values_list("event", flat=True)
    )

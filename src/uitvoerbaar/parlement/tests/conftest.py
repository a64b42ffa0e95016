"""A small world for parlement: a parliament with a committee and its members and clerk,
another parliament, two executive organisations with handlers and board, a ministry, and the
real kinds of request (soorten.json)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import EenheidFactory, OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory
from uitvoerbaar.responsplicht.laden import load_soorten

from .. import services
from ..constants import Contactsoort
from ..models import Contactmoment, Kamervraag


@dataclass
class Wereld:
    kamer: Organisatie
    commissie: Eenheid
    andere_kamer: Organisatie
    uitvoerder: Organisatie
    andere_uitvoerder: Organisatie
    ministerie: Organisatie
    kamerlid: Gebruiker
    griffie: Gebruiker
    kamerlid_elders: Gebruiker
    griffie_elders: Gebruiker
    behandelaar: Gebruiker
    bestuur: Gebruiker
    beheerder: Gebruiker
    medewerker: Gebruiker
    behandelaar_andere: Gebruiker
    bestuur_andere: Gebruiker
    beleidsmaker: Gebruiker
    beginsel: Beginsel


@pytest.fixture
def wereld(db: None) -> Wereld:
    load_soorten()
    kamer = OrganisatieFactory.create(
        naam="Tweede Kamer (test)", slug="tk", soort=OrganisatieSoort.PARLEMENT
    )
    andere_kamer = OrganisatieFactory.create(
        naam="Eerste Kamer (test)", slug="ek", soort=OrganisatieSoort.PARLEMENT
    )
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Test", slug="mvt", soort=OrganisatieSoort.MINISTERIE
    )
    uitvoerder = OrganisatieFactory.create(
        naam="Testuitvoering", slug="tu", eigenaar_ministerie=ministerie
    )
    andere = OrganisatieFactory.create(
        naam="Andere Uitvoering", slug="au", eigenaar_ministerie=ministerie
    )
    commissie = EenheidFactory.create(organisatie=kamer, naam="Commissie Werk")
    return Wereld(
        kamer=kamer,
        commissie=commissie,
        andere_kamer=andere_kamer,
        uitvoerder=uitvoerder,
        andere_uitvoerder=andere,
        ministerie=ministerie,
        kamerlid=persoon_met_rol(Rol.KAMERLID, kamer, username="kamerlid"),
        griffie=persoon_met_rol(Rol.GRIFFIE, kamer, username="griffie"),
        kamerlid_elders=persoon_met_rol(Rol.KAMERLID, andere_kamer, username="senator"),
        griffie_elders=persoon_met_rol(Rol.GRIFFIE, andere_kamer, username="griffie_ek"),
        behandelaar=persoon_met_rol(Rol.BEHANDELAAR, uitvoerder, username="behandelaar"),
        bestuur=persoon_met_rol(Rol.BESTUUR, uitvoerder, username="bestuur"),
        beheerder=persoon_met_rol(Rol.BEHEERDER, uitvoerder, username="beheerder_tu"),
        medewerker=persoon_met_rol(Rol.MEDEWERKER, uitvoerder, username="medewerker"),
        behandelaar_andere=persoon_met_rol(Rol.BEHANDELAAR, andere, username="behandelaar_au"),
        bestuur_andere=persoon_met_rol(Rol.BESTUUR, andere, username="bestuur_au"),
        beleidsmaker=persoon_met_rol(Rol.BELEIDSMAKER, ministerie, username="beleidsmaker"),
        beginsel=BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid"),
    )


@pytest.fixture
def maak_vraag(wereld: Wereld) -> Callable[..., Kamervraag]:
    def maak(**kwargs: Any) -> Kamervraag:
        velden: dict[str, Any] = {
            "door": wereld.kamerlid,
            "parlement": wereld.kamer,
            "commissie": wereld.commissie,
            "uitvoerder": wereld.uitvoerder,
            "titel": "Inkomenstoets in de praktijk",
            "vraag": "Hoe pakt de inkomenstoets uit aan de balie?",
        }
        velden.update(kwargs)
        return services.ask_kamervraag(**velden)

    return maak


def tijdstip(dagen: int, uur: int = 10) -> dt.datetime:
    """A moment `dagen` from today at `uur` o'clock, in the platform's time zone."""
    dag = timezone.localdate() + dt.timedelta(days=dagen)
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur, 0)))


@pytest.fixture
def maak_moment(wereld: Wereld) -> Callable[..., Contactmoment]:
    def maak(**kwargs: Any) -> Contactmoment:
        velden: dict[str, Any] = {
            "door": wereld.griffie,
            "soort": Contactsoort.RONDETAFELGESPREK,
            "titel": "Rondetafel bijstand",
            "parlement": wereld.kamer,
            "commissie": wereld.commissie,
            "uitvoerders": [wereld.uitvoerder],
            "begint_op": tijdstip(10),
            "locatie": "Zaal 2",
            "onderwerpen": "De inkomenstoets.",
        }
        velden.update(kwargs)
        return services.plan_contactmoment(**velden)

    return maak


def events(prefix: str) -> list[str]:
    return list(
        AuditEvent.objects.filter(event__startswith=prefix)
        .order_by("volgnummer")
        .values_list("event", flat=True)
    )

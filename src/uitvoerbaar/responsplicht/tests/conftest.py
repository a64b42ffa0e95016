"""A small world for the engine: a ministry owning an executive organisation, another
executive organisation, and people in the roles that ask and answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory
from uitvoerbaar.responsplicht import services
from uitvoerbaar.responsplicht.models import Controle, Reactie, Reactieverzoek, Soort

from .factories import SoortFactory


@dataclass
class Wereld:
    ministerie: Organisatie
    uitvoerder: Organisatie
    andere: Organisatie
    medewerker: Gebruiker
    behandelaar: Gebruiker
    bestuur: Gebruiker
    top: Gebruiker
    bestuur_andere: Gebruiker
    soort: Soort


@pytest.fixture
def wereld(db: None) -> Wereld:
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
    return Wereld(
        ministerie=ministerie,
        uitvoerder=uitvoerder,
        andere=andere,
        medewerker=persoon_met_rol(Rol.MEDEWERKER, uitvoerder, username="medewerker"),
        behandelaar=persoon_met_rol(Rol.BEHANDELAAR, uitvoerder, username="behandelaar"),
        bestuur=persoon_met_rol(Rol.BESTUUR, uitvoerder, username="bestuur"),
        top=persoon_met_rol(Rol.AMBTELIJKE_TOP, ministerie, username="top"),
        bestuur_andere=persoon_met_rol(Rol.BESTUUR, andere, username="bestuur_andere"),
        soort=SoortFactory.create(code="test-noodrem", naam="Test-noodrem"),
    )


@pytest.fixture
def maak_verzoek(wereld: Wereld) -> Callable[..., Reactieverzoek]:
    """A request from the professional to the board of the executive organisation."""

    def maak(**kwargs: Any) -> Reactieverzoek:
        velden: dict[str, Any] = {
            "soort": wereld.soort,
            "onderwerp": services.Onderwerp(type="test.casus", id="1", titel="Casus 1"),
            "vraag": "Stop de automatische terugvordering bij kleine fouten.",
            "argumenten": ["Het raakt vooral mensen met schulden.", "De wet laat ruimte."],
            "door": wereld.medewerker,
            "verzoeker_organisatie": wereld.uitvoerder,
            "ontvanger_organisatie": wereld.uitvoerder,
            "ontvanger_rol": Rol.BESTUUR,
        }
        velden.update(kwargs)
        return services.create_reactieverzoek(**velden)

    return maak


@pytest.fixture
def beginsel(db: None) -> Beginsel:
    return BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid")


def events_van(verzoek: Reactieverzoek) -> list[str]:
    """The audit events of one request, in order."""
    return list(
        AuditEvent.objects.filter(
            object_type="responsplicht.reactieverzoek", object_id=str(verzoek.pk)
        )
        .order_by("volgnummer")
        .values_list("event", flat=True)
    )


class Ongewijzigd:
    """Asserts that a refused call changed nothing of a request: its row, its answers and
    follow-up checks, its audit trail, and no audit event anywhere else either."""

    def __init__(self, verzoek: Reactieverzoek) -> None:
        self.verzoek = verzoek
        self.voor = self._stand()

    def _stand(self) -> tuple[Any, ...]:
        v = Reactieverzoek.objects.get(pk=self.verzoek.pk)
        return (
            v.status,
            v.niveau,
            v.uiterste_datum,
            v.verlengd,
            v.opgeschort_sinds,
            v.onvoldoende_gemeld,
            v.openbaar,
            v.woo_grond,
            list(Reactie.objects.filter(verzoek=v).values_list("pk", "aanvaard")),
            list(Controle.objects.filter(reactie__verzoek=v).values_list("pk", "status")),
            events_van(v),
            AuditEvent.objects.count(),
        )

    def check(self) -> None:
        assert self._stand() == self.voor

"""Demo data of the Stand van de uitvoering: a finished, published report of the Landelijke
Uitkeringsdienst over this year so far, made through the services (requested by its bestuur,
generated as the background job would, published), so the demo has a ready PDF."""

from __future__ import annotations

import datetime as dt

from uitvoerbaar.core.models import Gebruiker, Organisatie

from . import rapport_services as services
from .models import Rapport, Rapportstatus

DEMO_ORGANISATIE = "lud"
DEMO_AANVRAGER = "bestuur.lud"


def load_demo_rapport() -> int:
    """Make the demo report. Returns the number of reports made (0 on a second run, or when
    the demo world is not there)."""
    organisatie = Organisatie.objects.filter(slug=DEMO_ORGANISATIE).first()
    bestuur = Gebruiker.objects.filter(username=DEMO_AANVRAGER).first()
    if organisatie is None or bestuur is None:
        return 0
    if Rapport.objects.filter(organisatie=organisatie, status=Rapportstatus.KLAAR).exists():
        return 0
    vandaag = services._vandaag()
    rapport = services.request_rapport(
        door=bestuur, organisatie=organisatie, van=dt.date(vandaag.year, 1, 1), tot=vandaag
    )
    geclaimd = services.claim_rapport(pk=rapport.pk)
    assert geclaimd is not None
    klaar = services.generate_rapport(rapport=geclaimd)
    if klaar.status != Rapportstatus.KLAAR:
        return 0
    services.publish_rapport(door=bestuur, rapport=klaar)
    return 1

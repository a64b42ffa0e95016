"""How beleid's subjects follow their request on the response duty engine (registered in
apps.py). The engine calls these inside the transaction of each move."""

from __future__ import annotations

from uitvoerbaar.responsplicht.constants import Handeling
from uitvoerbaar.responsplicht.models import Reactieverzoek

from . import services

BETROKKENHEID = services.BETROKKENHEID
VOORWAARDE = services.VOORWAARDE
TERUGGAVE = services.TERUGGAVE


def betrokkenheid_volgt_verzoek(verzoek: Reactieverzoek, handeling: Handeling) -> None:
    services._volg_betrokkenheid(verzoek, handeling)


def voorwaarde_volgt_verzoek(verzoek: Reactieverzoek, handeling: Handeling) -> None:
    services._volg_voorwaarde(verzoek, handeling)


def teruggave_volgt_verzoek(verzoek: Reactieverzoek, handeling: Handeling) -> None:
    services._volg_teruggave(verzoek, handeling)

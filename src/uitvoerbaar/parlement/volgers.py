"""How kamervragen follow their request on the response duty engine (registered in
apps.py). The engine calls this inside the transaction of each move."""

from __future__ import annotations

from uitvoerbaar.responsplicht.constants import Handeling
from uitvoerbaar.responsplicht.models import Reactieverzoek

from . import services

KAMERVRAAG = services.KAMERVRAAG


def kamervraag_volgt_verzoek(verzoek: Reactieverzoek, handeling: Handeling) -> None:
    services._volg_kamervraag(verzoek, handeling)

"""Allowed moves of kamervragen and contactmomenten. Pure: no ORM.

A kamervraag follows its request on the response duty engine: the engine's move (Handeling)
decides the question's next state. A move the table does not know from the current state is
refused, so the engine's move is rolled back with it and both never disagree."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core import transitions as core_transitions
from uitvoerbaar.responsplicht.constants import Handeling as H

from .constants import Contacthandeling as C
from .constants import Contactstatus as CS
from .constants import Kamervraagstatus as K

_WACHT = (K.GESTELD,)

KAMERVRAAG: Final[Mapping[H, Mapping[K, K]]] = {
    # Late answers are answers too: silence published is never final.
    H.BEANTWOORDEN: {K.GESTELD: K.BEANTWOORD, K.ONBEANTWOORD: K.BEANTWOORD},
    H.ACCEPTEREN: {K.BEANTWOORD: K.AANVAARD},
    H.BETWISTEN: {K.BEANTWOORD: K.ONVOLDOENDE},
    H.LATEN_VERLOPEN: {K.GESTELD: K.ONBEANTWOORD},
    # The next level of the ladder (the executor's board) now owes the answer.
    H.ESCALEREN: {K.ONBEANTWOORD: K.GESTELD, K.ONVOLDOENDE: K.GESTELD},
    # The clock moves; the question keeps waiting.
    H.OPSCHORTEN: {K.GESTELD: K.GESTELD},
    H.HERVATTEN: {K.GESTELD: K.GESTELD},
    H.VERLENGEN: {K.GESTELD: K.GESTELD},
    H.INTREKKEN: {K.GESTELD: K.INGETROKKEN, K.ONBEANTWOORD: K.INGETROKKEN},
}

CONTACTMOMENT: Final[Mapping[C, Mapping[CS, CS]]] = {
    C.HOUDEN: {CS.GEPLAND: CS.GEHOUDEN},
    C.ANNULEREN: {CS.GEPLAND: CS.GEANNULEERD},
}


class OngeldigeOvergang(core_transitions.OngeldigeOvergang):
    # Raised with the state's label already in words (two tables share it).
    melding = _("Dit kan nu niet: de status is %(status)s.")


def kamervraag_doel(handeling: H, huidig: K) -> K:
    """The question's state after the engine's move; raises OngeldigeOvergang."""
    try:
        return KAMERVRAAG[H(handeling)][K(huidig)]
    except KeyError:
        raise OngeldigeOvergang(str(handeling), str(K(huidig).label).lower()) from None


def contactmoment_doel(handeling: C, huidig: CS) -> CS:
    """The contactmoment's state after `handeling`; raises OngeldigeOvergang."""
    try:
        return CONTACTMOMENT[C(handeling)][CS(huidig)]
    except KeyError:
        raise OngeldigeOvergang(str(handeling), str(CS(huidig).label).lower()) from None


def contactmoment_mag(handeling: C, huidig: CS) -> bool:
    return CS(huidig) in CONTACTMOMENT[C(handeling)]

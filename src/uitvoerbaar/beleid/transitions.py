"""Allowed moves of an assignment (opdracht) and of a decision step: the one place that says
which state may follow which. Pure: no ORM.

An assignment is suspended while it is handed back, and runs again when the ministry answers
(pas toe: changed, leg uit: maintained) or the executor withdraws the return; an answer called
insufficient suspends it again. A step is planned, then under way, then done; the involvement
gate (services.advance_stap) decides whether a step under way may close."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Final

from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core import transitions as core_transitions

from .constants import Opdrachtstatus as O
from .constants import Stapstatus as S


class Opdrachthandeling(StrEnum):
    TERUGGEVEN = "teruggeven"
    BEANTWOORD = "beantwoord"
    BETWIST = "betwist"
    INGETROKKEN = "ingetrokken"
    AFRONDEN = "afronden"


OPDRACHT: Final[Mapping[Opdrachthandeling, Mapping[O, O]]] = {
    Opdrachthandeling.TERUGGEVEN: {O.ACTIEF: O.OPGESCHORT},
    Opdrachthandeling.BEANTWOORD: {O.OPGESCHORT: O.ACTIEF},
    Opdrachthandeling.BETWIST: {O.ACTIEF: O.OPGESCHORT},
    Opdrachthandeling.INGETROKKEN: {O.OPGESCHORT: O.ACTIEF},
    # Only a running assignment is finished; a suspended one waits for the ministry's answer.
    Opdrachthandeling.AFRONDEN: {O.ACTIEF: O.AFGEROND},
}

STAP: Final[Mapping[S, S]] = {S.GEPLAND: S.ACTIEF, S.ACTIEF: S.AFGEROND}


class OngeldigeOvergang(core_transitions.OngeldigeOvergang):
    # Two tables (assignments and decision steps) share this refusal, so it names the raw move.
    melding = _("Dit kan nu niet: '%(handeling)s' vanuit de stand '%(status)s'.")


def opdracht_doel(handeling: Opdrachthandeling, huidig: str) -> O:
    try:
        return OPDRACHT[handeling][O(huidig)]
    except (KeyError, ValueError):
        raise OngeldigeOvergang(handeling.value, huidig) from None


def stap_doel(huidig: str) -> S:
    try:
        return STAP[S(huidig)]
    except (KeyError, ValueError):
        raise OngeldigeOvergang("volgende", huidig) from None

"""Allowed moves of a reactieverzoek: the one place that says which move may follow which state.

Pure: no ORM. A move whose target is OPEN lands on GEESCALEERD when the request is at an
escalation level above the recipient (niveau > 0): "open at a higher level" has its own name,
so lists and the public register can tell them apart."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core import transitions as core_transitions

from .constants import Handeling as H
from .constants import Status as S

_LOPEND = (S.OPEN, S.GEESCALEERD)

OVERGANGEN: Final[Mapping[H, Mapping[S, S]]] = {
    # An answer is possible while the duty runs, also late: silence published is never final.
    H.BEANTWOORDEN: {S.OPEN: S.BEANTWOORD, S.GEESCALEERD: S.BEANTWOORD, S.VERLOPEN: S.BEANTWOORD},
    H.ACCEPTEREN: {S.BEANTWOORD: S.GEACCEPTEERD},
    H.BETWISTEN: {S.BEANTWOORD: S.BETWIST},
    H.LATEN_VERLOPEN: {S.OPEN: S.VERLOPEN, S.GEESCALEERD: S.VERLOPEN},
    H.ESCALEREN: {S.VERLOPEN: S.GEESCALEERD, S.BETWIST: S.GEESCALEERD},
    H.OPSCHORTEN: {S.OPEN: S.OPGESCHORT, S.GEESCALEERD: S.OPGESCHORT},
    H.HERVATTEN: {S.OPGESCHORT: S.OPEN},
    # An extension keeps the state; it moves the deadline (once, within the kind's maximum).
    H.VERLENGEN: {S.OPEN: S.OPEN, S.GEESCALEERD: S.GEESCALEERD},
    H.INTREKKEN: {
        S.OPEN: S.INGETROKKEN,
        S.GEESCALEERD: S.INGETROKKEN,
        S.OPGESCHORT: S.INGETROKKEN,
        S.VERLOPEN: S.INGETROKKEN,
    },
}

# States in which someone still owes an answer, and whose deadline the sweep watches.
LOPEND: Final = frozenset(_LOPEND)
# States in which the request waits for an answer (the inbox "Te beantwoorden").
TE_BEANTWOORDEN: Final = frozenset({S.OPEN, S.GEESCALEERD, S.VERLOPEN, S.OPGESCHORT})
EINDSTATUSSEN: Final = frozenset({S.GEACCEPTEERD, S.INGETROKKEN})


class OngeldigeOvergang(core_transitions.OngeldigeOvergang):
    melding = _("U kunt dit verzoek nu niet %(handeling)s: het is %(status)s.")
    handelingen = H
    standen = S


def is_toegestaan(handeling: H, huidig: S) -> bool:
    return huidig in OVERGANGEN[handeling]


def doel(handeling: H, huidig: S, *, niveau: int) -> S:
    """The state after `handeling` from `huidig`; raises OngeldigeOvergang when not allowed."""
    try:
        nieuw = OVERGANGEN[handeling][huidig]
    except KeyError:
        raise OngeldigeOvergang(handeling, huidig) from None
    if nieuw is S.OPEN and niveau > 0:
        return S.GEESCALEERD
    return nieuw

"""Allowed moves of a deviation (afwijking): the one place that says which move may follow
which state. Pure: no ORM."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core import transitions as core_transitions

from .constants import AfwijkingStatus as S
from .constants import Handeling as H

OVERGANGEN: Final[Mapping[H, Mapping[S, S]]] = {
    # Changing the content keeps the state: only a concept, before anyone judged it.
    H.WIJZIGEN: {S.CONCEPT: S.CONCEPT},
    H.INDIENEN: {S.CONCEPT: S.TER_BEOORDELING},
    H.GOEDKEUREN: {S.TER_BEOORDELING: S.GOEDGEKEURD},
    H.AFWIJZEN: {S.TER_BEOORDELING: S.AFGEWEZEN},
    H.AFRONDEN: {S.GOEDGEKEURD: S.AFGEROND},
    H.INTREKKEN: {S.CONCEPT: S.INGETROKKEN, S.TER_BEOORDELING: S.INGETROKKEN},
}

# Decided cases: the ones that count as precedents, with the decision they carry.
BESLIST: Final = frozenset({S.GOEDGEKEURD, S.AFGEWEZEN, S.AFGEROND})
GOEDGEKEURD: Final = frozenset({S.GOEDGEKEURD, S.AFGEROND})
EINDSTATUSSEN: Final = frozenset({S.AFGEWEZEN, S.AFGEROND, S.INGETROKKEN})


class OngeldigeOvergang(core_transitions.OngeldigeOvergang):
    melding = _("U kunt deze afwijking nu niet %(handeling)s: zij is %(status)s.")
    handelingen = H
    standen = S


def is_toegestaan(handeling: H, huidig: str) -> bool:
    return huidig in OVERGANGEN[handeling]


def doel(handeling: H, huidig: str) -> S:
    """The state after `handeling` from `huidig`; raises OngeldigeOvergang when not allowed."""
    try:
        return OVERGANGEN[handeling][S(huidig)]
    except (KeyError, ValueError):
        raise OngeldigeOvergang(handeling, S(huidig)) from None

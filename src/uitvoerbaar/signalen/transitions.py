"""Allowed moves of a signal: the one place that says which move may follow which state.

Pure: no ORM. Messages and additions keep the state except where they hand the turn over: a
question waits for the reporter, the reporter's answer gives the turn back to the handler."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core import transitions as core_transitions

from .constants import Handeling as H
from .constants import Status as S

_OPEN = (S.ONTVANGEN, S.IN_BEHANDELING, S.VRAAG_AAN_MELDER)

OVERGANGEN: Final[Mapping[H, Mapping[S, S]]] = {
    # Taking a signal into handling acknowledges its receipt (Wet bescherming klokkenluiders).
    H.IN_BEHANDELING_NEMEN: {S.ONTVANGEN: S.IN_BEHANDELING},
    H.VRAAG_STELLEN: {S.IN_BEHANDELING: S.VRAAG_AAN_MELDER, S.VRAAG_AAN_MELDER: S.VRAAG_AAN_MELDER},
    H.BERICHT_STUREN: {S.IN_BEHANDELING: S.IN_BEHANDELING, S.VRAAG_AAN_MELDER: S.VRAAG_AAN_MELDER},
    # The reporter may add information at any moment before closure; it answers an open question.
    H.AANVULLEN: {
        S.ONTVANGEN: S.ONTVANGEN,
        S.IN_BEHANDELING: S.IN_BEHANDELING,
        S.VRAAG_AAN_MELDER: S.IN_BEHANDELING,
    },
    H.AFSLUITEN: {S.IN_BEHANDELING: S.AFGESLOTEN, S.VRAAG_AAN_MELDER: S.AFGESLOTEN},
    H.HEROPENEN: {S.AFGESLOTEN: S.IN_BEHANDELING},
}

OPEN: Final = frozenset(_OPEN)


class OngeldigeOvergang(core_transitions.OngeldigeOvergang):
    melding = _("U kunt dit signaal nu niet %(handeling)s: het is %(status)s.")
    handelingen = H
    standen = S


def is_toegestaan(handeling: H, huidig: S) -> bool:
    return huidig in OVERGANGEN[handeling]


def doel(handeling: H, huidig: S) -> S:
    """The state after `handeling` from `huidig`; raises OngeldigeOvergang when not allowed."""
    try:
        return OVERGANGEN[handeling][huidig]
    except KeyError:
        raise OngeldigeOvergang(handeling, huidig) from None

"""The transition table, exhaustively: every move from every state."""

from __future__ import annotations

import itertools

import pytest

from uitvoerbaar.responsplicht.constants import Handeling as H
from uitvoerbaar.responsplicht.constants import Status as S
from uitvoerbaar.responsplicht.transitions import (
    OVERGANGEN,
    OngeldigeOvergang,
    doel,
    is_toegestaan,
)

# The table as the issue states it, written out by hand so a change to OVERGANGEN shows here.
VERWACHT: dict[tuple[H, S], S] = {
    (H.BEANTWOORDEN, S.OPEN): S.BEANTWOORD,
    (H.BEANTWOORDEN, S.GEESCALEERD): S.BEANTWOORD,
    (H.BEANTWOORDEN, S.VERLOPEN): S.BEANTWOORD,
    (H.ACCEPTEREN, S.BEANTWOORD): S.GEACCEPTEERD,
    (H.BETWISTEN, S.BEANTWOORD): S.BETWIST,
    (H.LATEN_VERLOPEN, S.OPEN): S.VERLOPEN,
    (H.LATEN_VERLOPEN, S.GEESCALEERD): S.VERLOPEN,
    (H.ESCALEREN, S.VERLOPEN): S.GEESCALEERD,
    (H.ESCALEREN, S.BETWIST): S.GEESCALEERD,
    (H.OPSCHORTEN, S.OPEN): S.OPGESCHORT,
    (H.OPSCHORTEN, S.GEESCALEERD): S.OPGESCHORT,
    (H.HERVATTEN, S.OPGESCHORT): S.OPEN,
    (H.VERLENGEN, S.OPEN): S.OPEN,
    (H.VERLENGEN, S.GEESCALEERD): S.GEESCALEERD,
    (H.INTREKKEN, S.OPEN): S.INGETROKKEN,
    (H.INTREKKEN, S.GEESCALEERD): S.INGETROKKEN,
    (H.INTREKKEN, S.OPGESCHORT): S.INGETROKKEN,
    (H.INTREKKEN, S.VERLOPEN): S.INGETROKKEN,
}


@pytest.mark.parametrize(("handeling", "huidig"), list(itertools.product(H, S)))
def test_every_move_from_every_state(handeling: H, huidig: S) -> None:
    verwacht = VERWACHT.get((handeling, huidig))
    assert is_toegestaan(handeling, huidig) is (verwacht is not None)
    if verwacht is None:
        with pytest.raises(OngeldigeOvergang) as exc:
            doel(handeling, huidig, niveau=0)
        # A Dutch sentence naming the move and the state, for the form and the API.
        assert str(exc.value).startswith("U kunt dit verzoek nu niet ")
        assert str(S(huidig).label).lower() in str(exc.value)
    else:
        assert doel(handeling, huidig, niveau=0) is verwacht


def test_table_names_every_move_and_only_known_states() -> None:
    assert set(OVERGANGEN) == set(H)
    for paren in OVERGANGEN.values():
        assert set(paren) <= set(S) and set(paren.values()) <= set(S)


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_open_at_a_higher_level_is_called_escalated(niveau: int) -> None:
    assert doel(H.HERVATTEN, S.OPGESCHORT, niveau=niveau) is S.GEESCALEERD
    assert doel(H.VERLENGEN, S.OPEN, niveau=niveau) is S.GEESCALEERD
    assert doel(H.BEANTWOORDEN, S.GEESCALEERD, niveau=niveau) is S.BEANTWOORD


def test_closed_requests_allow_no_move() -> None:
    for eind in (S.GEACCEPTEERD, S.INGETROKKEN):
        assert not any(is_toegestaan(h, eind) for h in H)

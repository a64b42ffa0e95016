"""The transition table of a deviation: every move from every state."""

from __future__ import annotations

import pytest

from ..constants import AfwijkingStatus as S
from ..constants import Handeling as H
from ..transitions import OVERGANGEN, OngeldigeOvergang, doel, is_toegestaan

VERWACHT = {
    (H.WIJZIGEN, S.CONCEPT): S.CONCEPT,
    (H.INDIENEN, S.CONCEPT): S.TER_BEOORDELING,
    (H.GOEDKEUREN, S.TER_BEOORDELING): S.GOEDGEKEURD,
    (H.AFWIJZEN, S.TER_BEOORDELING): S.AFGEWEZEN,
    (H.AFRONDEN, S.GOEDGEKEURD): S.AFGEROND,
    (H.INTREKKEN, S.CONCEPT): S.INGETROKKEN,
    (H.INTREKKEN, S.TER_BEOORDELING): S.INGETROKKEN,
}


@pytest.mark.parametrize("handeling", list(H))
@pytest.mark.parametrize("status", list(S))
def test_every_move_from_every_state(handeling: H, status: S) -> None:
    if (handeling, status) in VERWACHT:
        assert is_toegestaan(handeling, status)
        assert doel(handeling, status) == VERWACHT[(handeling, status)]
    else:
        assert not is_toegestaan(handeling, status)
        with pytest.raises(OngeldigeOvergang) as err:
            doel(handeling, status)
        assert "U kunt deze afwijking nu niet" in str(err.value)


def test_the_table_has_exactly_the_expected_moves() -> None:
    assert {(h, s) for h, m in OVERGANGEN.items() for s in m} == set(VERWACHT)


def test_decided_states_cannot_be_changed_except_closing_an_approval() -> None:
    for status in (S.AFGEWEZEN, S.AFGEROND, S.INGETROKKEN):
        assert not any(is_toegestaan(h, status) for h in H)

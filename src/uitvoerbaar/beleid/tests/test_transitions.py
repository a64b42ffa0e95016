"""The pure tables of allowed moves of an assignment and a decision step."""

from __future__ import annotations

import pytest

from ..constants import Opdrachtstatus as O
from ..constants import Stapstatus as S
from ..transitions import (
    OPDRACHT,
    OngeldigeOvergang,
    Opdrachthandeling,
    opdracht_doel,
    stap_doel,
)


def test_a_return_suspends_and_an_answer_or_withdrawal_lets_it_run() -> None:
    assert opdracht_doel(Opdrachthandeling.TERUGGEVEN, O.ACTIEF) == O.OPGESCHORT
    assert opdracht_doel(Opdrachthandeling.BEANTWOORD, O.OPGESCHORT) == O.ACTIEF
    assert opdracht_doel(Opdrachthandeling.INGETROKKEN, O.OPGESCHORT) == O.ACTIEF
    assert opdracht_doel(Opdrachthandeling.BETWIST, O.ACTIEF) == O.OPGESCHORT


@pytest.mark.parametrize(
    ("handeling", "huidig"),
    [(h, s) for h in Opdrachthandeling for s in O if s not in OPDRACHT[h]],
)
def test_every_other_move_of_an_assignment_is_refused(
    handeling: Opdrachthandeling, huidig: O
) -> None:
    with pytest.raises(OngeldigeOvergang):
        opdracht_doel(handeling, huidig)


def test_a_step_goes_planned_under_way_done_and_no_further() -> None:
    assert stap_doel(S.GEPLAND) == S.ACTIEF
    assert stap_doel(S.ACTIEF) == S.AFGEROND
    with pytest.raises(OngeldigeOvergang):
        stap_doel(S.AFGEROND)
    assert "afgerond" in str(OngeldigeOvergang("volgende", S.AFGEROND))

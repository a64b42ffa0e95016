"""The transition tables of kamervragen and contactmomenten (pure, no database)."""

from __future__ import annotations

import pytest

from uitvoerbaar.responsplicht.constants import Handeling as H
from uitvoerbaar.responsplicht.transitions import OVERGANGEN

from ..constants import Contacthandeling as C
from ..constants import Contactstatus as CS
from ..constants import Kamervraagstatus as K
from ..transitions import (
    CONTACTMOMENT,
    KAMERVRAAG,
    OngeldigeOvergang,
    contactmoment_doel,
    contactmoment_mag,
    kamervraag_doel,
)


def test_every_engine_move_has_a_row_for_the_question() -> None:
    assert set(KAMERVRAAG) == set(OVERGANGEN)


@pytest.mark.parametrize(
    ("handeling", "van", "naar"),
    [
        (H.BEANTWOORDEN, K.GESTELD, K.BEANTWOORD),
        (H.BEANTWOORDEN, K.ONBEANTWOORD, K.BEANTWOORD),
        (H.ACCEPTEREN, K.BEANTWOORD, K.AANVAARD),
        (H.BETWISTEN, K.BEANTWOORD, K.ONVOLDOENDE),
        (H.LATEN_VERLOPEN, K.GESTELD, K.ONBEANTWOORD),
        (H.ESCALEREN, K.ONBEANTWOORD, K.GESTELD),
        (H.ESCALEREN, K.ONVOLDOENDE, K.GESTELD),
        (H.VERLENGEN, K.GESTELD, K.GESTELD),
        (H.INTREKKEN, K.GESTELD, K.INGETROKKEN),
    ],
)
def test_the_question_follows_the_engine(handeling: H, van: K, naar: K) -> None:
    assert kamervraag_doel(handeling, van) is naar


@pytest.mark.parametrize(
    ("handeling", "van"),
    [
        (H.ACCEPTEREN, K.GESTELD),
        (H.BETWISTEN, K.AANVAARD),
        (H.BEANTWOORDEN, K.AANVAARD),
        (H.BEANTWOORDEN, K.INGETROKKEN),
        (H.INTREKKEN, K.BEANTWOORD),
        (H.LATEN_VERLOPEN, K.BEANTWOORD),
    ],
)
def test_moves_that_do_not_fit_are_refused(handeling: H, van: K) -> None:
    with pytest.raises(OngeldigeOvergang):
        kamervraag_doel(handeling, van)


def test_end_states_of_the_question_have_no_way_out() -> None:
    for eind in (K.AANVAARD, K.INGETROKKEN):
        assert all(eind not in rij for rij in KAMERVRAAG.values())


def test_contactmoment_is_planned_then_held_or_cancelled() -> None:
    assert contactmoment_doel(C.HOUDEN, CS.GEPLAND) is CS.GEHOUDEN
    assert contactmoment_doel(C.ANNULEREN, CS.GEPLAND) is CS.GEANNULEERD
    for van in (CS.GEHOUDEN, CS.GEANNULEERD):
        for handeling in C:
            assert not contactmoment_mag(handeling, van)
            with pytest.raises(OngeldigeOvergang):
                contactmoment_doel(handeling, van)
    assert set(CONTACTMOMENT) == set(C)

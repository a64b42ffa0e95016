"""The shared refusal of a move: each app's subclass words it, and one except catches them all."""

from __future__ import annotations

import pytest
from django.utils import translation

from uitvoerbaar.afwijkingen import transitions as afwijkingen
from uitvoerbaar.beleid import transitions as beleid
from uitvoerbaar.core.transitions import OngeldigeOvergang
from uitvoerbaar.parlement import transitions as parlement
from uitvoerbaar.responsplicht import transitions as responsplicht
from uitvoerbaar.signalen import transitions as signalen
from uitvoerbaar.signalen.constants import Handeling, Status


def test_every_app_refusal_is_the_core_refusal() -> None:
    for app in (afwijkingen, beleid, parlement, responsplicht, signalen):
        assert issubclass(app.OngeldigeOvergang, OngeldigeOvergang)


def test_the_app_words_the_move_and_the_state_with_their_labels() -> None:
    with translation.override("nl"):
        with pytest.raises(OngeldigeOvergang) as fout:
            signalen.doel(Handeling.HEROPENEN, Status.ONTVANGEN)
        assert str(fout.value) == (
            f"U kunt dit signaal nu niet {Handeling.HEROPENEN.label}: "
            f"het is {str(Status.ONTVANGEN.label).lower()}."
        )


def test_a_value_outside_the_choices_is_named_as_it_is() -> None:
    with translation.override("nl"):
        fout = signalen.OngeldigeOvergang("vliegen", "zwevend")
        assert str(fout) == "U kunt dit signaal nu niet vliegen: het is zwevend."
        assert str(beleid.OngeldigeOvergang("afronden", "gepland")) == (
            "Dit kan nu niet: 'afronden' vanuit de stand 'gepland'."
        )

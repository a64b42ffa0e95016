"""Precedent search finds the relevant earlier cases: recall@5 on the labelled Dutch test set
(240 cases in 40 known groups, tests/data/precedenten_testset.json), through the database, so
the figure holds on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.kennisbank.tests.factories import RegelingFactory

from ..kwaliteit import laad, meet
from .testset import lees, maak

pytestmark = pytest.mark.django_db


def test_the_stored_test_set_is_what_the_generator_makes() -> None:
    gevallen = lees()
    assert gevallen == maak()
    assert len(gevallen) >= 200
    groepen = {g["groep"] for g in gevallen}
    assert len(groepen) == 40
    assert all(sum(1 for g in gevallen if g["groep"] == groep) == 6 for groep in groepen)


def test_recall_at_5_on_the_labelled_test_set() -> None:
    door = persoon_met_rol(Rol.MEDEWERKER)
    organisatie = door.lidmaatschappen.get().organisatie
    regeling = RegelingFactory.create(code="proefset")
    gevallen = lees()
    uitslag = meet(gevallen, laad(gevallen, organisatie=organisatie, regeling=regeling, door=door))
    # The figures in docs/benchmarks.md; a change to the scoring that lowers them fails here.
    assert uitslag.recall_at_5 >= 0.9, uitslag
    assert uitslag.precision_at_5 >= 0.9, uitslag

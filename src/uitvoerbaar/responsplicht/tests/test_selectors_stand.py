"""The aggregate of the response duty for the Stand van de uitvoering (seed action P3):
requests per organisation and kind classified by their answer, in one grouped query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine

from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import selectors, services
from uitvoerbaar.responsplicht.models import Reactieverzoek

from .conftest import Wereld

pytestmark = pytest.mark.django_db


def _op(dag: dt.date) -> Any:
    return time_machine.travel(
        dt.datetime(dag.year, dag.month, dag.day, 10, tzinfo=dt.UTC), tick=False
    )


def test_nakoming_per_soort_classifies_each_request(
    wereld: Wereld,
    maak_verzoek: Callable[..., Reactieverzoek],
    beginsel: Beginsel,
    django_assert_num_queries: Any,
) -> None:
    w = wereld
    with _op(dt.date(2026, 10, 5)):  # a Monday; the term is 5 days
        op_tijd, leg_uit, stil, ingetrokken = (maak_verzoek() for _ in range(4))
        services.answer_pas_toe(
            verzoek=op_tijd,
            door=w.bestuur,
            maatregel="De terugvordering stopt.",
            eigenaar="Directie",
            datum=dt.date(2026, 12, 1),
        )
        services.withdraw(verzoek=ingetrokken, door=w.medewerker, reden="Niet meer nodig.")
    with _op(dt.date(2026, 10, 20)):  # after the term: a late answer
        services.answer_leg_uit(
            verzoek=leg_uit,
            door=w.bestuur,
            redenen="De wet laat geen ruimte.",
            beginselen=[beginsel],
            antwoorden=["Wij zien dat.", "Die ruimte is er niet."],
        )
    with _op(dt.date(2026, 9, 1)):  # before the period: not counted
        maak_verzoek()
    with _op(dt.date(2026, 10, 6)):  # to the other organisation
        maak_verzoek(ontvanger_organisatie=w.andere, verzoeker_organisatie=w.andere)

    with django_assert_num_queries(1):
        uitkomst = selectors.nakoming_per_soort(
            organisatie_ids=[w.uitvoerder.pk],
            van=dt.date(2026, 10, 1),
            tot=dt.date(2026, 12, 31),
            vandaag=dt.date(2026, 11, 1),
        )
    t = uitkomst[w.uitvoerder.pk][w.soort.code]
    assert (t.totaal, t.op_tijd, t.te_laat, t.pas_toe, t.leg_uit) == (4, 1, 1, 1, 1)
    assert (t.te_laat_nu, t.lopend, t.ingetrokken) == (1, 0, 1)
    assert stil.status != "beantwoord"
    alle = selectors.nakoming_per_soort(
        organisatie_ids=None, van=dt.date(2026, 10, 1), tot=dt.date(2026, 12, 31)
    )
    assert alle[w.andere.pk][w.soort.code].totaal == 1

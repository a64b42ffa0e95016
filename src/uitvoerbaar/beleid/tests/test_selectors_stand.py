"""The assignment and toets aggregates for the Stand van de uitvoering (seed action P3):
returns per outcome, reason and answer, and published toetsen per verdict, within a period,
each in one grouped query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine

from uitvoerbaar.beleid import selectors, services
from uitvoerbaar.beleid.constants import Teruggavereden
from uitvoerbaar.beleid.models import Beleidsvoorstel, Opdracht, Uitvoeringstoets

from .conftest import Wereld

pytestmark = pytest.mark.django_db
VAN, TOT = dt.date(2026, 10, 1), dt.date(2026, 12, 31)


def _op(dag: dt.date) -> Any:
    return time_machine.travel(
        dt.datetime(dag.year, dag.month, dag.day, 10, tzinfo=dt.UTC), tick=False
    )


def test_returns_and_toetsen_in_the_period(
    wereld: Wereld,
    maak_opdracht: Callable[..., Opdracht],
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
    django_assert_num_queries: Any,
) -> None:
    w = wereld
    with _op(dt.date(2026, 10, 5)):
        for reden in (Teruggavereden.STRIJDIG, Teruggavereden.MIDDELEN):
            services.return_opdracht(
                opdracht=maak_opdracht(),
                door=w.bestuur,
                reden=reden,
                toelichting="Dit kan niet met goed bestuur.",
                beginselen=[w.beginsel],
            )
        maak_toets(maak_voorstel())
    with _op(dt.date(2026, 9, 1)):
        services.return_opdracht(
            opdracht=maak_opdracht(),
            door=w.bestuur,
            reden=Teruggavereden.ONUITVOERBAAR,
            toelichting="Dit kan niet.",
            beginselen=[w.beginsel],
        )

    with django_assert_num_queries(1):
        t = selectors.teruggavetellingen(
            organisatie_ids=None, van=VAN, tot=TOT, vandaag=dt.date(2026, 10, 6)
        )
    rij = t[w.uitvoerder.pk]
    assert rij["uitkomsten"] == {"lopend": 2}
    assert rij["redenen"] == {"strijdig": 1, "middelen": 1}
    assert (rij["antwoorden"].totaal, rij["antwoorden"].lopend) == (2, 2)
    with django_assert_num_queries(1):
        toetsen = selectors.toetstellingen(organisatie_ids=[w.uitvoerder.pk], van=VAN, tot=TOT)
    assert toetsen == {w.uitvoerder.pk: {"onder_voorwaarden": 1}}

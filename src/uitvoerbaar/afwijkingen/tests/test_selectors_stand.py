"""The aanvechting aggregates for the Stand van de uitvoering (seed action P3): per state and
per article within a period, each in one grouped query."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from uitvoerbaar.afwijkingen import selectors, services

from .conftest import Wereld

pytestmark = pytest.mark.django_db
VAN, TOT = dt.date(2026, 10, 1), dt.date(2026, 12, 31)


def _op(dag: dt.date) -> Any:
    return time_machine.travel(
        dt.datetime(dag.year, dag.month, dag.day, 10, tzinfo=dt.UTC), tick=False
    )


def test_aanvechtingen_per_state_and_article(
    wereld: Wereld, django_assert_num_queries: Any
) -> None:
    w = wereld

    def vecht_aan(artikel: Any, organisatie: Any = None, door: Any = None) -> None:
        services.submit_aanvechting(
            door=door or w.medewerker,
            organisatie=organisatie or w.uitvoerder,
            artikel=artikel,
            titel="Dit artikel knelt",
            toelichting="De terugvordering is altijd volledig.",
            argumenten=["Het raakt gezinnen met schulden."],
        )

    with _op(dt.date(2026, 10, 5)):
        vecht_aan(w.artikel)
        vecht_aan(w.artikel)
        vecht_aan(w.ander_artikel)
        vecht_aan(w.artikel, organisatie=w.andere, door=w.medewerker_andere)
    with _op(dt.date(2026, 9, 1)):
        vecht_aan(w.artikel)  # before the period

    with django_assert_num_queries(1):
        tellingen = selectors.aanvechtingtellingen(organisatie_ids=None, van=VAN, tot=TOT)
    assert tellingen == {w.uitvoerder.pk: {"ingediend": 3}, w.andere.pk: {"ingediend": 1}}
    with django_assert_num_queries(1):
        rijen = selectors.aanvechtingen_per_artikel(
            organisatie_id=w.uitvoerder.pk, van=VAN, tot=TOT
        )
    assert [(r["artikel__nummer"], r["aantal"]) for r in rijen] == [("4", 2), ("5", 1)]

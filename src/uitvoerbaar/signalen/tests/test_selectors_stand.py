"""The signal aggregates for the Stand van de uitvoering (seed action P3): counts per article,
per organisation, knelpunten taken into the Stand and noodremmen by their answer, each in one
grouped query, and never a report of retaliation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine

from uitvoerbaar.kennisbank.models import Artikel
from uitvoerbaar.kennisbank.tests.factories import RegelingFactory
from uitvoerbaar.signalen import selectors, services

from .conftest import Wereld

pytestmark = pytest.mark.django_db
VAN, TOT = dt.date(2026, 10, 1), dt.date(2026, 12, 31)


def _op(dag: dt.date) -> Any:
    return time_machine.travel(
        dt.datetime(dag.year, dag.month, dag.day, 10, tzinfo=dt.UTC), tick=False
    )


def test_counts_for_the_stand(
    wereld: Wereld, meld: Callable[..., services.Melding], django_assert_num_queries: Any
) -> None:
    w = wereld
    regeling = RegelingFactory.create(naam="Wet op de test", eigenaar=w.ministerie)
    art = Artikel.objects.create(regeling=regeling, nummer="7")
    with _op(dt.date(2026, 10, 5)):
        eerste = meld(regeling=regeling, artikel=art).signaal
        meld(regeling=regeling, artikel=art, kanaal="vertrouwelijk", door=w.klokkenluider)
        meld()  # no regulation
        services.submit_signaal(  # retaliation: the custodian's, never counted
            door=w.klokkenluider,
            kanaal="vertrouwelijk",
            organisatie=w.uitvoerder,
            titel="Ik word tegengewerkt",
            tekst="Na mijn melding krijg ik geen opdrachten meer.",
            soort="benadeling",
            over_signaal=eerste,
        )
        services.pull_noodrem(
            door=w.medewerker,
            organisatie=w.uitvoerder,
            titel="Stop",
            schade="Schade.",
            stoppen="Dit.",
            beginselen=[w.beginsel],
        )
    with _op(dt.date(2026, 9, 1)):
        meld(regeling=regeling, artikel=art)  # before the period

    with django_assert_num_queries(1):
        rijen = selectors.signalen_per_artikel(organisatie_id=w.uitvoerder.pk, van=VAN, tot=TOT)
    assert [(r["artikel__nummer"], r["aantal"]) for r in rijen] == [("7", 2), (None, 1)]
    with django_assert_num_queries(2):
        tellingen = selectors.signaaltellingen(organisatie_ids=None, van=VAN, tot=TOT)
    assert tellingen == {w.uitvoerder.pk: {"signalen": 3, "knelpunten": 0}}
    with django_assert_num_queries(1):
        noodremmen = selectors.noodremtellingen(
            organisatie_ids=[w.uitvoerder.pk], van=VAN, tot=TOT, vandaag=dt.date(2026, 10, 6)
        )
    n = noodremmen[w.uitvoerder.pk]
    assert (n.totaal, n.lopend, n.te_laat_nu, n.beantwoord) == (1, 1, 0, 0)
    later = selectors.noodremtellingen(
        organisatie_ids=None, van=VAN, tot=TOT, vandaag=dt.date(2026, 11, 1)
    )[w.uitvoerder.pk]
    assert (later.lopend, later.te_laat_nu) == (0, 1)


def test_knelpunten_in_the_stand_only_and_screened(
    wereld: Wereld, meld: Callable[..., services.Melding]
) -> None:
    w = wereld
    regeling = RegelingFactory.create(naam="Wet op de test", eigenaar=w.ministerie)
    art = Artikel.objects.create(regeling=regeling, nummer="7")
    with _op(dt.date(2026, 10, 5)):
        s = meld(regeling=regeling, artikel=art).signaal
        in_stand = services.create_knelpunt(
            door=w.behandelaar,
            organisatie=w.uitvoerder,
            regeling=regeling,
            artikel=art,
            naam="Knelpunt artikel 7",
            omschrijving="Terugvordering is altijd volledig.",
            signalen=[s],
        )
        services.pass_on_knelpunt(knelpunt=in_stand, door=w.behandelaar, naar="stand")
        services.create_knelpunt(
            door=w.behandelaar,
            organisatie=w.uitvoerder,
            regeling=regeling,
            artikel=art,
            naam="Nog niet voor de Stand",
            omschrijving="",
            signalen=[meld(regeling=regeling, artikel=art).signaal],
        )
    rijen = selectors.knelpunten_voor_stand(organisatie_id=w.uitvoerder.pk, van=VAN, tot=TOT)
    assert [(r["naam"], r["artikel__nummer"], r["aantal_signalen"]) for r in rijen] == [
        ("Knelpunt artikel 7", "7", 1)
    ]
    assert selectors.signaaltellingen(organisatie_ids=[w.uitvoerder.pk], van=VAN, tot=TOT)[
        w.uitvoerder.pk
    ] == {"signalen": 2, "knelpunten": 1}

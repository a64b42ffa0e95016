"""The vrije dagen kept as data, counted by `uiterste_datum`, in at most two queries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.termijnen.models import GelijkgesteldeDag, Sluitingsdag
from uitvoerbaar.termijnen.rekenen import Eenheid
from uitvoerbaar.termijnen.selectors import uiterste_datum, vrije_dagen

pytestmark = pytest.mark.django_db

# Hemelvaartsdag 2027 is Thursday 6 May; the Friday after it is made equal by decree.
VRIJDAG_NA_HEMELVAART = date(2027, 5, 7)


@pytest.fixture
def kalender(organisatie: Organisatie, andere_organisatie: Organisatie) -> None:
    GelijkgesteldeDag.objects.create(
        datum=VRIJDAG_NA_HEMELVAART, omschrijving="Vrijdag na Hemelvaart", besluit="Stcrt. 2026"
    )
    Sluitingsdag.objects.create(
        organisatie=organisatie, datum=date(2027, 3, 5), omschrijving="Verhuizing"
    )
    Sluitingsdag.objects.create(
        organisatie=andere_organisatie, datum=date(2027, 3, 8), omschrijving="Studiedag"
    )


def test_vrije_dagen_without_organisation_are_the_gelijkgestelde_dagen(
    kalender: None, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        assert vrije_dagen(organisatie_id=None) == {VRIJDAG_NA_HEMELVAART}


def test_vrije_dagen_of_an_organisation_add_only_its_own_closing_days(
    kalender: None, organisatie: Organisatie, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        assert vrije_dagen(organisatie_id=organisatie.pk) == {
            VRIJDAG_NA_HEMELVAART,
            date(2027, 3, 5),
        }


def test_uiterste_datum_counts_the_gelijkgestelde_dag(
    kalender: None, django_assert_max_num_queries: Any
) -> None:
    # One week from Friday 30 April 2027 ends on Friday 7 May, made equal: Monday 10 May.
    with django_assert_max_num_queries(1):
        assert uiterste_datum(start=date(2027, 4, 30), aantal=1, eenheid=Eenheid.WEKEN) == date(
            2027, 5, 10
        )


def test_uiterste_datum_counts_the_closing_days_of_the_responsible_organisation(
    kalender: None,
    organisatie: Organisatie,
    andere_organisatie: Organisatie,
    django_assert_max_num_queries: Any,
) -> None:
    # Three working days from Monday 1 March 2027: Tue 2, Wed 3, Thu 4 - and Friday 5 is
    # nobody's business. Four working days: Friday 5, unless the organisation is closed then.
    start = date(2027, 3, 1)
    assert uiterste_datum(start=start, aantal=4, eenheid="werkdagen") == date(2027, 3, 5)
    with django_assert_max_num_queries(2):
        assert uiterste_datum(
            start=start, aantal=4, eenheid="werkdagen", organisatie_id=organisatie.pk
        ) == date(2027, 3, 8)
    # The other organisation is closed on Monday 8 March, not on Friday 5.
    assert uiterste_datum(
        start=start, aantal=4, eenheid=Eenheid.WERKDAGEN, organisatie_id=andere_organisatie.pk
    ) == date(2027, 3, 5)
    assert uiterste_datum(
        start=start, aantal=5, eenheid=Eenheid.WERKDAGEN, organisatie_id=andere_organisatie.pk
    ) == date(2027, 3, 9)
    # A calendar term ending on the closing day moves to the next ordinary day.
    assert uiterste_datum(
        start=start, aantal=4, eenheid=Eenheid.DAGEN, organisatie_id=organisatie.pk
    ) == date(2027, 3, 8)


def test_uiterste_datum_refuses_a_term_below_one(kalender: None) -> None:
    with pytest.raises(ValueError, match="ten minste 1"):
        uiterste_datum(start=date(2027, 3, 1), aantal=0, eenheid=Eenheid.DAGEN)

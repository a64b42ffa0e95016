"""Worked examples from real calendars for the Algemene termijnenwet (Atw) arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from uitvoerbaar.termijnen.rekenen import Eenheid, einddatum, feestdagen, is_vrije_dag, pasen

D = date


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [
        (1818, D(1818, 3, 22)),  # earliest possible Easter
        (1943, D(1943, 4, 25)),  # latest possible Easter
        (2000, D(2000, 4, 23)),
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2038, D(2038, 4, 25)),
        (2285, D(2285, 3, 22)),
    ],
)
def test_pasen(jaar: int, verwacht: date) -> None:
    assert pasen(jaar) == verwacht
    assert pasen(jaar).weekday() == 6


def test_pasen_refuses_years_before_the_gregorian_calendar() -> None:
    with pytest.raises(ValueError, match="gregoriaanse"):
        pasen(1500)


def test_feestdagen_2025_exactly_art_3_lid_1_and_2() -> None:
    assert feestdagen(2025) == {
        D(2025, 1, 1),  # Nieuwjaarsdag
        D(2025, 4, 18),  # Goede Vrijdag (lid 2)
        D(2025, 4, 21),  # tweede Paasdag
        D(2025, 4, 26),  # Koningsdag: 27 April 2025 is a Sunday
        D(2025, 5, 5),  # vijfde mei
        D(2025, 5, 29),  # Hemelvaartsdag
        D(2025, 6, 9),  # tweede Pinksterdag
        D(2025, 12, 25),
        D(2025, 12, 26),
    }


def test_feestdagen_2026() -> None:
    assert feestdagen(2026) == {
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 4, 27),
        D(2026, 5, 5),
        D(2026, 5, 14),
        D(2026, 5, 25),
        D(2026, 12, 25),
        D(2026, 12, 26),
    }


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [
        (2014, D(2014, 4, 26)),  # 27 April 2014 was a Sunday (the first Koningsdag)
        (2024, D(2024, 4, 27)),  # a Saturday: not moved
        (2025, D(2025, 4, 26)),
        (2026, D(2026, 4, 27)),
        (2013, D(2013, 4, 30)),  # Koninginnedag
        (2006, D(2006, 4, 29)),  # 30 April 2006 was a Sunday
    ],
)
def test_koningsdag(jaar: int, verwacht: date) -> None:
    assert verwacht in feestdagen(jaar)
    assert D(jaar, 4, 27) not in feestdagen(jaar) or verwacht == D(jaar, 4, 27)


def test_easter_sunday_and_whit_sunday_are_vrij_as_sundays_not_as_feestdagen() -> None:
    assert D(2025, 4, 20) not in feestdagen(2025)
    assert is_vrije_dag(D(2025, 4, 20))
    assert is_vrije_dag(D(2025, 6, 8))


def test_is_vrije_dag() -> None:
    assert is_vrije_dag(D(2025, 3, 8))  # Saturday
    assert is_vrije_dag(D(2025, 3, 9))  # Sunday
    assert not is_vrije_dag(D(2025, 3, 10))
    assert is_vrije_dag(D(2025, 5, 5))  # a Monday, vijfde mei
    assert not is_vrije_dag(D(2025, 5, 30))  # the Friday after Hemelvaart: a decree's business
    assert is_vrije_dag(D(2025, 5, 30), frozenset({D(2025, 5, 30)}))


@pytest.mark.parametrize(
    ("start", "aantal", "eenheid", "verwacht"),
    [
        # Plain sums when nothing is in the way.
        (D(2025, 3, 3), 1, Eenheid.DAGEN, D(2025, 3, 4)),
        (D(2025, 3, 3), 7, Eenheid.DAGEN, D(2025, 3, 10)),
        (D(2025, 3, 3), 6, Eenheid.WEKEN, D(2025, 4, 14)),
        # Art. 1 lid 1: ends on a Saturday -> the Monday after.
        (D(2025, 3, 3), 5, Eenheid.DAGEN, D(2025, 3, 10)),
        # Ends on a Sunday -> Monday.
        (D(2025, 3, 2), 1, Eenheid.WEKEN, D(2025, 3, 10)),
        # Ends on Goede Vrijdag 2025 -> past Easter Monday to Tuesday 22 April.
        (D(2025, 4, 11), 7, Eenheid.DAGEN, D(2025, 4, 22)),
        (D(2025, 4, 11), 1, Eenheid.WEKEN, D(2025, 4, 22)),
        # Ends on eerste Kerstdag 2025 (Thursday) -> 26th, weekend -> Monday 29 December.
        (D(2025, 12, 19), 6, Eenheid.DAGEN, D(2025, 12, 29)),
        # Ends on Saturday 1 January 2022 -> Monday 3 January.
        (D(2021, 12, 22), 10, Eenheid.DAGEN, D(2022, 1, 3)),
        # Ends on Nieuwjaarsdag 2026 (Thursday) -> Friday 2 January.
        (D(2025, 12, 1), 1, Eenheid.MAANDEN, D(2026, 1, 2)),
        # Ends on Koningsdag 2026 (Monday 27 April) -> Tuesday.
        (D(2026, 4, 20), 1, Eenheid.WEKEN, D(2026, 4, 28)),
        # Ends on Hemelvaartsdag 2026 (Thursday 14 May) -> Friday (no decree data given).
        (D(2026, 5, 11), 3, Eenheid.DAGEN, D(2026, 5, 15)),
        # Art. 4: three days from Thursday 17 April 2025: Goede Vrijdag, Saturday, Sunday,
        # Easter Monday; Tuesday 22 is the first ordinary day, Wednesday 23 the second.
        (D(2025, 4, 17), 3, Eenheid.DAGEN, D(2025, 4, 23)),
        # Art. 4: three days from a Friday: Sat, Sun, Monday is only one ordinary day.
        (D(2025, 3, 7), 3, Eenheid.DAGEN, D(2025, 3, 11)),
        # The three-day cooling-off period for buying a home (art. 7:2 lid 2 BW), Dec 2017:
        # signed Tuesday 19 -> Friday 22; signed Wednesday 20 -> Wednesday 27 (art. 1 lid 1).
        (D(2017, 12, 19), 3, Eenheid.DAGEN, D(2017, 12, 22)),
        (D(2017, 12, 20), 3, Eenheid.DAGEN, D(2017, 12, 27)),
        # Art. 4 does not apply to two days: Friday + 2 = Sunday -> Monday.
        (D(2025, 3, 7), 2, Eenheid.DAGEN, D(2025, 3, 10)),
        # Months: the same day-number, or the last day of a shorter month.
        (D(2025, 1, 31), 1, Eenheid.MAANDEN, D(2025, 2, 28)),
        (D(2024, 1, 31), 1, Eenheid.MAANDEN, D(2024, 2, 29)),
        (D(2025, 3, 31), 1, Eenheid.MAANDEN, D(2025, 4, 30)),
        (D(2025, 1, 15), 3, Eenheid.MAANDEN, D(2025, 4, 15)),
        # 30 January 2027 is a Saturday -> Monday 1 February.
        (D(2025, 11, 30), 14, Eenheid.MAANDEN, D(2027, 2, 1)),
        # 30 November 2025 is a Sunday -> Monday 1 December.
        (D(2025, 8, 31), 3, Eenheid.MAANDEN, D(2025, 12, 1)),
        # Saturday 28 February 2026 -> Monday 2 March.
        (D(2025, 10, 31), 4, Eenheid.MAANDEN, D(2026, 3, 2)),
        # Working days across Christmas 2025: 25, 26 feestdagen, 27, 28 weekend.
        (D(2025, 12, 24), 1, Eenheid.WERKDAGEN, D(2025, 12, 29)),
        (D(2025, 12, 24), 3, Eenheid.WERKDAGEN, D(2025, 12, 31)),
        # ... and Nieuwjaarsdag: 31 Dec, then Friday 2 and Monday 5 January 2026.
        (D(2025, 12, 24), 5, Eenheid.WERKDAGEN, D(2026, 1, 5)),
        (D(2025, 3, 7), 5, Eenheid.WERKDAGEN, D(2025, 3, 14)),
        # Starting on a vrije dag: Saturday + 1 working day = Monday.
        (D(2025, 3, 8), 1, Eenheid.WERKDAGEN, D(2025, 3, 10)),
    ],
)
def test_einddatum(start: date, aantal: int, eenheid: Eenheid, verwacht: date) -> None:
    assert einddatum(start, aantal, eenheid) == verwacht


def test_einddatum_accepts_the_unit_as_text() -> None:
    assert einddatum(D(2025, 3, 3), 5, "dagen") == D(2025, 3, 10)  # type: ignore[arg-type]


def test_extra_vrije_dagen_count_like_feestdagen() -> None:
    vrijdag_na_hemelvaart = D(2025, 5, 30)
    extra = frozenset({vrijdag_na_hemelvaart})
    # Ends on Friday 30 May 2025: ordinary without the decree, extended with it.
    assert einddatum(D(2025, 5, 23), 1, Eenheid.WEKEN) == vrijdag_na_hemelvaart
    assert einddatum(D(2025, 5, 23), 1, Eenheid.WEKEN, extra_vrije_dagen=extra) == D(2025, 6, 2)
    # Working days skip it: Wed 28, (Thu 29 Hemelvaart, Fri 30 extra), Mon 2 June.
    assert einddatum(D(2025, 5, 27), 2, Eenheid.WERKDAGEN, extra_vrije_dagen=extra) == D(2025, 6, 2)
    # Art. 4 counts it as not ordinary: three days from Wednesday 28 May 2025.
    assert einddatum(D(2025, 5, 28), 3, Eenheid.DAGEN) == D(2025, 6, 2)
    assert einddatum(D(2025, 5, 28), 3, Eenheid.DAGEN, extra_vrije_dagen=extra) == D(2025, 6, 3)


@pytest.mark.parametrize("aantal", [0, -1, -30])
@pytest.mark.parametrize("eenheid", list(Eenheid))
def test_einddatum_refuses_a_term_below_one(aantal: int, eenheid: Eenheid) -> None:
    with pytest.raises(ValueError, match="ten minste 1"):
        einddatum(D(2025, 3, 3), aantal, eenheid)


def test_einddatum_refuses_an_unknown_unit() -> None:
    with pytest.raises(ValueError):
        einddatum(D(2025, 3, 3), 3, "jaren")  # type: ignore[arg-type]

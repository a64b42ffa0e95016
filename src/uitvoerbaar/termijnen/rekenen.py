"""Deadline arithmetic under the Algemene termijnenwet (Atw). Pure: no ORM, no Django.

The rules, from the law (Wet van 25 juli 1964, Stb. 1964, 314):

- art. 1 lid 1 Atw: a term that ends on a Saturday, Sunday or algemeen erkende feestdag is
  extended up to and including the next day that is none of these;
- art. 3 lid 1 Atw: the algemeen erkende feestdagen are Nieuwjaarsdag, the Christelijke tweede
  Paas- en Pinksterdag, both Kerstdagen, Hemelvaartsdag, the day on which the King's birthday
  is celebrated, and the fifth of May;
- art. 3 lid 2 Atw: Goede Vrijdag is made equal to those days for this law;
- art. 3 lid 3 Atw: other days may be made equal by decree (published in the Staatscourant).
  Those are data, not code: callers pass them in `extra_vrije_dagen` (see `selectors`);
- art. 4 Atw: a term of at least three days is extended where needed so that it contains at
  least two days that are not a Saturday, Sunday or algemeen erkende feestdag.

A term begins on the day after its start date (the start date itself does not count).
Closing days of an organisation are, for this platform, treated like feestdagen; they reach
these functions through `extra_vrije_dagen` too.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Container
from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "Eenheid",
    "einddatum",
    "feestdagen",
    "is_vrije_dag",
    "pasen",
]

_DAG = timedelta(days=1)
_ZATERDAG = 5


class Eenheid(enum.StrEnum):
    """The unit of a term."""

    DAGEN = "dagen"
    WERKDAGEN = "werkdagen"
    WEKEN = "weken"
    MAANDEN = "maanden"


def pasen(jaar: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, also known
    as the Meeus/Jones/Butcher algorithm). Needed for Goede Vrijdag, tweede Paasdag,
    Hemelvaartsdag and tweede Pinksterdag (art. 3 lid 1 and 2 Atw)."""
    if jaar < 1583:
        raise ValueError("Pasen wordt alleen berekend voor jaren in de gregoriaanse kalender.")
    a = jaar % 19  # place in the 19-year Metonic cycle
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30  # epact: age of the moon
    i, k = divmod(c, 4)
    weekdag = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekdag) // 451
    maand, dag = divmod(h + weekdag - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


def koningsdag(jaar: int) -> date:
    """The day on which the King's (or Queen's) birthday is celebrated (art. 3 lid 1 Atw).

    Since 2014 (Wet viering Koningsdag): 27 April, or Saturday 26 April when 27 April is a
    Sunday. From 1949 to 2013 Koninginnedag was 30 April, celebrated on 29 April when 30 April
    was a Sunday (the practice since 1980; earlier years are outside this platform's use)."""
    if jaar >= 2014:
        dag = date(jaar, 4, 27)
    else:
        dag = date(jaar, 4, 30)
    if dag.weekday() == 6:
        dag -= _DAG
    return dag


@lru_cache(maxsize=256)
def feestdagen(jaar: int) -> frozenset[date]:
    """The algemeen erkende feestdagen of art. 3 lid 1 Atw and Goede Vrijdag (art. 3 lid 2
    Atw) in `jaar`. Days made equal by decree (art. 3 lid 3 Atw) are data, not included."""
    paaszondag = pasen(jaar)
    return frozenset(
        {
            date(jaar, 1, 1),  # Nieuwjaarsdag
            paaszondag - 2 * _DAG,  # Goede Vrijdag (lid 2)
            paaszondag + _DAG,  # Christelijke tweede Paasdag
            paaszondag + 39 * _DAG,  # Hemelvaartsdag (Thursday, 39 days after Easter)
            paaszondag + 50 * _DAG,  # Christelijke tweede Pinksterdag
            koningsdag(jaar),  # the day the King's birthday is celebrated
            date(jaar, 5, 5),  # de vijfde mei (every year, for the Atw)
            date(jaar, 12, 25),  # eerste Kerstdag
            date(jaar, 12, 26),  # tweede Kerstdag
        }
    )


def is_vrije_dag(dag: date, extra_vrije_dagen: Container[date] = frozenset()) -> bool:
    """True for a Saturday, Sunday or algemeen erkende feestdag (art. 1 lid 1 and art. 3 lid 1
    and 2 Atw), or a day in `extra_vrije_dagen` (days made equal by decree, art. 3 lid 3 Atw,
    and an organisation's closing days)."""
    return dag.weekday() >= _ZATERDAG or dag in feestdagen(dag.year) or dag in extra_vrije_dagen


def _plus_maanden(start: date, aantal: int) -> date:
    """The same day-number `aantal` months later, or the last day of that month when it has
    no such day (31 January + 1 month = 28 or 29 February)."""
    index = start.month - 1 + aantal
    jaar, maand = start.year + index // 12, index % 12 + 1
    return date(jaar, maand, min(start.day, calendar.monthrange(jaar, maand)[1]))


def einddatum(
    start: date,
    aantal: int,
    eenheid: Eenheid,
    *,
    extra_vrije_dagen: Container[date] = frozenset(),
) -> date:
    """The last day of a term of `aantal` `eenheid` that begins the day after `start`.

    Days, weeks and months follow the Algemene termijnenwet: the calendar end is extended to
    the first day that is not a vrije dag (art. 1 lid 1 Atw) and, for a term of at least three
    days, until the term holds at least two days that are not vrije dagen (art. 4 Atw). Both
    extensions are the smallest one that satisfies both articles together.

    Working days: the `aantal`-th day after `start` that is not a vrije dag; such an end date
    never needs an Atw extension.
    """
    if isinstance(aantal, bool) or not isinstance(aantal, int):
        raise TypeError("Het aantal van een termijn moet een geheel getal zijn.")
    if aantal < 1:
        raise ValueError("Een termijn duurt ten minste 1 dag, werkdag, week of maand.")
    eenheid = Eenheid(eenheid)

    def vrij(dag: date) -> bool:
        return is_vrije_dag(dag, extra_vrije_dagen)

    if eenheid is Eenheid.WERKDAGEN:
        dag, geteld = start, 0
        while geteld < aantal:
            dag += _DAG
            if not vrij(dag):
                geteld += 1
        return dag

    if eenheid is Eenheid.DAGEN:
        eind = start + aantal * _DAG
    elif eenheid is Eenheid.WEKEN:
        eind = start + 7 * aantal * _DAG
    else:
        eind = _plus_maanden(start, aantal)

    # art. 4 Atw: "een termijn van ten minste drie dagen" — the length of the term as set.
    minimaal_twee = (eind - start).days >= 3
    gewone_dagen = 0
    if minimaal_twee:
        dag = start + _DAG
        while dag <= eind and gewone_dagen < 2:
            gewone_dagen += not vrij(dag)
            dag += _DAG
    # Extend one day at a time: each added day may also be the second ordinary day (art. 4)
    # and must itself not be a vrije dag (art. 1 lid 1).
    while vrij(eind) or (minimaal_twee and gewone_dagen < 2):
        eind += _DAG
        gewone_dagen += not vrij(eind)
    return eind

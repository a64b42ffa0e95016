"""Properties of the Algemene termijnenwet arithmetic, for any start date, length and unit."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from uitvoerbaar.termijnen.rekenen import Eenheid, einddatum, is_vrije_dag

# Bounded and derandomized: the same examples in every run, so CI is reproducible and fast.
EIGENSCHAP = settings(max_examples=200, derandomize=True, deadline=None)

starts = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
eenheden = st.sampled_from(list(Eenheid))
aantallen = st.integers(min_value=1, max_value=40)
# Extra vrije dagen clustered near the start, so they really fall inside the terms.
extra_offsets = st.frozensets(st.integers(min_value=0, max_value=60), max_size=12)


def _extra(start: date, offsets: frozenset[int]) -> frozenset[date]:
    return frozenset(start + timedelta(days=o) for o in offsets)


@EIGENSCHAP
@given(start=starts, aantal=aantallen, eenheid=eenheden, offsets=extra_offsets)
def test_end_date_is_never_a_vrije_dag(
    start: date, aantal: int, eenheid: Eenheid, offsets: frozenset[int]
) -> None:
    extra = _extra(start, offsets)
    eind = einddatum(start, aantal, eenheid, extra_vrije_dagen=extra)
    assert not is_vrije_dag(eind, extra)


@EIGENSCHAP
@given(start=starts, aantal=aantallen, eenheid=eenheden, offsets=extra_offsets)
def test_end_date_is_after_the_start(
    start: date, aantal: int, eenheid: Eenheid, offsets: frozenset[int]
) -> None:
    assert einddatum(start, aantal, eenheid, extra_vrije_dagen=_extra(start, offsets)) > start


@EIGENSCHAP
@given(
    start=starts,
    stap=st.integers(min_value=1, max_value=40),
    aantal=aantallen,
    eenheid=eenheden,
    offsets=extra_offsets,
)
def test_never_earlier_when_the_start_grows(
    start: date, stap: int, aantal: int, eenheid: Eenheid, offsets: frozenset[int]
) -> None:
    extra = _extra(start, offsets)
    later = start + timedelta(days=stap)
    assert einddatum(later, aantal, eenheid, extra_vrije_dagen=extra) >= einddatum(
        start, aantal, eenheid, extra_vrije_dagen=extra
    )


@EIGENSCHAP
@given(
    start=starts,
    aantal=aantallen,
    meer=st.integers(min_value=1, max_value=20),
    eenheid=eenheden,
    offsets=extra_offsets,
)
def test_never_earlier_when_the_length_grows(
    start: date, aantal: int, meer: int, eenheid: Eenheid, offsets: frozenset[int]
) -> None:
    extra = _extra(start, offsets)
    assert einddatum(start, aantal + meer, eenheid, extra_vrije_dagen=extra) >= einddatum(
        start, aantal, eenheid, extra_vrije_dagen=extra
    )


@EIGENSCHAP
@given(start=starts, aantal=st.integers(min_value=3, max_value=40), offsets=extra_offsets)
def test_art_4_a_term_of_three_days_or_more_holds_two_ordinary_days(
    start: date, aantal: int, offsets: frozenset[int]
) -> None:
    extra = _extra(start, offsets)
    eind = einddatum(start, aantal, Eenheid.DAGEN, extra_vrije_dagen=extra)
    dagen = [start + timedelta(days=i) for i in range(1, (eind - start).days + 1)]
    assert sum(not is_vrije_dag(d, extra) for d in dagen) >= 2


@EIGENSCHAP
@given(start=starts, aantal=aantallen, eenheid=eenheden, offsets=extra_offsets)
def test_the_extension_is_the_smallest_one(
    start: date, aantal: int, eenheid: Eenheid, offsets: frozenset[int]
) -> None:
    """The day before the end date is either before the calendar end, or fails art. 1 / art. 4:
    the law extends 'zo nodig', never more."""
    extra = _extra(start, offsets)
    eind = einddatum(start, aantal, eenheid, extra_vrije_dagen=extra)
    if eenheid is Eenheid.WERKDAGEN:
        gewone = [
            d
            for d in (start + timedelta(days=i) for i in range(1, (eind - start).days + 1))
            if not is_vrije_dag(d, extra)
        ]
        assert len(gewone) == aantal and gewone[-1] == eind
        return
    kalender = _kalender(start, aantal, eenheid)
    assert eind >= kalender
    if eind == kalender:
        return
    # Extended: the day before the end date must fail art. 1 lid 1 or art. 4.
    vorige = eind - timedelta(days=1)
    dagen = [start + timedelta(days=i) for i in range(1, (vorige - start).days + 1)]
    te_weinig_gewone = (kalender - start).days >= 3 and sum(
        not is_vrije_dag(d, extra) for d in dagen
    ) < 2
    assert is_vrije_dag(vorige, extra) or te_weinig_gewone


def _kalender(start: date, aantal: int, eenheid: Eenheid) -> date:
    """The plain calendar end, before any Atw extension (independent re-statement)."""
    if eenheid is Eenheid.DAGEN:
        return start + timedelta(days=aantal)
    if eenheid is Eenheid.WEKEN:
        return start + timedelta(weeks=aantal)
    maand_index = start.month - 1 + aantal
    jaar, maand = start.year + maand_index // 12, maand_index % 12 + 1
    dag = start.day
    while True:
        try:
            return date(jaar, maand, dag)
        except ValueError:
            dag -= 1

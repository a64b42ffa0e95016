"""Screening free text for citizen data: what must be found, and what must not cause a false
alarm (amounts, dates, case numbers that fail the elfproef)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uitvoerbaar.core import screening


@pytest.mark.parametrize(
    ("tekst", "soort"),
    [
        ("BSN 111222333", "bsn"),
        ("bsn: 123.456.782", "bsn"),
        ("rekening NL91 ABNA 0417 1643 00", "iban"),
        ("rekening NL91ABNA0417164300.", "iban"),
        ("Rekening NL91 ABNA 0417 1643 00 werd geblokkeerd.", "iban"),
        ("Konto DE89 3704 0044 0532 0130 00 bei der Bank", "iban"),
        ("postcode 1234 AB, 5", "adres"),
        ("geboren op 12-03-1980", "geboortedatum"),
        ("mail j.jansen+werk@gemeente.nl", "email"),
        ("bel 06-12345678", "telefoon"),
        ("bel 06 1234 5678", "telefoon"),
        ("bel +31 6 12345678", "telefoon"),
        ("bel 010-1234567", "telefoon"),
        ("bel 0031 20 1234567", "telefoon"),
    ],
)
def test_citizen_data_is_found(tekst: str, soort: str) -> None:
    assert screening.soorten_in(tekst) == [soort]
    assert soort not in screening.soorten_in(screening.maskeer(tekst))


@pytest.mark.parametrize(
    "tekst",
    [
        "Een bedrag van 123456789 euro",  # fails the elfproef
        "Op 2026-11-29 om 10:30",
        "Zaaknummer 2026/004512",
        "NL91ABNA0417164301",  # IBAN with a wrong check
        "Artikel 3:4 lid 2 Awb",
        "000000000",
        "Sinds 2025 al 12 keer gebeurd, in 2026 is 3 keer meer.",
    ],
)
def test_no_false_alarm(tekst: str) -> None:
    assert screening.soorten_in(tekst) == []


def test_elfproef() -> None:
    assert screening.elfproef("111222333")
    assert screening.elfproef("123456782")
    assert not screening.elfproef("123456789")
    assert not screening.elfproef("12345678")


@given(st.text(max_size=300))
def test_masking_leaves_nothing_to_find_and_never_fails(tekst: str) -> None:
    gemaskeerd = screening.maskeer(tekst)
    assert screening.vind(gemaskeerd) == []
    if not screening.vind(tekst):
        assert gemaskeerd == tekst


def test_an_iban_ends_where_its_country_says() -> None:
    tekst = "Rekening NL91 ABNA 0417 1643 00 werd geblokkeerd."
    assert screening.maskeer(tekst) == "Rekening [IBAN-rekeningnummer verwijderd] werd geblokkeerd."

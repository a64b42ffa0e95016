"""Screening for personal identifiers: what is refused, and what ordinary case text is not."""

from __future__ import annotations

import pytest

from ..afschermen import elfproef, gevonden


def test_elfproef() -> None:
    assert elfproef("111222333")
    assert elfproef("123456782")
    assert not elfproef("123456789")
    assert not elfproef("000000000")
    assert not elfproef("12345678")


@pytest.mark.parametrize(
    ("tekst", "soorten"),
    [
        ("BSN 111 222 333 in de brief", ["bsn"]),
        ("IBAN NL91ABNA0417164300", ["iban"]),
        ("mail a.b@voorbeeld.nl", ["email"]),
        ("bel +31 6 12345678", ["telefoon"]),
        ("bel 020-1234567", ["telefoon"]),
        ("adres 1234 AB, 5", ["adres"]),
        ("geboren op 12-03-1980", ["geboortedatum"]),
    ],
)
def test_identifiers_are_found(tekst: str, soorten: list[str]) -> None:
    assert gevonden(tekst) == soorten


@pytest.mark.parametrize(
    "tekst",
    [
        "Terugvordering van 1250 euro in 24 termijnen van 52,08 euro.",
        "Artikel 3:4 lid 2 Awb en art. 4:84 Awb; sinds 1 maart 2025.",
        "Een maatregel van 10 procent gedurende 2 maanden, dossier 2025-0412.",
        "Nummer 123456789 is geen burgerservicenummer.",
        "Postcodegebied 1234 in de wijk.",
    ],
)
def test_ordinary_case_text_passes(tekst: str) -> None:
    assert gevonden(tekst) == []

"""Screening of case text and facets for personal identifiers (DESIGN §3: text from users is
screened before it is stored). A deviation is registered pseudonymised: the register compares
cases, it does not need to know who the citizen is. Found identifiers are refused, with the kind
named and never echoed back, so the message itself does not spread them."""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

_NEGEN_CIJFERS = re.compile(r"(?<![\d])(\d[ .-]?){8}\d(?![\d])")
# Country, check digits, a bank code of letters or digits, then groups of digits (the account).
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z0-9]{4}(?:\s?\d){7,24}\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TELEFOON = re.compile(
    r"(?<![\w])(?:\+31[\s-]?|0031[\s-]?|0)(?:[1-9][\s-]?)(?:\d[\s-]?){7}\d(?![\d])"
)
_POSTCODE_HUISNUMMER = re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b\s*,?\s*\d{1,5}\b", re.IGNORECASE)
_GEBOORTEDATUM = re.compile(
    r"\bgeb(?:oren|\.)?\s*(?:op\s*)?\d{1,2}[-/ .]\d{1,2}[-/ .]\d{2,4}", re.I
)

SOORTEN = {
    "bsn": gettext_lazy("een burgerservicenummer"),
    "iban": gettext_lazy("een rekeningnummer (IBAN)"),
    "email": gettext_lazy("een e-mailadres"),
    "telefoon": gettext_lazy("een telefoonnummer"),
    "adres": gettext_lazy("een postcode met huisnummer"),
    "geboortedatum": gettext_lazy("een geboortedatum"),
}


def elfproef(cijfers: str) -> bool:
    """The check of a citizen service number (BSN): weights 9..2 and -1, sum divisible by 11."""
    if len(cijfers) != 9 or not cijfers.isdigit() or cijfers == "000000000":
        return False
    totaal = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True))
    return (totaal - int(cijfers[8])) % 11 == 0


def _iban_geldig(waarde: str) -> bool:
    iban = re.sub(r"\s", "", waarde).upper()
    if not 15 <= len(iban) <= 34:
        return False
    verplaatst = iban[4:] + iban[:4]
    getal = "".join(str(int(c, 36)) for c in verplaatst)
    return int(getal) % 97 == 1


def gevonden(tekst: str) -> list[str]:
    """The kinds of identifier in `tekst` (keys of SOORTEN), in a fixed order."""
    soorten: list[str] = []
    for match in _NEGEN_CIJFERS.finditer(tekst):
        if elfproef(re.sub(r"\D", "", match.group())):
            soorten.append("bsn")
            break
    if any(_iban_geldig(m.group()) for m in _IBAN.finditer(tekst)):
        soorten.append("iban")
    if _EMAIL.search(tekst):
        soorten.append("email")
    if _TELEFOON.search(tekst):
        soorten.append("telefoon")
    if _POSTCODE_HUISNUMMER.search(tekst):
        soorten.append("adres")
    if _GEBOORTEDATUM.search(tekst):
        soorten.append("geboortedatum")
    return soorten


def melding(soorten: list[str]) -> str:
    namen = ", ".join(str(SOORTEN[s]) for s in soorten)
    return _(
        "Deze tekst bevat %(wat)s. Schrijf de casus zonder gegevens waarmee iemand te "
        "herkennen is: het register vergelijkt gevallen, niet personen."
    ) % {"wat": namen}


def weiger_identificerend(velden: Mapping[str, str]) -> None:
    """Raise a ValidationError per field whose text holds a personal identifier."""
    fouten = {
        veld: melding(soorten)
        for veld, tekst in velden.items()
        if (soorten := gevonden(tekst or ""))
    }
    if fouten:
        raise ValidationError(fouten)

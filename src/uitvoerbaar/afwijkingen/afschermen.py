"""Screening of case text and facets for personal identifiers (DESIGN §3: text from users is
screened before it is stored). A deviation is registered pseudonymised: the register compares
cases, it does not need to know who the citizen is. Found identifiers are refused, with the kind
named and never echoed back, so the message itself does not spread them."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from uitvoerbaar.core import screening
from uitvoerbaar.core.screening import elfproef

__all__ = ["SOORTEN", "elfproef", "gevonden", "melding", "weiger_identificerend"]

SOORTEN = {
    "bsn": gettext_lazy("een burgerservicenummer"),
    "iban": gettext_lazy("een rekeningnummer (IBAN)"),
    "email": gettext_lazy("een e-mailadres"),
    "telefoon": gettext_lazy("een telefoonnummer"),
    "adres": gettext_lazy("een postcode met huisnummer"),
    "geboortedatum": gettext_lazy("een geboortedatum"),
}


def gevonden(tekst: str) -> list[str]:
    """The kinds of identifier in `tekst` (keys of SOORTEN), in a fixed order. Detection is the
    platform's one screening (core.screening); this module words the refusal for a case."""
    return screening.soorten_in(tekst)


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

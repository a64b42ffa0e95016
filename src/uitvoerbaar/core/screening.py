"""Screening free text for citizen data before it is stored or published (DESIGN §3).

A professional describing a case easily pastes a citizen's BSN, IBAN, e-mail address, phone
number, postcode with house number or date of birth. `vind` finds them so the form can warn;
`maskeer` replaces them so that published text never carries them. Detection is deliberately
strict where a false alarm would annoy (a BSN must pass the elfproef, an IBAN its mod-97 check)
and broad where a miss would harm (any e-mail address, any Dutch phone number shape). One
screening for the whole platform: signalen warns with it, afwijkingen refuses with it, the
public register masks with it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

SOORTEN = {
    "bsn": _("burgerservicenummer (BSN)"),
    "iban": _("IBAN-rekeningnummer"),
    "email": _("e-mailadres"),
    "telefoon": _("telefoonnummer"),
    "adres": _("postcode met huisnummer"),
    "geboortedatum": _("geboortedatum"),
}

# Nine digits, possibly written 123.456.789 or 123 45 6789; not part of a longer number.
_BSN = re.compile(r"(?<![\d.\-])(\d(?:[ .]?\d){8})(?![\d.\-]?\d)")
# A country code, check digits and up to 30 letters or digits, spaces allowed; the longest
# prefix that passes the mod-97 check is the IBAN (the words after it are not).
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){11,30}", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Z0-9._%+\-]+@[A-Z0-9.\-]+\.[A-Z]{2,}", re.IGNORECASE)
# Dutch numbers: 06-12345678, 06 1234 5678, 010-1234567, +31 6 12345678, 0031 20 1234567.
_TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s\-]?(?:\(0\))?[\s\-]?|0)[1-9](?:[\s\-]?\d){8}(?!\d)"
)


# A postcode with a house number points at one household; a date written as a date of birth
# points at one person. Postcode letters in capitals only (as written on an address): with
# lower case, ordinary text such as "sinds 2025 al 12 keer" would look like an address.
_POSTCODE_HUISNUMMER = re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b\s*,?\s*\d{1,5}\b")
_GEBOORTEDATUM = re.compile(
    r"\bgeb(?:oren|\.)?\s*(?:op\s*)?\d{1,2}[-/ .]\d{1,2}[-/ .]\d{2,4}", re.IGNORECASE
)


@dataclass(frozen=True)
class Vondst:
    soort: str
    begin: int
    eind: int

    @property
    def label(self) -> str:
        return str(SOORTEN[self.soort])


def elfproef(cijfers: str) -> bool:
    """The BSN check: 9·d1 + 8·d2 + … + 2·d8 - 1·d9 is divisible by 11 (and not all zeros)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or set(cijfers) == {"0"}:
        return False
    totaal = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True))
    return (totaal - int(cijfers[8])) % 11 == 0


def iban_geldig(waarde: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to numbers, mod 97 is 1."""
    iban = re.sub(r"\s", "", waarde).upper()
    if not 15 <= len(iban) <= 34 or not iban[:2].isalpha() or not iban[2:4].isdigit():
        return False
    getal = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(getal) % 97 == 1


# IBAN length per country (ISO 13616 registry), for the countries a Dutch case mentions most.
IBAN_LENGTES = {
    "NL": 18,
    "BE": 16,
    "DE": 22,
    "FR": 27,
    "LU": 20,
    "GB": 22,
    "ES": 24,
    "IT": 27,
    "AT": 20,
    "CH": 21,
    "IE": 22,
    "PT": 25,
    "PL": 28,
    "DK": 18,
    "SE": 24,
    "NO": 15,
    "FI": 18,
    "TR": 26,
    "MA": 28,
}


def _iban_lengte(kandidaat: str) -> int:
    """The length in `kandidaat` (spaces included) of the valid IBAN it starts with, or 0. The
    country's registered length decides where it ends, so the words after it never count; for
    another country the longest prefix that ends a word and passes mod 97."""
    verwacht = IBAN_LENGTES.get(kandidaat[:2].upper())
    tekens = 0
    einden: list[int] = []
    for i, teken in enumerate(kandidaat):
        if not teken.isspace():
            tekens += 1
            if verwacht and tekens == verwacht:
                return i + 1 if iban_geldig(kandidaat[: i + 1]) else 0
            if tekens >= 15 and (i + 1 == len(kandidaat) or kandidaat[i + 1].isspace()):
                einden.append(i + 1)
    if verwacht is not None:
        return 0
    return next((e for e in reversed(einden) if iban_geldig(kandidaat[:e])), 0)


def openbare_tekst_fouten(velden: Mapping[str, str]) -> dict[str, str]:
    """For text that will be published: a Dutch message per field that holds citizen data."""
    return {
        veld: gettext("Deze tekst wordt openbaar: haal de persoonsgegevens eruit (%(soorten)s).")
        % {"soorten": ", ".join(str(SOORTEN[s]) for s in soorten)}
        for veld, tekst in velden.items()
        if (soorten := soorten_in(tekst or ""))
    }


def vind(tekst: str) -> list[Vondst]:
    """Every piece of citizen data in `tekst`, in order of appearance, without overlaps."""
    vondsten: list[Vondst] = []
    for m in _EMAIL.finditer(tekst):
        vondsten.append(Vondst("email", m.start(), m.end()))
    for m in _IBAN.finditer(tekst):
        lengte = _iban_lengte(m.group())
        if lengte:
            vondsten.append(Vondst("iban", m.start(), m.start() + lengte))
    for m in _BSN.finditer(tekst):
        if elfproef(re.sub(r"\D", "", m.group(1))):
            vondsten.append(Vondst("bsn", m.start(1), m.end(1)))
    for m in _TELEFOON.finditer(tekst):
        vondsten.append(Vondst("telefoon", m.start(), m.end()))
    for m in _POSTCODE_HUISNUMMER.finditer(tekst):
        vondsten.append(Vondst("adres", m.start(), m.end()))
    for m in _GEBOORTEDATUM.finditer(tekst):
        vondsten.append(Vondst("geboortedatum", m.start(), m.end()))
    vondsten.sort(key=lambda v: (v.begin, -v.eind))
    zonder_overlap: list[Vondst] = []
    for v in vondsten:
        if zonder_overlap and v.begin < zonder_overlap[-1].eind:
            continue
        zonder_overlap.append(v)
    return zonder_overlap


def soorten_in(*teksten: str) -> list[str]:
    """The kinds of citizen data found in any of the texts, each once, in a fixed order."""
    gevonden = {v.soort for tekst in teksten for v in vind(tekst or "")}
    return [s for s in SOORTEN if s in gevonden]


def maskeer(tekst: str) -> str:
    """`tekst` with every piece of citizen data replaced by a placeholder naming its kind."""
    delen: list[str] = []
    vorige = 0
    for v in vind(tekst):
        delen.append(tekst[vorige : v.begin])
        delen.append(gettext("[%(soort)s verwijderd]") % {"soort": SOORTEN[v.soort]})
        vorige = v.eind
    delen.append(tekst[vorige:])
    return "".join(delen)

"""Screening free text for citizen data before it is stored or published (DESIGN §3).

A professional describing a case easily pastes a citizen's BSN, IBAN, e-mail address or phone
number. `vind` finds them so the form can warn; `maskeer` replaces them so that published text
never carries them. Detection is deliberately strict where a false alarm would annoy (a BSN must
pass the elfproef, an IBAN its mod-97 check) and broad where a miss would harm (any e-mail
address, any Dutch phone number shape)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

SOORTEN = {
    "bsn": _("burgerservicenummer (BSN)"),
    "iban": _("IBAN-rekeningnummer"),
    "email": _("e-mailadres"),
    "telefoon": _("telefoonnummer"),
}

# Nine digits, possibly written 123.456.789 or 123 45 6789; not part of a longer number.
_BSN = re.compile(r"(?<![\d.\-])(\d(?:[ .]?\d){8})(?![\d.\-]?\d)")
_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{2,4}){3,8})\b", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Z0-9._%+\-]+@[A-Z0-9.\-]+\.[A-Z]{2,}", re.IGNORECASE)
# Dutch numbers: 06-12345678, 06 1234 5678, 010-1234567, +31 6 12345678, 0031 20 1234567.
_TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s\-]?(?:\(0\))?[\s\-]?|0)[1-9](?:[\s\-]?\d){8}(?!\d)"
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


def vind(tekst: str) -> list[Vondst]:
    """Every piece of citizen data in `tekst`, in order of appearance, without overlaps."""
    vondsten: list[Vondst] = []
    for m in _EMAIL.finditer(tekst):
        vondsten.append(Vondst("email", m.start(), m.end()))
    for m in _IBAN.finditer(tekst):
        if iban_geldig(m.group(1)):
            vondsten.append(Vondst("iban", m.start(1), m.end(1)))
    for m in _BSN.finditer(tekst):
        if elfproef(re.sub(r"\D", "", m.group(1))):
            vondsten.append(Vondst("bsn", m.start(1), m.end(1)))
    for m in _TELEFOON.finditer(tekst):
        vondsten.append(Vondst("telefoon", m.start(), m.end()))
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

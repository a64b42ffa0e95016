"""Reading a CSV file of means and actual values (U2). Pure: it checks every row against the
service's indicators and returns either all rows or all problems, each with its row number
and reason in Dutch. The service writes nothing unless the whole file is right.

The shape (comma or semicolon separated; with a semicolon a decimal comma is allowed):

    periode;budget;fte;volume;doorlooptijd (dagen);bereikbaarheid (procent)
    2024-01;12500000;180;41000;21,5;82

`periode` is a month (2024-01) or a quarter (2024-K1, also 2024-Q1: the quarter's first
month). Every indicator column names its code and, in brackets, its unit; a column whose unit
differs from the indicator's is refused, so no series mixes days with hours. An empty indicator
cell means "not measured in that period"; budget, fte and volume are required."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .constants import MAX_BUDGET, MAX_FTE, MAX_VOLUME, Eenheid

GRENZEN = {"budget": MAX_BUDGET, "fte": MAX_FTE, "volume": MAX_VOLUME}

VASTE_KOLOMMEN = ("periode", "budget", "fte", "volume")
_KOP = re.compile(r"^\s*(?P<code>[\w-]+)\s*(\((?P<eenheid>[^)]*)\))?\s*$")
_MAAND = re.compile(r"^(?P<jaar>\d{4})-(?P<maand>\d{2})$")
_KWARTAAL = re.compile(r"^(?P<jaar>\d{4})-[KQkq](?P<kwartaal>[1-4])$")


@dataclass(frozen=True)
class Fout:
    rij: int  # 1 is the header
    reden: str

    def __str__(self) -> str:
        return _("Rij %(rij)d: %(reden)s") % {"rij": self.rij, "reden": self.reden}


@dataclass
class Regel:
    rij: int
    periode: dt.date
    budget: Decimal
    fte: Decimal
    volume: int
    waarden: dict[str, float] = field(default_factory=dict)


@dataclass
class Uitkomst:
    regels: list[Regel]
    fouten: list[Fout]


def lees_periode(tekst: str) -> dt.date | None:
    tekst = tekst.strip()
    if m := _MAAND.match(tekst):
        maand = int(m["maand"])
        return dt.date(int(m["jaar"]), maand, 1) if 1 <= maand <= 12 else None
    if m := _KWARTAAL.match(tekst):
        return dt.date(int(m["jaar"]), 3 * (int(m["kwartaal"]) - 1) + 1, 1)
    return None


def _getal(tekst: str, *, decimale_komma: bool) -> Decimal | None:
    tekst = tekst.strip().replace(" ", "")
    if decimale_komma:
        tekst = tekst.replace(".", "").replace(",", ".")
    try:
        getal = Decimal(tekst)
    except InvalidOperation:
        return None
    return getal if getal.is_finite() else None


def lees(inhoud: str, *, indicatoren: Mapping[str, str]) -> Uitkomst:
    """Read `inhoud` against `indicatoren` (code → unit). Returns the rows when `fouten` is
    empty; otherwise the rows are incomplete and must not be used."""
    fouten: list[Fout] = []
    regels: list[Regel] = []
    inhoud = inhoud.lstrip("\ufeff")
    if not inhoud.strip():
        return Uitkomst([], [Fout(1, _("Het bestand is leeg."))])
    eerste = inhoud.splitlines()[0]
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    decimale_komma = scheiding == ";"
    lezer = csv.reader(io.StringIO(inhoud, newline=""), delimiter=scheiding)
    rijen: list[list[str]] = []
    try:
        for rij in lezer:
            rijen.append(rij)
    except csv.Error:
        # e.g. a quote left open or a NUL byte: name the line where reading stopped.
        return Uitkomst([], [Fout(lezer.line_num or 1, _("Deze regel is geen geldige CSV."))])
    kop = [k.strip() for k in rijen[0]]
    namen = [k.lower() for k in kop[: len(VASTE_KOLOMMEN)]]
    if tuple(namen) != VASTE_KOLOMMEN:
        fouten.append(
            Fout(
                1,
                _("De eerste kolommen moeten %(verwacht)s heten, in die volgorde.")
                % {"verwacht": ", ".join(VASTE_KOLOMMEN)},
            )
        )
        return Uitkomst([], fouten)
    kolommen: list[str] = []
    for kopje in kop[len(VASTE_KOLOMMEN) :]:
        m = _KOP.match(kopje)
        if not m:
            fouten.append(Fout(1, _("De kolomkop '%(kop)s' is niet te lezen.") % {"kop": kopje}))
            continue
        code, eenheid = m["code"], (m["eenheid"] or "").strip().lower()
        if code not in indicatoren:
            fouten.append(
                Fout(
                    1,
                    _("De indicator '%(code)s' bestaat niet bij deze dienst.") % {"code": code},
                )
            )
        elif not eenheid:
            fouten.append(
                Fout(
                    1,
                    _(
                        "De kolom '%(code)s' noemt geen eenheid. Schrijf de eenheid tussen "
                        "haakjes, bijvoorbeeld '%(code)s (%(eenheid)s)'."
                    )
                    % {"code": code, "eenheid": indicatoren[code]},
                )
            )
        elif eenheid != indicatoren[code]:
            fouten.append(
                Fout(
                    1,
                    _(
                        "De kolom '%(code)s' is in %(gegeven)s, maar de indicator wordt gemeten "
                        "in %(verwacht)s. Zet de waarden om en schrijf '%(code)s (%(eenheid)s)'."
                    )
                    % {
                        "code": code,
                        "gegeven": eenheid,
                        "verwacht": Eenheid(indicatoren[code]).label,
                        "eenheid": indicatoren[code],
                    },
                )
            )
        if code in kolommen:
            fouten.append(Fout(1, _("De kolom '%(code)s' staat er twee keer.") % {"code": code}))
        kolommen.append(code)
    if fouten:
        return Uitkomst([], fouten)

    gezien: dict[dt.date, int] = {}
    for nummer, rij in enumerate(rijen[1:], start=2):
        if not any(cel.strip() for cel in rij):
            continue  # a blank line, common at the end of exported files
        if len(rij) != len(kop):
            fouten.append(
                Fout(
                    nummer,
                    _("Deze rij heeft %(n)d velden, de kop heeft er %(k)d.")
                    % {"n": len(rij), "k": len(kop)},
                )
            )
            continue
        rijfouten: list[str] = []
        periode = lees_periode(rij[0])
        if periode is None:
            rijfouten.append(
                _("de periode '%(p)s' is geen maand (2024-01) of kwartaal (2024-K1).")
                % {"p": rij[0]}
            )
        elif periode in gezien:
            rijfouten.append(
                _("de periode %(p)s staat ook al in rij %(r)d.")
                % {"p": rij[0].strip(), "r": gezien[periode]}
            )
        else:
            gezien[periode] = nummer
        getallen: dict[str, Decimal | None] = {}
        for i, naam in enumerate(("budget", "fte", "volume"), start=1):
            if not rij[i].strip():
                rijfouten.append(_("%(naam)s ontbreekt.") % {"naam": naam})
                getallen[naam] = None
                continue
            getal = _getal(rij[i], decimale_komma=decimale_komma)
            if getal is None:
                rijfouten.append(
                    _("%(naam)s '%(tekst)s' is geen getal.") % {"naam": naam, "tekst": rij[i]}
                )
            elif getal < 0:
                rijfouten.append(
                    _("%(naam)s mag niet negatief zijn (%(tekst)s).")
                    % {"naam": naam, "tekst": rij[i].strip()}
                )
                getal = None
            elif getal >= GRENZEN[naam]:
                rijfouten.append(
                    _("%(naam)s is te groot (%(tekst)s).") % {"naam": naam, "tekst": rij[i].strip()}
                )
                getal = None
            elif naam == "volume" and getal != getal.to_integral_value():
                rijfouten.append(_("volume moet een heel aantal zaken zijn."))
                getal = None
            getallen[naam] = getal.quantize(Decimal("0.01")) if getal is not None else None
        waarden: dict[str, float] = {}
        for code, cel in zip(kolommen, rij[len(VASTE_KOLOMMEN) :], strict=True):
            if not cel.strip():
                continue
            getal = _getal(cel, decimale_komma=decimale_komma)
            if getal is None or not math.isfinite(float(getal)):
                rijfouten.append(
                    _("de waarde '%(tekst)s' van %(code)s is geen getal.")
                    % {"tekst": cel, "code": code}
                )
                continue
            if indicatoren[code] in (Eenheid.PROCENT,) and not 0 <= getal <= 100:
                rijfouten.append(
                    _("%(code)s is een percentage en moet tussen 0 en 100 liggen.") % {"code": code}
                )
                continue
            if indicatoren[code] == Eenheid.SCORE and not 1 <= getal <= 10:
                rijfouten.append(
                    _("%(code)s is een rapportcijfer en moet tussen 1 en 10 liggen.")
                    % {"code": code}
                )
                continue
            if indicatoren[code] in (Eenheid.DAGEN, Eenheid.MINUTEN, Eenheid.AANTAL) and getal < 0:
                rijfouten.append(_("%(code)s mag niet negatief zijn.") % {"code": code})
                continue
            waarden[code] = float(getal)
        if rijfouten:
            fouten.extend(Fout(nummer, r[0].upper() + r[1:]) for r in rijfouten)
            continue
        assert periode is not None
        regels.append(
            Regel(
                rij=nummer,
                periode=periode,
                budget=getallen["budget"],  # type: ignore[arg-type]
                fte=getallen["fte"],  # type: ignore[arg-type]
                volume=int(getallen["volume"]),  # type: ignore[arg-type]
                waarden=waarden,
            )
        )
    if not fouten and not regels:
        fouten.append(Fout(2, _("Het bestand heeft wel een kop, maar geen gegevens.")))
    return Uitkomst(regels, fouten)

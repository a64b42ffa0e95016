"""Charts as server-rendered SVG (issue 7, part 7): no script, so they also appear in the
keuzenota PDF (WeasyPrint draws inline SVG). Each chart carries a <title> and a <desc> that
says in words what it shows; the templates put a table with the same numbers beside it.

Colours are fixed values with enough contrast on white, and a breach is shown by shape (a
square instead of a circle) as well as by colour, so the chart does not rely on colour alone."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

BREEDTE, HOOGTE = 640, 260
LINKS, RECHTS, BOVEN, ONDER = 64, 20, 20, 48
BLAUW, ROOD, GRIJS, TEKST = "#154273", "#b3001b", "#5c5c5c", "#1a1a1a"


@dataclass(frozen=True)
class Waarde:
    label: str
    y: float
    slecht: bool = False
    laag: float | None = None
    hoog: float | None = None


def getal(x: float, decimalen: int = 2) -> str:
    """A number the Dutch way: thousands with a point, decimals with a comma, trailing zeros
    dropped (25,5 not 25,50; never -0)."""
    tekst = f"{x:,.{decimalen}f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    if tekst == "-0":
        tekst = "0"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def _schaal(waarden: Sequence[float]) -> tuple[float, float]:
    laag, hoog = min(waarden), max(waarden)
    if math.isclose(laag, hoog):
        laag, hoog = laag - 1, hoog + 1
    marge = (hoog - laag) * 0.1
    return laag - marge, hoog + marge


def _kop(id_: str, titel: str, beschrijving: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek__svg" role="img" '
        f'width="{BREEDTE}" height="{HOOGTE}" viewBox="0 0 {BREEDTE} {HOOGTE}" '
        f'aria-labelledby="{id_}-titel {id_}-desc" id="{id_}">',
        f'<title id="{id_}-titel">{escape(titel)}</title>',
        f'<desc id="{id_}-desc">{escape(beschrijving)}</desc>',
        f'<rect x="0" y="0" width="{BREEDTE}" height="{HOOGTE}" fill="#ffffff"/>',
    ]


def _assen(delen: list[str], laag: float, hoog: float, yschaal: object) -> None:
    y = yschaal  # callable
    for i in range(5):
        v = laag + (hoog - laag) * i / 4
        py = y(v)  # type: ignore[operator]
        delen.append(
            f'<line x1="{LINKS}" y1="{py:.1f}" x2="{BREEDTE - RECHTS}" y2="{py:.1f}" '
            f'stroke="#e0e0e0" stroke-width="1"/>'
        )
        delen.append(
            f'<text x="{LINKS - 6}" y="{py + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="{TEKST}">{escape(getal(round(v, 1)))}</text>'
        )
    delen.append(
        f'<line x1="{LINKS}" y1="{BOVEN}" x2="{LINKS}" y2="{HOOGTE - ONDER}" stroke="{GRIJS}"/>'
    )


def _grenslijn(delen: list[str], grens: float | None, yschaal: object) -> None:
    if grens is None:
        return
    py = yschaal(grens)  # type: ignore[operator]
    delen.append(
        f'<line x1="{LINKS}" y1="{py:.1f}" x2="{BREEDTE - RECHTS}" y2="{py:.1f}" '
        f'stroke="{ROOD}" stroke-width="2" stroke-dasharray="6 4"/>'
    )
    delen.append(
        f'<text x="{BREEDTE - RECHTS}" y="{py - 5:.1f}" font-size="11" text-anchor="end" '
        f'fill="{ROOD}">{escape(_("ondergrens"))} {escape(getal(grens))}</text>'
    )


def _markering(delen: list[str], px: float, py: float, slecht: bool) -> None:
    if slecht:
        delen.append(
            f'<rect x="{px - 5:.1f}" y="{py - 5:.1f}" width="10" height="10" fill="{ROOD}"/>'
        )
    else:
        delen.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4.5" fill="{BLAUW}"/>')


def _band(delen: list[str], px: float, laag: float, hoog: float, yschaal: object) -> None:
    y1, y2 = yschaal(hoog), yschaal(laag)  # type: ignore[operator]
    delen.append(
        f'<rect x="{px - 9:.1f}" y="{y1:.1f}" width="18" height="{max(y2 - y1, 1):.1f}" '
        f'fill="{BLAUW}" fill-opacity="0.18" stroke="{BLAUW}" stroke-width="1"/>'
    )


def lijn(
    *,
    id_: str,
    titel: str,
    beschrijving: str,
    punten: Sequence[Waarde],
    grens: float | None = None,
    extra: Waarde | None = None,
) -> SafeString:
    """A time series with the lower bound as a dashed line, and optionally one projected
    point with its band at the right (a scenario)."""
    alle = [p.y for p in punten]
    if grens is not None:
        alle.append(grens)
    if extra is not None:
        alle += [v for v in (extra.y, extra.laag, extra.hoog) if v is not None]
    if not alle:
        return mark_safe("")
    laag, hoog = _schaal(alle)
    plek = len(punten) + (1 if extra else 0)
    stap = (BREEDTE - LINKS - RECHTS) / max(plek, 1)

    def x(i: int) -> float:
        return LINKS + stap * (i + 0.5)

    def y(v: float) -> float:
        return BOVEN + (hoog - v) / (hoog - laag) * (HOOGTE - BOVEN - ONDER)

    delen = _kop(id_, titel, beschrijving)
    _assen(delen, laag, hoog, y)
    _grenslijn(delen, grens, y)
    if len(punten) > 1:
        pad = " ".join(f"{x(i):.1f},{y(p.y):.1f}" for i, p in enumerate(punten))
        delen.append(f'<polyline points="{pad}" fill="none" stroke="{BLAUW}" stroke-width="2"/>')
    elk = max(1, math.ceil(len(punten) / 8))
    for i, p in enumerate(punten):
        _markering(delen, x(i), y(p.y), p.slecht)
        if i % elk == 0 or i == len(punten) - 1:
            delen.append(
                f'<text x="{x(i):.1f}" y="{HOOGTE - ONDER + 16}" font-size="11" '
                f'text-anchor="middle" fill="{TEKST}">{escape(p.label)}</text>'
            )
    if extra is not None:
        i = len(punten)
        if extra.laag is not None and extra.hoog is not None:
            _band(delen, x(i), extra.laag, extra.hoog, y)
        _markering(delen, x(i), y(extra.y), extra.slecht)
        delen.append(
            f'<text x="{x(i):.1f}" y="{HOOGTE - ONDER + 16}" font-size="11" '
            f'text-anchor="middle" fill="{TEKST}" font-weight="bold">{escape(extra.label)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text above is escaped


def opties(
    *, id_: str, titel: str, beschrijving: str, waarden: Sequence[Waarde], grens: float | None
) -> SafeString:
    """Projected values of several options side by side, each with its prediction band."""
    alle = [v for w in waarden for v in (w.y, w.laag, w.hoog) if v is not None]
    if grens is not None:
        alle.append(grens)
    if not alle:
        return mark_safe("")
    laag, hoog = _schaal(alle)
    stap = (BREEDTE - LINKS - RECHTS) / max(len(waarden), 1)

    def x(i: int) -> float:
        return LINKS + stap * (i + 0.5)

    def y(v: float) -> float:
        return BOVEN + (hoog - v) / (hoog - laag) * (HOOGTE - BOVEN - ONDER)

    delen = _kop(id_, titel, beschrijving)
    _assen(delen, laag, hoog, y)
    _grenslijn(delen, grens, y)
    for i, w in enumerate(waarden):
        if w.laag is not None and w.hoog is not None:
            _band(delen, x(i), w.laag, w.hoog, y)
        _markering(delen, x(i), y(w.y), w.slecht)
        delen.append(
            f'<text x="{x(i):.1f}" y="{HOOGTE - ONDER + 16}" font-size="11" '
            f'text-anchor="middle" fill="{TEKST}">{escape(w.label[:30])}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text above is escaped


def verschillen(
    *, id_: str, titel: str, beschrijving: str, waarden: Sequence[Waarde]
) -> SafeString:
    """The gap of each executor against the ministries' mean, in percent: bars to the left of
    the zero line (red, marked with a triangle) are arrears, bars to the right are ahead."""
    hoogte = BOVEN + 26 * len(waarden) + 34
    grootste = max([abs(w.y) for w in waarden] + [10.0]) * 1.15
    links, breed = 220, BREEDTE - 220 - 20
    nul = links + breed / 2

    def x(v: float) -> float:
        return nul + (breed / 2) * v / grootste

    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek__svg" role="img" '
        f'width="{BREEDTE}" height="{hoogte}" viewBox="0 0 {BREEDTE} {hoogte}" '
        f'aria-labelledby="{id_}-titel {id_}-desc" id="{id_}">',
        f'<title id="{id_}-titel">{escape(titel)}</title>',
        f'<desc id="{id_}-desc">{escape(beschrijving)}</desc>',
        f'<rect x="0" y="0" width="{BREEDTE}" height="{hoogte}" fill="#ffffff"/>',
    ]
    for i, w in enumerate(waarden):
        py = BOVEN + 26 * i
        x1, x2 = sorted((nul, x(w.y)))
        kleur = ROOD if w.slecht else BLAUW
        teken = "▼ " if w.slecht else ""
        # Name and value in two columns left of the bars, so a long bar never covers them.
        delen.append(
            f'<text x="8" y="{py + 14}" font-size="12" fill="{TEKST}">{escape(w.label[:18])}</text>'
        )
        delen.append(
            f'<text x="{links - 10}" y="{py + 14}" font-size="12" text-anchor="end" '
            f'fill="{TEKST}">{escape(f"{teken}{getal(w.y, 1)}%")}</text>'
        )
        delen.append(
            f'<rect x="{x1:.1f}" y="{py}" width="{max(x2 - x1, 1):.1f}" height="18" '
            f'fill="{kleur}"/>'
        )
    delen.append(
        f'<line x1="{nul:.1f}" y1="{BOVEN - 6}" x2="{nul:.1f}" y2="{hoogte - 26}" '
        f'stroke="{TEKST}" stroke-width="2"/>'
    )
    delen.append(
        f'<text x="{nul:.1f}" y="{hoogte - 8}" font-size="11" text-anchor="middle" '
        f'fill="{TEKST}">{escape(_("0% = gemiddelde van de ministeries"))}</text>'
    )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text above is escaped

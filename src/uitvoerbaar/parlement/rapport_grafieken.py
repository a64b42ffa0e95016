"""Charts of the Stand van de uitvoering as server-rendered SVG (no script, so WeasyPrint draws
them in the PDF too). Each carries a <title> and a <desc>; the templates put a table with the
same numbers beside every chart. Segments are told apart by a text label and a pattern-free
legend with the numbers written in the bars, so the chart does not rely on colour alone.

Reuses the number format, colours and heading of `dienstverlening.grafieken`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from uitvoerbaar.dienstverlening.grafieken import BLAUW, BREEDTE, GRIJS, ROOD, TEKST, getal

ORANJE = "#8a4b00"
LABEL_BREEDTE = 230
RIJ = 24


@dataclass(frozen=True)
class Deel:
    """One segment of a bar: its name (in the legend), value and colour."""

    naam: str
    waarde: int
    kleur: str


@dataclass(frozen=True)
class Staaf:
    label: str
    delen: tuple[Deel, ...]

    @property
    def totaal(self) -> int:
        return sum(d.waarde for d in self.delen)


def _kop(id_: str, titel: str, beschrijving: str, hoogte: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek__svg" role="img" '
        f'width="{BREEDTE}" height="{hoogte}" viewBox="0 0 {BREEDTE} {hoogte}" '
        f'aria-labelledby="{id_}-titel {id_}-desc" id="{id_}">',
        f'<title id="{id_}-titel">{escape(titel)}</title>',
        f'<desc id="{id_}-desc">{escape(beschrijving)}</desc>',
        f'<rect x="0" y="0" width="{BREEDTE}" height="{hoogte}" fill="#ffffff"/>',
    ]


def staven(*, id_: str, titel: str, beschrijving: str, staven: Sequence[Staaf]) -> SafeString:
    """Horizontal bars, each made of stacked segments, with the total at the end of the bar and
    a legend below when there is more than one kind of segment."""
    if not staven:
        return mark_safe("")
    soorten: list[Deel] = []
    for s in staven:
        for d in s.delen:
            if d.naam not in {x.naam for x in soorten}:
                soorten.append(d)
    legenda = 26 if len(soorten) > 1 else 0
    hoogte = 12 + RIJ * len(staven) + legenda + 8
    breed = BREEDTE - LABEL_BREEDTE - 60
    grootste = max([s.totaal for s in staven] + [1])
    delen = _kop(id_, titel, beschrijving, hoogte)
    for i, s in enumerate(staven):
        y = 12 + RIJ * i
        delen.append(
            f'<text x="{LABEL_BREEDTE - 8}" y="{y + 13}" font-size="11" text-anchor="end" '
            f'fill="{TEKST}">{escape(s.label[:34])}</text>'
        )
        x = float(LABEL_BREEDTE)
        for d in s.delen:
            if d.waarde <= 0:
                continue
            w = breed * d.waarde / grootste
            delen.append(
                f'<rect x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" height="17" fill="{d.kleur}"/>'
            )
            x += w
        delen.append(
            f'<text x="{x + 6:.1f}" y="{y + 13}" font-size="11" fill="{TEKST}">'
            f"{escape(getal(s.totaal, 0))}</text>"
        )
    delen.append(
        f'<line x1="{LABEL_BREEDTE}" y1="8" x2="{LABEL_BREEDTE}" '
        f'y2="{12 + RIJ * len(staven)}" stroke="{GRIJS}"/>'
    )
    if legenda:
        y = 12 + RIJ * len(staven) + 10
        x = float(LABEL_BREEDTE)
        for d in soorten:
            delen.append(f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{d.kleur}"/>')
            delen.append(
                f'<text x="{x + 16:.1f}" y="{y + 10}" font-size="11" fill="{TEKST}">'
                f"{escape(d.naam)}</text>"
            )
            x += 24 + 7 * len(d.naam)
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text above is escaped


__all__ = ["BLAUW", "ORANJE", "ROOD", "Deel", "Staaf", "staven"]

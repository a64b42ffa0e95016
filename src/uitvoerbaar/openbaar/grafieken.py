"""The monitor's chart as server-rendered SVG (no script), after `dienstverlening.grafieken`:
a <title> and a <desc> that say in words what it shows, and the page puts a table with the same
numbers beside it. Each part of a bar carries its number as text as well as its colour, and the
legend names the parts, so the chart does not rely on colour alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from uitvoerbaar.dienstverlening.grafieken import BREEDTE, TEKST

# Colours with at least 4.5:1 contrast against white text drawn on them.
DELEN: tuple[tuple[str, str], ...] = (
    ("pas_toe", "#154273"),
    ("leg_uit", "#5c5c5c"),
    ("te_laat_nu", "#b3001b"),
    ("stilte", "#000000"),
)


@dataclass(frozen=True)
class Balk:
    label: str
    pas_toe: int
    leg_uit: int
    te_laat_nu: int
    stilte: int


def _labels() -> dict[str, str]:
    return {
        "pas_toe": _("Pas toe"),
        "leg_uit": _("Leg uit"),
        "te_laat_nu": _("Nu over de termijn"),
        "stilte": _("Onbeantwoord gepubliceerd"),
    }


def monitor(*, id_: str, titel: str, beschrijving: str, balken: Sequence[Balk]) -> SafeString:
    """One horizontal bar per organisation, split into its answers (pas toe, leg uit) and its
    silences (over the term now, published as unanswered)."""
    labels = _labels()
    rij, boven, links = 26, 44, 220
    breed = BREEDTE - links - 20
    hoogte = boven + rij * max(len(balken), 1) + 16
    grootste = max([b.pas_toe + b.leg_uit + b.te_laat_nu + b.stilte for b in balken] + [1])
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek__svg" role="img" '
        f'width="{BREEDTE}" height="{hoogte}" viewBox="0 0 {BREEDTE} {hoogte}" '
        f'aria-labelledby="{id_}-titel {id_}-desc" id="{id_}">',
        f'<title id="{id_}-titel">{escape(titel)}</title>',
        f'<desc id="{id_}-desc">{escape(beschrijving)}</desc>',
        f'<rect x="0" y="0" width="{BREEDTE}" height="{hoogte}" fill="#ffffff"/>',
    ]
    # Legend: a swatch and the name of each part.
    x = 8.0
    for sleutel, kleur in DELEN:
        delen.append(f'<rect x="{x:.0f}" y="8" width="14" height="14" fill="{kleur}"/>')
        delen.append(
            f'<text x="{x + 20:.0f}" y="20" font-size="12" fill="{TEKST}">'
            f"{escape(labels[sleutel])}</text>"
        )
        x += 28 + 7.2 * len(labels[sleutel])
    for i, balk in enumerate(balken):
        py = boven + rij * i
        delen.append(
            f'<text x="8" y="{py + 14}" font-size="12" fill="{TEKST}">'
            f"{escape(balk.label[:30])}</text>"
        )
        px = float(links)
        for sleutel, kleur in DELEN:
            waarde = int(getattr(balk, sleutel))
            if not waarde:
                continue
            w = breed * waarde / grootste
            delen.append(
                f'<rect x="{px:.1f}" y="{py}" width="{max(w, 1):.1f}" height="18" '
                f'fill="{kleur}"><title>{escape(labels[sleutel])}: {waarde}</title></rect>'
            )
            if w >= 18:
                delen.append(
                    f'<text x="{px + w / 2:.1f}" y="{py + 13}" font-size="11" '
                    f'text-anchor="middle" fill="#ffffff">{waarde}</text>'
                )
            px += w
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text above is escaped

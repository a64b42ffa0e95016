"""Presentation helpers shared by the screens and the keuzenota PDF: chart per indicator,
chart per option set, and their descriptions in words (the text alternative)."""

from __future__ import annotations

import datetime as dt

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from . import grafieken
from .grafieken import Waarde, getal
from .selectors import Indicatoranalyse, Indicatorprojectie, Scenarioprojectie


def periode_label(periode: dt.date) -> str:
    return f"{periode:%Y-%m}"


def _eenheid(ia: Indicatoranalyse) -> str:
    return str(ia.indicator.get_eenheid_display())


def beschrijving_reeks(ia: Indicatoranalyse) -> str:
    ind = ia.indicator
    if not ia.punten:
        return _("Nog geen metingen van %(naam)s.") % {"naam": ind.naam}
    tekst = _(
        "%(naam)s in %(eenheid)s van %(van)s tot %(tot)s (%(n)d perioden). Laatste waarde: "
        "%(laatste)s. %(richting)s."
    ) % {
        "naam": ind.naam,
        "eenheid": _eenheid(ia),
        "van": periode_label(ia.punten[0].periode),
        "tot": periode_label(ia.punten[-1].periode),
        "n": len(ia.punten),
        "laatste": getal(round(ia.punten[-1].waarde, 2)),
        "richting": ind.get_richting_display(),
    }
    if ia.ondergrens is not None:
        tekst += " " + _(
            "Ondergrens: %(grens)s. In %(aantal)d van de %(n)d perioden aan de verkeerde kant."
        ) % {
            "grens": getal(ia.ondergrens.grens),
            "aantal": ia.aantal_onderschrijdingen,
            "n": len(ia.punten),
        }
    return tekst


def grafiek_reeks(
    ia: Indicatoranalyse, *, projectie: Indicatorprojectie | None = None, label: str = ""
) -> SafeString:
    extra = None
    beschrijving = beschrijving_reeks(ia)
    p = projectie.projectie if projectie is not None else None
    if projectie is not None and p is not None and p.waarde is not None:
        extra = Waarde(
            label=label or _("scenario"),
            y=p.waarde,
            slecht=projectie.breekt,
            laag=p.laag,
            hoog=p.hoog,
        )
        beschrijving += " " + beschrijving_projectie(projectie, label or _("het scenario"))
    return grafieken.lijn(
        id_=f"reeks-{ia.indicator.pk}"
        + (f"-s{projectie.analyse.indicator.pk}" if projectie else ""),
        titel=f"{ia.indicator.naam} ({_eenheid(ia)})",
        beschrijving=beschrijving,
        punten=[
            Waarde(label=periode_label(p.periode), y=p.waarde, slecht=p.onder_grens)
            for p in ia.punten
        ],
        grens=ia.ondergrens.grens if ia.ondergrens else None,
        extra=extra,
    )


def beschrijving_projectie(ip: Indicatorprojectie, naam: str) -> str:
    p = ip.projectie
    if p.waarde is None or p.laag is None or p.hoog is None:
        return _("Voor %(naam)s is geen voorspelling: %(reden)s") % {"naam": naam, "reden": p.reden}
    tekst = _("Voorspelling bij %(naam)s: %(w)s (90%%-band %(l)s tot %(h)s).") % {
        "naam": naam,
        "w": getal(round(p.waarde, 2)),
        "l": getal(round(p.laag, 2)),
        "h": getal(round(p.hoog, 2)),
    }
    if ip.breekt:
        tekst += " " + _("Dat breekt de ondergrens.")
    elif ip.risico:
        tekst += " " + _("De band raakt de ondergrens.")
    return tekst


def grafiek_opties(ia_pk: int, projecties: list[Scenarioprojectie]) -> SafeString:
    """One indicator across the options of a keuzenota."""
    rijen = [
        (sp.scenario, next(i for i in sp.indicatoren if i.indicator.pk == ia_pk))
        for sp in projecties
    ]
    ip0 = rijen[0][1]
    waarden = [
        Waarde(
            label=s.naam,
            y=ip.projectie.waarde,
            slecht=ip.breekt,
            laag=ip.projectie.laag,
            hoog=ip.projectie.hoog,
        )
        for s, ip in rijen
        if ip.projectie.waarde is not None
    ]
    beschrijving = " ".join(beschrijving_projectie(ip, s.naam) for s, ip in rijen)
    if ip0.ondergrens is not None:
        beschrijving = (
            _("Ondergrens: %(g)s.") % {"g": getal(ip0.ondergrens.grens)} + " " + beschrijving
        )
    return grafieken.opties(
        id_=f"opties-{ia_pk}",
        titel=f"{ip0.indicator.naam} ({ip0.indicator.get_eenheid_display()}) {_('per optie')}",
        beschrijving=beschrijving,
        waarden=waarden,
        grens=ip0.ondergrens.grens if ip0.ondergrens else None,
    )

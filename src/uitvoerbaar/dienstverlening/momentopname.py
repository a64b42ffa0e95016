"""The numbers of a keuzenota as they were when it was drawn up. A note to politics must say
the same tomorrow as today: new data or a changed lower bound must not silently change a
document that was sent. The snapshot is plain JSON; `lees` turns it back into objects with
the attributes the templates and charts use for a live projection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from .models import Keuzenota, Scenario
from .selectors import Dienstanalyse, Scenarioprojectie


def maak(a: Dienstanalyse, projecties: list[Scenarioprojectie]) -> dict[str, Any]:
    laatste = a.laatste_middelen
    return {
        "versie": 1,
        "laatste": {"periode": laatste.periode.isoformat(), "budget": str(laatste.budget)}
        if laatste
        else None,
        "indicatoren": [
            {
                "id": ia.indicator.pk,
                "code": ia.indicator.code,
                "naam": ia.indicator.naam,
                "eenheid": str(ia.indicator.get_eenheid_display()),
                "ondergrens": ia.ondergrens.grens if ia.ondergrens else None,
            }
            for ia in a.indicatoren
        ],
        "opties": [
            {
                "scenario": sp.scenario.pk,
                "projecties": [
                    {
                        "indicator": ip.indicator.pk,
                        "waarde": ip.projectie.waarde,
                        "laag": ip.projectie.laag,
                        "hoog": ip.projectie.hoog,
                        "reden": ip.projectie.reden,
                        "buiten_bereik": list(ip.projectie.buiten_bereik),
                        "breekt": ip.breekt,
                        "risico": ip.risico,
                        "kans": ip.kans,
                    }
                    for ip in sp.indicatoren
                ],
                "afwegingen": [
                    {
                        "waarde_a": afw.waarde_a,
                        "waarde_b": afw.waarde_b,
                        "afweging": afw.afweging,
                        "regels": [
                            {
                                "label": r.label,
                                "oordeel_label": r.oordeel_label,
                                "toelichting": r.toelichting,
                            }
                            for r in afw.perspectieven.regels()
                        ],
                    }
                    for afw in sp.afwegingen
                ],
            }
            for sp in projecties
        ],
    }


@dataclass
class _Analyse:
    indicatoren: list[Any]
    laatste_middelen: Any = None


@dataclass
class _Optie:
    scenario: Scenario
    indicatoren: list[Any]
    afwegingen: list[Any] = field(default_factory=list)

    @property
    def gebroken(self) -> list[Any]:
        return [i for i in self.indicatoren if i.breekt]


def lees(nota: Keuzenota) -> tuple[Any, list[Any]]:
    data = nota.momentopname
    indicatoren: dict[int, SimpleNamespace] = {}
    analyse_rijen = []
    for i in data["indicatoren"]:
        eenheid = i["eenheid"]
        ind = SimpleNamespace(
            pk=i["id"], code=i["code"], naam=i["naam"], get_eenheid_display=lambda e=eenheid: e
        )
        grens = SimpleNamespace(grens=i["ondergrens"]) if i["ondergrens"] is not None else None
        indicatoren[i["id"]] = SimpleNamespace(indicator=ind, ondergrens=grens)
        analyse_rijen.append(indicatoren[i["id"]])
    scenarios = {s.pk: s for s in nota.opties.all()}
    opties = []
    for o in data["opties"]:
        rijen = []
        for p in o["projecties"]:
            ia = indicatoren[p["indicator"]]
            projectie = SimpleNamespace(
                waarde=p["waarde"],
                laag=p["laag"],
                hoog=p["hoog"],
                reden=p["reden"],
                buiten_bereik=tuple(p["buiten_bereik"]),
                bruikbaar=p["waarde"] is not None,
            )
            rijen.append(
                SimpleNamespace(
                    indicator=ia.indicator,
                    ondergrens=ia.ondergrens,
                    projectie=projectie,
                    breekt=p["breekt"],
                    risico=p["risico"],
                    kans=p["kans"],
                )
            )
        afwegingen = [
            SimpleNamespace(
                waarde_a=a["waarde_a"],
                waarde_b=a["waarde_b"],
                afweging=a["afweging"],
                perspectieven=SimpleNamespace(regels=[SimpleNamespace(**r) for r in a["regels"]]),
            )
            for a in o["afwegingen"]
        ]
        opties.append(
            _Optie(scenario=scenarios[o["scenario"]], indicatoren=rijen, afwegingen=afwegingen)
        )
    laatste = data.get("laatste")
    middelen = (
        SimpleNamespace(
            periode=dt.date.fromisoformat(laatste["periode"]), budget=Decimal(laatste["budget"])
        )
        if laatste
        else None
    )
    return _Analyse(indicatoren=analyse_rijen, laatste_middelen=middelen), opties

"""Public pages of the beleid app (no login): proposals with their steps, the explanations
of going on without input, the promises with their flags, the published uitvoeringstoetsen
(negative ones too) as pages and as open data, assignments with the history of their
return, and the track record per policy team."""

from __future__ import annotations

import csv
import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from uitvoerbaar.core.permissions import requires

from . import selectors, services
from .constants import Stapstatus


@requires("publiek.bekijken")
@require_safe
def overzicht(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "beleid/openbaar_overzicht.html",
        {
            "voorstellen": selectors.voorstellen()[:200],
            "toetsen": selectors.gepubliceerde_toetsen()[:50],
        },
    )


@requires("publiek.bekijken")
@require_safe
def voorstel(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.voorstel_detail(pk=pk)
    stappen = list(item.stappen.all())
    beloften = selectors.beloften_met_vlag(voorstel=item)
    return render(
        request,
        "beleid/voorstel.html",
        {
            "voorstel": item,
            "stappen": stappen,
            "vandaag": services.vandaag(),
            "huidig": next((s for s in stappen if s.status == Stapstatus.ACTIEF), None),
            "beloften": beloften,
            "aantal_vlaggen": sum(1 for b in beloften if b.vlag),
            "toetsen": selectors.gepubliceerde_toetsen(voorstel=item),
            "publiek": True,
        },
    )


@requires("publiek.bekijken")
@require_safe
def toets(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request, "beleid/openbaar_toets.html", {"toets": selectors.gepubliceerde_toets(pk=pk)}
    )


@requires("publiek.bekijken")
@require_safe
def toetsen_json(request: HttpRequest) -> HttpResponse:
    records = [selectors.toets_als_record(t) for t in selectors.gepubliceerde_toetsen()]
    response = HttpResponse(
        json.dumps({"uitvoeringstoetsen": records}, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _csv_veilig(waarde: object) -> object:
    """A cell that a spreadsheet would read as a formula (=, +, -, @, tab, return) gets a
    leading quote, so open data cannot carry a formula into someone's spreadsheet (CSV
    injection)."""
    if isinstance(waarde, str) and waarde[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + waarde
    return waarde


@requires("publiek.bekijken")
@require_safe
def toetsen_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="uitvoeringstoetsen.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    writer = csv.writer(response)
    writer.writerow(selectors.OPEN_DATA_VELDEN)
    for t in selectors.gepubliceerde_toetsen():
        record = selectors.toets_als_record(t)
        record["voorwaarden"] = " | ".join(
            f"{v['tekst']} ({v['antwoord'] or 'open'})" for v in record["voorwaarden"]
        )
        record["niet_haalbare_beloften"] = " | ".join(record["niet_haalbare_beloften"])
        writer.writerow(
            [
                "" if record[k] is None else _csv_veilig(record[k])
                for k in selectors.OPEN_DATA_VELDEN
            ]
        )
    return response


@requires("publiek.bekijken")
@require_safe
def opdrachten(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "beleid/openbaar_opdrachten.html",
        {"opdrachten": selectors.openbare_opdrachten()[:200]},
    )


@requires("publiek.bekijken")
@require_safe
def opdracht(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.openbare_opdracht(pk=pk)
    return render(
        request,
        "beleid/opdracht.html",
        {
            "opdracht": item,
            "publiek": True,
            "aantal_vlaggen": selectors.aantal_niet_haalbaar(voorstel_id=item.voorstel_id),
        },
    )


@requires("publiek.bekijken")
@require_safe
def trackrecord(request: HttpRequest) -> HttpResponse:
    return render(request, "beleid/trackrecord.html", {"teams": selectors.trackrecord()})

"""Public pages of the parlement app (no login): the answered questions from parliament to
executors with their answers (and the silence the engine publishes), as pages and as CSV, and
the published reports of contact moments. Never a person's name, never an open question,
never an unpublished report."""

from __future__ import annotations

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.core.paginering import BegrensdePaginator
from uitvoerbaar.core.permissions import requires
from uitvoerbaar.core.screening import maskeer

from . import selectors

PER_PAGINA = 25


def _csv_veilig(waarde: object) -> object:
    """A cell a spreadsheet would read as a formula gets a leading quote (CSV injection)."""
    if isinstance(waarde, str) and waarde[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + waarde
    return waarde


@requires("publiek.bekijken")
@require_safe
def kamervragen(request: HttpRequest) -> HttpResponse:
    uitvoerder = request.GET.get("uitvoerder", "").strip()[:60]
    qs = selectors.openbare_kamervragen(uitvoerder=uitvoerder)
    pagina = BegrensdePaginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "parlement/openbaar_kamervragen.html",
        {
            "pagina": pagina,
            "uitvoerder": uitvoerder,
            "filter_qs": f"uitvoerder={uitvoerder}&" if uitvoerder else "",
            "uitvoerders": Organisatie.objects.filter(
                kamervragen__in=selectors.openbare_kamervragen()
            )
            .distinct()
            .order_by("naam"),
        },
    )


@requires("publiek.bekijken")
@require_safe
def kamervraag(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.openbare_kamervraag(pk=pk)
    return render(
        request,
        "parlement/kamervraag.html",
        {
            "kamervraag": item,
            "antwoorden": selectors.antwoorden(item, openbaar=True),
            "vraag_tekst": maskeer(item.vraag),
            "verzoek": item.verzoek,
            "publiek": True,
        },
    )


@requires("publiek.bekijken")
@require_safe
def kamervragen_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kamervragen.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    writer = csv.writer(response)
    writer.writerow(selectors.OPEN_DATA_KAMERVRAGEN)
    for k in selectors.openbare_kamervragen():
        record = selectors.kamervraag_als_record(k)
        writer.writerow(
            [
                "" if record[v] is None else _csv_veilig(record[v])
                for v in selectors.OPEN_DATA_KAMERVRAGEN
            ]
        )
    return response


@requires("publiek.bekijken")
@require_safe
def contactmomenten(request: HttpRequest) -> HttpResponse:
    pagina = BegrensdePaginator(selectors.openbare_contactmomenten(), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(
        request, "parlement/openbaar_contactmomenten.html", {"pagina": pagina, "filter_qs": ""}
    )


@requires("publiek.bekijken")
@require_safe
def contactmoment(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request,
        "parlement/contactmoment.html",
        {
            "contactmoment": selectors.openbaar_contactmoment(pk=pk),
            "publiek": True,
            "toon_verslag": True,
        },
    )

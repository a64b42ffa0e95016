"""Pages where professionals (and anyone else: the kennisbank is public) browse and search
principles and regulations. Search works as a plain GET form; with htmx the results update
while typing (the same view answers with only the results part)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from uitvoerbaar.core.permissions import requires

from . import selectors, voorbeelden
from .forms import BeginselZoekForm, RegelingZoekForm


def _is_htmx(request: HttpRequest) -> bool:
    # A history restore needs the whole page, not the fragment.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _zoekpagina(
    request: HttpRequest, pagina: str, fragment: str, context: dict[str, Any]
) -> HttpResponse:
    htmx = _is_htmx(request)
    context["htmx"] = htmx
    response = render(request, fragment if htmx else pagina, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _niet_gevonden(
    request: HttpRequest, titel: str, tekst: str, terug_url: str, terug_label: str
) -> HttpResponse:
    return render(
        request,
        "kennisbank/niet_gevonden.html",
        {"titel": titel, "tekst": tekst, "terug_url": terug_url, "terug_label": terug_label},
        status=404,
    )


@requires("kennisbank.bekijken")
@require_safe
def beginselen(request: HttpRequest) -> HttpResponse:
    form = BeginselZoekForm(request.GET, kaders=selectors.kaders())
    zoek, kader = form.waarde("zoek"), form.waarde("kader")
    blokken = selectors.beginselen_per_kader(zoek=zoek, kader=kader)
    context = {
        "form": form,
        "blokken": blokken,
        "zoek": zoek,
        "gefilterd": bool(zoek or kader),
        "aantal": sum(blok.aantal for blok in blokken),
    }
    return _zoekpagina(
        request,
        "kennisbank/beginselen.html",
        "kennisbank/includes/beginselen_resultaten.html",
        context,
    )


@requires("kennisbank.bekijken")
@require_safe
def beginsel(request: HttpRequest, code: str) -> HttpResponse:
    try:
        item = selectors.beginsel_detail(code=code)
    except Http404:
        return _niet_gevonden(
            request,
            _("Dit beginsel bestaat niet"),
            _(
                "We kennen geen beginsel met deze naam in het adres. Zoek het beginsel op in de "
                "lijst."
            ),
            reverse("kennisbank:beginselen"),
            _("Naar alle beginselen"),
        )
    return render(
        request,
        "kennisbank/beginsel.html",
        {
            "beginsel": item,
            "verwant": selectors.verwante_beginselen(beginsel=item),
            "voorbeelden": voorbeelden.bij(item),
        },
    )


@requires("kennisbank.bekijken")
@require_safe
def regelingen(request: HttpRequest) -> HttpResponse:
    form = RegelingZoekForm(
        request.GET, eigenaren=selectors.eigenaren(), uitvoerders=selectors.uitvoerders()
    )
    zoek = form.waarde("zoek")
    gevonden = list(
        selectors.regelingen(
            zoek=zoek,
            eigenaar=form.waarde("eigenaar"),
            uitvoerder=form.waarde("uitvoerder"),
            soort=form.waarde("soort"),
        )
    )
    context = {
        "form": form,
        "regelingen": gevonden,
        "zoek": zoek,
        "aantal": len(gevonden),
        "gefilterd": any(form.waarde(v) for v in ("zoek", "eigenaar", "uitvoerder", "soort")),
    }
    return _zoekpagina(
        request,
        "kennisbank/regelingen.html",
        "kennisbank/includes/regelingen_resultaten.html",
        context,
    )


def _regeling_niet_gevonden(request: HttpRequest) -> HttpResponse:
    return _niet_gevonden(
        request,
        _("Deze regeling bestaat niet"),
        _("We kennen geen regeling met deze naam in het adres. Zoek de regeling op in de lijst."),
        reverse("kennisbank:regelingen"),
        _("Naar alle regelingen"),
    )


@requires("kennisbank.bekijken")
@require_safe
def regeling(request: HttpRequest, code: str) -> HttpResponse:
    try:
        item = selectors.regeling_detail(code=code)
    except Http404:
        return _regeling_niet_gevonden(request)
    rechten = selectors.rechten_per_soort(list(item.rechten.all()))
    return render(
        request,
        "kennisbank/regeling.html",
        {
            "regeling": item,
            "rechten_wel": rechten["wel"],
            "rechten_niet": rechten["niet"],
        },
    )


@requires("kennisbank.bekijken")
@require_safe
def artikel(request: HttpRequest, code: str, nummer: str) -> HttpResponse:
    try:
        item = selectors.artikel_detail(regeling_code=code, nummer=nummer)
    except Http404:
        if not selectors.regeling_bestaat(code=code):
            return _regeling_niet_gevonden(request)
        return _niet_gevonden(
            request,
            _("Dit artikel bestaat niet"),
            _(
                "Deze regeling heeft geen artikel met dit nummer in de kennisbank. Kies een "
                "artikel op de pagina van de regeling."
            ),
            reverse("kennisbank:regeling", args=[code]),
            _("Naar de regeling"),
        )
    rechten = selectors.rechten_per_soort(list(item.rechten.all()))
    return render(
        request,
        "kennisbank/artikel.html",
        {
            "artikel": item,
            "regeling": item.regeling,
            "rechten_wel": rechten["wel"],
            "rechten_niet": rechten["niet"],
            "algemene_gronden": selectors.algemene_afwijkingsgronden(regeling=item.regeling),
        },
    )

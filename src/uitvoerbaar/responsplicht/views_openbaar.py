"""The public register (no login): per organisation the answers and the silences, and an
overview with the counts of every organisation. Reads only, through `selectors_openbaar`."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from uitvoerbaar.core.paginering import BegrensdePaginator
from uitvoerbaar.core.permissions import requires

from . import selectors_openbaar as selectors
from . import tijdlijn


def _niet_gevonden(request: HttpRequest, titel: str, tekst: str) -> HttpResponse:
    return render(
        request,
        "responsplicht/register_niet_gevonden.html",
        {"titel": titel, "tekst": tekst},
        status=404,
    )


@requires("publiek.bekijken")
@require_safe
def overzicht(request: HttpRequest) -> HttpResponse:
    """Every organisation that had to answer, with its counts."""
    paginator = BegrensdePaginator(selectors.organisaties_in_register(), selectors.PER_PAGINA)
    pagina = paginator.get_page(request.GET.get("pagina"))
    stats = selectors.statistieken(o.pk for o in pagina.object_list)
    rijen = [(org, stats[org.pk]) for org in pagina.object_list]
    return render(
        request,
        "responsplicht/register_overzicht.html",
        {"pagina": pagina, "rijen": rijen, "vandaag": timezone.localdate()},
    )


@requires("publiek.bekijken")
@require_safe
def organisatie(request: HttpRequest, slug: str) -> HttpResponse:
    """One organisation: its counts, then its answers and silences, newest first."""
    try:
        org = selectors.organisatie(slug=slug)
    except Http404:
        return _niet_gevonden(
            request,
            _("Deze organisatie staat niet in het register"),
            _(
                "Er is geen organisatie met deze naam in het adres die ooit een verzoek moest "
                "beantwoorden. Kies een organisatie in het overzicht."
            ),
        )
    toon = request.GET.get("toon", "")
    if toon not in selectors.Toon.KEUZES:
        toon = selectors.Toon.ALLES
    paginator = BegrensdePaginator(
        selectors.verzoeken_van_organisatie(organisatie=org, toon=toon), selectors.PER_PAGINA
    )
    pagina = paginator.get_page(request.GET.get("pagina"))
    return render(
        request,
        "responsplicht/register_organisatie.html",
        {
            "organisatie": org,
            "statistiek": selectors.statistieken([org.pk])[org.pk],
            "pagina": pagina,
            "verzoeken": [selectors.openbaar(v) for v in pagina.object_list],
            "toon": toon,
            "filters": [
                (selectors.Toon.ALLES, _("Alles")),
                (selectors.Toon.ANTWOORDEN, _("Antwoorden")),
                (selectors.Toon.STILTE, _("Onbeantwoord")),
            ],
        },
    )


@requires("publiek.bekijken")
@require_safe
def verzoek(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """One public request with the public part of its timeline."""
    try:
        gevonden = selectors.openbaar(selectors.openbaar_verzoek(kenmerk=kenmerk))
    except Http404:
        return _niet_gevonden(
            request,
            _("Dit verzoek staat niet in het register"),
            _(
                "Er is geen openbaar verzoek met dit kenmerk. Niet elk verzoek wordt openbaar: "
                "dat hangt af van de soort verzoek, en soms van een weigeringsgrond uit de Wet "
                "open overheid."
            ),
        )
    return render(
        request,
        "responsplicht/register_verzoek.html",
        {
            "verzoek": gevonden,
            "tijdlijn": tijdlijn.stappen(gevonden.pk, publiek=tijdlijn.Publiek.OPENBAAR),
        },
    )

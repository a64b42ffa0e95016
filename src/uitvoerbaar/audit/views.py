from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from uitvoerbaar.core.paginering import BegrensdePaginator
from uitvoerbaar.core.permissions import requires

from . import selectors

INZAGES_PER_PAGINA = 50


@requires("audit.ketenkop.bekijken")
def ketenkop(request: HttpRequest) -> HttpResponse:
    return render(request, "audit/ketenkop.html", {"kop": selectors.ketenkop()})


@requires("audit.toegangslog.bekijken")
def inzages(request: HttpRequest) -> HttpResponse:
    """Who viewed confidential data of the person's own organisations."""
    paginator = BegrensdePaginator(selectors.inzages(user=request.user), INZAGES_PER_PAGINA)
    pagina = paginator.get_page(request.GET.get("pagina"))
    return render(request, "audit/inzages.html", {"pagina": pagina})

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from uitvoerbaar.core.permissions import requires

from . import selectors


@requires("audit.ketenkop.bekijken")
def ketenkop(request: HttpRequest) -> HttpResponse:
    return render(request, "audit/ketenkop.html", {"kop": selectors.ketenkop()})

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from uitvoerbaar.core.permissions import requires


@requires("kennisbank.bekijken")
def beginselen(request: HttpRequest) -> HttpResponse:
    return render(request, "kennisbank/beginselen.html", {})


@requires("kennisbank.bekijken")
def regelingen(request: HttpRequest) -> HttpResponse:
    return render(request, "kennisbank/regelingen.html", {})

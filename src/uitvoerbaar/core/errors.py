from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        from uitvoerbaar.api.errors import problem_response

        return problem_response(status=403, title="Geen toegang",
                                detail="U hebt geen toegang tot deze gegevens of handeling.")
    return render(request, "403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        from uitvoerbaar.api.errors import problem_response

        return problem_response(status=404, title="Niet gevonden",
                                detail="Dit adres bestaat niet.")
    return render(request, "404.html", status=404)

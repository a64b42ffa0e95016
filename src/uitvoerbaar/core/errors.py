"""Error pages: Dutch HTML for people, problem+json under /api/."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        from uitvoerbaar.api.errors import problem_response, titel

        return problem_response(
            status=403,
            title=titel(403),
            detail=_("U hebt geen toegang tot deze gegevens of handeling."),
        )
    return render(request, "403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        from uitvoerbaar.api.errors import problem_response, titel

        return problem_response(status=404, title=titel(404), detail=_("Dit adres bestaat niet."))
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        from uitvoerbaar.api.errors import server_error as api_server_error

        response = api_server_error(request)
        if response is not None:
            return response
    return defaults.server_error(request)

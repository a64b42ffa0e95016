"""Refuse API input that carries a NUL character, before any view or query sees it.

PostgreSQL cannot store or compare text with a NUL byte: a lookup such as a slug field then
fails with a database error (a 500) instead of a Dutch message. DRF's text fields refuse NUL
themselves; this covers the JSON input that reaches a query otherwise (relations by slug)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .errors import problem_response, titel


def _heeft_nul(waarde: Any) -> bool:
    if isinstance(waarde, str):
        return "\x00" in waarde
    if isinstance(waarde, dict):
        return any(_heeft_nul(k) or _heeft_nul(v) for k, v in waarde.items())
    if isinstance(waarde, list):
        return any(_heeft_nul(v) for v in waarde)
    return False


class GeenNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/") and self._nul_in_invoer(request):
            return problem_response(
                status=400,
                title=titel(400),
                detail=_("De invoer bevat een ongeldig teken (NUL). Er is niets veranderd."),
            )
        return self.get_response(request)

    @staticmethod
    def _nul_in_invoer(request: HttpRequest) -> bool:
        # Query strings are each view's own: its filters strip or refuse NUL (tested there).
        if request.content_type == "application/json" and request.body:
            try:
                return _heeft_nul(json.loads(request.body))
            except ValueError:
                return False  # malformed JSON: the parser answers with its own 400
        return False

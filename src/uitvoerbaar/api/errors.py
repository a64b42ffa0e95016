"""RFC 9457 problem details for every API error, with a Dutch message per field."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM = "application/problem+json"

TITELS: dict[int, str] = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    415: "Formaat van de invoer niet ondersteund",
    429: "Te veel verzoeken",
}


def problem_response(
    *, status: int, title: str, detail: str, errors: list[dict[str, str]] | None = None,
    **extra: Any,
) -> Response:
    from django.http import JsonResponse

    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status,
                            "detail": detail}
    if errors:
        body["errors"] = errors
    body.update(extra)
    return JsonResponse(body, status=status, content_type=PROBLEM)  # type: ignore[return-value]


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """DRF error detail (nested dicts and lists) → [{"field": "a.b", "message": "…"}]."""
    if isinstance(detail, dict):
        out: list[dict[str, str]] = []
        for key, value in detail.items():
            name = "" if key in {"non_field_errors", "__all__"} else str(key)
            out += _flatten(value, f"{prefix}.{name}" if prefix and name else prefix or name)
        return out
    if isinstance(detail, list):
        out = []
        for i, item in enumerate(detail):
            if isinstance(item, dict | list) and not isinstance(item, str):
                out += _flatten(item, f"{prefix}.{i}" if prefix else str(i))
            else:
                out += _flatten(item, prefix)
        return out
    return [{"field": prefix, "message": str(detail)}]


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound("Dit bestaat niet, of u hebt er geen toegang toe.")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        detail = "Controleer de invoer: " + "; ".join(
            f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors
        )
    else:
        errors = []
        detail = str(getattr(exc, "detail", "")) or TITELS.get(code, "Fout")
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITELS.get(code, "Fout"),
        "status": code,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response.data = body
    response.content_type = PROBLEM
    if code == status.HTTP_401_UNAUTHORIZED and "WWW-Authenticate" not in response:
        response["WWW-Authenticate"] = 'Session realm="api"'
    return response

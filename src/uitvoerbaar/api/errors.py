"""RFC 9457 problem details for every API error, with a Dutch message per field."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from uitvoerbaar.core.transitions import OngeldigeOvergang

PROBLEM = "application/problem+json"

TITELS: dict[int, Any] = {
    400: gettext_lazy("Ongeldige invoer"),
    401: gettext_lazy("Niet ingelogd"),
    403: gettext_lazy("Geen toegang"),
    404: gettext_lazy("Niet gevonden"),
    405: gettext_lazy("Methode niet toegestaan"),
    406: gettext_lazy("Formaat niet beschikbaar"),
    409: gettext_lazy("Dit kan nu niet"),
    415: gettext_lazy("Formaat van de invoer niet ondersteund"),
    429: gettext_lazy("Te veel verzoeken"),
    500: gettext_lazy("Fout in de server"),
}


def titel(code: int) -> str:
    return str(TITELS.get(code, gettext_lazy("Fout")))


def problem_body(
    *, status: int, title: str, detail: str, errors: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": str(title),
        "status": status,
        "detail": str(detail),
    }
    if errors:
        body["errors"] = errors
    return body


def problem_response(
    *,
    status: int,
    title: str,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    **extra: Any,
) -> HttpResponse:
    """A problem+json response outside DRF (middleware, lockout, error handlers)."""
    body = problem_body(status=status, title=title, detail=detail, errors=errors)
    body.update(extra)
    return JsonResponse(body, status=status, content_type=PROBLEM)


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """DRF error detail (nested dicts and lists) → [{"field": "a.b", "message": "…"}]."""
    if isinstance(detail, dict):
        out: list[dict[str, str]] = []
        for key, value in detail.items():
            name = "" if key in {"non_field_errors", "__all__", ""} else str(key)
            out += _flatten(value, f"{prefix}.{name}" if prefix and name else prefix or name)
        return out
    if isinstance(detail, list):
        out = []
        for i, item in enumerate(detail):
            if isinstance(item, dict | list):
                out += _flatten(item, f"{prefix}.{i}" if prefix else str(i))
            else:
                out += _flatten(item, prefix)
        return out
    return [{"field": prefix, "message": str(detail)}]


class Conflict(exceptions.APIException):
    """A move the transition table does not allow from the object's current state (409)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("Deze handeling kan nu niet.")
    default_code = "conflict"


def _to_drf(exc: Exception) -> Exception:
    """Django's exceptions, raised by services and selectors, as their DRF counterparts."""
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        )
    if isinstance(exc, Http404):
        return exceptions.NotFound(
            str(exc) or _("Dit bestaat niet, of u hebt er geen toegang toe.")
        )
    if isinstance(exc, OngeldigeOvergang):
        return Conflict(str(exc))
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(
            str(exc) or _("U hebt geen toegang tot deze gegevens of handeling.")
        )
    return exc


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    exc = _to_drf(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        detail = _("Controleer de invoer: %(fouten)s") % {
            "fouten": "; ".join(
                f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors
            )
        }
        title = titel(code)
    else:
        errors = []
        detail = str(getattr(exc, "detail", "")) or titel(code)
        # With session authentication DRF answers "not logged in" with 403 (there is no
        # WWW-Authenticate scheme for cookies); the title still says what is wrong.
        title = titel(401) if isinstance(exc, exceptions.NotAuthenticated) else titel(code)
    response.data = problem_body(status=code, title=title, detail=detail, errors=errors)
    response.content_type = PROBLEM
    if code == status.HTTP_401_UNAUTHORIZED and "WWW-Authenticate" not in response:
        response["WWW-Authenticate"] = 'Session realm="api"'
    return response


def server_error(request: HttpRequest) -> HttpResponse | None:
    """problem+json for an unexpected error under /api/ (None elsewhere: the HTML page)."""
    if request.path.startswith("/api/"):
        return problem_response(
            status=500,
            title=titel(500),
            detail=_("Er ging iets mis in de server. Probeer het later opnieuw."),
        )
    return None

"""OpenAPI pieces every app's API shares: the problem details body (RFC 9457), the error
responses a call declares, and the post-processing of the generated schema (drf-spectacular
`POSTPROCESSING_HOOKS`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from .errors import PROBLEM


class VeldfoutSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(
        help_text=_("Het veld met de fout (leeg als de fout de hele invoer betreft).")
    )
    message = serializers.CharField(help_text=_("Wat er mis is, in het Nederlands."))


class ProbleemSerializer(serializers.Serializer[Any]):
    """application/problem+json (RFC 9457), as every API error is answered."""

    type = serializers.CharField(default="about:blank")
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    # DRF takes declared fields off the class, so the field does not hide Serializer.errors.
    errors = VeldfoutSerializer(many=True, required=False)  # type: ignore[assignment]


def probleemantwoorden(beschrijvingen: Mapping[int, str]) -> Callable[..., dict[Any, Any]]:
    """An app's `problemen(*codes)`: its error responses for `extend_schema(responses=...)`, as
    application/problem+json, each described in the app's own words."""

    def problemen(*codes: int) -> dict[Any, Any]:
        return {
            (code, PROBLEM): OpenApiResponse(
                response=ProbleemSerializer, description=beschrijvingen[code]
            )
            for code in codes
        }

    return problemen


# Every operation can answer these, whatever its view declares: 400 for input it cannot read
# (a malformed filter, page or body), 404 for an object that does not exist or that the asker
# may not know of, and for a page past the end of a list. Both as problem+json.
ALTIJD_MOGELIJK: dict[str, str] = {
    "400": "Ongeldige invoer: per veld een Nederlandse melding (`errors`). Er is niets veranderd.",
    "404": "Het bestaat niet, of u hoort er niet bij (het bestaan wordt niet verraden).",
}


def standaard_problemen(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """Declare the problem responses every operation can give where its view did not."""
    if "Probleem" not in result.get("components", {}).get("schemas", {}):
        return result
    inhoud = {PROBLEM: {"schema": {"$ref": "#/components/schemas/Probleem"}}}
    for methoden in result.get("paths", {}).values():
        for operatie in methoden.values():
            antwoorden = operatie.setdefault("responses", {})
            for code, omschrijving in ALTIJD_MOGELIJK.items():
                antwoorden.setdefault(code, {"content": inhoud, "description": omschrijving})
    return result

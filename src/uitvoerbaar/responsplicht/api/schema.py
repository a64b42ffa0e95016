"""OpenAPI pieces shared by the views of the response duty API: the problem details body
(RFC 9457) and the error responses each call can give."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from uitvoerbaar.api.errors import PROBLEM


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


_PROBLEMEN: dict[int, str] = {
    400: "Ongeldige invoer: per veld een Nederlandse melding (`errors`).",
    403: "Niet ingelogd, of geen toegang tot deze handeling.",
    404: "Het bestaat niet, of u hoort er niet bij (het bestaan wordt niet verraden).",
    409: "Deze handeling kan niet in de huidige stand van het verzoek.",
}


def problemen(*codes: int) -> dict[Any, Any]:
    """Error responses for `extend_schema(responses=...)`, as application/problem+json."""
    return {
        (code, PROBLEM): OpenApiResponse(response=ProbleemSerializer, description=_PROBLEMEN[code])
        for code in codes
    }


VERZOEK_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="Het nummer van het reactieverzoek."
)

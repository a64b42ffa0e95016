"""OpenAPI pieces of the signalen API: its error responses (RFC 9457, the body is the one of
the response duty API) and the path parameters."""

from __future__ import annotations

import uuid
from typing import Any

from drf_spectacular.utils import OpenApiParameter

from uitvoerbaar.api.schema import probleemantwoorden

TAG = "signalen"
# Public: no login needed (a session cookie is accepted but not required). The hint says str,
# but drf-spectacular takes security requirement objects here.
PUBLIEK: Any = [{"cookieAuth": []}, {}]

_PROBLEMEN: dict[int, str] = {
    400: "Ongeldige invoer: per veld een Nederlandse melding (`errors`). Er is niets veranderd.",
    403: "Niet ingelogd, of geen toegang tot deze handeling.",
    404: "Het bestaat niet, of u hoort er niet bij (het bestaan wordt niet verraden).",
    409: "Deze handeling kan niet in de huidige status van het signaal.",
    429: "Te veel verkeerde ontvangstcodes vanaf dit adres; probeer het later opnieuw.",
}


problemen = probleemantwoorden(_PROBLEMEN)


SIGNAAL_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="Het nummer van het signaal."
)
NOODREM_ID = OpenApiParameter(
    "id", uuid.UUID, OpenApiParameter.PATH, description="De identificatie van de noodrem."
)

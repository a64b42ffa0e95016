"""OpenAPI pieces shared by the views of the response duty API: the error responses each call
can give (the problem details body is `uitvoerbaar.api.schema`'s) and the path parameters."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter

from uitvoerbaar.api.schema import probleemantwoorden

_PROBLEMEN: dict[int, str] = {
    400: "Ongeldige invoer: per veld een Nederlandse melding (`errors`).",
    403: "Niet ingelogd, of geen toegang tot deze handeling.",
    404: "Het bestaat niet, of u hoort er niet bij (het bestaan wordt niet verraden).",
    409: "Deze handeling kan niet in de huidige stand van het verzoek.",
}


problemen = probleemantwoorden(_PROBLEMEN)


VERZOEK_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="Het nummer van het reactieverzoek."
)

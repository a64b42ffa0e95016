"""Post-processing of the generated OpenAPI schema (drf-spectacular `POSTPROCESSING_HOOKS`)."""

from __future__ import annotations

from typing import Any

from .errors import PROBLEM

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

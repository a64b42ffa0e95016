"""The API's pages: DRF's page numbers over the bounded count of `core.paginering`."""

from __future__ import annotations

from typing import Any

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from uitvoerbaar.core.paginering import GRENS, BegrensdePaginator


class BegrensdePaginering(PageNumberPagination):
    django_paginator_class = BegrensdePaginator

    def get_paginated_response(self, data: Any) -> Response:
        antwoord = super().get_paginated_response(data)
        antwoord.data["count_begrensd"] = self.page.paginator.afgekapt  # type: ignore[union-attr]
        return antwoord

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        uit = super().get_paginated_response_schema(schema)
        uit["properties"]["count_begrensd"] = {
            "type": "boolean",
            "description": (
                f"Waar als er meer dan {GRENS:,} resultaten zijn: `count` is dan {GRENS:,} "
                "(een ondergrens) en `next` wijst door zolang een pagina vol is."
            ).replace(",", "."),
        }
        uit["required"] = [*uit.get("required", []), "count_begrensd"]
        return uit

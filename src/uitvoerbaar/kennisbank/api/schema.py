"""OpenAPI support: choice fields whose choices become one named enum component.

drf-spectacular names enums after the field (`soort`), and warns when one name carries
different choice sets (a regulation's soort, a right's soort, an organisation's soort) or one
choice set several names (the four `*_oordeel` fields). `KeuzeVeld` names the component after
its TextChoices class instead (`RegelingSoortEnum`, `OordeelEnum`), without settings."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers


class KeuzeVeld(serializers.ChoiceField):
    def __init__(self, keuzes: type[models.TextChoices], **kwargs: Any) -> None:
        self.keuzes = keuzes
        super().__init__(choices=keuzes.choices, **kwargs)


class KeuzeVeldExtension(OpenApiSerializerFieldExtension):
    target_class = KeuzeVeld

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        keuzes: type[models.TextChoices] = self.target.keuzes
        naam = f"{keuzes.__name__}Enum"
        component = ResolvedComponent(
            name=naam,
            type=ResolvedComponent.SCHEMA,
            object=naam,
            schema={
                "type": "string",
                "enum": list(keuzes.values),
                "description": "\n".join(
                    f"* `{waarde}` - {label}" for waarde, label in keuzes.choices
                ),
            },
        )
        auto_schema.registry.register_on_missing(component)
        veld: KeuzeVeld = self.target
        if not veld.allow_blank:
            return component.ref
        # "" means "not chosen (yet)", as on the model's blank choice field.
        return {"oneOf": [component.ref, {"type": "string", "enum": [""]}]}

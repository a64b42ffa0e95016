"""Serializers of the core API. Input serializers validate only the shape of the input; the
rules (role fits the organisation, unit of the same organisation) live in `core.services`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Lidmaatschap, Organisatie


class OrganisatieKortSerializer(serializers.ModelSerializer[Organisatie]):
    class Meta:
        model = Organisatie
        fields = ["slug", "naam", "afkorting", "soort"]


class EenheidSerializer(serializers.ModelSerializer[Eenheid]):
    class Meta:
        model = Eenheid
        fields = ["id", "naam", "bovenliggend"]


class LidmaatschapSerializer(serializers.ModelSerializer[Lidmaatschap]):
    organisatie = OrganisatieKortSerializer(read_only=True)
    eenheid = serializers.CharField(
        source="eenheid.naam", default=None, read_only=True, allow_null=True
    )
    gebruiker = serializers.CharField(source="gebruiker.username", read_only=True)
    naam = serializers.SerializerMethodField()

    class Meta:
        model = Lidmaatschap
        fields = ["id", "gebruiker", "naam", "organisatie", "eenheid", "rol", "actief", "sinds"]

    def get_naam(self, obj: Lidmaatschap) -> str:
        return str(obj.gebruiker)


class OrganisatieSerializer(serializers.ModelSerializer[Organisatie]):
    eenheden = EenheidSerializer(many=True, read_only=True)
    eigenaar_ministerie: serializers.SlugRelatedField[Organisatie] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )

    class Meta:
        model = Organisatie
        fields = ["slug", "naam", "afkorting", "soort", "eigenaar_ministerie", "eenheden"]


class IkSerializer(serializers.ModelSerializer[Gebruiker]):
    naam = serializers.SerializerMethodField()
    lidmaatschappen = serializers.SerializerMethodField()
    tweede_factor_vereist = serializers.BooleanField(read_only=True)

    class Meta:
        model = Gebruiker
        fields = ["username", "naam", "tweede_factor_vereist", "lidmaatschappen"]

    def get_naam(self, obj: Gebruiker) -> str:
        return str(obj)

    def get_lidmaatschappen(self, obj: Gebruiker) -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = LidmaatschapSerializer(
            obj.actieve_lidmaatschappen(), many=True
        ).data  # type: ignore[assignment]
        return data


class NieuwLidmaatschapSerializer(serializers.Serializer[Any]):
    """Input for giving a person a role in an organisation (the organisation is in the URL)."""

    gebruiker = serializers.SlugRelatedField(
        slug_field="username",
        queryset=Gebruiker.objects.filter(is_active=True),
        help_text=_("De gebruikersnaam van de persoon die de rol krijgt."),
        error_messages={
            "required": _("Vul de gebruikersnaam in."),
            "null": _("Vul de gebruikersnaam in."),
            "does_not_exist": _("Er is geen actieve gebruiker met deze gebruikersnaam."),
            "invalid": _("Vul een gebruikersnaam in."),
        },
    )
    rol = serializers.ChoiceField(
        choices=Rol.choices,
        error_messages={
            "required": _("Kies een rol."),
            "invalid_choice": _("Kies een rol uit de lijst."),
        },
    )
    eenheid = serializers.PrimaryKeyRelatedField(
        queryset=Eenheid.objects.none(),
        required=False,
        allow_null=True,
        help_text=_("Het nummer van een eenheid van deze organisatie (mag leeg blijven)."),
        error_messages={
            "does_not_exist": _("Deze organisatie heeft geen eenheid met dit nummer."),
            "incorrect_type": _("Het nummer van de eenheid is een geheel getal."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisatie: Organisatie | None = self.context.get("organisatie")
        if organisatie is not None:
            # Units of other organisations do not exist as far as this request is concerned.
            self.fields["eenheid"].queryset = Eenheid.objects.filter(  # type: ignore[attr-defined]
                organisatie=organisatie
            )

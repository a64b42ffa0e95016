"""Serializers of the Stand van de uitvoering API (/api/v1/rapporten). Output names the
organisation, never the person who asked; input checks only the shape, with a Dutch message per
field; the period rules are the service's."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from uitvoerbaar.core.api.serializers import OrganisatieKortSerializer
from uitvoerbaar.responsplicht.api.serializers import Invoer

from ..models import Rapport

DATUM_FOUT = _("Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-12-31.")


class RapportSerializer(serializers.ModelSerializer[Rapport]):
    organisatie = OrganisatieKortSerializer(
        read_only=True, allow_null=True, help_text=_("Leeg voor het landelijk overzicht.")
    )
    landelijk = serializers.BooleanField(read_only=True)
    openbaar = serializers.SerializerMethodField()
    pdf = serializers.SerializerMethodField(
        help_text=_("Adres van de PDF zodra het rapport klaar is.")
    )
    html = serializers.SerializerMethodField(
        help_text=_("Adres van de HTML zodra het rapport klaar is.")
    )

    class Meta:
        model = Rapport
        fields = [
            "id",
            "organisatie",
            "landelijk",
            "van",
            "tot",
            "status",
            "voortgang",
            "stap",
            "aangevraagd_op",
            "gestart_op",
            "klaar_op",
            "openbaar",
            "pdf",
            "html",
        ]
        read_only_fields = fields

    def get_openbaar(self, obj: Rapport) -> bool:
        return obj.gepubliceerd_op is not None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_pdf(self, obj: Rapport) -> str | None:
        return reverse("api:rapport-pdf", args=[obj.pk]) if obj.klaar else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_html(self, obj: Rapport) -> str | None:
        return reverse("api:rapport-html", args=[obj.pk]) if obj.klaar else None


class RapportInvoer(Invoer):
    organisatie = serializers.SlugField(
        required=False,
        allow_null=True,
        help_text=_(
            "De korte naam van de uitvoeringsorganisatie; weglaten of null voor het landelijk "
            "overzicht."
        ),
    )
    van = serializers.DateField(error_messages={"invalid": DATUM_FOUT, "required": DATUM_FOUT})
    tot = serializers.DateField(error_messages={"invalid": DATUM_FOUT, "required": DATUM_FOUT})

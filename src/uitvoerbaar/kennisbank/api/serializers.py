"""Serializers of the kennisbank API, and `PerspectievenSerializer` for other apps' APIs.

Using `PerspectievenSerializer` in another app (nest it read-only in the subject's serializer;
for writing, validate it and pass `validated_data` to the service):

    serializer = PerspectievenSerializer(data=request.data, partial=True)
    serializer.is_valid(raise_exception=True)
    beoordeling = services.save_perspectieven(
        door=request.user, beoordeling=subject.perspectieven, data=serializer.validated_data)
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from uitvoerbaar.core.api.serializers import OrganisatieKortSerializer
from uitvoerbaar.kennisbank.constants import (
    AfwijkingsgrondSoort,
    Oordeel,
    Perspectief,
    RechtSoort,
    RegelingSoort,
)
from uitvoerbaar.kennisbank.models import (
    PERSPECTIEF_VELDEN,
    Afwijkingsgrond,
    Artikel,
    Beginsel,
    Kader,
    Perspectiefbeoordeling,
    Rechtuitspraak,
    Regeling,
)

from .schema import KeuzeVeld


class _PaginaMixin(serializers.Serializer):
    """The address of the human-readable page, absolute when the request is known."""

    @extend_schema_field(serializers.URLField())
    def get_pagina(self, obj: Beginsel | Regeling) -> str:
        pad = obj.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request is not None else pad


class KaderSerializer(serializers.ModelSerializer[Kader]):
    class Meta:
        model = Kader
        fields = ["code", "naam", "bron"]


class BeginselSerializer(_PaginaMixin, serializers.ModelSerializer[Beginsel]):
    kader = KaderSerializer(read_only=True)
    vragen = serializers.ListField(child=serializers.CharField(), read_only=True)
    pagina = serializers.SerializerMethodField()

    class Meta:
        model = Beginsel
        fields = [
            "code",
            "naam",
            "kader",
            "groep",
            "geschreven",
            "wettelijke_grondslag",
            "toelichting",
            "vragen",
            "pagina",
        ]


class ArtikelSerializer(serializers.ModelSerializer[Artikel]):
    url = serializers.URLField(source="wetten_url", read_only=True)
    pagina = serializers.SerializerMethodField()

    class Meta:
        model = Artikel
        fields = ["nummer", "titel", "samenvatting", "bedoeling", "beleidsruimte", "url", "pagina"]

    @extend_schema_field(serializers.URLField())
    def get_pagina(self, obj: Artikel) -> str:
        # Built from the parent regulation in the context: no query per article.
        regeling: Regeling = self.context["regeling"]
        pad = reverse("kennisbank:artikel", args=[regeling.code, obj.nummer])
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request is not None else pad


class RechtSerializer(serializers.ModelSerializer[Rechtuitspraak]):
    soort = KeuzeVeld(RechtSoort, read_only=True)
    artikel = serializers.CharField(source="artikel.nummer", read_only=True, allow_null=True)

    class Meta:
        model = Rechtuitspraak
        fields = ["soort", "tekst", "artikel"]


class AfwijkingsgrondSerializer(serializers.ModelSerializer[Afwijkingsgrond]):
    soort = KeuzeVeld(AfwijkingsgrondSoort, read_only=True)
    artikel = serializers.CharField(source="artikel.nummer", read_only=True, allow_null=True)

    class Meta:
        model = Afwijkingsgrond
        fields = ["soort", "artikel", "omschrijving", "vereisten"]


class RegelingSerializer(_PaginaMixin, serializers.ModelSerializer[Regeling]):
    soort = KeuzeVeld(RegelingSoort, read_only=True)
    url = serializers.URLField(source="wetten_url", read_only=True)
    eigenaar = OrganisatieKortSerializer(read_only=True)
    uitvoerders = OrganisatieKortSerializer(many=True, read_only=True)
    pagina = serializers.SerializerMethodField()

    class Meta:
        model = Regeling
        fields = [
            "code",
            "naam",
            "citeertitel",
            "soort",
            "bwb_id",
            "url",
            "eigenaar",
            "uitvoerders",
            "bedoeling",
            "hardheidsclausule",
            "pagina",
        ]


class RegelingDetailSerializer(RegelingSerializer):
    artikelen = serializers.SerializerMethodField()
    rechten = RechtSerializer(many=True, read_only=True)
    afwijkingsgronden = AfwijkingsgrondSerializer(many=True, read_only=True)

    class Meta(RegelingSerializer.Meta):
        fields = [*RegelingSerializer.Meta.fields, "artikelen", "rechten", "afwijkingsgronden"]

    @extend_schema_field(ArtikelSerializer(many=True))
    def get_artikelen(self, obj: Regeling) -> list[dict[str, object]]:
        context = {**self.context, "regeling": obj}
        return ArtikelSerializer(obj.artikelen.all(), many=True, context=context).data  # type: ignore[return-value]


class PerspectievenSerializer(serializers.ModelSerializer[Perspectiefbeoordeling]):
    """The four-perspective assessment: per perspective an `oordeel` and a `toelichting`,
    plus the perspectives not yet assessed (`ontbrekend`)."""

    juridisch_oordeel = KeuzeVeld(Oordeel, required=False)
    financieel_oordeel = KeuzeVeld(Oordeel, required=False)
    professioneel_oordeel = KeuzeVeld(Oordeel, required=False)
    burger_oordeel = KeuzeVeld(Oordeel, required=False)
    ontbrekend = serializers.ListField(
        source="ontbrekende_perspectieven", child=KeuzeVeld(Perspectief), read_only=True
    )

    class Meta:
        model = Perspectiefbeoordeling
        fields = [*PERSPECTIEF_VELDEN, "ontbrekend", "bijgewerkt_op"]
        read_only_fields = ["bijgewerkt_op"]

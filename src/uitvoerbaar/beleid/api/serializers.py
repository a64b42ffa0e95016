"""Serializers of the beleid API. Output names organisations, not persons; input serializers
check only the shape, with a Dutch message per field; the rules are the services'."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from uitvoerbaar.core.api.serializers import OrganisatieKortSerializer
from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.kennisbank.api.schema import KeuzeVeld
from uitvoerbaar.kennisbank.api.serializers import PerspectievenSerializer
from uitvoerbaar.kennisbank.constants import RechtSoort
from uitvoerbaar.kennisbank.models import Beginsel, Regeling

from ..constants import Haalbaarheid, Teruggavereden, Toetsoordeel
from ..models import (
    Beleidsvoorstel,
    Besluitstap,
    Betrokkenheid,
    Bevinding,
    Opdracht,
    Teruggave,
    Toetsvoorwaarde,
    Uitvoeringstoets,
)


class BetrokkenheidSerializer(serializers.ModelSerializer[Betrokkenheid]):
    organisatie = OrganisatieKortSerializer(read_only=True)
    verzoek = serializers.SerializerMethodField(
        help_text=_("Kenmerk van het verzoek om inbreng in het register.")
    )

    class Meta:
        model = Betrokkenheid
        fields = ["id", "organisatie", "status", "inbreng_op", "uitleg", "uitleg_op", "verzoek"]

    def get_verzoek(self, obj: Betrokkenheid) -> str | None:
        return obj.verzoek.kenmerk if obj.verzoek else None


class BesluitstapSerializer(serializers.ModelSerializer[Besluitstap]):
    betrokkenen = BetrokkenheidSerializer(many=True, read_only=True)

    class Meta:
        model = Besluitstap
        fields = [
            "volgorde",
            "naam",
            "sleutelstap",
            "status",
            "gestart_op",
            "afgerond_op",
            "betrokkenen",
        ]


class BevindingSerializer(serializers.ModelSerializer[Bevinding]):
    uitvoerder = serializers.CharField(source="toets.organisatie.naam", read_only=True)
    belofte = serializers.CharField(source="belofte.tekst", read_only=True)

    class Meta:
        model = Bevinding
        fields = ["uitvoerder", "belofte", "haalbaarheid", "toelichting"]


class BelofteSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="belofte.pk")
    soort = serializers.CharField(source="belofte.soort")
    tekst = serializers.CharField(source="belofte.tekst")
    niet_waar_te_maken = serializers.BooleanField(
        source="vlag", help_text=_("Een uitvoerder noemt deze belofte niet waar te maken.")
    )
    bevindingen = BevindingSerializer(many=True)


class BeleidsvoorstelSerializer(serializers.ModelSerializer[Beleidsvoorstel]):
    ministerie = OrganisatieKortSerializer(read_only=True)
    beleidsteam = serializers.CharField(source="beleidsteam.naam", default=None, read_only=True)
    kenmerk = serializers.CharField(read_only=True)
    niet_haalbare_beloften = serializers.IntegerField(source="niet_haalbaar", read_only=True)

    class Meta:
        model = Beleidsvoorstel
        fields = [
            "id",
            "kenmerk",
            "titel",
            "samenvatting",
            "ministerie",
            "beleidsteam",
            "status",
            "beoogde_invoering",
            "niet_haalbare_beloften",
        ]


class BeleidsvoorstelDetailSerializer(BeleidsvoorstelSerializer):
    betrokken_organisaties = OrganisatieKortSerializer(many=True, read_only=True)
    stappen = BesluitstapSerializer(many=True, read_only=True)
    beloften = serializers.SerializerMethodField()
    uitvoeringstoetsen = serializers.SerializerMethodField()

    class Meta(BeleidsvoorstelSerializer.Meta):
        fields = [
            *BeleidsvoorstelSerializer.Meta.fields,
            "betrokken_organisaties",
            "stappen",
            "beloften",
            "uitvoeringstoetsen",
        ]

    def get_beloften(self, obj: Beleidsvoorstel) -> list[dict[str, Any]]:
        return BelofteSerializer(self.context["beloften"], many=True).data  # type: ignore[return-value]

    def get_uitvoeringstoetsen(self, obj: Beleidsvoorstel) -> list[int]:
        return [t.pk for t in self.context["toetsen"]]


class VoorwaardeSerializer(serializers.ModelSerializer[Toetsvoorwaarde]):
    verzoek = serializers.SerializerMethodField()

    class Meta:
        model = Toetsvoorwaarde
        fields = ["volgorde", "tekst", "antwoord", "verzoek"]

    def get_verzoek(self, obj: Toetsvoorwaarde) -> str | None:
        return obj.verzoek.kenmerk if obj.verzoek else None


class UitvoeringstoetsSerializer(serializers.ModelSerializer[Uitvoeringstoets]):
    kenmerk = serializers.CharField(read_only=True)
    voorstel = serializers.IntegerField(source="voorstel_id", read_only=True)
    organisatie = OrganisatieKortSerializer(read_only=True)
    voorwaarden = VoorwaardeSerializer(many=True, read_only=True)
    bevindingen = BevindingSerializer(many=True, read_only=True)
    perspectieven = PerspectievenSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Uitvoeringstoets
        fields = [
            "id",
            "kenmerk",
            "voorstel",
            "organisatie",
            "oordeel",
            "gepubliceerd_op",
            "uitvoerbaarheid",
            "handhaafbaarheid",
            "doenvermogen",
            "gevolgen_burgers",
            "capaciteit_kosten",
            "kosten_eenmalig",
            "kosten_structureel",
            "ict_wijzigingen",
            "invoeringsdatum_haalbaar",
            "vroegst_haalbare_datum",
            "ondergrenzen",
            "samenvatting",
            "voorwaarden",
            "bevindingen",
            "perspectieven",
        ]


class TeruggaveSerializer(serializers.ModelSerializer[Teruggave]):
    beginselen: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code"
    )
    verzoek = serializers.CharField(source="verzoek.kenmerk", read_only=True)

    class Meta:
        model = Teruggave
        fields = [
            "id",
            "reden",
            "toelichting",
            "beginselen",
            "uitkomst",
            "wijziging",
            "teruggegeven_op",
            "afgehandeld_op",
            "verzoek",
        ]


class OpdrachtSerializer(serializers.ModelSerializer[Opdracht]):
    kenmerk = serializers.CharField(read_only=True)
    ministerie = OrganisatieKortSerializer(read_only=True)
    uitvoerder = OrganisatieKortSerializer(read_only=True)
    teruggaven = TeruggaveSerializer(many=True, read_only=True)

    class Meta:
        model = Opdracht
        fields = [
            "id",
            "kenmerk",
            "titel",
            "omschrijving",
            "wettelijke_grondslag",
            "deadline",
            "budget",
            "status",
            "ministerie",
            "uitvoerder",
            "voorstel",
            "teruggaven",
        ]


class TeruggaveInvoer(serializers.Serializer[Any]):
    reden = serializers.ChoiceField(
        choices=Teruggavereden.choices,
        error_messages={
            "invalid_choice": _("Kies een reden: strijdig, onuitvoerbaar of middelen.")
        },
    )
    toelichting = serializers.CharField(allow_blank=True, max_length=20_000)
    beginselen = serializers.SlugRelatedField(
        many=True,
        slug_field="code",
        queryset=Beginsel.objects.all(),
        required=False,
        error_messages={"does_not_exist": _("Dit beginsel staat niet in de kennisbank.")},
    )


class UitlegInvoer(serializers.Serializer[Any]):
    organisatie = serializers.SlugField(help_text=_("De korte naam van de organisatie."))
    uitleg = serializers.CharField(allow_blank=True, max_length=20_000)


class BevindingInvoer(serializers.Serializer[Any]):
    belofte = serializers.IntegerField(help_text=_("Het nummer van de belofte in het voorstel."))
    haalbaarheid = serializers.ChoiceField(choices=Haalbaarheid.choices)
    toelichting = serializers.CharField(allow_blank=True, required=False, default="")


class ToetsInvoer(serializers.Serializer[Any]):
    """The draft toets of the caller's organisation. Text fields may be empty in a draft; the
    publication checks that everything needed is there."""

    uitvoerbaarheid = serializers.CharField(allow_blank=True, required=False, default="")
    handhaafbaarheid = serializers.CharField(allow_blank=True, required=False, default="")
    doenvermogen = serializers.CharField(allow_blank=True, required=False, default="")
    gevolgen_burgers = serializers.CharField(allow_blank=True, required=False, default="")
    capaciteit_kosten = serializers.CharField(allow_blank=True, required=False, default="")
    kosten_eenmalig = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    kosten_structureel = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    ict_wijzigingen = serializers.CharField(allow_blank=True, required=False, default="")
    invoeringsdatum_haalbaar = serializers.BooleanField(required=False, allow_null=True)
    vroegst_haalbare_datum = serializers.DateField(
        required=False,
        allow_null=True,
        error_messages={"invalid": _("Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2027-07-01.")},
    )
    ondergrenzen = serializers.CharField(allow_blank=True, required=False, default="")
    oordeel = serializers.ChoiceField(
        choices=Toetsoordeel.choices, required=False, allow_blank=True
    )
    samenvatting = serializers.CharField(allow_blank=True, required=False, default="")
    voorwaarden = serializers.ListField(
        child=serializers.CharField(max_length=2000), required=False, default=list
    )
    bevindingen = BevindingInvoer(many=True, required=False, default=list)
    perspectieven = PerspectievenSerializer(
        required=False,
        help_text=_("Juridisch, financieel, professioneel en burger: oordeel en toelichting."),
    )


class ToetsFilter(serializers.Serializer[Any]):
    oordeel = KeuzeVeld(
        Toetsoordeel,
        required=False,
        help_text=_("Alleen toetsen met dit oordeel."),
        error_messages={"invalid_choice": _("Kies een oordeel uit de lijst.")},
    )
    uitvoerder = serializers.SlugField(
        required=False, help_text=_("Korte naam (slug) van de uitvoerder.")
    )
    voorstel = serializers.IntegerField(
        required=False, min_value=1, help_text=_("Het nummer van het beleidsvoorstel.")
    )


def _organisatie_veld(help_text: Any, **kwargs: Any) -> serializers.SlugRelatedField[Any]:
    return serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisatie.objects.all(),
        help_text=help_text,
        error_messages={"does_not_exist": _("Deze organisatie bestaat niet.")},
        **kwargs,
    )


class VoorstelInvoer(serializers.Serializer[Any]):
    ministerie = _organisatie_veld(_("Korte naam van het ministerie."))
    titel = serializers.CharField(allow_blank=True, max_length=300)
    samenvatting = serializers.CharField(allow_blank=True, max_length=20_000)
    betrokken = _organisatie_veld(
        _("Korte namen van de betrokken uitvoerders en medeoverheden."), many=True
    )
    beleidsteam = serializers.IntegerField(
        required=False, allow_null=True, help_text=_("Het nummer van de eenheid (beleidsteam).")
    )
    regelingen = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Regeling.objects.all(),
        many=True,
        required=False,
        error_messages={"does_not_exist": _("Deze regeling staat niet in de kennisbank.")},
    )
    beoogde_invoering = serializers.DateField(required=False, allow_null=True)
    stappen = serializers.ListField(
        child=serializers.DictField(),
        required=False,
        help_text=_(
            'Besluitstappen in volgorde, elk {"naam": "...", "sleutelstap": true}. Leeg: de acht '
            "standaardstappen."
        ),
    )


class OpdrachtInvoer(serializers.Serializer[Any]):
    ministerie = _organisatie_veld(_("Korte naam van het ministerie."))
    uitvoerder = _organisatie_veld(_("Korte naam van de uitvoerder."))
    titel = serializers.CharField(allow_blank=True, max_length=300)
    omschrijving = serializers.CharField(allow_blank=True, max_length=20_000)
    wettelijke_grondslag = serializers.CharField(allow_blank=True, max_length=300)
    deadline = serializers.DateField(
        error_messages={"invalid": _("Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2027-07-01.")}
    )
    budget = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    beleidsteam = serializers.IntegerField(required=False, allow_null=True)
    voorstel = serializers.IntegerField(required=False, allow_null=True)


class BelofteInvoer(serializers.Serializer[Any]):
    soort = KeuzeVeld(
        RechtSoort,
        help_text=_("wel: hier krijgen burgers recht op; niet: hier krijgen zij geen recht op."),
        error_messages={"invalid_choice": _("Kies wel of niet.")},
    )
    tekst = serializers.CharField(allow_blank=True, max_length=2000)

"""Serializers of the deviation API. Output names organisations and roles; the people who
registered or approved a deviation are shown only inside the own organisation (these views
never return another organisation's deviation except as an anonymised precedent). Input
serializers check only the shape; the rules are the services', with the same field names."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from uitvoerbaar.core.api.serializers import OrganisatieKortSerializer
from uitvoerbaar.kennisbank.api.schema import KeuzeVeld
from uitvoerbaar.kennisbank.api.serializers import PerspectievenSerializer
from uitvoerbaar.kennisbank.constants import AfwijkingsgrondSoort
from uitvoerbaar.kennisbank.models import (
    PERSPECTIEF_VELDEN,
    Afwijkingsgrond,
    Artikel,
    Beginsel,
    Regeling,
)
from uitvoerbaar.responsplicht.api.serializers import Invoer

from ..constants import (
    AanvechtingBron,
    AanvechtingStatus,
    AfwijkingStatus,
    Beslissing,
    Huishouden,
    Inkomensband,
    Knelpunt,
)
from ..models import Aanvechting, Afwijking, Casusberaad
from ..precedenten import Precedent


class ArtikelKortSerializer(serializers.ModelSerializer[Artikel]):
    regeling: serializers.SlugRelatedField[Regeling] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Artikel
        fields = ["regeling", "nummer", "titel"]


class _Facetten(serializers.Serializer[Any]):
    huishouden = KeuzeVeld(Huishouden)
    inkomensband = KeuzeVeld(Inkomensband)
    knelpunt = KeuzeVeld(Knelpunt)
    bedrag = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)


class AfwijkingSerializer(serializers.ModelSerializer[Afwijking]):
    kenmerk = serializers.CharField(read_only=True)
    organisatie = OrganisatieKortSerializer(read_only=True)
    artikel = ArtikelKortSerializer(read_only=True)
    grond: serializers.SlugRelatedField[Afwijkingsgrond] = serializers.SlugRelatedField(
        slug_field="sleutel", read_only=True
    )
    grond_soort = KeuzeVeld(AfwijkingsgrondSoort, source="grond.soort", read_only=True)
    huishouden = KeuzeVeld(Huishouden, read_only=True)
    inkomensband = KeuzeVeld(Inkomensband, read_only=True)
    knelpunt = KeuzeVeld(Knelpunt, read_only=True)
    status = KeuzeVeld(AfwijkingStatus, read_only=True)
    beslissing = KeuzeVeld(Beslissing, read_only=True, allow_null=True)
    beginselen: serializers.SlugRelatedField[Beginsel] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    perspectieven = PerspectievenSerializer(read_only=True, allow_null=True)
    geregistreerd_door = serializers.StringRelatedField()  # type: ignore[var-annotated]
    beoordeeld_door = serializers.StringRelatedField()  # type: ignore[var-annotated]

    class Meta:
        model = Afwijking
        fields = [
            "id",
            "kenmerk",
            "organisatie",
            "artikel",
            "grond",
            "grond_soort",
            "bedoeling",
            "casus",
            "huishouden",
            "inkomensband",
            "knelpunt",
            "bedrag",
            "alternatief",
            "motivering",
            "beginselen",
            "perspectieven",
            "status",
            "beslissing",
            "bestuur_vereist",
            "verschil_motivering",
            "precedenten_bij_indienen",
            "geregistreerd_door",
            "aangemaakt",
            "ingediend_op",
            "beoordeeld_door",
            "beoordeeld_op",
            "beoordeling_toelichting",
            "beoordelaar_verschil_motivering",
            "uitkomst",
            "vervolg",
        ]
        read_only_fields = fields


class PrecedentSerializer(serializers.Serializer[Any]):
    """A similar decided case. Another organisation's (shared) case is anonymised: no
    identifier, organisation, people, case text or reasons."""

    kenmerk = serializers.SerializerMethodField()
    anoniem = serializers.BooleanField()
    score = serializers.FloatField(help_text=_("Overeenkomst van 0 tot 1."))
    vergelijkbaar = serializers.BooleanField(
        help_text=_("Vanaf deze overeenkomst telt het geval voor gelijke behandeling.")
    )
    beslissing = KeuzeVeld(Beslissing, allow_null=True)
    grond_soort = KeuzeVeld(AfwijkingsgrondSoort, source="afwijking.grond.soort")
    huishouden = KeuzeVeld(Huishouden, source="afwijking.huishouden")
    inkomensband = KeuzeVeld(Inkomensband, source="afwijking.inkomensband")
    knelpunt = KeuzeVeld(Knelpunt, source="afwijking.knelpunt")
    bedrag = serializers.DecimalField(
        max_digits=12, decimal_places=2, source="afwijking.bedrag", allow_null=True
    )
    alternatief = serializers.CharField(source="afwijking.alternatief")
    beoordeeld_op = serializers.DateTimeField(source="afwijking.beoordeeld_op")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_kenmerk(self, obj: Precedent) -> str | None:
        return None if obj.anoniem else obj.afwijking.kenmerk


class AanvechtingSerializer(serializers.ModelSerializer[Aanvechting]):
    kenmerk = serializers.CharField(read_only=True)
    organisatie = OrganisatieKortSerializer(read_only=True)
    eigenaar = OrganisatieKortSerializer(source="regeling.eigenaar", read_only=True)
    artikel = ArtikelKortSerializer(read_only=True)
    status = KeuzeVeld(AanvechtingStatus, read_only=True)
    bron = KeuzeVeld(AanvechtingBron, read_only=True)
    afwijkingen = serializers.SerializerMethodField()
    signalen = serializers.SerializerMethodField()
    beginselen: serializers.SlugRelatedField[Beginsel] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    reactieverzoek: serializers.PrimaryKeyRelatedField[Any] = serializers.PrimaryKeyRelatedField(
        source="verzoek", read_only=True
    )
    uiterste_datum = serializers.DateField(source="verzoek.uiterste_datum", read_only=True)

    class Meta:
        model = Aanvechting
        fields = [
            "id",
            "kenmerk",
            "organisatie",
            "eigenaar",
            "artikel",
            "titel",
            "toelichting",
            "argumenten",
            "afwijkingen",
            "signalen",
            "beginselen",
            "bron",
            "status",
            "reactieverzoek",
            "uiterste_datum",
            "aangemaakt",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_afwijkingen(self, obj: Aanvechting) -> list[str]:
        return [a.kenmerk for a in obj.afwijkingen.all()]

    def get_signalen(self, obj: Aanvechting) -> list[str]:
        return [s.kenmerk for s in obj.signalen.all()]


class CasusberaadSerializer(serializers.ModelSerializer[Casusberaad]):
    kenmerk = serializers.CharField(read_only=True)
    organisatie = OrganisatieKortSerializer(read_only=True)
    regeling: serializers.SlugRelatedField[Regeling] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    artikel: serializers.SlugRelatedField[Artikel] = serializers.SlugRelatedField(
        slug_field="nummer", read_only=True
    )
    beginselen: serializers.SlugRelatedField[Beginsel] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    perspectieven = PerspectievenSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Casusberaad
        fields = [
            "id",
            "kenmerk",
            "organisatie",
            "regeling",
            "artikel",
            "datum",
            "deelnemers",
            "vraag",
            "beginselen",
            "perspectieven",
            "conclusie",
            "richtlijn",
            "aangemaakt",
        ]
        read_only_fields = fields


# --- input ---------------------------------------------------------------------------------------


def _tekst(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(
        allow_blank=True,
        required=False,
        default="",
        trim_whitespace=False,
        error_messages={"invalid": _("Schrijf hier een tekst.")},
        **kwargs,
    )


def _slug(help_text: Any, *, required: bool = True) -> serializers.CharField:
    return serializers.CharField(
        max_length=100,
        required=required,
        help_text=help_text,
        error_messages={"required": _("Dit veld is nodig."), "blank": _("Dit veld is nodig.")},
    )


def _keuze(keuzes: Any, melding: Any) -> KeuzeVeld:
    return KeuzeVeld(
        keuzes, error_messages={"required": melding, "invalid_choice": melding, "null": melding}
    )


class _Codes(serializers.ListField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(child=serializers.CharField(max_length=100), required=False, **kwargs)


class AfwijkingInvoer(Invoer):
    organisatie = _slug(_("De korte naam (slug) van uw organisatie."))
    regeling = _slug(_("De code van de regeling in de kennisbank."))
    artikel = _slug(_("Het artikelnummer."))
    grond = serializers.CharField(
        max_length=60,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("De sleutel van de afwijkingsgrond (zie de kennisbank-API)."),
    )
    bedoeling = _tekst()
    casus = _tekst(help_text=_("De situatie, zonder namen of nummers."))
    alternatief = _tekst()
    motivering = _tekst()
    huishouden = _keuze(Huishouden, _("Kies het soort huishouden."))
    inkomensband = _keuze(Inkomensband, _("Kies de inkomensgroep."))
    knelpunt = _keuze(Knelpunt, _("Kies het soort knelpunt."))
    bedrag = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        error_messages={"invalid": _("Vul een bedrag in euro in, bijvoorbeeld 1250.50.")},
    )
    beginselen = _Codes(help_text=_("Codes van beginselen uit de kennisbank."))
    perspectieven = PerspectievenSerializer(required=False)


class WijzigInvoer(Invoer):
    """The content of a concept, as when registering (article and organisation stay)."""

    grond = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    bedoeling = _tekst()
    casus = _tekst()
    alternatief = _tekst()
    motivering = _tekst()
    huishouden = _keuze(Huishouden, _("Kies het soort huishouden."))
    inkomensband = _keuze(Inkomensband, _("Kies de inkomensgroep."))
    knelpunt = _keuze(Knelpunt, _("Kies het soort knelpunt."))
    bedrag = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        error_messages={"invalid": _("Vul een bedrag in euro in, bijvoorbeeld 1250.50.")},
    )
    beginselen = _Codes()


class PerspectievenInvoer(PerspectievenSerializer):
    """The four perspectives as input: any of `<perspectief>_oordeel` and
    `<perspectief>_toelichting`; unknown fields are refused."""

    class Meta(PerspectievenSerializer.Meta):
        fields = list(PERSPECTIEF_VELDEN)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            onbekend = {
                str(v): [_("Dit veld bestaat niet. Laat het weg.")]
                for v in data
                if v not in self.fields
            }
            if onbekend:
                raise serializers.ValidationError(onbekend)
        return super().to_internal_value(data)


class IndienenInvoer(Invoer):
    verschil_motivering = _tekst(
        help_text=_(
            "Nodig als een vergelijkbaar geval van uw organisatie anders is beslist "
            "(gelijkheidsbeginsel)."
        )
    )


class BeoordelenInvoer(Invoer):
    toelichting = _tekst(help_text=_("Nodig bij afwijzen."))
    verschil_motivering = _tekst()


class AfrondenInvoer(Invoer):
    uitkomst = _tekst()
    vervolg = _tekst()


class LeegInvoer(Invoer):
    pass


class PrecedentZoekInvoer(serializers.Serializer[Any]):
    """The precedent lookup without registering: an article and the facets of a case."""

    regeling = _slug(_("De code van de regeling."))
    artikel = _slug(_("Het artikelnummer."))
    huishouden = KeuzeVeld(Huishouden, required=False, allow_blank=True)
    inkomensband = KeuzeVeld(Inkomensband, required=False, allow_blank=True)
    knelpunt = KeuzeVeld(Knelpunt, required=False, allow_blank=True)
    bedrag = serializers.DecimalField(
        max_digits=12, decimal_places=2, required=False, allow_null=True, min_value=0
    )
    grond = serializers.CharField(max_length=60, required=False, allow_blank=True)
    tekst = serializers.CharField(
        max_length=5000,
        required=False,
        allow_blank=True,
        help_text=_("De situatie in woorden, zonder namen of nummers."),
    )
    organisatie = serializers.CharField(
        max_length=60,
        required=False,
        allow_blank=True,
        help_text=_("Vergelijk voor deze eigen organisatie (slug); standaard al uw organisaties."),
    )


class AanvechtingInvoer(Invoer):
    organisatie = _slug(_("De korte naam (slug) van uw organisatie."))
    regeling = _slug(_("De code van de regeling."))
    artikel = _slug(_("Het artikelnummer."))
    titel = _tekst()
    toelichting = _tekst()
    argumenten = serializers.ListField(
        child=serializers.CharField(max_length=20_000), required=False, default=list
    )
    afwijkingen = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        required=False,
        default=list,
        help_text=_("Nummers (id) van afwijkingen van uw organisatie op dit artikel."),
    )
    signalen = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        required=False,
        default=list,
        help_text=_("Nummers (id) van signalen van uw organisatie op dit artikel."),
    )
    beginselen = _Codes()
    structureel = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("Waar bij herhaalde afwijkingen: structureel — regel aanpassen."),
    )


class CasusberaadInvoer(Invoer):
    organisatie = _slug(_("De korte naam (slug) van uw organisatie."))
    regeling = _slug(_("De code van de regeling."))
    artikel = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    datum = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        error_messages={"invalid": _("Vul een datum in als JJJJ-MM-DD.")},
    )
    deelnemers = _tekst()
    vraag = _tekst()
    conclusie = _tekst()
    richtlijn = _tekst()
    beginselen = _Codes()
    perspectieven = PerspectievenSerializer(required=False)

"""Serializers of the response duty API.

Output serializers show a request with what those concerned need; they leave persons out
(who asked may be a reporter whose identity is protected), and name organisations and roles
instead. Input serializers check only the shape of the input, with a Dutch message per field;
the rules (a principle weighed, an extension within the maximum, a date not in the past) are
checked by `responsplicht.services`, whose messages use the same field names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.settings import api_settings

from uitvoerbaar.core.api.serializers import OrganisatieKortSerializer
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.kennisbank.api.schema import KeuzeVeld
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import selectors_api, tijdlijn
from uitvoerbaar.responsplicht.constants import (
    Antwoordsoort,
    Controlestatus,
    OrganisatieBron,
    Publicatie,
    Status,
    Termijneenheid,
    WooGrond,
)
from uitvoerbaar.responsplicht.models import (
    Controle,
    Escalatieniveau,
    Melding,
    Reactie,
    Reactieverzoek,
    Soort,
    Verantwoordelijke,
)


class Betrokkenheid(models.TextChoices):
    """How the caller is concerned with a request (the `rol` filter of the list)."""

    ONTVANGER = "ontvanger", _("Ik ben verantwoordelijk op een bereikt niveau")
    VRAGER = "vrager", _("Ik (of mijn rol) heb het gevraagd")


class Mogelijkheid(models.TextChoices):
    """The moves of the API, as named in its paths."""

    PAS_TOE = "pas-toe", _("Beantwoorden met pas toe")
    LEG_UIT = "leg-uit", _("Beantwoorden met leg uit")
    AANVAARDEN = "aanvaarden", _("Het antwoord aanvaarden")
    ONVOLDOENDE = "onvoldoende", _("Het antwoord onvoldoende noemen")
    OPSCHORTEN = "opschorten", _("De termijn opschorten")
    HERVATTEN = "hervatten", _("De termijn hervatten")
    VERLENGEN = "verlengen", _("De termijn eenmaal verlengen")
    INTREKKEN = "intrekken", _("Het verzoek intrekken")
    OPENBAARHEID_WEIGEREN = "openbaarheid-weigeren", _("Openbaarmaking weigeren (Woo)")


def _rolveld(**kwargs: Any) -> serializers.ChoiceField:
    # One enum component (RolEnum) for every role field, whatever the field's name.
    return KeuzeVeld(Rol, read_only=True, **kwargs)


# --- output ----------------------------------------------------------------------------------


class SoortKortSerializer(serializers.ModelSerializer[Soort]):
    class Meta:
        model = Soort
        fields = ["code", "naam"]


class OnderwerpSerializer(serializers.Serializer[Any]):
    """What the request is about: an opaque reference to its subject, with title and link."""

    type = serializers.CharField(source="onderwerp_type", read_only=True)
    id = serializers.CharField(source="onderwerp_id", read_only=True)
    titel = serializers.CharField(source="onderwerp_titel", read_only=True)
    url = serializers.CharField(source="onderwerp_url", read_only=True)


class ReactieverzoekSerializer(serializers.ModelSerializer[Reactieverzoek]):
    """A request in a list."""

    kenmerk = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()
    soort = SoortKortSerializer(read_only=True)
    onderwerp = OnderwerpSerializer(source="*", read_only=True)
    status = KeuzeVeld(Status, read_only=True)
    verantwoordelijke_organisatie = OrganisatieKortSerializer(read_only=True)
    verantwoordelijke_rol = _rolveld()
    ontvanger_organisatie = OrganisatieKortSerializer(read_only=True)
    ontvanger_rol = _rolveld()
    verzoeker_organisatie = OrganisatieKortSerializer(read_only=True, allow_null=True)
    verzoeker_rol = serializers.CharField(
        read_only=True,
        help_text=_(
            "De rol waarin de organisatie van de vrager vraagt; leeg als één persoon vraagt."
        ),
    )
    te_laat = serializers.SerializerMethodField(
        help_text=_("De uiterste datum ligt voor vandaag en er is nog geen antwoord.")
    )

    class Meta:
        model = Reactieverzoek
        fields = [
            "id",
            "kenmerk",
            "url",
            "soort",
            "onderwerp",
            "status",
            "niveau",
            "verantwoordelijke_organisatie",
            "verantwoordelijke_rol",
            "ontvanger_organisatie",
            "ontvanger_rol",
            "verzoeker_organisatie",
            "verzoeker_rol",
            "gestart_op",
            "uiterste_datum",
            "te_laat",
            "opgeschort_sinds",
            "verlengd",
            "onvoldoende_gemeld",
            "openbaar",
            "aangemaakt",
            "bijgewerkt",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj: Reactieverzoek) -> str:
        pad = reverse("api:reactieverzoek", args=[obj.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request is not None else pad

    def get_te_laat(self, obj: Reactieverzoek) -> bool:
        return selectors_api.is_te_laat(obj, op=self.context.get("vandaag"))


class VerantwoordelijkeSerializer(serializers.ModelSerializer[Verantwoordelijke]):
    organisatie = OrganisatieKortSerializer(read_only=True)
    rol = _rolveld()

    class Meta:
        model = Verantwoordelijke
        fields = ["niveau", "naam", "organisatie", "rol", "vanaf", "uiterste_datum"]
        read_only_fields = fields


class ControleSerializer(serializers.ModelSerializer[Controle]):
    status = KeuzeVeld(Controlestatus, read_only=True)

    class Meta:
        model = Controle
        fields = ["id", "datum", "status", "toelichting"]
        read_only_fields = fields


class ReactieSerializer(serializers.ModelSerializer[Reactie]):
    """An answer: pas toe (maatregel, eigenaar, datum, with its follow-up check) or leg uit
    (redenen, beginselen, antwoorden), and the requester's judgement of it."""

    soort = KeuzeVeld(Antwoordsoort, read_only=True)
    namens_organisatie = OrganisatieKortSerializer(read_only=True)
    eigenaar = serializers.CharField(source="maatregel_eigenaar", read_only=True)
    datum = serializers.DateField(source="maatregel_datum", read_only=True, allow_null=True)
    controle = ControleSerializer(read_only=True, allow_null=True)
    beginselen: serializers.SlugRelatedField[Beginsel] = serializers.SlugRelatedField(
        many=True,
        read_only=True,
        slug_field="code",
        help_text=_("Codes van de gewogen beginselen (zie /beginselen)."),
    )
    antwoorden = serializers.ListField(
        source="antwoorden_op_argumenten",
        child=serializers.CharField(),
        read_only=True,
        help_text=_("Per argument van de vrager een antwoord, in dezelfde volgorde."),
    )

    class Meta:
        model = Reactie
        fields = [
            "id",
            "soort",
            "niveau",
            "namens_organisatie",
            "gegeven_op",
            "te_laat",
            "maatregel",
            "eigenaar",
            "datum",
            "controle",
            "redenen",
            "beginselen",
            "antwoorden",
            "aanvaard",
            "beoordeeld_op",
            "onvoldoende_reden",
        ]
        read_only_fields = fields


class TijdlijnregelSerializer(serializers.Serializer[Any]):
    tijdstip = serializers.DateTimeField(read_only=True)
    event = serializers.CharField(read_only=True)
    omschrijving = serializers.CharField(source="tekst", read_only=True)
    toelichting = serializers.CharField(
        read_only=True, help_text=_("De reden of toelichting die bij de stap is gegeven.")
    )
    # DRF takes declared fields off the class, so the field does not hide Serializer.data.
    data = serializers.DictField(  # type: ignore[assignment]
        read_only=True,
        help_text=_("De gegevens van de gebeurtenis, zonder wie het deed."),
    )


class ReactieverzoekDetailSerializer(ReactieverzoekSerializer):
    """One request with its levels, answers, timeline, and the moves the caller may make."""

    argumenten = serializers.ListField(child=serializers.CharField(), read_only=True)
    woo_grond = serializers.CharField(
        read_only=True,
        help_text=_(
            "Code van de grond uit art. 5.1 of 5.2 Wet open overheid; leeg als niets is geweigerd."
        ),
    )
    verantwoordelijken = VerantwoordelijkeSerializer(many=True, read_only=True)
    reacties = ReactieSerializer(many=True, read_only=True)
    tijdlijn = serializers.SerializerMethodField()
    mogelijke_handelingen = serializers.SerializerMethodField()

    class Meta(ReactieverzoekSerializer.Meta):
        fields = [
            *ReactieverzoekSerializer.Meta.fields,
            "vraag",
            "argumenten",
            "opschortingsreden",
            "resterende_dagen",
            "verlengingsreden",
            "woo_grond",
            "woo_toelichting",
            "verantwoordelijken",
            "reacties",
            "tijdlijn",
            "mogelijke_handelingen",
        ]
        read_only_fields = fields

    @extend_schema_field(TijdlijnregelSerializer(many=True))
    def get_tijdlijn(self, obj: Reactieverzoek) -> list[dict[str, Any]]:
        regels = tijdlijn.stappen(obj, publiek=tijdlijn.Publiek.ZONDER_NAMEN)
        return TijdlijnregelSerializer(regels, many=True).data  # type: ignore[return-value]

    @extend_schema_field(
        serializers.ListField(
            child=KeuzeVeld(Mogelijkheid),
            help_text=_("De handelingen die u nu mag doen (de paden onder dit verzoek)."),
        )
    )
    def get_mogelijke_handelingen(self, obj: Reactieverzoek) -> list[str]:
        request = self.context["request"]
        return selectors_api.mogelijke_handelingen(user=request.user, verzoek=obj)


class MeldingSerializer(serializers.ModelSerializer[Melding]):
    gelezen = serializers.SerializerMethodField()

    class Meta:
        model = Melding
        fields = ["id", "tekst", "verzoek", "aangemaakt", "gelezen", "gelezen_op"]
        read_only_fields = fields

    def get_gelezen(self, obj: Melding) -> bool:
        return obj.gelezen_op is not None


class EscalatieniveauSerializer(serializers.ModelSerializer[Escalatieniveau]):
    organisatie_bron = KeuzeVeld(OrganisatieBron, read_only=True)
    vaste_organisatie = OrganisatieKortSerializer(read_only=True, allow_null=True)
    rol = _rolveld()
    termijn_eenheid = KeuzeVeld(Termijneenheid, read_only=True)

    class Meta:
        model = Escalatieniveau
        fields = [
            "volgorde",
            "naam",
            "organisatie_bron",
            "vaste_organisatie",
            "rol",
            "termijn_aantal",
            "termijn_eenheid",
        ]
        read_only_fields = fields


class SoortSerializer(serializers.ModelSerializer[Soort]):
    """A kind of request with its term and its escalation ladder. Level 0 is the recipient
    named in each request; `niveaus` are the steps above it."""

    termijn_eenheid = KeuzeVeld(Termijneenheid, read_only=True)
    herinneringen = serializers.ListField(
        child=serializers.IntegerField(),
        read_only=True,
        help_text=_("Dagen voor de uiterste datum waarop een herinnering komt."),
    )
    publicatie = KeuzeVeld(Publicatie, read_only=True)
    niveaus = EscalatieniveauSerializer(many=True, read_only=True)

    class Meta:
        model = Soort
        fields = [
            "code",
            "naam",
            "omschrijving",
            "termijn_aantal",
            "termijn_eenheid",
            "herinneringen",
            "max_verlenging_dagen",
            "publicatie",
            "stilte_openbaar",
            "niveaus",
        ]
        read_only_fields = fields


# --- input -----------------------------------------------------------------------------------

TEKST_FOUT = _("Schrijf hier een tekst.")


class Invoer(serializers.Serializer[Any]):
    """Input that refuses fields it does not know (a typo must not be silently ignored) and
    input that is not a JSON object, with Dutch messages."""

    default_error_messages = {  # DRF merges this with the parents' messages
        "invalid": _("Stuur de invoer als een JSON-object met velden."),
    }

    def validate_empty_values(self, data: Any) -> tuple[bool, Any]:
        if data is None:  # a JSON body "null"; DRF would say "No data provided" in English
            raise serializers.ValidationError(
                {api_settings.NON_FIELD_ERRORS_KEY: [self.error_messages["invalid"]]}
            )
        return super().validate_empty_values(data)

    def to_internal_value(self, data: Any) -> Any:
        onbekend: dict[str, Any] = {}
        if isinstance(data, Mapping):
            onbekend = {
                str(veld): [_("Dit veld bestaat niet. Laat het weg.")]
                for veld in data
                if veld not in self.fields
            }
        try:
            waarde = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            fouten = exc.detail if isinstance(exc.detail, dict) else {"": exc.detail}
            raise serializers.ValidationError({**fouten, **onbekend}) from None
        if onbekend:
            raise serializers.ValidationError(onbekend)
        return waarde


def _tekst(verplicht: Any, **kwargs: Any) -> serializers.CharField:
    """A text field; a blank text is refused by the service with the same message."""
    return serializers.CharField(
        allow_blank=True,
        trim_whitespace=False,
        error_messages={"required": verplicht, "null": verplicht, "invalid": TEKST_FOUT},
        **kwargs,
    )


class LeegInvoer(Invoer):
    """No fields: the move needs nothing but the request."""


class PasToeInvoer(Invoer):
    maatregel = _tekst(
        _("Beschrijf de maatregel die u neemt."), help_text=_("De concrete maatregel.")
    )
    eigenaar = _tekst(
        _("Noem wie de maatregel uitvoert."),
        help_text=_("Wie de maatregel uitvoert (een persoon, team of organisatie)."),
    )
    datum = serializers.DateField(
        help_text=_("De datum waarop de maatregel is uitgevoerd; dan volgt een controle."),
        error_messages={
            "required": _("Noem de datum waarop de maatregel is uitgevoerd."),
            "null": _("Noem de datum waarop de maatregel is uitgevoerd."),
            "invalid": _("Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-31."),
            "datetime": _("Noem alleen een datum, zonder tijd."),
        },
    )


class BeginselCode(serializers.SlugRelatedField[Beginsel]):
    """The code of a principle of the kennisbank; the unknown code is named in the message."""

    default_error_messages = {  # DRF merges this with the parents' messages
        "does_not_exist": _("Er is geen beginsel met de code {value}."),
        "invalid": _("Geef de code van een beginsel."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="code", queryset=Beginsel.objects.all(), **kwargs)

    def to_internal_value(self, data: Any) -> Beginsel:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class LegUitInvoer(Invoer):
    redenen = _tekst(
        _("Leg uit waarom u het verzoek niet volgt."),
        help_text=_("Waarom u het verzoek niet volgt."),
    )
    beginselen = BeginselCode(
        many=True,
        help_text=_(
            "Codes van de beginselen die u hebt gewogen (ten minste één; zie /beginselen)."
        ),
        error_messages={
            "required": _("Noem ten minste één beginsel dat u hebt gewogen."),
            "null": _("Noem ten minste één beginsel dat u hebt gewogen."),
            "not_a_list": _("Geef de beginselen als een lijst van codes."),
        },
    )
    antwoorden = serializers.ListField(
        child=serializers.CharField(
            allow_blank=True,
            trim_whitespace=False,
            error_messages={"invalid": _("Elk antwoord is een tekst."), "null": TEKST_FOUT},
        ),
        required=False,
        default=list,
        help_text=_("Per argument van de vrager een antwoord, in dezelfde volgorde."),
        error_messages={
            "not_a_list": _("Geef de antwoorden als een lijst van teksten, één per argument.")
        },
    )


class OnvoldoendeInvoer(Invoer):
    reden = _tekst(
        _("Leg uit waarom het antwoord onvoldoende is."),
        help_text=_("Waarom het antwoord onvoldoende is (dit kan één keer)."),
    )


class OpschortenInvoer(Invoer):
    reden = _tekst(
        _("Geef de reden van de opschorting."), help_text=_("Waarom de klok stil staat.")
    )


class IntrekkenInvoer(Invoer):
    reden = _tekst(_("Geef de reden van het intrekken."), help_text=_("Waarom u intrekt."))


class VerlengenInvoer(Invoer):
    dagen = serializers.IntegerField(
        help_text=_("Met hoeveel dagen (ten hoogste het maximum van de soort)."),
        error_messages={
            "required": _("Noem met hoeveel dagen u verlengt."),
            "null": _("Noem met hoeveel dagen u verlengt."),
            "invalid": _("Het aantal dagen is een geheel getal."),
            "max_string_length": _("Het aantal dagen is een geheel getal."),
        },
    )
    reden = _tekst(_("Geef de reden van de verlenging."), help_text=_("Waarom meer tijd nodig is."))


class OpenbaarheidInvoer(Invoer):
    grond = KeuzeVeld(
        WooGrond,
        help_text=_("De grond uit art. 5.1 of 5.2 Wet open overheid."),
        error_messages={
            "required": _("Kies een weigeringsgrond uit de Wet open overheid."),
            "null": _("Kies een weigeringsgrond uit de Wet open overheid."),
            "invalid_choice": _("Kies een weigeringsgrond uit de Wet open overheid."),
        },
    )
    toelichting = _tekst(
        _("Leg uit waarom deze grond hier openbaarmaking verhindert."),
        help_text=_("Waarom deze grond hier openbaarmaking verhindert."),
    )


class ControleInvoer(Invoer):
    uitgevoerd = serializers.BooleanField(
        help_text=_("Is de toegezegde maatregel uitgevoerd?"),
        error_messages={
            "required": _("Geef aan of de maatregel is uitgevoerd: true of false."),
            "null": _("Geef aan of de maatregel is uitgevoerd: true of false."),
            "invalid": _("Geef aan of de maatregel is uitgevoerd: true of false."),
        },
    )
    toelichting = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Verplicht als de maatregel niet is uitgevoerd."),
        error_messages={"invalid": TEKST_FOUT, "null": TEKST_FOUT},
    )


# --- filters (query parameters) --------------------------------------------------------------

JA_NEE = _("Gebruik true of false.")


class VerzoekFilter(serializers.Serializer[Any]):
    status = KeuzeVeld(
        Status,
        required=False,
        help_text=_("Alleen verzoeken met deze status."),
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )
    soort = serializers.CharField(
        required=False, help_text=_("Code van de soort verzoek (zie /soorten).")
    )
    organisatie = serializers.CharField(
        required=False,
        help_text=_("Korte naam (slug) van de organisatie die nu verantwoordelijk is."),
    )
    te_laat = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "true: alleen verzoeken waarvan de uiterste datum voorbij is zonder "
            "antwoord; false: alleen de andere."
        ),
        error_messages={"invalid": JA_NEE},
    )
    rol = KeuzeVeld(
        Betrokkenheid,
        required=False,
        help_text=_(
            "ontvanger: u bent verantwoordelijk op een bereikt niveau; vrager: u (of uw "
            "rol) vroeg het."
        ),
        error_messages={"invalid_choice": _("Kies ontvanger of vrager.")},
    )


class MeldingFilter(serializers.Serializer[Any]):
    ongelezen = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("true: alleen ongelezen meldingen; false: alleen gelezen meldingen."),
        error_messages={"invalid": JA_NEE},
    )

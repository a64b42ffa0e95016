"""Serializers of the parlement API. Output names organisations, not persons (except, for
those concerned, the participants of a contact moment); input serializers check only the
shape, with a Dutch message per field; the rules are the services'."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from uitvoerbaar.core.api.serializers import OrganisatieKortSerializer
from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.kennisbank.api.schema import KeuzeVeld
from uitvoerbaar.kennisbank.models import Regeling

from .. import selectors
from ..constants import Contactsoort, Contactstatus, Kamervraagstatus
from ..models import Contactmoment, Kamervraag

TIJDSTIP_FOUT: dict[str, Any] = {
    "invalid": _(
        "Vul een tijdstip in als JJJJ-MM-DDTUU:MM met tijdzone, bijv. 2027-03-01T14:00+01:00."
    )
}


def _organisatie_veld(help_text: Any, **kwargs: Any) -> serializers.SlugRelatedField[Any]:
    return serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisatie.objects.all(),
        help_text=help_text,
        error_messages={"does_not_exist": _("Deze organisatie bestaat niet.")},
        **kwargs,
    )


def _regeling_veld(**kwargs: Any) -> serializers.SlugRelatedField[Any]:
    return serializers.SlugRelatedField(
        slug_field="code",
        queryset=Regeling.objects.all(),
        error_messages={"does_not_exist": _("Deze regeling staat niet in de kennisbank.")},
        **kwargs,
    )


class AntwoordSerializer(serializers.Serializer[Any]):
    soort = serializers.CharField(help_text=_("pas_toe (een maatregel) of leg_uit (uitleg)."))
    tekst = serializers.CharField(help_text=_("Het antwoord: de uitleg, of de maatregel."))
    gegeven_op = serializers.DateTimeField()
    te_laat = serializers.BooleanField()
    namens = serializers.CharField(help_text=_("De organisatie die antwoordde."))
    beginselen = serializers.ListField(child=serializers.CharField())
    maatregel_eigenaar = serializers.CharField()
    maatregel_datum = serializers.DateField(allow_null=True)
    onvoldoende_reden = serializers.CharField()


class KamervraagSerializer(serializers.ModelSerializer[Kamervraag]):
    status = KeuzeVeld(Kamervraagstatus, read_only=True)
    parlement = OrganisatieKortSerializer(read_only=True)
    uitvoerder = OrganisatieKortSerializer(read_only=True)
    commissie = serializers.CharField(source="commissie.naam", default="", read_only=True)
    regeling = serializers.CharField(source="regeling.code", default="", read_only=True)
    beleidsvoorstel = serializers.IntegerField(
        source="beleidsvoorstel_id", allow_null=True, read_only=True
    )
    kenmerk = serializers.CharField(read_only=True)
    verzoek = serializers.SerializerMethodField(
        help_text=_("Nummer van het reactieverzoek; daar antwoordt de uitvoerder.")
    )
    uiterste_datum = serializers.SerializerMethodField()
    antwoorden = serializers.SerializerMethodField()

    class Meta:
        model = Kamervraag
        fields = [
            "id",
            "kenmerk",
            "parlement",
            "commissie",
            "uitvoerder",
            "titel",
            "vraag",
            "regeling",
            "beleidsvoorstel",
            "status",
            "gesteld_op",
            "beantwoord_op",
            "verzoek",
            "uiterste_datum",
            "antwoorden",
        ]

    def get_verzoek(self, obj: Kamervraag) -> int | None:
        return obj.verzoek_id

    def get_uiterste_datum(self, obj: Kamervraag) -> str | None:
        return obj.verzoek.uiterste_datum.isoformat() if obj.verzoek else None

    @staticmethod
    def _antwoorden(obj: Kamervraag, openbaar: bool) -> list[dict[str, Any]]:
        return [
            {
                "soort": a.soort,
                "tekst": a.tekst,
                "gegeven_op": a.gegeven_op,
                "te_laat": a.te_laat,
                "namens": a.namens,
                "beginselen": list(a.beginselen),
                "maatregel_eigenaar": a.maatregel_eigenaar,
                "maatregel_datum": a.maatregel_datum,
                "onvoldoende_reden": a.onvoldoende_reden,
            }
            for a in selectors.antwoorden(obj, openbaar=openbaar)
        ]

    def get_antwoorden(self, obj: Kamervraag) -> list[dict[str, Any]]:
        return AntwoordSerializer(self._antwoorden(obj, False), many=True).data  # type: ignore[return-value]


class OpenbareKamervraagSerializer(serializers.Serializer[Any]):
    """One public question with its latest answer (open data; texts masked)."""

    id = serializers.IntegerField(help_text=_("Vast nummer van de vraag."))
    kenmerk = serializers.CharField()
    parlement = serializers.CharField()
    commissie = serializers.CharField()
    uitvoerder = serializers.CharField()
    onderwerp = serializers.CharField()
    vraag = serializers.CharField()
    regeling = serializers.CharField()
    gesteld_op = serializers.DateField()
    status = serializers.CharField()
    beantwoord_op = serializers.DateField(allow_null=True)
    antwoordsoort = serializers.CharField()
    antwoord = serializers.CharField()
    te_laat = serializers.BooleanField(allow_null=True)
    reactieverzoek = serializers.CharField(help_text=_("Kenmerk in het openbare register."))

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return selectors.kamervraag_als_record(instance)


class KamervraagInvoer(serializers.Serializer[Any]):
    parlement = _organisatie_veld(_("Korte naam van het parlement."))
    commissie = serializers.IntegerField(
        required=False, allow_null=True, help_text=_("Het nummer van de commissie (eenheid).")
    )
    uitvoerder = _organisatie_veld(_("Korte naam van de uitvoeringsorganisatie."))
    titel = serializers.CharField(allow_blank=True, max_length=300)
    vraag = serializers.CharField(allow_blank=True, max_length=20_000)
    regeling = _regeling_veld(required=False, allow_null=True)
    beleidsvoorstel = serializers.IntegerField(required=False, allow_null=True)


class ContactmomentSerializer(serializers.ModelSerializer[Contactmoment]):
    soort = KeuzeVeld(Contactsoort, read_only=True)
    status = KeuzeVeld(Contactstatus, read_only=True)
    parlement = OrganisatieKortSerializer(read_only=True)
    commissie = serializers.CharField(source="commissie.naam", default="", read_only=True)
    uitvoerders = OrganisatieKortSerializer(many=True, read_only=True)
    regelingen: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    deelnemers = serializers.SerializerMethodField(help_text=_("Namen van de deelnemers."))
    kenmerk = serializers.CharField(read_only=True)
    verslag_openbaar = serializers.BooleanField(read_only=True)

    class Meta:
        model = Contactmoment
        fields = [
            "id",
            "kenmerk",
            "soort",
            "titel",
            "parlement",
            "commissie",
            "uitvoerders",
            "begint_op",
            "eindigt_op",
            "locatie",
            "online",
            "onderwerpen",
            "regelingen",
            "deelnemers",
            "gasten",
            "status",
            "annuleringsreden",
            "verslag",
            "verslag_openbaar",
            "verslag_gepubliceerd_op",
        ]

    def get_deelnemers(self, obj: Contactmoment) -> list[str]:
        return [str(d) for d in obj.deelnemers.all()]


class OpenbaarContactmomentSerializer(serializers.Serializer[Any]):
    """A contact moment with its published report (open data; never the participants)."""

    id = serializers.IntegerField()
    kenmerk = serializers.CharField()
    soort = serializers.CharField()
    titel = serializers.CharField()
    parlement = serializers.CharField()
    commissie = serializers.CharField()
    uitvoerders = serializers.ListField(child=serializers.CharField())
    begint_op = serializers.DateTimeField()
    online = serializers.BooleanField()
    onderwerpen = serializers.CharField()
    regelingen = serializers.ListField(child=serializers.CharField())
    verslag = serializers.CharField()
    verslag_gepubliceerd_op = serializers.DateTimeField()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return selectors.contactmoment_als_record(instance)


class ContactmomentInvoer(serializers.Serializer[Any]):
    soort = KeuzeVeld(
        Contactsoort,
        error_messages={"invalid_choice": _("Kies briefing, rondetafelgesprek of werkbezoek.")},
    )
    titel = serializers.CharField(allow_blank=True, max_length=300)
    parlement = _organisatie_veld(_("Korte naam van het parlement."), required=False)
    commissie = serializers.IntegerField(required=False, allow_null=True)
    uitvoerders = _organisatie_veld(_("Korte namen van de uitvoerders."), many=True)
    begint_op = serializers.DateTimeField(error_messages=TIJDSTIP_FOUT)
    eindigt_op = serializers.DateTimeField(
        required=False, allow_null=True, error_messages=TIJDSTIP_FOUT
    )
    locatie = serializers.CharField(allow_blank=True, required=False, max_length=300)
    online = serializers.BooleanField(required=False, default=False)
    onderwerpen = serializers.CharField(allow_blank=True, max_length=20_000)
    regelingen = _regeling_veld(many=True, required=False)
    deelnemers = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        help_text=_("Nummers van de deelnemers op het platform."),
    )
    gasten = serializers.CharField(allow_blank=True, required=False, max_length=20_000)


class AnnulerenInvoer(serializers.Serializer[Any]):
    reden = serializers.CharField(allow_blank=True, max_length=20_000)


class VerslagInvoer(serializers.Serializer[Any]):
    verslag = serializers.CharField(allow_blank=True, max_length=20_000)

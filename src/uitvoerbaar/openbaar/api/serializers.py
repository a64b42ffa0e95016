"""Serializers of the portal's open data. They read the public forms the selectors build (the
register's `OpenbaarVerzoek`, never a model with person fields); output only."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class RechtspraakOpenSerializer(serializers.Serializer[Any]):
    # A plain string, not an enum: the kennisbank API names the same choice set already.
    soort = serializers.CharField(help_text=_("wel: hier hebt u recht op; niet: hier niet."))
    artikel = serializers.CharField(help_text=_("Het artikelnummer, leeg als er geen is."))
    tekst = serializers.CharField()


class RegelingRechtenSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text=_("Vaste sleutel van de regeling."))
    naam = serializers.CharField()
    citeertitel = serializers.CharField()
    bwb_id = serializers.CharField(help_text=_("Het nummer op wetten.overheid.nl."))
    wetten_url = serializers.CharField(help_text=_("De wettekst op wetten.overheid.nl."))
    bedoeling = serializers.CharField(help_text=_("Waar de regeling voor is."))
    eigenaar = serializers.CharField(help_text=_("Het ministerie dat de regeling maakt."))
    rechten = RechtspraakOpenSerializer(many=True)


class LevensgebeurtenisSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField(help_text=_("Vaste sleutel van de levensgebeurtenis."))
    naam = serializers.CharField()
    omschrijving = serializers.CharField()
    regelingen = serializers.ListField(
        child=serializers.CharField(), help_text=_("De codes van de regelingen (zie rechten).")
    )


class AntwoordSerializer(serializers.Serializer[Any]):
    soort = serializers.CharField(help_text=_("pas_toe of leg_uit."))
    datum = serializers.DateField()
    te_laat = serializers.BooleanField()
    namens = serializers.CharField(help_text=_("De organisatie die antwoordde."))
    maatregel = serializers.CharField(help_text=_("Bij pas toe: de maatregel."))
    maatregel_datum = serializers.DateField(allow_null=True)
    redenen = serializers.CharField(help_text=_("Bij leg uit: de redenen."))
    beginselen = serializers.ListField(
        child=serializers.CharField(), help_text=_("Codes van de gewogen beginselen.")
    )


class RegisterSerializer(serializers.Serializer[Any]):
    kenmerk = serializers.CharField(
        help_text=_("Vaste sleutel van het verzoek, bijvoorbeeld RV-000123.")
    )
    soort = serializers.CharField()
    onderwerp = serializers.CharField()
    vraag = serializers.CharField(help_text=_("Alleen als de soort de vraag openbaar maakt."))
    ontvanger = serializers.CharField()
    verantwoordelijke = serializers.CharField(help_text=_("Wie nu moet antwoorden."))
    niveau = serializers.CharField()
    gestart_op = serializers.DateField()
    uiterste_datum = serializers.DateField(help_text=_("Het einde van de termijn."))
    status = serializers.CharField()
    status_tekst = serializers.CharField()
    onbeantwoord = serializers.BooleanField(
        help_text=_("Gepubliceerd als onbeantwoord: ook de laatste termijn is verstreken.")
    )
    antwoorden = AntwoordSerializer(many=True)


class MonitorSerializer(serializers.Serializer[Any]):
    organisatie = serializers.CharField(help_text=_("Vaste sleutel: de korte naam (slug)."))
    naam = serializers.CharField()
    soort = serializers.CharField()
    op_tijd = serializers.IntegerField()
    te_laat = serializers.IntegerField()
    pas_toe = serializers.IntegerField()
    leg_uit = serializers.IntegerField()
    te_laat_nu = serializers.IntegerField(help_text=_("Nu over de termijn."))
    stilte = serializers.IntegerField(help_text=_("Gepubliceerd als onbeantwoord."))


class DatasetSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    titel = serializers.CharField()
    omschrijving = serializers.CharField()
    api_url = serializers.CharField()
    csv_url = serializers.CharField()
    json_url = serializers.CharField()
    pagina_url = serializers.CharField()


class ZoekFilter(serializers.Serializer[Any]):
    zoek = serializers.CharField(
        required=False,
        min_length=2,
        max_length=100,
        help_text=_("Zoekwoorden (2 tot 100 tekens). Beperkt per adres per minuut."),
        error_messages={
            "min_length": _("Typ ten minste 2 tekens."),
            "max_length": _("Gebruik hoogstens 100 tekens."),
            "blank": _("Typ een woord om te zoeken."),
        },
    )


class MonitorFilter(serializers.Serializer[Any]):
    soort = serializers.ChoiceField(
        required=False,
        choices=[],
        help_text=_("Alleen organisaties van deze soort, bijvoorbeeld ministerie."),
        error_messages={"invalid_choice": _("Kies een soort organisatie uit de lijst.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from uitvoerbaar.core.constants import OrganisatieSoort

        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = OrganisatieSoort.choices  # type: ignore[attr-defined]

"""Shapes of the dienstverlening API. Reads are built from the selectors' analysis (series,
breaches, model, projections); writes are validated by the services, which answer in Dutch."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ..constants import Eenheid, Onderwerp, Richting


class _S(serializers.Serializer[Any]):
    pass


class MetingSerializer(_S):
    periode = serializers.DateField()
    waarde = serializers.FloatField()
    onder_grens = serializers.BooleanField(help_text="De ondergrens is in deze periode gebroken.")


class OndergrensSerializer(_S):
    indicator = serializers.SlugField(help_text="Code van de indicator.")
    grens = serializers.FloatField()
    waarde = serializers.CharField(help_text="De waarde die op het spel staat.")
    beginsel = serializers.CharField(allow_null=True, help_text="Code van het beginsel.")
    toelichting = serializers.CharField()
    vastgesteld_door = serializers.CharField()
    vastgesteld_op = serializers.DateTimeField()
    aantal_onderschrijdingen = serializers.IntegerField()
    onderschreden_perioden = serializers.ListField(child=serializers.DateField())


class CoefficientSerializer(_S):
    naam = serializers.ChoiceField(choices=["budget", "fte", "volume"])
    omschrijving = serializers.CharField()
    schatting = serializers.FloatField()
    standaardfout = serializers.FloatField()
    ondergrens = serializers.FloatField()
    bovengrens = serializers.FloatField()


class ModelSerializer(_S):
    bruikbaar = serializers.BooleanField()
    reden = serializers.CharField(help_text="Waarom er geen model is (leeg als het er wel is).")
    aantal_punten = serializers.IntegerField()
    nodig = serializers.IntegerField()
    intercept = serializers.FloatField(allow_null=True)
    r_kwadraat = serializers.FloatField(allow_null=True)
    coefficienten = CoefficientSerializer(many=True)


class IndicatorSerializer(_S):
    id = serializers.IntegerField()
    code = serializers.SlugField()
    naam = serializers.CharField()
    eenheid = serializers.ChoiceField(choices=Eenheid.choices)
    richting = serializers.ChoiceField(choices=Richting.choices)
    ondergrens = OndergrensSerializer(allow_null=True)
    metingen = MetingSerializer(many=True)
    model = ModelSerializer()


class MiddelenSerializer(_S):
    periode = serializers.DateField()
    budget = serializers.DecimalField(max_digits=14, decimal_places=2)
    fte = serializers.DecimalField(max_digits=10, decimal_places=2)
    volume = serializers.IntegerField()


class DienstSerializer(_S):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    organisatie = serializers.SlugField(help_text="Korte naam van de organisatie.")


class DienstDetailSerializer(DienstSerializer):
    omschrijving = serializers.CharField()
    aantal_onderschrijdingen = serializers.IntegerField()
    indicatoren = IndicatorSerializer(many=True)
    middelen = MiddelenSerializer(many=True)


class ProjectieSerializer(_S):
    indicator = serializers.SlugField()
    waarde = serializers.FloatField(allow_null=True)
    band_laag = serializers.FloatField(allow_null=True)
    band_hoog = serializers.FloatField(allow_null=True)
    reden = serializers.CharField(help_text="Waarom er geen voorspelling is (leeg als die er is).")
    buiten_bereik = serializers.ListField(
        child=serializers.CharField(),
        help_text="Middelen waarvan het scenario buiten het waargenomen bereik ligt.",
    )
    ondergrens = serializers.FloatField(allow_null=True)
    breekt_ondergrens = serializers.BooleanField()
    risico = serializers.BooleanField(help_text="De band raakt de ondergrens.")
    kans_op_breken = serializers.FloatField(allow_null=True)


class PerspectiefSerializer(_S):
    perspectief = serializers.ChoiceField(
        choices=["juridisch", "financieel", "professioneel", "burger"]
    )
    oordeel = serializers.CharField()
    toelichting = serializers.CharField()


class WaardenafwegingSerializer(_S):
    waarde = serializers.CharField()
    tegenover = serializers.CharField()
    afweging = serializers.CharField()
    vastgelegd_door = serializers.CharField()
    vastgelegd_op = serializers.DateTimeField()
    perspectieven = PerspectiefSerializer(many=True)


class ScenarioSerializer(_S):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    omschrijving = serializers.CharField()
    budget = serializers.DecimalField(max_digits=14, decimal_places=2)
    fte = serializers.DecimalField(max_digits=10, decimal_places=2)
    volume = serializers.IntegerField()
    aantal_gebroken = serializers.IntegerField()
    projecties = ProjectieSerializer(many=True)
    waardenafwegingen = WaardenafwegingSerializer(many=True)


class KeuzenotaOptieSerializer(_S):
    scenario = serializers.IntegerField()
    naam = serializers.CharField()
    budget = serializers.DecimalField(max_digits=14, decimal_places=2)
    fte = serializers.DecimalField(max_digits=10, decimal_places=2)
    volume = serializers.IntegerField()
    geadviseerd = serializers.BooleanField()
    aantal_gebroken = serializers.IntegerField()
    projecties = ProjectieSerializer(many=True)


class KeuzenotaSerializer(_S):
    id = serializers.IntegerField()
    titel = serializers.CharField()
    aanleiding = serializers.CharField()
    advies = serializers.CharField()
    opgesteld_door = serializers.CharField()
    opgesteld_op = serializers.DateTimeField()
    gegevens_sindsdien_gewijzigd = serializers.BooleanField(
        help_text="De cijfers zijn die van het opstellen; de gegevens van de dienst zijn daarna "
        "gewijzigd."
    )
    opties = KeuzenotaOptieSerializer(many=True)


class ScenarioInvoer(_S):
    naam = serializers.CharField(max_length=200, allow_blank=True)
    omschrijving = serializers.CharField(required=False, allow_blank=True, default="")
    # Strings or numbers: the service checks them and answers in Dutch.
    budget = serializers.CharField()
    fte = serializers.CharField()
    volume = serializers.CharField()


class ImportInvoer(_S):
    inhoud = serializers.CharField(
        trim_whitespace=False,
        help_text="Het CSV-bestand als tekst: periode, budget, fte, volume, dan per indicator "
        "'code (eenheid)'.",
    )


class ImportSerializer(_S):
    perioden = serializers.IntegerField()
    metingen = serializers.IntegerField()


class ArbeidsvoorwaardeSerializer(_S):
    organisatie = serializers.SlugField()
    organisatie_soort = serializers.CharField()
    onderwerp = serializers.ChoiceField(choices=Onderwerp.choices)
    eenheid = serializers.CharField()
    waarde = serializers.DecimalField(max_digits=12, decimal_places=2)
    toelichting = serializers.CharField()


class VergelijkingswaardeSerializer(_S):
    organisatie = serializers.SlugField()
    waarde = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    verschil = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        allow_null=True,
        help_text="Waarde min het gemiddelde van de ministeries (negatief: achterstand).",
    )


class VergelijkingsregelSerializer(_S):
    onderwerp = serializers.ChoiceField(choices=Onderwerp.choices)
    eenheid = serializers.CharField()
    gemiddelde_ministeries = serializers.DecimalField(
        max_digits=12, decimal_places=2, allow_null=True
    )
    aantal_achter = serializers.IntegerField()
    waarden = VergelijkingswaardeSerializer(many=True)

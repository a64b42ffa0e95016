"""Forms of the dienstverlening screens. They only shape the input: the services check the
rules and their ValidationError lands next to the field (`fouten_naar_form`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.formulieren import SELECT, TEXTAREA, TEXTBOX
from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.kennisbank.models import Beginsel

from .constants import MAX_OPTIES, Eenheid, Onderwerp, Richting
from .models import Scenario


def _regel(**attrs: Any) -> forms.TextInput:
    return forms.TextInput(attrs={"class": TEXTBOX, **attrs})


def _vak(rijen: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"class": TEXTAREA, "rows": rijen})


def _getal(**attrs: Any) -> forms.TextInput:
    # A text box, not type=number: the service gives the Dutch message for a wrong number.
    return forms.TextInput(attrs={"class": TEXTBOX, "inputmode": "decimal", **attrs})


class DienstForm(forms.Form):
    prefix = "dienst"
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisatie.objects.none(),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    naam = forms.CharField(
        label=_("Naam van de dienst"), required=False, max_length=200, widget=_regel()
    )
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False, widget=_vak(3))

    def __init__(self, *args: Any, organisaties: list[Organisatie], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld: Any = self.fields["organisatie"]
        veld.queryset = Organisatie.objects.filter(
            pk__in=[o.pk for o in organisaties],
            soort__in=[OrganisatieSoort.UITVOERINGSORGANISATIE, OrganisatieSoort.MEDEOVERHEID],
        ).order_by("naam")
        if len(veld.queryset) == 1:
            veld.initial = veld.queryset[0]


class IndicatorForm(forms.Form):
    prefix = "indicator"
    naam = forms.CharField(label=_("Naam"), required=False, max_length=200, widget=_regel())
    code = forms.CharField(
        label=_("Code"),
        required=False,
        max_length=60,
        help_text=_("Kolomkop in het CSV-bestand. Leeg laten: gemaakt uit de naam."),
        widget=_regel(),
    )
    eenheid = forms.ChoiceField(
        label=_("Eenheid"),
        required=False,
        choices=[("", _("Kies een eenheid")), *Eenheid.choices],
        widget=forms.Select(attrs={"class": SELECT}),
    )
    richting = forms.ChoiceField(
        label=_("Wat is beter?"),
        required=False,
        choices=Richting.choices,
        widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
    )
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False, widget=_vak(2))


class ImportForm(forms.Form):
    prefix = "import"
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen: periode, budget, fte, volume en dan per indicator 'code (eenheid)'. "
            "Eén fout in het bestand en er wordt niets ingelezen."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class OndergrensForm(forms.Form):
    prefix = "ondergrens"
    grens = forms.CharField(label=_("Grens"), required=False, widget=_getal())
    waarde = forms.CharField(
        label=_("Welke waarde staat op het spel?"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: bestaanszekerheid, rechtszekerheid, menselijke maat."),
        widget=_regel(),
    )
    beginsel = forms.ModelChoiceField(
        label=_("Beginsel van goed bestuur (mag leeg)"),
        required=False,
        queryset=Beginsel.objects.all(),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=_vak(3))


class ScenarioForm(forms.Form):
    prefix = "scenario"
    naam = forms.CharField(label=_("Naam"), required=False, max_length=200, widget=_regel())
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False, widget=_vak(2))
    budget = forms.CharField(label=_("Budget per periode (euro)"), required=False, widget=_getal())
    fte = forms.CharField(label=_("Formatie (fte)"), required=False, widget=_getal())
    volume = forms.CharField(
        label=_("Verwacht volume (zaken per periode)"), required=False, widget=_getal()
    )

    def getallen(self) -> dict[str, str]:
        """The numbers as typed, with a decimal comma read as a point."""
        return {
            k: (self.cleaned_data.get(k) or "").strip().replace(".", "").replace(",", ".")
            if "," in (self.cleaned_data.get(k) or "")
            else (self.cleaned_data.get(k) or "").strip()
            for k in ("budget", "fte", "volume")
        }


class WaardenafwegingForm(forms.Form):
    prefix = "afweging"
    waarde_a = forms.CharField(
        label=_("Waarde"),
        required=False,
        max_length=100,
        help_text=_("Bijvoorbeeld: snelheid."),
        widget=_regel(),
    )
    waarde_b = forms.CharField(
        label=_("Tegenover"),
        required=False,
        max_length=100,
        help_text=_("Bijvoorbeeld: zorgvuldigheid."),
        widget=_regel(),
    )
    afweging = forms.CharField(
        label=_("Afweging"),
        required=False,
        help_text=_("Wat weegt zwaarder in dit scenario, en waarom?"),
        widget=_vak(4),
    )


class KeuzenotaForm(forms.Form):
    prefix = "nota"
    titel = forms.CharField(label=_("Titel"), required=False, max_length=200, widget=_regel())
    aanleiding = forms.CharField(
        label=_("Aanleiding en vraag aan de politiek"), required=False, widget=_vak(4)
    )
    opties = forms.ModelMultipleChoiceField(
        label=_("Opties (twee tot vier scenario's)"),
        required=False,
        queryset=Scenario.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
    )
    geadviseerd = forms.ModelChoiceField(
        label=_("Welke optie adviseert u?"),
        required=False,
        queryset=Scenario.objects.none(),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    advies = forms.CharField(label=_("Advies en motivering"), required=False, widget=_vak(5))

    def __init__(self, *args: Any, scenarios: QuerySet[Scenario], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for naam in ("opties", "geadviseerd"):
            veld: Any = self.fields[naam]
            veld.queryset = scenarios
        self.fields["opties"].help_text = _("Kies er hoogstens %(max)d.") % {"max": MAX_OPTIES}


class ArbeidsvoorwaardeForm(forms.Form):
    prefix = "av"
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisatie.objects.none(),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    onderwerp = forms.ChoiceField(
        label=_("Onderwerp"),
        choices=Onderwerp.choices,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    waarde = forms.CharField(label=_("Waarde"), required=False, widget=_getal())
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=300, widget=_regel()
    )

    def __init__(self, *args: Any, organisaties: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld: Any = self.fields["organisatie"]
        veld.queryset = Organisatie.objects.filter(pk__in=[o.pk for o in organisaties])

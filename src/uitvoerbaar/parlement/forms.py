"""Forms of the kamervragen and contactmomenten screens. They only shape the input; the rules
are the services', whose ValidationError lands next to the field
(`core.formulieren.fouten_naar_form`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.beleid.models import Beleidsvoorstel
from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.formulieren import SELECT, TEXTAREA, TEXTBOX
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Regeling

from .constants import Contactsoort, Contactstatus, Kamervraagstatus

TIJDSTIP = {"invalid": _("Vul een geldige datum en tijd in, bijvoorbeeld 2026-12-31 14:00.")}


def _tekstvak(rijen: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"class": TEXTAREA, "rows": rijen})


def _regel() -> forms.TextInput:
    return forms.TextInput(attrs={"class": TEXTBOX})


def _keuze() -> forms.Select:
    return forms.Select(attrs={"class": SELECT})


def _tijdstip(label: Any, **kw: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        error_messages=TIJDSTIP,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(
            attrs={"class": TEXTBOX, "type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        **kw,
    )


class CommissieKeuze(forms.ModelChoiceField):
    """A committee by its own name (the parliament is chosen beside it)."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.naam)


def _parlement() -> forms.ModelChoiceField:
    """The parliament asking (the view gives the person's own as queryset)."""
    return forms.ModelChoiceField(
        label=_("Parlement"), queryset=Organisatie.objects.none(), empty_label=None, widget=_keuze()
    )


def _commissie() -> CommissieKeuze:
    """One of its committees, or none (the view gives the queryset)."""
    return CommissieKeuze(
        label=_("Commissie"),
        queryset=Eenheid.objects.none(),
        required=False,
        empty_label=_("(geen commissie)"),
        widget=_keuze(),
    )


def uitvoerders() -> QuerySet[Organisatie]:
    return Organisatie.objects.filter(
        soort__in=[OrganisatieSoort.UITVOERINGSORGANISATIE, OrganisatieSoort.MEDEOVERHEID]
    ).order_by("naam")


class KamervraagForm(forms.Form):
    parlement = _parlement()
    commissie = _commissie()
    uitvoerder = forms.ModelChoiceField(
        label=_("Aan welke uitvoerder stelt u de vraag?"),
        queryset=Organisatie.objects.none(),
        required=False,
        empty_label=_("Kies een organisatie"),
        widget=_keuze(),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )
    titel = forms.CharField(label=_("Onderwerp"), required=False, max_length=300, widget=_regel())
    vraag = forms.CharField(
        label=_("Uw vraag"),
        required=False,
        help_text=_(
            "Vraag hoe het beleid in de praktijk uitpakt. De vraag en het antwoord worden "
            "openbaar: schrijf geen gegevens van burgers op."
        ),
        widget=_tekstvak(6),
    )
    regeling = forms.ModelChoiceField(
        label=_("Over welke regeling gaat het? (niet verplicht)"),
        queryset=Regeling.objects.none(),
        required=False,
        empty_label=_("(geen regeling)"),
        widget=_keuze(),
    )
    beleidsvoorstel = forms.ModelChoiceField(
        label=_("Over welk beleidsvoorstel gaat het? (niet verplicht)"),
        queryset=Beleidsvoorstel.objects.none(),
        required=False,
        empty_label=_("(geen beleidsvoorstel)"),
        widget=_keuze(),
    )

    def __init__(self, *args: Any, parlementen: QuerySet[Organisatie], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parlement"].queryset = parlementen  # type: ignore[attr-defined]
        self.fields["commissie"].queryset = Eenheid.objects.filter(  # type: ignore[attr-defined]
            organisatie__in=parlementen
        ).order_by("naam")
        self.fields["uitvoerder"].queryset = uitvoerders()  # type: ignore[attr-defined]
        self.fields["regeling"].queryset = Regeling.objects.order_by("naam")  # type: ignore[attr-defined]
        self.fields["beleidsvoorstel"].queryset = Beleidsvoorstel.objects.order_by(  # type: ignore[attr-defined]
            "-aangemaakt"
        )


class KamervraagFilter(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle")), *Kamervraagstatus.choices],
        widget=_keuze(),
    )


class ContactmomentForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort"), choices=Contactsoort.choices, widget=_keuze())
    titel = forms.CharField(label=_("Titel"), required=False, max_length=300, widget=_regel())
    parlement = _parlement()
    commissie = _commissie()
    uitvoerders = forms.ModelMultipleChoiceField(
        label=_("Uitvoeringsorganisaties"),
        queryset=Organisatie.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    begint_op = _tijdstip(_("Begint op"))
    eindigt_op = _tijdstip(_("Eindigt op (niet verplicht)"))
    locatie = forms.CharField(label=_("Plaats"), required=False, max_length=300, widget=_regel())
    online = forms.BooleanField(label=_("Online"), required=False)
    onderwerpen = forms.CharField(
        label=_("Onderwerpen"),
        required=False,
        help_text=_("Waarover gaat het gesprek? Dit wordt openbaar met het verslag."),
        widget=_tekstvak(4),
    )
    regelingen = forms.ModelMultipleChoiceField(
        label=_("Regelingen (niet verplicht)"),
        queryset=Regeling.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    deelnemers = forms.ModelMultipleChoiceField(
        label=_("Deelnemers op het platform"),
        queryset=Gebruiker.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    gasten = forms.CharField(
        label=_("Andere gasten (niet verplicht)"),
        required=False,
        help_text=_("Eén naam per regel. Deze namen worden niet openbaar."),
        widget=_tekstvak(3),
    )

    def __init__(
        self,
        *args: Any,
        parlementen: QuerySet[Organisatie],
        deelnemers: QuerySet[Gebruiker],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parlement"].queryset = parlementen  # type: ignore[attr-defined]
        self.fields["commissie"].queryset = Eenheid.objects.filter(  # type: ignore[attr-defined]
            organisatie__soort=OrganisatieSoort.PARLEMENT
        ).order_by("naam")
        self.fields["uitvoerders"].queryset = uitvoerders()  # type: ignore[attr-defined]
        self.fields["regelingen"].queryset = Regeling.objects.order_by("naam")  # type: ignore[attr-defined]
        self.fields["deelnemers"].queryset = deelnemers  # type: ignore[attr-defined]


class ContactmomentFilter(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle")), *Contactstatus.choices],
        widget=_keuze(),
    )
    soort = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[("", _("Alle")), *Contactsoort.choices],
        widget=_keuze(),
    )


class AnnulerenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom gaat het niet door?"), required=False, widget=_tekstvak(3)
    )


class VerslagForm(forms.Form):
    verslag = forms.CharField(
        label=_("Verslag"),
        required=False,
        help_text=_(
            "Wat is besproken en afgesproken? Als u het verslag openbaar maakt, kan iedereen het "
            "lezen. Schrijf geen gegevens van burgers op."
        ),
        widget=_tekstvak(10),
    )

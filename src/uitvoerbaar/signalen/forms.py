"""Forms of the signalen screens. They shape the input; the rules are the services', whose
ValidationError lands next to the field (core.formulieren.fouten_naar_form)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.formulieren import RADIO, SELECT, TEXTAREA, TEXTBOX
from uitvoerbaar.core.models import Eenheid, Organisatie
from uitvoerbaar.kennisbank.constants import Oordeel, Perspectief
from uitvoerbaar.kennisbank.models import Artikel, Beginsel, Regeling

from .constants import MAX_TEKST, MAX_TITEL, Kanaal, Uitkomst, Urgentie


class MeerdereBestanden(forms.ClearableFileInput):
    allow_multiple_selected = True


class BijlagenVeld(forms.FileField):
    widget = MeerdereBestanden

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        bestanden = data if isinstance(data, list | tuple) else [data]
        return [super(BijlagenVeld, self).clean(b, initial) for b in bestanden]


def _tekstvak(rijen: int = 5, **attrs: Any) -> forms.Textarea:
    return forms.Textarea(attrs={"class": TEXTAREA, "rows": rijen, **attrs})


def _keuze() -> forms.Select:
    return forms.Select(attrs={"class": SELECT})


class _Form(forms.Form):
    """Text fields are optional here: the service says in Dutch what is missing."""


class SignaalForm(_Form):
    """Intake, named or confidential (logged in) and anonymous (without login)."""

    kanaal = forms.ChoiceField(
        label=_("Hoe wilt u melden?"),
        choices=[(k.value, k.label) for k in (Kanaal.BENOEMD, Kanaal.VERTROUWELIJK)],
        initial=Kanaal.BENOEMD,
        widget=forms.RadioSelect(attrs={"class": RADIO}),
        help_text=_(
            "Vertrouwelijk: alleen de vertrouwenspersoon weet wie u bent. Anoniem melden kan "
            "zonder in te loggen, via 'Anoniem melden'."
        ),
    )
    organisatie = forms.ModelChoiceField(
        label=_("Bij welke organisatie meldt u?"),
        queryset=Organisatie.objects.none(),
        widget=_keuze(),
        required=False,
    )
    titel = forms.CharField(
        label=_("Titel"),
        required=False,
        max_length=MAX_TITEL,
        help_text=_("Een korte zin, zonder namen of nummers van burgers."),
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )
    tekst = forms.CharField(
        label=_("Wat is er gebeurd?"),
        required=False,
        max_length=MAX_TEKST,
        help_text=_("Beschrijf de situatie. Welke regel werkt hier anders dan bedoeld?"),
        widget=_tekstvak(6),
    )
    regeling = forms.ModelChoiceField(
        label=_("Over welke regeling gaat het?"),
        queryset=Regeling.objects.order_by("naam"),
        required=False,
        empty_label=_("Weet ik niet"),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    artikel = forms.ModelChoiceField(
        label=_("Welk artikel?"),
        queryset=Artikel.objects.select_related("regeling").order_by("regeling__naam", "volgorde"),
        required=False,
        empty_label=_("Weet ik niet"),
        help_text=_("Typ in het zoekveld om een artikel te vinden, of laat het open."),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    beginselen = forms.ModelMultipleChoiceField(
        label=_("Welke beginselen zijn in gevaar?"),
        queryset=Beginsel.objects.order_by("volgorde", "naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    urgentie = forms.ChoiceField(
        label=_("Hoe dringend is het?"),
        choices=Urgentie.choices,
        initial=Urgentie.NORMAAL,
        widget=forms.RadioSelect(attrs={"class": RADIO}),
    )
    voorstel = forms.CharField(
        label=_("Hebt u een voorstel voor een oplossing?"),
        required=False,
        max_length=MAX_TEKST,
        widget=_tekstvak(3),
    )
    bijlagen = BijlagenVeld(
        label=_("Bijlagen"),
        required=False,
        help_text=_(
            "Hoogstens %(aantal)d bestanden van elk hoogstens %(mb)d MB: "
            "pdf, png, jpg, txt, docx of odt."
        )
        % {
            "aantal": settings.SIGNALEN_BIJLAGEN_MAX,
            "mb": settings.SIGNALEN_BIJLAGE_MAX_BYTES // (1024 * 1024),
        },
    )
    persoonsgegevens_bevestigd = forms.BooleanField(
        label=_("De persoonsgegevens in mijn tekst zijn echt nodig voor dit signaal."),
        required=False,
    )

    def __init__(
        self, *args: Any, organisaties: Any = None, anoniem: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = organisaties  # type: ignore[attr-defined]
        if anoniem:
            del self.fields["kanaal"]
        for perspectief in Perspectief:
            self.fields[f"{perspectief}_oordeel"] = forms.ChoiceField(
                label=_("Oordeel: %(p)s") % {"p": perspectief.label},
                choices=Oordeel.choices,
                initial=Oordeel.NIET_BEOORDEELD,
                required=False,
                widget=_keuze(),
            )
            self.fields[f"{perspectief}_toelichting"] = forms.CharField(
                label=_("Toelichting: %(p)s") % {"p": perspectief.label},
                required=False,
                max_length=2000,
                widget=_tekstvak(2),
            )

    def perspectief_velden(self) -> list[tuple[Any, Any, Any]]:
        return [(p.label, self[f"{p}_oordeel"], self[f"{p}_toelichting"]) for p in Perspectief]

    def perspectieven(self) -> dict[str, Any]:
        data = {
            k: v
            for k, v in self.cleaned_data.items()
            if k.endswith(("_oordeel", "_toelichting"))
            and v not in ("", None, Oordeel.NIET_BEOORDEELD)
        }
        return data


class BenadelingForm(_Form):
    over_signaal = forms.IntegerField(
        label=_("Kenmerk van uw eerdere signaal (het getal na S-), als u dat weet"),
        required=False,
        min_value=1,
        widget=forms.NumberInput(attrs={"class": TEXTBOX}),
    )


class BerichtForm(_Form):
    tekst = forms.CharField(
        label=_("Bericht aan de melder"), required=False, max_length=MAX_TEKST, widget=_tekstvak(4)
    )
    soort = forms.ChoiceField(
        label=_("Soort bericht"),
        choices=[
            ("bericht", _("Bericht")),
            ("vraag", _("Vraag: het signaal wacht op antwoord van de melder")),
            ("terugkoppeling", _("Terugkoppeling: wat er met het signaal is gedaan (Wbk)")),
        ],
        initial="bericht",
        widget=forms.RadioSelect(attrs={"class": RADIO}),
    )


class InBehandelingForm(_Form):
    bericht = forms.CharField(
        label=_("Bericht bij de ontvangstbevestiging (mag leeg)"),
        required=False,
        max_length=MAX_TEKST,
        widget=_tekstvak(3),
    )


class AfsluitenForm(_Form):
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"), choices=[("", "—"), *Uitkomst.choices], required=False, widget=_keuze()
    )
    toelichting = forms.CharField(
        label=_("Wat hoort de melder?"), required=False, max_length=MAX_TEKST, widget=_tekstvak(4)
    )


class RedenForm(_Form):
    reden = forms.CharField(label=_("Reden"), required=False, max_length=2000, widget=_tekstvak(3))


class BesluitForm(_Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("toestaan", _("Naam bekendmaken")), ("weigeren", _("Naam geheim houden"))],
        widget=forms.RadioSelect(attrs={"class": RADIO}),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=_tekstvak(3)
    )


class AanvullingForm(_Form):
    tekst = forms.CharField(
        label=_("Uw aanvulling of antwoord"),
        required=False,
        max_length=MAX_TEKST,
        widget=_tekstvak(4),
    )
    bijlagen = BijlagenVeld(label=_("Bijlagen"), required=False)
    persoonsgegevens_bevestigd = forms.BooleanField(
        label=_("De persoonsgegevens in mijn tekst zijn echt nodig."), required=False
    )


class OntvangstcodeForm(_Form):
    code = forms.CharField(
        label=_("Uw ontvangstcode"),
        required=False,
        max_length=40,
        help_text=_("De 16 cijfers die u kreeg toen u het signaal meldde."),
        widget=forms.TextInput(
            attrs={"class": TEXTBOX, "autocomplete": "off", "inputmode": "numeric"}
        ),
    )


class NoodremForm(_Form):
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisatie.objects.none(), widget=_keuze(), required=False
    )
    titel = forms.CharField(
        label=_("Titel"),
        required=False,
        max_length=MAX_TITEL,
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )
    beginselen = forms.ModelMultipleChoiceField(
        label=_("Welke beginselen van behoorlijk bestuur zijn in gevaar?"),
        queryset=Beginsel.objects.order_by("volgorde", "naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    schade = forms.CharField(
        label=_("Welke schade ontstaat er?"),
        required=False,
        max_length=MAX_TEKST,
        widget=_tekstvak(4),
    )
    stoppen = forms.CharField(
        label=_("Wat moet nu stoppen?"), required=False, max_length=MAX_TEKST, widget=_tekstvak(3)
    )
    regeling = forms.ModelChoiceField(
        label=_("Regeling (als u die weet)"),
        queryset=Regeling.objects.order_by("naam"),
        required=False,
        empty_label=_("Weet ik niet"),
        widget=_keuze(),
    )
    eenheid = forms.ModelChoiceField(
        label=_("Uw eenheid (mag leeg)"),
        queryset=Eenheid.objects.none(),
        required=False,
        widget=_keuze(),
    )
    persoonsgegevens_bevestigd = forms.BooleanField(
        label=_("De persoonsgegevens in mijn tekst zijn echt nodig."), required=False
    )

    def __init__(self, *args: Any, organisaties: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = organisaties  # type: ignore[attr-defined]
        self.fields["eenheid"].queryset = Eenheid.objects.filter(  # type: ignore[attr-defined]
            organisatie__in=organisaties
        ).order_by("naam")


class NoodremAanvullingForm(_Form):
    tekst = forms.CharField(
        label=_("Aanvulling"), required=False, max_length=MAX_TEKST, widget=_tekstvak(3)
    )


class KnelpuntForm(_Form):
    naam = forms.CharField(
        label=_("Naam van het knelpunt"),
        required=False,
        max_length=MAX_TITEL,
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"), required=False, max_length=MAX_TEKST, widget=_tekstvak(4)
    )
    regeling = forms.ModelChoiceField(
        label=_("Regeling"),
        queryset=Regeling.objects.order_by("naam"),
        required=False,
        widget=_keuze(),
    )
    artikel = forms.ModelChoiceField(
        label=_("Artikel"),
        queryset=Artikel.objects.select_related("regeling").order_by("regeling__naam", "volgorde"),
        required=False,
        widget=_keuze(),
    )

"""Forms of the deviation screens. They give input its shape only; the rules (what is
required, four eyes, the equal-treatment alert) are the services', whose ValidationError lands
next to the field through `fouten_naar_form`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.formulieren import SELECT, TEXTAREA, TEXTBOX
from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.kennisbank.forms import PerspectievenForm
from uitvoerbaar.kennisbank.models import Afwijkingsgrond, Artikel, Beginsel, Regeling
from uitvoerbaar.signalen.models import Signaal

from .constants import Huishouden, Inkomensband, Knelpunt
from .models import Afwijking
from .services import gronden_voor


def _tekstvak(rijen: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"class": TEXTAREA, "rows": rijen})


def _kies(**kwargs: Any) -> forms.Select:
    return forms.Select(attrs={"class": SELECT, **kwargs})


def _tekst(label: Any, help_text: Any = "", rijen: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=20_000, help_text=help_text, widget=_tekstvak(rijen)
    )


def _keuze(label: Any, keuzes: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", _("Kies…")), *keuzes.choices],
        widget=_kies(),
    )


class _BeginselenMixin(forms.Form):
    beginselen = forms.ModelMultipleChoiceField(
        label=_("Welke beginselen spelen mee?"),
        queryset=Beginsel.objects.none(),
        to_field_name="code",
        required=False,
        error_messages={"invalid_choice": _("Kies beginselen uit de lijst.")},
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
    )

    def _beginselen(self, queryset: QuerySet[Beginsel]) -> None:
        veld = self.fields["beginselen"]
        assert isinstance(veld, forms.ModelMultipleChoiceField)
        veld.queryset = queryset


def _organisatieveld(form: forms.Form, organisaties: list[Organisatie]) -> None:
    form.fields["organisatie"] = forms.ModelChoiceField(
        label=_("Namens welke organisatie?"),
        queryset=Organisatie.objects.filter(pk__in=[o.pk for o in organisaties]),
        empty_label=None,
        widget=_kies(),
    )
    if len(organisaties) == 1:
        form.fields["organisatie"].initial = organisaties[0].pk


class AfwijkingForm(_BeginselenMixin):
    grond = forms.ModelChoiceField(
        label=_("Wettelijke grondslag"),
        queryset=Afwijkingsgrond.objects.none(),
        required=False,
        empty_label=_("Kies de grondslag…"),
        help_text=_("Zonder grondslag kunt u niet afwijken. De wijzer legt elke grondslag uit."),
        error_messages={"invalid_choice": _("Kies een grondslag uit de lijst.")},
        widget=_kies(),
    )
    bedoeling = _tekst(
        _("Welke bedoeling van de regel dient de afwijking?"),
        _("Lees de bedoeling van de regeling en het artikel in de wijzer."),
        3,
    )
    casus = _tekst(
        _("Wat is de situatie?"),
        _("Zonder namen, adressen of nummers. Beschrijf wat de regel hier onbedoeld doet."),
    )
    huishouden = _keuze(_("Huishouden"), Huishouden)
    inkomensband = _keuze(_("Inkomen"), Inkomensband)
    knelpunt = _keuze(_("Soort knelpunt"), Knelpunt)
    bedrag = forms.DecimalField(
        label=_("Bedrag in euro (als het om geld gaat)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        localize=True,
        error_messages={"invalid": _("Vul een bedrag in euro in, bijvoorbeeld 1250 of 1250,50.")},
        widget=forms.TextInput(attrs={"class": TEXTBOX, "inputmode": "decimal"}),
    )
    alternatief = _tekst(_("Wat doet u in plaats van de regel?"), rijen=3)
    motivering = _tekst(
        _("Motivering"),
        _("Waarom is afwijken hier nodig, en waarom past het bij de bedoeling van de regel?"),
    )

    def __init__(
        self,
        *args: Any,
        artikel: Artikel,
        organisaties: list[Organisatie],
        beginselen: QuerySet[Beginsel],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _organisatieveld(self, organisaties)
        self.order_fields(["organisatie"])
        veld = self.fields["grond"]
        assert isinstance(veld, forms.ModelChoiceField)
        veld.queryset = gronden_voor(artikel).select_related("artikel").order_by("volgorde", "pk")
        veld.label_from_instance = lambda g: g.get_soort_display() + (  # type: ignore[method-assign,assignment]
            f" ({_('artikel')} {g.artikel.nummer})" if g.artikel_id else ""
        )
        self._beginselen(beginselen)


class PerspectievenInvoer(PerspectievenForm):
    prefix = "perspectief"


class IndienenForm(forms.Form):
    prefix = "indienen"
    verschil_motivering = _tekst(
        _("Waarin verschilt dit geval van de vergelijkbare gevallen die anders zijn beslist?"),
        _("Nodig als een vergelijkbaar geval een andere beslissing kreeg (gelijkheidsbeginsel)."),
    )


class BeoordelenForm(forms.Form):
    prefix = "beoordelen"
    besluit = forms.ChoiceField(
        label=_("Uw besluit"),
        choices=[("goedkeuren", _("Goedkeuren")), ("afwijzen", _("Afwijzen"))],
        widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
        error_messages={"required": _("Kies goedkeuren of afwijzen.")},
    )
    toelichting = _tekst(_("Toelichting"), _("Nodig als u afwijst."), 3)
    verschil_motivering = _tekst(
        _("Waarin verschilt dit geval van vergelijkbare gevallen die anders zijn beslist?"),
        _("Nodig als u anders beslist dan in een vergelijkbaar geval."),
        3,
    )


class AfrondenForm(forms.Form):
    prefix = "afronden"
    uitkomst = _tekst(_("Hoe is het afgelopen?"), rijen=3)
    vervolg = _tekst(_("Vervolg"), _("Bijvoorbeeld: een controle over een half jaar."), 2)


class LeegForm(forms.Form):
    pass


class AanvechtingForm(_BeginselenMixin):
    titel = forms.CharField(
        label=_("Titel"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )
    toelichting = _tekst(_("Wat gaat er mis met dit artikel, en wat moet er veranderen?"), rijen=6)
    argumenten = _tekst(
        _("Argumenten"),
        _("Eén argument per regel. Het ministerie moet op elk argument antwoorden."),
        4,
    )
    afwijkingen = forms.ModelMultipleChoiceField(
        label=_("Afwijkingen die de aanvechting onderbouwen"),
        queryset=Afwijking.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Kies afwijkingen uit de lijst.")},
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
    )
    signalen = forms.ModelMultipleChoiceField(
        label=_("Signalen van professionals over dit artikel"),
        queryset=Signaal.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Kies signalen uit de lijst.")},
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
    )

    def __init__(
        self,
        *args: Any,
        organisaties: list[Organisatie],
        afwijkingen: QuerySet[Afwijking],
        beginselen: QuerySet[Beginsel],
        signalen: QuerySet[Signaal] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _organisatieveld(self, organisaties)
        self.order_fields(["organisatie"])
        veld = self.fields["afwijkingen"]
        assert isinstance(veld, forms.ModelMultipleChoiceField)
        veld.queryset = afwijkingen
        veld.label_from_instance = lambda a: (  # type: ignore[method-assign,assignment]
            f"{a.kenmerk}: {a.get_knelpunt_display()}, {a.get_huishouden_display()} "
            f"({a.get_status_display().lower()})"
        )
        signaalveld = self.fields["signalen"]
        assert isinstance(signaalveld, forms.ModelMultipleChoiceField)
        signaalveld.queryset = signalen if signalen is not None else Signaal.objects.none()
        signaalveld.label_from_instance = lambda s: f"{s.kenmerk} {s.titel}"  # type: ignore[method-assign,assignment]
        self._beginselen(beginselen)

    def argumentenlijst(self) -> list[str]:
        return [r.strip() for r in (self.cleaned_data.get("argumenten") or "").splitlines()]


class CasusberaadForm(_BeginselenMixin):
    regeling = forms.ModelChoiceField(
        label=_("Regeling"),
        queryset=Regeling.objects.none(),
        empty_label=_("Kies de regeling…"),
        error_messages={
            "required": _("Kies de regeling."),
            "invalid_choice": _("Kies een regeling uit de lijst."),
        },
        widget=_kies(),
    )
    artikel = forms.CharField(
        label=_("Artikel (nummer)"),
        required=False,
        max_length=30,
        help_text=_("Laat leeg als het beraad over de hele regeling ging."),
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )
    datum = forms.DateField(
        label=_("Datum van het beraad"),
        required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 31-12-2026.")},
        widget=forms.DateInput(attrs={"class": TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
    )
    deelnemers = forms.CharField(
        label=_("Deelnemers (functies, geen namen)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )
    vraag = _tekst(_("De vraag van het beraad"), rijen=3)
    conclusie = _tekst(_("Conclusie"), rijen=4)
    richtlijn = _tekst(
        _("Richtlijn voor vergelijkbare gevallen"),
        _("De afwijkingswijzer toont deze richtlijn bij het artikel."),
        3,
    )

    def __init__(
        self,
        *args: Any,
        organisaties: list[Organisatie],
        regelingen: QuerySet[Regeling],
        beginselen: QuerySet[Beginsel],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _organisatieveld(self, organisaties)
        self.order_fields(["organisatie"])
        veld = self.fields["regeling"]
        assert isinstance(veld, forms.ModelChoiceField)
        veld.queryset = regelingen
        self._beginselen(beginselen)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        regeling, nummer = data.get("regeling"), (data.get("artikel") or "").strip()
        data["artikel_obj"] = None
        if regeling is not None and nummer:
            artikel = Artikel.objects.filter(regeling=regeling, nummer=nummer).first()
            if artikel is None:
                raise ValidationError({"artikel": _("Dit artikel bestaat niet in deze regeling.")})
            data["artikel_obj"] = artikel
        return data


class InstellingForm(forms.Form):
    bestuur_drempel = forms.DecimalField(
        label=_("Bedrag waarboven het bestuur goedkeurt (euro)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        localize=True,
        error_messages={"invalid": _("Vul een bedrag in euro in, bijvoorbeeld 2500.")},
        widget=forms.TextInput(attrs={"class": TEXTBOX, "inputmode": "decimal"}),
    )
    structureel_drempel = forms.IntegerField(
        label=_("Na hoeveel goedgekeurde afwijkingen stelt het register een aanvechting voor?"),
        required=False,
        help_text=_("Afwijkingen op hetzelfde artikel bij hetzelfde soort knelpunt."),
        error_messages={"invalid": _("Vul een heel getal in.")},
        widget=forms.NumberInput(attrs={"class": TEXTBOX}),
    )
    precedenten_delen = forms.BooleanField(
        label=_("Geanonimiseerde precedenten delen met andere organisaties"),
        required=False,
        help_text=_(
            "Andere organisaties zien dan uw beslissingen zonder namen en zonder de casus. "
            "Beginselpagina's tonen ze als voorbeeld."
        ),
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )

"""Forms of the beleid screens. They only shape the input; the rules are the services', whose
ValidationError lands next to the field (`core.formulieren.fouten_naar_form`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.formulieren import SELECT, TEXTAREA, TEXTBOX
from uitvoerbaar.core.models import Eenheid, Organisatie
from uitvoerbaar.kennisbank.constants import RechtSoort
from uitvoerbaar.kennisbank.models import Beginsel, Regeling

from .constants import Haalbaarheid, Teruggavereden, Toetsoordeel
from .models import Belofte

DATUM = {"invalid": _("Vul een geldige datum in, bijvoorbeeld 31-12-2026.")}
BEDRAG = {"invalid": _("Vul een bedrag in hele euro's in."), "min_value": _("Vul nul of meer in.")}


def _tekstvak(rijen: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"class": TEXTAREA, "rows": rijen})


def _regel() -> forms.TextInput:
    return forms.TextInput(attrs={"class": TEXTBOX})


def _datum(**kw: Any) -> forms.DateField:
    return forms.DateField(
        required=False,
        error_messages=DATUM,
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"class": TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
        **kw,
    )


def _bedrag(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        error_messages=BEDRAG,
        widget=forms.NumberInput(attrs={"class": TEXTBOX, "min": 0}),
    )


class VoorstelForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), required=False, max_length=300, widget=_regel())
    samenvatting = forms.CharField(
        label=_("Samenvatting"),
        required=False,
        help_text=_("Wat wil het voorstel bereiken, en voor wie?"),
        widget=_tekstvak(),
    )
    ministerie = forms.ModelChoiceField(
        label=_("Ministerie"),
        queryset=Organisatie.objects.none(),
        empty_label=None,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    beleidsteam = forms.ModelChoiceField(
        label=_("Beleidsteam"),
        queryset=Eenheid.objects.none(),
        required=False,
        help_text=_("Het team dat het voorstel maakt."),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    betrokken = forms.ModelMultipleChoiceField(
        label=_("Betrokken uitvoerders en medeoverheden"),
        queryset=Organisatie.objects.none(),
        required=False,
        help_text=_("Zij krijgen bij elke belangrijke stap een verzoek om inbreng."),
        widget=forms.CheckboxSelectMultiple,
    )
    regelingen = forms.ModelMultipleChoiceField(
        label=_("Regelingen"),
        queryset=Regeling.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    beoogde_invoering = _datum(label=_("Beoogde invoeringsdatum"))
    stappen = forms.CharField(
        label=_("Besluitstappen"),
        required=False,
        help_text=_(
            "Eén stap per regel. Zet een * voor een belangrijke stap: daar is de inbreng van de "
            "betrokkenen nodig. Leeg laten geeft de standaardstappen."
        ),
        widget=_tekstvak(8),
    )

    def __init__(
        self,
        *args: Any,
        ministeries: QuerySet[Organisatie],
        uitvoerders: QuerySet[Organisatie],
        teams: QuerySet[Eenheid],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ministerie"].queryset = ministeries  # type: ignore[attr-defined]
        self.fields["betrokken"].queryset = uitvoerders  # type: ignore[attr-defined]
        self.fields["beleidsteam"].queryset = teams  # type: ignore[attr-defined]
        self.fields["regelingen"].queryset = Regeling.objects.order_by("naam")  # type: ignore[attr-defined]

    def stappenlijst(self) -> list[tuple[str, bool]] | None:
        tekst = self.cleaned_data.get("stappen") or ""
        regels = [r.strip() for r in tekst.splitlines() if r.strip()]
        if not regels:
            return None
        return [(r.lstrip("*").strip(), r.startswith("*")) for r in regels]


class UitlegForm(forms.Form):
    uitleg = forms.CharField(
        label=_("Waarom gaat u zonder deze inbreng verder?"),
        required=False,
        help_text=_("Deze uitleg wordt openbaar, bij het voorstel."),
        widget=_tekstvak(3),
    )

    def __init__(self, *args: Any, organisatie: Organisatie | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisatie is not None:
            # Several of these forms can be on one page: each label names its organisation.
            self.fields["uitleg"].label = _(
                "Waarom gaat u zonder de inbreng van %(org)s verder?"
            ) % {"org": organisatie.naam}


class BelofteForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort"), choices=RechtSoort.choices, widget=forms.Select(attrs={"class": SELECT})
    )
    tekst = forms.CharField(
        label=_("Wat mogen burgers verwachten?"),
        required=False,
        help_text=_("In gewone taal, bijvoorbeeld: 'U krijgt binnen vier weken een besluit.'"),
        widget=_tekstvak(2),
    )


class BijlageForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), required=False, max_length=300, widget=_regel())
    url = forms.CharField(label=_("Link"), required=False, max_length=500, widget=_regel())


JA_NEE = [("", _("Kies")), ("ja", _("Ja")), ("nee", _("Nee"))]


class ToetsForm(forms.Form):
    uitvoerbaarheid = forms.CharField(
        label=_("Uitvoerbaarheid"), required=False, widget=_tekstvak()
    )
    handhaafbaarheid = forms.CharField(
        label=_("Handhaafbaarheid"), required=False, widget=_tekstvak()
    )
    doenvermogen = forms.CharField(
        label=_("Doenvermogen"),
        required=False,
        help_text=_(
            "Kunnen burgers doen wat de regels vragen, ook als het tegenzit? (WRR, 'Weten is nog "
            "geen doen', 2017)"
        ),
        widget=_tekstvak(),
    )
    gevolgen_burgers = forms.CharField(
        label=_("Gevolgen voor burgers"), required=False, widget=_tekstvak()
    )
    capaciteit_kosten = forms.CharField(
        label=_("Capaciteit en kosten"), required=False, widget=_tekstvak()
    )
    kosten_eenmalig = _bedrag(_("Eenmalige kosten (euro)"))
    kosten_structureel = _bedrag(_("Structurele kosten per jaar (euro)"))
    ict_wijzigingen = forms.CharField(
        label=_("Wijzigingen in ICT"), required=False, widget=_tekstvak(3)
    )
    invoeringsdatum_haalbaar = forms.ChoiceField(
        label=_("Is de beoogde invoeringsdatum haalbaar?"),
        choices=JA_NEE,
        required=False,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    vroegst_haalbare_datum = _datum(
        label=_("Vroegst haalbare invoeringsdatum"),
        help_text=_("Alleen als de beoogde datum niet haalbaar is."),
    )
    ondergrenzen = forms.CharField(
        label=_("Geraakte ondergrenzen van de dienstverlening"),
        required=False,
        widget=_tekstvak(3),
    )
    oordeel = forms.ChoiceField(
        label=_("Eindoordeel"),
        choices=[("", _("Kies")), *list(Toetsoordeel.choices)],
        required=False,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    voorwaarden = forms.CharField(
        label=_("Voorwaarden"),
        required=False,
        help_text=_(
            "Eén voorwaarde per regel. Het ministerie moet op elke voorwaarde antwoorden met "
            "pas toe of leg uit."
        ),
        widget=_tekstvak(4),
    )
    samenvatting = forms.CharField(label=_("Samenvatting"), required=False, widget=_tekstvak(3))

    def __init__(self, *args: Any, beloften: list[Belofte], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.beloften = beloften
        for b in beloften:
            self.fields[f"bevinding_{b.pk}"] = forms.ChoiceField(
                label=_("Belofte: %(tekst)s") % {"tekst": b.tekst},
                choices=[("", _("Kies")), *list(Haalbaarheid.choices)],
                required=False,
                widget=forms.Select(attrs={"class": SELECT}),
            )
            self.fields[f"bevinding_{b.pk}_toelichting"] = forms.CharField(
                label=_("Toelichting bij deze belofte"), required=False, widget=_tekstvak(2)
            )

    def bevindingvelden(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"bevinding_{b.pk}"], self[f"bevinding_{b.pk}_toelichting"])
            for b in self.beloften
        ]

    def velden(self) -> dict[str, Any]:
        d = self.cleaned_data
        haalbaar = {"ja": True, "nee": False}.get(d.get("invoeringsdatum_haalbaar") or "")
        return {
            **{
                k: d.get(k)
                for k in (
                    "uitvoerbaarheid",
                    "handhaafbaarheid",
                    "doenvermogen",
                    "gevolgen_burgers",
                    "capaciteit_kosten",
                    "kosten_eenmalig",
                    "kosten_structureel",
                    "ict_wijzigingen",
                    "vroegst_haalbare_datum",
                    "ondergrenzen",
                    "oordeel",
                    "samenvatting",
                )
            },
            "invoeringsdatum_haalbaar": haalbaar,
        }

    def voorwaardenlijst(self) -> list[str]:
        return [r.strip() for r in (self.cleaned_data.get("voorwaarden") or "").splitlines()]

    def bevindingen(self) -> dict[int, tuple[str, str]]:
        return {
            b.pk: (
                self.cleaned_data.get(f"bevinding_{b.pk}") or "",
                self.cleaned_data.get(f"bevinding_{b.pk}_toelichting") or "",
            )
            for b in self.beloften
        }


class OpdrachtForm(forms.Form):
    ministerie = forms.ModelChoiceField(
        label=_("Ministerie"),
        queryset=Organisatie.objects.none(),
        empty_label=None,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    beleidsteam = forms.ModelChoiceField(
        label=_("Beleidsteam"),
        queryset=Eenheid.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    uitvoerder = forms.ModelChoiceField(
        label=_("Uitvoerder"),
        queryset=Organisatie.objects.none(),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    titel = forms.CharField(label=_("Titel"), required=False, max_length=300, widget=_regel())
    omschrijving = forms.CharField(
        label=_("Wat moet er gebeuren?"), required=False, widget=_tekstvak()
    )
    wettelijke_grondslag = forms.CharField(
        label=_("Wettelijke grondslag"), required=False, max_length=300, widget=_regel()
    )
    deadline = _datum(label=_("Uiterste datum"))
    budget = _bedrag(_("Budget (euro)"))

    def __init__(
        self,
        *args: Any,
        ministeries: QuerySet[Organisatie],
        uitvoerders: QuerySet[Organisatie],
        teams: QuerySet[Eenheid],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ministerie"].queryset = ministeries  # type: ignore[attr-defined]
        self.fields["uitvoerder"].queryset = uitvoerders  # type: ignore[attr-defined]
        self.fields["beleidsteam"].queryset = teams  # type: ignore[attr-defined]


class WijzigOpdrachtForm(forms.Form):
    omschrijving = forms.CharField(
        label=_("Wat moet er gebeuren?"), required=False, widget=_tekstvak()
    )
    deadline = _datum(label=_("Uiterste datum"))
    budget = _bedrag(_("Budget (euro)"))


class TeruggaveForm(forms.Form):
    reden = forms.ChoiceField(
        label=_("Reden"),
        choices=[("", _("Kies")), *list(Teruggavereden.choices)],
        required=False,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        help_text=_("Het ministerie moet hierop antwoorden. De toelichting wordt openbaar."),
        widget=_tekstvak(),
    )
    beginselen = forms.ModelMultipleChoiceField(
        label=_("Beginselen van goed bestuur waarmee de opdracht botst"),
        queryset=Beginsel.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, beginselen: QuerySet[Beginsel], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["beginselen"].queryset = beginselen  # type: ignore[attr-defined]


class StapForm(forms.Form):
    """Configure a planned step: is it a key step, and whose input does it need?"""

    sleutelstap = forms.BooleanField(
        label=_("Belangrijke stap: inbreng nodig"),
        required=False,
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )
    organisaties = forms.ModelMultipleChoiceField(
        label=_("Wiens inbreng is nodig?"),
        queryset=Organisatie.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, betrokken: QuerySet[Organisatie], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisaties"].queryset = betrokken  # type: ignore[attr-defined]


class BetrokkeneForm(forms.Form):
    organisatie = forms.ModelChoiceField(
        label=_("Uitvoerder of medeoverheid"),
        queryset=Organisatie.objects.none(),
        empty_label=_("Kies"),
        required=False,
        widget=forms.Select(attrs={"class": SELECT}),
    )

    def __init__(self, *args: Any, kandidaten: QuerySet[Organisatie], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = kandidaten  # type: ignore[attr-defined]

"""Forms of the request page. They only give the input its shape (text, a date, a number, the
principles chosen); the rules (what is required, what is allowed now) are the services', whose
ValidationError lands next to the field through `core.formulieren.fouten_naar_form`.

Every form has a prefix, so the fields keep stable names and ids on a page that shows several
forms at once: `pastoe-maatregel` (id `id_pastoe-maatregel`), `leguit-antwoord_1`, and so on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.formulieren import RADIO, SELECT, TEXTAREA, TEXTBOX
from uitvoerbaar.kennisbank.models import Beginsel

from .constants import WooGrond


def _tekstvak(rijen: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"class": TEXTAREA, "rows": rijen})


def _tekstregel(**attrs: Any) -> forms.TextInput:
    return forms.TextInput(attrs={"class": TEXTBOX, **attrs})


class _Form(forms.Form):
    """Text fields are optional here: the service says in Dutch what is missing."""


class PasToeForm(_Form):
    prefix = "pastoe"

    maatregel = forms.CharField(
        label=_("Welke maatregel neemt u?"),
        required=False,
        max_length=20_000,
        help_text=_("Beschrijf concreet wat er verandert, zodat de vrager het kan controleren."),
        widget=_tekstvak(),
    )
    eigenaar = forms.CharField(
        label=_("Wie voert de maatregel uit?"),
        required=False,
        max_length=200,
        help_text=_("Een naam, functie of team."),
        widget=_tekstregel(),
    )
    datum = forms.DateField(
        label=_("Wanneer is de maatregel uitgevoerd?"),
        required=False,
        help_text=_("Op deze datum wordt gecontroleerd of de maatregel is uitgevoerd."),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 31-12-2026.")},
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"class": TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
    )


@dataclass
class BeginselKeuze:
    """One checkbox of the principle list."""

    code: str
    naam: str
    grondslag: str
    gekozen: bool

    @property
    def id(self) -> str:
        return f"id_leguit-beginsel-{self.code}"


@dataclass
class KaderKeuzes:
    naam: str
    keuzes: list[BeginselKeuze]

    @property
    def gekozen(self) -> bool:
        return any(k.gekozen for k in self.keuzes)


class LegUitForm(_Form):
    """Reasons, the principles weighed (chosen from the kennisbank by code) and one reply per
    argument of the requester (fields `antwoord_1` ... `antwoord_n`)."""

    prefix = "leguit"

    redenen = forms.CharField(
        label=_("Waarom volgt u het verzoek niet?"),
        required=False,
        max_length=20_000,
        help_text=_("Leg in gewone taal uit welke afweging u hebt gemaakt."),
        widget=_tekstvak(6),
    )
    beginselen = forms.ModelMultipleChoiceField(
        label=_("Welke beginselen hebt u gewogen?"),
        queryset=Beginsel.objects.none(),
        to_field_name="code",
        required=False,
        help_text=_("Kies ten minste één beginsel van goed bestuur."),
        error_messages={"invalid_choice": _("Kies beginselen uit de lijst.")},
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        argumenten: Sequence[str],
        beginselen: QuerySet[Beginsel],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["beginselen"]
        assert isinstance(veld, forms.ModelMultipleChoiceField)
        veld.queryset = beginselen
        self._beginselen = beginselen
        self.argumenten = list(argumenten)
        for nr, argument in enumerate(self.argumenten, start=1):
            self.fields[f"antwoord_{nr}"] = forms.CharField(
                label=_("Uw antwoord op argument %(nr)d") % {"nr": nr},
                required=False,
                max_length=20_000,
                help_text=argument,
                widget=_tekstvak(3),
            )

    @property
    def antwoordvelden(self) -> list[forms.BoundField]:
        return [self[f"antwoord_{nr}"] for nr in range(1, len(self.argumenten) + 1)]

    def plaats_fout(self, naam: str, meldingen: ValidationError) -> bool:
        """The service names the replies as one field, `antwoorden`: its message goes next to
        every reply still empty (`core.formulieren.fouten_naar_form`)."""
        if naam != "antwoorden" or not self.antwoordvelden:
            return False
        leeg = [v.name for v in self.antwoordvelden if not self.cleaned_data.get(v.name)]
        for veld in leeg or [self.antwoordvelden[0].name]:
            self.add_error(veld, meldingen)
        return True

    def antwoorden(self) -> list[str]:
        return [
            self.cleaned_data.get(f"antwoord_{nr}") or ""
            for nr in range(1, len(self.argumenten) + 1)
        ]

    def kaders(self) -> list[KaderKeuzes]:
        """The principles grouped per framework, with what the person ticked (the checkboxes
        are written out in the template, one fieldset per framework)."""
        gekozen = {str(v) for v in (self["beginselen"].value() or [])}
        groepen: dict[int, KaderKeuzes] = {}
        for b in self._beginselen:
            groep = groepen.setdefault(b.kader_id, KaderKeuzes(b.kader.naam, []))
            groep.keuzes.append(
                BeginselKeuze(b.code, b.naam, b.wettelijke_grondslag, b.code in gekozen)
            )
        return list(groepen.values())


class RedenForm(_Form):
    """A reason: for calling an answer insufficient, suspending, or withdrawing."""

    reden = forms.CharField(
        label=_("Reden"), required=False, max_length=20_000, widget=_tekstvak(3)
    )

    def __init__(self, *args: Any, label: Any = None, help_text: Any = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reden"].label = label
        self.fields["reden"].help_text = help_text


class LeegForm(_Form):
    """A move without input (accepting an answer, resuming the clock)."""


class VerlengenForm(_Form):
    prefix = "verlengen"

    dagen = forms.IntegerField(
        label=_("Met hoeveel dagen verlengt u?"),
        required=False,
        error_messages={"invalid": _("Vul een heel aantal dagen in.")},
        widget=forms.NumberInput(attrs={"class": TEXTBOX, "min": 1, "inputmode": "numeric"}),
    )
    reden = forms.CharField(
        label=_("Waarom is meer tijd nodig?"),
        required=False,
        max_length=20_000,
        widget=_tekstvak(3),
    )

    def __init__(self, *args: Any, maximum: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["dagen"]
        veld.widget.attrs["max"] = maximum
        veld.help_text = _("Ten hoogste %(max)d dagen. Verlengen kan één keer.") % {"max": maximum}


class ControleForm(_Form):
    prefix = "controle"

    uitgevoerd = forms.TypedChoiceField(
        label=_("Is de maatregel uitgevoerd?"),
        choices=[("ja", _("Ja, uitgevoerd")), ("nee", _("Nee, niet uitgevoerd"))],
        coerce=lambda v: v == "ja",
        error_messages={
            "required": _("Kies of de maatregel is uitgevoerd."),
            "invalid_choice": _("Kies of de maatregel is uitgevoerd."),
        },
        widget=forms.RadioSelect(attrs={"class": RADIO}),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=20_000,
        help_text=_("Verplicht als de maatregel niet is uitgevoerd."),
        widget=_tekstvak(3),
    )


class OpenbaarheidForm(_Form):
    prefix = "woo"

    grond = forms.ChoiceField(
        label=_("Weigeringsgrond uit de Wet open overheid"),
        choices=[("", _("Kies een grond")), *WooGrond.choices],
        required=False,
        error_messages={"invalid_choice": _("Kies een weigeringsgrond uit de lijst.")},
        widget=forms.Select(attrs={"class": SELECT}),
    )
    toelichting = forms.CharField(
        label=_("Waarom verhindert deze grond hier de openbaarmaking?"),
        required=False,
        max_length=20_000,
        widget=_tekstvak(3),
    )

"""Forms of the kennisbank: the search forms of the browse pages, and `PerspectievenForm`, the
reusable form for the four-perspective assessment.

Using `PerspectievenForm` in another app (the service enforces the rules, the form only the
shape of the input):

    form = PerspectievenForm(request.POST or None, instance=subject.perspectieven)
    if request.method == "POST" and form.is_valid():
        try:
            subject.perspectieven = services.save_perspectieven(
                door=request.user, beoordeling=subject.perspectieven, data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)   # messages land next to their fields
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.formulieren import SELECT, TEXTAREA, TEXTBOX
from uitvoerbaar.core.models import Organisatie

from .constants import Perspectief, RegelingSoort
from .models import (
    PERSPECTIEF_VELDEN,
    Kader,
    Perspectiefbeoordeling,
    oordeel_veld,
    toelichting_veld,
)


def _keuzeveld(form: forms.Form, naam: str) -> forms.ChoiceField:
    veld = form.fields[naam]
    assert isinstance(veld, forms.ChoiceField)
    return veld


class _ZoekForm(forms.Form):
    def waarde(self, naam: str) -> str:
        """The cleaned value of a field, "" when empty or not valid (an unknown choice then
        filters nothing, and the form shows why next to the field)."""
        self.is_valid()
        return str(self.cleaned_data.get(naam) or "")


class BeginselZoekForm(_ZoekForm):
    zoek = forms.CharField(
        label=_("Zoek in de beginselen"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: evenredig, luisteren of motiveren."),
        widget=forms.TextInput(attrs={"type": "search", "class": TEXTBOX, "autocomplete": "off"}),
    )
    kader = forms.ChoiceField(
        label=_("Kader"),
        required=False,
        widget=forms.Select(attrs={"class": SELECT}),
    )

    def __init__(self, *args: Any, kaders: QuerySet[Kader], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzeveld(self, "kader").choices = [
            ("", _("Alle kaders")),
            *((k.code, k.naam) for k in kaders),
        ]


class RegelingZoekForm(_ZoekForm):
    zoek = forms.CharField(
        label=_("Zoek een regeling"),
        required=False,
        max_length=200,
        help_text=_("Zoek op naam, BWB-nummer of waar de regeling voor is."),
        widget=forms.TextInput(attrs={"type": "search", "class": TEXTBOX, "autocomplete": "off"}),
    )
    eigenaar = forms.ChoiceField(
        label=_("Ministerie"), required=False, widget=forms.Select(attrs={"class": SELECT})
    )
    uitvoerder = forms.ChoiceField(
        label=_("Uitvoerder"), required=False, widget=forms.Select(attrs={"class": SELECT})
    )
    soort = forms.ChoiceField(
        label=_("Soort regeling"),
        required=False,
        choices=[("", _("Alle soorten")), *RegelingSoort.choices],
        widget=forms.Select(attrs={"class": SELECT}),
    )

    def __init__(
        self,
        *args: Any,
        eigenaren: QuerySet[Organisatie],
        uitvoerders: QuerySet[Organisatie],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _keuzeveld(self, "eigenaar").choices = [
            ("", _("Alle ministeries")),
            *((o.slug, o.naam) for o in eigenaren),
        ]
        _keuzeveld(self, "uitvoerder").choices = [
            ("", _("Alle uitvoerders")),
            *((o.slug, o.naam) for o in uitvoerders),
        ]


class PerspectievenForm(forms.ModelForm):
    """The four perspectives, each a judgement and an explanation."""

    class Meta:
        model = Perspectiefbeoordeling
        fields = list(PERSPECTIEF_VELDEN)
        labels: ClassVar = {
            **{oordeel_veld(p): _("Oordeel") for p in Perspectief},
            **{toelichting_veld(p): _("Toelichting") for p in Perspectief},
        }
        help_texts: ClassVar = {
            toelichting_veld(p): _("Nodig bij 'Zorgen' of 'Ernstige zorgen'.") for p in Perspectief
        }
        widgets: ClassVar = {
            **{oordeel_veld(p): forms.Select(attrs={"class": SELECT}) for p in Perspectief},
            **{
                toelichting_veld(p): forms.Textarea(attrs={"class": TEXTAREA, "rows": 3})
                for p in Perspectief
            },
        }

    def perspectieven(self) -> list[dict[str, Any]]:
        """Fields grouped per perspective, for a fieldset per perspective in the template."""
        return [
            {
                "perspectief": p,
                "label": p.label,
                "oordeel": self[oordeel_veld(p)],
                "toelichting": self[toelichting_veld(p)],
            }
            for p in Perspectief
        ]

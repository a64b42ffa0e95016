"""The form to ask for a Stand van de uitvoering. It only shapes the input; the period rules
are the service's, whose ValidationError lands next to the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.formulieren import SELECT, TEXTBOX
from uitvoerbaar.core.models import Organisatie

DATUM = {"invalid": _("Vul een geldige datum in, bijvoorbeeld 31-12-2026.")}


def _datum(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        error_messages=DATUM,
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"class": TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
    )


class RapportForm(forms.Form):
    organisatie = forms.ModelChoiceField(
        label=_("Uitvoeringsorganisatie"),
        queryset=Organisatie.objects.none(),
        to_field_name="slug",
        required=False,
        error_messages={
            "required": _("Kies een uitvoeringsorganisatie."),
            "invalid_choice": _("Kies een uitvoeringsorganisatie uit de lijst."),
        },
        widget=forms.Select(attrs={"class": SELECT}),
    )
    van = _datum(_("Van"))
    tot = _datum(_("Tot en met"))

    def __init__(
        self, *args: Any, organisaties: QuerySet[Organisatie], landelijk: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        veld: forms.ModelChoiceField[Organisatie] = self.fields["organisatie"]  # type: ignore[assignment]
        veld.queryset = organisaties
        if landelijk:
            veld.empty_label = str(_("Landelijk overzicht: alle uitvoeringsorganisaties"))
            veld.help_text = _("Kies een organisatie, of laat leeg voor het landelijk overzicht.")
        else:
            veld.required = True
            veld.empty_label = str(_("Kies een organisatie"))
        self.fields["tot"].help_text = _("Hoogstens een jaar, bijvoorbeeld een kwartaal.")

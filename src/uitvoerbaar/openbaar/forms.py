"""The rechtenwijzer's search form: checked before anything is looked up, so bad input gets a
Dutch message next to the field and costs no query."""

from __future__ import annotations

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

ZOEK_MIN = 2
ZOEK_MAX = 100


class ZoekForm(forms.Form):
    q = forms.CharField(
        label=_("Zoek een regeling of iets wat er in uw leven gebeurt"),
        help_text=_("Bijvoorbeeld: zorgtoeslag, bijstand, werk verliezen of studeren."),
        min_length=ZOEK_MIN,
        max_length=ZOEK_MAX,
        strip=True,
        error_messages={
            "required": _("Typ een woord om te zoeken."),
            "min_length": _("Typ ten minste %(limit_value)d tekens."),
            "max_length": _(
                "Uw zoekvraag is te lang. Gebruik hoogstens %(limit_value)d tekens "
                "(u gebruikte er %(show_value)d)."
            ),
        },
        widget=forms.TextInput(
            attrs={
                "class": "utrecht-textbox utrecht-textbox--html-input",
                "type": "search",
                "autocomplete": "off",
            }
        ),
    )

    def clean_q(self) -> str:
        waarde: str = self.cleaned_data["q"]
        # Control characters (a NUL byte, which PostgreSQL refuses in text) are never part of a
        # word someone means to look for.
        if any(unicodedata.category(teken) == "Cc" for teken in waarde):
            raise forms.ValidationError(
                _("Uw zoekvraag bevat tekens die niet kunnen. Gebruik gewone letters en cijfers.")
            )
        if not any(teken.isalnum() for teken in waarde):
            raise forms.ValidationError(_("Typ ten minste één letter of cijfer."))
        return waarde

"""Forms for logging in and the second factor. They validate input and show Dutch messages;
the decisions themselves (credentials, lockout) are made by Django's auth and django-axes."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Gebruiker

# One message for a wrong password, an unknown user and an inactive account, so that the
# answer never tells which part was wrong or whether the account exists.
ONJUIST = _(
    "Deze combinatie van gebruikersnaam en wachtwoord klopt niet. "
    "Controleer beide en probeer het opnieuw."
)


def afkoeltijd_minuten() -> int:
    """How long a locked username stays locked (AXES_COOLOFF_TIME, in hours or a timedelta)."""
    cooloff: Any = settings.AXES_COOLOFF_TIME
    if isinstance(cooloff, timedelta):
        return max(1, math.ceil(cooloff.total_seconds() / 60))
    return max(1, math.ceil(float(cooloff) * 60))


def _geblokkeerd() -> str:
    minuten = afkoeltijd_minuten()
    return ngettext(
        "Er is te vaak een verkeerd wachtwoord ingevuld. "
        "Inloggen met deze gebruikersnaam kan over %(minuten)d minuut weer.",
        "Er is te vaak een verkeerd wachtwoord ingevuld. "
        "Inloggen met deze gebruikersnaam kan over %(minuten)d minuten weer.",
        minuten,
    ) % {"minuten": minuten}


# The same message whether or not the username exists (django-axes counts failures for any
# username), so the lockout reveals nothing either.
GEBLOKKEERD = lazy(_geblokkeerd, str)()


class InlogForm(forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
        error_messages={"required": _("Vul uw gebruikersnaam in.")},
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Vul uw wachtwoord in.")},
    )

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        self.request = request
        self.gebruiker: Gebruiker | None = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        username, password = data.get("username"), data.get("password")
        if username and password:
            user = authenticate(self.request, username=username, password=password)
            # django-axes marks the request when this username is (or just became) locked;
            # then even a correct password does not log in.
            if getattr(self.request, "axes_locked_out", False):
                raise forms.ValidationError(GEBLOKKEERD, code="geblokkeerd")
            if not isinstance(user, Gebruiker) or not user.is_active:
                raise forms.ValidationError(ONJUIST, code="onjuist")
            self.gebruiker = user
        return data


class TweedeFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        help_text=_("De zes cijfers die de app nu toont."),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9]{6}",
                "autofocus": True,
            }
        ),
        error_messages={
            "required": _("Vul de code van zes cijfers in."),
            "min_length": _("De code heeft zes cijfers."),
            "max_length": _("De code heeft zes cijfers."),
        },
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise forms.ValidationError(_("De code bestaat alleen uit cijfers."), code="cijfers")
        return code

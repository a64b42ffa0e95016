"""Beheer of routing rules and the noodrem term, per organisation (policy `signalen.beheren`).
Saves go through the services (validation, audit). Signals and noodremmen themselves are not in
the beheer screen: their content is confidential and a noodrem is never edited."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import ForeignKey, Model
from django.http import HttpRequest

from uitvoerbaar.core import policy
from uitvoerbaar.core.admin_site import PolicyModelAdmin, beheer_site
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie

from . import services
from .models import Instelling, Routeringsregel


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


class RouteringsregelForm(forms.ModelForm):
    class Meta:
        model = Routeringsregel
        fields = [
            "organisatie",
            "regeling",
            "eenheid",
            "urgentie",
            "behandelrol",
            "behandeleenheid",
            "volgorde",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("organisatie") is not None:
            velden = {k: v for k, v in data.items() if k in self.Meta.fields}
            try:
                services.validate_routeringsregel(regel=Routeringsregel(**velden))
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


class InstellingForm(forms.ModelForm):
    class Meta:
        model = Instelling
        fields = ["organisatie", "noodrem_werkdagen"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("noodrem_werkdagen") is not None:
            try:
                services.validate_instelling(
                    instelling=Instelling(noodrem_werkdagen=data["noodrem_werkdagen"])
                )
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


class _OrganisatieAdmin(PolicyModelAdmin):
    policy_actie = "signalen.beheren"
    organisatie_veld = "organisatie"

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField | None:
        orgs = policy.organisaties_met_rol(request.user, policy.regel(self.policy_actie).rollen)
        if db_field.name == "organisatie":
            kwargs["queryset"] = Organisatie.objects.filter(pk__in=orgs)
        elif db_field.name in {"eenheid", "behandeleenheid"}:
            kwargs["queryset"] = Eenheid.objects.filter(organisatie__in=orgs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Routeringsregel, site=beheer_site)
class RouteringsregelAdmin(_OrganisatieAdmin):
    form = RouteringsregelForm
    list_display = ["organisatie", "regeling", "eenheid", "urgentie", "behandelrol", "volgorde"]
    list_select_related = ["organisatie", "regeling", "eenheid"]
    list_filter = [("organisatie", admin.RelatedOnlyFieldListFilter)]

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        assert isinstance(obj, Routeringsregel)
        services.save_routeringsregel(door=_gebruiker(request), regel=obj)


@admin.register(Instelling, site=beheer_site)
class InstellingAdmin(_OrganisatieAdmin):
    form = InstellingForm
    list_display = ["organisatie", "noodrem_werkdagen"]
    list_select_related = ["organisatie"]

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        assert isinstance(obj, Instelling)
        services.save_instelling(door=_gebruiker(request), instelling=obj)

"""Beheer of organisations, units and memberships. Every change goes through `services`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import ForeignKey, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import selectors, services
from .admin_site import PolicyModelAdmin, beheer_site
from .models import Eenheid, Gebruiker, Lidmaatschap, Organisatie


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _beheerde_organisaties(request: HttpRequest) -> QuerySet[Organisatie]:
    return selectors.beheerde_organisaties(user=_gebruiker(request))


@admin.register(Organisatie, site=beheer_site)
class OrganisatieAdmin(PolicyModelAdmin):
    policy_actie = "organisatie.beheren"
    organisatie_veld = "pk"
    alleen_lezen = True
    list_display = ["naam", "afkorting", "soort", "eigenaar_ministerie"]
    list_select_related = ["eigenaar_ministerie"]
    search_fields = ["naam", "afkorting"]


class EenheidForm(forms.ModelForm):
    class Meta:
        model = Eenheid
        fields = ["organisatie", "naam", "bovenliggend"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("organisatie") is not None and data.get("naam"):
            try:
                services.validate_eenheid(
                    organisatie=data["organisatie"],
                    naam=data["naam"],
                    bovenliggend=data.get("bovenliggend"),
                )
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


@admin.register(Eenheid, site=beheer_site)
class EenheidAdmin(PolicyModelAdmin):
    policy_actie = "organisatie.beheren"
    organisatie_veld = "organisatie"
    form = EenheidForm
    list_display = ["naam", "organisatie", "bovenliggend"]
    list_select_related = ["organisatie", "bovenliggend__organisatie"]
    list_filter = [("organisatie", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["naam"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Units are added, not edited in place (their history is in the audit log).
        return obj is None and super().has_change_permission(request, obj)

    def formfield_for_foreignkey(
        self,
        db_field: ForeignKey[Any, Any],
        request: HttpRequest,
        **kwargs: Any,
    ) -> forms.ModelChoiceField | None:
        if db_field.name == "organisatie":
            kwargs["queryset"] = _beheerde_organisaties(request)
        elif db_field.name == "bovenliggend":
            kwargs["queryset"] = Eenheid.objects.filter(
                organisatie__in=_beheerde_organisaties(request)
            ).select_related("organisatie")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Eenheid, form: Any, change: bool) -> None:
        if change:
            return
        eenheid = services.add_eenheid(
            door=_gebruiker(request),
            organisatie=obj.organisatie,
            naam=obj.naam,
            bovenliggend=obj.bovenliggend,
        )
        obj.pk = eenheid.pk


class LidmaatschapForm(forms.ModelForm):
    """A new membership. The person is named by username, so that a beheerder never browses
    the people of other organisations (and the person is not a model field of the form, so
    Django's generic constraint messages do not apply: the service handles duplicates)."""

    gebruikersnaam = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        help_text=_("De gebruikersnaam van de persoon die de rol krijgt."),
        error_messages={"required": _("Vul de gebruikersnaam in.")},
    )

    class Meta:
        model = Lidmaatschap
        fields = ["organisatie", "eenheid", "rol"]

    def clean_gebruikersnaam(self) -> Gebruiker:
        gebruiker = selectors.actieve_gebruiker(username=self.cleaned_data["gebruikersnaam"])
        if gebruiker is None:
            raise ValidationError(
                _("Er is geen actieve gebruiker met deze gebruikersnaam."), code="onbekend"
            )
        return gebruiker

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        organisatie = data.get("organisatie")
        if organisatie is not None and data.get("rol"):
            try:
                services.validate_lidmaatschap(
                    organisatie=organisatie, rol=data["rol"], eenheid=data.get("eenheid")
                )
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


@admin.register(Lidmaatschap, site=beheer_site)
class LidmaatschapAdmin(PolicyModelAdmin):
    policy_actie = "organisatie.beheren"
    organisatie_veld = "organisatie"
    form = LidmaatschapForm
    list_display = ["gebruiker", "organisatie", "eenheid", "rol", "actief", "sinds"]
    list_select_related = ["gebruiker", "organisatie", "eenheid__organisatie"]
    list_filter = [
        "rol",
        "actief",
        # Only the organisations in the person's own list, never the names of all others.
        ("organisatie", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["=gebruiker__username", "gebruiker__last_name"]
    actions = ["beeindigen"]
    readonly_fields = ["gebruiker", "organisatie", "eenheid", "rol", "actief", "sinds"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        if obj is None:
            return ("gebruikersnaam", "organisatie", "eenheid", "rol")
        return tuple(self.readonly_fields)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A membership is not edited in place: it is ended and a new one is given.
        return list(self.readonly_fields) if obj is not None else []

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def formfield_for_foreignkey(
        self,
        db_field: ForeignKey[Any, Any],
        request: HttpRequest,
        **kwargs: Any,
    ) -> forms.ModelChoiceField | None:
        if db_field.name == "organisatie":
            kwargs["queryset"] = _beheerde_organisaties(request)
        elif db_field.name == "eenheid":
            kwargs["queryset"] = Eenheid.objects.filter(
                organisatie__in=_beheerde_organisaties(request)
            ).select_related("organisatie")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Lidmaatschap, form: Any, change: bool) -> None:
        if change:
            return
        lid = services.add_lidmaatschap(
            door=_gebruiker(request),
            gebruiker=form.cleaned_data["gebruikersnaam"],
            organisatie=obj.organisatie,
            rol=obj.rol,
            eenheid=obj.eenheid,
        )
        # The admin logs and links to the stored membership.
        form.instance = lid
        obj.pk = lid.pk
        obj.gebruiker = lid.gebruiker

    @admin.action(description=_("Lidmaatschap beëindigen"))
    def beeindigen(self, request: HttpRequest, queryset: QuerySet[Lidmaatschap]) -> None:
        aantal = 0
        for lid in queryset.filter(actief=True):
            services.end_lidmaatschap(door=_gebruiker(request), lidmaatschap=lid)
            aantal += 1
        self.message_user(
            request,
            _("Beëindigde lidmaatschappen: %(aantal)d.") % {"aantal": aantal},
            messages.SUCCESS,
        )

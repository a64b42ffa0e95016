"""Beheer of gelijkgestelde dagen and sluitingsdagen. Days are added or removed, never edited in
place; both go through `services` (policy, Dutch validation per field, audit event). A beheerder
sees and manages only the closing days of their own organisations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import ForeignKey, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core import policy
from uitvoerbaar.core.admin_site import PolicyModelAdmin, beheer_site
from uitvoerbaar.core.models import Gebruiker, Organisatie

from . import services
from .models import GelijkgesteldeDag, Sluitingsdag


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


class _ServiceValidatedForm(forms.ModelForm):
    """The service checks duplicates with a Dutch message per field; Django's generic unique
    check would add a second, vaguer message."""

    def validate_unique(self) -> None:
        return None


class GelijkgesteldeDagForm(_ServiceValidatedForm):
    class Meta:
        model = GelijkgesteldeDag
        fields = ["datum", "omschrijving", "besluit"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "datum" in data:
            try:
                services.validate_gelijkgestelde_dag(
                    datum=data["datum"],
                    omschrijving=data.get("omschrijving", ""),
                    besluit=data.get("besluit", ""),
                )
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


class _DagAdmin(PolicyModelAdmin):
    actions = ["verwijderen"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Added or removed, not edited in place (the audit log keeps each step).
        return obj is None and super().has_change_permission(request, obj)

    def _verwijder(self, request: HttpRequest, obj: Any) -> None:
        raise NotImplementedError

    @admin.action(description=_("Geselecteerde dagen verwijderen"))
    def verwijderen(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        aantal = 0
        for obj in queryset:
            try:
                self._verwijder(request, obj)
            except ValidationError as exc:
                self.message_user(request, f"{obj}: {' '.join(exc.messages)}", messages.ERROR)
            else:
                aantal += 1
        self.message_user(
            request, _("Verwijderde dagen: %(aantal)d.") % {"aantal": aantal}, messages.SUCCESS
        )


@admin.register(GelijkgesteldeDag, site=beheer_site)
class GelijkgesteldeDagAdmin(_DagAdmin):
    policy_actie = "termijnen.beheren"
    form = GelijkgesteldeDagForm
    list_display = ["datum", "omschrijving", "besluit"]
    date_hierarchy = "datum"
    search_fields = ["omschrijving", "besluit"]

    def save_model(
        self, request: HttpRequest, obj: GelijkgesteldeDag, form: Any, change: bool
    ) -> None:
        if change:
            return
        dag = services.add_gelijkgestelde_dag(
            door=_gebruiker(request),
            datum=obj.datum,
            omschrijving=obj.omschrijving,
            besluit=obj.besluit,
        )
        form.instance = dag
        obj.pk = dag.pk

    def _verwijder(self, request: HttpRequest, obj: GelijkgesteldeDag) -> None:
        services.remove_gelijkgestelde_dag(door=_gebruiker(request), dag=obj)


class SluitingsdagForm(_ServiceValidatedForm):
    class Meta:
        model = Sluitingsdag
        fields = ["organisatie", "datum", "omschrijving"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "organisatie" in data and "datum" in data:
            try:
                services.validate_sluitingsdag(
                    organisatie=data["organisatie"],
                    datum=data["datum"],
                    omschrijving=data.get("omschrijving", ""),
                )
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


@admin.register(Sluitingsdag, site=beheer_site)
class SluitingsdagAdmin(_DagAdmin):
    policy_actie = "termijnen.sluitingsdagen.beheren"
    organisatie_veld = "organisatie"
    form = SluitingsdagForm
    list_display = ["datum", "omschrijving", "organisatie"]
    list_select_related = ["organisatie"]
    # Only the organisations in the person's own list, never the names of all others.
    list_filter = [("organisatie", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "datum"
    search_fields = ["omschrijving"]

    def formfield_for_foreignkey(
        self,
        db_field: ForeignKey[Any, Any],
        request: HttpRequest,
        **kwargs: Any,
    ) -> forms.ModelChoiceField | None:
        if db_field.name == "organisatie":
            orgs = policy.organisaties_met_rol(request.user, policy.regel(self.policy_actie).rollen)
            kwargs["queryset"] = Organisatie.objects.filter(pk__in=orgs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Sluitingsdag, form: Any, change: bool) -> None:
        if change:
            return
        dag = services.add_sluitingsdag(
            door=_gebruiker(request),
            organisatie=obj.organisatie,
            datum=obj.datum,
            omschrijving=obj.omschrijving,
        )
        form.instance = dag
        obj.pk = dag.pk

    def _verwijder(self, request: HttpRequest, obj: Sluitingsdag) -> None:
        services.remove_sluitingsdag(door=_gebruiker(request), sluitingsdag=obj)

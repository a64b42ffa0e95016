"""Beheer of the kinds of request and their escalation ladder. Saves go through `beheer`
(policy `responsplicht.beheren`, audit event). Requests themselves are not in the beheer
screen: they change only through their moves, and their content may be confidential."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core import policy
from uitvoerbaar.core.admin_site import PolicyModelAdmin, beheer_site
from uitvoerbaar.core.models import Gebruiker

from . import beheer
from .constants import OrganisatieBron
from .models import Escalatieniveau, Soort


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


class SoortForm(forms.ModelForm):
    class Meta:
        model = Soort
        fields = [
            "code",
            "naam",
            "omschrijving",
            "termijn_aantal",
            "termijn_eenheid",
            "herinneringen",
            "max_verlenging_dagen",
            "publicatie",
            "stilte_openbaar",
        ]

    def clean_herinneringen(self) -> list[int]:
        try:
            return beheer.schone_herinneringen(self.cleaned_data.get("herinneringen"))
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["herinneringen"]) from None

    def clean_termijn_aantal(self) -> int:
        aantal = self.cleaned_data["termijn_aantal"]
        if aantal < 1:
            raise ValidationError(_("Een termijn is ten minste 1."))
        return aantal


class EscalatieniveauForm(forms.ModelForm):
    class Meta:
        model = Escalatieniveau
        fields = [
            "volgorde",
            "naam",
            "organisatie_bron",
            "vaste_organisatie",
            "rol",
            "termijn_aantal",
            "termijn_eenheid",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        bron = data.get("organisatie_bron")
        if bron == OrganisatieBron.VASTE_ORGANISATIE and not data.get("vaste_organisatie"):
            self.add_error(
                "vaste_organisatie",
                _("Kies de organisatie die op dit niveau moet antwoorden."),
            )
        if data.get("volgorde") is not None and data["volgorde"] < 1:
            self.add_error("volgorde", _("Het eerste niveau boven de ontvanger is 1."))
        if data.get("termijn_aantal") is not None and data["termijn_aantal"] < 1:
            self.add_error("termijn_aantal", _("Een termijn is ten minste 1."))
        return data


class EscalatieniveauInline(admin.TabularInline):
    """The ladder. Levels are added or changed, never removed (DESIGN §3: never drop a
    level)."""

    model = Escalatieniveau
    form = EscalatieniveauForm
    extra = 0
    ordering = ["volgorde"]
    policy_actie = "responsplicht.beheren"

    def _mag(self, request: HttpRequest) -> bool:
        return policy.allows(request.user, self.policy_actie)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._mag(request)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._mag(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._mag(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Soort, site=beheer_site)
class SoortAdmin(PolicyModelAdmin):
    policy_actie = "responsplicht.beheren"
    form = SoortForm
    inlines = [EscalatieniveauInline]
    list_display = [
        "naam",
        "code",
        "termijn_aantal",
        "termijn_eenheid",
        "max_verlenging_dagen",
        "publicatie",
    ]
    list_filter = ["publicatie", "termijn_eenheid"]
    search_fields = ["naam", "code"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Subjects open requests by the kind's code; renaming it would break them.
        return ["code"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        assert isinstance(obj, Soort)
        beheer.save_soort_uit_beheer(
            door=_gebruiker(request), soort=obj, velden=list(form.changed_data)
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        formset.save(commit=False)
        velden = {id(f.instance): list(f.changed_data) for f in formset.forms}
        gewijzigd = [obj for obj, _velden in formset.changed_objects]
        for niveau in [*formset.new_objects, *gewijzigd]:
            beheer.save_niveau_uit_beheer(
                door=_gebruiker(request), niveau=niveau, velden=velden.get(id(niveau), [])
            )
        formset.save_m2m()

"""Beheer of the kennisbank. Saves go through `services.save_uit_beheer` (policy, search text,
audit event); nothing is deleted here (PolicyModelAdmin refuses deletion)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.admin_site import PolicyModelAdmin, beheer_site

from . import services
from .models import (
    Afwijkingsgrond,
    Artikel,
    Beginsel,
    Kader,
    Levensgebeurtenis,
    Perspectiefbeoordeling,
    Rechtuitspraak,
    Regeling,
)


class KennisbankAdmin(PolicyModelAdmin):
    policy_actie = "kennisbank.beheren"

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        services.save_uit_beheer(
            door=request.user,  # type: ignore[arg-type]
            obj=obj,
            velden=list(form.changed_data),
        )


@admin.register(Kader, site=beheer_site)
class KaderAdmin(KennisbankAdmin):
    list_display = ["naam", "code", "volgorde"]
    search_fields = ["naam", "code"]


class GroepFilter(admin.SimpleListFilter):
    """Filter on a principle's group. Django's default filter would show principles without a
    group as a link with no text, which a screen reader cannot name; here they get one."""

    title = _("groep")
    parameter_name = "groep"
    ZONDER = "-"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        groepen = (
            Beginsel.objects.exclude(groep="").order_by("groep").values_list("groep", flat=True)
        )
        return [(g, g) for g in groepen.distinct()] + [(self.ZONDER, _("Zonder groep"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == self.ZONDER:
            return queryset.filter(groep="")
        if self.value():
            return queryset.filter(groep=self.value())
        return queryset


@admin.register(Beginsel, site=beheer_site)
class BeginselAdmin(KennisbankAdmin):
    list_display = ["naam", "code", "kader", "groep", "wettelijke_grondslag", "volgorde"]
    list_filter = ["kader", GroepFilter, "geschreven"]
    list_select_related = ["kader"]
    search_fields = ["naam", "code", "toelichting"]


@admin.register(Regeling, site=beheer_site)
class RegelingAdmin(KennisbankAdmin):
    list_display = ["naam", "code", "soort", "bwb_id", "eigenaar"]
    list_filter = ["soort", "eigenaar"]
    list_select_related = ["eigenaar"]
    search_fields = ["naam", "code", "citeertitel", "bwb_id"]
    filter_horizontal = ["uitvoerders"]


@admin.register(Artikel, site=beheer_site)
class ArtikelAdmin(KennisbankAdmin):
    list_display = ["__str__", "regeling", "volgorde"]
    list_filter = ["regeling"]
    list_select_related = ["regeling"]
    search_fields = ["nummer", "titel", "regeling__naam"]


@admin.register(Rechtuitspraak, site=beheer_site)
class RechtuitspraakAdmin(KennisbankAdmin):
    list_display = ["__str__", "regeling", "soort", "artikel"]
    list_filter = ["soort", "regeling"]
    list_select_related = ["regeling", "artikel"]


@admin.register(Afwijkingsgrond, site=beheer_site)
class AfwijkingsgrondAdmin(KennisbankAdmin):
    list_display = ["__str__", "regeling", "soort", "artikel"]
    list_filter = ["soort", "regeling"]
    list_select_related = ["regeling", "artikel"]


@admin.register(Perspectiefbeoordeling, site=beheer_site)
class PerspectiefbeoordelingAdmin(PolicyModelAdmin):
    """Read-only: an assessment is changed through the signal, deviation or toets it
    belongs to (`services.save_perspectieven`)."""

    policy_actie = "kennisbank.beheren"
    alleen_lezen = True
    list_display = [
        "__str__",
        "juridisch_oordeel",
        "financieel_oordeel",
        "professioneel_oordeel",
        "burger_oordeel",
        "bijgewerkt_op",
    ]


@admin.register(Levensgebeurtenis, site=beheer_site)
class LevensgebeurtenisAdmin(KennisbankAdmin):
    list_display = ["naam", "slug", "volgorde"]
    search_fields = ["naam", "slug", "omschrijving"]
    filter_horizontal = ["regelingen"]

"""Beheer screens of services and means: read only. Every change goes through the services
(the screens of the app and the API), so the beheer screen is for looking things up, within
the person's own organisations."""

from __future__ import annotations

from django.contrib import admin

from uitvoerbaar.core.admin_site import PolicyModelAdmin, beheer_site

from .models import Arbeidsvoorwaarde, Dienst, Indicator, Keuzenota, Ondergrens, Scenario


class _Lezen(PolicyModelAdmin):
    policy_actie = "dienstverlening.beheren"
    alleen_lezen = True
    show_full_result_count = False


@admin.register(Indicator, site=beheer_site)
class IndicatorAdmin(_Lezen):
    organisatie_veld = "dienst__organisatie"
    list_display = ["naam", "code", "dienst", "eenheid", "richting"]
    list_select_related = ["dienst"]


@admin.register(Dienst, site=beheer_site)
class DienstAdmin(_Lezen):
    organisatie_veld = "organisatie"
    list_display = ["naam", "organisatie", "gegevens_gewijzigd_op"]
    list_select_related = ["organisatie"]
    search_fields = ["naam"]


@admin.register(Ondergrens, site=beheer_site)
class OndergrensAdmin(_Lezen):
    organisatie_veld = "indicator__dienst__organisatie"
    list_display = ["indicator", "grens", "waarde", "vastgesteld_door", "vastgesteld_op"]
    list_select_related = ["indicator", "vastgesteld_door"]


@admin.register(Scenario, site=beheer_site)
class ScenarioAdmin(_Lezen):
    organisatie_veld = "dienst__organisatie"
    list_display = ["naam", "dienst", "budget", "fte", "volume", "aangemaakt_op"]
    list_select_related = ["dienst"]


@admin.register(Keuzenota, site=beheer_site)
class KeuzenotaAdmin(_Lezen):
    organisatie_veld = "dienst__organisatie"
    list_display = ["titel", "dienst", "geadviseerd", "opgesteld_op"]
    list_select_related = ["dienst", "geadviseerd"]
    exclude = ["momentopname"]


@admin.register(Arbeidsvoorwaarde, site=beheer_site)
class ArbeidsvoorwaardeAdmin(_Lezen):
    policy_actie = "arbeidsvoorwaarden.beheren"
    organisatie_veld = "organisatie"
    list_display = ["organisatie", "onderwerp", "waarde", "bijgewerkt_op"]
    list_select_related = ["organisatie"]
    list_filter = ["onderwerp"]

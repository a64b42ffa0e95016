from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import services
from .admin_site import PolicyModelAdmin, beheer_site
from .models import Eenheid, Lidmaatschap, Organisatie


@admin.register(Organisatie, site=beheer_site)
class OrganisatieAdmin(PolicyModelAdmin):
    policy_actie = "organisatie.beheren"
    organisatie_veld = "pk"
    alleen_lezen = True
    list_display = ["naam", "afkorting", "soort", "eigenaar_ministerie"]
    search_fields = ["naam", "afkorting"]


@admin.register(Eenheid, site=beheer_site)
class EenheidAdmin(PolicyModelAdmin):
    policy_actie = "organisatie.beheren"
    organisatie_veld = "organisatie"
    alleen_lezen = True
    list_display = ["naam", "organisatie", "bovenliggend"]
    list_filter = ["organisatie"]


@admin.register(Lidmaatschap, site=beheer_site)
class LidmaatschapAdmin(PolicyModelAdmin):
    policy_actie = "organisatie.beheren"
    organisatie_veld = "organisatie"
    list_display = ["gebruiker", "organisatie", "eenheid", "rol", "actief"]
    list_filter = ["rol", "actief", "organisatie"]
    fields = ["gebruiker", "organisatie", "eenheid", "rol"]
    actions = ["beeindigen"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A membership is not edited in place: it is ended and a new one is given.
        return list(self.fields) if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Lidmaatschap, form: Any, change: bool) -> None:
        if change:
            return
        lid = services.add_lidmaatschap(
            door=request.user, gebruiker=obj.gebruiker, organisatie=obj.organisatie,  # type: ignore[arg-type]
            rol=obj.rol, eenheid=obj.eenheid,
        )
        obj.pk = lid.pk

    @admin.action(description=_("Lidmaatschap beëindigen"))
    def beeindigen(self, request: HttpRequest, queryset: QuerySet[Lidmaatschap]) -> None:
        for lid in queryset:
            services.end_lidmaatschap(door=request.user, lidmaatschap=lid)  # type: ignore[arg-type]
        self.message_user(request, _("De lidmaatschappen zijn beëindigd."), messages.SUCCESS)

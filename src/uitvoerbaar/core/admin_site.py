"""The beheer screen: Django's admin, opened only through the permission policy."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import policy


class BeheerSite(admin.AdminSite):
    site_header = _("Uitvoerbaar — beheer")
    site_title = _("Uitvoerbaar beheer")
    index_title = _("Beheer")
    login_template = None

    def has_permission(self, request: HttpRequest) -> bool:
        return policy.allows(request.user, "beheer.openen")


beheer_site = BeheerSite(name="beheer")


class PolicyModelAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Admin whose rights come from the policy table, not from Django's model permissions.

    `policy_actie` guards viewing and changing; objects outside the beheerder's organisations
    are filtered out when `organisatie_veld` names the path to the organisation."""

    policy_actie: str = "beheer.openen"
    organisatie_veld: str | None = None
    alleen_lezen: bool = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if self.organisatie_veld is None:
            return qs
        orgs = policy.organisaties_met_rol(request.user, policy.regel(self.policy_actie).rollen)
        return qs.filter(**{f"{self.organisatie_veld}__in": orgs})

    def _allowed(self, request: HttpRequest, obj: Model | None) -> bool:
        return policy.allows(request.user, self.policy_actie, obj)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return policy.allows(request.user, "beheer.openen")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not self.alleen_lezen and self._allowed(request, None)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self.alleen_lezen and self._allowed(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Nothing is deleted from the platform; memberships end, records are superseded.
        return False

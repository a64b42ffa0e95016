"""The beheer screen: Django's admin, opened only through the permission policy."""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Any, TypeVar

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import gettext_lazy as _

from . import policy

_V = TypeVar("_V", bound=Callable[..., HttpResponseBase])


class BeheerSite(admin.AdminSite):
    site_header = _("Uitvoerbaar — beheer")
    site_title = _("Uitvoerbaar beheer")
    index_title = _("Beheer")
    site_url = "/start/"

    # The policy action of every site-wide admin view (index, logout, password change, ...);
    # the model pages use their ModelAdmin's `policy_actie` on top of this.
    policy_actie = "beheer.openen"
    # The admin's own login page only forwards to the platform's login (same lockout, same
    # second factor), so it is public.
    policy_acties_per_view: dict[str, str] = {"login": "publiek.bekijken"}

    def policy_actie_voor(self, view_naam: str) -> str:
        return self.policy_acties_per_view.get(view_naam, self.policy_actie)

    def has_permission(self, request: HttpRequest) -> bool:
        return policy.allows(request.user, self.policy_actie)

    def admin_view(self, view: _V, cacheable: bool = False) -> _V:
        inner = super().admin_view(view, cacheable)

        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            # Django would send a logged-in person without access to the admin login page;
            # here they get the plain 403 page instead.
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied(_("U hebt geen toegang tot het beheerscherm."))
            return inner(request, *args, **kwargs)

        return update_wrapper(guarded, inner)  # type: ignore[return-value]

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        # One login for the whole platform. A logged-in person without the beheer role is
        # refused plainly instead of being offered another login.
        if request.user.is_authenticated:
            raise PermissionDenied(_("U hebt geen toegang tot het beheerscherm."))
        return redirect_to_login(request.GET.get("next") or request.get_full_path())


beheer_site = BeheerSite(name="beheer")


class PolicyModelAdmin(admin.ModelAdmin):
    """Admin whose rights come from the policy table, not from Django's model permissions.

    `policy_actie` guards viewing and changing; objects outside the person's organisations
    (for that action) are filtered out when `organisatie_veld` names the path to the
    organisation. `alleen_lezen` admins offer no add or change. Nothing is ever deleted."""

    policy_actie: str = "beheer.openen"
    organisatie_veld: str | None = None
    alleen_lezen: bool = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if self.organisatie_veld is None:
            return qs
        orgs = policy.organisaties_met_rol(request.user, policy.regel(self.policy_actie).rollen)
        return qs.filter(**{f"{self.organisatie_veld}__in": orgs})

    def _allowed(self, request: HttpRequest, obj: Any) -> bool:
        return policy.allows(request.user, self.policy_actie, obj)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return beheer_site.has_permission(request) and self._allowed(request, None)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not self.alleen_lezen and self._allowed(request, None)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self.alleen_lezen and self._allowed(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Nothing is deleted from the platform; memberships end, records are superseded.
        return False

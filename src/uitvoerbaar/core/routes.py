"""Every route of the project with the policy action that guards it.

Used by the route-coverage test (a route without an action in POLICY fails) and by the
authorisation matrix, which requests every route as every role."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.admin import AdminSite
from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    """One URL pattern. `pad` is the full pattern as written (`organisaties/<slug:slug>/`, or a
    regex for re_path), `naam` the namespaced URL name when it has one."""

    pad: str
    naam: str | None
    callback: Callable[..., Any]
    policy_actie: str | None
    converters: dict[str, str] = field(default_factory=dict)

    @property
    def module(self) -> str:
        return getattr(self.callback, "__module__", "") or ""


def _pattern_str(pattern: URLPattern | URLResolver) -> str:
    return str(pattern.pattern)


def _converters(pattern: URLPattern | URLResolver) -> dict[str, str]:
    converters = getattr(pattern.pattern, "converters", {}) or {}
    return {naam: type(conv).__name__ for naam, conv in converters.items()}


# Views of libraries that cannot carry `policy_actie` themselves, by the module of the view
# (or its class). The OIDC views are the single sign-on login flow, open like the login page.
EXTERNE_VIEWS: dict[str, str] = {
    "mozilla_django_oidc.views": "publiek.bekijken",
}


def _externe_actie(callback: Callable[..., Any]) -> str | None:
    klasse = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    module = getattr(klasse or callback, "__module__", "") or ""
    return EXTERNE_VIEWS.get(module)


def policy_actie_van(
    callback: Callable[..., Any], url_naam: str | None = None, site: AdminSite | None = None
) -> str | None:
    """The policy action a view declares, wherever it keeps it:

    - function views decorated with `@requires` carry `policy_actie`;
    - DRF views (`APIView.as_view()`) carry their class as `cls`, Django class-based views as
      `view_class`, with `policy_actie` on the class;
    - ModelAdmin pages carry their `model_admin` (a `PolicyModelAdmin` has `policy_actie`);
    - the admin site's own pages (index, login, logout, ...) are answered by the site
      (`BeheerSite.policy_actie_voor`);
    - library views listed in EXTERNE_VIEWS."""
    model_admin = getattr(callback, "model_admin", None)
    if model_admin is not None:
        return getattr(model_admin, "policy_actie", None)
    actie = getattr(callback, "policy_actie", None)
    if actie is not None:
        return str(actie)
    for attr in ("cls", "view_class"):
        klasse = getattr(callback, attr, None)
        if klasse is not None and getattr(klasse, "policy_actie", None):
            return str(klasse.policy_actie)
    extern = _externe_actie(callback)
    if extern is not None:
        return extern
    if site is None:
        owner = getattr(callback, "admin_site", None) or getattr(callback, "__self__", None)
        site = owner if isinstance(owner, AdminSite) else None
    if site is not None and hasattr(site, "policy_actie_voor"):
        view_naam = (url_naam or "").rsplit(":", 1)[-1]
        return str(site.policy_actie_voor(view_naam))
    return None


def _admin_site(resolver: URLResolver) -> AdminSite | None:
    # `AdminSite.urls` is included as (patterns, "admin", <site name>): find that site.
    from django.contrib.admin import sites

    if resolver.app_name != "admin":
        return None
    for site in sites.all_sites:
        if site.name == resolver.namespace:
            return site
    return None


def iter_routes(
    resolver: URLResolver | None = None,
    prefix: str = "",
    namespace: str | None = None,
    site: AdminSite | None = None,
    converters: dict[str, str] | None = None,
) -> Iterator[Route]:
    """Walk the URLconf recursively and yield every route (default: the project's)."""
    resolver = resolver if resolver is not None else get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from iter_routes(
                entry,
                prefix + _pattern_str(entry),
                ns,
                _admin_site(entry) or site,
                {**(converters or {}), **_converters(entry)},
            )
        else:
            naam = entry.name
            if naam and namespace:
                naam = f"{namespace}:{naam}"
            yield Route(
                pad=prefix + _pattern_str(entry),
                naam=naam,
                callback=entry.callback,
                policy_actie=policy_actie_van(entry.callback, naam, site),
                converters={**(converters or {}), **_converters(entry)},
            )


def all_routes() -> list[Route]:
    return list(iter_routes())

"""Route coverage: every route of the project names an action from the policy table."""

from __future__ import annotations

from django.urls import get_resolver

from uitvoerbaar.core.policy import POLICY
from uitvoerbaar.core.routes import Route, all_routes, iter_routes


def _by_name(routes: list[Route]) -> dict[str, Route]:
    return {r.naam: r for r in routes if r.naam}


def test_every_route_has_an_action_from_the_policy() -> None:
    routes = all_routes()
    zonder = [f"{r.pad} ({r.naam}, {r.module})" for r in routes if r.policy_actie is None]
    onbekend = [
        f"{r.pad} ({r.naam}): {r.policy_actie}"
        for r in routes
        if r.policy_actie is not None and r.policy_actie not in POLICY
    ]
    assert zonder == [], "routes without a policy action"
    assert onbekend == [], "routes with an action that POLICY does not know"


def test_the_walk_reaches_every_kind_of_route() -> None:
    """Guards the guard: if the walk missed a whole include, the test above would pass."""
    routes = _by_name(all_routes())
    verwacht = {
        # function views (@requires)
        "core:login": "publiek.bekijken",
        "core:home": "account.eigen",
        "core:organisatie": "organisatie.bekijken",
        "set_language": "publiek.bekijken",
        # DRF views (policy_actie on the class)
        "api:ik": "account.eigen",
        "api:organisaties": "organisatie.bekijken",
        "api:organisatie-lidmaatschappen": "organisatie.beheren",
        "api:schema": "publiek.bekijken",
        # the admin site itself and its model pages
        "beheer:index": "beheer.openen",
        "beheer:login": "publiek.bekijken",
        "beheer:logout": "beheer.openen",
        "beheer:core_lidmaatschap_changelist": "organisatie.beheren",
        "beheer:core_lidmaatschap_add": "organisatie.beheren",
        "beheer:core_organisatie_change": "organisatie.beheren",
    }
    gevonden = {naam: routes[naam].policy_actie for naam in verwacht if naam in routes}
    assert gevonden == verwacht
    paden = {r.pad for r in routes.values()}
    assert "organisaties/<slug:slug>/" in paden
    assert "api/v1/organisaties/<slug:slug>" in paden
    assert routes["core:organisatie"].converters == {"slug": "SlugConverter"}


def test_routes_without_an_action_are_reported() -> None:
    routes = list(iter_routes(get_resolver("uitvoerbaar.core.tests.urls_zonder_actie")))
    acties = {r.naam: r.policy_actie for r in routes}
    assert acties == {
        "open": None,
        "api-open": None,
        "api-goed": "account.eigen",
        "sjabloon": None,
        "binnen:diep": None,
        "binnen:goed": "publiek.bekijken",
    }
    assert {r.pad for r in routes} >= {"genest/diep/", "api/open"}

"""The permission policy, generated from its own table: every action x every role x own or
other organisation, anonymous, without membership, ended membership and inactive account.

Expectations are derived from each `Regel` (its scope and roles), and the behaviour is checked
through real Lidmaatschap rows, so a new action in POLICY is tested without writing a test."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.test import Client

from uitvoerbaar.core import policy, services
from uitvoerbaar.core.constants import ROLLEN_PER_SOORT, Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.permissions import requires
from uitvoerbaar.core.policy import POLICY, Regel, Reikwijdte
from uitvoerbaar.core.tests.factories import (
    EenheidFactory,
    GebruikerFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
)

pytestmark = pytest.mark.django_db

ROLLEN = [str(r) for r in Rol]


def soort_voor(rol: str) -> str:
    """An organisation type in which `rol` may be held (the first in a fixed order)."""
    return next(soort for soort in sorted(ROLLEN_PER_SOORT) if rol in ROLLEN_PER_SOORT[soort])


def verwacht(regel: Regel, *, rol: str | None, waar: str, ingelogd: bool = True) -> bool:
    """What a rule says for a person holding `rol` in exactly one organisation ("eigen"),
    asked about an object `waar` = "zonder" (no object), "eigen" or "andere"."""
    if regel.reikwijdte is Reikwijdte.PUBLIEK:
        return True
    if not ingelogd:
        return False
    if regel.reikwijdte is Reikwijdte.INGELOGD:
        return True
    heeft_rol = rol is not None and rol in regel.rollen
    if regel.reikwijdte is Reikwijdte.ROL:
        return heeft_rol
    # TOEGEWEZEN on an object that names nobody is EIGEN_ORGANISATIE (the engine's own tests
    # cover objects that name who is concerned).
    assert regel.reikwijdte in {Reikwijdte.EIGEN_ORGANISATIE, Reikwijdte.TOEGEWEZEN}, regel
    return heeft_rol and waar in {"zonder", "eigen"}


def objecten(eigen: Organisatie, andere: Organisatie) -> list[tuple[str, str, Any]]:
    """(label, which organisation, object) in every form the policy accepts."""
    eenheid_eigen = EenheidFactory.create(organisatie=eigen)
    eenheid_andere = EenheidFactory.create(organisatie=andere)
    lid_andere = LidmaatschapFactory.create(organisatie=andere, rol=Rol.BEHEERDER)
    return [
        ("geen object", "zonder", None),
        ("eigen organisatie", "eigen", eigen),
        ("andere organisatie", "andere", andere),
        ("eenheid eigen organisatie", "eigen", eenheid_eigen),
        ("eenheid andere organisatie", "andere", eenheid_andere),
        ("lidmaatschap andere organisatie", "andere", lid_andere),
        ("id eigen organisatie", "eigen", eigen.pk),
        ("id andere organisatie", "andere", andere.pk),
    ]


def _verschillen(
    user: Any, rol: str | None, objs: list[tuple[str, str, Any]], ingelogd: bool = True
) -> list[str]:
    fouten = []
    for actie, regel in POLICY.items():
        for label, waar, obj in objs:
            expected = verwacht(regel, rol=rol, waar=waar, ingelogd=ingelogd)
            if policy.allows(user, actie, obj) is not expected:
                fouten.append(f"{actie} / {rol or 'geen rol'} / {label}: verwacht {expected}")
    return fouten


def test_the_table_is_well_formed() -> None:
    assert POLICY, "the policy table is empty"
    for actie, regel in POLICY.items():
        assert isinstance(regel, Regel), actie
        assert regel.omschrijving, f"{actie} has no omschrijving"
        assert regel.rollen <= set(ROLLEN), f"{actie} names unknown roles"
        if regel.reikwijdte in {
            Reikwijdte.ROL,
            Reikwijdte.EIGEN_ORGANISATIE,
            Reikwijdte.TOEGEWEZEN,
        }:
            assert regel.rollen, f"{actie} names no role, so nobody could ever do it"
        else:
            assert not regel.rollen, f"{actie} is {regel.reikwijdte} but names roles"


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_action_for_a_role_in_own_and_other_organisation(rol: str) -> None:
    soort = soort_voor(rol)
    eigen = OrganisatieFactory.create(soort=soort)
    andere = OrganisatieFactory.create(soort=soort)
    user = GebruikerFactory.create()
    services.add_lidmaatschap(door=None, gebruiker=user, organisatie=eigen, rol=rol)
    # Someone else holding every role in the other organisation changes nothing for `user`.
    for andere_rol in ROLLEN_PER_SOORT[soort]:
        LidmaatschapFactory.create(organisatie=andere, rol=andere_rol)
    user = Gebruiker.objects.get(pk=user.pk)
    assert _verschillen(user, rol, objecten(eigen, andere)) == []


@pytest.mark.parametrize("rol", ROLLEN)
def test_a_role_in_a_unit_counts_for_its_organisation(rol: str) -> None:
    soort = soort_voor(rol)
    eigen, andere = OrganisatieFactory.create(soort=soort), OrganisatieFactory.create(soort=soort)
    user = GebruikerFactory.create()
    services.add_lidmaatschap(
        door=None,
        gebruiker=user,
        organisatie=eigen,
        rol=rol,
        eenheid=EenheidFactory.create(organisatie=eigen),
    )
    user = Gebruiker.objects.get(pk=user.pk)
    assert _verschillen(user, rol, objecten(eigen, andere)) == []


def test_roles_in_two_organisations_are_kept_apart() -> None:
    """Every pair of roles (x in A, y in B): an action on A follows x, on B follows y."""
    fouten = []
    for rol_a, rol_b in itertools.product(ROLLEN, repeat=2):
        a = OrganisatieFactory.create(soort=soort_voor(rol_a))
        b = OrganisatieFactory.create(soort=soort_voor(rol_b))
        user = GebruikerFactory.create()
        LidmaatschapFactory.create(gebruiker=user, organisatie=a, rol=rol_a)
        LidmaatschapFactory.create(gebruiker=user, organisatie=b, rol=rol_b)
        user = Gebruiker.objects.get(pk=user.pk)
        for actie, regel in POLICY.items():
            for org, rol in ((a, rol_a), (b, rol_b)):
                expected = verwacht(regel, rol=rol, waar="eigen")
                if regel.reikwijdte is Reikwijdte.ROL:
                    expected = bool(regel.rollen & {rol_a, rol_b})
                if policy.allows(user, actie, org) is not expected:
                    fouten.append(f"{actie}: {rol_a}@A + {rol_b}@B, on {org.naam}")
    assert fouten == []


def test_anonymous_gets_only_public_actions(organisatie: Organisatie) -> None:
    objs = objecten(organisatie, OrganisatieFactory.create())
    assert _verschillen(AnonymousUser(), None, objs, ingelogd=False) == []
    assert _verschillen(None, None, objs, ingelogd=False) == []


def test_logged_in_without_membership_gets_public_and_personal_only(
    organisatie: Organisatie,
) -> None:
    user = GebruikerFactory.create()
    assert _verschillen(user, None, objecten(organisatie, OrganisatieFactory.create())) == []


@pytest.mark.parametrize("rol", ROLLEN)
def test_ended_membership_grants_nothing(rol: str) -> None:
    soort = soort_voor(rol)
    eigen, andere = OrganisatieFactory.create(soort=soort), OrganisatieFactory.create(soort=soort)
    lid = LidmaatschapFactory.create(organisatie=eigen, rol=rol, actief=False)
    user = Gebruiker.objects.get(pk=lid.gebruiker_id)
    assert _verschillen(user, None, objecten(eigen, andere)) == []


@pytest.mark.parametrize("rol", ROLLEN)
def test_inactive_account_is_denied_everything_but_public(rol: str) -> None:
    soort = soort_voor(rol)
    eigen, andere = OrganisatieFactory.create(soort=soort), OrganisatieFactory.create(soort=soort)
    lid = LidmaatschapFactory.create(organisatie=eigen, rol=rol, gebruiker__is_active=False)
    user = Gebruiker.objects.get(pk=lid.gebruiker_id)
    assert _verschillen(user, rol, objecten(eigen, andere), ingelogd=False) == []


def test_ending_a_membership_takes_effect_on_the_same_user_object(
    beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    lid = LidmaatschapFactory.create(organisatie=organisatie, rol=Rol.BEHANDELAAR)
    gebruiker = lid.gebruiker
    assert policy.allows(gebruiker, "organisatie.bekijken", organisatie)
    services.end_lidmaatschap(door=beheerder, lidmaatschap=lid)
    assert not policy.allows(gebruiker, "organisatie.bekijken", organisatie)


@pytest.mark.parametrize("actie", ["bestaat.niet", "", "organisatie.bekijke"])
def test_unknown_action_fails_loudly(actie: str, medewerker: Gebruiker) -> None:
    with pytest.raises(ImproperlyConfigured):
        policy.allows(medewerker, actie)
    with pytest.raises(ImproperlyConfigured):
        policy.allows(AnonymousUser(), actie)
    with pytest.raises(ImproperlyConfigured):
        policy.require(medewerker, actie)
    with pytest.raises(ImproperlyConfigured):
        requires(actie)


def test_object_without_organisation_fails_loudly(beheerder: Gebruiker) -> None:
    with pytest.raises(ImproperlyConfigured):
        policy.allows(beheerder, "organisatie.beheren", object())
    with pytest.raises(ImproperlyConfigured):
        policy.allows(beheerder, "organisatie.beheren", True)


def test_require_raises_permission_denied_in_dutch(
    medewerker: Gebruiker, andere_organisatie: Organisatie
) -> None:
    with pytest.raises(PermissionDenied, match="U hebt geen toegang"):
        policy.require(medewerker, "organisatie.bekijken", andere_organisatie)
    policy.require(medewerker, "account.eigen")  # allowed: no exception


def test_requires_sends_anonymous_to_login_and_refuses_others(client: Client) -> None:
    response = client.get("/organisaties/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/organisaties/"
    client.force_login(GebruikerFactory.create())  # logged in, no role anywhere
    response = client.get("/organisaties/")
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


def test_policy_questions_do_not_repeat_queries(
    medewerker: Gebruiker, organisatie: Organisatie, django_assert_max_num_queries: Any
) -> None:
    user = Gebruiker.objects.get(pk=medewerker.pk)
    with django_assert_max_num_queries(1):
        for actie in POLICY:
            policy.allows(user, actie, organisatie)

"""Shared pytest fixtures for every app."""

from __future__ import annotations

import pytest
from django.test import Client

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol


@pytest.fixture
def organisatie(db: None) -> Organisatie:
    return OrganisatieFactory.create(naam="Landelijke Testdienst", slug="ltd", afkorting="LTD")


@pytest.fixture
def andere_organisatie(db: None) -> Organisatie:
    return OrganisatieFactory.create(naam="Andere Dienst", slug="andere", afkorting="AD")


@pytest.fixture
def medewerker(organisatie: Organisatie) -> Gebruiker:
    return persoon_met_rol(Rol.MEDEWERKER, organisatie, username="medewerker")


@pytest.fixture
def beheerder(organisatie: Organisatie) -> Gebruiker:
    return persoon_met_rol(Rol.BEHEERDER, organisatie, username="beheerder")


@pytest.fixture
def beheerder_andere_organisatie(andere_organisatie: Organisatie) -> Gebruiker:
    return persoon_met_rol(Rol.BEHEERDER, andere_organisatie, username="beheerder_elders")


def ingelogd(client: Client, user: Gebruiker, *, verified: bool = True) -> Client:
    """Log a person in; `verified` also marks the second factor as passed (django-otp)."""
    client.force_login(user)
    if verified and user.tweede_factor_vereist:
        from uitvoerbaar.core.tests.factories import totp_device

        device = totp_device(user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client

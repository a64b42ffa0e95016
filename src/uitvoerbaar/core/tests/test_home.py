"""The personal start page and the navigation per role."""

from __future__ import annotations

import pytest
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import GebruikerFactory, persoon_met_rol

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rol", Rol.values)
def test_start_page_shows_the_section_of_each_role(client: Client, rol: str) -> None:
    persoon = persoon_met_rol(rol)
    response = ingelogd(client, persoon).get("/start/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'data-rol="{rol}"' in body
    assert body.count('class="rol-sectie"') == 1
    assert "Mijn organisaties" in body  # every role may look into its own organisation


def test_start_page_without_a_role_says_what_to_do(client: Client) -> None:
    client.force_login(GebruikerFactory.create())
    body = client.get("/start/").content.decode()
    assert "U hebt nog geen rol in een organisatie." in body
    assert "Mijn organisaties" not in body


def test_anonymous_navigation_shows_public_pages_only(client: Client) -> None:
    body = client.get("/").content.decode()
    assert "Beginselen" in body
    assert "Mijn organisaties" not in body
    assert 'href="/start/"' not in body


def test_welcome_page_sends_logged_in_people_to_start(client: Client) -> None:
    client.force_login(GebruikerFactory.create())
    assert client.get("/")["Location"] == "/start/"


@pytest.mark.parametrize("rol", Rol.values)
def test_access_log_is_in_the_navigation_only_for_roles_that_may_read_it(
    client: Client, rol: str
) -> None:
    body = ingelogd(client, persoon_met_rol(rol)).get("/start/").content.decode()
    mag = rol in (Rol.BEHEERDER, Rol.VERTROUWENSPERSOON)
    assert ('href="/audit/inzage/"' in body) is mag

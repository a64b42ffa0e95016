"""Organisation pages and API: a person sees only the organisations they hold a role in."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import (
    EenheidFactory,
    GebruikerFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    persoon_met_rol,
)

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def _assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


# Web pages.


def test_list_shows_only_own_organisations(
    client: Client,
    medewerker: Gebruiker,
    organisatie: Organisatie,
    andere_organisatie: Organisatie,
) -> None:
    body = ingelogd(client, medewerker).get("/organisaties/").content.decode()
    assert organisatie.naam in body
    assert andere_organisatie.naam not in body


def test_detail_of_own_organisation_shows_units_and_members(
    client: Client, medewerker: Gebruiker, organisatie: Organisatie
) -> None:
    EenheidFactory.create(organisatie=organisatie, naam="Directie Uitvoering")
    collega = persoon_met_rol(Rol.BEHANDELAAR, organisatie, username="collega")
    LidmaatschapFactory.create(organisatie=organisatie, rol=Rol.BESTUUR, actief=False)
    response = ingelogd(client, medewerker).get(f"/organisaties/{organisatie.slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Directie Uitvoering" in body
    assert str(collega) in body
    assert "Bestuur" not in body  # an ended membership is not shown


def test_detail_of_other_organisation_is_refused_in_dutch(
    client: Client, medewerker: Gebruiker, andere_organisatie: Organisatie
) -> None:
    persoon_met_rol(Rol.BEHANDELAAR, andere_organisatie, username="geheim")
    response = ingelogd(client, medewerker).get(f"/organisaties/{andere_organisatie.slug}/")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Geen toegang" in body
    assert "U hebt geen toegang tot deze gegevens of handeling." in body
    assert andere_organisatie.naam not in body


def test_detail_of_unknown_organisation_is_404(client: Client, medewerker: Gebruiker) -> None:
    response = ingelogd(client, medewerker).get("/organisaties/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_organisation_pages_send_anonymous_to_login(
    client: Client, organisatie: Organisatie
) -> None:
    for pad in ["/organisaties/", f"/organisaties/{organisatie.slug}/"]:
        response = client.get(pad)
        assert response.status_code == 302
        assert response["Location"].startswith("/inloggen/?next=")


def test_ended_membership_no_longer_opens_the_organisation(
    client: Client, organisatie: Organisatie
) -> None:
    lid = LidmaatschapFactory.create(organisatie=organisatie, rol=Rol.MEDEWERKER, actief=False)
    client.force_login(lid.gebruiker)
    assert client.get(f"/organisaties/{organisatie.slug}/").status_code == 403
    assert client.get("/organisaties/").status_code == 403


# API.


def test_api_list_shows_only_own_organisations(
    client: Client,
    medewerker: Gebruiker,
    organisatie: Organisatie,
    andere_organisatie: Organisatie,
) -> None:
    EenheidFactory.create(organisatie=organisatie, naam="Team Noord")
    response = ingelogd(client, medewerker).get("/api/v1/organisaties")
    assert response.status_code == 200
    data = response.json()
    assert [o["slug"] for o in data["results"]] == [organisatie.slug]
    assert data["results"][0]["eenheden"][0]["naam"] == "Team Noord"


def test_api_detail_own_organisation(
    client: Client, medewerker: Gebruiker, organisatie: Organisatie
) -> None:
    response = ingelogd(client, medewerker).get(f"/api/v1/organisaties/{organisatie.slug}")
    assert response.status_code == 200
    assert response.json()["naam"] == organisatie.naam


def test_api_detail_other_organisation_is_403_problem(
    client: Client, medewerker: Gebruiker, andere_organisatie: Organisatie
) -> None:
    response = ingelogd(client, medewerker).get(f"/api/v1/organisaties/{andere_organisatie.slug}")
    body = _assert_problem(response, 403)
    assert body["title"] == "Geen toegang"
    assert andere_organisatie.naam not in response.content.decode()


def test_api_detail_unknown_organisation_is_404_problem(
    client: Client, medewerker: Gebruiker
) -> None:
    response = ingelogd(client, medewerker).get("/api/v1/organisaties/bestaat-niet")
    body = _assert_problem(response, 404)
    assert body["title"] == "Niet gevonden"
    assert body["detail"] == "Deze organisatie bestaat niet."


@pytest.mark.parametrize("pad", ["/api/v1/ik", "/api/v1/organisaties", "/api/v1/organisaties/ltd"])
def test_api_refuses_anonymous_with_problem(
    client: Client, organisatie: Organisatie, pad: str
) -> None:
    response = client.get(pad)
    assert response.status_code in {401, 403}
    body = _assert_problem(response, response.status_code)
    assert body["title"] == "Niet ingelogd"
    assert "ltd" not in body["detail"]


def test_api_refuses_a_person_without_any_role(client: Client, organisatie: Organisatie) -> None:
    client.force_login(GebruikerFactory.create())
    _assert_problem(client.get("/api/v1/organisaties"), 403)
    assert client.get("/api/v1/ik").status_code == 200  # their own account is theirs


def test_api_ik_returns_active_memberships(
    client: Client, organisatie: Organisatie, andere_organisatie: Organisatie
) -> None:
    persoon = persoon_met_rol(Rol.MEDEWERKER, organisatie, username="ik")
    eenheid = EenheidFactory.create(organisatie=andere_organisatie, naam="Team Zuid")
    LidmaatschapFactory.create(
        gebruiker=persoon, organisatie=andere_organisatie, eenheid=eenheid, rol=Rol.BEHANDELAAR
    )
    LidmaatschapFactory.create(
        gebruiker=persoon, organisatie=andere_organisatie, rol=Rol.BESTUUR, actief=False
    )
    data = ingelogd(client, persoon).get("/api/v1/ik").json()
    assert data["username"] == "ik"
    assert data["tweede_factor_vereist"] is False
    leden = sorted(
        (lid["organisatie"]["slug"], lid["rol"], lid["eenheid"]) for lid in data["lidmaatschappen"]
    )
    assert leden == [
        (andere_organisatie.slug, "behandelaar", "Team Zuid"),
        (organisatie.slug, "medewerker", None),
    ]


# Query budgets: the number of queries does not grow with memberships or units.


def _persoon_met_organisaties(aantal: int) -> Gebruiker:
    persoon = GebruikerFactory.create()
    for _ in range(aantal):
        org = OrganisatieFactory.create(
            eigenaar_ministerie=OrganisatieFactory.create(ministerie=True)
        )
        EenheidFactory.create_batch(3, organisatie=org)
        LidmaatschapFactory.create(gebruiker=persoon, organisatie=org, rol=Rol.MEDEWERKER)
        LidmaatschapFactory.create(gebruiker=persoon, organisatie=org, rol=Rol.BEHANDELAAR)
    return persoon


def _queries(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(pad)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("pad", ["/organisaties/", "/api/v1/organisaties", "/api/v1/ik", "/start/"])
def test_query_count_does_not_grow_with_memberships(pad: str) -> None:
    weinig = _queries(ingelogd(Client(), _persoon_met_organisaties(1)), pad)
    veel = _queries(ingelogd(Client(), _persoon_met_organisaties(8)), pad)
    assert veel == weinig
    assert weinig <= 8


def test_detail_query_count_does_not_grow_with_members(client: Client) -> None:
    org = OrganisatieFactory.create()
    persoon = persoon_met_rol(Rol.MEDEWERKER, org)
    ingelogd(client, persoon)
    weinig = _queries(client, f"/organisaties/{org.slug}/")
    for _ in range(10):
        LidmaatschapFactory.create(organisatie=org, eenheid=EenheidFactory.create(organisatie=org))
    veel = _queries(client, f"/organisaties/{org.slug}/")
    assert veel == weinig

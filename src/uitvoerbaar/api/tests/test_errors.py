"""Every API error is application/problem+json (RFC 9457) with Dutch messages."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.test import Client
from rest_framework import exceptions

from uitvoerbaar.api.errors import _flatten, problem_exception_handler
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Lidmaatschap, Organisatie
from uitvoerbaar.core.tests.factories import EenheidFactory, GebruikerFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert set(body) <= {"type", "title", "status", "detail", "errors"}
    assert body["type"] == "about:blank"
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def _leden(organisatie: Organisatie) -> str:
    return f"/api/v1/organisaties/{organisatie.slug}/lidmaatschappen"


def test_400_lists_each_field_with_a_dutch_message(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    voor = Lidmaatschap.objects.count()
    response = ingelogd(client, beheerder).post(
        _leden(organisatie),
        {"gebruiker": "bestaat-niet", "rol": "koning", "eenheid": "abc"},
        content_type="application/json",
    )
    body = problem(response, 400)
    assert body["title"] == "Ongeldige invoer"
    assert sorted(body["errors"], key=lambda e: e["field"]) == [
        {"field": "eenheid", "message": "Het nummer van de eenheid is een geheel getal."},
        {"field": "gebruiker", "message": "Er is geen actieve gebruiker met deze gebruikersnaam."},
        {"field": "rol", "message": "Kies een rol uit de lijst."},
    ]
    assert body["detail"].startswith("Controleer de invoer: ")
    assert Lidmaatschap.objects.count() == voor


def test_400_for_missing_fields(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    response = ingelogd(client, beheerder).post(
        _leden(organisatie), {}, content_type="application/json"
    )
    body = problem(response, 400)
    assert {e["field"]: e["message"] for e in body["errors"]} == {
        "gebruiker": "Vul de gebruikersnaam in.",
        "rol": "Kies een rol.",
    }


def test_400_from_the_service_rule_is_shown_per_field(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    GebruikerFactory.create(username="nieuw")
    voor = Lidmaatschap.objects.count()
    response = ingelogd(client, beheerder).post(
        _leden(organisatie),
        {"gebruiker": "nieuw", "rol": Rol.KAMERLID},
        content_type="application/json",
    )
    body = problem(response, 400)
    assert body["errors"] == [
        {
            "field": "rol",
            "message": "De rol Kamerlid past niet bij een organisatie van de soort "
            "uitvoeringsorganisatie.",
        }
    ]
    assert Lidmaatschap.objects.count() == voor


def test_400_unit_of_another_organisation_does_not_exist_here(
    client: Client,
    beheerder: Gebruiker,
    organisatie: Organisatie,
    andere_organisatie: Organisatie,
) -> None:
    GebruikerFactory.create(username="nieuw")
    elders = EenheidFactory.create(organisatie=andere_organisatie)
    response = ingelogd(client, beheerder).post(
        _leden(organisatie),
        {"gebruiker": "nieuw", "rol": Rol.MEDEWERKER, "eenheid": elders.pk},
        content_type="application/json",
    )
    body = problem(response, 400)
    assert body["errors"] == [
        {"field": "eenheid", "message": "Deze organisatie heeft geen eenheid met dit nummer."}
    ]


def test_400_for_malformed_json(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    response = ingelogd(client, beheerder).post(
        _leden(organisatie), "{niet: json", content_type="application/json"
    )
    body = problem(response, 400)
    assert "JSON" in body["detail"]


def test_415_for_an_unsupported_media_type(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    response = ingelogd(client, beheerder).post(
        _leden(organisatie), "<xml/>", content_type="application/xml"
    )
    body = problem(response, 415)
    assert body["title"] == "Formaat van de invoer niet ondersteund"


def test_403_for_another_organisation(
    client: Client, beheerder: Gebruiker, andere_organisatie: Organisatie
) -> None:
    GebruikerFactory.create(username="nieuw")
    voor = Lidmaatschap.objects.count()
    response = ingelogd(client, beheerder).post(
        _leden(andere_organisatie),
        {"gebruiker": "nieuw", "rol": Rol.MEDEWERKER},
        content_type="application/json",
    )
    body = problem(response, 403)
    assert body["title"] == "Geen toegang"
    assert body["detail"] == "U hebt geen toegang tot deze gegevens of handeling."
    assert Lidmaatschap.objects.count() == voor


def test_403_for_a_role_that_may_not_manage(
    client: Client, medewerker: Gebruiker, organisatie: Organisatie
) -> None:
    problem(ingelogd(client, medewerker).get(_leden(organisatie)), 403)


def test_404_for_an_unknown_organisation(client: Client, beheerder: Gebruiker) -> None:
    body = problem(
        ingelogd(client, beheerder).get("/api/v1/organisaties/nergens/lidmaatschappen"), 404
    )
    assert body["title"] == "Niet gevonden"


def test_404_for_an_unknown_api_address(client: Client) -> None:
    body = problem(client.get("/api/v1/bestaat-niet"), 404)
    assert body["detail"] == "Dit adres bestaat niet."


def test_404_for_a_page_that_does_not_exist(client: Client, medewerker: Gebruiker) -> None:
    body = problem(ingelogd(client, medewerker).get("/api/v1/organisaties?page=99"), 404)
    assert body["title"] == "Niet gevonden"


@pytest.mark.parametrize("methode", ["put", "patch", "delete"])
def test_405_for_a_method_that_is_not_allowed(
    client: Client, medewerker: Gebruiker, methode: str
) -> None:
    response = getattr(ingelogd(client, medewerker), methode)("/api/v1/ik")
    body = problem(response, 405)
    assert body["title"] == "Methode niet toegestaan"
    assert methode.upper() in body["detail"]
    assert "niet toegestaan" in body["detail"]


def test_anonymous_gets_a_dutch_problem(client: Client) -> None:
    response = client.get("/api/v1/ik")
    body = problem(response, response.status_code)
    assert response.status_code in {401, 403}
    assert body["title"] == "Niet ingelogd"
    assert body["detail"] == "Authenticatiegegevens zijn niet opgegeven."


def test_creating_and_ending_a_membership_through_the_api(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    GebruikerFactory.create(username="nieuw")
    eenheid = EenheidFactory.create(organisatie=organisatie, naam="Team Noord")
    ingelogd(client, beheerder)
    response = client.post(
        _leden(organisatie),
        {"gebruiker": "nieuw", "rol": Rol.BEHANDELAAR, "eenheid": eenheid.pk},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["gebruiker"], data["rol"], data["eenheid"], data["actief"]) == (
        "nieuw",
        "behandelaar",
        "Team Noord",
        True,
    )
    lijst = client.get(_leden(organisatie)).json()
    assert {lid["gebruiker"] for lid in lijst["results"]} == {"beheerder", "nieuw"}
    response = client.post(f"/api/v1/lidmaatschappen/{data['id']}/beeindigen")
    assert response.status_code == 200
    assert response.json()["actief"] is False
    assert Lidmaatschap.objects.get(pk=data["id"]).actief is False


def test_ending_a_membership_of_another_organisation_is_refused(
    client: Client, beheerder: Gebruiker, beheerder_andere_organisatie: Gebruiker
) -> None:
    lid = beheerder_andere_organisatie.lidmaatschappen.get()
    problem(ingelogd(client, beheerder).post(f"/api/v1/lidmaatschappen/{lid.pk}/beeindigen"), 403)
    problem(client.post("/api/v1/lidmaatschappen/999999/beeindigen"), 404)
    lid.refresh_from_db()
    assert lid.actief


def test_api_post_needs_the_csrf_token_with_a_session(
    beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    client = ingelogd(Client(enforce_csrf_checks=True), beheerder)
    GebruikerFactory.create(username="nieuw")
    response = client.post(
        _leden(organisatie),
        {"gebruiker": "nieuw", "rol": "medewerker"},
        content_type="application/json",
    )
    problem(response, 403)
    assert not Lidmaatschap.objects.filter(gebruiker__username="nieuw").exists()


# The handler on its own.


def test_handler_converts_django_exceptions() -> None:
    context: dict[str, Any] = {"view": None, "request": None}
    response = problem_exception_handler(
        DjangoValidationError({"naam": ["Vul een naam in."]}), context
    )
    assert response is not None and response.status_code == 400
    assert response.data["errors"] == [{"field": "naam", "message": "Vul een naam in."}]
    response = problem_exception_handler(DjangoValidationError("Alles fout."), context)
    assert response is not None
    assert response.data["errors"] == [{"field": "", "message": "Alles fout."}]
    response = problem_exception_handler(DjangoPermissionDenied(), context)
    assert response is not None and response.status_code == 403
    response = problem_exception_handler(Http404(), context)
    assert response is not None and response.status_code == 404
    assert response.data["detail"] == "Dit bestaat niet, of u hebt er geen toegang toe."
    assert problem_exception_handler(RuntimeError("stuk"), context) is None


def test_handler_answers_409_for_a_move_any_app_does_not_allow() -> None:
    from uitvoerbaar.signalen.transitions import OngeldigeOvergang

    fout = OngeldigeOvergang("heropenen", "ontvangen")
    response = problem_exception_handler(fout, {"view": None, "request": None})
    assert response is not None and response.status_code == 409
    assert response.data["title"] == "Dit kan nu niet"
    assert response.data["detail"] == str(fout)


def test_flatten_names_nested_fields() -> None:
    detail = {
        "non_field_errors": ["Algemeen."],
        "adres": {"straat": ["Verplicht."]},
        "regels": [{}, {"bedrag": ["Te hoog."]}],
    }
    assert _flatten(detail) == [
        {"field": "", "message": "Algemeen."},
        {"field": "adres.straat", "message": "Verplicht."},
        {"field": "regels.1.bedrag", "message": "Te hoog."},
    ]


def test_not_authenticated_title_even_when_session_auth_answers_403() -> None:
    context: dict[str, Any] = {"view": None, "request": None}
    exc = exceptions.NotAuthenticated()
    exc.status_code = 403
    response = problem_exception_handler(exc, context)
    assert response is not None
    assert response.data["title"] == "Niet ingelogd"


def test_a_nul_character_in_api_input_is_refused_before_any_query(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    """PostgreSQL cannot compare text with NUL: a slug lookup would fail with a 500."""
    ingelogd(client, beheerder)
    voor = Lidmaatschap.objects.count()
    response = client.post(
        _leden(organisatie),
        data='{"gebruiker": "x\\u0000y", "rol": "medewerker"}',
        content_type="application/json",
    )
    body = problem(response, 400)
    assert body["detail"] == "De invoer bevat een ongeldig teken (NUL). Er is niets veranderd."
    assert Lidmaatschap.objects.count() == voor

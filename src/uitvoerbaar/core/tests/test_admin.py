"""The beheer screen (/beheer/): only for beheerders, only their own organisation, every change
through the services, nothing deleted."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.admin_site import PolicyModelAdmin, beheer_site
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Lidmaatschap, Organisatie
from uitvoerbaar.core.tests.factories import (
    WACHTWOORD,
    EenheidFactory,
    GebruikerFactory,
    persoon_met_rol,
)

pytestmark = pytest.mark.django_db

LEDEN = "/beheer/core/lidmaatschap/"


@pytest.fixture
def beheer(client: Client, beheerder: Gebruiker) -> Client:
    return ingelogd(client, beheerder)


def test_beheerder_with_second_factor_opens_the_admin(beheer: Client) -> None:
    response = beheer.get("/beheer/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Lidmaatschappen" in body
    assert "Uitvoerbaar — beheer" in body


def test_beheerder_without_second_factor_is_sent_to_it(
    client: Client, beheerder: Gebruiker
) -> None:
    client.post("/inloggen/", {"username": beheerder.username, "password": WACHTWOORD})
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/tweede-factor/")


@pytest.mark.parametrize("rol", [r for r in Rol.values if r != Rol.BEHEERDER])
def test_other_roles_get_no_access(client: Client, organisatie: Organisatie, rol: str) -> None:
    persoon = persoon_met_rol(rol, organisatie if rol != Rol.KAMERLID else None)
    ingelogd(client, persoon)
    for pad in ["/beheer/", LEDEN, f"{LEDEN}add/", "/beheer/core/", "/beheer/logout/"]:
        response = client.get(pad)
        assert response.status_code == 403, (rol, pad)
        assert "Geen toegang" in response.content.decode()


def test_anonymous_goes_to_the_platform_login(client: Client) -> None:
    response = client.get("/beheer/", follow=True)
    assert response.redirect_chain[-1][0] == "/inloggen/?next=/beheer/"
    assert response.status_code == 200


def test_changelist_shows_only_own_memberships(
    beheer: Client,
    medewerker: Gebruiker,
    beheerder_andere_organisatie: Gebruiker,
    andere_organisatie: Organisatie,
) -> None:
    elders = persoon_met_rol(Rol.BEHANDELAAR, andere_organisatie, username="elders")
    response = beheer.get(LEDEN)
    assert response.status_code == 200
    getoond = set(response.context["cl"].result_list)
    assert getoond == set(Lidmaatschap.objects.filter(organisatie__slug="ltd"))
    body = response.content.decode()
    assert str(medewerker) in body
    assert str(elders) not in body
    # Not even in the filter: the names of other organisations are not shown.
    assert andere_organisatie.naam not in body


def test_organisations_and_units_are_limited_to_own(
    beheer: Client, organisatie: Organisatie, andere_organisatie: Organisatie
) -> None:
    EenheidFactory.create(organisatie=andere_organisatie, naam="Geheime Afdeling")
    orgs = beheer.get("/beheer/core/organisatie/").content.decode()
    assert organisatie.naam in orgs and andere_organisatie.naam not in orgs
    eenheden = beheer.get("/beheer/core/eenheid/").content.decode()
    assert "Geheime Afdeling" not in eenheden
    add = beheer.get(f"{LEDEN}add/").content.decode()
    assert andere_organisatie.naam not in add and "Geheime Afdeling" not in add


def test_membership_of_other_organisation_cannot_be_opened(
    beheer: Client, beheerder_andere_organisatie: Gebruiker
) -> None:
    lid = beheerder_andere_organisatie.lidmaatschappen.get()
    response = beheer.get(f"{LEDEN}{lid.pk}/change/")
    assert response.status_code == 302  # the admin's "does not exist" answer
    assert response["Location"] == "/beheer/"


def _add(client: Client, **data: object) -> Any:
    return client.post(f"{LEDEN}add/", data)


def test_adding_a_membership_goes_through_the_service(
    beheer: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    persoon = GebruikerFactory.create(username="nieuwkomer")
    eenheid = EenheidFactory.create(organisatie=organisatie)
    response = _add(
        beheer,
        gebruikersnaam="nieuwkomer",
        organisatie=organisatie.pk,
        eenheid=eenheid.pk,
        rol=Rol.BEHANDELAAR,
    )
    assert response.status_code == 302, response.content.decode()
    lid = Lidmaatschap.objects.get(gebruiker=persoon)
    assert (lid.organisatie, lid.eenheid, lid.rol, lid.actief) == (
        organisatie,
        eenheid,
        Rol.BEHANDELAAR,
        True,
    )
    event = AuditEvent.objects.get(event="lidmaatschap.toegevoegd", object_id=str(lid.pk))
    assert event.actor_id == beheerder.pk


@pytest.mark.parametrize(
    ("data", "veld", "melding"),
    [
        (
            {"gebruikersnaam": "bestaat-niet"},
            "gebruikersnaam",
            "Er is geen actieve gebruiker met deze gebruikersnaam.",
        ),
        ({"gebruikersnaam": ""}, "gebruikersnaam", "Vul de gebruikersnaam in."),
        ({"rol": Rol.KAMERLID}, "rol", "De rol Kamerlid past niet bij een organisatie"),
        ({"rol": Rol.BELEIDSMAKER}, "rol", "past niet bij een organisatie van de soort"),
        ({"organisatie": "andere"}, "organisatie", "Selecteer een geldige keuze"),
        ({"eenheid": "elders"}, "eenheid", "Selecteer een geldige keuze"),
    ],
)
def test_adding_a_wrong_membership_shows_a_dutch_message_and_stores_nothing(
    beheer: Client,
    organisatie: Organisatie,
    andere_organisatie: Organisatie,
    data: dict[str, object],
    veld: str,
    melding: str,
) -> None:
    GebruikerFactory.create(username="nieuwkomer")
    waarden: dict[str, object] = {
        "gebruikersnaam": "nieuwkomer",
        "organisatie": organisatie.pk,
        "eenheid": "",
        "rol": Rol.MEDEWERKER,
        **data,
    }
    if waarden["organisatie"] == "andere":
        waarden["organisatie"] = andere_organisatie.pk
    if waarden["eenheid"] == "elders":
        waarden["eenheid"] = EenheidFactory.create(organisatie=andere_organisatie).pk
    voor = (Lidmaatschap.objects.count(), AuditEvent.objects.count())
    response = _add(beheer, **waarden)
    assert response.status_code == 200
    fouten = response.context["adminform"].form.errors
    assert melding in " ".join(fouten[veld]), fouten
    assert (Lidmaatschap.objects.count(), AuditEvent.objects.count()) == voor


def test_inactive_person_cannot_be_given_a_role(beheer: Client, organisatie: Organisatie) -> None:
    GebruikerFactory.create(username="vertrokken", is_active=False)
    response = _add(
        beheer, gebruikersnaam="vertrokken", organisatie=organisatie.pk, rol=Rol.MEDEWERKER
    )
    assert response.status_code == 200
    assert not Lidmaatschap.objects.filter(gebruiker__username="vertrokken").exists()


def test_membership_is_read_only_once_given(beheer: Client, medewerker: Gebruiker) -> None:
    lid = medewerker.lidmaatschappen.get()
    response = beheer.get(f"{LEDEN}{lid.pk}/change/")
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    beheer.post(f"{LEDEN}{lid.pk}/change/", {"rol": Rol.BESTUUR})
    lid.refresh_from_db()
    assert lid.rol == Rol.MEDEWERKER


def test_ending_memberships_with_the_admin_action(
    beheer: Client,
    beheerder: Gebruiker,
    medewerker: Gebruiker,
    beheerder_andere_organisatie: Gebruiker,
) -> None:
    eigen = medewerker.lidmaatschappen.get()
    elders = beheerder_andere_organisatie.lidmaatschappen.get()
    response = beheer.post(
        LEDEN, {"action": "beeindigen", "_selected_action": [eigen.pk, elders.pk]}
    )
    assert response.status_code == 302
    eigen.refresh_from_db()
    elders.refresh_from_db()
    assert eigen.actief is False
    assert elders.actief is True  # not in the beheerder's list, so not touched
    event = AuditEvent.objects.get(event="lidmaatschap.beeindigd")
    assert event.actor_id == beheerder.pk and event.object_id == str(eigen.pk)


def test_adding_a_unit_goes_through_the_service(
    beheer: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    response = beheer.post(
        "/beheer/core/eenheid/add/", {"organisatie": organisatie.pk, "naam": "Team Oost"}
    )
    assert response.status_code == 302
    eenheid = Eenheid.objects.get(naam="Team Oost")
    event = AuditEvent.objects.get(event="eenheid.toegevoegd", object_id=str(eenheid.pk))
    assert event.actor_id == beheerder.pk


def test_unit_below_a_unit_of_another_organisation_is_refused(
    beheer: Client, organisatie: Organisatie, andere_organisatie: Organisatie
) -> None:
    elders = EenheidFactory.create(organisatie=andere_organisatie)
    response = beheer.post(
        "/beheer/core/eenheid/add/",
        {"organisatie": organisatie.pk, "naam": "Team", "bovenliggend": elders.pk},
    )
    assert response.status_code == 200
    assert not Eenheid.objects.filter(naam="Team").exists()


def test_every_admin_follows_the_policy_and_deletes_nothing(
    beheer: Client, medewerker: Gebruiker
) -> None:
    assert beheer_site._registry, "nothing registered on the beheer site"
    for model, model_admin in beheer_site._registry.items():
        assert isinstance(model_admin, PolicyModelAdmin), model
        assert model_admin.has_delete_permission(None) is False, model  # type: ignore[arg-type]
    lid = medewerker.lidmaatschappen.get()
    assert beheer.get(f"{LEDEN}{lid.pk}/delete/").status_code == 403
    assert beheer.post(f"{LEDEN}{lid.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Lidmaatschap.objects.filter(pk=lid.pk).exists()
    response = beheer.get(LEDEN)
    acties = [naam for naam, _ in response.context["action_form"].fields["action"].choices]
    assert "delete_selected" not in acties
    assert "beeindigen" in acties


def test_admin_login_page_forwards_to_the_platform_login(client: Client) -> None:
    response = client.get("/beheer/login/", {"next": "/beheer/"})
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/beheer/"

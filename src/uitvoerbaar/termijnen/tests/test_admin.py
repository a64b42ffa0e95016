"""Beheer of gelijkgestelde dagen and sluitingsdagen: a beheerder sees and manages only the
closing days of their own organisation; others are refused; saves go through the services."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.termijnen.models import GelijkgesteldeDag, Sluitingsdag

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_tijd")]

SLUITINGSDAGEN = "/beheer/termijnen/sluitingsdag/"
GELIJKGESTELD = "/beheer/termijnen/gelijkgesteldedag/"


@pytest.fixture
def dagen(organisatie: Organisatie, andere_organisatie: Organisatie) -> dict[str, Sluitingsdag]:
    return {
        "eigen": Sluitingsdag.objects.create(
            organisatie=organisatie, datum=date(2027, 3, 5), omschrijving="Verhuizing eigen"
        ),
        "ander": Sluitingsdag.objects.create(
            organisatie=andere_organisatie, datum=date(2027, 3, 8), omschrijving="Studiedag ander"
        ),
    }


def test_beheerder_sees_only_the_own_organisations_closing_days(
    client: Client, beheerder: Gebruiker, dagen: dict[str, Sluitingsdag]
) -> None:
    ingelogd(client, beheerder)
    response = client.get(SLUITINGSDAGEN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Verhuizing eigen" in html
    assert "Studiedag ander" not in html
    assert "Andere Dienst" not in html  # not even as a filter choice

    vreemd = client.get(f"{SLUITINGSDAGEN}{dagen['ander'].pk}/change/")
    assert vreemd.status_code in {302, 403, 404}
    assert "Studiedag ander" not in vreemd.content.decode()


def test_beheerder_adds_a_closing_day_through_the_service(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    ingelogd(client, beheerder)
    response = client.post(
        f"{SLUITINGSDAGEN}add/",
        {"organisatie": organisatie.pk, "datum": "2027-03-05", "omschrijving": "Verhuizing"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    dag = Sluitingsdag.objects.get()
    assert (dag.organisatie, dag.datum) == (organisatie, date(2027, 3, 5))
    event = AuditEvent.objects.get(event="termijnen.sluitingsdag.toegevoegd")
    assert event.actor_id == beheerder.pk


def test_beheerder_cannot_add_a_closing_day_for_another_organisation(
    client: Client, beheerder: Gebruiker, andere_organisatie: Organisatie
) -> None:
    ingelogd(client, beheerder)
    formulier = client.get(f"{SLUITINGSDAGEN}add/").content.decode()
    assert "Andere Dienst" not in formulier
    response = client.post(
        f"{SLUITINGSDAGEN}add/",
        {"organisatie": andere_organisatie.pk, "datum": "2027-03-05", "omschrijving": "Kaping"},
    )
    assert response.status_code == 200
    assert not Sluitingsdag.objects.exists()
    assert not AuditEvent.objects.filter(event__startswith="termijnen.").exists()


def test_a_duplicate_shows_the_dutch_message_at_the_field(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie, dagen: dict[str, Sluitingsdag]
) -> None:
    ingelogd(client, beheerder)
    response = client.post(
        f"{SLUITINGSDAGEN}add/",
        {"organisatie": organisatie.pk, "datum": "2027-03-05", "omschrijving": "Nogmaals"},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "datum": ["Deze organisatie heeft al een sluitingsdag op deze datum."]
    }
    assert Sluitingsdag.objects.count() == 2


def test_removal_through_the_action_only_for_the_own_organisation(
    client: Client, beheerder: Gebruiker, dagen: dict[str, Sluitingsdag]
) -> None:
    ingelogd(client, beheerder)
    response = client.post(
        SLUITINGSDAGEN,
        {
            "action": "verwijderen",
            "_selected_action": [dagen["eigen"].pk, dagen["ander"].pk],
        },
    )
    assert response.status_code == 302
    # The other organisation's day is not in the beheerder's queryset, so it is untouched.
    assert list(Sluitingsdag.objects.all()) == [dagen["ander"]]
    assert AuditEvent.objects.filter(event="termijnen.sluitingsdag.verwijderd").count() == 1


def test_medewerker_is_refused(
    client: Client, medewerker: Gebruiker, organisatie: Organisatie
) -> None:
    ingelogd(client, medewerker)
    for url in (SLUITINGSDAGEN, f"{SLUITINGSDAGEN}add/", GELIJKGESTELD, f"{GELIJKGESTELD}add/"):
        assert client.get(url).status_code in {302, 403}, url
    response = client.post(
        f"{SLUITINGSDAGEN}add/",
        {"organisatie": organisatie.pk, "datum": "2027-03-05", "omschrijving": "Verhuizing"},
    )
    assert response.status_code in {302, 403}
    assert not Sluitingsdag.objects.exists()


def test_beheerder_adds_a_gelijkgestelde_dag_and_sees_refusals_at_the_field(
    client: Client, beheerder: Gebruiker
) -> None:
    ingelogd(client, beheerder)
    goed = {
        "datum": "2027-05-07",
        "omschrijving": "Vrijdag na Hemelvaartsdag",
        "besluit": "Stcrt. 2026, 12345",
    }
    assert client.post(f"{GELIJKGESTELD}add/", goed).status_code == 302
    assert GelijkgesteldeDag.objects.get().datum == date(2027, 5, 7)
    assert AuditEvent.objects.filter(event="termijnen.gelijkgestelde_dag.toegevoegd").exists()

    response = client.post(f"{GELIJKGESTELD}add/", {**goed, "besluit": ""})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["datum"] == ["Deze datum is al een gelijkgestelde dag."]
    assert errors["besluit"]
    assert GelijkgesteldeDag.objects.count() == 1


def test_a_day_is_not_edited_in_place(
    client: Client, beheerder: Gebruiker, dagen: dict[str, Sluitingsdag]
) -> None:
    ingelogd(client, beheerder)
    response = client.post(
        f"{SLUITINGSDAGEN}{dagen['eigen'].pk}/change/",
        {
            "organisatie": dagen["eigen"].organisatie_id,
            "datum": "2027-03-12",
            "omschrijving": "Verschoven",
        },
    )
    assert response.status_code == 403
    dagen["eigen"].refresh_from_db()
    assert dagen["eigen"].datum == date(2027, 3, 5)

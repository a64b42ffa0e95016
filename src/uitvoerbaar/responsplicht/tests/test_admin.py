"""Beheer of the kinds of request and their escalation ladder: only the beheerder, every save
audited through `beheer`, bad input refused in Dutch, no level ever removed."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol
from uitvoerbaar.responsplicht.constants import OrganisatieBron, Publicatie, Termijneenheid
from uitvoerbaar.responsplicht.laden import load_soorten
from uitvoerbaar.responsplicht.models import Soort

from .factories import SoortFactory

pytestmark = pytest.mark.django_db

LIJST = "/beheer/responsplicht/soort/"


def _wijzig(soort: Soort) -> str:
    return f"{LIJST}{soort.pk}/change/"


def _formulier(
    soort: Soort,
    wijziging: dict[str, Any] | None = None,
    *,
    nieuw_niveau: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the browser posts for the change page: the kind and its ladder (inline formset
    with prefix `niveaus`)."""
    niveaus = list(soort.niveaus.order_by("volgorde"))
    data: dict[str, Any] = {
        "naam": soort.naam,
        "omschrijving": soort.omschrijving,
        "termijn_aantal": soort.termijn_aantal,
        "termijn_eenheid": soort.termijn_eenheid,
        "herinneringen": str(soort.herinneringen).replace("'", '"'),
        "initial-herinneringen": str(soort.herinneringen),
        "max_verlenging_dagen": soort.max_verlenging_dagen,
        "publicatie": soort.publicatie,
        "niveaus-TOTAL_FORMS": len(niveaus) + (1 if nieuw_niveau else 0),
        "niveaus-INITIAL_FORMS": len(niveaus),
        "niveaus-MIN_NUM_FORMS": 0,
        "niveaus-MAX_NUM_FORMS": 1000,
    }
    if soort.stilte_openbaar:
        data["stilte_openbaar"] = "on"
    for i, n in enumerate(niveaus):
        data.update(
            {
                f"niveaus-{i}-id": n.pk,
                f"niveaus-{i}-soort": soort.pk,
                f"niveaus-{i}-volgorde": n.volgorde,
                f"niveaus-{i}-naam": n.naam,
                f"niveaus-{i}-organisatie_bron": n.organisatie_bron,
                f"niveaus-{i}-vaste_organisatie": n.vaste_organisatie_id or "",
                f"niveaus-{i}-rol": n.rol,
                f"niveaus-{i}-termijn_aantal": n.termijn_aantal,
                f"niveaus-{i}-termijn_eenheid": n.termijn_eenheid,
            }
        )
    if nieuw_niveau:
        i = len(niveaus)
        data.update({f"niveaus-{i}-soort": soort.pk, f"niveaus-{i}-id": ""})
        data.update({f"niveaus-{i}-{k}": v for k, v in nieuw_niveau.items()})
    data.update(wijziging or {})
    return data


def _events(prefix: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event__startswith=prefix).order_by("volgnummer"))


@pytest.fixture
def soort(db: None) -> Soort:
    return SoortFactory.create(code="noodrem-test", naam="Noodrem (test)")


def test_beheerder_sees_the_kinds_loaded_from_data(client: Client, beheerder: Gebruiker) -> None:
    load_soorten()
    ingelogd(client, beheerder)
    response = client.get(LIJST)
    assert response.status_code == 200
    assert set(response.context["cl"].queryset) == set(Soort.objects.all())
    assert Soort.objects.count() == 8
    assert "Noodrem" in response.content.decode()


def test_beheerder_changes_a_term_audited(
    client: Client, beheerder: Gebruiker, soort: Soort
) -> None:
    ingelogd(client, beheerder)
    assert client.get(_wijzig(soort)).status_code == 200

    response = client.post(_wijzig(soort), _formulier(soort, {"termijn_aantal": 4}))

    assert response.status_code == 302, response.content.decode()[:3000]
    soort.refresh_from_db()
    assert soort.termijn_aantal == 4
    [event] = _events("responsplicht.soort.")
    assert event.event == "responsplicht.soort.gewijzigd"
    assert event.actor_id == beheerder.pk
    assert event.data == {"code": "noodrem-test", "velden": ["termijn_aantal"], "bron": "beheer"}
    assert _events("responsplicht.escalatieniveau.") == []


def test_beheerder_adds_a_level_to_the_ladder_audited(
    client: Client, beheerder: Gebruiker, soort: Soort
) -> None:
    kamer = OrganisatieFactory.create(parlement=True, naam="Tweede Kamer", slug="tk")
    ingelogd(client, beheerder)

    response = client.post(
        _wijzig(soort),
        _formulier(
            soort,
            nieuw_niveau={
                "volgorde": 2,
                "naam": "Kamercommissie",
                "organisatie_bron": OrganisatieBron.VASTE_ORGANISATIE,
                "vaste_organisatie": kamer.pk,
                "rol": Rol.GRIFFIE,
                "termijn_aantal": 2,
                "termijn_eenheid": Termijneenheid.WEKEN,
            },
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    niveau = soort.niveaus.get(volgorde=2)
    assert niveau.vaste_organisatie == kamer
    [event] = _events("responsplicht.escalatieniveau.")
    assert event.event == "responsplicht.escalatieniveau.aangemaakt"
    assert event.object_id == str(niveau.pk)
    assert event.data["soort"] == "noodrem-test"
    assert event.data["volgorde"] == 2
    assert "vaste_organisatie" in event.data["velden"]


def test_a_level_changed_is_audited(client: Client, beheerder: Gebruiker, soort: Soort) -> None:
    ingelogd(client, beheerder)
    response = client.post(_wijzig(soort), _formulier(soort, {"niveaus-0-termijn_aantal": 7}))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert soort.niveaus.get().termijn_aantal == 7
    [event] = _events("responsplicht.escalatieniveau.")
    assert event.event == "responsplicht.escalatieniveau.gewijzigd"
    assert event.data["velden"] == ["termijn_aantal"]


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        (
            {"herinneringen": '["morgen"]'},
            "herinneringen",
            "Geef een lijst van hele dagen vóór de uiterste datum, bijvoorbeeld [5, 1].",
        ),
        (
            {"herinneringen": "[0]"},
            "herinneringen",
            "Geef een lijst van hele dagen vóór de uiterste datum, bijvoorbeeld [5, 1].",
        ),
        ({"termijn_aantal": 0}, "termijn_aantal", "Een termijn is ten minste 1."),
        (
            {"niveaus-0-organisatie_bron": OrganisatieBron.VASTE_ORGANISATIE},
            "vaste_organisatie",
            "Kies de organisatie die op dit niveau moet antwoorden.",
        ),
        ({"niveaus-0-volgorde": 0}, "volgorde", "Het eerste niveau boven de ontvanger is 1."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_changes_nothing(
    client: Client,
    beheerder: Gebruiker,
    soort: Soort,
    wijziging: dict[str, Any],
    veld: str,
    melding: str,
) -> None:
    voor = (soort.herinneringen, soort.termijn_aantal, list(soort.niveaus.values()))
    ingelogd(client, beheerder)

    response = client.post(_wijzig(soort), _formulier(soort, wijziging))

    assert response.status_code == 200  # the admin shows the form again
    assert melding in response.content.decode()
    soort.refresh_from_db()
    assert (soort.herinneringen, soort.termijn_aantal, list(soort.niveaus.values())) == voor
    assert _events("responsplicht.") == []


def test_a_level_cannot_be_removed(client: Client, beheerder: Gebruiker, soort: Soort) -> None:
    ingelogd(client, beheerder)
    html = client.get(_wijzig(soort)).content.decode()
    assert 'name="niveaus-0-DELETE"' not in html

    response = client.post(_wijzig(soort), _formulier(soort, {"niveaus-0-DELETE": "on"}))

    assert response.status_code == 302
    assert soort.niveaus.count() == 1


def test_the_code_cannot_be_changed(client: Client, beheerder: Gebruiker, soort: Soort) -> None:
    ingelogd(client, beheerder)
    response = client.post(_wijzig(soort), _formulier(soort, {"code": "iets-anders"}))
    assert response.status_code == 302
    soort.refresh_from_db()
    assert soort.code == "noodrem-test"


def test_beheerder_adds_a_kind(client: Client, beheerder: Gebruiker) -> None:
    ingelogd(client, beheerder)
    data = {
        "code": "proef",
        "naam": "Proefverzoek",
        "omschrijving": "",
        "termijn_aantal": 10,
        "termijn_eenheid": Termijneenheid.WERKDAGEN,
        "herinneringen": "[1, 3]",
        "max_verlenging_dagen": 0,
        "publicatie": Publicatie.VOLLEDIG,
        "niveaus-TOTAL_FORMS": 0,
        "niveaus-INITIAL_FORMS": 0,
        "niveaus-MIN_NUM_FORMS": 0,
        "niveaus-MAX_NUM_FORMS": 1000,
    }
    response = client.post(f"{LIJST}add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    soort = Soort.objects.get(code="proef")
    assert soort.herinneringen == [3, 1]
    [event] = _events("responsplicht.soort.")
    assert event.event == "responsplicht.soort.aangemaakt"


@pytest.mark.parametrize("rol", [Rol.BESTUUR, Rol.MEDEWERKER, Rol.AMBTELIJKE_TOP])
def test_other_roles_cannot_open_or_change_kinds(
    client: Client, organisatie: Organisatie, soort: Soort, rol: str
) -> None:
    persoon = persoon_met_rol(rol, None if rol == Rol.AMBTELIJKE_TOP else organisatie)
    ingelogd(client, persoon)
    assert client.get(LIJST).status_code == 403
    response = client.post(_wijzig(soort), _formulier(soort, {"termijn_aantal": 99}))
    assert response.status_code == 403
    soort.refresh_from_db()
    assert soort.termijn_aantal == 5
    assert _events("responsplicht.") == []


def test_requests_are_not_in_the_beheer_screen(client: Client, beheerder: Gebruiker) -> None:
    """Their content may be confidential and they change only through their moves."""
    ingelogd(client, beheerder)
    assert client.get("/beheer/responsplicht/reactieverzoek/").status_code == 404

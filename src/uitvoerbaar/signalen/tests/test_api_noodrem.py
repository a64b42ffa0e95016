"""The noodrem API (seed action U5) and the knelpunten list: pulled by a professional,
answered by the bestuur through the response duty API, never edited or deleted, and every
refusal changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.kennisbank.tests.factories import ArtikelFactory, RegelingFactory
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.models import Aanvulling, Noodrem

from .conftest import Wereld

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
LIJST = "/api/v1/noodremmen"
NOODREM = {
    "organisatie": "tu",
    "titel": "Stop automatische beslagleggingen",
    "schade": "Mensen raken onder het bestaansminimum.",
    "stoppen": "Het automatisch leggen van beslag.",
    "beginselen": ["abbb-evenredigheid"],
}
Meld = Callable[..., services.Melding]


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with time_machine.travel(dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC), tick=False):
        yield


def _client(user: Gebruiker | None = None) -> Client:
    return ingelogd(Client(), user) if user is not None else Client()


def _post(client: Client, pad: str, data: Any = None) -> Any:
    return client.post(pad, data, content_type="application/json")


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


def _fouten(body: dict[str, Any]) -> dict[str, str]:
    return {e["field"]: e["message"] for e in body["errors"]}


def _trek(wereld: Wereld, **kwargs: Any) -> Noodrem:
    velden: dict[str, Any] = {
        "door": wereld.medewerker,
        "organisatie": wereld.uitvoerder,
        "titel": NOODREM["titel"],
        "schade": NOODREM["schade"],
        "stoppen": NOODREM["stoppen"],
        "beginselen": [wereld.beginsel],
    }
    velden.update(kwargs)
    return services.pull_noodrem(**velden)


def test_a_professional_pulls_the_noodrem_and_the_board_must_answer_in_five_working_days(
    wereld: Wereld, meld: Meld
) -> None:
    regeling = RegelingFactory.create(code="invorderingswet")
    ArtikelFactory.create(regeling=regeling, nummer="12")
    signaal = meld().signaal
    data = {
        **NOODREM,
        "regeling": "invorderingswet",
        "artikel": "12",
        "eenheid": wereld.eenheid.pk,
        "signaal": signaal.pk,
    }
    response = _post(_client(wereld.medewerker), LIJST, data)
    assert response.status_code == 201, response.content
    body = response.json()
    noodrem = Noodrem.objects.get()
    assert body["id"] == str(noodrem.pk)
    assert response["Location"] == body["url"]
    assert body["url"].endswith(f"{LIJST}/{noodrem.pk}")
    assert (body["regeling"], body["artikel"], body["eenheid"], body["signaal"]) == (
        "invorderingswet",
        "12",
        "Team Toeslagen",
        signaal.pk,
    )
    assert body["beginselen"] == ["abbb-evenredigheid"]
    verzoek = body["verzoek"]
    assert (verzoek["status"], verzoek["niveau"], verzoek["uiterste_datum"]) == (
        "open",
        0,
        "2026-12-07",
    )
    assert verzoek["soort"]["code"] == "noodrem"
    assert verzoek["argumenten"] == ["Schade: Mensen raken onder het bestaansminimum."]
    assert verzoek["reacties"] == []
    assert verzoek["mogelijke_handelingen"] == ["intrekken"]
    # The bestuur sees it, with the moves it may make on the request.
    bestuur = _client(wereld.bestuur).get(body["url"]).json()
    assert {"pas-toe", "leg-uit"} <= set(bestuur["verzoek"]["mogelijke_handelingen"])


def test_the_list_is_for_who_pulled_and_who_must_answer(wereld: Wereld) -> None:
    noodrem = _trek(wereld)
    for user in (wereld.medewerker, wereld.bestuur):
        response = _client(user).get(LIJST)
        assert response.status_code == 200, response.content
        (rij,) = response.json()["results"]
        assert rij["id"] == str(noodrem.pk)
        assert (rij["verzoek"]["status"], rij["verzoek"]["te_laat"]) == ("open", False)
    # The ministry's top only once it escalates; another organisation never.
    assert _client(wereld.top).get(LIJST).json()["results"] == []
    assert _client(wereld.behandelaar_andere).get(LIJST).json()["results"] == []
    # Wrong role and no login.
    problem(_client(wereld.vertrouwenspersoon).get(LIJST), 403)
    problem(_client().get(LIJST), 403)


def test_detail_is_404_for_those_not_concerned(wereld: Wereld) -> None:
    noodrem = _trek(wereld)
    pad = f"{LIJST}/{noodrem.pk}"
    body = problem(_client(wereld.behandelaar_andere).get(pad), 404)
    assert body["detail"] == "Dit bestaat niet, of u hebt er geen toegang toe."
    problem(_client(wereld.top).get(pad), 404)
    problem(_client(wereld.medewerker).get(f"{LIJST}/00000000-0000-0000-0000-000000000000"), 404)
    problem(_client().get(pad), 403)


def test_pulling_is_refused_to_the_wrong_role_and_outside_ones_organisation(
    wereld: Wereld,
) -> None:
    problem(_post(_client(wereld.bestuur), LIJST, NOODREM), 403)
    problem(_post(_client(), LIJST, NOODREM), 403)
    body = problem(_post(_client(wereld.medewerker), LIJST, {**NOODREM, "organisatie": "au"}), 400)
    assert _fouten(body) == {
        "organisatie": (
            "U kunt alleen aan de noodrem trekken in een organisatie waar u als professional werkt."
        )
    }
    assert not Noodrem.objects.exists()


@pytest.mark.parametrize(
    ("wijziging", "fouten"),
    [
        (
            {"beginselen": [], "schade": " ", "stoppen": ""},
            {
                "beginselen": (
                    "Kies ten minste één beginsel van behoorlijk bestuur dat in gevaar is."
                ),
                "schade": "Beschrijf welke schade ontstaat.",
                "stoppen": "Schrijf op wat nu moet stoppen.",
            },
        ),
        (
            {"beginselen": ["bestaat-niet"], "organisatie": "nergens", "id": "x"},
            {
                "beginselen": "Er is geen beginsel met de code bestaat-niet.",
                "organisatie": "Er is geen organisatie met de korte naam nergens.",
                "id": "Dit veld bestaat niet. Laat het weg.",
            },
        ),
        (
            {"titel": "Bel 06-12345678"},
            {"titel": None},
        ),
        (
            {"signaal": 999999},
            {"signaal": "U kunt alleen een signaal koppelen dat u kunt inzien."},
        ),
    ],
)
def test_bad_input_gets_a_dutch_message_per_field_and_creates_nothing(
    wereld: Wereld, wijziging: dict[str, Any], fouten: dict[str, str | None]
) -> None:
    data = {**NOODREM, **wijziging}
    for sleutel in [k for k, v in data.items() if v is None]:
        del data[sleutel]
    body = problem(_post(_client(wereld.medewerker), LIJST, data), 400)
    gekregen = _fouten(body)
    assert set(gekregen) == set(fouten)
    for veld, melding in fouten.items():
        assert gekregen[veld] == melding if melding else gekregen[veld]
    assert not Noodrem.objects.exists()
    assert not AuditEvent.objects.filter(event="noodrem.getrokken").exists()


@pytest.mark.parametrize("methode", ["put", "patch", "delete"])
def test_a_noodrem_is_never_edited_or_deleted(wereld: Wereld, methode: str) -> None:
    noodrem = _trek(wereld)
    pad = f"{LIJST}/{noodrem.pk}"
    for user in (wereld.medewerker, wereld.bestuur):
        response = getattr(_client(user), methode)(
            pad, {"titel": "anders"}, content_type="application/json"
        )
        problem(response, 405)
    noodrem.refresh_from_db()
    assert noodrem.titel == NOODREM["titel"]
    assert Noodrem.objects.count() == 1


def test_what_follows_is_added_and_the_answer_comes_through_the_request(
    wereld: Wereld,
) -> None:
    noodrem = _trek(wereld)
    pad = f"{LIJST}/{noodrem.pk}"
    response = _post(
        _client(wereld.medewerker), f"{pad}/aanvullingen", {"tekst": "Het gebeurt nog steeds."}
    )
    assert response.status_code == 201, response.content
    (aanvulling,) = response.json()["aanvullingen"]
    assert aanvulling["tekst"] == "Het gebeurt nog steeds."
    body = problem(_post(_client(wereld.medewerker), f"{pad}/aanvullingen", {"tekst": ""}), 400)
    assert _fouten(body) == {"tekst": "Schrijf uw aanvulling."}
    problem(_post(_client(wereld.behandelaar_andere), f"{pad}/aanvullingen", {"tekst": "x"}), 404)
    assert Aanvulling.objects.count() == 1

    # The bestuur explains through the response duty API; the noodrem shows the answer.
    leg_uit = {
        "redenen": "De wet schrijft het voor.",
        "beginselen": ["abbb-evenredigheid"],
        "antwoorden": ["We monitoren het bestaansminimum."],
    }
    verzoek_pad = f"/api/v1/reactieverzoeken/{noodrem.verzoek_id}"
    response = _post(_client(wereld.bestuur), f"{verzoek_pad}/leg-uit", leg_uit)
    assert response.status_code == 200, response.content
    data = _client(wereld.medewerker).get(pad).json()
    assert data["verzoek"]["status"] == "beantwoord"
    (reactie,) = data["verzoek"]["reacties"]
    assert (reactie["soort"], reactie["redenen"]) == ("leg_uit", "De wet schrijft het voor.")
    assert "onvoldoende" in data["verzoek"]["mogelijke_handelingen"]
    # The professional calls it insufficient once: it escalates to the ministry's top.
    response = _post(
        _client(wereld.medewerker), f"{verzoek_pad}/onvoldoende", {"reden": "Lost niets op."}
    )
    assert response.status_code == 200, response.content
    top = _client(wereld.top)
    assert [r["id"] for r in top.get(LIJST).json()["results"]] == [str(noodrem.pk)]
    data = top.get(pad).json()
    assert (data["verzoek"]["status"], data["verzoek"]["niveau"]) == ("geescaleerd", 1)


def test_knelpunten_for_the_handlers_of_the_organisation(wereld: Wereld, meld: Meld) -> None:
    regeling = RegelingFactory.create(code="wet-kinderopvang")
    signaal = meld(regeling=regeling).signaal
    services.create_knelpunt(
        door=wereld.behandelaar,
        organisatie=wereld.uitvoerder,
        regeling=regeling,
        artikel=None,
        naam="Terugvordering bij kleine fouten",
        omschrijving="",
        signalen=[signaal],
    )
    response = _client(wereld.behandelaar).get("/api/v1/knelpunten")
    assert response.status_code == 200, response.content
    (rij,) = response.json()["results"]
    assert (rij["naam"], rij["regeling"], rij["aantal_signalen"], rij["status"]) == (
        "Terugvordering bij kleine fouten",
        "wet-kinderopvang",
        1,
        "open",
    )
    assert _client(wereld.behandelaar_andere).get("/api/v1/knelpunten").json()["results"] == []
    problem(_client(wereld.medewerker).get("/api/v1/knelpunten"), 403)


def test_the_list_takes_the_same_number_of_queries_whatever_its_length(wereld: Wereld) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(wereld.bestuur)

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIJST).status_code == 200
        return len(queries)

    _trek(wereld, eenheid=wereld.eenheid)
    tel()  # the first request of a session reads more (device, memberships)
    voor = tel()
    for _ in range(4):
        _trek(wereld, eenheid=wereld.eenheid)
    assert tel() == voor <= 8

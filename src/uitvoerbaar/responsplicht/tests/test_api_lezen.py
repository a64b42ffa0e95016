"""The response duty API, reading: the list with its filters and query budget, one request
with its levels, answers and timeline, notifications and the public kinds. Those not
concerned get 404 and never learn that a request exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import GebruikerFactory, OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import services
from uitvoerbaar.responsplicht.laden import load_soorten
from uitvoerbaar.responsplicht.models import Melding, Reactieverzoek, Soort

from .conftest import Wereld
from .factories import SoortFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
MAANDAG = dt.date(2027, 3, 1)
Maak = Callable[..., Reactieverzoek]
LIJST = "/api/v1/reactieverzoeken"


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def _detail(verzoek: Reactieverzoek) -> str:
    return f"{LIJST}/{verzoek.pk}"


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


def _ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [r["id"] for r in response.json()["results"]]


def _leg_uit(verzoek: Reactieverzoek, door: Any, beginsel: Beginsel) -> None:
    services.answer_leg_uit(
        verzoek=verzoek,
        door=door,
        redenen="De wet laat geen ruimte.",
        beginselen=[beginsel],
        antwoorden=["Wij zoeken een regeling.", "Die ruimte is er niet."],
    )


# --- the list ---


def test_list_shows_requests_to_the_responsible_and_the_requester_only(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    assert _ids(ingelogd(client, wereld.bestuur).get(LIJST)) == [verzoek.pk]
    assert _ids(ingelogd(Client(), wereld.medewerker).get(LIJST)) == [verzoek.pk]
    # Same organisation, another role; another organisation's board; the ministry before
    # the request reached it.
    assert _ids(ingelogd(Client(), wereld.behandelaar).get(LIJST)) == []
    assert _ids(ingelogd(Client(), wereld.bestuur_andere).get(LIJST)) == []
    assert _ids(ingelogd(Client(), wereld.top).get(LIJST)) == []


def test_list_row_has_the_deadline_level_and_responsible(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    rij = ingelogd(client, wereld.bestuur).get(LIJST).json()["results"][0]
    assert rij["kenmerk"] == f"RV-{verzoek.pk:06d}"
    assert rij["url"] == f"http://testserver{_detail(verzoek)}"
    assert rij["soort"] == {"code": "test-noodrem", "naam": "Test-noodrem"}
    assert rij["onderwerp"] == {"type": "test.casus", "id": "1", "titel": "Casus 1", "url": ""}
    assert rij["status"] == "open"
    assert rij["niveau"] == 0
    assert rij["uiterste_datum"] == "2027-03-08"
    assert rij["te_laat"] is False
    assert rij["verantwoordelijke_organisatie"]["slug"] == "tu"
    assert rij["verantwoordelijke_rol"] == "bestuur"
    assert rij["verzoeker_organisatie"]["slug"] == "tu"
    # Persons are not in the API: a requester may be a reporter whose identity is protected.
    assert "medewerker" not in str(rij)
    assert "verzoeker" not in rij


def test_escalated_request_is_visible_to_the_next_level_and_still_to_the_first(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    assert services.process_due_request(verzoek_id=verzoek.pk, vandaag_=dt.date(2027, 3, 9))
    assert _ids(ingelogd(client, wereld.top).get(LIJST)) == [verzoek.pk]
    assert _ids(ingelogd(Client(), wereld.bestuur).get(LIJST)) == [verzoek.pk]
    rij = ingelogd(Client(), wereld.top).get(LIJST).json()["results"][0]
    assert (rij["status"], rij["niveau"]) == ("geescaleerd", 1)
    assert rij["verantwoordelijke_organisatie"]["slug"] == "mvt"


def test_requester_role_makes_everyone_in_it_a_requester(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    collega = persoon_met_rol(Rol.MEDEWERKER, wereld.uitvoerder, username="collega")
    zonder_rol = maak_verzoek()
    met_rol = maak_verzoek(verzoeker_rol=Rol.MEDEWERKER)
    assert _ids(ingelogd(client, collega).get(LIJST)) == [met_rol.pk]
    assert zonder_rol.pk not in _ids(ingelogd(Client(), collega).get(f"{LIJST}?rol=vrager"))


def test_filters(client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel) -> None:
    andere_soort = SoortFactory.create(code="andere-soort", naam="Andere soort")
    te_laat = maak_verzoek(start=MAANDAG - dt.timedelta(days=20))
    beantwoord = maak_verzoek()
    _leg_uit(beantwoord, wereld.bestuur, beginsel)
    anders = maak_verzoek(soort=andere_soort)
    elders = maak_verzoek(ontvanger_organisatie=wereld.andere, verzoeker_rol=Rol.MEDEWERKER)
    ingelogd(client, wereld.medewerker)

    def ids(query: str) -> set[int]:
        return set(_ids(client.get(f"{LIJST}?{query}")))

    alle = {te_laat.pk, beantwoord.pk, anders.pk, elders.pk}
    assert ids("") == alle
    assert ids("status=beantwoord") == {beantwoord.pk}
    assert ids("status=open") == {te_laat.pk, anders.pk, elders.pk}
    assert ids("soort=andere-soort") == {anders.pk}
    assert ids("soort=bestaat-niet") == set()
    assert ids("organisatie=au") == {elders.pk}
    assert ids("organisatie=tu") == alle - {elders.pk}
    assert ids("te_laat=true") == {te_laat.pk}
    assert ids("te_laat=false") == alle - {te_laat.pk}
    assert ids("te_laat=true&organisatie=au") == set()
    assert ids("rol=vrager") == alle
    assert ids("rol=ontvanger") == set()
    assert set(_ids(ingelogd(Client(), wereld.bestuur).get(f"{LIJST}?rol=ontvanger"))) == (
        alle - {elders.pk}
    )


def test_overdue_request_row_says_te_laat(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek(start=MAANDAG - dt.timedelta(days=20))
    rij = ingelogd(client, wereld.bestuur).get(f"{LIJST}?te_laat=true").json()["results"]
    assert [(r["id"], r["te_laat"]) for r in rij] == [(verzoek.pk, True)]


@pytest.mark.parametrize(
    ("query", "veld", "melding"),
    [
        ("status=klaar", "status", "Kies een status uit de lijst."),
        ("te_laat=misschien", "te_laat", "Gebruik true of false."),
        ("rol=baas", "rol", "Kies ontvanger of vrager."),
    ],
)
def test_bad_filter_is_400_with_a_dutch_message(
    client: Client, wereld: Wereld, query: str, veld: str, melding: str
) -> None:
    body = problem(ingelogd(client, wereld.bestuur).get(f"{LIJST}?{query}"), 400)
    assert body["errors"] == [{"field": veld, "message": melding}]


def test_list_is_paginated(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    for _ in range(3):
        maak_verzoek()
    data = ingelogd(client, wereld.bestuur).get(LIJST).json()
    assert data["count"] == 3 and data["count_begrensd"] is False
    assert set(data) == {"count", "count_begrensd", "next", "previous", "results"}


def _queries(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(pad)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow_with_rows(wereld: Wereld, maak_verzoek: Maak) -> None:
    client = ingelogd(Client(), wereld.bestuur)
    for _ in range(10):
        maak_verzoek()
    assert len(_ids(client.get(LIJST))) == 10
    tien = _queries(client, LIJST)
    # Forty more, with other requester organisations, half of them escalated to the ministry
    # (another responsible organisation and an extra level each).
    for i in range(40):
        verzoek = maak_verzoek(verzoeker_organisatie=wereld.andere if i % 2 else wereld.uitvoerder)
        if i % 2:
            services.process_due_request(verzoek_id=verzoek.pk, vandaag_=dt.date(2027, 3, 9))
    assert len(_ids(client.get(LIJST))) == 50
    assert _queries(client, LIJST) == tien


def test_list_refuses_anonymous_with_problem(client: Client, wereld: Wereld) -> None:
    response = client.get(LIJST)
    assert response.status_code in {401, 403}
    assert problem(response, response.status_code)["title"] == "Niet ingelogd"


def test_list_refuses_a_person_without_any_role(client: Client, wereld: Wereld) -> None:
    client.force_login(GebruikerFactory.create())
    problem(client.get(LIJST), 403)


# --- one request ---


def test_detail_has_levels_answers_with_principles_and_timeline(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    services.process_due_request(verzoek_id=verzoek.pk, vandaag_=dt.date(2027, 3, 9))
    with time_machine.travel(dt.datetime(2027, 3, 9, 10, 0, tzinfo=dt.UTC), tick=False):
        _leg_uit(verzoek, wereld.top, beginsel)
        data = ingelogd(client, wereld.medewerker).get(_detail(verzoek)).json()
    assert data["vraag"] == "Stop de automatische terugvordering bij kleine fouten."
    assert data["argumenten"] == ["Het raakt vooral mensen met schulden.", "De wet laat ruimte."]
    assert data["status"] == "beantwoord"
    assert [
        (v["niveau"], v["naam"], v["organisatie"]["slug"], v["rol"], v["uiterste_datum"])
        for v in data["verantwoordelijken"]
    ] == [
        (0, "Ontvanger", "tu", "bestuur", "2027-03-08"),
        (1, "Ambtelijke top", "mvt", "ambtelijke_top", "2027-03-19"),
    ]
    (reactie,) = data["reacties"]
    assert reactie["soort"] == "leg_uit"
    assert reactie["niveau"] == 1
    assert reactie["namens_organisatie"]["slug"] == "mvt"
    assert reactie["beginselen"] == ["abbb-evenredigheid"]
    assert reactie["antwoorden"] == ["Wij zoeken een regeling.", "Die ruimte is er niet."]
    assert reactie["redenen"] == "De wet laat geen ruimte."
    assert reactie["controle"] is None
    assert reactie["te_laat"] is False
    assert [r["event"] for r in data["tijdlijn"]] == [
        "reactieverzoek.aangemaakt",
        "reactieverzoek.laten_verlopen",
        "reactieverzoek.escaleren",
        "reactieverzoek.beantwoorden",
    ]
    omschrijvingen = [r["omschrijving"] for r in data["tijdlijn"]]
    assert omschrijvingen[0] == "Verzoek gesteld; antwoord uiterlijk 8 maart 2027"
    assert omschrijvingen[2] == (
        "Geëscaleerd naar Ambtelijke top (Ministerie van Test), uiterlijk 19 maart 2027, "
        "omdat de termijn verstreek"
    )
    assert omschrijvingen[3] == "Beantwoord met leg uit"
    assert data["tijdlijn"][3]["data"]["beginselen"] == ["abbb-evenredigheid"]
    # The requester may now judge the explanation.
    assert data["mogelijke_handelingen"] == ["aanvaarden", "onvoldoende"]


def test_timeline_leaves_out_who_did_it(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    jansen = persoon_met_rol(
        Rol.BESTUUR, wereld.uitvoerder, username="j.jansen", gebruiker__last_name="Jansen"
    )
    verzoek = maak_verzoek()
    services.suspend(verzoek=verzoek, door=jansen, reden="Wij wachten op de wet.")
    response = ingelogd(client, wereld.bestuur).get(_detail(verzoek))
    data = response.json()
    assert data["tijdlijn"][-1]["event"] == "reactieverzoek.opschorten"
    assert data["tijdlijn"][-1]["omschrijving"] == "Termijn opgeschort"
    assert data["tijdlijn"][-1]["toelichting"] == "Wij wachten op de wet."
    assert "jansen" not in response.content.decode().lower()
    for regel in data["tijdlijn"]:
        assert set(regel) == {"tijdstip", "event", "omschrijving", "toelichting", "data"}


def test_detail_lists_the_moves_of_the_responsible(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    data = ingelogd(client, wereld.bestuur).get(_detail(verzoek)).json()
    assert data["mogelijke_handelingen"] == [
        "pas-toe",
        "leg-uit",
        "opschorten",
        "verlengen",
        "openbaarheid-weigeren",
    ]
    data = ingelogd(Client(), wereld.medewerker).get(_detail(verzoek)).json()
    assert data["mogelijke_handelingen"] == ["intrekken"]


@pytest.mark.parametrize("wie", ["behandelaar", "bestuur_andere", "top"])
def test_detail_is_404_for_those_not_concerned(
    client: Client, wereld: Wereld, maak_verzoek: Maak, wie: str
) -> None:
    verzoek = maak_verzoek()
    response = ingelogd(client, getattr(wereld, wie)).get(_detail(verzoek))
    body = problem(response, 404)
    onbekend = problem(ingelogd(Client(), getattr(wereld, wie)).get(f"{LIJST}/999999"), 404)
    # Not concerned and not existing look the same.
    assert body == onbekend
    assert body["detail"] == "Dit verzoek bestaat niet, of u hebt er geen toegang toe."
    assert "Casus 1" not in response.content.decode()


def test_detail_refuses_anonymous(client: Client, maak_verzoek: Maak) -> None:
    response = client.get(_detail(maak_verzoek()))
    assert response.status_code in {401, 403}
    assert problem(response, response.status_code)["title"] == "Niet ingelogd"


def test_detail_query_count_does_not_grow_with_answers_and_events(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    client = ingelogd(Client(), wereld.medewerker)
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    weinig = _queries(client, _detail(verzoek))
    services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden="Te kort door de bocht.")
    services.answer_pas_toe(
        verzoek=verzoek,
        door=wereld.top,
        maatregel="Wij passen de werkinstructie aan.",
        eigenaar="Directie Uitvoering",
        datum=dt.date(2027, 4, 1),
    )
    veel = _queries(client, _detail(verzoek))
    assert veel == weinig


# --- notifications ---


def test_meldingen_are_the_persons_own(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    data = ingelogd(client, wereld.bestuur).get("/api/v1/meldingen").json()
    (melding,) = data["results"]
    assert melding["verzoek"] == verzoek.pk
    assert melding["tekst"].startswith(f"RV-{verzoek.pk:06d} Casus 1: nieuw verzoek")
    assert melding["gelezen"] is False
    assert ingelogd(Client(), wereld.behandelaar).get("/api/v1/meldingen").json()["count"] == 0


def test_melding_gelezen_marks_own_once_and_refuses_others(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    maak_verzoek()
    melding = Melding.objects.get(ontvanger=wereld.bestuur)
    pad = f"/api/v1/meldingen/{melding.pk}/gelezen"
    body = problem(
        ingelogd(Client(), wereld.behandelaar).post(pad, content_type="application/json"), 404
    )
    assert body["detail"] == "Deze melding bestaat niet, of is niet voor u."
    melding.refresh_from_db()
    assert melding.gelezen_op is None

    ingelogd(client, wereld.bestuur)
    eerst = client.post(pad, content_type="application/json")
    assert eerst.status_code == 200 and eerst.json()["gelezen"] is True
    tweede = client.post(pad, content_type="application/json")
    assert tweede.json()["gelezen_op"] == eerst.json()["gelezen_op"]
    assert client.get("/api/v1/meldingen?ongelezen=true").json()["count"] == 0
    assert client.get("/api/v1/meldingen?ongelezen=false").json()["count"] == 1
    problem(client.get("/api/v1/meldingen?ongelezen=soms"), 400)
    problem(client.post(pad, {"alles": True}, content_type="application/json"), 400)


def test_meldingen_refuse_anonymous(client: Client) -> None:
    response = client.get("/api/v1/meldingen")
    assert response.status_code in {401, 403}
    problem(response, response.status_code)


# --- kinds (public) ---


def test_soorten_are_public_with_term_and_ladder(client: Client, db: None) -> None:
    OrganisatieFactory.create(slug="kamer", naam="Tweede Kamer", soort="parlement")
    load_soorten()
    response = client.get("/api/v1/soorten")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == Soort.objects.count() == 8
    noodrem = next(s for s in data["results"] if s["code"] == "noodrem")
    assert (noodrem["termijn_aantal"], noodrem["termijn_eenheid"]) == (5, "werkdagen")
    assert noodrem["publicatie"] == "antwoord"
    assert [(n["volgorde"], n["organisatie_bron"], n["rol"]) for n in noodrem["niveaus"]] == [
        (1, "eigenaar_ministerie", "ambtelijke_top")
    ]
    teruggave = next(s for s in data["results"] if s["code"] == "teruggave-opdracht")
    assert teruggave["niveaus"][-1]["vaste_organisatie"]["slug"] == "kamer"


def test_soorten_query_count_is_fixed(client: Client, db: None) -> None:
    SoortFactory.create()
    weinig = _queries(client, "/api/v1/soorten")
    for _ in range(5):
        SoortFactory.create()
    assert _queries(client, "/api/v1/soorten") == weinig

"""The parlement API: kamervragen (list, create, detail) and contactmomenten (list, create,
detail, change, held, cancelled, report, publish), the open data under /api/v1/openbaar/, and
every refusal as problem+json with a Dutch message per field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.responsplicht import services as rp

from ..constants import Contactstatus, Kamervraagstatus
from ..models import Contactmoment, Kamervraag
from .conftest import Wereld, events, tijdstip

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
JSON = "application/json"


def _velden(response: Any) -> dict[str, str]:
    assert response["Content-Type"].startswith(PROBLEM), response.content
    return {e["field"]: e["message"] for e in response.json().get("errors", [])}


def _vraag_data(wereld: Wereld, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "parlement": "tk",
        "commissie": wereld.commissie.pk,
        "uitvoerder": "tu",
        "titel": "Inkomenstoets",
        "vraag": "Hoe werkt de inkomenstoets uit aan de balie?",
    }
    data.update(extra)
    return data


# --- kamervragen -------------------------------------------------------------------------------


def test_a_member_asks_lists_and_reads_through_the_api(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.kamerlid)
    response = client.post("/api/v1/kamervragen", _vraag_data(wereld), content_type=JSON)
    assert response.status_code == 201, response.content
    body = response.json()
    vraag = Kamervraag.objects.get()
    assert body["id"] == vraag.pk and body["kenmerk"] == vraag.kenmerk
    assert body["status"] == Kamervraagstatus.GESTELD and body["verzoek"] == vraag.verzoek_id
    assert body["uitvoerder"]["slug"] == "tu" and body["commissie"] == "Commissie Werk"
    assert [v["id"] for v in client.get("/api/v1/kamervragen").json()["results"]] == [vraag.pk]
    assert client.get(f"/api/v1/kamervragen/{vraag.pk}").json()["vraag"].startswith("Hoe werkt")


def test_the_executor_answers_on_the_engine_and_the_api_shows_the_answer(
    client: Client, wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    ingelogd(client, wereld.behandelaar)
    response = client.post(
        f"/api/v1/reactieverzoeken/{vraag.verzoek_id}/leg-uit",
        {"redenen": "Drie peildata.", "beginselen": ["abbb-evenredigheid"]},
        content_type=JSON,
    )
    assert response.status_code == 200, response.content
    body = client.get(f"/api/v1/kamervragen/{vraag.pk}").json()
    assert body["status"] == Kamervraagstatus.BEANTWOORD
    assert [(a["soort"], a["tekst"]) for a in body["antwoorden"]] == [("leg_uit", "Drie peildata.")]


@pytest.mark.parametrize(
    ("extra", "veld"),
    [
        ({"vraag": "Bel 06-12345678 voor details."}, "vraag"),
        ({"titel": ""}, "titel"),
        ({"uitvoerder": "bestaat-niet"}, "uitvoerder"),
        ({"uitvoerder": "mvt"}, "uitvoerder"),
        ({"regeling": "onbekend"}, "regeling"),
        ({"commissie": 999_999}, "commissie"),
        ({"beleidsvoorstel": 999_999}, "beleidsvoorstel"),
    ],
)
def test_bad_input_is_problem_json_per_field_and_changes_nothing(
    client: Client, wereld: Wereld, extra: dict[str, Any], veld: str
) -> None:
    ingelogd(client, wereld.griffie)
    response = client.post("/api/v1/kamervragen", _vraag_data(wereld, **extra), content_type=JSON)
    assert response.status_code == 400
    assert veld in _velden(response)
    assert not Kamervraag.objects.exists() and events("kamervraag.") == []


@pytest.mark.parametrize("wie", ["behandelaar", "bestuur", "beleidsmaker", "kamerlid_elders"])
def test_who_may_not_ask_gets_403(client: Client, wereld: Wereld, wie: str) -> None:
    ingelogd(client, getattr(wereld, wie))
    response = client.post("/api/v1/kamervragen", _vraag_data(wereld), content_type=JSON)
    assert response.status_code == 403
    assert response["Content-Type"].startswith(PROBLEM)
    assert not Kamervraag.objects.exists()


def test_anonymous_and_strangers_cannot_read_questions(
    client: Client, wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    assert client.get("/api/v1/kamervragen").status_code == 403
    ingelogd(client, wereld.behandelaar_andere)
    assert client.get("/api/v1/kamervragen").json()["results"] == []
    response = client.get(f"/api/v1/kamervragen/{vraag.pk}")
    assert response.status_code == 404 and response["Content-Type"].startswith(PROBLEM)
    ingelogd(client, wereld.medewerker)
    assert client.get(f"/api/v1/kamervragen/{vraag.pk}").status_code == 403


def test_open_data_lists_answered_and_silent_questions_with_stable_ids(
    client: Client, wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    beantwoord = maak_vraag(titel="Beantwoord")
    maak_vraag(titel="Nog open")
    stil = maak_vraag(titel="Stil", uitvoerder=wereld.andere_uitvoerder)
    assert beantwoord.verzoek is not None and stil.verzoek is not None
    rp.answer_leg_uit(
        verzoek=beantwoord.verzoek,
        door=wereld.behandelaar,
        redenen="Het antwoord.",
        beginselen=[wereld.beginsel],
    )
    # Silence past the last level (handlers, then the board).
    import datetime as dt

    verzoek = stil.verzoek
    rp.process_due_request(
        verzoek_id=verzoek.pk, vandaag_=verzoek.uiterste_datum + dt.timedelta(days=1)
    )
    verzoek.refresh_from_db()
    rp.process_due_request(
        verzoek_id=verzoek.pk, vandaag_=verzoek.uiterste_datum + dt.timedelta(days=1)
    )
    body = client.get("/api/v1/openbaar/kamervragen").json()
    assert body["count"] == 2
    per_id = {r["id"]: r for r in body["results"]}
    assert per_id[beantwoord.pk]["antwoord"] == "Het antwoord."
    assert per_id[stil.pk]["status"] == Kamervraagstatus.ONBEANTWOORD
    assert per_id[stil.pk]["antwoord"] == ""
    assert client.get(f"/api/v1/openbaar/kamervragen/{beantwoord.pk}").json()["id"] == beantwoord.pk
    assert client.get("/api/v1/openbaar/kamervragen?uitvoerder=au").json()["count"] == 1


# --- contactmomenten ---------------------------------------------------------------------------


def _moment_data(wereld: Wereld, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "soort": "werkbezoek",
        "titel": "Werkbezoek balie",
        "parlement": "tk",
        "uitvoerders": ["tu"],
        "begint_op": tijdstip(5).isoformat(),
        "locatie": "Kantoor Noord",
        "onderwerpen": "Terugvorderingen.",
        "regelingen": [],
        "deelnemers": [wereld.kamerlid.pk],
    }
    data.update(extra)
    return data


def test_a_contact_moment_through_its_whole_life_in_the_api(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.griffie)
    response = client.post("/api/v1/contactmomenten", _moment_data(wereld), content_type=JSON)
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["deelnemers"] == [str(wereld.kamerlid)]
    url = f"/api/v1/contactmomenten/{pk}"
    gewijzigd = client.put(url, _moment_data(wereld, titel="Werkbezoek Noord"), content_type=JSON)
    assert gewijzigd.status_code == 200 and gewijzigd.json()["titel"] == "Werkbezoek Noord"
    te_vroeg = client.post(f"{url}/gehouden", content_type=JSON)
    assert te_vroeg.status_code == 400 and "nog niet begonnen" in te_vroeg.json()["detail"]
    Contactmoment.objects.filter(pk=pk).update(begint_op=tijdstip(-1))
    assert client.post(f"{url}/gehouden", content_type=JSON).json()["status"] == "gehouden"
    leeg = client.put(f"{url}/verslag", {"verslag": ""}, content_type=JSON)
    assert leeg.status_code == 400 and "verslag" in _velden(leeg)
    assert (
        client.put(f"{url}/verslag", {"verslag": "Goed bezoek."}, content_type=JSON).status_code
        == 200
    )
    gepubliceerd = client.post(f"{url}/verslag/publiceren", content_type=JSON)
    assert gepubliceerd.status_code == 200 and gepubliceerd.json()["verslag_openbaar"] is True
    assert client.post(f"{url}/annuleren", {"reden": "x"}, content_type=JSON).status_code == 400
    openbaar = client.get("/api/v1/openbaar/contactmomenten").json()
    assert [(r["id"], r["verslag"]) for r in openbaar["results"]] == [(pk, "Goed bezoek.")]
    assert "deelnemers" not in openbaar["results"][0]
    assert events("contactmoment.") == [
        "contactmoment.gepland",
        "contactmoment.gewijzigd",
        "contactmoment.gehouden",
        "contactmoment.verslag_opgeslagen",
        "contactmoment.verslag_gepubliceerd",
    ]


@pytest.mark.parametrize(
    ("extra", "veld"),
    [
        ({"soort": "borrel"}, "soort"),
        ({"begint_op": "morgen"}, "begint_op"),
        ({"uitvoerders": []}, "uitvoerders"),
        ({"onderwerpen": "Zie jan@example.org"}, "onderwerpen"),
        ({"deelnemers": [999_999]}, "deelnemers"),
        ({"locatie": "", "online": False}, "locatie"),
    ],
)
def test_bad_planning_is_problem_json_per_field(
    client: Client, wereld: Wereld, extra: dict[str, Any], veld: str
) -> None:
    ingelogd(client, wereld.griffie)
    response = client.post(
        "/api/v1/contactmomenten", _moment_data(wereld, **extra), content_type=JSON
    )
    assert response.status_code == 400
    assert veld in _velden(response)
    assert not Contactmoment.objects.exists()


@pytest.mark.parametrize("wie", ["kamerlid", "behandelaar", "medewerker"])
def test_who_may_not_plan_gets_403(client: Client, wereld: Wereld, wie: str) -> None:
    ingelogd(client, getattr(wereld, wie))
    response = client.post("/api/v1/contactmomenten", _moment_data(wereld), content_type=JSON)
    assert response.status_code == 403 and response["Content-Type"].startswith(PROBLEM)
    assert not Contactmoment.objects.exists()


def test_the_board_of_another_executor_cannot_see_or_cancel(
    client: Client, wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment()
    ingelogd(client, wereld.bestuur_andere)
    assert client.get(f"/api/v1/contactmomenten/{moment.pk}").status_code == 404
    response = client.post(
        f"/api/v1/contactmomenten/{moment.pk}/annuleren", {"reden": "x"}, content_type=JSON
    )
    assert response.status_code == 404
    assert client.get("/api/v1/contactmomenten").json()["results"] == []
    ingelogd(client, wereld.kamerlid)
    assert client.get(f"/api/v1/contactmomenten/{moment.pk}").status_code == 200
    response = client.post(
        f"/api/v1/contactmomenten/{moment.pk}/annuleren", {"reden": "x"}, content_type=JSON
    )
    assert response.status_code == 403
    moment.refresh_from_db()
    assert moment.status == Contactstatus.GEPLAND

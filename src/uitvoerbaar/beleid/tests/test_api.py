"""The beleid API: public reads of proposals and published toetsen, the gate's moves and the
teruggave as an action, each refusal as problem+json with a Dutch message."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from uitvoerbaar.conftest import ingelogd

from .. import services
from ..constants import Opdrachtstatus, Teruggavereden
from ..models import Beleidsvoorstel, Opdracht, Teruggave, Uitvoeringstoets
from .conftest import Wereld

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def test_proposals_and_published_toetsen_are_public(
    client: Client,
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    b = services.add_belofte(voorstel=voorstel, door=wereld.beleidsmaker, soort="wel", tekst="X.")
    toets = maak_toets(voorstel, bevindingen={b.pk: ("niet_haalbaar", "Kan niet.")})
    maak_toets(
        voorstel, organisatie=wereld.gemeente, door=wereld.behandelaar_gemeente, publiceren=False
    )
    lijst = client.get("/api/v1/beleidsvoorstellen").json()
    assert lijst["results"][0]["niet_haalbare_beloften"] == 1
    detail = client.get(f"/api/v1/beleidsvoorstellen/{voorstel.pk}").json()
    assert [s["naam"] for s in detail["stappen"]][:2] == ["Verkenning", "Probleemanalyse"]
    assert detail["beloften"][0]["niet_waar_te_maken"] is True
    assert detail["uitvoeringstoetsen"] == [toets.pk]
    toetsen = client.get("/api/v1/uitvoeringstoetsen").json()["results"]
    assert [t["id"] for t in toetsen] == [toets.pk]  # the draft is not there
    assert toetsen[0]["voorwaarden"][0]["verzoek"].startswith("RV-")
    concept = Uitvoeringstoets.objects.get(status="concept")
    response = client.get(f"/api/v1/uitvoeringstoetsen/{concept.pk}")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM


def test_the_gate_in_the_api(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    url = f"/api/v1/beleidsvoorstellen/{voorstel.pk}"
    ingelogd(client, wereld.beleidsmaker)
    assert client.post(f"{url}/volgende-stap", content_type="application/json").status_code == 200
    geweigerd = client.post(f"{url}/volgende-stap", content_type="application/json")
    assert geweigerd.status_code == 400 and geweigerd["Content-Type"] == PROBLEM
    assert "Inbreng ontbreekt" in geweigerd.json()["detail"]
    leeg = client.post(
        f"{url}/zonder-inbreng",
        {"organisatie": "tu", "uitleg": ""},
        content_type="application/json",
    )
    assert leeg.status_code == 400
    assert leeg.json()["errors"][0]["field"] == "uitleg"
    onbekend = client.post(
        f"{url}/zonder-inbreng",
        {"organisatie": "au", "uitleg": "X"},
        content_type="application/json",
    )
    assert onbekend.status_code == 404
    for slug in ("tu", "testdorp"):
        ok = client.post(
            f"{url}/zonder-inbreng",
            {"organisatie": slug, "uitleg": "Haast."},
            content_type="application/json",
        )
        assert ok.status_code == 200
    data = client.post(f"{url}/volgende-stap", content_type="application/json").json()
    assert [s["status"] for s in data["stappen"][:3]] == ["afgerond", "afgerond", "actief"]


@pytest.mark.parametrize("wie", ["behandelaar", "beleidsmaker_elders"])
def test_the_gate_moves_are_refused_to_others(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel], wie: str
) -> None:
    voorstel = maak_voorstel()
    ingelogd(client, getattr(wereld, wie))
    response = client.post(
        f"/api/v1/beleidsvoorstellen/{voorstel.pk}/volgende-stap", content_type="application/json"
    )
    assert response.status_code == 403 and response["Content-Type"] == PROBLEM
    assert services.huidige_stap(voorstel).naam == "Verkenning"  # type: ignore[union-attr]


def test_anonymous_cannot_move_or_list_assignments(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    assert client.post(f"/api/v1/beleidsvoorstellen/{voorstel.pk}/volgende-stap").status_code in (
        401,
        403,
    )
    assert client.get("/api/v1/opdrachten").status_code in (401, 403)


def test_teruggave_as_an_action(
    client: Client, wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    url = f"/api/v1/opdrachten/{opdracht.pk}/teruggave"
    ingelogd(client, wereld.bestuur)
    assert [o["id"] for o in client.get("/api/v1/opdrachten").json()["results"]] == [opdracht.pk]
    fout = client.post(
        url,
        {"reden": "zomaar", "toelichting": "", "beginselen": ["bestaat-niet"]},
        content_type="application/json",
    )
    assert fout.status_code == 400 and fout["Content-Type"] == PROBLEM
    assert {e["field"] for e in fout.json()["errors"]} >= {"reden", "beginselen"}
    zonder = client.post(
        url,
        {"reden": Teruggavereden.STRIJDIG, "toelichting": "Botst."},
        content_type="application/json",
    )
    assert zonder.status_code == 400 and zonder.json()["errors"][0]["field"] == "beginselen"
    assert not Teruggave.objects.exists()
    ok = client.post(
        url,
        {
            "reden": Teruggavereden.STRIJDIG,
            "toelichting": "Botst.",
            "beginselen": ["abbb-evenredigheid"],
        },
        content_type="application/json",
    )
    assert ok.status_code == 201
    assert ok.json()["status"] == Opdrachtstatus.OPGESCHORT
    assert ok.json()["teruggaven"][0]["verzoek"].startswith("RV-")


@pytest.mark.parametrize("wie", ["beleidsmaker", "bestuur_andere", "behandelaar"])
def test_teruggave_is_refused_to_others(
    client: Client, wereld: Wereld, maak_opdracht: Callable[..., Opdracht], wie: str
) -> None:
    opdracht = maak_opdracht()
    ingelogd(client, getattr(wereld, wie))
    response = client.post(
        f"/api/v1/opdrachten/{opdracht.pk}/teruggave",
        {"reden": Teruggavereden.MIDDELEN, "toelichting": "Geen geld."},
        content_type="application/json",
    )
    assert response.status_code in (403, 404) and response["Content-Type"] == PROBLEM
    assert not Teruggave.objects.exists()


def test_the_executor_writes_and_publishes_its_toets_through_the_api(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    b = services.add_belofte(voorstel=voorstel, door=wereld.beleidsmaker, soort="wel", tekst="X.")
    url = f"/api/v1/beleidsvoorstellen/{voorstel.pk}/uitvoeringstoetsen/tu"
    ingelogd(client, wereld.behandelaar)
    concept = client.put(
        url,
        {"oordeel": "niet_uitvoerbaar", "voorwaarden": ["Later invoeren."]},
        content_type="application/json",
    )
    assert concept.status_code == 200, concept.json()
    onvolledig = client.post(f"{url}/publiceren", content_type="application/json")
    assert onvolledig.status_code == 400 and onvolledig["Content-Type"] == PROBLEM
    velden = {e["field"] for e in onvolledig.json()["errors"]}
    assert {"doenvermogen", "invoeringsdatum_haalbaar", f"bevinding_{b.pk}"} <= velden
    assert Uitvoeringstoets.objects.get().status == "concept"
    volledig = {
        "uitvoerbaarheid": "Niet zo.",
        "handhaafbaarheid": "Goed.",
        "doenvermogen": "Te moeilijk.",
        "gevolgen_burgers": "Terugvorderingen.",
        "capaciteit_kosten": "Veel.",
        "kosten_eenmalig": 100,
        "ict_wijzigingen": "Geen.",
        "invoeringsdatum_haalbaar": True,
        "oordeel": "niet_uitvoerbaar",
        "samenvatting": "Zo niet.",
        "voorwaarden": ["Later invoeren."],
        "bevindingen": [{"belofte": b.pk, "haalbaarheid": "niet_haalbaar", "toelichting": "Nee."}],
        "perspectieven": {"financieel_oordeel": "zorgen", "financieel_toelichting": "Te duur."},
    }
    zonder_uitleg = client.put(
        url,
        {**volledig, "perspectieven": {"burger_oordeel": "zorgen"}},
        content_type="application/json",
    )
    assert zonder_uitleg.status_code == 400
    assert [e["field"] for e in zonder_uitleg.json()["errors"]] == ["burger_toelichting"]
    assert client.put(url, volledig, content_type="application/json").status_code == 200
    gepubliceerd = client.post(f"{url}/publiceren", content_type="application/json")
    assert gepubliceerd.status_code == 200
    assert gepubliceerd.json()["voorwaarden"][0]["verzoek"].startswith("RV-")
    assert gepubliceerd.json()["perspectieven"]["financieel_oordeel"] == "zorgen"
    assert gepubliceerd.json()["perspectieven"]["ontbrekend"] == [
        "juridisch",
        "professioneel",
        "burger",
    ]
    # Published: it does not change any more.
    nogmaals = client.put(url, volledig, content_type="application/json")
    assert nogmaals.status_code == 400


@pytest.mark.parametrize("wie", ["bestuur_andere", "medewerker", "beleidsmaker"])
def test_no_one_else_writes_the_executors_toets_through_the_api(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel], wie: str
) -> None:
    voorstel = maak_voorstel()
    ingelogd(client, getattr(wereld, wie))
    response = client.put(
        f"/api/v1/beleidsvoorstellen/{voorstel.pk}/uitvoeringstoetsen/tu",
        {"oordeel": "uitvoerbaar"},
        content_type="application/json",
    )
    assert response.status_code == 403 and response["Content-Type"] == PROBLEM
    assert not Uitvoeringstoets.objects.exists()


def test_bad_toets_input_is_refused_per_field(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    ingelogd(client, wereld.behandelaar)
    response = client.put(
        f"/api/v1/beleidsvoorstellen/{voorstel.pk}/uitvoeringstoetsen/tu",
        {"oordeel": "misschien", "kosten_eenmalig": -5, "vroegst_haalbare_datum": "gisteren"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {
        "oordeel",
        "kosten_eenmalig",
        "vroegst_haalbare_datum",
    }
    assert not Uitvoeringstoets.objects.exists()


def test_toetsen_can_be_filtered_and_a_bad_filter_is_refused(
    client: Client,
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    negatief = maak_toets(voorstel, velden={"oordeel": "niet_uitvoerbaar"})
    maak_toets(
        voorstel,
        organisatie=wereld.gemeente,
        door=wereld.behandelaar_gemeente,
        publiceren=False,
    )
    ids = [
        t["id"]
        for t in client.get("/api/v1/uitvoeringstoetsen?oordeel=niet_uitvoerbaar").json()["results"]
    ]
    assert ids == [negatief.pk]
    assert client.get("/api/v1/uitvoeringstoetsen?oordeel=uitvoerbaar").json()["results"] == []
    assert [
        t["id"] for t in client.get("/api/v1/uitvoeringstoetsen?uitvoerder=tu").json()["results"]
    ] == [negatief.pk]
    fout = client.get("/api/v1/uitvoeringstoetsen?oordeel=misschien&voorstel=nul")
    assert fout.status_code == 400 and fout["Content-Type"] == PROBLEM
    assert {e["field"] for e in fout.json()["errors"]} == {"oordeel", "voorstel"}


def test_a_policy_officer_makes_a_proposal_and_an_assignment_through_the_api(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.beleidsmaker)
    voorstel = client.post(
        "/api/v1/beleidsvoorstellen",
        {
            "ministerie": "mvt",
            "titel": "Eén toets",
            "samenvatting": "Minder regels.",
            "betrokken": ["tu", "testdorp"],
            "beleidsteam": wereld.team.pk,
            "stappen": [{"naam": "Schets", "sleutelstap": True}, {"naam": "Besluit"}],
        },
        content_type="application/json",
    )
    assert voorstel.status_code == 201, voorstel.json()
    data = voorstel.json()
    assert [(s["naam"], s["status"]) for s in data["stappen"]] == [
        ("Schets", "actief"),
        ("Besluit", "gepland"),
    ]
    assert len(data["stappen"][0]["betrokkenen"]) == 2
    opdracht = client.post(
        "/api/v1/opdrachten",
        {
            "ministerie": "mvt",
            "uitvoerder": "tu",
            "titel": "Invoeren",
            "omschrijving": "Voer het in.",
            "wettelijke_grondslag": "art. 4 Participatiewet",
            "deadline": "2099-01-01",
            "budget": 10,
            "voorstel": data["id"],
        },
        content_type="application/json",
    )
    assert opdracht.status_code == 201, opdracht.json()
    assert opdracht.json()["status"] == Opdrachtstatus.ACTIEF


@pytest.mark.parametrize("wie", ["bestuur", "beleidsmaker_elders"])
def test_others_cannot_make_a_proposal_or_assignment_for_the_ministry(
    client: Client, wereld: Wereld, wie: str
) -> None:
    ingelogd(client, getattr(wereld, wie))
    voorstel = client.post(
        "/api/v1/beleidsvoorstellen",
        {"ministerie": "mvt", "titel": "X", "samenvatting": "Y", "betrokken": ["tu"]},
        content_type="application/json",
    )
    assert voorstel.status_code == 403 and voorstel["Content-Type"] == PROBLEM
    opdracht = client.post(
        "/api/v1/opdrachten",
        {
            "ministerie": "mvt",
            "uitvoerder": "tu",
            "titel": "X",
            "omschrijving": "Y",
            "wettelijke_grondslag": "Z",
            "deadline": "2099-01-01",
        },
        content_type="application/json",
    )
    assert opdracht.status_code == 403
    assert not Beleidsvoorstel.objects.exists() and not Opdracht.objects.exists()


def test_bad_proposal_input_is_refused_per_field(client: Client, wereld: Wereld) -> None:
    assert client.post(
        "/api/v1/beleidsvoorstellen", {}, content_type="application/json"
    ).status_code in (401, 403)
    ingelogd(client, wereld.beleidsmaker)
    response = client.post(
        "/api/v1/beleidsvoorstellen",
        {"ministerie": "bestaat-niet", "titel": "", "samenvatting": "", "betrokken": ["mve"]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"ministerie"}
    response = client.post(
        "/api/v1/beleidsvoorstellen",
        {"ministerie": "mvt", "titel": "", "samenvatting": "", "betrokken": ["mve"]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"titel", "samenvatting", "betrokken"}
    assert not Beleidsvoorstel.objects.exists()


def test_a_step_without_a_name_is_refused(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.beleidsmaker)
    response = client.post(
        "/api/v1/beleidsvoorstellen",
        {
            "ministerie": "mvt",
            "titel": "X",
            "samenvatting": "Y",
            "betrokken": ["tu"],
            "stappen": [{"naam": None, "sleutelstap": True}],
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["stappen"]
    assert not Beleidsvoorstel.objects.exists()


def test_promises_and_finishing_through_the_api(
    client: Client,
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_opdracht: Callable[..., Opdracht],
) -> None:
    voorstel = maak_voorstel()
    opdracht = maak_opdracht()
    url = f"/api/v1/beleidsvoorstellen/{voorstel.pk}/beloften"
    ingelogd(client, wereld.behandelaar)
    assert (
        client.post(
            url, {"soort": "wel", "tekst": "X."}, content_type="application/json"
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/api/v1/opdrachten/{opdracht.pk}/afronden", content_type="application/json"
        ).status_code
        == 403
    )
    ingelogd(client, wereld.beleidsmaker)
    fout = client.post(url, {"soort": "misschien", "tekst": ""}, content_type="application/json")
    assert fout.status_code == 400 and fout.json()["errors"][0]["field"] == "soort"
    leeg = client.post(url, {"soort": "wel", "tekst": " "}, content_type="application/json")
    assert leeg.status_code == 400 and leeg.json()["errors"][0]["field"] == "tekst"
    ok = client.post(
        url, {"soort": "niet", "tekst": "Geen toeslag."}, content_type="application/json"
    )
    assert ok.status_code == 201
    assert ok.json()["beloften"][0]["tekst"] == "Geen toeslag."
    klaar = client.post(
        f"/api/v1/opdrachten/{opdracht.pk}/afronden", content_type="application/json"
    )
    assert klaar.status_code == 200 and klaar.json()["status"] == "afgerond"
    nogmaals = client.post(
        f"/api/v1/opdrachten/{opdracht.pk}/afronden", content_type="application/json"
    )
    assert nogmaals.status_code == 400 and nogmaals["Content-Type"] == PROBLEM

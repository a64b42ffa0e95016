"""Open data under /api/v1/openbaar/: paginated like every list of the API, stable keys, no
login, refusals as problem+json with a Dutch message (bad filter, too many searches)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.test.utils import override_settings
from rest_framework.pagination import PageNumberPagination

from uitvoerbaar.audit import services as audit
from uitvoerbaar.audit.models import KetenKop
from uitvoerbaar.responsplicht.tests.conftest import Wereld

from .conftest import Kennis
from .test_monitor import Maak, _onderwerp, _pas_toe, _stil

pytestmark = pytest.mark.django_db


def test_rights_per_regulation_by_code(client: Client, kennis: Kennis) -> None:
    data = client.get("/api/v1/openbaar/rechten").json()
    assert data["count"] == 2
    assert [r["code"] for r in data["results"]] == ["werkloosheidswet", "wet-op-de-zorgtoeslag"]
    zorg = client.get("/api/v1/openbaar/rechten/wet-op-de-zorgtoeslag").json()
    assert zorg["wetten_url"] == "https://wetten.overheid.nl/BWBR0018451"
    assert {(r["soort"], r["artikel"]) for r in zorg["rechten"]} == {("wel", "2"), ("niet", "")}
    gezocht = client.get("/api/v1/openbaar/rechten", {"zoek": "zorgtoeslag"}).json()
    assert [r["code"] for r in gezocht["results"]] == ["wet-op-de-zorgtoeslag"]
    niet = client.get("/api/v1/openbaar/rechten/bestaat-niet")
    assert niet.status_code == 404
    assert niet["Content-Type"] == "application/problem+json"


def test_life_events(client: Client, kennis: Kennis) -> None:
    data = client.get("/api/v1/openbaar/levensgebeurtenissen").json()
    assert data["results"] == [
        {
            "slug": "werk-verliezen",
            "naam": "Uw werk verliezen",
            "omschrijving": "U bent ontslagen of uw contract stopt.",
            "regelingen": ["werkloosheidswet", "wet-op-de-zorgtoeslag"],
        }
    ]


def test_a_bad_search_is_refused_in_dutch(client: Client, kennis: Kennis) -> None:
    response = client.get("/api/v1/openbaar/rechten", {"zoek": "x" * 101})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == [
        {"field": "zoek", "message": "Gebruik hoogstens 100 tekens."}
    ]


@override_settings(OPENBAAR_ZOEKEN_PER_MINUUT=1)
def test_searches_through_the_api_are_limited_per_address(client: Client, kennis: Kennis) -> None:
    assert client.get("/api/v1/openbaar/levensgebeurtenissen", {"zoek": "werk"}).status_code == 200
    response = client.get("/api/v1/openbaar/levensgebeurtenissen", {"zoek": "werk"})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert "Te veel zoekvragen" in response.json()["detail"]
    # Without a search the open data stays available.
    assert client.get("/api/v1/openbaar/levensgebeurtenissen").status_code == 200


def test_the_register_by_kenmerk_without_persons(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    beantwoord = maak_verzoek(onderwerp=_onderwerp(1))
    _pas_toe(beantwoord, wereld.bestuur)
    lopend = maak_verzoek(onderwerp=_onderwerp(2))
    data = client.get("/api/v1/openbaar/register").json()
    assert [r["kenmerk"] for r in data["results"]] == [beantwoord.kenmerk]
    assert lopend.kenmerk not in str(data)
    record = data["results"][0]
    assert record["ontvanger"] == "Testuitvoering — Bestuur"
    assert record["uiterste_datum"] == beantwoord.uiterste_datum.isoformat()
    assert record["antwoorden"][0]["namens"] == "Testuitvoering"
    assert wereld.bestuur.username not in str(data)
    assert "Team" not in str(record["antwoorden"])  # the owner of the measure is left out


def test_lists_are_paginated_with_next_links(
    client: Client, wereld: Wereld, maak_verzoek: Maak, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        _pas_toe(maak_verzoek(onderwerp=_onderwerp(i)), wereld.bestuur)
    # PAGE_SIZE is read when DRF is imported; the same paginator, with a smaller page.
    monkeypatch.setattr(PageNumberPagination, "page_size", 2)
    eerste = client.get("/api/v1/openbaar/register").json()
    assert eerste["count"] == 3 and len(eerste["results"]) == 2
    assert eerste["next"].endswith("/api/v1/openbaar/register?page=2")
    tweede = client.get("/api/v1/openbaar/register", {"page": 2}).json()
    kenmerken = [r["kenmerk"] for r in eerste["results"] + tweede["results"]]
    assert kenmerken == sorted(kenmerken) and len(set(kenmerken)) == 3


def test_monitor_per_organisation_and_the_ministry_filter(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    _pas_toe(maak_verzoek(onderwerp=_onderwerp(1)), wereld.bestuur)
    _stil(maak_verzoek(onderwerp=_onderwerp(2)))  # the ministry's top becomes responsible
    data = client.get("/api/v1/openbaar/monitor").json()
    rij = next(r for r in data["results"] if r["organisatie"] == "tu")
    assert (rij["op_tijd"], rij["pas_toe"], rij["stilte"]) == (1, 1, 0)
    mvt = next(r for r in data["results"] if r["organisatie"] == "mvt")
    assert (mvt["soort"], mvt["stilte"], mvt["te_laat_nu"]) == ("ministerie", 1, 1)
    alleen = client.get("/api/v1/openbaar/monitor", {"soort": "ministerie"}).json()
    assert [r["organisatie"] for r in alleen["results"]] == ["mvt"]
    fout = client.get("/api/v1/openbaar/monitor", {"soort": "bakkerij"})
    assert fout.status_code == 400
    assert fout.json()["errors"] == [
        {"field": "soort", "message": "Kies een soort organisatie uit de lijst."}
    ]


def test_the_audit_chain_head_and_the_dataset_list(client: Client) -> None:
    audit.record(event="test.iets", actor=None, obj=None, data={})
    kop = KetenKop.objects.get(pk=1)
    assert client.get("/api/v1/openbaar/auditketen").json() == {
        "aantal": kop.volgnummer,
        "hash": kop.hash,
    }
    datasets = {d["code"]: d for d in client.get("/api/v1/openbaar/datasets").json()}
    assert datasets["uitvoeringstoetsen"]["api_url"] == "/api/v1/uitvoeringstoetsen"
    assert datasets["register"]["csv_url"] == "/openbaar/open-data/register.csv"


def test_open_data_is_read_only(client: Client) -> None:
    for pad in ("rechten", "register", "monitor", "auditketen", "levensgebeurtenissen"):
        assert client.post(f"/api/v1/openbaar/{pad}", {}).status_code in (403, 405), pad

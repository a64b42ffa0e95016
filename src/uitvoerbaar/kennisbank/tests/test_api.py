"""The read-only kennisbank API under /api/v1: lists with filters, details by code, problem+json
for unknown codes, and query counts that do not grow with the data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.kennisbank import services

from .factories import (
    ArtikelFactory,
    BeginselFactory,
    KaderFactory,
    RechtuitspraakFactory,
    RegelingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def geladen(beginselen_bestand: Path, regelingen: dict[str, Any]) -> None:
    services.load_beginselen(path=beginselen_bestand)
    services.import_regelingen(data=regelingen)


@pytest.mark.usefixtures("geladen")
class TestBeginselen:
    def test_list_is_public_and_paginated(self, client: Client) -> None:
        response = client.get("/api/v1/beginselen")

        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 4
        assert [b["code"] for b in body["results"]] == [
            "cgob-openheid",
            "cgob-participatie",
            "ombudsman-luisteren",
            "ombudsman-evenredig",
        ]
        eerste = body["results"][0]
        assert eerste["kader"] == {
            "code": "cgob",
            "naam": "Code Goed Openbaar Bestuur",
            "bron": "BZK, 2009",
        }
        assert eerste["vragen"][0] == "Weet de burger waarom dit besluit is genomen?"
        assert eerste["pagina"] == "http://testserver/kennisbank/beginselen/cgob-openheid/"
        assert "zoektekst" not in eerste

    @pytest.mark.parametrize(
        ("params", "codes"),
        [
            ({"kader": "ombudsman"}, ["ombudsman-luisteren", "ombudsman-evenredig"]),
            ({"zoek": "Geïnformeerd"}, ["ombudsman-luisteren"]),
            ({"kader": "cgob", "zoek": "gehoord"}, ["cgob-participatie"]),
            ({"kader": "ombudsman", "groep": "Eerlijk"}, ["ombudsman-evenredig"]),
            ({"kader": "onbekend"}, []),
        ],
    )
    def test_filters(self, client: Client, params: dict[str, str], codes: list[str]) -> None:
        body = client.get("/api/v1/beginselen", params).json()
        assert [b["code"] for b in body["results"]] == codes

    def test_detail_by_code(self, client: Client) -> None:
        response = client.get("/api/v1/beginselen/ombudsman-evenredig")
        assert response.status_code == 200
        assert response.json()["groep"] == "Eerlijk"

    def test_unknown_code_is_problem_json(self, client: Client) -> None:
        response = client.get("/api/v1/beginselen/bestaat-niet")

        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["title"] == "Niet gevonden"

    def test_read_only(self, client: Client) -> None:
        response = client.post("/api/v1/beginselen", {}, content_type="application/json")
        assert response.status_code in {403, 405}
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.usefixtures("geladen")
class TestRegelingen:
    def test_list_and_search(self, client: Client) -> None:
        body = client.get("/api/v1/regelingen").json()
        assert body["count"] == 3
        pw = next(r for r in body["results"] if r["code"] == "participatiewet")
        assert pw["eigenaar"]["slug"] == "mwb"
        assert [o["slug"] for o in pw["uitvoerders"]] == ["hoogwater", "lindendal"]
        assert pw["soort"] == "wet"
        assert pw["url"] == "https://wetten.overheid.nl/BWBR0015703"
        assert "artikelen" not in pw

        body = client.get("/api/v1/regelingen", {"zoek": "toeslagen"}).json()
        assert [r["code"] for r in body["results"]] == ["awir"]
        body = client.get("/api/v1/regelingen", {"uitvoerder": "lud"}).json()
        assert [r["code"] for r in body["results"]] == ["awir"]
        body = client.get("/api/v1/regelingen", {"eigenaar": "mwb", "soort": "beleidsregel"}).json()
        assert [r["code"] for r in body["results"]] == ["beleidsregel-terugvordering"]

    def test_detail_with_articles_rights_and_grounds(self, client: Client) -> None:
        response = client.get("/api/v1/regelingen/participatiewet")

        assert response.status_code == 200
        body = response.json()
        assert [a["nummer"] for a in body["artikelen"]] == ["11", "18"]
        assert body["artikelen"][0]["url"] == "https://wetten.overheid.nl/BWBR0015703/#Artikel11"
        assert body["artikelen"][1]["url"] == "https://wetten.overheid.nl/BWBR0015703"
        assert body["artikelen"][1]["pagina"].endswith(
            "/kennisbank/regelingen/participatiewet/artikelen/18/"
        )
        assert body["rechten"] == [
            {
                "soort": "wel",
                "tekst": "U hebt recht op bijstand als u te weinig geld hebt.",
                "artikel": "11",
            },
            {
                "soort": "niet",
                "tekst": "U hebt geen recht op bijstand als u genoeg vermogen hebt.",
                "artikel": None,
            },
        ]
        assert [(g["soort"], g["artikel"]) for g in body["afwijkingsgronden"]] == [
            ("beleidsruimte", "18"),
            ("evenredigheid", None),
        ]

    def test_unknown_code_is_problem_json(self, client: Client) -> None:
        response = client.get("/api/v1/regelingen/onbekend")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_api_query_counts_do_not_grow(
    client: Client, organisaties: dict[str, Organisatie], django_assert_num_queries: Any
) -> None:
    kader = KaderFactory()
    groot = RegelingFactory(code="groot", eigenaar=organisaties["mwb"])

    def vul(aantal: int) -> None:
        for _ in range(aantal):
            BeginselFactory(kader=kader)
            RegelingFactory(
                eigenaar=organisaties["mft"],
                uitvoerders=[organisaties["lud"], organisaties["lindendal"]],
            )
            artikel = ArtikelFactory(regeling=groot)
            RechtuitspraakFactory(regeling=groot, artikel=artikel)

    vul(3)
    urls = ["/api/v1/beginselen", "/api/v1/regelingen", "/api/v1/regelingen/groot"]
    client.get(urls[0])
    drie = {url: _queries(client, url) for url in urls}
    vul(27)

    for url in urls:
        with django_assert_num_queries(drie[url]):
            client.get(url)


@pytest.mark.usefixtures("geladen")
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/beginselen?zoek=%00&kader=%00&groep=a%00b",
        "/api/v1/regelingen?zoek=a%00&eigenaar=%00&uitvoerder=%00&soort=%00",
        "/api/v1/regelingen?zoek=" + "lang%20" * 500,
    ],
)
def test_odd_query_parameters_never_cause_a_server_error(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.json()["count"] in {0, 1, 2, 3, 4}

"""The portal's home, the open data page and the downloads, and the register's move to
/openbaar/register/ (old addresses redirect permanently)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse

from uitvoerbaar.audit import services as audit
from uitvoerbaar.audit.models import KetenKop
from uitvoerbaar.responsplicht.tests.conftest import Wereld

from .conftest import Kennis
from .test_monitor import Maak, _onderwerp, _pas_toe

pytestmark = pytest.mark.django_db


def _inhoud(response: object) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return response.content.decode()  # type: ignore[attr-defined]


def test_home_says_what_the_public_finds_with_the_audit_chain_head(client: Client) -> None:
    audit.record(event="test.iets", actor=None, obj=None, data={})
    kop = KetenKop.objects.get(pk=1)
    response = client.get("/openbaar/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'data-testid="hash">{kop.hash}<' in body
    assert f'data-testid="aantal">{kop.volgnummer}<' in body
    links = body.split('data-testid="portaal-links"')[1].split("</ul>")[0]
    for pad in (
        "/openbaar/rechtenwijzer/",
        "/openbaar/monitor/",
        "/openbaar/register/",
        "/openbaar/beleid/",
        "/openbaar/beleid/opdrachten/",
        "/openbaar/beleid/trackrecord/",
        "/openbaar/open-data/",
    ):
        assert f'href="{pad}"' in links, pad


def test_links_to_parts_that_do_not_exist_yet_are_left_out(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from uitvoerbaar.openbaar import selectors

    bestaat = {link.url for link in selectors.links()}
    # Kamervragen and the Stand van de uitvoering come from other branches: shown only when
    # their route resolves, so the page never links to a 404.
    monkeypatch.setattr(selectors, "_bestaat", lambda pad: pad != "/openbaar/monitor/")
    assert "/openbaar/monitor/" not in {link.url for link in selectors.links()}
    assert "/openbaar/monitor/" in bestaat
    assert client.get("/openbaar/").status_code == 200


def test_the_portal_is_in_the_navigation_for_everyone(client: Client) -> None:
    body = client.get("/openbaar/").content.decode()
    assert 'href="/openbaar/"' in body


def test_the_register_moved_and_old_addresses_redirect_permanently(client: Client) -> None:
    assert reverse("register:overzicht") == "/openbaar/register/"
    assert reverse("register:verzoek", args=["RV-000001"]) == "/openbaar/register/RV-000001/"
    for oud, nieuw in (
        ("/register/", "/openbaar/register/"),
        ("/register/RV-000012/", "/openbaar/register/RV-000012/"),
        ("/register/a b/", "/openbaar/register/a%20b/"),
        (
            "/register/organisaties/tu/?toon=stilte&pagina=2",
            "/openbaar/register/organisaties/tu/?toon=stilte&pagina=2",
        ),
    ):
        response = client.get(oud)
        assert response.status_code == 301, oud
        assert response["Location"] == nieuw
    assert client.get("/openbaar/register/").status_code == 200
    assert client.post("/register/").status_code == 405


def test_the_open_data_page_lists_every_dataset_with_api_and_downloads(client: Client) -> None:
    body = client.get("/openbaar/open-data/").content.decode()
    for pad in (
        "/api/v1/openbaar/rechten",
        "/api/v1/openbaar/levensgebeurtenissen",
        "/api/v1/openbaar/register",
        "/api/v1/openbaar/monitor",
        "/api/v1/openbaar/auditketen",
        "/api/v1/uitvoeringstoetsen",
        "/openbaar/open-data/rechten.csv",
        "/openbaar/open-data/levensgebeurtenissen.json",
        "/openbaar/open-data/register.csv",
        "/openbaar/open-data/monitor.json",
        "/openbaar/beleid/uitvoeringstoetsen.csv",
    ):
        assert f'href="{pad}"' in body, pad
    for d in ("rechten", "levensgebeurtenissen", "register", "monitor"):
        for formaat in ("csv", "json"):
            assert client.get(f"/openbaar/open-data/{d}.{formaat}").status_code == 200


def test_downloads_of_rights_and_life_events(client: Client, kennis: Kennis) -> None:
    rijen = list(
        csv.reader(
            io.StringIO(_inhoud(client.get("/openbaar/open-data/rechten.csv")).lstrip("\ufeff"))
        )
    )
    assert rijen[0] == ["regeling", "naam", "soort", "artikel", "tekst", "bedoeling", "wetten_url"]
    assert [
        "wet-op-de-zorgtoeslag",
        "Wet op de zorgtoeslag",
        "wel",
        "2",
        "U krijgt zorgtoeslag als uw inkomen laag genoeg is.",
        "Mensen met een laag inkomen helpen hun zorgverzekering te betalen.",
        "https://wetten.overheid.nl/BWBR0018451",
    ] in rijen
    data = json.loads(_inhoud(client.get("/openbaar/open-data/levensgebeurtenissen.json")))
    assert data["levensgebeurtenissen"] == [
        {
            "slug": "werk-verliezen",
            "naam": "Uw werk verliezen",
            "omschrijving": "U bent ontslagen of uw contract stopt.",
            "regelingen": ["werkloosheidswet", "wet-op-de-zorgtoeslag"],
        }
    ]


def test_downloads_of_the_register_and_the_monitor(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek(onderwerp=_onderwerp(1))
    _pas_toe(verzoek, wereld.bestuur)
    response = client.get("/openbaar/open-data/register.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="register.csv"' in response["Content-Disposition"]
    rijen = list(csv.reader(io.StringIO(_inhoud(response).lstrip("\ufeff"))))
    assert rijen[1][:3] == [verzoek.kenmerk, wereld.soort.naam, "Casus 1"]
    assert rijen[1][9] == "pas_toe"
    assert "We stoppen de automatische terugvordering." in rijen[1]
    data = json.loads(_inhoud(client.get("/openbaar/open-data/register.json")))
    assert [r["kenmerk"] for r in data["register"]] == [verzoek.kenmerk]
    assert data["register"][0]["antwoorden"][0]["soort"] == "pas_toe"
    monitor = json.loads(_inhoud(client.get("/openbaar/open-data/monitor.json")))["monitor"]
    rij = next(r for r in monitor if r["organisatie"] == wereld.uitvoerder.slug)
    assert (rij["op_tijd"], rij["pas_toe"], rij["leg_uit"]) == (1, 1, 0)


def test_a_formula_in_a_cell_is_neutralised(client: Client, kennis: Kennis) -> None:
    kennis.ww.bedoeling = '=HYPERLINK("http://kwaad.example")'
    kennis.ww.save()
    tekst = _inhoud(client.get("/openbaar/open-data/rechten.csv"))
    assert "'=HYPERLINK" in tekst

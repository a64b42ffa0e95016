"""The rechtenwijzer (P1, public side): search a regulation or a life event, read what you are
and are not entitled to, its purpose and the link to the law; bad input gets a Dutch message
next to the field and looks nothing up; searches are limited per client address (429)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from uitvoerbaar.core import demo as core_demo
from uitvoerbaar.openbaar import selectors

from .conftest import Kennis

pytestmark = pytest.mark.django_db


def _html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def test_without_a_query_every_life_event_and_regulation_is_offered(
    client: Client, kennis: Kennis
) -> None:
    body = _html(client.get("/openbaar/rechtenwijzer/"))
    assert "Uw werk verliezen" in body
    assert "Wet op de zorgtoeslag" in body
    assert 'data-testid="resultaat-kop"' not in body


def test_search_finds_a_regulation_by_name_and_a_life_event(client: Client, kennis: Kennis) -> None:
    body = _html(client.get("/openbaar/rechtenwijzer/", {"q": "zorgtoeslag"}))
    gevonden = body.split('data-testid="gevonden-regelingen"')[1].split("</ul>")[0]
    assert "/openbaar/rechtenwijzer/regelingen/wet-op-de-zorgtoeslag/" in gevonden
    assert "Werkloosheidswet" not in gevonden
    body = _html(client.get("/openbaar/rechtenwijzer/", {"q": "werk verliezen"}))
    assert "/openbaar/rechtenwijzer/levensgebeurtenissen/werk-verliezen/" in body
    body = _html(client.get("/openbaar/rechtenwijzer/", {"q": "vliegtuig"}))
    assert 'data-testid="niets-gevonden"' in body


def test_a_life_event_leads_to_its_regulations(client: Client, kennis: Kennis) -> None:
    body = _html(client.get("/openbaar/rechtenwijzer/levensgebeurtenissen/werk-verliezen/"))
    assert "U bent ontslagen of uw contract stopt." in body
    assert "/openbaar/rechtenwijzer/regelingen/werkloosheidswet/" in body
    assert "/openbaar/rechtenwijzer/regelingen/wet-op-de-zorgtoeslag/" in body
    assert client.get("/openbaar/rechtenwijzer/levensgebeurtenissen/niets/").status_code == 404


def test_a_regulation_shows_wel_and_niet_its_purpose_and_the_law(
    client: Client, kennis: Kennis
) -> None:
    body = _html(client.get("/openbaar/rechtenwijzer/regelingen/wet-op-de-zorgtoeslag/"))
    wel = body.split('data-testid="rechten-wel"')[1].split("</ul>")[0]
    niet = body.split('data-testid="rechten-niet"')[1].split("</ul>")[0]
    assert "U krijgt zorgtoeslag als uw inkomen laag genoeg is." in wel
    assert "artikel 2" in wel
    assert "niet verzekerd" in niet and "niet verzekerd" not in wel
    assert "Mensen met een laag inkomen helpen" in body
    assert 'href="https://wetten.overheid.nl/BWBR0018451"' in body
    assert "/openbaar/rechtenwijzer/levensgebeurtenissen/werk-verliezen/" in body
    assert 'data-testid="geen-niet-haalbaar"' in body
    assert client.get("/openbaar/rechtenwijzer/regelingen/bestaat-niet/").status_code == 404


def test_a_regulation_page_costs_a_fixed_number_of_queries(client: Client, kennis: Kennis) -> None:
    with CaptureQueriesContext(connection) as weinig:
        client.get("/openbaar/rechtenwijzer/regelingen/wet-op-de-zorgtoeslag/")
    from uitvoerbaar.kennisbank.tests.factories import RechtuitspraakFactory

    RechtuitspraakFactory.create_batch(10, regeling=kennis.zorgtoeslag)
    with CaptureQueriesContext(connection) as veel:
        client.get("/openbaar/rechtenwijzer/regelingen/wet-op-de-zorgtoeslag/")
    assert len(veel) == len(weinig)


def test_promises_an_executor_called_not_feasible_are_shown_per_regulation(
    client: Client, db: None
) -> None:
    # The demo proposal on the Participatiewet promises a decision within four weeks; the
    # executor's published toets calls that not feasible, and another promise feasible only
    # under conditions (not flagged).
    core_demo.load_demo()
    r = selectors.regeling(code="participatiewet")
    assert [b.tekst for b in r.niet_haalbaar] == [
        "U krijgt binnen vier weken een besluit op uw aanvraag."
    ]
    body = _html(client.get("/openbaar/rechtenwijzer/regelingen/participatiewet/"))
    vlag = body.split('data-testid="niet-haalbaar"')[1].split("</ul>")[0]
    assert "binnen vier weken" in vlag
    assert "kleine fout" not in vlag
    assert "/openbaar/beleid/voorstellen/" in vlag
    # The demo's life events are loaded and linked.
    assert "Schulden hebben" in body
    assert selectors.regeling(code="werkloosheidswet").niet_haalbaar == []


@pytest.mark.parametrize(
    ("q", "melding"),
    [
        ("a", "Typ ten minste 2 tekens."),
        ("x" * 101, "Uw zoekvraag is te lang. Gebruik hoogstens 100 tekens (u gebruikte er 101)."),
        ("zorg\x00toeslag", "Null-tekens zijn niet toegestaan."),
        ("zorg\x07toeslag", "Uw zoekvraag bevat tekens die niet kunnen."),
        ("!?", "Typ ten minste één letter of cijfer."),
        ("   ", "Typ een woord om te zoeken."),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_looks_nothing_up(
    client: Client, kennis: Kennis, q: str, melding: str
) -> None:
    response = client.get("/openbaar/rechtenwijzer/", {"q": q})
    assert response.status_code == 400
    body = _html(response)
    fout = re.search(r'<div class="veldfout" id="id_q_error">(.*?)</div>', body, re.S)
    assert fout is not None and melding in fout.group(1)
    assert 'aria-invalid="true"' in body
    assert 'data-testid="resultaat-kop"' not in body


@override_settings(OPENBAAR_ZOEKEN_PER_MINUUT=2)
def test_searches_are_limited_per_address_with_a_dutch_429(client: Client, kennis: Kennis) -> None:
    for _ in range(2):
        assert client.get("/openbaar/rechtenwijzer/", {"q": "zorg"}).status_code == 200
    response = client.get("/openbaar/rechtenwijzer/", {"q": "zorg"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Wacht een minuut en probeer het dan opnieuw." in _html(response)
    # Bad input counts too: guessing with junk is no way around the limit.
    assert client.get("/openbaar/rechtenwijzer/", {"q": "a"}).status_code == 429
    # Another address is not limited, and browsing without a search never is.
    ander = client.get("/openbaar/rechtenwijzer/", {"q": "zorg"}, REMOTE_ADDR="10.0.0.9")
    assert ander.status_code == 200
    assert client.get("/openbaar/rechtenwijzer/").status_code == 200
    assert client.get("/openbaar/rechtenwijzer/regelingen/werkloosheidswet/").status_code == 200

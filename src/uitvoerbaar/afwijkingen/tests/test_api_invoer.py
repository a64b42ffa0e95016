"""Nasty input to the deviation API gives a Dutch 400 (or 404), never a server error, on
SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from uitvoerbaar.conftest import ingelogd

from ..models import Aanvechting, Afwijking, Casusberaad
from .conftest import Wereld

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.mark.parametrize(
    ("pad", "data"),
    [
        ("/afwijkingen", None),
        ("/afwijkingen", []),
        ("/afwijkingen", {"organisatie": "tu\x00", "regeling": "test\x00wet", "artikel": "4"}),
        (
            "/afwijkingen",
            {
                "organisatie": "tu",
                "regeling": "testwet",
                "artikel": "4",
                "bedrag": "1e30",
                "beginselen": "abbb",
                "perspectieven": [1],
            },
        ),
        (
            "/afwijkingen",
            {
                "organisatie": "tu",
                "regeling": "testwet",
                "artikel": "4",
                "huishouden": ["x"],
                "casus": {"a": 1},
            },
        ),
        (
            "/aanvechtingen",
            {
                "organisatie": "tu",
                "regeling": "testwet",
                "artikel": "4",
                "afwijkingen": [10**30],
                "argumenten": "één",
            },
        ),
        (
            "/aanvechtingen",
            {
                "organisatie": "tu",
                "regeling": "testwet",
                "artikel": "4",
                "afwijkingen": [999999],
                "toelichting": "x",
                "titel": "x",
            },
        ),
        (
            "/casusberaden",
            {"organisatie": "tu", "regeling": "testwet", "artikel": "\x00", "datum": "gisteren"},
        ),
        ("/afwijkingen/999999/indienen", {}),
    ],
)
def test_bad_input_is_refused_without_a_server_error(
    client: Client, wereld: Wereld, pad: str, data: Any
) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.post(f"{API}{pad}", data, content_type="application/json")
    assert response.status_code in (400, 404), response.content
    assert response["Content-Type"] == "application/problem+json"
    assert not Afwijking.objects.exists()
    assert not Aanvechting.objects.exists()
    assert not Casusberaad.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        "?regeling=test\x00wet",
        "?status=\x00",
        "?regeling=" + "x" * 5000,
    ],
)
def test_nasty_list_filters(client: Client, wereld: Wereld, query: str) -> None:
    ingelogd(client, wereld.medewerker)
    assert client.get(f"{API}/afwijkingen{query}").status_code in (200, 400)
    assert client.get(f"{API}/casusberaden?zoek=a\x00b").status_code == 200
    response = client.get(f"{API}/precedenten?regeling=test\x00wet&artikel=4&bedrag=-1")
    assert response.status_code == 400

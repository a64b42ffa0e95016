"""Query budgets: the lists and the public pages read a fixed number of queries, whatever the
number of proposals, toetsen and assignments."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.conftest import ingelogd

from .. import services
from ..constants import Haalbaarheid, Teruggavereden
from ..models import Beleidsvoorstel, Opdracht, Uitvoeringstoets
from .conftest import Wereld

pytestmark = pytest.mark.django_db


def _vul(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
    maak_opdracht: Callable[..., Opdracht],
) -> None:
    voorstel = maak_voorstel()
    b = services.add_belofte(voorstel=voorstel, door=wereld.beleidsmaker, soort="wel", tekst="X.")
    maak_toets(voorstel, bevindingen={b.pk: (Haalbaarheid.NIET_HAALBAAR, "Nee.")})
    services.return_opdracht(
        opdracht=maak_opdracht(),
        door=wereld.bestuur,
        reden=Teruggavereden.MIDDELEN,
        toelichting="Geen geld.",
    )


def _tel(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/openbaar/beleid/",
        "/openbaar/beleid/opdrachten/",
        "/openbaar/beleid/trackrecord/",
        "/openbaar/beleid/uitvoeringstoetsen.json",
        "/openbaar/beleid/uitvoeringstoetsen.csv",
        "/api/v1/beleidsvoorstellen",
        "/api/v1/uitvoeringstoetsen",
    ],
)
def test_public_lists_do_not_grow_with_the_data(
    client: Client,
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
    maak_opdracht: Callable[..., Opdracht],
    url: str,
) -> None:
    _vul(wereld, maak_voorstel, maak_toets, maak_opdracht)
    een = _tel(client, url)
    for _i in range(3):
        _vul(wereld, maak_voorstel, maak_toets, maak_opdracht)
    assert _tel(client, url) == een


@pytest.mark.parametrize("url", ["/beleid/", "/api/v1/opdrachten"])
def test_work_lists_do_not_grow_with_the_data(
    client: Client,
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
    maak_opdracht: Callable[..., Opdracht],
    url: str,
) -> None:
    ingelogd(client, wereld.beleidsmaker)
    _vul(wereld, maak_voorstel, maak_toets, maak_opdracht)
    een = _tel(client, url)
    for _i in range(3):
        _vul(wereld, maak_voorstel, maak_toets, maak_opdracht)
    assert _tel(client, url) == een

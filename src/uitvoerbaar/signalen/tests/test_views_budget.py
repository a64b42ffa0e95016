"""Query budgets of the signalen list pages: the number of queries does not grow with the
number of signals, knelpunten or noodremmen shown (DESIGN §4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.kennisbank.tests.factories import ArtikelFactory
from uitvoerbaar.signalen import services

from .conftest import Wereld

pytestmark = pytest.mark.django_db

Meld = Callable[..., services.Melding]


def _queries(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(pad).status_code == 200, pad
    return len(queries)


def _meer(wereld: Wereld, meld: Meld) -> None:
    """One more of everything the lists show, with all its relations filled in."""
    artikel = ArtikelFactory.create()
    for door, kanaal in ((wereld.medewerker, "benoemd"), (wereld.medewerker, "vertrouwelijk")):
        meld(
            door=door,
            kanaal=kanaal,
            eenheid=wereld.eenheid,
            regeling=artikel.regeling,
            artikel=artikel,
            beginselen=[wereld.beginsel],
        )
    signaal = meld(door=None, kanaal="anoniem", regeling=artikel.regeling).signaal
    services.create_knelpunt(
        door=wereld.behandelaar,
        organisatie=wereld.uitvoerder,
        regeling=artikel.regeling,
        artikel=None,
        naam=f"Knelpunt over {artikel.regeling.naam}",
        omschrijving="",
        signalen=[signaal],
    )
    services.pull_noodrem(
        door=wereld.medewerker,
        organisatie=wereld.uitvoerder,
        titel="Stop het beslag",
        schade="Gezinnen houden te weinig over.",
        stoppen="Het beslag.",
        beginselen=[wereld.beginsel],
        regeling=artikel.regeling,
        eenheid=wereld.eenheid,
    )


@pytest.mark.parametrize(
    ("wie", "pad"),
    [
        ("behandelaar", "/signalen/"),
        ("bestuur", "/signalen/"),
        ("medewerker", "/signalen/mijn/"),
        ("behandelaar", "/signalen/knelpunten/"),
        ("medewerker", "/signalen/noodrem/"),
        ("bestuur", "/signalen/noodrem/"),
        ("bestuur", "/signalen/dashboard/"),
    ],
)
def test_a_list_takes_the_same_number_of_queries_whatever_its_length(
    wereld: Wereld, meld: Meld, wie: str, pad: str
) -> None:
    user: Gebruiker = getattr(wereld, wie)
    client = ingelogd(Client(), user)
    _meer(wereld, meld)
    client.get(pad)  # the first request of a session reads more (device, memberships)
    een = _queries(client, pad)
    for _ in range(3):
        _meer(wereld, meld)
    assert _queries(client, pad) == een

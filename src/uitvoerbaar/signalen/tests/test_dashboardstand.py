"""The board dashboard is counted at most every DASHBOARD_VERVERSEN_SECONDEN per organisation
(signalen.Dashboardstand): a page within the interval reads the stored figures (no count over
the signals), says when they were counted, and the job `dashboards_verversen` keeps a stand
fresh while the board uses it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core import jobs
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.models import Dashboardstand

from .conftest import Wereld
from .pagina import html

pytestmark = pytest.mark.django_db

DASHBOARD = "/signalen/dashboard/"
BEGIN = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
Meld = Callable[..., services.Melding]


@pytest.fixture
def klok() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(BEGIN, tick=False) as k:
        yield k


def _signalen(client: Client) -> str:
    tekst = html(client.get(DASHBOARD))
    return re.search(r"<dt>Signalen</dt><dd>(\d+)</dd>", tekst).group(1)  # type: ignore[union-attr]


def test_within_the_interval_the_page_reads_the_stand_and_says_when(
    client: Client, wereld: Wereld, meld: Meld, klok: time_machine.Coordinates
) -> None:
    meld()
    ingelogd(client, wereld.bestuur)
    assert _signalen(client) == "1"
    meld(titel="Een tweede signaal")

    klok.shift(dt.timedelta(minutes=4))
    with CaptureQueriesContext(connection) as ctx:
        tekst = html(client.get(DASHBOARD))
    assert "Stand van 2 maart 2026, 11:00." in tekst  # counted at 10:00 UTC, shown in Amsterdam
    assert not [q for q in ctx.captured_queries if "signalen_signaal" in q["sql"]]
    assert _signalen(client) == "1"

    klok.shift(dt.timedelta(minutes=1))  # five minutes: counted again
    assert _signalen(client) == "2"
    assert Dashboardstand.objects.get().berekend_op == BEGIN + dt.timedelta(minutes=5)


def test_the_job_keeps_a_used_stand_fresh_and_leaves_unused_ones(
    client: Client, wereld: Wereld, meld: Meld, klok: time_machine.Coordinates
) -> None:
    meld()
    ingelogd(client, wereld.bestuur).get(DASHBOARD)
    meld(titel="Een tweede signaal")

    klok.shift(dt.timedelta(minutes=2))
    with CaptureQueriesContext(connection) as ctx:
        assert jobs.run("dashboards_verversen") == "0 dashboards bijgewerkt"
    assert len(ctx.captured_queries) == 1  # half the interval has not passed

    klok.shift(dt.timedelta(minutes=1))
    assert jobs.run("dashboards_verversen") == "1 dashboards bijgewerkt"
    stand = Dashboardstand.objects.get()
    assert stand.cijfers["signalen_totaal"] == 2
    assert stand.berekend_op == timezone.now()

    # Not looked at for a day: the job leaves it; the next visit counts it again.
    klok.shift(dt.timedelta(days=1, minutes=1))
    meld(titel="Een derde signaal")
    assert jobs.run("dashboards_verversen") == "0 dashboards bijgewerkt"
    assert _signalen(ingelogd(client, wereld.bestuur)) == "3"  # a day on: a new session


def test_labels_follow_the_readers_language(
    client: Client, wereld: Wereld, meld: Meld, klok: time_machine.Coordinates
) -> None:
    meld()
    ingelogd(client, wereld.bestuur)
    assert "Geen eenheid" in html(client.get(DASHBOARD))
    client.post("/taal/", {"language": "en", "next": DASHBOARD})
    engels = html(client.get(DASHBOARD))
    assert "No unit" in engels and "Geen eenheid" not in engels


def test_only_the_board_of_the_organisation_gets_a_stand(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    meld()
    for persoon in (wereld.behandelaar, wereld.medewerker, wereld.behandelaar_andere):
        assert ingelogd(client, persoon).get(DASHBOARD).status_code in (403, 404)
    assert not Dashboardstand.objects.exists()

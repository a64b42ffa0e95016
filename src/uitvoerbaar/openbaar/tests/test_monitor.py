"""The comply-or-explain monitor on top of the register's public selectors: grouped counts per
organisation and per ministry, the chart with its table, a fixed number of queries whatever the
number of organisations or requests."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.openbaar import selectors as openbaar_selectors
from uitvoerbaar.responsplicht import selectors_openbaar, services
from uitvoerbaar.responsplicht.constants import Publicatie
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.responsplicht.tests.conftest import Wereld
from uitvoerbaar.responsplicht.tests.factories import SoortFactory

pytestmark = pytest.mark.django_db
Maak = Callable[..., Reactieverzoek]


def _onderwerp(n: int) -> services.Onderwerp:
    return services.Onderwerp(type="test.casus", id=str(n), titel=f"Casus {n}")


def _pas_toe(verzoek: Reactieverzoek, door: object) -> None:
    services.answer_pas_toe(
        verzoek=verzoek,
        door=door,  # type: ignore[arg-type]
        maatregel="We stoppen de automatische terugvordering.",
        eigenaar="Team",
        datum=dt.date(2027, 4, 1),
    )


def _leg_uit(verzoek: Reactieverzoek, door: object, beginsel: Beginsel) -> None:
    services.answer_leg_uit(
        verzoek=verzoek,
        door=door,  # type: ignore[arg-type]
        redenen="De wet laat geen ruimte.",
        beginselen=[beginsel],
        antwoorden=["Gezien.", "Die ruimte is er niet."],
    )


def _stil(verzoek: Reactieverzoek) -> None:
    services.process_due_request(verzoek_id=verzoek.pk, vandaag_=dt.date(2027, 3, 20))
    services.process_due_request(verzoek_id=verzoek.pk, vandaag_=dt.date(2027, 5, 1))


@pytest.fixture
def gevuld(wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel) -> Wereld:
    """The executive organisation: pas toe and leg uit in time, one leg uit late, one silence
    (escalated to the ministry and unanswered there too), one silence of a kind that publishes
    nothing (counted as overdue, never as published silence)."""
    _pas_toe(maak_verzoek(onderwerp=_onderwerp(1)), wereld.bestuur)
    _leg_uit(maak_verzoek(onderwerp=_onderwerp(2)), wereld.bestuur, beginsel)
    laat = maak_verzoek(onderwerp=_onderwerp(3))
    with time_machine.travel(dt.datetime(2027, 3, 12, 10, 0, tzinfo=dt.UTC), tick=False):
        _leg_uit(laat, wereld.bestuur, beginsel)
    _stil(maak_verzoek(onderwerp=_onderwerp(4)))
    niets = SoortFactory.create(code="wbk-test", publicatie=Publicatie.NIETS, stilte_openbaar=True)
    _stil(maak_verzoek(onderwerp=_onderwerp(5), soort=niets))
    return wereld


def test_grouped_counts_per_organisation(gevuld: Wereld) -> None:
    w = gevuld
    cijfers = selectors_openbaar.monitorcijfers(
        [w.uitvoerder.pk, w.ministerie.pk, w.andere.pk], op=dt.date(2027, 5, 2)
    )
    assert cijfers[w.uitvoerder.pk] == selectors_openbaar.Monitorcijfers(
        op_tijd=2, te_laat=1, pas_toe=1, leg_uit=2, te_laat_nu=0, stilte=0
    )
    # Both silences ended at the ministry's top: overdue now twice, published silence once (the
    # kind that publishes nothing is counted, but its silence is not published).
    assert cijfers[w.ministerie.pk] == selectors_openbaar.Monitorcijfers(te_laat_nu=2, stilte=1)
    assert cijfers[w.andere.pk] == selectors_openbaar.Monitorcijfers()
    totaal = selectors_openbaar.monitortotaal(op=dt.date(2027, 5, 2))
    assert (totaal.op_tijd, totaal.leg_uit, totaal.te_laat_nu, totaal.stilte) == (2, 2, 2, 1)
    ministeries = selectors_openbaar.monitortotaal(
        organisatie_soort="ministerie", op=dt.date(2027, 5, 2)
    )
    assert (ministeries.beantwoord, ministeries.te_laat_nu, ministeries.stilte) == (0, 2, 1)


def test_the_monitor_page_shows_organisations_and_ministries_as_chart_and_table(
    client: Client, gevuld: Wereld
) -> None:
    with time_machine.travel(dt.datetime(2027, 5, 2, 10, 0, tzinfo=dt.UTC), tick=False):
        body = client.get("/openbaar/monitor/").content.decode()
    organisaties = body.split('data-testid="monitor-organisaties"')[1].split("</table>")[0]
    rij = organisaties.split("Testuitvoering")[1].split("</tr>")[0]
    assert re.search(r'data-testid="op-tijd">2<', rij)
    assert re.search(r'data-testid="leg-uit">2<', rij)
    ministeries = body.split('data-testid="monitor-ministeries"')[1].split("</table>")[0]
    assert "Ministerie van Test" in ministeries
    assert "Testuitvoering" not in ministeries
    rij = ministeries.split("Ministerie van Test")[1].split("</tr>")[0]
    assert re.search(r'data-testid="te-laat-nu">2<', rij)
    assert f"/openbaar/register/organisaties/{gevuld.ministerie.slug}/?toon=stilte" in rij
    # Server-side SVG with a title and description, and no script.
    assert body.count('<svg xmlns="http://www.w3.org/2000/svg"') == 2
    assert '<title id="grafiek-organisaties-titel">' in body
    assert re.search(r'data-testid="totaal-stilte">1<', body)


def test_an_empty_monitor_says_so(client: Client, db: None) -> None:
    body = client.get("/openbaar/monitor/").content.decode()
    assert 'data-testid="monitor-leeg"' in body


def _veel(wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, n: int, start: int) -> None:
    for i in range(start, start + n):
        org = OrganisatieFactory.create(eigenaar_ministerie=wereld.ministerie)
        bestuur = persoon_met_rol(Rol.BESTUUR, org)
        verzoek = maak_verzoek(
            onderwerp=_onderwerp(i), ontvanger_organisatie=org, verzoeker_organisatie=org
        )
        _leg_uit(verzoek, bestuur, beginsel)


def test_the_monitor_costs_the_same_queries_for_few_or_many_organisations(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    _veel(wereld, maak_verzoek, beginsel, 2, 100)
    with CaptureQueriesContext(connection) as weinig:
        assert client.get("/openbaar/monitor/").status_code == 200
    _veel(wereld, maak_verzoek, beginsel, 8, 200)
    cache.clear()  # the national totals are kept a minute: count them again here too
    with CaptureQueriesContext(connection) as veel:
        assert client.get("/openbaar/monitor/").status_code == 200
    assert len(veel) == len(weinig)
    with CaptureQueriesContext(connection) as api:
        assert client.get("/api/v1/openbaar/monitor").status_code == 200
    assert len(api) <= 4


def test_the_national_totals_are_kept_a_while_then_counted_again(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, settings: Any
) -> None:
    """The portal's totals (home and monitor) are counted at most every
    OPENBAAR_TOTALEN_SECONDEN; an answer given meanwhile shows after that."""
    _veel(wereld, maak_verzoek, beginsel, 1, 300)
    eerst = openbaar_selectors.monitortotaal()
    _veel(wereld, maak_verzoek, beginsel, 1, 301)
    assert openbaar_selectors.monitortotaal() == eerst
    later = timezone.now() + dt.timedelta(seconds=settings.OPENBAAR_TOTALEN_SECONDEN + 1)
    with time_machine.travel(later):
        assert openbaar_selectors.monitortotaal().leg_uit == eerst.leg_uit + 1

"""The demo of issue 6 ("Done when"), loaded in the demo world: the proposal is at
besluitvorming with a negative toets, a condition answered leg uit, a flagged promise and an
assignment handed back and answered; the public pages show them. A second load changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import demo as core_demo

from .. import selectors
from ..constants import Opdrachtstatus, Teruggaveuitkomst, Toetsoordeel, Voorwaardeantwoord
from ..demo import TITEL
from ..models import Beleidsvoorstel, Opdracht

pytestmark = pytest.mark.django_db


def test_the_demo_walks_the_journey_and_loads_once(client: Client) -> None:
    resultaat = core_demo.load_demo()
    assert resultaat.beleidsvoorstellen == 1
    voorstel = Beleidsvoorstel.objects.get(titel=TITEL)
    assert voorstel.stappen.get(status="actief").naam == "Besluitvorming"
    toets = voorstel.toetsen.get()
    assert toets.oordeel == Toetsoordeel.NIET_UITVOERBAAR and toets.gepubliceerd
    assert toets.perspectieven is not None and toets.perspectieven.is_compleet
    assert [v.antwoord for v in toets.voorwaarden.order_by("volgorde")] == [
        Voorwaardeantwoord.LEG_UIT,
        Voorwaardeantwoord.PAS_TOE,
    ]
    assert [b.vlag for b in selectors.beloften_met_vlag(voorstel=voorstel)] == [True, False, False]
    teruggegeven = Opdracht.objects.get(teruggaven__isnull=False)
    assert teruggegeven.status == Opdrachtstatus.ACTIEF
    assert teruggegeven.teruggaven.get().uitkomst == Teruggaveuitkomst.GEWIJZIGD
    assert voorstel.stappen.filter(betrokkenen__status="zonder").count() == 1

    pagina = client.get(f"/openbaar/beleid/voorstellen/{voorstel.pk}/").content.decode()
    assert 'data-testid="belofte-vlag"' in pagina
    assert "Niet uitvoerbaar" in pagina
    assert "Lindendal gaf bij de probleemanalyse" in pagina
    # What citizens are entitled to now under the Participatiewet (kennisbank), beside it.
    assert 'data-testid="rechten-nu"' in pagina
    opdracht = client.get(f"/openbaar/beleid/opdrachten/{teruggegeven.pk}/").content.decode()
    assert "Opdracht gewijzigd (pas toe)" in opdracht
    # The flag follows the proposal onto the assignment's page.
    assert 'data-testid="vlag-beloften"' in opdracht

    aantal = AuditEvent.objects.count()
    assert core_demo.load_demo().wijzigingen == 0
    assert AuditEvent.objects.count() == aantal

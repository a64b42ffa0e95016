"""The demo: a service whose budget cut breaks a lower bound, the trade-offs recorded, a
keuzenota, a service where the model refuses for lack of data, and a gap in employment
conditions. Loading twice changes nothing."""

from __future__ import annotations

import pytest

from uitvoerbaar.core.demo import load_demo
from uitvoerbaar.dienstverlening import selectors
from uitvoerbaar.dienstverlening.models import Dienst, Keuzenota, Scenario


@pytest.mark.django_db
def test_demo_shows_the_issue_done_criteria() -> None:
    load_demo()
    ww = Dienst.objects.get(naam="WW-uitkering toekennen")
    a = selectors.analyse(ww)
    assert all(ia.fit.bruikbaar for ia in a.indicatoren)
    taakstelling = selectors.projecteer(Scenario.objects.get(dienst=ww, naam="Taakstelling 15%"), a)
    assert {i.indicator.code for i in taakstelling.gebroken} == {"doorlooptijd", "bereikbaarheid"}
    huidig = selectors.projecteer(Scenario.objects.get(dienst=ww, naam="Huidig budget"), a)
    assert huidig.gebroken == []
    assert taakstelling.scenario.waardenafwegingen.count() == 1
    nota = Keuzenota.objects.get(dienst=ww)
    assert nota.opties.count() == 3 and nota.geadviseerd.naam == "Huidig budget"
    bezwaar = selectors.analyse(Dienst.objects.get(naam__startswith="Bezwaar"))
    assert not bezwaar.indicatoren[0].fit.bruikbaar
    assert bezwaar.aantal_onderschrijdingen == 1  # 88 days against the 84 of art. 7:10 Awb
    v = selectors.vergelijking()
    assert v.aantal_achter > 0 and len(v.organisaties) == 6
    tweede = load_demo()
    assert tweede.diensten == 0 and tweede.wijzigingen == 0

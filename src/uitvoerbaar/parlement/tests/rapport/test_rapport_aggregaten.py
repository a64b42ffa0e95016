"""The aggregate selectors behind the Stand van de uitvoering give the right numbers on a small
world across every source, in a fixed number of grouped queries."""

from __future__ import annotations

from typing import Any

import pytest

from uitvoerbaar.parlement import rapport_selectors as selectors

from .conftest import TOT, VAN, VANDAAG, Wereld

pytestmark = pytest.mark.django_db


def _context(stappen: list[selectors.Stap]) -> dict[str, Any]:
    ctx: dict[str, Any] = {}
    for _naam, stap in stappen:
        stap(ctx)
    return ctx


def test_organisation_report_counts_every_source(gevuld: Wereld) -> None:
    w = gevuld
    ctx = _context(
        selectors.organisatie_stappen(organisatie=w.uitvoerder, van=VAN, tot=TOT, vandaag=VANDAAG)
    )
    artikelen = {(r.regeling, r.artikel): (r.signalen, r.aanvechtingen) for r in ctx["artikelen"]}
    assert artikelen == {
        ("Wet op de testtoeslag", "2"): (3, 0),
        ("Wet op de testtoeslag", "3"): (1, 1),
        ("Geen regeling genoemd", "—"): (1, 0),
    }
    assert ctx["signalen_totaal"] == 5
    knelpunten = ctx["knelpunten"]
    assert [(k["naam"], k["aantal_signalen"]) for k in knelpunten] == [
        ("Volledige terugvordering bij kleine fouten", 2)
    ]
    n = ctx["noodremmen"]
    assert (n.totaal, n.pas_toe, n.leg_uit, n.op_tijd, n.te_laat, n.te_laat_nu, n.lopend) == (
        2,
        1,
        0,
        1,
        0,
        1,
        0,
    )
    assert ctx["aanvechtingen_totaal"] == 1
    assert ctx["aanvechtingen"] == [("Wacht op antwoord", 1)]
    # Four weeks from 20 October ended on 17 November: late now, on 20 November.
    t = ctx["teruggaven"]
    assert (t.totaal, t.lopend, t.te_laat_nu) == (1, 0, 1)
    assert ctx["teruggaven_redenen"] == [("Strijdig met beginselen van goed bestuur", 1)]
    assert ctx["toetsen"] == [("Niet uitvoerbaar", 1)]
    assert [
        (o["indicator__naam"], o["onder"], o["metingen"]) for o in ctx["onderschrijdingen"]
    ] == [("Doorlooptijd aanvraag", 1, 2)]
    eigen = {r.naam: r.telling for r in ctx["nakoming"]}
    assert eigen["Noodrem"].totaal == 2
    assert eigen["Noodrem"].op_tijd == 1 and eigen["Noodrem"].te_laat_nu == 1
    ministerie = {r.naam: r.telling for r in ctx["nakoming_ministerie"]}
    # Six weeks for the aanvechting still run; the return's four weeks passed.
    assert {k: (t.totaal, t.lopend, t.te_laat_nu) for k, t in ministerie.items()} == {
        "Aanvechting van een regel": (1, 1, 0),
        "Teruggave van een opdracht": (1, 0, 1),
    }
    assert "<svg" in ctx["grafiek_artikelen"] and "<svg" in ctx["grafiek_nakoming"]


def test_national_overview_has_a_row_per_organisation_and_totals(gevuld: Wereld) -> None:
    w = gevuld
    ctx = _context(selectors.landelijk_stappen(van=VAN, tot=TOT, vandaag=VANDAAG))
    rijen = {r.organisatie.slug: r for r in ctx["rijen"]}
    assert set(rijen) == {"tu", "au"}
    tu, au = rijen["tu"], rijen["au"]
    assert (tu.signalen, tu.knelpunten, tu.noodremmen.totaal, tu.aanvechtingen) == (5, 1, 2, 1)
    assert (tu.teruggaven, tu.toetsen, tu.onderschrijdingen) == (1, 1, 1)
    assert tu.noodremmen.te_laat_nu == 1
    assert au.signalen == 1 and au.noodremmen.totaal == 0
    totaal = ctx["totaal"]
    assert totaal.signalen == 6
    assert totaal.nakoming.totaal == tu.nakoming.totaal + au.nakoming.totaal
    assert w.uitvoerder.naam == "Testuitvoering"


def test_national_overview_costs_a_fixed_number_of_queries(
    gevuld: Wereld, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(12):
        _context(selectors.landelijk_stappen(van=VAN, tot=TOT, vandaag=VANDAAG))

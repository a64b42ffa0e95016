"""Services of the dienstverlening app: lower bounds and their breaches, scenarios across a
lower bound, value trade-offs from four perspectives, the keuzenota, employment conditions.
Each refusal changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol
from uitvoerbaar.dienstverlening import selectors, services
from uitvoerbaar.dienstverlening.models import (
    Arbeidsvoorwaarde,
    Dienst,
    Indicator,
    Keuzenota,
    Ondergrens,
    Scenario,
    Waardenafweging,
)

from .conftest import Wereld


def _events(naam: str) -> int:
    return AuditEvent.objects.filter(event=naam).count()


# --- services and indicators ------------------------------------------------------------------


def test_a_ministry_delivers_no_service_here(wereld: Wereld) -> None:
    beheerder = persoon_met_rol("beheerder", wereld.ministerie)
    with pytest.raises(ValidationError) as fout:
        services.create_dienst(door=beheerder, organisatie=wereld.ministerie, naam="Beleid")
    assert "uitvoeringsorganisaties" in fout.value.message_dict["organisatie"][0]


def test_indicator_without_unit_is_refused(wereld: Wereld) -> None:
    with pytest.raises(ValidationError) as fout:
        services.create_indicator(
            door=wereld.beheerder,
            dienst=wereld.dienst,
            naam="Wachttijd",
            eenheid="",
            richting="lager_beter",
        )
    assert fout.value.message_dict["eenheid"] == [
        "Kies de eenheid waarin de indicator wordt gemeten."
    ]
    assert not Indicator.objects.filter(naam="Wachttijd").exists()


def test_indicator_code_must_be_unique_per_service(wereld: Wereld) -> None:
    with pytest.raises(ValidationError) as fout:
        services.create_indicator(
            door=wereld.beheerder,
            dienst=wereld.dienst,
            code="doorlooptijd",
            naam="Nog een",
            eenheid="dagen",
            richting="lager_beter",
        )
    assert "code" in fout.value.message_dict


# --- lower bounds ------------------------------------------------------------------------------


def test_lower_bound_flags_and_counts_breaches_in_the_right_direction(met_gegevens: Wereld) -> None:
    w = met_gegevens
    a = selectors.analyse(w.dienst)
    per_code = {ia.indicator.code: ia for ia in a.indicatoren}
    # lower is better: a bound just under the highest value is broken exactly once
    hoogste = max(p.waarde for p in per_code["doorlooptijd"].punten)
    services.set_ondergrens(
        door=w.bestuur, indicator=w.doorlooptijd, grens=hoogste - 1e-6, waarde="Bestaanszekerheid"
    )
    # higher is better: a bound just above the lowest value is broken exactly once
    laagste = min(p.waarde for p in per_code["bereikbaarheid"].punten)
    services.set_ondergrens(
        door=w.bestuur, indicator=w.bereikbaarheid, grens=laagste + 1e-6, waarde="Toegankelijkheid"
    )
    a = selectors.analyse(w.dienst)
    per_code = {ia.indicator.code: ia for ia in a.indicatoren}
    assert per_code["doorlooptijd"].aantal_onderschrijdingen == 1
    assert per_code["doorlooptijd"].onderschrijdingen[0].waarde == hoogste
    assert per_code["bereikbaarheid"].aantal_onderschrijdingen == 1
    assert per_code["bereikbaarheid"].onderschrijdingen[0].waarde == laagste
    assert a.aantal_onderschrijdingen == 2


def test_lower_bound_records_who_and_keeps_the_old_value_in_the_audit_log(
    met_gegevens: Wereld,
) -> None:
    w = met_gegevens
    services.set_ondergrens(door=w.bestuur, indicator=w.doorlooptijd, grens=30, waarde="Tijd")
    grens = Ondergrens.objects.get(indicator=w.doorlooptijd)
    assert grens.vastgesteld_door == w.bestuur and grens.grens == 30
    laatste = AuditEvent.objects.filter(event="dienstverlening.ondergrens_vastgesteld").last()
    assert laatste is not None and laatste.data["vorige"] == 25.0 and laatste.data["grens"] == 30


@pytest.mark.parametrize(
    ("grens", "veld_fout"),
    [("abc", "De grens moet een getal zijn."), ("-1", "De grens mag niet negatief zijn.")],
)
def test_bad_lower_bound_is_refused(wereld: Wereld, grens: str, veld_fout: str) -> None:
    with pytest.raises(ValidationError) as fout:
        services.set_ondergrens(
            door=wereld.bestuur, indicator=wereld.doorlooptijd, grens=grens, waarde="x"
        )
    assert fout.value.message_dict["grens"] == [veld_fout]
    assert not Ondergrens.objects.exists()


def test_percentage_bound_above_hundred_is_refused(wereld: Wereld) -> None:
    with pytest.raises(ValidationError):
        services.set_ondergrens(
            door=wereld.bestuur, indicator=wereld.bereikbaarheid, grens=120, waarde="x"
        )


@pytest.mark.parametrize("wie", ["behandelaar", "beheerder", "bestuur_andere", "beleidsmaker"])
def test_only_the_own_board_sets_a_lower_bound(wereld: Wereld, wie: str) -> None:
    with pytest.raises(PermissionDenied):
        services.set_ondergrens(
            door=getattr(wereld, wie), indicator=wereld.doorlooptijd, grens=20, waarde="x"
        )
    assert not Ondergrens.objects.exists()


# --- scenarios ---------------------------------------------------------------------------------


def _scenario(w: Wereld, naam: str, factor: float) -> Scenario:
    laatste = w.dienst.middelen.order_by("-periode").first()
    assert laatste is not None
    return services.create_scenario(
        door=w.behandelaar,
        dienst=w.dienst,
        naam=naam,
        budget=laatste.budget * Decimal(str(factor)),
        fte=laatste.fte * Decimal(str(factor)),
        volume=laatste.volume,
    )


def test_a_budget_cut_across_a_lower_bound_is_flagged(met_gegevens: Wereld) -> None:
    w = met_gegevens
    a = selectors.analyse(w.dienst)
    gelijk = selectors.projecteer(_scenario(w, "Gelijk", 1.0), a)
    assert gelijk.gebroken == []
    # a 40% cut: doorlooptijd rises by about 1.6*4.8 + 0.05*72 = 11 days, far over 25
    snijden = selectors.projecteer(_scenario(w, "Bezuiniging", 0.6), a)
    gebroken = {i.indicator.code for i in snijden.gebroken}
    assert gebroken == {"doorlooptijd", "bereikbaarheid"}
    for i in snijden.gebroken:
        assert i.kans is not None and i.kans > 0.5
        assert set(i.projectie.buiten_bereik) == {"budget", "fte"}


def test_with_too_few_periods_the_scenario_says_so(wereld: Wereld) -> None:
    from .conftest import synthetische_csv

    services.import_csv(door=wereld.beheerder, dienst=wereld.dienst, inhoud=synthetische_csv(5))
    s = selectors.projecteer(_scenario(wereld, "Weinig", 0.8), selectors.analyse(wereld.dienst))
    assert len(s.onbekend) == 2 and s.gebroken == []
    assert all("Te weinig gegevens" in i.projectie.reden for i in s.onbekend)


@pytest.mark.parametrize(
    ("veld", "waarden"),
    [
        ("budget", {"budget": "-1", "fte": "1", "volume": "1"}),
        ("fte", {"budget": "1", "fte": "-0.5", "volume": "1"}),
        ("volume", {"budget": "1", "fte": "1", "volume": "1.5"}),
        ("budget", {"budget": "veel", "fte": "1", "volume": "1"}),
        ("budget", {"budget": "", "fte": "1", "volume": "1"}),
        ("budget", {"budget": "1e13", "fte": "1", "volume": "1"}),
        ("fte", {"budget": "1", "fte": "123456789", "volume": "1"}),
        ("volume", {"budget": "1", "fte": "1", "volume": "3000000000"}),
        ("volume", {"budget": "1", "fte": "1", "volume": "1.004"}),
    ],
)
def test_bad_scenario_means_are_refused(wereld: Wereld, veld: str, waarden: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as fout:
        services.create_scenario(door=wereld.behandelaar, dienst=wereld.dienst, naam="X", **waarden)
    assert veld in fout.value.message_dict
    assert not Scenario.objects.exists()
    assert _events("dienstverlening.scenario_aangemaakt") == 0


@pytest.mark.parametrize("wie", ["medewerker", "beheerder", "bestuur_andere", "beleidsmaker"])
def test_scenario_refused_for_wrong_role_or_organisation(wereld: Wereld, wie: str) -> None:
    with pytest.raises(PermissionDenied):
        services.create_scenario(
            door=getattr(wereld, wie), dienst=wereld.dienst, naam="X", budget=1, fte=1, volume=1
        )


# --- value trade-offs --------------------------------------------------------------------------


PERSPECTIEVEN = {
    "juridisch_oordeel": "zorgen",
    "juridisch_toelichting": "Beslistermijn in gevaar.",
    "financieel_oordeel": "geen_zorgen",
    "professioneel_oordeel": "ernstige_zorgen",
    "professioneel_toelichting": "Geen tijd voor maatwerk.",
    "burger_oordeel": "ernstige_zorgen",
    "burger_toelichting": "Langer zonder inkomen.",
}


def test_trade_off_is_recorded_from_four_perspectives(met_gegevens: Wereld) -> None:
    s = _scenario(met_gegevens, "Bezuiniging", 0.8)
    afw = services.add_waardenafweging(
        door=met_gegevens.behandelaar,
        scenario=s,
        waarde_a="Snelheid",
        waarde_b="Zorgvuldigheid",
        afweging="Zorgvuldigheid gaat voor.",
        perspectieven=PERSPECTIEVEN,
    )
    oordelen = {r.perspectief: r.oordeel for r in afw.perspectieven.regels()}
    assert oordelen == {
        "juridisch": "zorgen",
        "financieel": "geen_zorgen",
        "professioneel": "ernstige_zorgen",
        "burger": "ernstige_zorgen",
    }
    assert _events("dienstverlening.waardenafweging_vastgelegd") == 1


def test_concern_without_explanation_refuses_the_whole_trade_off(met_gegevens: Wereld) -> None:
    s = _scenario(met_gegevens, "Bezuiniging", 0.8)
    with pytest.raises(ValidationError) as fout:
        services.add_waardenafweging(
            door=met_gegevens.behandelaar,
            scenario=s,
            waarde_a="Snelheid",
            waarde_b="snelheid",
            afweging="",
            perspectieven={**PERSPECTIEVEN, "burger_toelichting": ""},
        )
    fouten = fout.value.message_dict
    assert set(fouten) == {"waarde_b", "afweging", "burger_toelichting"}
    assert not Waardenafweging.objects.exists()
    from uitvoerbaar.kennisbank.models import Perspectiefbeoordeling

    assert not Perspectiefbeoordeling.objects.exists()


# --- keuzenota ---------------------------------------------------------------------------------


def test_keuzenota_needs_two_to_four_options_of_this_service_and_an_advice_among_them(
    met_gegevens: Wereld,
) -> None:
    w = met_gegevens
    opties = [_scenario(w, f"Optie {i}", 1 - i / 10) for i in range(5)]
    andere_dienst = Dienst.objects.create(organisatie=w.andere, naam="Elders")
    vreemd = Scenario.objects.create(
        dienst=andere_dienst,
        naam="Vreemd",
        budget=1,
        fte=1,
        volume=1,
        aangemaakt_door=w.bestuur_andere,
        aangemaakt_op=opties[0].aangemaakt_op,
    )
    basis = {
        "door": w.bestuur,
        "dienst": w.dienst,
        "titel": "Nota",
        "aanleiding": "Vraag",
        "advies": "A",
    }
    gevallen = [
        (opties[:1], opties[0], "opties"),
        (opties, opties[0], "opties"),
        ([opties[0], vreemd], opties[0], "opties"),
        (opties[:2], opties[3], "geadviseerd"),
        (opties[:2], None, "geadviseerd"),
    ]
    for gekozen, advies, veld in gevallen:
        with pytest.raises(ValidationError) as fout:
            services.create_keuzenota(opties=gekozen, geadviseerd=advies, **basis)  # type: ignore[arg-type]
        assert veld in fout.value.message_dict
    assert not Keuzenota.objects.exists()
    nota = services.create_keuzenota(opties=opties[:3], geadviseerd=opties[1], **basis)  # type: ignore[arg-type]
    assert nota.opties.count() == 3


@pytest.mark.parametrize("wie", ["behandelaar", "beleidsmaker", "bestuur_andere"])
def test_only_the_own_board_draws_up_a_keuzenota(met_gegevens: Wereld, wie: str) -> None:
    a, b = _scenario(met_gegevens, "A", 1), _scenario(met_gegevens, "B", 0.9)
    with pytest.raises(PermissionDenied):
        services.create_keuzenota(
            door=getattr(met_gegevens, wie),
            dienst=met_gegevens.dienst,
            titel="T",
            aanleiding="A",
            opties=[a, b],
            geadviseerd=a,
            advies="X",
        )


# --- employment conditions ---------------------------------------------------------------------


def test_comparison_shows_the_gap_of_an_executor_against_the_ministries(wereld: Wereld) -> None:
    tweede = OrganisatieFactory.create(
        naam="Tweede Ministerie", slug="tm", soort=OrganisatieSoort.MINISTERIE
    )
    for org, waarde in [(wereld.ministerie, "2500"), (tweede, "2300"), (wereld.uitvoerder, "1200")]:
        beheerder = (
            wereld.beheerder if org == wereld.uitvoerder else persoon_met_rol("beheerder", org)
        )
        services.set_arbeidsvoorwaarde(
            door=beheerder, organisatie=org, onderwerp="opleidingsbudget", waarde=waarde
        )
    v = selectors.vergelijking()
    assert [o.slug for o in v.organisaties] == ["mvt", "tm", "tu"]  # ministries first
    (regel,) = v.regels
    assert regel.referentie == Decimal("2400.00")
    verschillen = {o.slug: verschil for o, _av, verschil in regel.waarden}
    assert verschillen == {"mvt": None, "tm": None, "tu": Decimal("-1200.00")}
    assert v.aantal_achter == 1


def test_negative_or_unknown_condition_is_refused(wereld: Wereld) -> None:
    for onderwerp, waarde, veld in [("verlof", "-3", "waarde"), ("fietsplan", "1", "onderwerp")]:
        with pytest.raises(ValidationError) as fout:
            services.set_arbeidsvoorwaarde(
                door=wereld.beheerder,
                organisatie=wereld.uitvoerder,
                onderwerp=onderwerp,
                waarde=waarde,
            )
        assert veld in fout.value.message_dict
    assert not Arbeidsvoorwaarde.objects.exists()


def test_conditions_of_another_organisation_cannot_be_set(wereld: Wereld) -> None:
    with pytest.raises(PermissionDenied):
        services.set_arbeidsvoorwaarde(
            door=wereld.beheerder, organisatie=wereld.andere, onderwerp="verlof", waarde="100"
        )


def test_breaches_counted_per_service_in_one_query_match_the_analysis(met_gegevens: Wereld) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    w = met_gegevens
    a = selectors.analyse(w.dienst)
    hoogste = max(p.waarde for p in a.indicatoren[0].punten)
    services.set_ondergrens(
        door=w.bestuur,
        indicator=a.indicatoren[0].indicator,
        grens=hoogste - 1e-6 if a.indicatoren[0].indicator.richting == "lager_beter" else hoogste,
        waarde="x",
    )
    verwacht = selectors.analyse(w.dienst).aantal_onderschrijdingen
    assert verwacht > 0
    with CaptureQueriesContext(connection) as queries:
        aantallen = selectors.onderschrijdingen_per_dienst([w.dienst])
    assert aantallen == {w.dienst.pk: verwacht}
    assert len(queries.captured_queries) == 1

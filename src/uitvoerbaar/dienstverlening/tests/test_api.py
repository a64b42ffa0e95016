"""/api/v1/diensten and /api/v1/arbeidsvoorwaarden: reads, scenario and import with
problem+json refusals in Dutch, and who may see what."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.dienstverlening import services
from uitvoerbaar.dienstverlening.models import Middelen, Scenario

from .conftest import Wereld, synthetische_csv

PROBLEM = "application/problem+json"


def test_list_and_detail_with_indicators_actuals_bounds_and_model(
    client: Client, met_gegevens: Wereld
) -> None:
    w = met_gegevens
    c = ingelogd(client, w.beleidsmaker)
    lijst = c.get("/api/v1/diensten").json()
    assert lijst == [{"id": w.dienst.pk, "naam": "Uitkering", "organisatie": "tu"}]
    d = c.get(f"/api/v1/diensten/{w.dienst.pk}").json()
    per_code = {i["code"]: i for i in d["indicatoren"]}
    dl = per_code["doorlooptijd"]
    assert (dl["eenheid"], dl["richting"]) == ("dagen", "lager_beter")
    assert len(dl["metingen"]) == 12 and set(dl["metingen"][0]) == {
        "periode",
        "waarde",
        "onder_grens",
    }
    assert dl["ondergrens"]["grens"] == 25.0 and dl["ondergrens"]["waarde"] == "Bestaanszekerheid"
    assert dl["model"]["bruikbaar"] is True
    assert {c["naam"] for c in dl["model"]["coefficienten"]} == {"budget", "fte", "volume"}
    assert len(d["middelen"]) == 12
    grenzen = c.get(f"/api/v1/diensten/{w.dienst.pk}/ondergrenzen").json()
    assert {g["indicator"] for g in grenzen} == {"doorlooptijd", "bereikbaarheid"}


def test_other_organisation_gets_404_as_problem(client: Client, wereld: Wereld) -> None:
    r = ingelogd(client, wereld.bestuur_andere).get(f"/api/v1/diensten/{wereld.dienst.pk}")
    assert r.status_code == 404 and r["Content-Type"] == PROBLEM
    assert ingelogd(Client(), wereld.bestuur_andere).get("/api/v1/diensten").json() == []


def test_anonymous_is_refused(client: Client, wereld: Wereld) -> None:
    r = client.get("/api/v1/diensten")
    assert r.status_code in (401, 403) and r["Content-Type"] == PROBLEM


def test_scenario_is_made_and_projected_with_a_broken_bound(
    client: Client, met_gegevens: Wereld
) -> None:
    w = met_gegevens
    laatste = w.dienst.middelen.order_by("-periode").first()
    assert laatste is not None
    c = ingelogd(client, w.behandelaar)
    r = c.post(
        f"/api/v1/diensten/{w.dienst.pk}/scenarios",
        {
            "naam": "Bezuiniging",
            "budget": str(laatste.budget * 6 / 10),
            "fte": str(laatste.fte * 6 / 10),
            "volume": laatste.volume,
        },
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    data = r.json()
    assert data["aantal_gebroken"] == 2
    dl = next(p for p in data["projecties"] if p["indicator"] == "doorlooptijd")
    assert dl["breekt_ondergrens"] is True and dl["band_laag"] < dl["waarde"] < dl["band_hoog"]
    services.add_waardenafweging(
        door=w.behandelaar,
        scenario=Scenario.objects.get(pk=data["id"]),
        waarde_a="Snelheid",
        waarde_b="Zorgvuldigheid",
        afweging="Zorgvuldigheid gaat voor.",
        perspectieven={"burger_oordeel": "zorgen", "burger_toelichting": "Langer wachten."},
    )
    (lijst,) = c.get(f"/api/v1/diensten/{w.dienst.pk}/scenarios").json()
    assert lijst["naam"] == "Bezuiniging"
    (afweging,) = lijst["waardenafwegingen"]
    assert (afweging["waarde"], afweging["tegenover"]) == ("Snelheid", "Zorgvuldigheid")
    oordelen = {p["perspectief"]: p["oordeel"] for p in afweging["perspectieven"]}
    assert oordelen == {
        "juridisch": "niet_beoordeeld",
        "financieel": "niet_beoordeeld",
        "professioneel": "niet_beoordeeld",
        "burger": "zorgen",
    }


def test_negative_budget_is_a_problem_in_dutch_and_changes_nothing(
    client: Client, wereld: Wereld
) -> None:
    r = ingelogd(client, wereld.behandelaar).post(
        f"/api/v1/diensten/{wereld.dienst.pk}/scenarios",
        {"naam": "X", "budget": -100, "fte": 10, "volume": 5},
        content_type="application/json",
    )
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    assert r.json()["errors"] == [
        {"field": "budget", "message": "Het budget mag niet negatief zijn."}
    ]
    assert not Scenario.objects.exists()


@pytest.mark.parametrize("wie", ["medewerker", "beleidsmaker"])
def test_scenario_refused_for_readers(client: Client, wereld: Wereld, wie: str) -> None:
    r = ingelogd(client, getattr(wereld, wie)).post(
        f"/api/v1/diensten/{wereld.dienst.pk}/scenarios",
        {"naam": "X", "budget": 1, "fte": 1, "volume": 1},
        content_type="application/json",
    )
    assert r.status_code == 403 and r["Content-Type"] == PROBLEM
    assert not Scenario.objects.exists()


def test_import_names_bad_rows_and_imports_nothing(client: Client, wereld: Wereld) -> None:
    c = ingelogd(client, wereld.beheerder)
    url = f"/api/v1/diensten/{wereld.dienst.pk}/import"
    slecht = synthetische_csv(3).replace("doorlooptijd (dagen)", "doorlooptijd (uren)")
    r = c.post(url, {"inhoud": slecht}, content_type="application/json")
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    (fout,) = r.json()["errors"]
    assert fout["field"] == "inhoud" and fout["message"].startswith(
        "Rij 1: De kolom 'doorlooptijd' is in uren"
    )
    assert not Middelen.objects.exists()
    r = c.post(url, {"inhoud": synthetische_csv()}, content_type="application/json")
    assert r.status_code == 200 and r.json() == {"perioden": 12, "metingen": 24}


def test_import_refused_for_staff(client: Client, wereld: Wereld) -> None:
    r = ingelogd(client, wereld.medewerker).post(
        f"/api/v1/diensten/{wereld.dienst.pk}/import",
        {"inhoud": synthetische_csv()},
        content_type="application/json",
    )
    assert r.status_code == 403
    assert not Middelen.objects.exists()


def test_employment_conditions_register_and_comparison_are_public(
    client: Client, wereld: Wereld
) -> None:
    services.set_arbeidsvoorwaarde(
        door=persoon_met_rol("beheerder", wereld.ministerie),
        organisatie=wereld.ministerie,
        onderwerp="verlof",
        waarde="165.6",
    )
    services.set_arbeidsvoorwaarde(
        door=wereld.beheerder, organisatie=wereld.uitvoerder, onderwerp="verlof", waarde="158"
    )
    register = client.get("/api/v1/arbeidsvoorwaarden").json()
    assert {(a["organisatie"], a["onderwerp"]) for a in register} == {
        ("mvt", "verlof"),
        ("tu", "verlof"),
    }
    (regel,) = client.get("/api/v1/arbeidsvoorwaarden/vergelijking").json()
    assert regel["aantal_achter"] == 1
    verschil = {w["organisatie"]: w["verschil"] for w in regel["waarden"]}
    assert float(verschil["tu"]) == pytest.approx(-7.6) and verschil["mvt"] is None


def test_keuzenotas_with_their_snapshot(client: Client, met_gegevens: Wereld) -> None:
    w = met_gegevens
    laatste = w.dienst.middelen.order_by("-periode").first()
    assert laatste is not None
    opties = [
        services.create_scenario(
            door=w.behandelaar,
            dienst=w.dienst,
            naam=naam,
            budget=laatste.budget * factor,
            fte=laatste.fte * factor,
            volume=laatste.volume,
        )
        for naam, factor in [("Gelijk", Decimal(1)), ("Bezuiniging", Decimal("0.6"))]
    ]
    services.create_keuzenota(
        door=w.bestuur,
        dienst=w.dienst,
        titel="Begroting",
        aanleiding="Vraag",
        opties=opties,
        geadviseerd=opties[0],
        advies="Handhaaf.",
    )
    c = ingelogd(client, w.beleidsmaker)
    (nota,) = c.get(f"/api/v1/diensten/{w.dienst.pk}/keuzenotas").json()
    per_naam = {o["naam"]: o for o in nota["opties"]}
    assert per_naam["Gelijk"]["geadviseerd"] and per_naam["Gelijk"]["aantal_gebroken"] == 0
    assert per_naam["Bezuiniging"]["aantal_gebroken"] == 2
    assert nota["gegevens_sindsdien_gewijzigd"] is False
    r = ingelogd(Client(), w.bestuur_andere).get(f"/api/v1/diensten/{w.dienst.pk}/keuzenotas")
    assert r.status_code == 404

"""Services and means in real Chromium (issue 7, "Done when"), each page free of serious or
critical axe-core violations:

a handler imports a year of data from CSV (after one refused file that changed nothing) →
the service page shows the series with its lower bounds → a scenario with a budget cut breaks
a lower bound → the trade-off is recorded from the four perspectives → the board draws up a
keuzenota and downloads it as PDF → anyone sees the gap in employment conditions."""

from __future__ import annotations

from typing import Any

import pytest

from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.tests.factories import WACHTWOORD, OrganisatieFactory, persoon_met_rol
from uitvoerbaar.dienstverlening import services
from uitvoerbaar.dienstverlening.models import Keuzenota, Middelen
from uitvoerbaar.dienstverlening.tests.conftest import synthetische_csv

from .axe import assert_toegankelijk
from .conftest import inloggen, inloggen_met_tweede_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wereld() -> dict[str, Any]:
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Proef", slug="mvp", afkorting="MvP", soort=OrganisatieSoort.MINISTERIE
    )
    uitvoerder = OrganisatieFactory.create(
        naam="Proefdienst Uitkeringen",
        slug="pdu",
        afkorting="PDU",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    behandelaar = persoon_met_rol(Rol.BEHANDELAAR, uitvoerder, username="bertus")
    bestuur = persoon_met_rol(Rol.BESTUUR, uitvoerder, username="gerlof")
    dienst = services.create_dienst(door=behandelaar, organisatie=uitvoerder, naam="Uitkering")
    for code, naam, eenheid, richting, grens in [
        ("doorlooptijd", "Doorlooptijd", "dagen", "lager_beter", 25.0),
        ("bereikbaarheid", "Bereikbaarheid", "procent", "hoger_beter", 70.0),
    ]:
        ind = services.create_indicator(
            door=behandelaar,
            dienst=dienst,
            code=code,
            naam=naam,
            eenheid=eenheid,
            richting=richting,
        )
        services.set_ondergrens(
            door=bestuur, indicator=ind, grens=grens, waarde="Bestaanszekerheid"
        )
    for org, waarde in [(ministerie, "2500"), (uitvoerder, "1200")]:
        services.set_arbeidsvoorwaarde(
            door=persoon_met_rol(Rol.BEHEERDER, org),
            organisatie=org,
            onderwerp="opleidingsbudget",
            waarde=waarde,
        )
    return {"dienst": dienst, "behandelaar": behandelaar, "bestuur": bestuur}


def test_budget_cut_breaks_a_lower_bound_trade_off_keuzenota_and_conditions(
    page: Any, tmp_path: Any
) -> None:
    w = _wereld()
    inloggen(page, "bertus", WACHTWOORD)
    page.get_by_role("link", name="Dienstverlening").first.click()
    assert_toegankelijk(page)
    page.get_by_role("link", name="Uitkering").click()
    page.get_by_role("link", name="Gegevens importeren (CSV)").click()
    assert_toegankelijk(page)

    # A file in the wrong unit is refused with the row named, and nothing is read.
    slecht = tmp_path / "slecht.csv"
    slecht.write_text(synthetische_csv().replace("(dagen)", "(uren)"), encoding="utf-8")
    page.get_by_label("CSV-bestand").set_input_files(str(slecht))
    page.get_by_role("button", name="Importeren").click()
    assert "Rij 1: De kolom 'doorlooptijd' is in uren" in page.locator("#importfouten").inner_text()
    assert not Middelen.objects.exists()
    assert_toegankelijk(page)

    goed = tmp_path / "goed.csv"
    goed.write_text(synthetische_csv(), encoding="utf-8")
    page.get_by_label("CSV-bestand").set_input_files(str(goed))
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_load_state()
    assert "12 perioden en 24 metingen ingelezen." in page.content()
    assert page.locator("svg[role=img]").count() == 2
    assert_toegankelijk(page)

    # A 40% budget cut breaks both lower bounds.
    laatste = w["dienst"].middelen.order_by("-periode").first()
    page.get_by_role("link", name="Scenario doorrekenen").click()
    page.get_by_label("Naam").fill("Bezuiniging 40%")
    page.get_by_label("Budget per periode (euro)").fill(f"{laatste.budget * 6 / 10:.0f}")
    page.get_by_label("Formatie (fte)").fill(f"{laatste.fte * 6 / 10:.1f}".replace(".", ","))
    page.get_by_role("button", name="Scenario doorrekenen").click()
    page.wait_for_load_state()
    assert "breekt 2 ondergrenzen" in page.locator("#ondergrens-gebroken").inner_text()
    assert_toegankelijk(page)

    # The trade-off, weighed from the four perspectives.
    page.get_by_label("Waarde", exact=True).fill("Snelheid")
    page.get_by_label("Tegenover").fill("Zorgvuldigheid")
    page.get_by_role("textbox", name="Afweging").fill(
        "Zorgvuldigheid gaat voor; de doorlooptijd loopt op."
    )
    for perspectief, oordeel, toelichting in [
        ("Juridisch", "Zorgen", "Beslistermijn in gevaar."),
        ("Financieel", "Geen zorgen", ""),
        ("Professioneel", "Ernstige zorgen", "Geen tijd voor maatwerk."),
        ("Burger", "Ernstige zorgen", "Langer zonder inkomen."),
    ]:
        groep = page.get_by_role("group", name=perspectief)
        groep.get_by_label("Oordeel").select_option(label=oordeel)
        if toelichting:
            groep.get_by_label("Toelichting").fill(toelichting)
    page.get_by_role("button", name="Afweging vastleggen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Snelheid tegenover Zorgvuldigheid").is_visible()
    assert_toegankelijk(page)

    # A second option to choose from.
    page.goto(f"/dienstverlening/{w['dienst'].pk}/scenarios/nieuw/")
    page.get_by_label("Naam").fill("Huidig budget")
    page.get_by_role("button", name="Scenario doorrekenen").click()
    page.wait_for_load_state()
    assert page.locator("#ondergrens-gebroken").count() == 0
    page.get_by_role("button", name="Uitloggen").click()

    # The board draws up the keuzenota and downloads the PDF.
    inloggen_met_tweede_factor(page, w["bestuur"])
    page.goto(f"/dienstverlening/{w['dienst'].pk}/keuzenotas/nieuw/")
    assert_toegankelijk(page)
    page.get_by_label("Titel").fill("Begroting volgend jaar")
    page.get_by_label("Aanleiding en vraag aan de politiek").fill(
        "Het ministerie vraagt 40% minder."
    )
    page.get_by_label("Bezuiniging 40%").check()
    page.get_by_label("Huidig budget").check()
    page.get_by_label("Welke optie adviseert u?").select_option(label="Huidig budget")
    page.get_by_label("Advies en motivering").fill(
        "Handhaaf het budget: anders breken twee ondergrenzen."
    )
    page.get_by_role("button", name="Keuzenota opstellen").click()
    page.wait_for_load_state()
    assert page.locator("#opties [data-geadviseerd=true]").inner_text().startswith("Huidig budget")
    assert_toegankelijk(page)
    nota = Keuzenota.objects.get()
    pdf = page.request.get(page.get_by_role("link", name="Download als PDF").get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    assert nota.opties.count() == 2
    page.get_by_role("button", name="Uitloggen").click()

    # Anyone sees the gap in employment conditions.
    page.goto("/dienstverlening/arbeidsvoorwaarden/")
    assert "1 achterstand op de ministeries." in page.locator("#aantal-achter").inner_text()
    assert page.locator("#vergelijking [data-achter=true]").count() == 1
    assert_toegankelijk(page)

"""Beleid in real Chromium: the journey of issue 6 ("Done when") through the screens, and the
public pages, each free of serious or critical axe-core violations.

The journey: a policy officer makes a proposal with a promise and moves it on; the gate stops
a key step without input, and opens after a published explanation; the executor writes a
negative toets with a condition and calls the promise not feasible, and gives its input at the
next key step on the engine, which lets that step close; the ministry answers the
condition leg uit on the engine; the executor's board hands an assignment back and the
ministry's top changes it (pas toe); the public pages show toets, flag and teruggave."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from uitvoerbaar.beleid import services
from uitvoerbaar.beleid.models import Beleidsvoorstel, Opdracht, Uitvoeringstoets
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.tests.factories import (
    WACHTWOORD,
    EenheidFactory,
    OrganisatieFactory,
    persoon_met_rol,
)
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory
from uitvoerbaar.responsplicht.laden import load_soorten

from .axe import assert_toegankelijk
from .conftest import inloggen, inloggen_met_tweede_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _persoon(rol: str, organisatie: Any, username: str) -> Any:
    return persoon_met_rol(rol, organisatie, username=username)


def _uitloggen(page: Any) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def _klik(page: Any, naam: str) -> None:
    page.get_by_role("button", name=naam).click()
    page.wait_for_load_state()


def test_the_beleid_journey_in_the_browser_ends_on_the_public_pages(page: Any) -> None:
    load_soorten()
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Proef", slug="mvp", soort=OrganisatieSoort.MINISTERIE
    )
    EenheidFactory.create(organisatie=ministerie, naam="Directie Proefbeleid")
    uitvoerder = OrganisatieFactory.create(
        naam="Proefdienst Uitkeringen", slug="pdu", eigenaar_ministerie=ministerie
    )
    beleidsmaker = _persoon(Rol.BELEIDSMAKER, ministerie, "margriet")
    _persoon(Rol.BEHANDELAAR, uitvoerder, "teun")
    bestuur = _persoon(Rol.BESTUUR, uitvoerder, "gerlof")
    _persoon(Rol.AMBTELIJKE_TOP, ministerie, "hermina")
    BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid")
    vandaag = timezone.localdate()
    opdracht = services.create_opdracht(
        door=beleidsmaker,
        ministerie=ministerie,
        uitvoerder=uitvoerder,
        titel="Alles terugvorderen bij een te late opgave",
        omschrijving="Vorder de hele uitkering terug als de opgave te laat is.",
        wettelijke_grondslag="art. 58 Participatiewet",
        deadline=vandaag + dt.timedelta(days=90),
    )

    # The policy officer makes the proposal.
    inloggen(page, "margriet", WACHTWOORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beleid").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_role("link", name="Nieuw beleidsvoorstel").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_label("Titel").fill("Eén inkomenstoets")
    page.get_by_label("Samenvatting").fill("Eén toets in plaats van vier.")
    page.get_by_label("Proefdienst Uitkeringen").check()
    _klik(page, "Voorstel maken")
    voorstel = Beleidsvoorstel.objects.get()
    assert page.url.endswith(f"/beleid/{voorstel.pk}/"), page.url
    assert_toegankelijk(page)
    formulier = page.locator("#form-belofte")
    formulier.get_by_label("Wat mogen burgers verwachten?").fill(
        "U krijgt binnen vier weken een besluit."
    )
    formulier.get_by_role("button", name="Belofte toevoegen").click()
    page.wait_for_load_state()
    _klik(page, "Stap \u2018Verkenning\u2019 afronden")
    assert "Probleemanalyse" in page.get_by_test_id("huidige-stap").inner_text()

    # The gate: without input or explanation the key step stays.
    _klik(page, "Stap \u2018Probleemanalyse\u2019 afronden")
    assert "Inbreng ontbreekt van: Proefdienst Uitkeringen" in page.locator("main").inner_text()
    assert_toegankelijk(page)
    page.get_by_label("Waarom gaat u zonder de inbreng van Proefdienst Uitkeringen verder?").fill(
        "De Kamer wil de analyse voor de zomer; de dienst krijgt de opties voor inbreng."
    )
    _klik(page, "Uitleg publiceren")
    _klik(page, "Stap \u2018Probleemanalyse\u2019 afronden")
    assert "Beleidsopties" in page.get_by_test_id("huidige-stap").inner_text()
    _uitloggen(page)

    # The executor writes a negative toets and calls the promise not feasible.
    inloggen(page, "teun", WACHTWOORD)
    page.goto(f"/beleid/{voorstel.pk}/")
    page.get_by_role("link", name="Uitvoeringstoets van Proefdienst Uitkeringen schrijven").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    for label, tekst in (
        ("Uitvoerbaarheid", "Niet voor 1 januari."),
        ("Handhaafbaarheid", "Goed te handhaven."),
        ("Doenvermogen", "Elke maand opgeven lukt veel mensen niet."),
        ("Gevolgen voor burgers", "Meer terugvorderingen."),
        ("Capaciteit en kosten", "Veertig mensen extra."),
        ("Wijzigingen in ICT", "Nieuwe koppeling."),
        ("Samenvatting", "Zo niet uitvoerbaar."),
        ("Voorwaarden", "Invoering niet voor 1 juli."),
    ):
        page.get_by_label(label, exact=True).fill(tekst)
    page.get_by_label("Is de beoogde invoeringsdatum haalbaar?").select_option("ja")
    page.get_by_label("Eindoordeel").select_option("niet_uitvoerbaar")
    page.get_by_label("Belofte: U krijgt binnen vier weken een besluit.").select_option(
        "niet_haalbaar"
    )
    page.get_by_label("Toelichting bij deze belofte").fill("Wij doen nu zeven weken.")
    _klik(page, "Publiceren")
    toets = Uitvoeringstoets.objects.get()
    assert toets.gepubliceerd, page.locator("main").inner_text()
    assert page.get_by_test_id("belofte-vlag").count() == 1

    # At the options step the executor gives its input: it answers the request on the engine.
    assert "Beleidsopties" in page.get_by_test_id("mijn-inbreng").inner_text()
    page.get_by_role("link", name="Geef uw inbreng").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    formulier = page.locator("#form-pastoe")
    formulier.get_by_label("Welke maatregel neemt u?").fill(
        "Variant B kunnen wij uitvoeren, met een overgang van zes maanden."
    )
    formulier.get_by_label("Wie voert de maatregel uit?").fill("Proefdienst Uitkeringen")
    formulier.get_by_label("Wanneer is de maatregel uitgevoerd?").fill(vandaag.isoformat())
    formulier.get_by_role("button", name="Verstuur antwoord (pas toe)").click()
    page.wait_for_load_state()
    _uitloggen(page)

    # With that input the ministry can close the options step.
    inloggen(page, "margriet", WACHTWOORD)
    page.goto(f"/beleid/{voorstel.pk}/")
    _klik(page, "Stap \u2018Beleidsopties\u2019 afronden")
    assert "Ontwerp regelgeving" in page.get_by_test_id("huidige-stap").inner_text()

    # The ministry answers the condition leg uit, on the engine.
    voorwaarde = toets.voorwaarden.get()
    assert voorwaarde.verzoek is not None
    page.goto(f"/verzoeken/{voorwaarde.verzoek.pk}/")
    formulier = page.locator("#form-leguit")
    formulier.get_by_label("Waarom volgt u het verzoek niet?").fill(
        "De Kamer heeft 1 januari gevraagd; wij maken een overgangsregeling."
    )
    formulier.get_by_label("Evenredigheid").check()
    formulier.get_by_role("button", name="Verstuur antwoord (leg uit)").click()
    page.wait_for_load_state()
    _uitloggen(page)

    # The executor's board hands the assignment back.
    inloggen_met_tweede_factor(page, bestuur)
    page.goto(f"/beleid/opdrachten/{opdracht.pk}/")
    assert_toegankelijk(page)
    formulier = page.locator("#form-teruggave")
    formulier.get_by_label("Reden").select_option("strijdig")
    formulier.get_by_label("Toelichting").fill(
        "Alles terugvorderen bij een kleine fout is onevenredig."
    )
    _klik(page, "Opdracht teruggeven")
    assert "Noem de beginselen" in page.locator("main").inner_text()
    page.locator("#form-teruggave").get_by_label("Evenredigheid").check()
    _klik(page, "Opdracht teruggeven")
    assert "Opgeschort" in page.get_by_test_id("opdracht-status").inner_text()
    _uitloggen(page)

    # The ministry's top changes the assignment (pas toe).
    teruggave = Opdracht.objects.get(pk=opdracht.pk).teruggaven.get()
    inloggen(page, "hermina", WACHTWOORD)
    page.goto(f"/verzoeken/{teruggave.verzoek.pk}/")
    formulier = page.locator("#form-pastoe")
    formulier.get_by_label("Welke maatregel neemt u?").fill(
        "Onder 150 euro vorderen wij alleen het verschil terug."
    )
    formulier.get_by_label("Wie voert de maatregel uit?").fill("Directie Proefbeleid")
    formulier.get_by_label("Wanneer is de maatregel uitgevoerd?").fill(
        (vandaag + dt.timedelta(days=30)).isoformat()
    )
    formulier.get_by_role("button", name="Verstuur antwoord (pas toe)").click()
    page.wait_for_load_state()
    _uitloggen(page)

    # Anyone sees it on the public pages.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Uitvoeringstoetsen"
    ).click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    assert page.get_by_test_id("vlag-beloften").count() == 1
    page.get_by_role("link", name=f"{voorstel.kenmerk} — Eén inkomenstoets").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    inhoud = page.locator("main").inner_text()
    assert "De Kamer wil de analyse voor de zomer" in inhoud
    assert page.get_by_test_id("belofte-vlag").count() == 1
    page.get_by_role("link", name=f"{toets.kenmerk} — Proefdienst Uitkeringen").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    assert "Niet uitvoerbaar" in page.get_by_test_id("oordeel").inner_text()
    assert "Leg uit" in page.get_by_test_id("voorwaarde-antwoord").inner_text()
    page.goto("/openbaar/beleid/opdrachten/")
    assert_toegankelijk(page)
    page.get_by_role("link", name=f"{opdracht.kenmerk} — {opdracht.titel}").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    assert "Opdracht gewijzigd (pas toe)" in page.get_by_test_id("teruggave-uitkomst").inner_text()
    assert "Onder 150 euro" in page.locator("main").inner_text()
    page.goto("/openbaar/beleid/trackrecord/")
    assert_toegankelijk(page)

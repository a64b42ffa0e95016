"""Afwijkingen in real Chromium: the journey of issue 5 ("Done when") through the screens, each
page free of serious or critical axe-core violations.

A professional consults the afwijkingswijzer, registers a deviation, sees a precedent and the
equal-treatment alert, motivates the difference and submits; a colleague approves. The
repeated approvals reach the organisation's threshold, the register proposes "structureel —
regel aanpassen", the professional contests the article, the ministry's policy team answers
pas toe, and the aanvechting shows it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from uitvoerbaar.afwijkingen import services
from uitvoerbaar.afwijkingen.constants import AanvechtingStatus, AfwijkingStatus
from uitvoerbaar.afwijkingen.models import Aanvechting, Afwijking
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.tests.factories import WACHTWOORD, OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.constants import AfwijkingsgrondSoort
from uitvoerbaar.kennisbank.tests.factories import (
    AfwijkingsgrondFactory,
    ArtikelFactory,
    BeginselFactory,
    RegelingFactory,
)
from uitvoerbaar.responsplicht.laden import load_soorten

from .axe import assert_toegankelijk
from .conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERSPECTIEVEN = {
    "juridisch_oordeel": "geen_zorgen",
    "financieel_oordeel": "geen_zorgen",
    "professioneel_oordeel": "geen_zorgen",
    "burger_oordeel": "geen_zorgen",
}


def _persoon(rol: str, organisatie: Any, username: str, voornaam: str) -> Any:
    return persoon_met_rol(rol, organisatie, username=username, gebruiker__first_name=voornaam)


def _uitloggen(page: Any) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def _klik(page: Any, naam: str) -> None:
    page.get_by_role("link", name=naam).first.click()
    page.wait_for_load_state()
    assert_toegankelijk(page)


def test_the_journey_from_wijzer_to_an_answered_aanvechting(page: Any) -> None:
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Proef", slug="mvp", soort=OrganisatieSoort.MINISTERIE
    )
    dienst = OrganisatieFactory.create(
        naam="Proefdienst Uitkeringen", slug="pdu", eigenaar_ministerie=ministerie
    )
    professional = _persoon(Rol.MEDEWERKER, dienst, "zwaantje", "Zwaantje")
    collega = _persoon(Rol.MEDEWERKER, dienst, "wietske", "Wietske")
    behandelaar = _persoon(Rol.BEHANDELAAR, dienst, "gerlof", "Gerlof")
    _persoon(Rol.BELEIDSMAKER, ministerie, "hermina", "Hermina")
    regeling = RegelingFactory.create(
        code="proefwet",
        naam="Proefwet",
        eigenaar=ministerie,
        bedoeling="Inkomen bij werkloosheid, en hulp om weer aan het werk te gaan.",
        uitvoerders=[dienst],
    )
    artikel = ArtikelFactory.create(
        regeling=regeling,
        nummer="27",
        titel="Maatregelen",
        bedoeling="Mensen aanzetten hun plichten na te komen.",
    )
    ruimte = AfwijkingsgrondFactory.create(
        regeling=regeling,
        artikel=artikel,
        sleutel="beleidsruimte:27",
        soort=AfwijkingsgrondSoort.BELEIDSRUIMTE,
        omschrijving="De dienst stemt de maatregel af op de omstandigheden.",
        vereisten="Behandel gelijke gevallen gelijk en schrijf uw afweging op.",
    )
    BeginselFactory.create(code="abbb-gelijkheid", naam="Gelijkheidsbeginsel")
    BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheidsbeginsel")
    load_soorten()
    services.save_instelling(
        door=_persoon(Rol.BESTUUR, dienst, "bestuurder", "Bert"),
        organisatie=dienst,
        bestuur_drempel=Decimal("2500"),
        structureel_drempel=2,
        precedenten_delen=False,
    )
    services.record_casusberaad(
        door=behandelaar,
        organisatie=dienst,
        regeling=regeling,
        artikel=artikel,
        datum=timezone.localdate(),
        vraag="Maatregel bij schulden?",
        conclusie="Hoogstens de helft.",
        richtlijn="Bij problematische schulden hoogstens de helft van de maatregel opleggen.",
    )
    # Earlier decisions: one refused case with debts, one approved.
    for goedkeuren, huishouden in ((False, "alleenstaande_ouder"), (True, "paar_met_kinderen")):
        eerder = services.register_afwijking(
            door=collega,
            organisatie=dienst,
            artikel=artikel,
            grond=ruimte,
            bedoeling="Aanzetten tot de plicht, niet in armoede duwen.",
            casus="Moeder met schulden mist een gesprek; de maatregel brengt haar in armoede.",
            alternatief="Halve maatregel.",
            motivering="De volle maatregel is onevenredig.",
            huishouden=huishouden,
            inkomensband="onder_bijstand",
            knelpunt="schulden",
            bedrag="300",
            perspectieven=PERSPECTIEVEN,
        )
        services.submit_afwijking(afwijking=eerder, door=collega, verschil_motivering="Anders.")
        if goedkeuren:
            services.approve_afwijking(afwijking=eerder, door=behandelaar)
        else:
            weigering = services.reject_afwijking(
                afwijking=eerder, door=behandelaar, toelichting="Er was al een regeling."
            )
    # 1. The professional consults the wijzer.
    inloggen(page, "zwaantje", WACHTWOORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Afwijkingswijzer"
    ).click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_label("Regeling").select_option("proefwet")
    page.get_by_label("Artikel (nummer)").fill("27")
    page.get_by_role("button", name="Toon de mogelijkheden").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    resultaat = page.locator("#wijzer-resultaat").inner_text()
    assert "De dienst stemt de maatregel af op de omstandigheden." in resultaat
    assert "Bij problematische schulden hoogstens de helft" in resultaat
    # 2. She registers a deviation.
    _klik(page, "Een afwijking registreren voor dit artikel")
    formulier = page.locator("#form-afwijking")
    formulier.get_by_label("Wettelijke grondslag").select_option(str(ruimte.pk))
    formulier.get_by_label("Welke bedoeling van de regel dient de afwijking?").fill(
        "Aanzetten tot de plicht, niet in armoede duwen."
    )
    formulier.get_by_label("Wat is de situatie?").fill(
        "Moeder met schulden mist een gesprek door een ziek kind; de maatregel brengt het "
        "gezin in armoede."
    )
    formulier.get_by_label("Huishouden").select_option("alleenstaande_ouder")
    formulier.get_by_label("Inkomen").select_option("onder_bijstand")
    formulier.get_by_label("Soort knelpunt").select_option("schulden")
    formulier.get_by_label("Bedrag in euro (als het om geld gaat)").fill("280")
    formulier.get_by_label("Wat doet u in plaats van de regel?").fill("Halve maatregel.")
    formulier.get_by_label("Motivering").fill("Het kind zou de gevolgen dragen.")
    formulier.get_by_label("Gelijkheidsbeginsel").check()
    for perspectief in page.locator("#form-afwijking fieldset.utrecht-form-fieldset").all():
        selectie = perspectief.locator("select")
        if selectie.count() == 1:
            selectie.select_option("geen_zorgen")
    formulier.get_by_role("button", name="Concept vastleggen").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    afwijking = Afwijking.objects.get(geregistreerd_door=professional)
    assert page.url.endswith(f"/afwijkingen/{afwijking.pk}/")
    # 3. She sees the refused precedent and the equal-treatment alert.
    assert page.locator("#gelijkheidsalarm").is_visible()
    assert page.locator(f'[data-precedent="{weigering.pk}"]').is_visible()
    page.get_by_role("button", name="Indienen").click()
    page.wait_for_load_state()
    assert weigering.kenmerk in page.locator("#form-indienen").inner_text()
    assert_toegankelijk(page)
    # 4. She motivates the difference and submits.
    page.get_by_label("Waarin verschilt dit geval").fill(
        "Hier is een ziek kind; in het afgewezen geval was er al een betalingsregeling."
    )
    page.get_by_role("button", name="Indienen").click()
    page.wait_for_load_state()
    assert "Ter beoordeling" in page.locator("#status").inner_text()
    _uitloggen(page)
    # 5. A colleague with the approving role approves.
    inloggen(page, "gerlof", WACHTWOORD)
    page.goto("/afwijkingen/")
    assert_toegankelijk(page)
    page.locator("#te-beoordelen").get_by_role("link", name=afwijking.kenmerk).click()
    page.wait_for_load_state()
    page.get_by_label("Goedkeuren").check()
    page.get_by_label("Toelichting").fill("Past bij de richtlijn.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_load_state()
    assert "Goedgekeurd" in page.locator("#status").inner_text()
    _uitloggen(page)
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.GOEDGEKEURD
    # 6. Two approvals on the article: the register proposes to contest the rule.
    inloggen(page, "zwaantje", WACHTWOORD)
    page.goto("/afwijkingen/")
    assert "Structureel — regel aanpassen" in page.locator("#structureel").inner_text()
    _klik(page, "Aanvechting voorbereiden")
    page.get_by_label("Wat gaat er mis met dit artikel").fill(
        "Bij schulden werkt de volle maatregel averechts. Maak een halve maatregel de regel."
    )
    page.get_by_label("Argumenten").fill("Twee keer afgeweken.\nKinderen dragen de gevolgen.")
    page.get_by_role("button", name="Aanvechting versturen").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    aanvechting = Aanvechting.objects.get()
    assert aanvechting.afwijkingen.count() == 2
    assert "Wacht op antwoord" in page.locator("#status").inner_text()
    _uitloggen(page)
    # 7. The ministry's policy team answers pas toe.
    inloggen(page, "hermina", WACHTWOORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Te beantwoorden"
    ).click()
    page.wait_for_load_state()
    page.get_by_role("link", name=aanvechting.verzoek.kenmerk, exact=False).first.click()
    page.wait_for_load_state()
    formulier = page.locator("#form-pastoe")
    formulier.get_by_label("Welke maatregel neemt u?").fill(
        "Artikel 27 krijgt een halve maatregel."
    )
    formulier.get_by_label("Wie voert de maatregel uit?").fill("Directie Proef")
    formulier.get_by_label("Wanneer is de maatregel uitgevoerd?").fill(
        (timezone.localdate() + dt.timedelta(days=90)).isoformat()
    )
    formulier.get_by_role("button", name="Verstuur antwoord (pas toe)").click()
    page.wait_for_load_state()
    page.goto(f"/afwijkingen/aanvechtingen/{aanvechting.pk}/")
    assert_toegankelijk(page)
    assert "de regel verandert" in page.locator("#status").inner_text()
    assert "Artikel 27 krijgt een halve maatregel." in page.locator("main").inner_text()
    aanvechting.refresh_from_db()
    assert aanvechting.status == AanvechtingStatus.PAS_TOE


def test_afwijkingen_pages_with_the_demo_data_are_accessible(page: Any) -> None:
    from uitvoerbaar.core import demo as core_demo

    core_demo.load_demo()
    afwijking = Afwijking.objects.filter(status=AfwijkingStatus.AFGEWEZEN).get()
    aanvechting = Aanvechting.objects.get()
    inloggen(page, "yusuf.lud", core_demo.DEMO_WACHTWOORD)
    for pad in (
        "/afwijkingen/",
        "/afwijkingen/wijzer/?regeling=werkloosheidswet&artikel=27",
        "/afwijkingen/wijzer/?regeling=werkloosheidswet&artikel=27&knelpunt=schulden"
        "&situatie=schulden+bij+de+energieleverancier",
        "/afwijkingen/nieuw/?regeling=werkloosheidswet&artikel=27",
        f"/afwijkingen/{afwijking.pk}/",
        "/afwijkingen/consistentie/werkloosheidswet/",
        "/afwijkingen/aanvechtingen/",
        f"/afwijkingen/aanvechtingen/{aanvechting.pk}/",
        "/afwijkingen/casusberaden/",
        "/afwijkingen/casusberaden/nieuw/",
        "/kennisbank/beginselen/abbb-evenredigheid/",
    ):
        page.goto(pad)
        assert_toegankelijk(page)
    assert "Voorbeelden uit de praktijk" in page.locator("main").inner_text()

"""The response duty in real Chromium: the journey of issue 3 ("Done when") through the screens,
and the public register's pages, each free of serious or critical axe-core violations.

The journey: a request ran past its deadline and the sweep escalated it to the ministry's top;
the top explains (leg uit) in the answer form; the requester calls that insufficient, so it
escalates to the minister; the minister complies (pas toe); the requester accepts; and the
public register shows it without anyone's name."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from uitvoerbaar.core import demo as core_demo
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.tests.factories import WACHTWOORD, OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory
from uitvoerbaar.responsplicht import services
from uitvoerbaar.responsplicht.constants import OrganisatieBron, Publicatie, Status
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.responsplicht.sweep import process_deadlines
from uitvoerbaar.responsplicht.tests.factories import SoortFactory

from .axe import assert_toegankelijk
from .conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _persoon(rol: str, organisatie: Any, username: str, voornaam: str, achternaam: str) -> Any:
    return persoon_met_rol(
        rol,
        organisatie,
        username=username,
        gebruiker__first_name=voornaam,
        gebruiker__last_name=achternaam,
    )


def _uitloggen(page: Any) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def _open_uit_inbox(page: Any, verzoek: Reactieverzoek) -> None:
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Te beantwoorden"
    ).click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_role("link", name=f"{verzoek.kenmerk} — {verzoek.onderwerp_titel}").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/verzoeken/{verzoek.pk}/"), page.url


def test_the_journey_in_the_browser_ends_in_the_public_register(page: Any) -> None:
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Proef", slug="mvp", soort=OrganisatieSoort.MINISTERIE
    )
    uitvoerder = OrganisatieFactory.create(
        naam="Proefdienst Uitkeringen", slug="pdu", eigenaar_ministerie=ministerie
    )
    vrager = _persoon(Rol.MEDEWERKER, uitvoerder, "zwaantje", "Zwaantje", "Piekeraar")
    _persoon(Rol.BESTUUR, uitvoerder, "gerlof", "Gerlof", "Vandermolen")
    _persoon(Rol.AMBTELIJKE_TOP, ministerie, "hermina", "Hermina", "Sleutelaar")
    _persoon(Rol.BEWINDSPERSOON, ministerie, "evert", "Evert", "Kruimelaar")
    BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid")
    soort = SoortFactory.create(
        code="proef-noodrem",
        naam="Proef-noodrem",
        publicatie=Publicatie.VOLLEDIG,
        niveaus=[
            ("Ambtelijke top", OrganisatieBron.EIGENAAR_MINISTERIE, Rol.AMBTELIJKE_TOP, 10),
            ("Bewindspersoon", OrganisatieBron.EIGENAAR_MINISTERIE, Rol.BEWINDSPERSOON, 10),
        ],
    )
    vandaag = timezone.localdate()
    verzoek = services.create_reactieverzoek(
        soort=soort,
        onderwerp=services.Onderwerp(
            type="proef.casus", id="1", titel="Terugvordering bij kleine fouten"
        ),
        vraag="Stop de automatische terugvordering bij kleine fouten.",
        argumenten=["Het raakt vooral mensen met schulden."],
        door=vrager,
        verzoeker_organisatie=uitvoerder,
        ontvanger_organisatie=uitvoerder,
        ontvanger_rol=Rol.BESTUUR,
        start=vandaag - dt.timedelta(days=40),
    )
    # The board stayed silent: the sweep lets the term expire and escalates to the top.
    assert process_deadlines().geescaleerd == 1
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.niveau) == (Status.GEESCALEERD, 1)

    # The ministry's top explains in the answer form.
    inloggen(page, "hermina", WACHTWOORD)
    _open_uit_inbox(page, verzoek)
    assert_toegankelijk(page)
    formulier = page.locator("#form-leguit")
    formulier.get_by_label("Waarom volgt u het verzoek niet?").fill(
        "De wet laat geen ruimte voor een andere aanpak."
    )
    formulier.get_by_label("Uw antwoord op argument 1").fill("Wij zoeken een regeling voor hen.")
    formulier.get_by_label("Evenredigheid").check()
    formulier.get_by_role("button", name="Verstuur antwoord (leg uit)").click()
    page.wait_for_load_state()
    assert "Beantwoord" in page.locator("#status").inner_text()
    _uitloggen(page)

    # The requester calls the explanation insufficient: it escalates to the minister.
    inloggen(page, "zwaantje", WACHTWOORD)
    page.goto(f"/verzoeken/{verzoek.pk}/")
    assert_toegankelijk(page)
    page.get_by_label("Waarom is het antwoord onvoldoende?").fill(
        "De uitleg gaat niet in op de schulden."
    )
    page.get_by_role("button", name="Antwoord onvoldoende").click()
    page.wait_for_load_state()
    assert "Bewindspersoon" in page.locator("#ligt-bij").inner_text()
    _uitloggen(page)

    # The minister complies.
    inloggen(page, "evert", WACHTWOORD)
    _open_uit_inbox(page, verzoek)
    formulier = page.locator("#form-pastoe")
    formulier.get_by_label("Welke maatregel neemt u?").fill(
        "We stoppen de automatische terugvordering onder 50 euro."
    )
    formulier.get_by_label("Wie voert de maatregel uit?").fill("Directie Uitvoering")
    formulier.get_by_label("Wanneer is de maatregel uitgevoerd?").fill(
        (vandaag + dt.timedelta(days=30)).isoformat()
    )
    formulier.get_by_role("button", name="Verstuur antwoord (pas toe)").click()
    page.wait_for_load_state()
    assert "Beantwoord" in page.locator("#status").inner_text()
    _uitloggen(page)

    # The requester accepts.
    inloggen(page, "zwaantje", WACHTWOORD)
    page.goto(f"/verzoeken/{verzoek.pk}/")
    page.get_by_role("button", name="Antwoord aanvaarden").click()
    page.wait_for_load_state()
    assert "Antwoord aanvaard" in page.locator("#status").inner_text()
    _uitloggen(page)
    verzoek.refresh_from_db()
    assert verzoek.status == Status.GEACCEPTEERD

    # Anyone finds it in the public register: overview, organisation, request.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Register").click()
    page.wait_for_load_state()
    assert page.url.endswith("/openbaar/register/")
    assert_toegankelijk(page)
    page.get_by_role("link", name="Ministerie van Proef").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_role("link", name=f"{verzoek.kenmerk}: Terugvordering bij kleine fouten").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/openbaar/register/{verzoek.kenmerk}/")
    assert_toegankelijk(page)
    inhoud = page.locator("main").inner_text()
    assert "De wet laat geen ruimte voor een andere aanpak." in inhoud
    assert "We stoppen de automatische terugvordering onder 50 euro." in inhoud
    assert "De uitleg gaat niet in op de schulden." in inhoud
    assert page.get_by_test_id("stap").count() == 8
    html = page.content()
    for persoon in Gebruiker.objects.all():
        for gegeven in (persoon.username, persoon.first_name, persoon.last_name):
            assert gegeven not in html, gegeven


def test_register_pages_with_the_demo_data_are_accessible(page: Any) -> None:
    core_demo.load_demo()
    openbaar = [
        v.kenmerk
        for v in Reactieverzoek.objects.filter(onderwerp_type="demo.casus").order_by("pk")
        if page.request.get(f"/openbaar/register/{v.kenmerk}/").status == 200
    ]
    assert len(openbaar) >= 4
    for pad in (
        "/openbaar/register/",
        "/openbaar/register/organisaties/lud/",
        "/openbaar/register/organisaties/lud/?toon=stilte",
        "/openbaar/register/organisaties/mwb/",
        "/openbaar/register/bestaat-niet/",
        *(f"/openbaar/register/{kenmerk}/" for kenmerk in openbaar),
    ):
        page.goto(pad)
        assert_toegankelijk(page)
    # Keyboard: the skip link leads to the content, the first link in it is the way back.
    page.goto("/openbaar/register/organisaties/lud/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Register pas toe of leg uit"

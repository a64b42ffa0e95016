"""Signals and the noodrem in real Chromium: the two journeys of issue 4 ("Done when"), each page
free of serious or critical axe-core violations.

1. An anonymous signal: intake without login → receipt code shown once → a handler takes it
   into handling (the Wbk acknowledgement) and asks a question → the reporter answers with the
   code → the handler closes it with an outcome → the reporter reads the feedback.
2. A noodrem: a professional pulls it → the board does not answer in time and the sweep
   escalates it to the ministry's ambtelijke top → the top explains (leg uit) → the
   professional calls that insufficient → silence past the last level → the public register
   shows it, without anyone's name."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid
from uitvoerbaar.core.tests.factories import WACHTWOORD, OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory
from uitvoerbaar.responsplicht.laden import load_soorten
from uitvoerbaar.responsplicht.sweep import process_deadlines
from uitvoerbaar.signalen.models import Noodrem, Signaal

from .axe import assert_toegankelijk
from .conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wereld() -> dict[str, Any]:
    load_soorten()
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Proef", slug="mvp", soort=OrganisatieSoort.MINISTERIE
    )
    dienst = OrganisatieFactory.create(
        naam="Proefdienst Uitkeringen", slug="pdu", eigenaar_ministerie=ministerie
    )
    Eenheid.objects.create(organisatie=dienst, naam="Team Noord")
    BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid")

    def persoon(rol: str, org: Any, username: str, voornaam: str, achternaam: str) -> Any:
        return persoon_met_rol(
            rol,
            org,
            username=username,
            gebruiker__first_name=voornaam,
            gebruiker__last_name=achternaam,
        )

    return {
        "dienst": dienst,
        "medewerker": persoon(Rol.MEDEWERKER, dienst, "wieske", "Wieske", "Remmerswaal"),
        "behandelaar": persoon(Rol.BEHANDELAAR, dienst, "bertus", "Bertus", "Behandelaar"),
        "bestuur": persoon(Rol.BESTUUR, dienst, "gerlof", "Gerlof", "Vandermolen"),
        "top": persoon(Rol.AMBTELIJKE_TOP, ministerie, "hermina", "Hermina", "Sleutelaar"),
    }


def _uitloggen(page: Any) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def test_anonymous_signal_from_intake_to_feedback(page: Any) -> None:
    _wereld()

    # Intake without login; the receipt code is shown once.
    page.goto("/signalen/anoniem/")
    assert_toegankelijk(page)
    page.get_by_label("Bij welke organisatie meldt u?").select_option(
        label="Proefdienst Uitkeringen"
    )
    page.get_by_label("Titel").fill("Sanctiebrieven zijn onbegrijpelijk")
    page.get_by_label("Wat is er gebeurd?").fill("Klanten snappen de brief over hun sanctie niet.")
    page.get_by_role("button", name="Signaal versturen").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    code = page.locator("#ontvangstcode").inner_text().strip()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code), code
    signaal = Signaal.objects.get()
    assert signaal.kanaal == "anoniem" and signaal.melder is None

    # The handler acknowledges (takes it into handling) and asks a question.
    inloggen(page, "bertus", WACHTWOORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signalen").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_role("link", name=f"{signaal.kenmerk} Sanctiebrieven zijn onbegrijpelijk").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_role("button", name="In behandeling nemen").click()
    page.wait_for_load_state()
    assert "In behandeling" in page.locator("#status").inner_text()
    page.get_by_role("textbox", name="Bericht aan de melder").fill(
        "Om welke brief gaat het precies?"
    )
    page.get_by_label("Vraag: het signaal wacht op antwoord van de melder").check()
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_load_state()
    assert "Wacht op antwoord van de melder" in page.locator("#status").inner_text()
    _uitloggen(page)

    # The reporter opens the signal with the code, sees the acknowledgement and answers.
    page.goto("/signalen/ontvangstcode/")
    assert_toegankelijk(page)
    page.get_by_label("Uw ontvangstcode").fill(code)
    page.get_by_role("button", name="Signaal openen").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    assert "Om welke brief gaat het precies?" in page.locator("#berichten").inner_text()
    assert "Gedaan op" in page.locator("#wbk-termijnen").inner_text()
    page.get_by_label("Uw aanvulling of antwoord").fill("De brief over de maatregel van juli.")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_load_state()
    assert "De brief over de maatregel van juli." in page.locator("#berichten").inner_text()
    page.get_by_role("button", name="Sluiten").click()
    page.wait_for_load_state()

    # The handler closes it with an outcome; that message is the Wbk feedback.
    inloggen(page, "bertus", WACHTWOORD)
    page.goto(f"/signalen/{signaal.pk}/")
    page.get_by_label("Uitkomst").select_option(label="Er is een maatregel genomen")
    page.get_by_label("Wat hoort de melder?").fill("De brief wordt herschreven op B1-niveau.")
    page.get_by_role("button", name="Afsluiten").click()
    page.wait_for_load_state()
    assert "Afgesloten" in page.locator("#status").inner_text()
    _uitloggen(page)

    page.goto("/signalen/ontvangstcode/")
    page.get_by_label("Uw ontvangstcode").fill(code.replace(" ", ""))
    page.get_by_role("button", name="Signaal openen").click()
    page.wait_for_load_state()
    assert "Afgesloten" in page.locator("#status").inner_text()
    assert "herschreven op B1-niveau" in page.locator("#berichten").inner_text()
    assert page.get_by_label("Uw aanvulling of antwoord").count() == 0


def test_noodrem_escalates_is_explained_contested_and_reaches_the_public_register(
    page: Any,
) -> None:
    _wereld()

    inloggen(page, "wieske", WACHTWOORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Noodrem").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_role("link", name="Aan de noodrem trekken").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_role("button", name="Noodrem trekken").click()  # empty: refused
    page.wait_for_load_state()
    assert "Kies ten minste één beginsel" in page.content()
    assert not Noodrem.objects.exists()
    page.get_by_label("Titel").fill("Stop automatische beslaglegging")
    page.get_by_label("Evenredigheid").check()
    page.get_by_label("Welke schade ontstaat er?").fill("Mensen zakken onder het bestaansminimum.")
    page.get_by_label("Wat moet nu stoppen?").fill("Het automatisch leggen van beslag.")
    page.get_by_role("button", name="Noodrem trekken").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    noodrem = Noodrem.objects.get()
    assert "Open" in page.locator("#noodrem-status").inner_text()
    _uitloggen(page)

    # The board stays silent: the sweep escalates to the ministry's top.
    process_deadlines(vandaag=noodrem.verzoek.uiterste_datum + dt.timedelta(days=1))
    inloggen(page, "hermina", WACHTWOORD)
    page.goto(f"/signalen/noodrem/{noodrem.pk}/")
    assert_toegankelijk(page)
    page.locator("#naar-verzoek").click()
    page.wait_for_load_state()
    formulier = page.locator("#form-leguit")
    formulier.get_by_label("Waarom volgt u het verzoek niet?").fill(
        "Beslag is wettelijk verplicht; we verhogen de beslagvrije voet."
    )
    formulier.get_by_label("Uw antwoord op argument 1").fill("De beslagvrije voet beschermt hen.")
    formulier.get_by_label("Evenredigheid").check()
    formulier.get_by_role("button", name="Verstuur antwoord (leg uit)").click()
    page.wait_for_load_state()
    _uitloggen(page)

    # The professional reads the explanation on the noodrem and calls it insufficient.
    inloggen(page, "wieske", WACHTWOORD)
    page.goto(f"/signalen/noodrem/{noodrem.pk}/")
    assert "beslagvrije voet" in page.content()
    page.locator("#naar-verzoek").click()
    page.wait_for_load_state()
    page.get_by_label("Waarom is het antwoord onvoldoende?").fill("De schade gaat gewoon door.")
    page.get_by_role("button", name="Antwoord onvoldoende").click()
    page.wait_for_load_state()
    _uitloggen(page)

    # Past the last level the silence is public; the register names no one.
    noodrem.verzoek.refresh_from_db()
    process_deadlines(vandaag=noodrem.verzoek.uiterste_datum + dt.timedelta(days=1))
    page.goto(f"/openbaar/register/{noodrem.verzoek.kenmerk}/")
    assert_toegankelijk(page)
    tekst = page.content()
    assert "Stop automatische beslaglegging" in tekst
    for naam in ("Wieske", "Remmerswaal", "Hermina", "Sleutelaar"):
        assert naam not in tekst

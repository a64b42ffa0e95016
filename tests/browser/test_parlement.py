"""Parlement in real Chromium: a member of parliament asks an executive organisation how a
policy works out in practice; the executor's handler finds it under "Vragen uit de Kamer" and
answers it on the response duty engine (leg uit); the answer appears on the public page of
kamervragen. Every page is free of serious or critical axe-core violations."""

from __future__ import annotations

from typing import Any

import pytest

from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.tests.factories import (
    WACHTWOORD,
    EenheidFactory,
    OrganisatieFactory,
    persoon_met_rol,
)
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory
from uitvoerbaar.parlement.models import Kamervraag
from uitvoerbaar.responsplicht.laden import load_soorten

from .axe import assert_toegankelijk
from .conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _uitloggen(page: Any) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def _menu(page: Any, naam: str) -> None:
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=naam).click()
    page.wait_for_load_state()


def test_a_member_asks_the_executor_answers_and_the_answer_is_public(page: Any) -> None:
    # The first page of a fresh live server can take longer than the fixture's 15 seconds on
    # a busy machine (measured: 25 s with six test runs on two cores); the journey is not a
    # performance test.
    page.set_default_timeout(60_000)
    load_soorten()
    kamer = OrganisatieFactory.create(
        naam="Proefkamer", slug="proefkamer", soort=OrganisatieSoort.PARLEMENT
    )
    EenheidFactory.create(organisatie=kamer, naam="Commissie Proefzaken")
    uitvoerder = OrganisatieFactory.create(naam="Proefdienst Uitkeringen", slug="pdu")
    persoon_met_rol(Rol.KAMERLID, kamer, username="marije")
    persoon_met_rol(Rol.BEHANDELAAR, uitvoerder, username="teun")
    BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid")

    # The member asks; first without a question, which is refused next to the field.
    inloggen(page, "marije", WACHTWOORD)
    _menu(page, "Kamervragen")
    assert_toegankelijk(page)
    page.get_by_role("link", name="Nieuwe vraag stellen").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_label("Commissie").select_option(label="Commissie Proefzaken")
    page.get_by_label("Aan welke uitvoerder stelt u de vraag?").select_option(
        label="Proefdienst Uitkeringen"
    )
    page.get_by_label("Onderwerp").fill("Terugvorderen bij een kleine fout")
    page.get_by_role("button", name="Vraag stellen").click()
    page.wait_for_load_state()
    assert "Schrijf uw vraag op." in page.locator("main").inner_text()
    assert_toegankelijk(page)
    page.get_by_label("Uw vraag").fill(
        "Hoe vaak vordert u terug bij een fout van minder dan 50 euro?"
    )
    page.get_by_role("button", name="Vraag stellen").click()
    page.wait_for_load_state()
    vraag = Kamervraag.objects.get()
    assert page.url.endswith(f"/parlement/kamervragen/{vraag.pk}/"), page.url
    assert "Gesteld, wacht op antwoord" in page.get_by_test_id("kamervraag-status").inner_text()
    assert_toegankelijk(page)
    _uitloggen(page)

    # The executor's handler answers it on the engine's request page.
    inloggen(page, "teun", WACHTWOORD)
    _menu(page, "Vragen uit de Kamer")
    assert_toegankelijk(page)
    page.get_by_role("link", name=f"{vraag.kenmerk} — Terugvorderen bij een kleine fout").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_role("link", name="Beantwoord de vraag").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    formulier = page.locator("#form-leguit")
    formulier.get_by_label("Waarom volgt u het verzoek niet?").fill(
        "Ongeveer twaalfduizend keer per jaar; het terugvorderen kost meer dan het oplevert."
    )
    formulier.get_by_label("Evenredigheid").check()
    formulier.get_by_role("button", name="Verstuur antwoord (leg uit)").click()
    page.wait_for_load_state()
    page.goto(f"/parlement/kamervragen/{vraag.pk}/")
    assert "Beantwoord" in page.get_by_test_id("kamervraag-status").inner_text()
    _uitloggen(page)

    # Anyone reads question and answer on the public page.
    _menu(page, "Antwoorden aan de Kamer")
    assert_toegankelijk(page)
    page.get_by_role("link", name=f"{vraag.kenmerk} — Terugvorderen bij een kleine fout").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    assert "minder dan 50 euro" in page.get_by_test_id("kamervraag-vraag").inner_text()
    assert "twaalfduizend keer per jaar" in page.get_by_test_id("kamervraag-antwoord").inner_text()
    assert "Evenredigheid" in page.get_by_test_id("kamervraag-antwoord").inner_text()

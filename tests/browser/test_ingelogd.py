"""Pages behind the login, each with real content, free of serious or critical axe-core
violations: organisations, the access log of confidential data, the admin start page."""

from __future__ import annotations

from typing import Any

import pytest

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Eenheid
from uitvoerbaar.core.tests.factories import WACHTWOORD, OrganisatieFactory, persoon_met_rol

from .axe import assert_toegankelijk
from .conftest import inloggen, inloggen_met_tweede_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_organisation_pages_are_accessible(page: Any) -> None:
    organisatie = OrganisatieFactory(naam="Landelijke Testdienst", slug="ltd")
    Eenheid.objects.create(organisatie=organisatie, naam="Team Uitkeringen")
    persoon_met_rol(Rol.MEDEWERKER, organisatie, username="sam")
    persoon_met_rol(Rol.BEHANDELAAR, organisatie, username="noor")

    inloggen(page, "sam", WACHTWOORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Mijn organisaties"
    ).click()
    page.wait_for_load_state()
    assert page.url.endswith("/organisaties/")
    assert_toegankelijk(page)

    page.get_by_role("link", name="Landelijke Testdienst").click()
    page.wait_for_load_state()
    assert page.url.endswith("/organisaties/ltd/")
    inhoud = page.locator("main").inner_text()
    assert "Team Uitkeringen" in inhoud and "Behandelaar" in inhoud
    assert_toegankelijk(page)


def test_access_log_is_accessible_for_the_beheerder(page: Any) -> None:
    organisatie = OrganisatieFactory(naam="Landelijke Testdienst", slug="ltd")
    beheerder = persoon_met_rol(Rol.BEHEERDER, organisatie, username="beheerder")
    vertrouwenspersoon = persoon_met_rol(Rol.VERTROUWENSPERSOON, organisatie, username="vp")
    audit.record_inzage(
        gebruiker=vertrouwenspersoon,
        organisatie_id=organisatie.pk,
        obj=organisatie,
        reden="Controle van een melding",
    )

    inloggen_met_tweede_factor(page, beheerder)
    page.goto("/audit/inzage/")
    assert page.get_by_test_id("inzage").count() == 1
    assert "Controle van een melding" in page.get_by_test_id("inzages").inner_text()
    assert_toegankelijk(page)

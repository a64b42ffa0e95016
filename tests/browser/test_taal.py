"""English as second language: the header button switches the whole interface (POST /taal/)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import WACHTWOORD, persoon_met_rol

from .axe import assert_toegankelijk
from .conftest import inloggen

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("vertalingen"),
]


def test_language_button_switches_to_english_and_back(page: Any) -> None:
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("link", name="Beginselen van goed bestuur").is_visible()

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()

    # same page, now in English: layout, menu and content
    assert urlsplit(page.url).path == "/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("a.nl-skip-link").inner_text() == "Skip to content"
    assert page.get_by_role("navigation", name="Main menu").is_visible()
    assert page.get_by_role("link", name="Principles", exact=True).is_visible()
    assert page.get_by_role("link", name="Principles of good governance").is_visible()
    assert (
        "Policy that does not work in practice is bad policy." in page.locator("main").inner_text()
    )
    assert page.get_by_role("button", name="Nederlands").is_visible()
    assert_toegankelijk(page)

    # the choice sticks for the next pages, including the login form and its errors
    inloggen_knop = page.get_by_role("link", name="Log in", exact=True)
    inloggen_knop.first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Log in"
    page.get_by_label("Username").fill("niemand")
    page.get_by_label("Password").fill("fout-wachtwoord")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    assert "This combination of username and password is not correct." in (
        page.get_by_role("alert").inner_text()
    )

    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen"


def test_start_page_role_section_in_english(page: Any) -> None:
    persoon_met_rol(Rol.MEDEWERKER, username="sam")
    inloggen(page, "sam", WACHTWOORD)
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()

    assert page.url.endswith("/start/")
    sectie = page.locator('section[data-rol="medewerker"]')
    assert "You work with rules in practice." in sectie.inner_text()
    assert page.get_by_role("button", name="Log out").is_visible()
    assert_toegankelijk(page)

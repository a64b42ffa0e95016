"""Logging in through the real browser: the journeys, their refusals and their accessibility."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.tests.factories import (
    WACHTWOORD,
    OrganisatieFactory,
    persoon_met_rol,
    totp_device,
)

from .axe import assert_toegankelijk
from .conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ONJUIST = "Deze combinatie van gebruikersnaam en wachtwoord klopt niet."


def _code(device: TOTPDevice) -> str:
    """The code an authenticator app shows right now for this device."""
    waarde = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{waarde:0{device.digits}d}"


def test_medewerker_logs_in_and_lands_on_start_with_role_section(page: Any) -> None:
    organisatie = OrganisatieFactory(naam="Landelijke Testdienst", slug="ltd")
    persoon_met_rol(Rol.MEDEWERKER, organisatie, username="sam")

    page.goto("/inloggen/")
    assert_toegankelijk(page)
    inloggen(page, "sam", WACHTWOORD)

    assert page.url.endswith("/start/")
    sectie = page.locator('section[data-rol="medewerker"]')
    assert sectie.is_visible()
    assert "Landelijke Testdienst" in sectie.inner_text()
    # a professional needs no second factor, and sees no other role's section
    assert page.locator("section.rol-sectie").count() == 1
    assert_toegankelijk(page)


def test_wrong_password_shows_dutch_error_and_logs_nobody_in(page: Any) -> None:
    persoon_met_rol(Rol.MEDEWERKER, username="sam")

    inloggen(page, "sam", "niet-het-goede-wachtwoord")

    assert page.url.endswith("/inloggen/")
    assert ONJUIST in page.get_by_role("alert").inner_text()
    assert_toegankelijk(page)
    # still anonymous: the start page sends the visitor back to the login page
    page.goto("/start/")
    assert "/inloggen/" in page.url


def test_bestuur_enrols_second_factor_with_code_from_the_new_device(page: Any) -> None:
    bestuurder = persoon_met_rol(Rol.BESTUUR, username="bestuurder")

    inloggen(page, "bestuurder", WACHTWOORD)

    # not on the start page yet: first the second factor, with enrolment (QR code and key)
    assert "/inloggen/tweede-factor/" in page.url
    assert page.get_by_role("img", name="QR-code voor uw authenticator-app").is_visible()
    assert_toegankelijk(page)
    page.goto("/start/")
    assert "/inloggen/tweede-factor/" in page.url, "the start page must wait for the factor"

    device = TOTPDevice.objects.get(user=bestuurder)
    assert not device.confirmed
    page.get_by_label("Code uit uw authenticator-app").fill(_code(device))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()

    assert page.url.endswith("/start/")
    assert page.locator('section[data-rol="bestuur"]').is_visible()
    device.refresh_from_db()
    assert device.confirmed
    assert_toegankelijk(page)


def test_bestuur_with_device_is_refused_a_wrong_code_and_passes_with_the_right_one(
    page: Any,
) -> None:
    bestuurder: Gebruiker = persoon_met_rol(Rol.BESTUUR, username="bestuurder")
    device = totp_device(bestuurder)

    inloggen(page, "bestuurder", WACHTWOORD)
    assert "/inloggen/tweede-factor/" in page.url
    # an enrolled person gets no new QR code
    assert page.get_by_role("img").count() == 0

    fout = f"{(int(_code(device)) + 1) % 10**6:06d}"
    page.get_by_label("Code uit uw authenticator-app").fill(fout)
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert "/inloggen/tweede-factor/" in page.url
    assert "Deze code klopt niet of is verlopen." in page.locator(".veldfout").inner_text()
    assert_toegankelijk(page)

    # django-otp refuses any code for 2^(failures-1) seconds after a failure (throttling)
    page.wait_for_timeout(1100)
    page.get_by_label("Code uit uw authenticator-app").fill(_code(device))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/start/")
    assert page.locator('section[data-rol="bestuur"]').is_visible()

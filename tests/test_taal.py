"""The language switch over plain HTTP: POST /taal/ stores the choice; pages follow it."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vertalingen")]


def test_post_taal_switches_the_interface_to_english_and_back(client: Client) -> None:
    nl = client.get("/").content.decode()
    assert '<html lang="nl"' in nl and "Direct naar de inhoud" in nl

    response = client.post("/taal/", {"language": "en", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"

    en = client.get("/").content.decode()
    assert '<html lang="en"' in en
    assert "Skip to content" in en
    assert "Principles of good governance" in en
    assert "Direct naar de inhoud" not in en
    assert 'value="nl"' in en and ">Nederlands</button>" in en

    client.post("/taal/", {"language": "nl", "next": "/"})
    assert "Direct naar de inhoud" in client.get("/").content.decode()


def test_an_english_browser_still_gets_dutch_until_the_switch_is_used(client: Client) -> None:
    """Dutch by default: the browser's Accept-Language does not choose the language."""
    nl = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="nl"' in nl and "Direct naar de inhoud" in nl

    client.post("/taal/", {"language": "en", "next": "/"})
    en = client.get("/", HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9").content.decode()
    assert '<html lang="en"' in en and "Skip to content" in en


def test_unknown_language_is_ignored_and_the_interface_stays_dutch(client: Client) -> None:
    client.post("/taal/", {"language": "xx", "next": "/"})
    assert "Direct naar de inhoud" in client.get("/").content.decode()


def test_english_error_page_for_an_unknown_address(client: Client) -> None:
    client.post("/taal/", {"language": "en", "next": "/"})
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_english_catalogue_is_valid_and_has_no_guessed_translations() -> None:
    """msgfmt --check finds no format errors (placeholders kept), and no entry is fuzzy: a
    fuzzy entry is msgmerge's guess from a similar Dutch text, often with the wrong meaning."""
    import subprocess

    from .conftest import LOCALE_DIR

    po = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)
    tekst = po.read_text(encoding="utf-8")
    assert "#, fuzzy" not in tekst
    assert 'msgstr "Skip to content"' in tekst


def test_public_register_and_inbox_speak_english_after_the_switch(client: Client) -> None:
    """The response duty screens (new apps) are in the English catalogue too: headings and
    the empty-state texts switch, and no Dutch heading is left."""
    from uitvoerbaar.conftest import ingelogd
    from uitvoerbaar.core.constants import Rol
    from uitvoerbaar.core.tests.factories import persoon_met_rol

    client.post("/taal/", {"language": "en", "next": "/"})
    register = client.get("/openbaar/register/").content.decode()
    assert "Register of comply or explain" in register
    assert "There have been no requests yet." in register
    assert "Register pas toe of leg uit" not in register

    ingelogd(client, persoon_met_rol(Rol.BEHANDELAAR))
    client.post("/taal/", {"language": "en", "next": "/verzoeken/"})
    inbox = client.get("/verzoeken/").content.decode()
    assert '<h1 class="utrecht-heading-1">To answer</h1>' in inbox
    assert "No request is waiting for your answer now." in inbox
    assert "Te beantwoorden" not in inbox

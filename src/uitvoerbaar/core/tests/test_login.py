"""Login, lockout, open redirects, logout and password hashing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings

from uitvoerbaar.conf import base
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.forms import GEBLOKKEERD, ONJUIST
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import WACHTWOORD, GebruikerFactory, persoon_met_rol

pytestmark = pytest.mark.django_db

LOGIN = "/inloggen/"


def _post(client: Client, username: str, password: str, **extra: str) -> Any:
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def _ingelogd(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _normalised(html: str, username: str) -> str:
    """The page without what legitimately differs per request: the CSRF token and the
    username the person typed (echoed back in the field)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
    return html.replace(f'value="{username}"', 'value="…"')


def test_login_page_renders_in_dutch(client: Client) -> None:
    response = client.get(LOGIN)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gebruikersnaam" in body and "Wachtwoord" in body
    assert 'autocomplete="current-password"' in body


def test_correct_password_logs_in_and_goes_to_start(client: Client, medewerker: Gebruiker) -> None:
    response = _post(client, "medewerker", WACHTWOORD)
    assert response.status_code == 302
    assert response["Location"] == "/start/"
    assert _ingelogd(client)
    assert client.get("/start/").status_code == 200


def test_empty_form_gives_dutch_field_messages(client: Client) -> None:
    response = _post(client, "", "")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Vul uw gebruikersnaam in." in body
    assert "Vul uw wachtwoord in." in body
    assert not _ingelogd(client)


def test_wrong_password_unknown_user_and_inactive_user_look_the_same(
    client: Client, medewerker: Gebruiker
) -> None:
    inactief = GebruikerFactory.create(username="inactief", is_active=False)
    assert inactief.check_password(WACHTWOORD)  # the right password: only `inactive` is wrong

    antwoorden = {
        "medewerker": _post(client, "medewerker", "fout-wachtwoord"),
        "onbekend": _post(client, "onbekend", WACHTWOORD),
        "inactief": _post(client, "inactief", WACHTWOORD),
    }
    statussen = {naam: r.status_code for naam, r in antwoorden.items()}
    assert set(statussen.values()) == {400}, statussen
    pages = {naam: _normalised(r.content.decode(), naam) for naam, r in antwoorden.items()}
    assert str(ONJUIST) in pages["medewerker"]
    # Byte for byte the same page: nothing tells which part was wrong.
    assert pages["medewerker"] == pages["onbekend"] == pages["inactief"]
    assert not _ingelogd(client)


def _lock(client: Client, username: str) -> list[Any]:
    return [_post(client, username, "fout") for _ in range(settings.AXES_FAILURE_LIMIT)]


def test_lockout_after_failure_limit_with_dutch_message(
    client: Client, medewerker: Gebruiker
) -> None:
    antwoorden = _lock(client, "medewerker")
    # Before the limit: the ordinary message.
    for response in antwoorden[:-1]:
        assert response.status_code == 400
        assert str(ONJUIST) in response.content.decode()
    # At the limit: locked, with a Dutch message that says when to try again.
    laatste = antwoorden[-1]
    assert laatste.status_code == 429
    body = laatste.content.decode()
    assert str(GEBLOKKEERD) in body
    assert "15 minuten" in body  # AXES_COOLOFF_TIME = 0.25 hours
    assert str(ONJUIST) not in body


def test_correct_password_while_locked_does_not_log_in(
    client: Client, medewerker: Gebruiker
) -> None:
    _lock(client, "medewerker")
    response = _post(client, "medewerker", WACHTWOORD)
    assert response.status_code == 429
    assert str(GEBLOKKEERD) in response.content.decode()
    assert not _ingelogd(client)
    assert client.get("/start/")["Location"].startswith("/inloggen/")


def test_lockout_is_per_username_not_per_office(client: Client, medewerker: Gebruiker) -> None:
    collega = persoon_met_rol(Rol.MEDEWERKER, medewerker.lidmaatschappen.get().organisatie)
    _lock(client, "medewerker")
    # Same IP address, another username: not locked.
    response = _post(client, collega.username, WACHTWOORD)
    assert response.status_code == 302
    assert _ingelogd(client)


def test_lockout_of_unknown_username_looks_the_same(client: Client, medewerker: Gebruiker) -> None:
    bestaand = _lock(client, "medewerker")
    onbekend = _lock(Client(), "bestaat-niet")
    for a, b in zip(bestaand, onbekend, strict=True):
        assert a.status_code == b.status_code
        assert _normalised(a.content.decode(), "medewerker") == _normalised(
            b.content.decode(), "bestaat-niet"
        )
    assert onbekend[-1].status_code == 429
    assert str(GEBLOKKEERD) in onbekend[-1].content.decode()


def test_successful_login_resets_the_failure_count(client: Client, medewerker: Gebruiker) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _post(client, "medewerker", "fout")
    assert _post(client, "medewerker", WACHTWOORD).status_code == 302
    client.post("/uitloggen/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _post(client, "medewerker", "fout").status_code == 400


@pytest.mark.parametrize(
    "next_url",
    [
        "https://kwaadwillend.example/",
        "//kwaadwillend.example/pad",
        "http://testserver.kwaadwillend.example/",
        "javascript:alert(1)",
        "\\\\kwaadwillend.example",
    ],
)
def test_open_redirect_via_next_is_refused(
    client: Client, medewerker: Gebruiker, next_url: str
) -> None:
    response = _post(client, "medewerker", WACHTWOORD, next=next_url)
    assert response.status_code == 302
    assert response["Location"] == "/start/"


def test_next_within_the_site_is_followed(client: Client, medewerker: Gebruiker) -> None:
    response = _post(client, "medewerker", WACHTWOORD, next="/organisaties/")
    assert response["Location"] == "/organisaties/"


def test_login_page_keeps_a_safe_next_and_drops_an_unsafe_one(client: Client) -> None:
    veilig = client.get(LOGIN, {"next": "/organisaties/"}).content.decode()
    assert '<input type="hidden" name="next" value="/organisaties/">' in veilig
    onveilig = client.get(LOGIN, {"next": "https://kwaadwillend.example/"}).content.decode()
    assert '<input type="hidden" name="next"' not in onveilig


def test_logged_in_person_visiting_login_goes_to_start(
    client: Client, medewerker: Gebruiker
) -> None:
    client.force_login(medewerker)
    assert client.get(LOGIN)["Location"] == "/start/"


def test_logout_only_by_post(client: Client, medewerker: Gebruiker) -> None:
    client.force_login(medewerker)
    assert client.get("/uitloggen/").status_code == 405
    assert _ingelogd(client)
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/"
    assert not _ingelogd(client)


def test_logout_is_protected_against_csrf(medewerker: Gebruiker) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(medewerker)
    assert client.post("/uitloggen/").status_code == 403
    assert _ingelogd(client)


def test_login_is_protected_against_csrf(medewerker: Gebruiker) -> None:
    client = Client(enforce_csrf_checks=True)
    assert _post(client, "medewerker", WACHTWOORD).status_code == 403
    assert not _ingelogd(client)


def test_argon2_is_the_first_hasher_in_base_settings() -> None:
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_new_password_is_stored_with_argon2(organisatie: Organisatie) -> None:
    gebruiker = Gebruiker.objects.create_user("nieuw", password="Een-lang-nieuw-wachtwoord-7")
    gebruiker.refresh_from_db()
    assert gebruiker.password.startswith("argon2$argon2id$")
    assert gebruiker.check_password("Een-lang-nieuw-wachtwoord-7")
    assert not gebruiker.check_password("fout")


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_login_upgrades_an_old_hash_to_argon2(client: Client) -> None:
    from django.contrib.auth.hashers import make_password

    gebruiker = GebruikerFactory.create(username="oud")
    gebruiker.password = make_password(
        WACHTWOORD, hasher="pbkdf2_sha256"
    )  # what an older install stored
    gebruiker.save(update_fields=["password"])
    assert _post(client, "oud", WACHTWOORD).status_code == 302
    gebruiker.refresh_from_db()
    assert gebruiker.password.startswith("argon2$")

"""The second factor (TOTP) for roles that can see confidential data."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import ROLLEN_MET_TWEEDE_FACTOR, Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import WACHTWOORD, persoon_met_rol, totp_device

pytestmark = pytest.mark.django_db

TWEEDE_FACTOR = "/inloggen/tweede-factor/"
ROLLEN = sorted(ROLLEN_MET_TWEEDE_FACTOR)


def _code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def _wachtwoord_login(client: Client, gebruiker: Gebruiker) -> Any:
    return client.post("/inloggen/", {"username": gebruiker.username, "password": WACHTWOORD})


@pytest.fixture(params=ROLLEN)
def vertrouwelijke_rol(request: pytest.FixtureRequest, organisatie: Organisatie) -> Gebruiker:
    return persoon_met_rol(request.param, organisatie)


def test_roles_with_second_factor_are_exactly_the_confidential_ones() -> None:
    assert {Rol.VERTROUWENSPERSOON, Rol.BESTUUR, Rol.BEHEERDER} == ROLLEN_MET_TWEEDE_FACTOR


def test_password_login_of_confidential_role_goes_to_second_factor(
    client: Client, vertrouwelijke_rol: Gebruiker
) -> None:
    response = _wachtwoord_login(client, vertrouwelijke_rol)
    assert response.status_code == 302
    assert response["Location"] == f"{TWEEDE_FACTOR}?next=%2Fstart%2F"


@pytest.mark.parametrize(
    "pad", ["/start/", "/organisaties/", "/", "/kennisbank/beginselen/", "/beheer/"]
)
def test_every_page_redirects_until_verified(
    client: Client, vertrouwelijke_rol: Gebruiker, pad: str
) -> None:
    _wachtwoord_login(client, vertrouwelijke_rol)
    response = client.get(pad, {"x": "1"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"{TWEEDE_FACTOR}?next=")
    assert "x%3D1" in response["Location"]  # the full path, query included, comes back after


def test_api_answers_403_problem_until_verified(
    client: Client, vertrouwelijke_rol: Gebruiker
) -> None:
    _wachtwoord_login(client, vertrouwelijke_rol)
    for pad in ["/api/v1/ik", "/api/v1/organisaties", "/api/v1/schema"]:
        response = client.get(pad)
        assert response.status_code == 403, pad
        assert response["Content-Type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == 403
        assert body["title"] == "Tweede factor vereist"
        assert "tweede factor" in body["detail"]


def test_second_factor_page_logout_and_language_stay_reachable(
    client: Client, vertrouwelijke_rol: Gebruiker
) -> None:
    _wachtwoord_login(client, vertrouwelijke_rol)
    assert client.get(TWEEDE_FACTOR).status_code == 200
    assert client.post("/taal/", {"language": "nl", "next": "/"}).status_code == 302
    response = client.post("/uitloggen/")
    assert response["Location"] == "/inloggen/"
    assert "_auth_user_id" not in client.session


def test_enrolment_shows_qr_code_and_key_and_csp_allows_it(
    client: Client, vertrouwelijke_rol: Gebruiker
) -> None:
    _wachtwoord_login(client, vertrouwelijke_rol)
    response = client.get(TWEEDE_FACTOR, {"next": "/organisaties/"})
    assert response.status_code == 200
    body = response.content.decode()
    device = TOTPDevice.objects.get(user=vertrouwelijke_rol)
    assert not device.confirmed
    assert '<img src="data:image/svg+xml' in body
    sleutel = base64.b32encode(device.bin_key).decode().rstrip("=")
    assert sleutel in body
    assert 'name="next" value="/organisaties/"' in body
    csp = response["Content-Security-Policy"]
    img_src = next(d for d in csp.split(";") if d.strip().startswith("img-src"))
    assert "data:" in img_src
    # Reloading the page does not create a second authenticator.
    client.get(TWEEDE_FACTOR)
    assert TOTPDevice.objects.filter(user=vertrouwelijke_rol).count() == 1


def test_wrong_code_gives_dutch_error_next_to_field_and_does_not_verify(
    client: Client, vertrouwelijke_rol: Gebruiker
) -> None:
    _wachtwoord_login(client, vertrouwelijke_rol)
    client.get(TWEEDE_FACTOR)
    device = TOTPDevice.objects.get(user=vertrouwelijke_rol)
    fout = f"{(int(_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(TWEEDE_FACTOR, {"code": fout})
    assert response.status_code == 400
    body = response.content.decode()
    # The error sits next to the field, under the id Django names in aria-describedby.
    assert 'id="id_code_error"' in body
    assert 'aria-describedby="id_code_helptext id_code_error"' in body
    assert 'id="id_code_helptext"' in body
    assert "Deze code klopt niet of is verlopen." in body
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/start/")["Location"].startswith(TWEEDE_FACTOR)
    assert not AuditEvent.objects.filter(event="tweede_factor.ingesteld").exists()


@pytest.mark.parametrize(
    ("code", "melding"),
    [
        ("", "Vul de code van zes cijfers in."),
        ("12345", "De code heeft zes cijfers."),
        ("1234567", "De code heeft zes cijfers."),
        ("12a456", "De code bestaat alleen uit cijfers."),
    ],
)
def test_malformed_code_gives_dutch_message(
    client: Client, vertrouwelijke_rol: Gebruiker, code: str, melding: str
) -> None:
    _wachtwoord_login(client, vertrouwelijke_rol)
    response = client.post(TWEEDE_FACTOR, {"code": code})
    assert response.status_code == 400
    assert melding in response.content.decode()


def test_right_code_verifies_and_confirms_the_device(
    client: Client, vertrouwelijke_rol: Gebruiker
) -> None:
    _wachtwoord_login(client, vertrouwelijke_rol)
    client.get(TWEEDE_FACTOR)
    device = TOTPDevice.objects.get(user=vertrouwelijke_rol)
    response = client.post(TWEEDE_FACTOR, {"code": _code(device), "next": "/organisaties/"})
    assert response.status_code == 302
    assert response["Location"] == "/organisaties/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/start/").status_code == 200
    assert client.get("/api/v1/ik").status_code == 200
    event = AuditEvent.objects.get(event="tweede_factor.ingesteld")
    assert event.actor_id == vertrouwelijke_rol.pk


def test_next_after_second_factor_refuses_other_sites(
    client: Client, vertrouwelijke_rol: Gebruiker
) -> None:
    _wachtwoord_login(client, vertrouwelijke_rol)
    client.get(TWEEDE_FACTOR)
    device = TOTPDevice.objects.get(user=vertrouwelijke_rol)
    response = client.post(
        TWEEDE_FACTOR, {"code": _code(device), "next": "https://kwaadwillend.example/"}
    )
    assert response["Location"] == "/start/"


def test_confirmed_device_asks_only_the_code(client: Client, organisatie: Organisatie) -> None:
    bestuur = persoon_met_rol(Rol.BESTUUR, organisatie)
    device = totp_device(bestuur)
    _wachtwoord_login(client, bestuur)
    body = client.get(TWEEDE_FACTOR).content.decode()
    assert "data:image/svg+xml" not in body
    assert base64.b32encode(device.bin_key).decode().rstrip("=") not in body
    assert client.post(TWEEDE_FACTOR, {"code": _code(device)}).status_code == 302
    assert client.get("/start/").status_code == 200
    # No second, unconfirmed authenticator was started.
    assert TOTPDevice.objects.filter(user=bestuur).count() == 1


def test_repeated_wrong_codes_are_throttled(client: Client, organisatie: Organisatie) -> None:
    bestuur = persoon_met_rol(Rol.BESTUUR, organisatie)
    device = totp_device(bestuur)
    _wachtwoord_login(client, bestuur)
    client.post(TWEEDE_FACTOR, {"code": "000000" if _code(device) != "000000" else "111111"})
    # Straight after a failure even the right code is refused, with its own message.
    response = client.post(TWEEDE_FACTOR, {"code": _code(device)})
    assert response.status_code == 400
    assert "te vaak een verkeerde code" in response.content.decode()
    assert client.get("/start/").status_code == 302


def test_medewerker_is_never_asked(client: Client, medewerker: Gebruiker) -> None:
    response = _wachtwoord_login(client, medewerker)
    assert response["Location"] == "/start/"
    assert client.get("/start/").status_code == 200
    assert client.get("/api/v1/ik").status_code == 200
    # Visiting the page by hand does not enrol anything either.
    assert client.get(TWEEDE_FACTOR)["Location"] == "/start/"
    assert not TOTPDevice.objects.filter(user=medewerker).exists()


def test_verified_person_visiting_second_factor_page_goes_on(
    client: Client, organisatie: Organisatie
) -> None:
    bestuur = persoon_met_rol(Rol.BESTUUR, organisatie)
    ingelogd(client, bestuur)
    assert client.get(TWEEDE_FACTOR, {"next": "/organisaties/"})["Location"] == "/organisaties/"


def test_anonymous_second_factor_page_goes_to_login(client: Client) -> None:
    assert client.get(TWEEDE_FACTOR)["Location"].startswith("/inloggen/?next=")


def test_a_new_confidential_role_requires_the_second_factor_at_once(
    client: Client, medewerker: Gebruiker, organisatie: Organisatie
) -> None:
    from uitvoerbaar.core import services

    client.force_login(medewerker)
    assert client.get("/start/").status_code == 200
    services.add_lidmaatschap(
        door=None, gebruiker=medewerker, organisatie=organisatie, rol=Rol.VERTROUWENSPERSOON
    )
    assert client.get("/start/")["Location"].startswith(TWEEDE_FACTOR)


@override_settings(UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR=True)
def test_demo_setting_waives_the_second_factor(client: Client, organisatie: Organisatie) -> None:
    bestuur = persoon_met_rol(Rol.BESTUUR, organisatie)
    assert _wachtwoord_login(client, bestuur)["Location"] == "/start/"
    assert client.get("/start/").status_code == 200


def _import_production(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    omgeving = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR",
            "DJANGO_SETTINGS_MODULE",
            "SIGNALEN_SLEUTELS",
            "SIGNALEN_BONZOUT",
        }
    }
    omgeving.update({"UITVOERBAAR_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-c", "import uitvoerbaar.conf.production"],
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


LANGE_SLEUTEL = "p" * 64
# Production also needs the keys of the reporting channels (signalen/kluis.py).
SIGNALEN_GEHEIMEN = {
    "SIGNALEN_SLEUTELS": "Tq0vC1mtzcdDXZkZ8hvZr1o5P3cM8HfxY5D3kqJbXWs=",
    "SIGNALEN_BONZOUT": "b" * 40,
}


def test_production_settings_refuse_the_demo_waiver(tmp_path: Path) -> None:
    result = _import_production(
        tmp_path, SECRET_KEY=LANGE_SLEUTEL, UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR="1"
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR" in result.stderr


def test_production_settings_refuse_a_short_secret_key(tmp_path: Path) -> None:
    result = _import_production(
        tmp_path, SECRET_KEY="kort", UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR="1"
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_settings_load_without_the_waiver(tmp_path: Path) -> None:
    result = _import_production(tmp_path, SECRET_KEY=LANGE_SLEUTEL, **SIGNALEN_GEHEIMEN)
    assert result.returncode == 0, result.stderr


def test_production_settings_refuse_to_start_without_the_signalen_keys(tmp_path: Path) -> None:
    """Confidential identities and receipt codes must never fall back to a key kept in a file
    beside the data, as the demo does: production needs both secrets from the environment."""
    result = _import_production(tmp_path, SECRET_KEY=LANGE_SLEUTEL)
    assert result.returncode != 0
    assert "SIGNALEN_SLEUTELS" in result.stderr
    kort = {**SIGNALEN_GEHEIMEN, "SIGNALEN_BONZOUT": "kort"}
    assert _import_production(tmp_path, SECRET_KEY=LANGE_SLEUTEL, **kort).returncode != 0

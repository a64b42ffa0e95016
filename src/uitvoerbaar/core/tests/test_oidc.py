"""Optional single sign-on: existing accounts only, matched by e-mail, no roles granted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import get_resolver

from uitvoerbaar.conf import base
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Lidmaatschap
from uitvoerbaar.core.oidc import OrganisatieOIDCBackend
from uitvoerbaar.core.policy import POLICY
from uitvoerbaar.core.routes import iter_routes
from uitvoerbaar.core.tests.factories import GebruikerFactory, persoon_met_rol

pytestmark = pytest.mark.django_db

OIDC = {
    "OIDC_ENABLED": True,
    "OIDC_RP_CLIENT_ID": "uitvoerbaar",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_RP_SIGN_ALGO": "HS256",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_CREATE_USER": False,
}


@pytest.fixture
def backend() -> OrganisatieOIDCBackend:
    with override_settings(**OIDC):
        return OrganisatieOIDCBackend()


def test_off_by_default() -> None:
    assert os.environ.get("OIDC_ENABLED") is None
    assert base.OIDC_ENABLED is False
    assert "uitvoerbaar.core.oidc.OrganisatieOIDCBackend" not in base.AUTHENTICATION_BACKENDS


def test_settings_switch_it_on_without_creating_users(tmp_path: Path) -> None:
    code = (
        "from uitvoerbaar.conf import base as b; "
        "print(b.AUTHENTICATION_BACKENDS[-1], b.OIDC_CREATE_USER, 'mozilla_django_oidc' in "
        "b.INSTALLED_APPS)"
    )
    env = {**os.environ, "OIDC_ENABLED": "1", "UITVOERBAAR_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "uitvoerbaar.core.oidc.OrganisatieOIDCBackend",
        "False",
        "True",
    ]


@pytest.mark.parametrize(
    ("claims", "ok"),
    [
        ({"email": "sam@example.org"}, True),
        ({"email": "sam@example.org", "email_verified": True}, True),
        ({"email": "sam@example.org", "email_verified": False}, False),
        ({"email": ""}, False),
        ({"email": "geen-adres"}, False),
        ({"email": ["sam@example.org"]}, False),
        ({"sub": "123"}, False),
    ],
)
def test_verify_claims(backend: OrganisatieOIDCBackend, claims: dict[str, Any], ok: bool) -> None:
    assert backend.verify_claims(claims) is ok


def test_filter_users_finds_the_one_active_account_by_email(
    backend: OrganisatieOIDCBackend,
) -> None:
    sam = GebruikerFactory.create(username="sam", email="Sam@Example.org")
    GebruikerFactory.create(username="ander", email="ander@example.org")
    assert list(backend.filter_users_by_claims({"email": "sam@example.ORG"})) == [sam]
    assert list(backend.filter_users_by_claims({"email": "niemand@example.org"})) == []
    assert list(backend.filter_users_by_claims({})) == []


def test_filter_users_refuses_inactive_and_ambiguous_accounts(
    backend: OrganisatieOIDCBackend,
) -> None:
    GebruikerFactory.create(username="weg", email="weg@example.org", is_active=False)
    GebruikerFactory.create(username="een", email="dubbel@example.org")
    GebruikerFactory.create(username="twee", email="dubbel@example.org")
    assert list(backend.filter_users_by_claims({"email": "weg@example.org"})) == []
    assert list(backend.filter_users_by_claims({"email": "dubbel@example.org"})) == []


def _sso(backend: OrganisatieOIDCBackend, claims: dict[str, Any], monkeypatch: Any) -> Any:
    """Run the backend's authenticate with the identity provider replaced (no network)."""
    monkeypatch.setattr(
        backend, "get_token", lambda payload: {"id_token": "i", "access_token": "a"}
    )
    monkeypatch.setattr(backend, "verify_token", lambda token, **kw: {"sub": "1"})
    monkeypatch.setattr(backend, "get_userinfo", lambda access, id_token, payload: claims)
    request = RequestFactory().get("/oidc/callback/", {"code": "c", "state": "s"})
    request.session = {}  # type: ignore[assignment]
    with override_settings(**OIDC):
        return backend.authenticate(request, nonce=None)


@pytest.mark.urls("uitvoerbaar.core.tests.urls_oidc")
def test_sso_logs_in_an_existing_account_and_grants_nothing(
    backend: OrganisatieOIDCBackend, monkeypatch: Any
) -> None:
    sam = persoon_met_rol(Rol.MEDEWERKER, username="sam")
    voor = (Gebruiker.objects.count(), Lidmaatschap.objects.count())
    user = _sso(backend, {"email": sam.email, "groups": ["bestuur", "beheerder"]}, monkeypatch)
    assert user == sam
    assert (Gebruiker.objects.count(), Lidmaatschap.objects.count()) == voor
    assert Gebruiker.objects.get(pk=sam.pk).rollen() == {Rol.MEDEWERKER}


@pytest.mark.urls("uitvoerbaar.core.tests.urls_oidc")
def test_sso_never_creates_an_account(backend: OrganisatieOIDCBackend, monkeypatch: Any) -> None:
    voor = Gebruiker.objects.count()
    assert _sso(backend, {"email": "nieuw@example.org"}, monkeypatch) is None
    assert (
        _sso(backend, {"email": "nieuw@example.org", "email_verified": False}, monkeypatch) is None
    )
    assert Gebruiker.objects.count() == voor


def test_login_page_has_no_sso_link_when_off(client: Client) -> None:
    body = client.get("/inloggen/").content.decode()
    assert "Inloggen met uw organisatie-account" not in body
    # Even with the routes present, the failure message needs SSO switched on.
    body = client.get("/inloggen/", {"sso": "mislukt"}).content.decode()
    assert "organisatie-account is niet gelukt" not in body


@pytest.mark.urls("uitvoerbaar.core.tests.urls_oidc")
def test_login_page_shows_sso_link_when_on(client: Client) -> None:
    with override_settings(**OIDC):
        body = client.get("/inloggen/", {"next": "/organisaties/"}).content.decode()
        assert "Inloggen met uw organisatie-account" in body
        assert 'href="/oidc/authenticate/?next=/organisaties/"' in body
        mislukt = client.get("/inloggen/", {"sso": "mislukt"}).content.decode()
        assert "Inloggen met uw organisatie-account is niet gelukt." in mislukt
        response = client.get("/oidc/authenticate/")
        assert response.status_code == 302
        assert response["Location"].startswith("https://idp.example/authorize?")


@pytest.mark.urls("uitvoerbaar.core.tests.urls_oidc")
def test_sso_routes_have_a_policy_action() -> None:
    routes = [r for r in iter_routes(get_resolver()) if r.pad.startswith("oidc/")]
    assert len(routes) >= 2
    for route in routes:
        assert route.policy_actie in POLICY, route

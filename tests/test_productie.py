"""Hardened deployment (issue 9 part 7): the production settings pass `check --deploy`, every
response carries the security headers, the Content Security Policy allows no inline script or
style, and no template needs it to."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import WACHTWOORD, OrganisatieFactory, persoon_met_rol

PAKKET = Path(__file__).resolve().parent.parent / "src" / "uitvoerbaar"
REPO = PAKKET.parent.parent

# Production refuses to start without these (see core/tests/test_tweede_factor.py).
PRODUCTIE_OMGEVING = {
    "DJANGO_SETTINGS_MODULE": "uitvoerbaar.conf.production",
    "SECRET_KEY": "deploy-check-only-Zq8v1Lw3Rk5Tn7Yp9Bd2Fh4Jm6Xc0Vs-QeUiOaGyHlNtKr",
    "SIGNALEN_SLEUTELS": "Tq0vC1mtzcdDXZkZ8hvZr1o5P3cM8HfxY5D3kqJbXWs=",
    "SIGNALEN_BONZOUT": "b" * 40,
    "ALLOWED_HOSTS": "uitvoerbaar.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://uitvoerbaar.example.nl",
}

# Deploy checks production silences, each with the reason. Empty: nothing is silenced.
STILGEZET: dict[str, str] = {}


def _productie(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    omgeving = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is set in this process by the browser tests' live server.
        if k
        not in {
            "DEBUG",
            "UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR",
            "SECURE_SSL_REDIRECT",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    omgeving.update(PRODUCTIE_OMGEVING, UITVOERBAAR_DATA_DIR=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-m", "uitvoerbaar", *args],
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy(tmp_path: Path) -> None:
    result = _productie(tmp_path, "check", "--deploy", "--fail-level", "DEBUG")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout, result.stdout


def test_production_silences_only_the_justified_checks(tmp_path: Path) -> None:
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "print(sorted(settings.SILENCED_SYSTEM_CHECKS)); print(settings.DEBUG); "
        "print(settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE, "
        "settings.CSRF_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)"
    )
    omgeving = {**os.environ, **PRODUCTIE_OMGEVING, "UITVOERBAAR_DATA_DIR": str(tmp_path)}
    omgeving.pop("SECURE_SSL_REDIRECT", None)
    omgeving.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    stil, debug, veilig = result.stdout.splitlines()
    assert stil == str(sorted(STILGEZET))
    assert debug == "False"
    assert veilig == "31536000 True True True"


# --- Templates: nothing a strict CSP would block -------------------------------------------

# Templates that never reach a browser, with the reason they may hold inline style.
NIET_VOOR_DE_BROWSER = {
    # Rendered to a string and handed to WeasyPrint (dienstverlening.views.keuzenota_pdf), which
    # has no CSP and needs its print styles (@page) inline; the response is application/pdf.
    "dienstverlening/templates/dienstverlening/keuzenota_pdf.html",
}

VERBODEN = [
    (re.compile(r"<script\b(?![^>]*\bsrc=)", re.I), "inline <script> (put it in a static file)"),
    (re.compile(r"<style\b", re.I), "<style> block (put it in a static CSS file)"),
    (re.compile(r"\sstyle\s*=", re.I), "style= attribute (use a class)"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute (use app.js)"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
    (re.compile(r"\bhx-on\b|\bhx-on[:-]", re.I), "hx-on attribute (evaluates inline script)"),
]


def _templates() -> list[Path]:
    return sorted(
        p
        for p in PAKKET.rglob("*.html")
        if "templates" in p.parts and ".venv" not in p.parts and "node_modules" not in p.parts
    )


def test_the_template_scan_finds_the_templates() -> None:
    """Guards the guard: a scan of no files would pass."""
    namen = {str(p.relative_to(PAKKET)) for p in _templates()}
    assert len(namen) > 100
    assert {"templates/base.html", *NIET_VOOR_DE_BROWSER} <= namen


def test_no_template_has_inline_script_or_style() -> None:
    fouten = []
    for pad in _templates():
        naam = str(pad.relative_to(PAKKET))
        if naam in NIET_VOOR_DE_BROWSER:
            continue
        tekst = pad.read_text(encoding="utf-8")
        for patroon, waarom in VERBODEN:
            for m in patroon.finditer(tekst):
                regel = tekst.count("\n", 0, m.start()) + 1
                fouten.append(f"{naam}:{regel}: {waarom}")
    assert fouten == []


@pytest.mark.parametrize(
    ("html", "fout"),
    [
        ("<script>alert(1)</script>", True),
        ('<script src="/static/x.js"></script>', False),
        ('<p style="color:red">x</p>', True),
        ("<style>p{}</style>", True),
        ('<a href="#" onclick="x()">x</a>', True),
        ('<a href="javascript:x()">x</a>', True),
        ('<p class="stijl">x</p>', False),
        ('<div hx-on:click="x()"></div>', True),
    ],
)
def test_the_scan_catches_what_it_should(html: str, fout: bool) -> None:
    assert any(p.search(html) for p, _ in VERBODEN) is fout


# --- Headers on responses under production-like settings ----------------------------------

PRODUCTIE_ACHTIG = {
    "DEBUG": False,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


def _controleer_koppen(response: object) -> None:
    koppen = response.headers  # type: ignore[attr-defined]
    assert koppen["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert koppen["X-Content-Type-Options"] == "nosniff"
    assert koppen["Referrer-Policy"] == "same-origin"
    assert koppen["X-Frame-Options"] == "DENY"
    assert koppen["Cross-Origin-Opener-Policy"] == "same-origin"
    beleid = koppen["Permissions-Policy"]
    for functie in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert functie in beleid
    csp = {
        d.strip().split()[0]: d.strip().split()[1:]
        for d in koppen["Content-Security-Policy"].split(";")
        if d.strip()
    }
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert "unsafe-inline" not in koppen["Content-Security-Policy"]
    assert "unsafe-eval" not in koppen["Content-Security-Policy"]
    # No banner: Django sends none; gunicorn's is removed by deploy/gunicorn.conf.py.
    assert "Server" not in koppen
    assert "X-Powered-By" not in koppen


@pytest.mark.django_db
@override_settings(**PRODUCTIE_ACHTIG)
@pytest.mark.parametrize(
    "pad", ["/", "/kennisbank/beginselen/", "/api/v1/beginselen", "/api/v1/ik", "/niet-er/"]
)
def test_security_headers_on_pages_api_and_errors(client: Client, pad: str) -> None:
    response = client.get(pad, secure=True)
    assert response.status_code in {200, 302, 403, 404}, response.status_code
    _controleer_koppen(response)


@pytest.mark.django_db
@override_settings(**PRODUCTIE_ACHTIG)
def test_plain_http_is_sent_to_https(client: Client) -> None:
    response = client.get("/kennisbank/beginselen/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    # Behind the proxy: its X-Forwarded-Proto counts.
    assert client.get("/", headers={"x-forwarded-proto": "https"}).status_code == 200


@pytest.mark.django_db
@override_settings(**PRODUCTIE_ACHTIG)
def test_cookies_are_secure_and_http_only(client: Client) -> None:
    gebruiker = persoon_met_rol(Rol.MEDEWERKER, OrganisatieFactory.create())
    response = client.get("/inloggen/", secure=True)
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["samesite"] == "Lax"
    response = client.post(
        "/inloggen/", {"username": gebruiker.username, "password": WACHTWOORD}, secure=True
    )
    assert response.status_code == 302, response.content
    sessie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert sessie.value
    assert sessie["secure"] and sessie["httponly"] and sessie["samesite"] == "Lax"
    response = client.get("/start/", secure=True)
    assert response.status_code == 200
    _controleer_koppen(response)


def test_gunicorn_config_hides_the_server_banner() -> None:
    """deploy/gunicorn.conf.py drops gunicorn's `Server` header from every response."""
    from gunicorn.http import wsgi

    conf: dict[str, object] = {}
    bron = (REPO / "deploy" / "gunicorn.conf.py").read_text(encoding="utf-8")
    exec(compile(bron, "gunicorn.conf.py", "exec"), conf)
    origineel = wsgi.Response.default_headers
    try:

        class Nep:
            version = "gunicorn"
            status = "200 OK"
            chunked = False
            upgrade = False
            should_close = lambda self: False  # noqa: E731
            req = type("R", (), {"version": (1, 1)})()

        assert any(h.startswith("Server:") for h in origineel(Nep()))  # type: ignore[arg-type]
        conf["on_starting"](None)  # type: ignore[operator]
        koppen = wsgi.Response.default_headers(Nep())  # type: ignore[arg-type]
        assert not any(h.lower().startswith("server:") for h in koppen)
        assert any(h.startswith("Date:") for h in koppen)
        assert conf["bind"] == "127.0.0.1:8000" or os.environ.get("GUNICORN_BIND")
        assert conf["forwarded_allow_ips"]
    finally:
        wsgi.Response.default_headers = origineel  # type: ignore[method-assign]

"""The error pages people see: Dutch, plain, on the site's layout, and never inline script or
style (the Content Security Policy would block it)."""

from __future__ import annotations

import re

import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults

pytestmark = pytest.mark.usefixtures("vertalingen")


def _zonder_inline(html: str) -> None:
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"


def test_server_error_page_stands_alone_in_dutch() -> None:
    # the language LocaleMiddleware would have activated for this request
    with translation.override("nl"):
        response = defaults.server_error(RequestFactory().get("/"))
    html = response.content.decode()

    assert response.status_code == 500
    assert '<html lang="nl"' in html
    assert '<h1 class="utrecht-heading-1">Er ging iets mis</h1>' in html
    assert "Uw gegevens zijn niet verloren" in html
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html
    _zonder_inline(html)


def test_server_error_page_in_english() -> None:
    with translation.override("en"):
        html = defaults.server_error(RequestFactory().get("/")).content.decode()
    assert '<html lang="en"' in html
    assert "Something went wrong" in html


@pytest.mark.django_db
def test_bad_request_page_in_dutch() -> None:
    with translation.override("nl"):
        response = defaults.bad_request(RequestFactory().get("/"), Exception("kapot"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Het verzoek klopt niet" in html
    assert "kapot" not in html
    _zonder_inline(html)


@pytest.mark.django_db
def test_form_without_csrf_token_gets_the_dutch_refusal_page() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/taal/", {"language": "en", "next": "/"})
    html = response.content.decode()

    assert response.status_code == 403
    assert "Verzoek geweigerd" in html
    assert "Uw formulier is verlopen of kwam niet van deze site." in html
    _zonder_inline(html)
    # and nothing changed: the interface is still Dutch
    assert "Direct naar de inhoud" in client.get("/").content.decode()


@pytest.mark.django_db
def test_not_found_page_links_back_to_the_start(client: Client) -> None:
    response = client.get("/bestaat-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html
    assert '<a class="utrecht-link" href="/">Naar de startpagina</a>' in html

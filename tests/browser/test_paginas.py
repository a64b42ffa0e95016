"""Every public page and the main logged-in pages pass axe-core (WCAG 2.1 A/AA: no serious or
critical violation), with real content on them."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from uitvoerbaar.audit import services as audit
from uitvoerbaar.audit.models import KetenKop

from .axe import assert_toegankelijk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_welcome_page_is_accessible(page: Any) -> None:
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Uitvoerbaar"
    assert page.get_by_role("link", name="Beginselen van goed bestuur").is_visible()
    assert_toegankelijk(page)


def test_audit_chain_page_shows_the_head_and_is_accessible(page: Any) -> None:
    with transaction.atomic():
        for i in range(3):
            audit.record(event="test.gebeurtenis", actor=None, obj=None, data={"i": i})
    kop = KetenKop.objects.get(pk=1)

    page.goto("/audit/keten/")
    assert page.get_by_test_id("aantal").inner_text() == "3"
    assert page.get_by_test_id("hash").inner_text() == kop.hash
    assert_toegankelijk(page)


def test_unknown_page_shows_dutch_not_found_page_that_is_accessible(page: Any) -> None:
    response = page.goto("/bestaat-niet/")
    assert response is not None and response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Pagina niet gevonden"
    assert_toegankelijk(page)


def test_server_error_page_is_accessible(page: Any) -> None:
    """The 500 page is rendered without a request; shown here on the live server's origin so
    its stylesheets load, then checked like every other page."""
    from django.test import RequestFactory
    from django.utils import translation
    from django.views import defaults

    with translation.override("nl"):
        html = defaults.server_error(RequestFactory().get("/")).content.decode()
    page.goto("/")
    page.set_content(html)
    assert page.get_by_role("heading", level=1).inner_text() == "Er ging iets mis"
    assert_toegankelijk(page)

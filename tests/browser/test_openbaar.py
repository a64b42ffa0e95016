"""The public portal in real Chromium, without login: every public page of the portal free of
serious or critical axe-core violations (WCAG 2.1 A/AA), and the walk of issue 8: search the
rechtenwijzer, open a life event and a regulation, open the monitor, download its CSV."""

from __future__ import annotations

from typing import Any

import pytest

from uitvoerbaar.core import demo as core_demo
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.responsplicht.selectors_openbaar import openbare_verzoeken

from .axe import assert_toegankelijk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_public_portal_page_is_accessible(page: Any) -> None:
    core_demo.load_demo()
    verzoek: Reactieverzoek | None = openbare_verzoeken().order_by("pk").first()
    assert verzoek is not None
    paden = [
        "/openbaar/",
        "/openbaar/rechtenwijzer/",
        "/openbaar/rechtenwijzer/?q=zorgtoeslag",
        "/openbaar/rechtenwijzer/?q=a",  # the error next to the field
        "/openbaar/rechtenwijzer/levensgebeurtenissen/werk-verliezen/",
        "/openbaar/rechtenwijzer/regelingen/participatiewet/",
        "/openbaar/rechtenwijzer/regelingen/wet-op-de-zorgtoeslag/",
        "/openbaar/monitor/",
        "/openbaar/open-data/",
        "/openbaar/register/",
        f"/openbaar/register/{verzoek.kenmerk}/",
        "/openbaar/beleid/",
        "/openbaar/beleid/opdrachten/",
        "/openbaar/beleid/trackrecord/",
    ]
    for pad in paden:
        page.goto(pad)
        assert page.locator("h1").count() == 1, pad
        assert_toegankelijk(page)


def test_the_walk_search_regulation_monitor_and_csv(page: Any) -> None:
    core_demo.load_demo()
    page.goto("/openbaar/")
    page.get_by_role("link", name="Rechtenwijzer", exact=True).first.click()
    page.wait_for_load_state()
    page.get_by_label("Zoek een regeling of iets wat er in uw leven gebeurt").fill("werk")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_test_id("gevonden-gebeurtenissen").get_by_role(
        "link", name="Uw werk verliezen"
    ).click()
    page.wait_for_load_state()
    page.get_by_test_id("regelingen").get_by_role("link", name="Werkloosheidswet").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("rechten-wel").locator("li").count() >= 1
    assert (
        page.get_by_test_id("wetten-link")
        .get_attribute("href", timeout=5000)
        .startswith("https://wetten.overheid.nl/")
    )
    assert_toegankelijk(page)

    page.goto("/openbaar/")
    page.get_by_role("link", name="Monitor pas toe of leg uit").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("monitor-organisaties").locator("tbody tr").count() >= 1
    assert page.locator("svg#grafiek-organisaties").count() == 1
    assert_toegankelijk(page)
    with page.expect_download() as info:
        page.get_by_test_id("download-csv").click()
    download = info.value
    assert download.suggested_filename == "monitor.csv"
    tekst = open(download.path(), encoding="utf-8-sig").read()
    assert tekst.splitlines()[0] == (
        "organisatie,naam,soort,op_tijd,te_laat,pas_toe,leg_uit,te_laat_nu,stilte"
    )
    assert len(tekst.splitlines()) >= 2

"""The knowledge base in the browser (seed action F4): principles and regulations, list and
detail, with real content, each free of serious or critical axe-core violations."""

from __future__ import annotations

from typing import Any

import pytest

from uitvoerbaar.core.tests.factories import OrganisatieFactory
from uitvoerbaar.kennisbank.constants import AfwijkingsgrondSoort, RechtSoort
from uitvoerbaar.kennisbank.tests.factories import (
    AfwijkingsgrondFactory,
    ArtikelFactory,
    BeginselFactory,
    KaderFactory,
    RechtuitspraakFactory,
    RegelingFactory,
)

from .axe import assert_toegankelijk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def beginselen() -> None:
    cgob = KaderFactory(code="cgob", naam="Code Goed Openbaar Bestuur", volgorde=1)
    abbb = KaderFactory(code="abbb", naam="Algemene beginselen van behoorlijk bestuur", volgorde=2)
    BeginselFactory(
        code="cgob-openheid-integriteit",
        kader=cgob,
        naam="Openheid en integriteit",
        toelichting="Het bestuur is open over wat het doet en waarom.",
        vragen=["Weet de burger waarom dit besluit is genomen?", "Is alle informatie gedeeld?"],
    )
    BeginselFactory(
        code="abbb-zorgvuldigheid",
        kader=abbb,
        groep="Formeel",
        naam="Zorgvuldigheidsbeginsel",
        geschreven=True,
        wettelijke_grondslag="art. 3:2 Awb",
        toelichting="Het bestuur zoekt eerst uit hoe het zit, en weegt dan af.",
        vragen=["Zijn alle feiten bekend?", "Is de burger gehoord?"],
    )


@pytest.fixture
def regeling() -> None:
    mwb = OrganisatieFactory(
        slug="mwb", naam="Ministerie van Werk en Bestaanszekerheid", ministerie=True
    )
    lindendal = OrganisatieFactory(slug="lindendal", naam="Gemeente Lindendal", medeoverheid=True)
    participatiewet = RegelingFactory(
        code="participatiewet",
        naam="Participatiewet",
        citeertitel="Participatiewet",
        eigenaar=mwb,
        uitvoerders=[lindendal],
        bedoeling="Iedereen die kan werken, vindt werk. Wie dat niet kan, krijgt bijstand.",
    )
    artikel = ArtikelFactory(
        regeling=participatiewet,
        nummer="18",
        titel="Afstemming van de bijstand",
        bedoeling="De bijstand past bij de situatie van de persoon.",
        beleidsruimte="De gemeente stemt de bijstand af op de omstandigheden.",
    )
    RechtuitspraakFactory(
        regeling=participatiewet,
        soort=RechtSoort.WEL,
        tekst="U hebt recht op bijstand als u niet genoeg geld hebt om van te leven.",
    )
    RechtuitspraakFactory(
        regeling=participatiewet,
        soort=RechtSoort.NIET,
        tekst="U hebt geen recht op bijstand als u een ander inkomen kunt krijgen.",
    )
    AfwijkingsgrondFactory(
        regeling=participatiewet,
        artikel=artikel,
        sleutel="art-18-afstemming",
        soort=AfwijkingsgrondSoort.BELEIDSRUIMTE,
        omschrijving="De gemeente mag de bijstand afstemmen op de persoon.",
    )


def test_principles_list_and_detail_are_accessible(page: Any, beginselen: None) -> None:
    page.goto("/kennisbank/beginselen/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.get_by_role("link", name="Openheid en integriteit").is_visible()
    assert page.get_by_role("link", name="Zorgvuldigheidsbeginsel").is_visible()
    assert_toegankelijk(page)

    page.get_by_role("link", name="Zorgvuldigheidsbeginsel").click()
    page.wait_for_load_state()
    assert page.url.endswith("/kennisbank/beginselen/abbb-zorgvuldigheid/")
    assert page.get_by_role("heading", level=1).inner_text() == "Zorgvuldigheidsbeginsel"
    inhoud = page.locator("main").inner_text()
    assert "art. 3:2 Awb" in inhoud
    assert "Zijn alle feiten bekend?" in inhoud
    assert_toegankelijk(page)


def test_regulations_list_and_detail_are_accessible(page: Any, regeling: None) -> None:
    page.goto("/kennisbank/regelingen/")
    assert page.get_by_role("link", name="Participatiewet").first.is_visible()
    assert_toegankelijk(page)

    page.get_by_role("link", name="Participatiewet").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/kennisbank/regelingen/participatiewet/")
    assert page.get_by_role("heading", level=1).inner_text() == "Participatiewet"
    inhoud = page.locator("main").inner_text()
    assert "Gemeente Lindendal" in inhoud
    assert "U hebt recht op bijstand" in inhoud
    assert "U hebt geen recht op bijstand" in inhoud
    assert_toegankelijk(page)

    page.get_by_role("link", name="Artikel 18", exact=True).click()
    page.wait_for_load_state()
    assert "/kennisbank/regelingen/participatiewet/artikelen/18/" in page.url
    assert "De gemeente stemt de bijstand af" in page.locator("main").inner_text()
    assert_toegankelijk(page)


def test_searching_principles_keeps_the_page_accessible(page: Any, beginselen: None) -> None:
    page.goto("/kennisbank/beginselen/?zoek=zorgvuldig")
    inhoud = page.locator("main").inner_text()
    assert "Zorgvuldigheidsbeginsel" in inhoud
    assert "Openheid en integriteit" not in inhoud
    assert_toegankelijk(page)


def test_every_page_of_the_demo_content_is_accessible(page: Any) -> None:
    """The real principles (data/beginselen.json) and the five demo regulations with all their
    articles: every page in Chromium, axe-core clean."""
    from uitvoerbaar.core import demo
    from uitvoerbaar.kennisbank.models import Beginsel, Regeling

    demo.load_demo()
    paden = ["/kennisbank/beginselen/", "/kennisbank/regelingen/"]
    paden += [b.get_absolute_url() for b in Beginsel.objects.order_by("pk")]
    for regeling in Regeling.objects.prefetch_related("artikelen").order_by("pk"):
        paden.append(regeling.get_absolute_url())
        paden += [a.get_absolute_url() for a in regeling.artikelen.all()]
    assert len(paden) > 2 + 29 + 5, "both lists, every principle, every regulation, articles"

    for pad in paden:
        response = page.goto(pad)
        assert response is not None and response.status == 200, pad
        assert_toegankelijk(page)

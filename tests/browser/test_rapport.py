"""The Stand van de uitvoering in real Chromium (issue 8 part 3), each page free of serious or
critical axe-core violations: a member of parliament asks for the report of an executive
organisation → the page shows the progress (htmx polls it) → the background job makes it → the
page shows the report with its chart and table → the PDF downloads → once the board publishes
it, anyone reads it on the public page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.tests.factories import WACHTWOORD, OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.models import Artikel
from uitvoerbaar.kennisbank.tests.factories import RegelingFactory
from uitvoerbaar.parlement import rapport_services
from uitvoerbaar.parlement.models import Rapport
from uitvoerbaar.responsplicht.laden import load_soorten
from uitvoerbaar.signalen import services as signalen

from .axe import assert_toegankelijk
from .conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wereld() -> dict[str, Any]:
    load_soorten()
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Proef", slug="mvp", soort=OrganisatieSoort.MINISTERIE
    )
    uitvoerder = OrganisatieFactory.create(
        naam="Proefdienst Uitkeringen",
        slug="pdu",
        afkorting="PDU",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    kamer = OrganisatieFactory.create(
        naam="Proefkamer", slug="pk", soort=OrganisatieSoort.PARLEMENT
    )
    regeling = RegelingFactory.create(naam="Wet op de proef", eigenaar=ministerie)
    artikel = Artikel.objects.create(regeling=regeling, nummer="12", titel="Terugvordering")
    medewerker = persoon_met_rol(Rol.MEDEWERKER, uitvoerder, username="mees")
    for _ in range(3):
        signalen.submit_signaal(
            door=medewerker,
            kanaal="benoemd",
            organisatie=uitvoerder,
            titel="Terugvordering bij een kleine fout",
            tekst="Een gezin moet alles terugbetalen door een fout van twee euro.",
            regeling=regeling,
            artikel=artikel,
        )
    return {
        "uitvoerder": uitvoerder,
        "kamerlid": persoon_met_rol(Rol.KAMERLID, kamer, username="kamerlid"),
        "bestuur": persoon_met_rol(Rol.BESTUUR, uitvoerder, username="gerlof"),
    }


def test_ask_follow_progress_and_read_the_report(page: Any) -> None:
    w = _wereld()
    vandaag = timezone.localdate()
    inloggen(page, "kamerlid", WACHTWOORD)
    page.goto("/parlement/rapporten/")
    assert_toegankelijk(page)

    # A period that ends before it starts is refused next to the field; nothing is made.
    page.get_by_label("Uitvoeringsorganisatie").select_option(label="Proefdienst Uitkeringen")
    page.get_by_label("Van").fill(vandaag.isoformat())
    page.get_by_label("Tot en met").fill((vandaag - dt.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Rapport aanvragen").click()
    page.wait_for_load_state()
    assert page.get_by_text("De einddatum ligt vóór de begindatum.").is_visible()
    assert not Rapport.objects.exists()
    assert_toegankelijk(page)

    page.get_by_label("Van").fill((vandaag - dt.timedelta(days=30)).isoformat())
    page.get_by_label("Tot en met").fill(vandaag.isoformat())
    page.get_by_role("button", name="Rapport aanvragen").click()
    page.wait_for_load_state()
    assert page.locator("progress").is_visible()
    assert page.get_by_text("Wacht op verwerking").first.is_visible()
    assert_toegankelijk(page)

    # The background job makes it; the polling page reloads itself with the result.
    assert rapport_services.process_rapporten() == "rapporten: 1 klaar, 0 mislukt"
    page.get_by_role("heading", name="Knelpunten per artikel").wait_for(timeout=15_000)
    assert page.locator("svg#grafiek-artikelen").is_visible()
    assert page.get_by_role("cell", name="Wet op de proef").is_visible()
    assert_toegankelijk(page)
    pdf = page.request.get(page.get_by_role("link", name="Download als PDF").get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # The board publishes it; anyone reads it on the public page.
    rapport = Rapport.objects.get()
    rapport_services.publish_rapport(door=w["bestuur"], rapport=rapport)
    page.context.clear_cookies()
    page.goto("/openbaar/stand-van-de-uitvoering/")
    assert_toegankelijk(page)
    page.get_by_role("link", name="Proefdienst Uitkeringen", exact=False).click()
    page.get_by_role("heading", name="Knelpunten per artikel").wait_for()
    assert_toegankelijk(page)

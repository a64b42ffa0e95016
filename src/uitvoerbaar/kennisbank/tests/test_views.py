"""The public pages of the kennisbank: content, search with and without htmx, 404, and
accessibility basics (one h1, labelled fields, table headers with scope, no inline code)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.kennisbank import services
from uitvoerbaar.kennisbank.models import Regeling

from .factories import (
    AfwijkingsgrondFactory,
    ArtikelFactory,
    BeginselFactory,
    KaderFactory,
    RechtuitspraakFactory,
    RegelingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def geladen(beginselen_bestand: Path, regelingen: dict[str, Any]) -> None:
    services.load_beginselen(path=beginselen_bestand)
    services.import_regelingen(data=regelingen)


def _html(response: Any) -> str:
    return response.content.decode()


def assert_toegankelijk(html: str) -> None:
    assert html.count("<h1") == 1
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    for th in re.findall(r"<th\b[^>]*>", html):
        assert "scope=" in th, th
    for veld_id in re.findall(r'<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"', html):
        assert f'for="{veld_id}"' in html, f"field {veld_id} has no label"


@pytest.mark.usefixtures("geladen")
class TestBeginselenPagina:
    def test_grouped_per_kader_and_groep_for_anyone(self, client: Client) -> None:
        response = client.get("/kennisbank/beginselen/")

        assert response.status_code == 200
        html = _html(response)
        assert_toegankelijk(html)
        assert html.index("Code Goed Openbaar Bestuur") < html.index("Behoorlijkheidsnormen")
        assert '<h3 class="utrecht-heading-3">Open</h3>' in html
        assert 'href="/kennisbank/beginselen/cgob-openheid/"' in html
        assert "4 beginselen." in html
        assert 'role="search"' in html
        assert 'hx-get="/kennisbank/beginselen/"' in html

    def test_also_for_a_logged_in_professional(self, client: Client, medewerker: Gebruiker) -> None:
        assert ingelogd(client, medewerker).get("/kennisbank/beginselen/").status_code == 200

    def test_search_without_javascript(self, client: Client) -> None:
        html = _html(client.get("/kennisbank/beginselen/", {"zoek": "lichter middel"}))

        assert "Evenredigheid" in html
        assert "Openheid en integriteit" not in html
        assert "1 beginsel gevonden." in html
        assert 'value="lichter middel"' in html

    def test_filter_by_kader(self, client: Client) -> None:
        html = _html(client.get("/kennisbank/beginselen/", {"kader": "ombudsman"}))
        assert "Luisteren naar de burger" in html
        assert "Participatie" not in html

    def test_unknown_kader_shows_all_with_a_message(self, client: Client) -> None:
        response = client.get("/kennisbank/beginselen/", {"kader": "verzonnen"})
        assert response.status_code == 200
        html = _html(response)
        assert "Participatie" in html and "Luisteren naar de burger" in html
        assert "veldfout" in html

    def test_nothing_found_says_so(self, client: Client) -> None:
        html = _html(client.get("/kennisbank/beginselen/", {"zoek": "xyzzy"}))
        assert "Geen beginselen gevonden voor \u2018xyzzy\u2019" in html
        assert "0 beginselen gevonden." in html

    def test_htmx_gets_only_the_results_and_the_count(self, client: Client) -> None:
        response = client.get(
            "/kennisbank/beginselen/", {"zoek": "gehoord"}, HTTP_HX_REQUEST="true"
        )

        html = _html(response)
        assert "<html" not in html and "<h1" not in html
        assert "Participatie" in html and "Openheid en integriteit" not in html
        assert 'id="aantal-resultaten" hx-swap-oob="innerHTML"' in html
        assert "2 beginselen gevonden." in html
        assert "HX-Request" in response["Vary"]

    def test_htmx_history_restore_gets_the_whole_page(self, client: Client) -> None:
        response = client.get(
            "/kennisbank/beginselen/",
            HTTP_HX_REQUEST="true",
            HTTP_HX_HISTORY_RESTORE_REQUEST="true",
        )
        assert "<h1" in _html(response)

    def test_post_is_not_allowed(self, client: Client) -> None:
        assert client.post("/kennisbank/beginselen/").status_code == 405


@pytest.mark.usefixtures("geladen")
class TestBeginselPagina:
    def test_explanation_basis_questions_and_related(self, client: Client) -> None:
        response = client.get("/kennisbank/beginselen/ombudsman-luisteren/")

        assert response.status_code == 200
        html = _html(response)
        assert_toegankelijk(html)
        assert '<h1 class="utrecht-heading-1">Luisteren naar de burger</h1>' in html
        assert "De overheid luistert echt naar de burger." in html
        assert "Voelt de burger zich gehoord?" in html
        assert "Dit beginsel staat niet in een wet (ongeschreven)." in html
        assert "Behoorlijkheidsnormen — Open" in html

    def test_written_principle_shows_its_legal_basis(self, client: Client) -> None:
        kader = KaderFactory(code="abbb", naam="Algemene beginselen van behoorlijk bestuur")
        BeginselFactory(
            code="abbb-evenredigheid",
            kader=kader,
            geschreven=True,
            wettelijke_grondslag="art. 3:4 lid 2 Awb",
            naam="Evenredigheidsbeginsel",
        )
        html = _html(client.get("/kennisbank/beginselen/abbb-evenredigheid/"))
        assert "art. 3:4 lid 2 Awb" in html

    def test_unknown_code_is_a_dutch_404(self, client: Client) -> None:
        response = client.get("/kennisbank/beginselen/bestaat-niet/")

        assert response.status_code == 404
        html = _html(response)
        assert_toegankelijk(html)
        assert "Dit beginsel bestaat niet" in html
        assert 'href="/kennisbank/beginselen/"' in html


@pytest.mark.usefixtures("geladen")
class TestRegelingenPaginas:
    def test_list_and_search(self, client: Client) -> None:
        response = client.get("/kennisbank/regelingen/")
        assert response.status_code == 200
        html = _html(response)
        assert_toegankelijk(html)
        assert "Participatiewet" in html and "Gemeente Hoogwater, Gemeente Lindendal" in html
        assert "3 regelingen." in html

        html = _html(client.get("/kennisbank/regelingen/", {"zoek": "toeslagen"}))
        assert "Algemene wet inkomensafhankelijke regelingen" in html
        assert "Participatiewet" not in html

        html = _html(client.get("/kennisbank/regelingen/", {"uitvoerder": "lindendal"}))
        assert "Participatiewet" in html and "Awir" not in html

        html = _html(client.get("/kennisbank/regelingen/", {"zoek": "zzz"}))
        assert "Geen regelingen gevonden voor \u2018zzz\u2019" in html

    def test_htmx_results(self, client: Client) -> None:
        html = _html(
            client.get("/kennisbank/regelingen/", {"eigenaar": "mft"}, HTTP_HX_REQUEST="true")
        )
        assert "<h1" not in html
        assert "1 regeling gevonden." in html

    def test_regulation_page(self, client: Client) -> None:
        response = client.get("/kennisbank/regelingen/participatiewet/")

        assert response.status_code == 200
        html = _html(response)
        assert_toegankelijk(html)
        assert "Iedereen kan meedoen, met werk of met bijstand als vangnet." in html
        assert "Waar heeft u recht op?" in html and "Waar heeft u geen recht op?" in html
        wel = html.index("Waar heeft u recht op?")
        niet = html.index("Waar heeft u geen recht op?")
        assert wel < html.index("U hebt recht op bijstand") < niet
        assert niet < html.index("U hebt geen recht op bijstand")
        assert 'href="/kennisbank/regelingen/participatiewet/artikelen/18/"' in html
        assert "De gemeente stemt de bijstand af op de omstandigheden." in html
        assert "Evenredigheid (art. 3:4 lid 2 Awb)" in html
        assert 'href="https://wetten.overheid.nl/BWBR0015703"' in html
        assert "Ministerie van Werk en Bestaanszekerheid" in html

    def test_regulation_without_link_uses_the_bwb_page(self, client: Client) -> None:
        html = _html(client.get("/kennisbank/regelingen/awir/"))
        assert 'href="https://wetten.overheid.nl/BWBR0018472"' in html
        assert "Hardheidsclausule" in html

    def test_article_page(self, client: Client) -> None:
        response = client.get("/kennisbank/regelingen/participatiewet/artikelen/18/")

        assert response.status_code == 200
        html = _html(response)
        assert_toegankelijk(html)
        assert "Artikel 18: Afstemming van de bijstand" in html
        assert "Maatwerk per persoon." in html
        assert "Beleidsruimte in het artikel" in html
        assert "Voor de hele regeling gelden ook:" in html
        # no own link: the regulation's official text
        assert 'href="https://wetten.overheid.nl/BWBR0015703"' in html

    def test_article_page_with_a_right(self, client: Client) -> None:
        html = _html(client.get("/kennisbank/regelingen/participatiewet/artikelen/11/"))
        assert "U hebt recht op bijstand als u te weinig geld hebt." in html
        assert 'href="https://wetten.overheid.nl/BWBR0015703/#Artikel11"' in html

    @pytest.mark.parametrize(
        ("url", "tekst"),
        [
            ("/kennisbank/regelingen/onbekend/", "Deze regeling bestaat niet"),
            ("/kennisbank/regelingen/onbekend/artikelen/1/", "Deze regeling bestaat niet"),
            ("/kennisbank/regelingen/participatiewet/artikelen/99/", "Dit artikel bestaat niet"),
        ],
    )
    def test_unknown_is_a_dutch_404(self, client: Client, url: str, tekst: str) -> None:
        response = client.get(url)
        assert response.status_code == 404
        assert tekst in _html(response)


# --- query counts do not grow with the data ---------------------------------------------------


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _regelingen(aantal: int, organisaties: dict[str, Organisatie]) -> None:
    for _ in range(aantal):
        RegelingFactory(
            eigenaar=organisaties["mwb"],
            uitvoerders=[organisaties["lindendal"], organisaties["lud"]],
        )


def test_beginselen_page_queries_do_not_grow(
    client: Client, django_assert_num_queries: Any
) -> None:
    kaders = [KaderFactory(), KaderFactory()]
    for i in range(3):
        BeginselFactory(kader=kaders[i % 2], groep=f"Groep {i % 2}")
    client.get("/kennisbank/beginselen/")  # warm up (content types, sessions)
    drie = _queries(client, "/kennisbank/beginselen/")
    for i in range(27):
        BeginselFactory(kader=kaders[i % 2], groep=f"Groep {i % 3}")

    with django_assert_num_queries(drie):
        client.get("/kennisbank/beginselen/")
    with django_assert_num_queries(drie):
        client.get("/kennisbank/beginselen/", {"zoek": "beginsel"})


def test_regelingen_page_queries_do_not_grow(
    client: Client, organisaties: dict[str, Organisatie], django_assert_num_queries: Any
) -> None:
    _regelingen(3, organisaties)
    client.get("/kennisbank/regelingen/")
    drie = _queries(client, "/kennisbank/regelingen/")
    _regelingen(27, organisaties)

    with django_assert_num_queries(drie):
        client.get("/kennisbank/regelingen/")


def test_regeling_and_artikel_pages_queries_do_not_grow(
    client: Client, organisaties: dict[str, Organisatie], django_assert_num_queries: Any
) -> None:
    regeling: Regeling = RegelingFactory.create(
        code="groot", eigenaar=organisaties["mwb"], uitvoerders=[organisaties["lud"]]
    )

    def vul(aantal: int) -> None:
        for _ in range(aantal):
            artikel = ArtikelFactory(regeling=regeling)
            RechtuitspraakFactory(regeling=regeling, artikel=artikel)
            RechtuitspraakFactory(regeling=regeling, artikel=artikel, soort="niet")
            AfwijkingsgrondFactory(regeling=regeling, artikel=artikel)
            AfwijkingsgrondFactory(regeling=regeling)

    vul(3)
    eerste = regeling.artikelen.first()
    assert eerste is not None
    artikel_url = f"/kennisbank/regelingen/groot/artikelen/{eerste.nummer}/"
    client.get("/kennisbank/regelingen/groot/")
    drie = _queries(client, "/kennisbank/regelingen/groot/")
    drie_artikel = _queries(client, artikel_url)
    vul(27)

    with django_assert_num_queries(drie):
        client.get("/kennisbank/regelingen/groot/")
    with django_assert_num_queries(drie_artikel):
        client.get(artikel_url)


@pytest.mark.usefixtures("geladen")
def test_include_links_principles_for_other_apps() -> None:
    from django.template.loader import render_to_string

    from uitvoerbaar.kennisbank import selectors

    html = render_to_string(
        "kennisbank/includes/beginselen_links.html",
        {"beginselen": selectors.beginselen(kader="cgob")},
    )
    assert 'href="/kennisbank/beginselen/cgob-openheid/"' in html
    assert "(Code Goed Openbaar Bestuur)" in html
    assert "Er is geen beginsel genoemd." in render_to_string(
        "kennisbank/includes/beginselen_links.html", {"beginselen": []}
    )


@pytest.mark.usefixtures("geladen")
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/kennisbank/beginselen/?zoek=%00&kader=%00", 200),
        ("/kennisbank/regelingen/?zoek=%00&eigenaar=%00&uitvoerder=%00&soort=%00", 200),
        ("/kennisbank/regelingen/participatiewet/artikelen/1%008/", 404),
    ],
)
def test_odd_input_never_causes_a_server_error(client: Client, url: str, status: int) -> None:
    assert client.get(url).status_code == status

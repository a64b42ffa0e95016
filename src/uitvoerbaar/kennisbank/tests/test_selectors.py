"""Search and reads of the kennisbank."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.http import Http404

from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.kennisbank import selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def geladen(beginselen_bestand: Path, regelingen: dict[str, Any]) -> None:
    services.load_beginselen(path=beginselen_bestand)
    services.import_regelingen(data=regelingen)


def _codes(qs: Any) -> list[str]:
    return [obj.code for obj in qs]


@pytest.mark.usefixtures("geladen")
class TestBeginselen:
    def test_all_in_framework_order(self) -> None:
        assert _codes(selectors.beginselen()) == [
            "cgob-openheid",
            "cgob-participatie",
            "ombudsman-luisteren",
            "ombudsman-evenredig",
        ]

    def test_filter_by_kader_and_groep(self) -> None:
        assert _codes(selectors.beginselen(kader="cgob")) == ["cgob-openheid", "cgob-participatie"]
        assert _codes(selectors.beginselen(kader="ombudsman", groep="Eerlijk")) == [
            "ombudsman-evenredig"
        ]
        assert _codes(selectors.beginselen(kader="onbekend")) == []

    @pytest.mark.parametrize(
        ("zoek", "verwacht"),
        [
            ("openheid", ["cgob-openheid"]),  # name
            ("VERHOUDING", ["ombudsman-evenredig"]),  # explanation, other case
            ("lichter middel", ["ombudsman-evenredig"]),  # question, every word must match
            ("geinformeerd", ["ombudsman-luisteren"]),  # question, accent and case folded
            ("GEÏNFORMEERD", ["ombudsman-luisteren"]),
            ("gehoord", ["cgob-participatie", "ombudsman-luisteren"]),
            ("gehoord onzin", []),
            ("100%_", []),  # LIKE wildcards are matched literally
        ],
    )
    def test_free_text_search(self, zoek: str, verwacht: list[str]) -> None:
        assert _codes(selectors.beginselen(zoek=zoek)) == verwacht

    def test_search_within_a_kader(self) -> None:
        assert _codes(selectors.beginselen(zoek="gehoord", kader="cgob")) == ["cgob-participatie"]

    def test_grouped_per_kader_and_groep(self) -> None:
        blokken = selectors.beginselen_per_kader()
        assert [b.kader.code for b in blokken] == ["cgob", "ombudsman"]
        assert [g.naam for g in blokken[1].groepen] == ["Open", "Eerlijk"]
        assert blokken[0].aantal == 2
        assert selectors.beginselen_per_kader(zoek="niets-hiervan") == []

    def test_detail_and_related(self) -> None:
        beginsel = selectors.beginsel_detail(code="cgob-openheid")
        assert beginsel.kader.naam == "Code Goed Openbaar Bestuur"
        assert [b.code for b in selectors.verwante_beginselen(beginsel=beginsel)] == [
            "cgob-participatie"
        ]
        with pytest.raises(Http404):
            selectors.beginsel_detail(code="bestaat-niet")


@pytest.mark.usefixtures("geladen")
class TestRegelingen:
    def test_search_by_text_owner_executor_and_kind(self) -> None:
        assert _codes(selectors.regelingen(zoek="bijstand vangnet")) == ["participatiewet"]
        assert _codes(selectors.regelingen(zoek="bwbr0018472")) == ["awir"]
        assert _codes(selectors.regelingen(eigenaar="mft")) == ["awir"]
        assert _codes(selectors.regelingen(uitvoerder="hoogwater")) == ["participatiewet"]
        assert _codes(selectors.regelingen(soort="beleidsregel")) == ["beleidsregel-terugvordering"]
        assert len(selectors.regelingen()) == 3

    def test_filter_options_are_the_organisations_in_use(
        self, organisaties: dict[str, Organisatie]
    ) -> None:
        assert [o.slug for o in selectors.eigenaren()] == ["mft", "mwb"]
        assert {o.slug for o in selectors.uitvoerders()} == {"lindendal", "hoogwater", "lud"}

    def test_detail_with_articles_rights_and_grounds(self) -> None:
        regeling = selectors.regeling_detail(code="participatiewet")
        rechten = selectors.rechten_per_soort(list(regeling.rechten.all()))
        assert [r.tekst[:18] for r in rechten["wel"]] == ["U hebt recht op bi"]
        assert len(rechten["niet"]) == 1
        assert [a.nummer for a in regeling.artikelen.all()] == ["11", "18"]
        assert [g.sleutel for g in regeling.afwijkingsgronden.all()] == [
            "beleidsruimte:18",
            "awb-3:4-lid-2",
        ]
        with pytest.raises(Http404):
            selectors.regeling_detail(code="onbekend")

    def test_article_detail(self) -> None:
        artikel = selectors.artikel_detail(regeling_code="participatiewet", nummer="18")
        assert artikel.regeling.code == "participatiewet"
        assert [g.sleutel for g in artikel.afwijkingsgronden.all()] == ["beleidsruimte:18"]
        assert [
            g.sleutel for g in selectors.algemene_afwijkingsgronden(regeling=artikel.regeling)
        ] == ["awb-3:4-lid-2"]
        with pytest.raises(Http404):
            selectors.artikel_detail(regeling_code="participatiewet", nummer="999")
        with pytest.raises(Http404):
            selectors.artikel_detail(regeling_code="awir", nummer="18")

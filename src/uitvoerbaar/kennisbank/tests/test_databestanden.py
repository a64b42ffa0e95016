"""Checks of the real content files, written separately from the code. Each test is skipped
only while its file does not exist yet."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.tests.factories import OrganisatieFactory
from uitvoerbaar.kennisbank import services
from uitvoerbaar.kennisbank.models import Beginsel, Regeling

BEGINSELEN = services.BEGINSELEN_BESTAND
REGELINGEN = services.DATA_DIR / "regelingen_demo.json"

nog_geen_beginselen = pytest.mark.skipif(
    not BEGINSELEN.exists(), reason="data/beginselen.json bestaat nog niet"
)
nog_geen_regelingen = pytest.mark.skipif(
    not REGELINGEN.exists(), reason="data/regelingen_demo.json bestaat nog niet"
)


def _lees(pad: Any) -> dict[str, Any]:
    return json.loads(pad.read_text(encoding="utf-8"))


@nog_geen_beginselen
def test_beginselen_json_has_the_three_frameworks_complete() -> None:
    data = _lees(BEGINSELEN)
    beginselen = data["beginselen"]
    per_kader = Counter(b["kader"] for b in beginselen)

    assert {k["code"] for k in data["kaders"]} == {"cgob", "abbb", "ombudsman"}
    assert per_kader["cgob"] == 7
    assert per_kader["ombudsman"] == 22
    assert per_kader["abbb"] > 0
    # The ombudsman's norms come in four groups, each norm in one of them (the group names
    # follow the Behoorlijkheidswijzer, so they are not fixed here).
    ombudsman_groepen = {b["groep"] for b in beginselen if b["kader"] == "ombudsman"}
    assert len(ombudsman_groepen) == 4 and "" not in ombudsman_groepen
    for beginsel in beginselen:
        assert beginsel["toelichting"].strip(), beginsel["code"]
        vragen = [v for v in beginsel["vragen"] if v.strip()]
        assert len(vragen) >= 2, beginsel["code"]
        if beginsel["kader"] == "abbb" and beginsel["geschreven"]:
            assert beginsel["wettelijke_grondslag"], beginsel["code"]


@nog_geen_beginselen
@pytest.mark.django_db
def test_beginselen_json_loads_and_loads_again_without_changes() -> None:
    data = _lees(BEGINSELEN)

    aantal = services.load_beginselen()

    assert aantal == len(data["kaders"]) + len(data["beginselen"])
    assert Beginsel.objects.filter(kader__code="ombudsman").count() == 22
    assert services.load_beginselen() == 0


def _demo_organisaties() -> None:
    # The organisations of the demo world, as the agreed format names them.
    ministeries = {
        slug: OrganisatieFactory.create(
            slug=slug, naam=f"Ministerie {slug}", soort=OrganisatieSoort.MINISTERIE
        )
        for slug in ("mwb", "mft", "mls")
    }
    for slug, eigenaar in (("lud", "mwb"), ("dth", "mft"), ("bsf", "mls")):
        OrganisatieFactory.create(
            slug=slug, naam=f"Uitvoerder {slug}", eigenaar_ministerie=ministeries[eigenaar]
        )
    for slug in ("lindendal", "hoogwater"):
        OrganisatieFactory.create(
            slug=slug, naam=f"Gemeente {slug}", soort=OrganisatieSoort.MEDEOVERHEID
        )


@nog_geen_regelingen
@pytest.mark.django_db
def test_regelingen_demo_json_imports_into_the_demo_world() -> None:
    _demo_organisaties()
    data = _lees(REGELINGEN)

    assert services.import_regelingen(data=data) > 0

    assert Regeling.objects.count() == len(data["regelingen"])
    assert services.import_regelingen(data=data) == 0


@nog_geen_beginselen
@nog_geen_regelingen
@pytest.mark.django_db
def test_every_page_of_the_real_content_renders_accessibly(client: Any) -> None:
    from .test_views import assert_toegankelijk

    _demo_organisaties()
    services.import_regelingen(data=_lees(REGELINGEN))
    services.load_beginselen()
    urls = ["/kennisbank/beginselen/", "/kennisbank/regelingen/"]
    urls += [b.get_absolute_url() for b in Beginsel.objects.all()]
    for regeling in Regeling.objects.prefetch_related("artikelen"):
        urls.append(regeling.get_absolute_url())
        urls += [a.get_absolute_url() for a in regeling.artikelen.all()]

    assert len(urls) > 2 + 29 + 5  # both lists, every principle, every regulation, articles
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_toegankelijk(response.content.decode())

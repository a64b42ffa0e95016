"""Life events (levensgebeurtenissen): the bundled data loads, links only the regulations that
exist, is idempotent, refuses bad data in Dutch without storing anything, and is maintained in
the beheer screen."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import demo as core_demo
from uitvoerbaar.core.admin_site import beheer_site
from uitvoerbaar.kennisbank import selectors, services
from uitvoerbaar.kennisbank.models import Levensgebeurtenis

from .factories import RegelingFactory

pytestmark = pytest.mark.django_db


def _bundel() -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = json.loads(
        services.LEVENSGEBEURTENISSEN_BESTAND.read_text(encoding="utf-8")
    )
    return data


def test_the_bundled_life_events_name_only_regulations_of_the_bundled_regulations() -> None:
    codes = {r["code"] for r in core_demo.regelingen_data()["regelingen"]}
    data = _bundel()
    slugs = {g["slug"] for g in data["levensgebeurtenissen"]}
    assert {
        "kind-krijgen",
        "werk-verliezen",
        "ziek-worden",
        "met-pensioen-gaan",
        "verhuizen",
        "studeren",
        "schulden",
    } <= slugs
    for g in data["levensgebeurtenissen"]:
        assert g["regelingen"], g["slug"]
        assert set(g["regelingen"]) <= codes, g["slug"]


def test_loading_links_the_existing_regulations_skips_the_others_and_is_idempotent() -> None:
    ww = RegelingFactory.create(code="werkloosheidswet", naam="Werkloosheidswet")
    bijstand = RegelingFactory.create(code="participatiewet", naam="Participatiewet")
    aantal = services.load_levensgebeurtenissen()
    assert aantal == len(_bundel()["levensgebeurtenissen"])
    werk = Levensgebeurtenis.objects.get(slug="werk-verliezen")
    # The zorgtoeslag is in the file but not loaded here: skipped, not an error.
    assert set(werk.regelingen.all()) == {ww, bijstand}
    assert "werk" in werk.zoektekst
    assert AuditEvent.objects.filter(event="kennisbank.levensgebeurtenis.aangemaakt").count() == (
        aantal
    )
    assert services.load_levensgebeurtenissen() == 0
    # Load the missing regulation and run again: the link is added, audited as a change.
    zorg = RegelingFactory.create(code="wet-op-de-zorgtoeslag")
    assert services.load_levensgebeurtenissen() > 0
    assert zorg in Levensgebeurtenis.objects.get(slug="werk-verliezen").regelingen.all()
    assert AuditEvent.objects.filter(event="kennisbank.levensgebeurtenis.gewijzigd").exists()


def test_bad_data_is_refused_in_dutch_and_nothing_is_stored(tmp_path: Path) -> None:
    bestand = tmp_path / "fout.json"
    bestand.write_text(
        json.dumps(
            {
                "levensgebeurtenissen": [
                    {"slug": "Goed Fout", "naam": "", "omschrijving": "x"},
                    {"slug": "dubbel", "naam": "A", "omschrijving": "x"},
                    {"slug": "dubbel", "naam": "B", "omschrijving": "x"},
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as fout:
        services.load_levensgebeurtenissen(path=bestand)
    tekst = " ".join(fout.value.messages)
    assert "kleine letters" in tekst
    assert "'naam' is leeg" in tekst
    assert "twee keer" in tekst
    assert not Levensgebeurtenis.objects.exists()


def test_the_command_loads_the_life_events_after_the_regulations() -> None:
    uit = StringIO()
    call_command("load_kennisbank", stdout=uit)
    assert "Levensgebeurtenissen: 7 nieuw of gewijzigd." in uit.getvalue()


def test_selectors_search_life_events_and_refuse_an_unknown_one() -> None:
    services.load_levensgebeurtenissen()
    assert [g.slug for g in selectors.levensgebeurtenissen(zoek="Pensioen")] == [
        "met-pensioen-gaan"
    ]
    with pytest.raises(Exception) as fout:
        selectors.levensgebeurtenis_detail(slug="bestaat-niet")
    assert "bestaat niet" in str(fout.value)


def test_life_events_are_maintained_in_the_beheer_screen() -> None:
    assert Levensgebeurtenis in beheer_site._registry

"""Beheer of the kennisbank: only for the beheerder, every save audited via the service."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.kennisbank import selectors, services
from uitvoerbaar.kennisbank.models import Beginsel

pytestmark = pytest.mark.django_db

URL = "/beheer/kennisbank/beginsel/{pk}/change/"


def _formulier(beginsel: Beginsel, **wijziging: object) -> dict[str, object]:
    data: dict[str, object] = {
        "code": beginsel.code,
        "kader": beginsel.kader_id,
        "groep": beginsel.groep,
        "naam": beginsel.naam,
        "wettelijke_grondslag": beginsel.wettelijke_grondslag,
        "toelichting": beginsel.toelichting,
        "vragen": json.dumps(beginsel.vragen),
        # The admin renders the initial value of a field with a callable default (vragen) as
        # a hidden input, and compares against it; a browser posts it back.
        "initial-vragen": json.dumps(beginsel.vragen),
        "volgorde": beginsel.volgorde,
    }
    data.update(wijziging)
    return data


def test_beheerder_changes_a_principle_audited_and_searchable(
    client: Client, beheerder: Gebruiker, beginselen_bestand: Path
) -> None:
    services.load_beginselen(path=beginselen_bestand)
    beginsel = Beginsel.objects.get(code="cgob-openheid")
    ingelogd(client, beheerder)

    response = client.post(
        URL.format(pk=beginsel.pk),
        _formulier(beginsel, toelichting="Transparant en zonder belangenverstrengeling."),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(event="kennisbank.beginsel.gewijzigd")
    assert event.actor_id == beheerder.pk
    assert event.data == {"velden": ["toelichting"], "bron": "beheer"}
    assert [b.code for b in selectors.beginselen(zoek="belangenverstrengeling")] == [
        "cgob-openheid"
    ]


def test_professional_cannot_open_or_change_it(
    client: Client, medewerker: Gebruiker, beginselen_bestand: Path
) -> None:
    services.load_beginselen(path=beginselen_bestand)
    beginsel = Beginsel.objects.get(code="cgob-openheid")
    ingelogd(client, medewerker)

    assert client.get(URL.format(pk=beginsel.pk)).status_code in {302, 403}
    response = client.post(URL.format(pk=beginsel.pk), _formulier(beginsel, naam="Gekaapt"))

    assert response.status_code in {302, 403}
    beginsel.refresh_from_db()
    assert beginsel.naam == "Openheid en integriteit"
    assert not AuditEvent.objects.filter(event="kennisbank.beginsel.gewijzigd").exists()


def test_beheerder_sees_the_kennisbank_lists(client: Client, beheerder: Gebruiker) -> None:
    ingelogd(client, beheerder)
    for model in (
        "kader",
        "beginsel",
        "regeling",
        "artikel",
        "rechtuitspraak",
        "afwijkingsgrond",
        "perspectiefbeoordeling",
    ):
        assert client.get(f"/beheer/kennisbank/{model}/").status_code == 200, model


def test_group_filter_names_principles_without_a_group(
    client: Client, beheerder: Gebruiker, beginselen_bestand: Path
) -> None:
    """Django's own filter would render principles without a group as an empty link."""
    services.load_beginselen(path=beginselen_bestand)
    zonder = Beginsel.objects.filter(groep="")
    met = Beginsel.objects.exclude(groep="")
    assert zonder.exists() and met.exists()
    ingelogd(client, beheerder)

    html = client.get("/beheer/kennisbank/beginsel/").content.decode()
    assert "Zonder groep" in html
    assert 'href="?groep=-"' in html
    assert not re.search(r'<a href="\?[^"]*groep[^"]*"[^>]*>\s*</a>', html)  # no nameless link

    gefilterd = client.get("/beheer/kennisbank/beginsel/", {"groep": "-"})
    assert set(gefilterd.context["cl"].queryset) == set(zonder)
    groep = met.first().groep  # type: ignore[union-attr]
    gefilterd = client.get("/beheer/kennisbank/beginsel/", {"groep": groep})
    assert set(gefilterd.context["cl"].queryset) == set(met.filter(groep=groep))

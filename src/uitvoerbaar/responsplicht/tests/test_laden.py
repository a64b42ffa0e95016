"""Loading the kinds of DESIGN §3 from data/soorten.json."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.tests.factories import OrganisatieFactory
from uitvoerbaar.responsplicht.constants import OrganisatieBron, Publicatie
from uitvoerbaar.responsplicht.laden import SOORTEN_BESTAND, load_soorten
from uitvoerbaar.responsplicht.models import Soort

pytestmark = pytest.mark.django_db


def test_the_eight_kinds_of_the_design_with_their_ladders() -> None:
    OrganisatieFactory.create(slug="kamer", soort=OrganisatieSoort.PARLEMENT)
    verslag = load_soorten()
    assert len(verslag["nieuw"]) == 8 and not verslag["overgeslagen"]
    noodrem = Soort.objects.get(code="noodrem")
    assert (noodrem.termijn_aantal, noodrem.termijn_eenheid) == (5, "werkdagen")
    assert noodrem.publicatie == Publicatie.ANTWOORD
    [top] = noodrem.niveaus.all()
    assert (top.organisatie_bron, top.rol) == (
        OrganisatieBron.EIGENAAR_MINISTERIE,
        Rol.AMBTELIJKE_TOP,
    )
    wbk = Soort.objects.get(code="wbk-ontvangstbevestiging")
    assert [n.rol for n in wbk.niveaus.all()] == [Rol.VERTROUWENSPERSOON, Rol.BESTUUR]
    assert wbk.publicatie == Publicatie.NIETS and not wbk.stilte_openbaar
    assert [
        n.organisatie_bron for n in Soort.objects.get(code="teruggave-opdracht").niveaus.all()
    ] == [
        OrganisatieBron.ONTVANGER,
        OrganisatieBron.VASTE_ORGANISATIE,
    ]
    assert AuditEvent.objects.filter(event="responsplicht.soort_geladen").count() == 8


def test_loading_twice_changes_nothing_and_keeps_the_beheerders_changes() -> None:
    load_soorten()
    Soort.objects.filter(code="kamervraag").update(termijn_aantal=2)
    events = AuditEvent.objects.count()
    verslag = load_soorten()
    assert verslag["nieuw"] == [] and len(verslag["ongewijzigd"]) == 8
    assert Soort.objects.get(code="kamervraag").termijn_aantal == 2
    assert AuditEvent.objects.count() == events
    load_soorten(bijwerken=True)
    assert Soort.objects.get(code="kamervraag").termijn_aantal == 3


def test_an_optional_level_at_a_missing_organisation_is_skipped_and_reported() -> None:
    verslag = load_soorten()
    assert verslag["overgeslagen"] == ["teruggave-opdracht: Vaste Kamercommissie"]
    assert Soort.objects.get(code="teruggave-opdracht").niveaus.count() == 1


def test_a_bad_file_is_refused_whole(tmp_path: Path) -> None:
    data = json.loads(SOORTEN_BESTAND.read_text(encoding="utf-8"))
    data["soorten"][1]["niveaus"][0]["rol"] = "koning"
    bestand = tmp_path / "soorten.json"
    bestand.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        load_soorten(path=bestand)
    assert "Onbekende rol koning" in str(exc.value)
    assert not Soort.objects.exists()


def test_command_reports_what_it_did() -> None:
    out = StringIO()
    call_command("load_soorten", stdout=out)
    assert out.getvalue().startswith("nieuw: wbk-ontvangstbevestiging, wbk-terugkoppeling, noodrem")

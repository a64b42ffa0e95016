"""The loaders of the agreed data files: idempotent, audited, and all-or-nothing."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.kennisbank import services
from uitvoerbaar.kennisbank.constants import AfwijkingsgrondSoort
from uitvoerbaar.kennisbank.models import (
    Afwijkingsgrond,
    Artikel,
    Beginsel,
    Kader,
    Rechtuitspraak,
    Regeling,
)

from .conftest import beginselen_data

pytestmark = pytest.mark.django_db


def _schrijf(pad: Path, data: dict[str, Any]) -> Path:
    pad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return pad


def _snapshot() -> list[tuple[Any, ...]]:
    return list(
        Beginsel.objects.order_by("code").values_list(
            "code", "kader__code", "groep", "naam", "toelichting", "vragen", "volgorde", "zoektekst"
        )
    )


# --- principles ------------------------------------------------------------------------------


def test_load_beginselen_creates_everything_with_one_audit_event_each(
    beginselen_bestand: Path,
) -> None:
    aantal = services.load_beginselen(path=beginselen_bestand)

    assert aantal == 6  # 2 kaders + 4 beginselen
    assert Kader.objects.count() == 2
    luisteren = Beginsel.objects.get(code="ombudsman-luisteren")
    assert luisteren.kader.code == "ombudsman"
    assert luisteren.groep == "Open"
    assert luisteren.vragen[0].startswith("Is de burger")
    assert AuditEvent.objects.filter(event="kennisbank.beginsel.aangemaakt").count() == 4
    assert AuditEvent.objects.filter(event="kennisbank.kader.aangemaakt").count() == 2


def test_load_beginselen_twice_changes_nothing_and_logs_nothing(beginselen_bestand: Path) -> None:
    services.load_beginselen(path=beginselen_bestand)
    voor, events = _snapshot(), AuditEvent.objects.count()

    assert services.load_beginselen(path=beginselen_bestand) == 0

    assert _snapshot() == voor
    assert AuditEvent.objects.count() == events


def test_load_beginselen_updates_a_changed_principle_in_place(tmp_path: Path) -> None:
    data = beginselen_data()
    services.load_beginselen(path=_schrijf(tmp_path / "a.json", data))
    pk = Beginsel.objects.get(code="cgob-participatie").pk
    data["beginselen"][1]["toelichting"] = "Nieuwe uitleg over meedoen."

    assert services.load_beginselen(path=_schrijf(tmp_path / "b.json", data)) == 1

    beginsel = Beginsel.objects.get(code="cgob-participatie")
    assert beginsel.pk == pk
    assert beginsel.toelichting == "Nieuwe uitleg over meedoen."
    assert "meedoen" in beginsel.zoektekst
    event = AuditEvent.objects.get(event="kennisbank.beginsel.gewijzigd")
    assert event.data["velden"] == ["toelichting"]
    assert event.object_id == str(pk)


def test_load_beginselen_with_unknown_kader_is_refused_and_stores_nothing(tmp_path: Path) -> None:
    data = beginselen_data()
    data["beginselen"][2]["kader"] = "bestaat-niet"
    data["beginselen"][3]["vragen"] = []

    with pytest.raises(ValidationError) as err:
        services.load_beginselen(path=_schrijf(tmp_path / "fout.json", data))

    berichten = err.value.messages
    assert "Beginsel 'ombudsman-luisteren': het kader 'bestaat-niet' bestaat niet." in berichten
    assert "Beginsel 'ombudsman-evenredig': geef ten minste één vraag." in berichten
    assert Kader.objects.count() == 0  # the valid frameworks before the error were not stored
    assert Beginsel.objects.count() == 0
    assert not AuditEvent.objects.exists()


def test_load_beginselen_refuses_duplicate_codes_and_bad_types(tmp_path: Path) -> None:
    data = beginselen_data()
    data["beginselen"][1]["code"] = "cgob-openheid"
    data["beginselen"][0]["geschreven"] = "ja"

    with pytest.raises(ValidationError) as err:
        services.load_beginselen(path=_schrijf(tmp_path / "fout.json", data))

    assert "Beginsel 'cgob-openheid' staat meer dan één keer in het bestand." in err.value.messages
    assert "Beginsel 'cgob-openheid': 'geschreven' moet true of false zijn." in err.value.messages
    assert not Beginsel.objects.exists()


def test_load_beginselen_reports_invalid_json_in_dutch(tmp_path: Path) -> None:
    pad = tmp_path / "kapot.json"
    pad.write_text("{ dit is geen json", encoding="utf-8")

    with pytest.raises(ValidationError) as err:
        services.load_beginselen(path=pad)

    assert "is geen geldige JSON" in err.value.messages[0]
    with pytest.raises(ValidationError, match="bestaat niet"):
        services.load_beginselen(path=tmp_path / "weg.json")


def test_load_beginselen_by_a_person_needs_kennisbank_beheren(
    beginselen_bestand: Path, medewerker: Gebruiker, beheerder: Gebruiker
) -> None:
    with pytest.raises(PermissionDenied):
        services.load_beginselen(door=medewerker, path=beginselen_bestand)
    assert not Beginsel.objects.exists()

    services.load_beginselen(door=beheerder, path=beginselen_bestand)

    assert set(AuditEvent.objects.values_list("actor_id", flat=True)) == {beheerder.pk}


# --- regulations -----------------------------------------------------------------------------


def test_import_regelingen_stores_regulations_articles_rights_and_grounds(
    regelingen: dict[str, Any], organisaties: dict[str, Organisatie]
) -> None:
    aantal = services.import_regelingen(data=regelingen)

    pw = Regeling.objects.get(code="participatiewet")
    assert pw.eigenaar == organisaties["mwb"]
    assert {o.slug for o in pw.uitvoerders.all()} == {"lindendal", "hoogwater"}
    assert list(pw.artikelen.values_list("nummer", flat=True)) == ["11", "18"]
    wel = pw.rechten.get(soort="wel")
    assert wel.artikel is not None and wel.artikel.nummer == "11"
    assert pw.rechten.get(soort="niet").artikel is None
    assert {
        (g.sleutel, g.soort, g.artikel.nummer if g.artikel else "")
        for g in pw.afwijkingsgronden.all()
    } == {
        ("beleidsruimte:18", AfwijkingsgrondSoort.BELEIDSRUIMTE, "18"),
        ("awb-3:4-lid-2", AfwijkingsgrondSoort.EVENREDIGHEID, ""),
    }
    awir = Regeling.objects.get(code="awir")
    hardheid = awir.afwijkingsgronden.get(soort=AfwijkingsgrondSoort.HARDHEIDSCLAUSULE)
    assert hardheid.artikel is not None and hardheid.artikel.nummer == "49"
    assert "Artikel 49" in hardheid.omschrijving
    beleidsregel = Regeling.objects.get(code="beleidsregel-terugvordering")
    assert set(beleidsregel.afwijkingsgronden.values_list("soort", flat=True)) == {
        AfwijkingsgrondSoort.BELEIDSREGEL,
        AfwijkingsgrondSoort.EVENREDIGHEID,
    }
    # 3 regulations + 3 articles + 2 rights + (2 + 2 + 2) grounds
    assert aantal == 3 + 3 + 2 + 6
    assert AuditEvent.objects.filter(event="kennisbank.regeling.aangemaakt").count() == 3


def test_import_regelingen_twice_changes_nothing_and_logs_nothing(
    regelingen: dict[str, Any],
) -> None:
    services.import_regelingen(data=regelingen)
    voor = (
        list(Regeling.objects.values_list()),
        list(Artikel.objects.values_list()),
        list(Rechtuitspraak.objects.values_list()),
        list(Afwijkingsgrond.objects.values_list()),
    )
    events = AuditEvent.objects.count()

    assert services.import_regelingen(data=regelingen) == 0

    assert voor == (
        list(Regeling.objects.values_list()),
        list(Artikel.objects.values_list()),
        list(Rechtuitspraak.objects.values_list()),
        list(Afwijkingsgrond.objects.values_list()),
    )
    assert AuditEvent.objects.count() == events


def test_import_regelingen_follows_changes_in_the_data(regelingen: dict[str, Any]) -> None:
    services.import_regelingen(data=regelingen)
    pw = regelingen["regelingen"][0]
    pw["uitvoerders"] = ["lindendal"]
    pw["artikelen"] = pw["artikelen"][:1]  # article 18 (with its room) leaves the data
    pw["rechten"] = pw["rechten"][:1]

    aantal = services.import_regelingen(data=regelingen)

    regeling = Regeling.objects.get(code="participatiewet")
    assert [o.slug for o in regeling.uitvoerders.all()] == ["lindendal"]
    assert list(regeling.artikelen.values_list("nummer", flat=True)) == ["11"]
    assert not regeling.afwijkingsgronden.filter(sleutel="beleidsruimte:18").exists()
    assert regeling.rechten.count() == 1
    assert aantal > 0
    event = AuditEvent.objects.get(event="kennisbank.regeling.gewijzigd")
    assert event.data["velden"] == ["uitvoerders"]
    assert event.data["artikelen"]["verwijderd"] == ["18"]
    assert event.data["rechten_vervangen"] is True


def test_import_regelingen_with_unknown_organisation_is_refused_and_stores_nothing(
    regelingen: dict[str, Any],
) -> None:
    regelingen["regelingen"][1]["uitvoerders"] = ["lud", "onbekend-bureau"]

    with pytest.raises(ValidationError) as err:
        services.import_regelingen(data=regelingen)

    assert err.value.messages == [
        "Regeling 'awir': de uitvoerder 'onbekend-bureau' bestaat niet. Maak die organisatie "
        "eerst aan, of verbeter de korte naam."
    ]
    assert not Regeling.objects.exists()  # also not the valid first regulation
    assert not Artikel.objects.exists()
    assert not AuditEvent.objects.exists()


def test_import_regelingen_refuses_an_owner_that_is_no_ministry(
    regelingen: dict[str, Any],
) -> None:
    regelingen["regelingen"][0]["eigenaar"] = "lindendal"
    regelingen["regelingen"][2]["eigenaar"] = "nergens"

    with pytest.raises(ValidationError) as err:
        services.import_regelingen(data=regelingen)

    assert "Regeling 'participatiewet': de eigenaar 'lindendal' is geen ministerie." in (
        err.value.messages
    )
    assert any("de eigenaar 'nergens' bestaat niet" in m for m in err.value.messages)
    assert not Regeling.objects.exists()


def test_import_regelingen_refuses_bad_data_and_keeps_what_was_there(
    regelingen: dict[str, Any],
) -> None:
    services.import_regelingen(data=regelingen)
    voor = list(Regeling.objects.values_list())
    pw = regelingen["regelingen"][0]
    pw["naam"] = "Andere naam"  # a valid change, which must not be stored either
    pw["bwb_id"] = "BWB123"
    pw["soort"] = "verordening"
    pw["url"] = "ftp://voorbeeld"
    pw["rechten"][0]["artikel"] = "99"
    pw["artikelen"].append({"nummer": "11", "titel": "Dubbel"})

    with pytest.raises(ValidationError) as err:
        services.import_regelingen(data=regelingen)

    berichten = err.value.messages
    assert any("'BWB123' is geen geldig BWB-nummer" in m for m in berichten)
    assert any("de soort 'verordening' kennen we niet" in m for m in berichten)
    assert any("is geen geldige link" in m for m in berichten)
    assert any("artikel 99 staat niet bij de artikelen" in m for m in berichten)
    assert any("artikel 11 staat er meer dan één keer in" in m for m in berichten)
    assert list(Regeling.objects.values_list()) == voor


def test_import_regelingen_refuses_data_of_the_wrong_shape() -> None:
    with pytest.raises(ValidationError, match="lijst 'regelingen'"):
        services.import_regelingen(data={"wetten": []})


def test_import_regelingen_by_a_person_needs_kennisbank_beheren(
    regelingen: dict[str, Any], organisaties: dict[str, Organisatie]
) -> None:
    medewerker = persoon_met_rol(Rol.MEDEWERKER, organisaties["lud"])
    with pytest.raises(PermissionDenied):
        services.import_regelingen(door=medewerker, data=regelingen)
    assert not Regeling.objects.exists()


# --- the command -----------------------------------------------------------------------------


def test_command_loads_principles_and_regulations(
    beginselen_bestand: Path, regelingen: dict[str, Any], tmp_path: Path
) -> None:
    regelingen_bestand = _schrijf(tmp_path / "regelingen.json", regelingen)
    uit = StringIO()

    call_command(
        "load_kennisbank", beginselen=beginselen_bestand, regelingen=regelingen_bestand, stdout=uit
    )

    assert "Beginselen: 6 nieuw of gewijzigd." in uit.getvalue()
    assert Regeling.objects.count() == 3


def test_command_reports_bad_data_in_dutch(
    regelingen: dict[str, Any], tmp_path: Path, beginselen_bestand: Path
) -> None:
    regelingen["regelingen"][0]["eigenaar"] = "onbekend"
    bestand = _schrijf(tmp_path / "regelingen.json", regelingen)

    with pytest.raises(CommandError, match="de eigenaar 'onbekend' bestaat niet"):
        call_command(
            "load_kennisbank", beginselen=beginselen_bestand, regelingen=bestand, stdout=StringIO()
        )
    assert not Regeling.objects.exists()

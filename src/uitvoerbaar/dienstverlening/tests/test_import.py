"""CSV import: every row is checked, one bad row refuses the whole file with the row and the
reason named, and nothing is written (no means, no values, no audit event)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.dienstverlening import csvimport, services
from uitvoerbaar.dienstverlening.models import Meting, Middelen

from .conftest import Wereld, synthetische_csv

EENHEDEN = {"doorlooptijd": "dagen", "bereikbaarheid": "procent"}
KOP = "periode,budget,fte,volume,doorlooptijd (dagen),bereikbaarheid (procent)"


def _fouten(inhoud: str) -> list[str]:
    return [str(f) for f in csvimport.lees(inhoud, indicatoren=EENHEDEN).fouten]


def test_a_good_file_is_read_with_months_quarters_and_empty_cells() -> None:
    uitkomst = csvimport.lees(
        KOP + "\n2024-01,100,2.5,30,20,80\n2024-K2,200,3,40,,81.5\n\n", indicatoren=EENHEDEN
    )
    assert uitkomst.fouten == []
    assert [r.periode for r in uitkomst.regels] == [dt.date(2024, 1, 1), dt.date(2024, 4, 1)]
    assert uitkomst.regels[1].waarden == {"bereikbaarheid": 81.5}


def test_semicolons_with_a_decimal_comma() -> None:
    kop = KOP.replace(",", ";")
    uitkomst = csvimport.lees(kop + "\n2024-01;1.250.000,50;2,5;30;20,5;80\n", indicatoren=EENHEDEN)
    assert uitkomst.fouten == []
    assert str(uitkomst.regels[0].budget) == "1250000.50"
    assert uitkomst.regels[0].waarden["doorlooptijd"] == 20.5


@pytest.mark.parametrize(
    ("regel", "verwacht"),
    [
        ("2024-01,-100,2,30,20,80", "Rij 2: Budget mag niet negatief zijn (-100)."),
        ("2024-01,100,2,30,20", "Rij 2: Deze rij heeft 5 velden, de kop heeft er 6."),
        ("2024-13,100,2,30,20,80", "Rij 2: De periode '2024-13' is geen maand"),
        ("2024-01,honderd,2,30,20,80", "Rij 2: Budget 'honderd' is geen getal."),
        ("2024-01,100,,30,20,80", "Rij 2: Fte ontbreekt."),
        ("2024-01,100,2,30.5,20,80", "Rij 2: Volume moet een heel aantal zaken zijn."),
        ("2024-01,100,2,30,20,180", "Rij 2: Bereikbaarheid is een percentage"),
        ("2024-01,1e15,2,30,20,80", "Rij 2: Budget is te groot (1e15)."),
        ("2024-01,100,2,30,-3,80", "Rij 2: Doorlooptijd mag niet negatief zijn."),
        ("2024-01,100,2,30,nan,80", "Rij 2: De waarde 'nan' van doorlooptijd is geen getal."),
    ],
)
def test_a_bad_row_is_named_with_its_reason(regel: str, verwacht: str) -> None:
    fouten = _fouten(KOP + "\n" + regel + "\n")
    assert any(f.startswith(verwacht) for f in fouten), fouten


@pytest.mark.parametrize(
    ("kop", "verwacht"),
    [
        ("periode,budget,fte,volume,doorlooptijd", "noemt geen eenheid"),
        ("periode,budget,fte,volume,doorlooptijd (uren)", "is in uren, maar de indicator"),
        ("periode,budget,fte,volume,wachttijd (dagen)", "'wachttijd' bestaat niet"),
        ("budget,periode,fte,volume", "De eerste kolommen moeten"),
        (
            "periode,budget,fte,volume,doorlooptijd (dagen),doorlooptijd (dagen)",
            "staat er twee keer",
        ),
    ],
)
def test_a_bad_header_is_named_as_row_one(kop: str, verwacht: str) -> None:
    fouten = _fouten(kop + "\n2024-01,1,1,1,1,1\n")
    assert fouten and all(f.startswith("Rij 1:") for f in fouten)
    assert any(verwacht in f for f in fouten), fouten


def test_a_period_twice_names_the_first_row() -> None:
    fouten = _fouten(KOP + "\n2024-01,1,1,1,1,1\n2024-01,1,1,1,1,1\n")
    assert fouten == ["Rij 3: De periode 2024-01 staat ook al in rij 2."]


def test_every_bad_row_is_reported_not_just_the_first() -> None:
    fouten = _fouten(KOP + "\n2024-01,-1,1,1,1,1\n2024-02,1,1,1,1,1\n2024-03,1,-1,1,1,1\n")
    assert [f.split(":")[0] for f in fouten] == ["Rij 2", "Rij 4"]


def test_empty_file_and_header_only() -> None:
    assert _fouten("") == ["Rij 1: Het bestand is leeg."]
    assert _fouten(KOP + "\n") == ["Rij 2: Het bestand heeft wel een kop, maar geen gegevens."]


def test_service_imports_everything(wereld: Wereld) -> None:
    r = services.import_csv(door=wereld.beheerder, dienst=wereld.dienst, inhoud=synthetische_csv())
    assert (r.perioden, r.metingen) == (12, 24)
    assert Middelen.objects.filter(dienst=wereld.dienst).count() == 12
    event = AuditEvent.objects.get(event="dienstverlening.geimporteerd")
    assert event.data == {"perioden": 12, "overschreven": 0, "metingen": 24}


def test_one_bad_row_imports_nothing_and_keeps_what_was_there(wereld: Wereld) -> None:
    # given an earlier good import
    services.import_csv(door=wereld.beheerder, dienst=wereld.dienst, inhoud=synthetische_csv(3))
    voor_middelen = list(Middelen.objects.values_list("periode", "budget"))
    voor_metingen = list(Meting.objects.values_list("periode", "waarde"))
    voor_events = AuditEvent.objects.count()
    # when a file with the same periods, new values and one negative budget in row 4 comes in
    goed = synthetische_csv(3, seed=99).splitlines()
    delen = goed[3].split(",")
    delen[1] = "-5"
    goed[3] = ",".join(delen)
    with pytest.raises(ValidationError) as fout:
        services.import_csv(
            door=wereld.beheerder, dienst=wereld.dienst, inhoud="\n".join(goed).encode()
        )
    # then the row and reason are named, and nothing changed (not even rows 2 and 3)
    assert fout.value.message_dict["bestand"] == ["Rij 4: Budget mag niet negatief zijn (-5)."]
    assert list(Middelen.objects.values_list("periode", "budget")) == voor_middelen
    assert list(Meting.objects.values_list("periode", "waarde")) == voor_metingen
    assert AuditEvent.objects.count() == voor_events


def test_not_utf8_is_refused(wereld: Wereld) -> None:
    with pytest.raises(ValidationError) as fout:
        services.import_csv(
            door=wereld.beheerder, dienst=wereld.dienst, inhoud="periode,é".encode("latin-1")
        )
    assert "UTF-8" in str(fout.value)
    assert not Middelen.objects.exists()


@pytest.mark.parametrize("wie", ["medewerker", "bestuur_andere", "beleidsmaker"])
def test_import_refused_for_who_may_not_manage(wereld: Wereld, wie: str) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.import_csv(
            door=getattr(wereld, wie), dienst=wereld.dienst, inhoud=synthetische_csv()
        )
    assert not Middelen.objects.exists()

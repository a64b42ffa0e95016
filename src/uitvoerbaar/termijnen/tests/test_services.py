"""Adding and removing gelijkgestelde dagen and sluitingsdagen: audited, and each refusal
(wrong role, other organisation, bad date, duplicate) changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.termijnen import services
from uitvoerbaar.termijnen.models import GelijkgesteldeDag, Sluitingsdag

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_tijd")]

VRIJDAG_NA_HEMELVAART = date(2027, 5, 7)
BESLUIT = "Besluit van 1 juni 2026, Stcrt. 2026, 12345"


def _events(prefix: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event__startswith=prefix).order_by("volgnummer"))


def _dag(door: Gebruiker, datum: date = VRIJDAG_NA_HEMELVAART) -> GelijkgesteldeDag:
    return services.add_gelijkgestelde_dag(
        door=door, datum=datum, omschrijving="Vrijdag na Hemelvaartsdag", besluit=BESLUIT
    )


# --- gelijkgestelde dagen -------------------------------------------------------------------


def test_beheerder_adds_a_gelijkgestelde_dag_audited(beheerder: Gebruiker) -> None:
    dag = services.add_gelijkgestelde_dag(
        door=beheerder,
        datum=VRIJDAG_NA_HEMELVAART,
        omschrijving="  Vrijdag na Hemelvaartsdag ",
        besluit=BESLUIT,
    )

    assert GelijkgesteldeDag.objects.get() == dag
    assert dag.omschrijving == "Vrijdag na Hemelvaartsdag"
    [event] = _events("termijnen.")
    assert event.event == "termijnen.gelijkgestelde_dag.toegevoegd"
    assert event.actor_id == beheerder.pk
    assert event.object_id == str(dag.pk)
    assert event.data == {
        "datum": "2027-05-07",
        "omschrijving": "Vrijdag na Hemelvaartsdag",
        "besluit": BESLUIT,
    }


@pytest.mark.parametrize("rol", [Rol.MEDEWERKER, Rol.BESTUUR, Rol.VERTROUWENSPERSOON])
def test_other_roles_cannot_add_a_gelijkgestelde_dag(rol: Rol, organisatie: Organisatie) -> None:
    persoon = persoon_met_rol(rol, organisatie)
    with pytest.raises(PermissionDenied):
        _dag(persoon)
    assert not GelijkgesteldeDag.objects.exists()
    assert not _events("termijnen.")


def test_a_duplicate_gelijkgestelde_dag_is_refused_in_dutch(beheerder: Gebruiker) -> None:
    _dag(beheerder)
    with pytest.raises(ValidationError) as exc:
        _dag(beheerder)
    assert exc.value.message_dict == {"datum": ["Deze datum is al een gelijkgestelde dag."]}
    assert GelijkgesteldeDag.objects.count() == 1
    assert len(_events("termijnen.")) == 1


@pytest.mark.parametrize(
    ("datum", "melding"),
    [
        (date(2027, 2, 26), "Kies vandaag of een latere datum."),
        (date(2027, 3, 6), "al een zaterdag, zondag of algemeen erkende feestdag"),
        (date(2027, 5, 6), "al een zaterdag, zondag of algemeen erkende feestdag"),  # Hemelvaart
    ],
)
def test_a_past_or_already_free_date_is_refused(
    beheerder: Gebruiker, datum: date, melding: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        _dag(beheerder, datum)
    assert melding in exc.value.message_dict["datum"][0]
    assert not GelijkgesteldeDag.objects.exists()
    assert not _events("termijnen.")


def test_today_may_be_added(beheerder: Gebruiker) -> None:
    assert _dag(beheerder, date(2027, 3, 1)).datum == date(2027, 3, 1)


def test_empty_description_and_decree_are_refused_per_field(beheerder: Gebruiker) -> None:
    with pytest.raises(ValidationError) as exc:
        services.add_gelijkgestelde_dag(
            door=beheerder, datum=VRIJDAG_NA_HEMELVAART, omschrijving=" ", besluit=""
        )
    assert exc.value.message_dict == {
        "omschrijving": ["Vul een omschrijving in."],
        "besluit": [
            "Noem het besluit dat de dag gelijkstelt, met de vindplaats in de Staatscourant."
        ],
    }
    assert not GelijkgesteldeDag.objects.exists()


def test_beheerder_removes_a_future_gelijkgestelde_dag_audited(beheerder: Gebruiker) -> None:
    dag = _dag(beheerder)
    services.remove_gelijkgestelde_dag(door=beheerder, dag=dag)
    assert not GelijkgesteldeDag.objects.exists()
    assert [e.event for e in _events("termijnen.")] == [
        "termijnen.gelijkgestelde_dag.toegevoegd",
        "termijnen.gelijkgestelde_dag.verwijderd",
    ]


def test_removal_refused_for_a_medewerker_and_for_a_past_day(
    beheerder: Gebruiker, medewerker: Gebruiker
) -> None:
    dag = _dag(beheerder)
    with pytest.raises(PermissionDenied):
        services.remove_gelijkgestelde_dag(door=medewerker, dag=dag)
    verleden = GelijkgesteldeDag.objects.create(
        datum=date(2026, 5, 15), omschrijving="Vrijdag na Hemelvaartsdag", besluit=BESLUIT
    )
    with pytest.raises(ValidationError) as exc:
        services.remove_gelijkgestelde_dag(door=beheerder, dag=verleden)
    assert exc.value.message_dict == {
        "datum": ["Een gelijkgestelde dag in het verleden blijft staan."]
    }
    assert GelijkgesteldeDag.objects.count() == 2
    assert len(_events("termijnen.")) == 1


# --- sluitingsdagen -------------------------------------------------------------------------


def _sluit(
    door: Gebruiker, organisatie: Organisatie, datum: date = date(2027, 3, 5)
) -> Sluitingsdag:
    return services.add_sluitingsdag(
        door=door, organisatie=organisatie, datum=datum, omschrijving="Verhuizing"
    )


def test_beheerder_adds_a_closing_day_of_the_own_organisation(
    beheerder: Gebruiker, organisatie: Organisatie
) -> None:
    dag = _sluit(beheerder, organisatie)
    assert Sluitingsdag.objects.get() == dag
    [event] = _events("termijnen.")
    assert event.event == "termijnen.sluitingsdag.toegevoegd"
    assert event.actor_id == beheerder.pk
    assert event.data == {"organisatie": "ltd", "datum": "2027-03-05", "omschrijving": "Verhuizing"}


def test_beheerder_of_another_organisation_is_refused(
    beheerder_andere_organisatie: Gebruiker, organisatie: Organisatie
) -> None:
    with pytest.raises(PermissionDenied):
        _sluit(beheerder_andere_organisatie, organisatie)
    assert not Sluitingsdag.objects.exists()
    assert not _events("termijnen.")


def test_medewerker_of_the_organisation_is_refused(
    medewerker: Gebruiker, organisatie: Organisatie
) -> None:
    with pytest.raises(PermissionDenied):
        _sluit(medewerker, organisatie)
    assert not Sluitingsdag.objects.exists()


def test_a_duplicate_closing_day_is_refused_but_another_organisation_may_close_too(
    beheerder: Gebruiker,
    organisatie: Organisatie,
    beheerder_andere_organisatie: Gebruiker,
    andere_organisatie: Organisatie,
) -> None:
    _sluit(beheerder, organisatie)
    with pytest.raises(ValidationError) as exc:
        _sluit(beheerder, organisatie)
    assert exc.value.message_dict == {
        "datum": ["Deze organisatie heeft al een sluitingsdag op deze datum."]
    }
    assert Sluitingsdag.objects.count() == 1
    _sluit(beheerder_andere_organisatie, andere_organisatie)
    assert Sluitingsdag.objects.count() == 2
    assert len(_events("termijnen.")) == 2


def test_a_past_closing_day_is_refused(beheerder: Gebruiker, organisatie: Organisatie) -> None:
    with pytest.raises(ValidationError) as exc:
        _sluit(beheerder, organisatie, date(2027, 2, 26))
    assert list(exc.value.message_dict) == ["datum"]
    assert not Sluitingsdag.objects.exists()


def test_removal_only_by_a_beheerder_of_the_organisation(
    beheerder: Gebruiker, organisatie: Organisatie, beheerder_andere_organisatie: Gebruiker
) -> None:
    dag = _sluit(beheerder, organisatie)
    with pytest.raises(PermissionDenied):
        services.remove_sluitingsdag(door=beheerder_andere_organisatie, sluitingsdag=dag)
    assert Sluitingsdag.objects.count() == 1

    services.remove_sluitingsdag(door=beheerder, sluitingsdag=dag)
    assert not Sluitingsdag.objects.exists()
    event = _events("termijnen.")[-1]
    assert event.event == "termijnen.sluitingsdag.verwijderd"
    assert event.data["datum"] == "2027-03-05"


def test_a_past_closing_day_stays(beheerder: Gebruiker, organisatie: Organisatie) -> None:
    dag = Sluitingsdag.objects.create(
        organisatie=organisatie, datum=date(2027, 2, 26), omschrijving="Studiedag"
    )
    with pytest.raises(ValidationError):
        services.remove_sluitingsdag(door=beheerder, sluitingsdag=dag)
    assert Sluitingsdag.objects.filter(pk=dag.pk).exists()
    assert not _events("termijnen.")

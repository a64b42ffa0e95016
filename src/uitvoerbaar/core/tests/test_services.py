"""Membership and unit services: the rules, the refusals and the audit events."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import services
from uitvoerbaar.core.constants import ROLLEN_PER_SOORT, OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Lidmaatschap, Organisatie
from uitvoerbaar.core.tests.factories import (
    EenheidFactory,
    GebruikerFactory,
    OrganisatieFactory,
    persoon_met_rol,
)

pytestmark = pytest.mark.django_db


def _aantallen() -> tuple[int, int, int]:
    return Lidmaatschap.objects.count(), Eenheid.objects.count(), AuditEvent.objects.count()


def test_add_lidmaatschap_stores_and_audits(beheerder: Gebruiker, organisatie: Organisatie) -> None:
    persoon = GebruikerFactory.create(username="nieuw")
    eenheid = EenheidFactory.create(organisatie=organisatie, naam="Team West")
    lid = services.add_lidmaatschap(
        door=beheerder,
        gebruiker=persoon,
        organisatie=organisatie,
        rol=Rol.BEHANDELAAR,
        eenheid=eenheid,
    )
    assert lid.actief and lid.eenheid == eenheid and lid.rol == Rol.BEHANDELAAR
    event = AuditEvent.objects.get(event="lidmaatschap.toegevoegd", object_id=str(lid.pk))
    assert event.actor_id == beheerder.pk
    assert event.data == {
        "gebruiker": "nieuw",
        "organisatie": organisatie.slug,
        "rol": "behandelaar",
        "eenheid": "Team West",
        "heractiveerd": False,
    }


def test_add_lidmaatschap_twice_is_a_no_op(beheerder: Gebruiker, organisatie: Organisatie) -> None:
    persoon = GebruikerFactory.create()
    eerste = services.add_lidmaatschap(
        door=beheerder, gebruiker=persoon, organisatie=organisatie, rol=Rol.MEDEWERKER
    )
    voor = _aantallen()
    tweede = services.add_lidmaatschap(
        door=beheerder, gebruiker=persoon, organisatie=organisatie, rol=Rol.MEDEWERKER
    )
    assert tweede.pk == eerste.pk
    assert _aantallen() == voor


@pytest.mark.parametrize(
    ("soort", "rol"),
    [
        (soort, rol)
        for soort in OrganisatieSoort.values
        for rol in Rol.values
        if rol not in ROLLEN_PER_SOORT[soort]
    ],
)
def test_role_that_does_not_fit_the_organisation_type_is_refused(soort: str, rol: str) -> None:
    org = OrganisatieFactory.create(soort=soort)
    beheerder = persoon_met_rol(Rol.BEHEERDER, org)
    persoon = GebruikerFactory.create()
    voor = _aantallen()
    with pytest.raises(ValidationError) as exc:
        services.add_lidmaatschap(door=beheerder, gebruiker=persoon, organisatie=org, rol=rol)
    melding = exc.value.message_dict["rol"][0]
    assert melding.startswith(f"De rol {Rol(rol).label} past niet bij een organisatie")
    assert _aantallen() == voor


def test_every_role_fits_some_organisation_type() -> None:
    assert set().union(*ROLLEN_PER_SOORT.values()) == set(Rol.values)


def test_unknown_role_is_refused(beheerder: Gebruiker, organisatie: Organisatie) -> None:
    voor = _aantallen()
    with pytest.raises(ValidationError) as exc:
        services.add_lidmaatschap(
            door=beheerder,
            gebruiker=GebruikerFactory.create(),
            organisatie=organisatie,
            rol="koning",
        )
    assert exc.value.message_dict == {"rol": ["Kies een rol uit de lijst."]}
    assert _aantallen() == voor


def test_unit_of_another_organisation_is_refused(
    beheerder: Gebruiker, organisatie: Organisatie, andere_organisatie: Organisatie
) -> None:
    eenheid_elders = EenheidFactory.create(organisatie=andere_organisatie)
    voor = _aantallen()
    with pytest.raises(ValidationError) as exc:
        services.add_lidmaatschap(
            door=beheerder,
            gebruiker=GebruikerFactory.create(),
            organisatie=organisatie,
            rol=Rol.MEDEWERKER,
            eenheid=eenheid_elders,
        )
    assert exc.value.message_dict == {"eenheid": ["Deze eenheid hoort bij een andere organisatie."]}
    assert _aantallen() == voor


def test_beheerder_of_another_organisation_is_refused(
    beheerder_andere_organisatie: Gebruiker, organisatie: Organisatie, medewerker: Gebruiker
) -> None:
    voor = _aantallen()
    with pytest.raises(PermissionDenied):
        services.add_lidmaatschap(
            door=beheerder_andere_organisatie,
            gebruiker=GebruikerFactory.create(),
            organisatie=organisatie,
            rol=Rol.MEDEWERKER,
        )
    with pytest.raises(PermissionDenied):
        services.end_lidmaatschap(
            door=beheerder_andere_organisatie, lidmaatschap=medewerker.lidmaatschappen.get()
        )
    assert _aantallen() == voor
    assert medewerker.lidmaatschappen.get().actief


@pytest.mark.parametrize("rol", [r for r in Rol.values if r != Rol.BEHEERDER])
def test_only_a_beheerder_may_give_roles(rol: str) -> None:
    org = OrganisatieFactory.create(soort=OrganisatieSoort.MINISTERIE)
    if rol in ROLLEN_PER_SOORT[OrganisatieSoort.MINISTERIE]:
        door = persoon_met_rol(rol, org)
    else:
        door = persoon_met_rol(rol)  # e.g. kamerlid: a role elsewhere
    voor = _aantallen()
    with pytest.raises(PermissionDenied):
        services.add_lidmaatschap(
            door=door, gebruiker=GebruikerFactory.create(), organisatie=org, rol=Rol.MEDEWERKER
        )
    assert _aantallen() == voor


def test_ended_beheerder_may_no_longer_give_roles(organisatie: Organisatie) -> None:
    beheerder = persoon_met_rol(Rol.BEHEERDER, organisatie)
    collega = persoon_met_rol(Rol.BEHEERDER, organisatie)
    services.end_lidmaatschap(door=collega, lidmaatschap=beheerder.lidmaatschappen.get())
    beheerder = Gebruiker.objects.get(pk=beheerder.pk)
    with pytest.raises(PermissionDenied):
        services.add_lidmaatschap(
            door=beheerder,
            gebruiker=GebruikerFactory.create(),
            organisatie=organisatie,
            rol="medewerker",
        )


def test_end_lidmaatschap_keeps_history_and_audits(
    beheerder: Gebruiker, medewerker: Gebruiker, organisatie: Organisatie
) -> None:
    lid = medewerker.lidmaatschappen.get()
    services.end_lidmaatschap(door=beheerder, lidmaatschap=lid)
    lid.refresh_from_db()
    assert lid.actief is False
    event = AuditEvent.objects.get(event="lidmaatschap.beeindigd")
    assert event.actor_id == beheerder.pk
    assert event.object_id == str(lid.pk)
    assert event.data == {
        "gebruiker": "medewerker",
        "organisatie": organisatie.slug,
        "rol": "medewerker",
    }
    # Ending it again changes nothing and writes no second event.
    services.end_lidmaatschap(door=beheerder, lidmaatschap=lid)
    assert AuditEvent.objects.filter(event="lidmaatschap.beeindigd").count() == 1


def test_ended_membership_can_be_given_again(
    beheerder: Gebruiker, medewerker: Gebruiker, organisatie: Organisatie
) -> None:
    lid = medewerker.lidmaatschappen.get()
    services.end_lidmaatschap(door=beheerder, lidmaatschap=lid)
    weer = services.add_lidmaatschap(
        door=beheerder, gebruiker=medewerker, organisatie=organisatie, rol=Rol.MEDEWERKER
    )
    assert weer.pk == lid.pk and weer.actief
    event = AuditEvent.objects.filter(event="lidmaatschap.toegevoegd").latest("volgnummer")
    assert event.data["heractiveerd"] is True


def test_system_setup_without_actor_is_audited_as_such(organisatie: Organisatie) -> None:
    lid = services.add_lidmaatschap(
        door=None, gebruiker=GebruikerFactory.create(), organisatie=organisatie, rol=Rol.MEDEWERKER
    )
    event = AuditEvent.objects.get(event="lidmaatschap.toegevoegd", object_id=str(lid.pk))
    assert event.actor_id is None and event.actor_naam == ""


def test_add_eenheid(beheerder: Gebruiker, organisatie: Organisatie) -> None:
    directie = services.add_eenheid(
        door=beheerder, organisatie=organisatie, naam="  Directie  ", bovenliggend=None
    )
    team = services.add_eenheid(
        door=beheerder, organisatie=organisatie, naam="Team 1", bovenliggend=directie
    )
    assert directie.naam == "Directie" and team.bovenliggend == directie
    assert AuditEvent.objects.filter(event="eenheid.toegevoegd").count() == 2


def test_add_eenheid_refusals(
    beheerder: Gebruiker,
    beheerder_andere_organisatie: Gebruiker,
    organisatie: Organisatie,
    andere_organisatie: Organisatie,
) -> None:
    EenheidFactory.create(organisatie=organisatie, naam="Directie")
    elders = EenheidFactory.create(organisatie=andere_organisatie)
    voor = _aantallen()
    with pytest.raises(ValidationError) as exc:
        services.add_eenheid(
            door=beheerder, organisatie=organisatie, naam="directie", bovenliggend=elders
        )
    assert exc.value.message_dict == {
        "naam": ["Deze organisatie heeft al een eenheid met deze naam."],
        "bovenliggend": ["Deze eenheid hoort bij een andere organisatie."],
    }
    with pytest.raises(ValidationError):
        services.add_eenheid(door=beheerder, organisatie=organisatie, naam="  ", bovenliggend=None)
    with pytest.raises(PermissionDenied):
        services.add_eenheid(
            door=beheerder_andere_organisatie,
            organisatie=organisatie,
            naam="Nieuw",
            bovenliggend=None,
        )
    assert _aantallen() == voor


def test_confirm_totp_device_of_someone_else_is_refused(
    beheerder: Gebruiker, medewerker: Gebruiker
) -> None:
    device = services.start_totp_enrolment(gebruiker=beheerder)
    with pytest.raises(ValidationError):
        services.confirm_totp_device(gebruiker=medewerker, device=device)
    device.refresh_from_db()
    assert not device.confirmed

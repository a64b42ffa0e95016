"""Beheer of the channels: routing rules and the noodrem term per organisation (beheerder of
that organisation only, audited, bad input refused in Dutch), the keys outside the database
and their rotation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client, override_settings

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.signalen import kluis, services
from uitvoerbaar.signalen.models import Instelling, Routeringsregel, Signaal

from .conftest import GEHEIME_NAAM, Wereld

pytestmark = pytest.mark.django_db
Meld = Callable[..., services.Melding]


def test_beheerder_adds_a_routing_rule_in_the_beheer_screen(client: Client, wereld: Wereld) -> None:
    beheerder = persoon_met_rol(Rol.BEHEERDER, wereld.uitvoerder)
    ingelogd(client, beheerder)
    r = client.post(
        "/beheer/signalen/routeringsregel/add/",
        {
            "organisatie": wereld.uitvoerder.pk,
            "urgentie": "spoed",
            "behandelrol": "bestuur",
            "volgorde": 0,
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    regel = Routeringsregel.objects.get()
    assert AuditEvent.objects.filter(event="signalen.routering_opgeslagen", object_id=str(regel.pk))


def test_a_rule_to_a_unit_of_another_organisation_is_refused_next_to_the_field(
    client: Client, wereld: Wereld
) -> None:
    from uitvoerbaar.core.models import Eenheid

    vreemd = Eenheid.objects.create(organisatie=wereld.andere, naam="Elders")
    regel = Routeringsregel(
        organisatie=wereld.uitvoerder, eenheid=vreemd, behandelrol="behandelaar"
    )
    with pytest.raises(ValidationError) as fout:
        services.save_routeringsregel(
            door=persoon_met_rol(Rol.BEHEERDER, wereld.uitvoerder), regel=regel
        )
    assert "eenheid" in fout.value.message_dict
    assert not Routeringsregel.objects.exists()


def test_beheerder_of_another_organisation_cannot_change_routing(wereld: Wereld) -> None:
    anders = persoon_met_rol(Rol.BEHEERDER, wereld.andere)
    with pytest.raises(PermissionDenied):
        services.save_routeringsregel(
            door=anders, regel=Routeringsregel(organisatie=wereld.uitvoerder, behandelrol="bestuur")
        )
    with pytest.raises(PermissionDenied):
        services.save_instelling(
            door=anders, instelling=Instelling(organisatie=wereld.uitvoerder, noodrem_werkdagen=3)
        )


def test_noodrem_term_can_be_shortened_never_lengthened(wereld: Wereld) -> None:
    beheerder = persoon_met_rol(Rol.BEHEERDER, wereld.uitvoerder)
    with pytest.raises(ValidationError) as fout:
        services.save_instelling(
            door=beheerder,
            instelling=Instelling(organisatie=wereld.uitvoerder, noodrem_werkdagen=6),
        )
    assert "korter" in str(fout.value.message_dict["noodrem_werkdagen"])
    services.save_instelling(
        door=beheerder, instelling=Instelling(organisatie=wereld.uitvoerder, noodrem_werkdagen=3)
    )
    assert Instelling.objects.get().noodrem_werkdagen == 3


def test_key_rotation_reencrypts_identities_and_the_old_key_can_go(
    wereld: Wereld, vertrouwelijk: Signaal
) -> None:
    from django.conf import settings

    oud = list(settings.SIGNALEN_SLEUTELS)
    nieuw = Fernet.generate_key().decode()
    with override_settings(SIGNALEN_SLEUTELS=[nieuw, *oud]):
        call_command("rotate_identiteitssleutel", stdout=open("/dev/null", "w"))
    vertrouwelijk.refresh_from_db()
    with override_settings(SIGNALEN_SLEUTELS=[nieuw]):
        assert kluis.ontsleutel(vertrouwelijk.identiteit_versleuteld).naam == GEHEIME_NAAM
    with override_settings(SIGNALEN_SLEUTELS=oud), pytest.raises(ImproperlyConfigured):
        kluis.ontsleutel(vertrouwelijk.identiteit_versleuteld)


def test_receipt_hash_depends_on_the_secret_outside_the_database() -> None:
    code = "1234567890123456"
    eerst = kluis.bon_hash(code)
    assert len(eerst) == 64 and code not in eerst
    with override_settings(SIGNALEN_BONZOUT="een ander geheim"):
        assert kluis.bon_hash(code) != eerst
    with override_settings(SIGNALEN_BONZOUT=""), pytest.raises(ImproperlyConfigured):
        kluis.bon_hash(code)

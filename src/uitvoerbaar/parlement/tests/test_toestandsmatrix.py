"""Authorisation matrix with object state (issue 9 part 5): every role of the parliament, another
parliament, the taking-part executor, another executor and a ministry, and a named participant
x every state of a contactmoment x every move, generated from the policy table
(`contactmoment.beheren`) and the transition table (`transitions.CONTACTMOMENT`).

The table has two moves (houden, annuleren); the moves on the report (verslag schrijven,
publiceren) and changing the planning follow the state too, by guards in their services, so
they are in the matrix with those guards written out here.

Expectation per cell: the policy refuses → PermissionDenied; else the table or the state guard
refuses → ValidationError (the services turn the table's refusal into the sentence for the
form); else the move is made and lands on the table's target state (the report moves keep it).
A refused move changes nothing (the moment and the audit log). Independently of the policy
table, a hand-written line of the design must agree with it.

Each cell runs in a savepoint that is rolled back, so every cell starts from the same moment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import ROLLEN_PER_SOORT, Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import persoon_met_rol

from .. import services
from ..constants import Contacthandeling as C
from ..constants import Contactstatus as CS
from ..models import Contactmoment
from ..transitions import CONTACTMOMENT, contactmoment_mag
from .conftest import Wereld, tijdstip

pytestmark = pytest.mark.django_db


def _wijzig(m: Contactmoment, u: Gebruiker, w: Wereld) -> Any:
    return services.update_contactmoment(
        contactmoment=m,
        door=u,
        soort=m.soort,
        titel="Rondetafel bijstand en inkomenstoets",
        commissie=w.commissie,
        uitvoerders=[w.uitvoerder],
        begint_op=m.begint_op,
        locatie=m.locatie,
        onderwerpen=m.onderwerpen,
        deelnemers=[w.behandelaar],
    )


@dataclass(frozen=True)
class Zet:
    maak: Callable[[Contactmoment, Gebruiker, Wereld], Any]
    # The table's move, or None for a move guarded by its service alone.
    handeling: C | None = None


ZETTEN: dict[str, Zet] = {
    "houden": Zet(lambda m, u, w: services.hold_contactmoment(contactmoment=m, door=u), C.HOUDEN),
    "annuleren": Zet(
        lambda m, u, w: services.cancel_contactmoment(contactmoment=m, door=u, reden="Plenair."),
        C.ANNULEREN,
    ),
    "wijzigen": Zet(_wijzig),
    "verslag": Zet(
        lambda m, u, w: services.save_verslag(contactmoment=m, door=u, verslag="Goed gesprek.")
    ),
    "publiceren": Zet(lambda m, u, w: services.publish_verslag(contactmoment=m, door=u)),
}


def test_every_move_of_the_table_is_in_the_matrix() -> None:
    assert {z.handeling for z in ZETTEN.values()} - {None} == set(CONTACTMOMENT)


def _mag_in_stand(naam: str, m: Contactmoment) -> bool:
    """Whether the state allows the move: the table, and the services' own guards."""
    zet = ZETTEN[naam]
    if zet.handeling is not None:
        # A moment is held only once it has begun.
        begonnen = zet.handeling is not C.HOUDEN or m.begint_op <= timezone.now()
        return contactmoment_mag(zet.handeling, CS(m.status)) and begonnen
    if naam == "wijzigen":
        return m.status == CS.GEPLAND
    open_verslag = m.status == CS.GEHOUDEN and not m.verslag_openbaar
    if naam == "verslag":
        return open_verslag
    return open_verslag and bool(m.verslag.strip())


STANDEN = [
    "gepland, nog niet begonnen",
    "gepland, begonnen",
    "gehouden, zonder verslag",
    "gehouden, verslag geschreven",
    "gehouden, verslag openbaar",
    "geannuleerd",
]


def _in_stand(
    naam: str, wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> Contactmoment:
    """A moment in the state `naam`, reached through the services (a moment may be entered
    after it began, so "begonnen" needs no clock)."""
    moment = maak_moment(
        begint_op=tijdstip(10 if naam == "gepland, nog niet begonnen" else -2),
        deelnemers=[wereld.behandelaar],
    )
    if naam.startswith("gehouden"):
        services.hold_contactmoment(contactmoment=moment, door=wereld.griffie)
    if "verslag geschreven" in naam or "verslag openbaar" in naam:
        services.save_verslag(contactmoment=moment, door=wereld.griffie, verslag="Verslag.")
    if "verslag openbaar" in naam:
        services.publish_verslag(contactmoment=moment, door=wereld.bestuur)
    if naam == "geannuleerd":
        services.cancel_contactmoment(contactmoment=moment, door=wereld.bestuur, reden="Reces.")
    return moment


@dataclass(frozen=True)
class Persoon:
    label: str
    gebruiker: Gebruiker
    organisatie: Organisatie
    rol: str


def _personen(wereld: Wereld) -> list[Persoon]:
    # A participant named on the moment (a handler of the executor) sees it, never manages it.
    personen = [Persoon("deelnemer", wereld.behandelaar, wereld.uitvoerder, Rol.BEHANDELAAR)]
    for naam, org in (
        ("kamer", wereld.kamer),
        ("andere kamer", wereld.andere_kamer),
        ("uitvoerder", wereld.uitvoerder),
        ("andere uitvoerder", wereld.andere_uitvoerder),
        ("ministerie", wereld.ministerie),
    ):
        for rol in sorted(ROLLEN_PER_SOORT[org.soort]):
            personen.append(Persoon(f"{rol} {naam}", persoon_met_rol(rol, org), org, rol))
    return personen


def _ontwerp(p: Persoon, wereld: Wereld) -> bool:
    """The design, written out by hand (seed P3): the clerk of the parliament and the board or
    administrator of a taking-part executor manage a moment. Members, participants, another
    parliament or executor and the ministries do not."""
    return (p.organisatie == wereld.kamer and p.rol == Rol.GRIFFIE) or (
        p.organisatie == wereld.uitvoerder and p.rol in {Rol.BESTUUR, Rol.BEHEERDER}
    )


def _stand(m: Contactmoment) -> tuple[Any, ...]:
    """What a refused move must leave alone: the moment's row and the audit log."""
    return (
        m.status,
        m.titel,
        m.verslag,
        m.verslag_gepubliceerd_op,
        m.annuleringsreden,
        AuditEvent.objects.count(),
    )


def _laad(pk: int) -> Contactmoment:
    return Contactmoment.objects.prefetch_related("uitvoerders", "deelnemers").get(pk=pk)


@pytest.mark.parametrize("stand", STANDEN)
def test_every_person_every_state_every_move(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment], stand: str
) -> None:
    moment = _laad(_in_stand(stand, wereld, maak_moment).pk)
    voor = _stand(moment)
    personen = _personen(wereld)
    fouten: list[str] = []
    toegestaan = 0
    for naam, zet in ZETTEN.items():
        for p in personen:
            cel = f"{naam} / {p.label} / {stand}"
            mag = policy.allows(p.gebruiker, "contactmoment.beheren", moment)
            if mag != _ontwerp(p, wereld):
                fouten.append(f"{cel}: the policy disagrees with the design")
            verwacht: type[Exception] | None = None
            if not mag:
                verwacht = PermissionDenied
            elif not _mag_in_stand(naam, moment):
                verwacht = ValidationError
            # A savepoint per cell, rolled back: every cell starts from the same moment.
            with transaction.atomic():
                try:
                    zet.maak(moment, p.gebruiker, wereld)
                    kreeg: type[Exception] | None = None
                except (PermissionDenied, ValidationError) as exc:
                    kreeg = type(exc)
                na = _laad(moment.pk)
                if kreeg is not verwacht:
                    fouten.append(f"{cel}: {kreeg} instead of {verwacht}")
                elif verwacht is None:
                    toegestaan += 1
                    doel = (
                        CONTACTMOMENT[zet.handeling][CS(moment.status)]
                        if zet.handeling is not None
                        else moment.status
                    )
                    if na.status != doel or _stand(na) == voor:
                        fouten.append(f"{cel}: landed on {na.status}, or changed nothing")
                elif _stand(na) != voor:
                    fouten.append(f"{cel}: a refusal changed something")
                transaction.set_rollback(True)
    assert fouten == []
    # Guards the guard: only a cancelled moment and one whose report is public are still.
    assert (toegestaan > 0) is (stand not in {"geannuleerd", "gehouden, verslag openbaar"})

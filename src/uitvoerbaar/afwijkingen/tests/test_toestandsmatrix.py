"""Authorisation matrix with object state (issue 9 part 5): the registrant and every role of the
own organisation, of another executive organisation and of the ministry owning the rule x every
state of a deviation x every move, generated from the policy table (`afwijking.registreren`,
`afwijking.beoordelen`) and the transition table (`transitions.OVERGANGEN`).

Expectation per cell: the policy or the four-eyes rule refuses → PermissionDenied; else the
table refuses → OngeldigeOvergang; else the move is made and lands on the table's target state.
A refused move changes nothing (the deviation and the audit log). Independently of the policy
table, a hand-written line of the design (who registers, who judges) must agree with it.

Each cell runs in a savepoint that is rolled back, so every cell starts from the same deviation."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.tests.matrix import Persoon, personen, probeer

from .. import services
from ..constants import AfwijkingStatus as S
from ..constants import Handeling as H
from ..models import Afwijking
from ..transitions import OVERGANGEN, OngeldigeOvergang, is_toegestaan
from .conftest import PERSPECTIEVEN, Wereld

pytestmark = pytest.mark.django_db

Zet = Callable[[Afwijking, Gebruiker, Wereld], Any]

ZETTEN: dict[str, tuple[H, str, Zet]] = {
    "wijzigen": (
        H.WIJZIGEN,
        "afwijking.registreren",
        lambda a, u, w: services.update_afwijking(
            afwijking=a,
            door=u,
            grond=w.hardheid,
            bedoeling=a.bedoeling,
            casus=a.casus,
            alternatief="Terugvordering in termijnen van 25 euro per maand.",
            motivering=a.motivering,
            huishouden=a.huishouden,
            inkomensband=a.inkomensband,
            knelpunt=a.knelpunt,
            bedrag=a.bedrag,
        ),
    ),
    "perspectieven": (
        H.WIJZIGEN,
        "afwijking.registreren",
        lambda a, u, w: services.save_afwijking_perspectieven(
            afwijking=a,
            door=u,
            data={
                **PERSPECTIEVEN,
                "juridisch_oordeel": "zorgen",
                "juridisch_toelichting": "De hardheidsclausule is hier ruim uitgelegd.",
            },
        ),
    ),
    "indienen": (
        H.INDIENEN,
        "afwijking.registreren",
        lambda a, u, w: services.submit_afwijking(afwijking=a, door=u),
    ),
    "goedkeuren": (
        H.GOEDKEUREN,
        "afwijking.beoordelen",
        lambda a, u, w: services.approve_afwijking(afwijking=a, door=u),
    ),
    "afwijzen": (
        H.AFWIJZEN,
        "afwijking.beoordelen",
        lambda a, u, w: services.reject_afwijking(
            afwijking=a, door=u, toelichting="Niet onbillijk genoeg."
        ),
    ),
    "afronden": (
        H.AFRONDEN,
        "afwijking.registreren",
        lambda a, u, w: services.close_afwijking(
            afwijking=a, door=u, uitkomst="De klant betaalt in termijnen terug."
        ),
    ),
    "intrekken": (
        H.INTREKKEN,
        "afwijking.registreren",
        lambda a, u, w: services.withdraw_afwijking(afwijking=a, door=u),
    ),
}


def test_every_move_is_in_the_matrix() -> None:
    assert {h for h, _, _ in ZETTEN.values()} == set(OVERGANGEN)


# The states, with a deviation above the organisation's threshold (2500 euro) as a state of its
# own: only there the bestuur alone may judge.
BOVEN_DREMPEL = "ter_beoordeling boven drempel"
STANDEN: list[str] = [*S, BOVEN_DREMPEL]


def _in_stand(stand: str, wereld: Wereld, registreer: Callable[..., Afwijking]) -> Afwijking:
    """A deviation in `stand`, reached through the services. The registrant is a handler, a
    role that may judge, so the four-eyes rule has someone to refuse."""
    bedrag = "4000" if stand == BOVEN_DREMPEL else "1200"
    afwijking = registreer(door=wereld.behandelaar, bedrag=bedrag)
    status = S.TER_BEOORDELING if stand == BOVEN_DREMPEL else S(stand)
    if status is not S.CONCEPT and status is not S.INGETROKKEN:
        services.submit_afwijking(afwijking=afwijking, door=wereld.behandelaar)
    if status in {S.GOEDGEKEURD, S.AFGEROND}:
        services.approve_afwijking(afwijking=afwijking, door=wereld.bestuur)
    if status is S.AFGEWEZEN:
        services.reject_afwijking(afwijking=afwijking, door=wereld.bestuur, toelichting="Nee.")
    if status is S.AFGEROND:
        services.close_afwijking(afwijking=afwijking, door=wereld.medewerker, uitkomst="Klaar.")
    if status is S.INGETROKKEN:
        services.withdraw_afwijking(afwijking=afwijking, door=wereld.behandelaar)
    afwijking.refresh_from_db()
    assert afwijking.status == status
    assert afwijking.bestuur_vereist is (stand == BOVEN_DREMPEL)
    return afwijking


def _personen(wereld: Wereld) -> list[Persoon]:
    return personen(
        [
            ("eigen", wereld.uitvoerder),
            ("andere", wereld.andere),
            ("ministerie", wereld.ministerie),
        ],
        eerst=[Persoon("registrant", wereld.behandelaar, wereld.uitvoerder, Rol.BEHANDELAAR)],
    )


def _ontwerp(p: Persoon, actie: str, wereld: Wereld) -> bool:
    """The design, written out by hand (policy comments, seed F2): professionals, handlers and
    the board of the own organisation register; handlers and the board judge. The ministry
    owning the rule and other executors never touch another organisation's cases."""
    if p.organisatie != wereld.uitvoerder:
        return False
    if actie == "afwijking.beoordelen":
        return p.rol in {Rol.BEHANDELAAR, Rol.BESTUUR}
    return p.rol in {Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR}


def _verwacht(p: Persoon, afwijking: Afwijking, zet: H, actie: str) -> type[Exception] | None:
    if not policy.allows(p.gebruiker, actie, afwijking):
        return PermissionDenied
    if actie == "afwijking.beoordelen" and (
        # Four eyes: never the registrant; above the threshold only the bestuur.
        p.gebruiker.pk == afwijking.geregistreerd_door_id
        or (afwijking.bestuur_vereist and p.rol != Rol.BESTUUR)
    ):
        return PermissionDenied
    if not is_toegestaan(zet, afwijking.status):
        return OngeldigeOvergang
    return None


def _stand(a: Afwijking) -> tuple[Any, ...]:
    """What a refused move must leave alone: the deviation's row and the audit log."""
    return (
        a.status,
        a.alternatief,
        a.perspectieven.juridisch_oordeel if a.perspectieven else None,
        a.ingediend_op,
        a.beoordeeld_door_id,
        a.uitkomst,
        AuditEvent.objects.count(),
    )


def _laad(pk: int) -> Afwijking:
    return Afwijking.objects.select_related("perspectieven").get(pk=pk)


@pytest.mark.parametrize("stand", STANDEN)
def test_every_person_every_state_every_move(
    wereld: Wereld, registreer: Callable[..., Afwijking], stand: str
) -> None:
    afwijking = _laad(_in_stand(stand, wereld, registreer).pk)
    voor = _stand(afwijking)
    personen = _personen(wereld)
    fouten: list[str] = []
    toegestaan = 0
    for naam, (zet, actie, maak) in ZETTEN.items():
        for p in personen:
            cel = f"{naam} / {p.label} / {stand}"
            if policy.allows(p.gebruiker, actie, afwijking) != _ontwerp(p, actie, wereld):
                fouten.append(f"{cel}: the policy disagrees with the design")
            verwacht = _verwacht(p, afwijking, zet, actie)
            # A savepoint per cell, rolled back: every cell starts from the same deviation.
            kreeg, na = probeer(
                partial(maak, afwijking, p.gebruiker, wereld),
                partial(_laad, afwijking.pk),
            )
            if kreeg is not verwacht:
                fouten.append(f"{cel}: {kreeg} instead of {verwacht}")
            elif verwacht is None:
                toegestaan += 1
                if na.status != OVERGANGEN[zet][S(afwijking.status)] or _stand(na) == voor:
                    fouten.append(f"{cel}: landed on {na.status}, or changed nothing")
            elif _stand(na) != voor:
                fouten.append(f"{cel}: a refusal changed something")
    assert fouten == []
    # Guards the guard: where the table allows a move, someone may make it.
    assert (toegestaan > 0) is any(afwijking.status in t for t in OVERGANGEN.values())
    assert Decimal("2500") == services.instelling(wereld.uitvoerder).bestuur_drempel

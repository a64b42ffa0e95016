"""Authorisation matrix with object state (issue 9 part 5): every role of the ministry, the
executor, another executor and another ministry x every state of an assignment (opdracht) x
every move of its table, generated from the policy table (`opdracht.*`, and `reactieverzoek.*`
for the moves that follow the request of a return) and the transition table
(`transitions.OPDRACHT`).

Two of the moves are the ministry's and the executor's own services (afronden, teruggeven); the
other three follow the response duty engine: the ministry answers the return, the executor
calls the answer insufficient or withdraws the return. An assignment's state therefore comes
with the state of its latest return's request, and the states below are the pairs that occur.

Expectation per cell: the policy refuses → PermissionDenied; else the engine's table refuses
→ the engine's OngeldigeOvergang; else the assignment's table refuses → for the engine's moves
beleid's OngeldigeOvergang (the whole move is rolled back), for beleid's own services a
ValidationError with the sentence for the form (complete_opdracht and return_opdracht turn the
refusal into one); else the move is made and lands on the table's target state. A refused move
changes nothing (the assignment, its returns, the request and the audit log). Independently of
the policy table, a hand-written line of the design must agree with it.

The decision steps of a proposal (transitions.STAP) follow in their own section below. The
uitvoeringstoets has no transition table (concept → gepubliceerd is a guard in publish_toets),
so it is not here. Each cell runs in a savepoint that is rolled back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.tests.matrix import Persoon, personen, probeer
from uitvoerbaar.responsplicht import services as rp
from uitvoerbaar.responsplicht import transitions as rp_transitions
from uitvoerbaar.responsplicht.constants import Handeling as RH
from uitvoerbaar.responsplicht.constants import Status as RS
from uitvoerbaar.responsplicht.models import Reactieverzoek

from .. import services
from ..constants import Betrokkenheidstatus, Stapstatus, Teruggavereden
from ..constants import Opdrachtstatus as O
from ..models import Beleidsvoorstel, Betrokkenheid, Opdracht, Teruggave
from ..transitions import OPDRACHT, STAP, OngeldigeOvergang, Opdrachthandeling
from .conftest import Wereld

pytestmark = pytest.mark.django_db

H = Opdrachthandeling


def _laatste_verzoek(opdracht: Opdracht) -> Reactieverzoek | None:
    teruggave = opdracht.teruggaven.order_by("-pk").first()
    return teruggave.verzoek if teruggave else None


def _teruggeven(o: Opdracht, u: Gebruiker, w: Wereld) -> Any:
    return services.return_opdracht(
        opdracht=o,
        door=u,
        reden=Teruggavereden.STRIJDIG,
        toelichting="Burgers met kleine fouten verliezen hun hele uitkering.",
        beginselen=[w.beginsel],
    )


def _leg_uit(v: Reactieverzoek, u: Gebruiker, w: Wereld) -> Any:
    return rp.answer_leg_uit(
        verzoek=v,
        door=u,
        redenen="De wet laat geen ruimte; een wetswijziging volgt.",
        beginselen=[w.beginsel],
        antwoorden=["Wij zoeken met u naar maatwerk in de tussentijd."],
    )


@dataclass(frozen=True)
class Zet:
    handeling: Opdrachthandeling
    # beleid's own move: its policy action; a move of the engine: its move and action.
    actie: str
    # (The engine's moves get the latest request; they are skipped where there is none.)
    maak: Callable[[Opdracht, Any, Gebruiker, Wereld], Any]
    engine: RH | None = None


ZETTEN: dict[str, Zet] = {
    "teruggeven": Zet(H.TERUGGEVEN, "opdracht.teruggeven", lambda o, v, u, w: _teruggeven(o, u, w)),
    "afronden": Zet(
        H.AFRONDEN,
        "opdracht.beheren",
        lambda o, v, u, w: services.complete_opdracht(opdracht=o, door=u),
    ),
    "antwoord": Zet(
        H.BEANTWOORD,
        "reactieverzoek.beantwoorden",
        lambda o, v, u, w: _leg_uit(v, u, w),
        RH.BEANTWOORDEN,
    ),
    "onvoldoende": Zet(
        H.BETWIST,
        "reactieverzoek.beoordelen",
        lambda o, v, u, w: rp.contest_answer(verzoek=v, door=u, reden="Maatwerk kan niet."),
        RH.BETWISTEN,
    ),
    "intrekken": Zet(
        H.INGETROKKEN,
        "reactieverzoek.beoordelen",
        lambda o, v, u, w: rp.withdraw(verzoek=v, door=u, reden="Opgelost in overleg."),
        RH.INTREKKEN,
    ),
}


def test_every_move_is_in_the_matrix() -> None:
    assert {z.handeling for z in ZETTEN.values()} == set(OPDRACHT)


# The states that occur: the assignment's, with its latest return's request.
STANDEN: dict[str, tuple[O, RS | None]] = {
    "actief, nooit teruggegeven": (O.ACTIEF, None),
    "opgeschort, teruggave open": (O.OPGESCHORT, RS.OPEN),
    "actief, gehandhaafd (leg uit)": (O.ACTIEF, RS.BEANTWOORD),
    "opgeschort, antwoord onvoldoende": (O.OPGESCHORT, RS.GEESCALEERD),
    "actief, teruggave ingetrokken": (O.ACTIEF, RS.INGETROKKEN),
    "afgerond na antwoord": (O.AFGEROND, RS.BEANTWOORD),
}


def _in_stand(naam: str, wereld: Wereld, maak_opdracht: Callable[..., Opdracht]) -> Opdracht:
    """An assignment in the state `naam`, reached through the services."""
    opdracht = maak_opdracht()
    if naam != "actief, nooit teruggegeven":
        verzoek = _teruggeven(opdracht, wereld.bestuur, wereld).verzoek
        if "antwoord" in naam or "gehandhaafd" in naam:
            _leg_uit(verzoek, wereld.top, wereld)
        if "onvoldoende" in naam:
            rp.contest_answer(verzoek=verzoek, door=wereld.bestuur, reden="Maatwerk kan niet.")
        if "ingetrokken" in naam:
            rp.withdraw(verzoek=verzoek, door=wereld.bestuur, reden="Opgelost in overleg.")
        if "afgerond" in naam:
            services.complete_opdracht(opdracht=opdracht, door=wereld.beleidsmaker)
    opdracht.refresh_from_db()
    verzoek_ = _laatste_verzoek(opdracht)
    assert (opdracht.status, verzoek_.status if verzoek_ else None) == STANDEN[naam]
    return opdracht


def _personen(wereld: Wereld) -> list[Persoon]:
    return personen(
        [
            ("ministerie", wereld.ministerie),
            ("uitvoerder", wereld.uitvoerder),
            ("andere uitvoerder", wereld.andere_uitvoerder),
            ("ander ministerie", wereld.ander_ministerie),
        ]
    )


def _ontwerp(p: Persoon, actie: str, verzoek: Reactieverzoek | None, wereld: Wereld) -> bool:
    """The design, written out by hand (DESIGN §3, "Teruggave opdracht"; seed P4): the
    ministry's policy officers finish an assignment; the executor's board hands it back and
    judges the answer; the ambtelijke top of the ministry answers, from the first escalation
    also the bewindspersoon. Nobody of another executor or ministry."""
    if actie == "opdracht.beheren":
        return p.organisatie == wereld.ministerie and p.rol == Rol.BELEIDSMAKER
    if actie in {"opdracht.teruggeven", "reactieverzoek.beoordelen"}:
        return p.organisatie == wereld.uitvoerder and p.rol == Rol.BESTUUR
    assert actie == "reactieverzoek.beantwoorden" and verzoek is not None
    rollen = {Rol.AMBTELIJKE_TOP} | ({Rol.BEWINDSPERSOON} if verzoek.niveau >= 1 else set())
    return p.organisatie == wereld.ministerie and p.rol in rollen


def _verwacht(
    p: Persoon, opdracht: Opdracht, verzoek: Reactieverzoek | None, zet: Zet
) -> type[Exception] | None:
    obj = opdracht if zet.engine is None else verzoek
    if not policy.allows(p.gebruiker, zet.actie, obj):
        return PermissionDenied
    if zet.engine is not None:
        assert verzoek is not None
        if not rp_transitions.is_toegestaan(zet.engine, RS(verzoek.status)):
            return rp_transitions.OngeldigeOvergang
    if O(opdracht.status) not in OPDRACHT[zet.handeling]:
        return ValidationError if zet.engine is None else OngeldigeOvergang
    return None


def _stand(o: Opdracht) -> tuple[Any, ...]:
    """What a refused move must leave alone: the assignment, its returns and their requests,
    and the audit log."""
    return (
        o.status,
        tuple(
            Teruggave.objects.filter(opdracht=o)
            .order_by("pk")
            .values_list("pk", "uitkomst", "verzoek__status", "verzoek__niveau")
        ),
        AuditEvent.objects.count(),
    )


@pytest.mark.parametrize("stand", list(STANDEN))
def test_every_person_every_state_every_move(
    wereld: Wereld, maak_opdracht: Callable[..., Opdracht], stand: str
) -> None:
    opdracht = _in_stand(stand, wereld, maak_opdracht)
    verzoek = _laatste_verzoek(opdracht)
    if verzoek is not None:
        verzoek = Reactieverzoek.objects.prefetch_related("verantwoordelijken").get(pk=verzoek.pk)
    voor = _stand(opdracht)
    personen = _personen(wereld)
    fouten: list[str] = []
    toegestaan = 0
    for naam, zet in ZETTEN.items():
        if zet.engine is not None and verzoek is None:
            continue  # never handed back: there is no request to answer, judge or withdraw
        for p in personen:
            cel = f"{naam} / {p.label} / {stand}"
            obj = opdracht if zet.engine is None else verzoek
            if policy.allows(p.gebruiker, zet.actie, obj) != _ontwerp(
                p, zet.actie, verzoek, wereld
            ):
                fouten.append(f"{cel}: the policy disagrees with the design")
            verwacht = _verwacht(p, opdracht, verzoek, zet)
            # A savepoint per cell, rolled back: every cell starts from the same assignment.
            kreeg, na = probeer(
                partial(zet.maak, opdracht, verzoek, p.gebruiker, wereld),
                partial(Opdracht.objects.get, pk=opdracht.pk),
            )
            if kreeg is not verwacht:
                fouten.append(f"{cel}: {kreeg} instead of {verwacht}")
            elif verwacht is None:
                toegestaan += 1
                if na.status != OPDRACHT[zet.handeling][O(opdracht.status)]:
                    fouten.append(f"{cel}: landed on {na.status}")
            elif _stand(na) != voor:
                fouten.append(f"{cel}: a refusal changed something")
    assert fouten == []
    # Guards the guard: a running assignment can be handed back or finished, a suspended one
    # answered; only a finished one lets nobody move.
    assert (toegestaan > 0) is (opdracht.status != O.AFGEROND)


# --- decision steps -----------------------------------------------------------------------------
# The step table (transitions.STAP) moves a proposal on: the step under way closes and the next
# planned one starts. Its gate (a key step closes only with every named organisation's input or
# a published explanation) and the explanation itself are guarded by the services; a refusal
# there is a ValidationError with the sentence for the form.

STAPPEN = [("Verkenning", False), ("Probleemanalyse", True)]

STAPSTANDEN = [
    "verkenning bezig",
    "sleutelstap bezig, inbreng ontbreekt",
    "sleutelstap bezig, zonder inbreng uitgelegd",
    "alle stappen afgerond",
]


def _voorstel_in_stand(
    naam: str, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> Beleidsvoorstel:
    """A proposal of two steps (the second a key step naming the executor) in the state
    `naam`, reached through the services."""
    voorstel = maak_voorstel(betrokken=[wereld.uitvoerder], stappen=STAPPEN)
    if naam != "verkenning bezig":
        services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    if naam in {"sleutelstap bezig, zonder inbreng uitgelegd", "alle stappen afgerond"}:
        services.explain_zonder_inbreng(
            betrokkenheid=_betrokkenheid(voorstel), door=wereld.beleidsmaker, uitleg="Haast."
        )
    if naam == "alle stappen afgerond":
        services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    return voorstel


def _betrokkenheid(voorstel: Beleidsvoorstel) -> Betrokkenheid:
    return Betrokkenheid.objects.get(stap__voorstel=voorstel, stap__sleutelstap=True)


def _stappen(voorstel: Beleidsvoorstel) -> tuple[Any, ...]:
    """What a refused move must leave alone: the steps, the involvement and the audit log."""
    return (
        tuple(voorstel.stappen.order_by("volgorde").values_list("status", flat=True)),
        _betrokkenheid(voorstel).status,
        AuditEvent.objects.count(),
    )


STAPZETTEN: dict[str, Callable[[Beleidsvoorstel, Gebruiker], Any]] = {
    "volgende stap": lambda v, u: services.advance_stap(voorstel=v, door=u),
    "zonder inbreng": lambda v, u: services.explain_zonder_inbreng(
        betrokkenheid=_betrokkenheid(v), door=u, uitleg="De Kamer wil snelheid."
    ),
}


def _stap_mag(naam: str, voorstel: Beleidsvoorstel) -> bool:
    """The state guard, written out: a step under way moves on when it is no key step or has
    every input or explanation; an explanation is given at the step under way, once."""
    huidig = voorstel.stappen.filter(status=Stapstatus.ACTIEF).first()
    b = _betrokkenheid(voorstel)
    if naam == "volgende stap":
        return huidig is not None and (
            not huidig.sleutelstap or b.status != Betrokkenheidstatus.GEVRAAGD
        )
    return b.stap_id == getattr(huidig, "pk", None) and b.status == Betrokkenheidstatus.GEVRAAGD


@pytest.mark.parametrize("stand", STAPSTANDEN)
def test_every_person_every_step_state_every_move(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel], stand: str
) -> None:
    voorstel = _voorstel_in_stand(stand, wereld, maak_voorstel)
    voor = _stappen(voorstel)
    personen = _personen(wereld)
    fouten: list[str] = []
    toegestaan = 0
    for naam, maak in STAPZETTEN.items():
        for p in personen:
            cel = f"{naam} / {p.label} / {stand}"
            mag = policy.allows(p.gebruiker, "beleidsvoorstel.beheren", voorstel)
            # The design: the policy officers of the ministry owning the proposal, nobody else.
            if mag != (p.organisatie == wereld.ministerie and p.rol == Rol.BELEIDSMAKER):
                fouten.append(f"{cel}: the policy disagrees with the design")
            verwacht: type[Exception] | None = None
            if not mag:
                verwacht = PermissionDenied
            elif not _stap_mag(naam, voorstel):
                verwacht = ValidationError
            kreeg, na = probeer(partial(maak, voorstel, p.gebruiker), partial(_stappen, voorstel))
            if kreeg is not verwacht:
                fouten.append(f"{cel}: {kreeg} instead of {verwacht}")
            elif verwacht is None:
                toegestaan += 1
                if naam == "volgende stap":
                    # The step under way closes, the next planned one starts (the table).
                    i = list(voor[0]).index(Stapstatus.ACTIEF)
                    verwacht_stappen = list(voor[0])
                    verwacht_stappen[i] = STAP[Stapstatus.ACTIEF]
                    if i + 1 < len(verwacht_stappen):
                        verwacht_stappen[i + 1] = STAP[Stapstatus.GEPLAND]
                    if list(na[0]) != verwacht_stappen:
                        fouten.append(f"{cel}: steps {na[0]}")
                elif na[1] != Betrokkenheidstatus.ZONDER:
                    fouten.append(f"{cel}: involvement {na[1]}")
            elif na != voor:
                fouten.append(f"{cel}: a refusal changed something")
    assert fouten == []
    assert (toegestaan > 0) is (stand != "alle stappen afgerond")

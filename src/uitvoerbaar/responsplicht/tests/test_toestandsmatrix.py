"""Authorisation matrix with object state (issue 9 part 5): every role of the recipient, of
another executive organisation and of the owner ministry (the next level of the ladder), and
the requester, x every state of a request x every move a person makes, generated from the
policy table (`reactieverzoek.*`) and the transition table (`transitions.OVERGANGEN`).

Expectation per cell: the policy refuses → PermissionDenied; else the table refuses →
OngeldigeOvergang; else the move is made and lands on the table's target state. A refused move
changes nothing (the request, its answers and checks, its audit trail). Independently of the
policy table, a hand-written line of the design (who answers, who judges) must agree with it.

Each cell runs in a savepoint that is rolled back, so every cell starts from the same request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.tests.matrix import Persoon, personen, probeer
from uitvoerbaar.kennisbank.models import Beginsel

from .. import services
from ..constants import Handeling as H
from ..constants import Status as S
from ..models import Reactieverzoek
from ..transitions import OVERGANGEN, OngeldigeOvergang, doel, is_toegestaan
from .conftest import Wereld

pytestmark = pytest.mark.django_db

# A move of a person, as the service call that makes it, with the policy action it needs.
Zet = Callable[[Reactieverzoek, Gebruiker, Beginsel], Any]


def _leg_uit(v: Reactieverzoek, u: Gebruiker, b: Beginsel) -> Any:
    return services.answer_leg_uit(
        verzoek=v,
        door=u,
        redenen="De wet laat geen ruimte.",
        beginselen=[b],
        antwoorden=["Dat klopt, maar de wet is dwingend.", "Niet voor dit artikel."],
    )


ZETTEN: dict[str, tuple[H, str, Zet]] = {
    "pas toe": (
        H.BEANTWOORDEN,
        "reactieverzoek.beantwoorden",
        lambda v, u, b: services.answer_pas_toe(
            verzoek=v,
            door=u,
            maatregel="We stoppen de automatische terugvordering.",
            eigenaar="Directie Uitvoering",
            datum=services.vandaag() + dt.timedelta(days=30),
        ),
    ),
    "leg uit": (H.BEANTWOORDEN, "reactieverzoek.beantwoorden", _leg_uit),
    "aanvaarden": (
        H.ACCEPTEREN,
        "reactieverzoek.beoordelen",
        lambda v, u, b: services.accept_answer(verzoek=v, door=u),
    ),
    "onvoldoende": (
        H.BETWISTEN,
        "reactieverzoek.beoordelen",
        lambda v, u, b: services.contest_answer(verzoek=v, door=u, reden="Geen antwoord op 2."),
    ),
    "opschorten": (
        H.OPSCHORTEN,
        "reactieverzoek.termijn",
        lambda v, u, b: services.suspend(verzoek=v, door=u, reden="Wacht op gegevens."),
    ),
    "hervatten": (
        H.HERVATTEN,
        "reactieverzoek.termijn",
        lambda v, u, b: services.resume(verzoek=v, door=u),
    ),
    "verlengen": (
        H.VERLENGEN,
        "reactieverzoek.termijn",
        lambda v, u, b: services.extend(verzoek=v, door=u, dagen=3, reden="Meer tijd nodig."),
    ),
    "intrekken": (
        H.INTREKKEN,
        "reactieverzoek.beoordelen",
        lambda v, u, b: services.withdraw(verzoek=v, door=u, reden="Niet meer nodig."),
    ),
}


def test_every_move_of_a_person_is_in_the_matrix() -> None:
    """Letting the term pass and escalating are the sweep's moves (no acting person, tested in
    test_sweep); escalation after an answer called insufficient is here, inside "onvoldoende".
    Every other move of the table is here."""
    assert {h for h, _, _ in ZETTEN.values()} == set(OVERGANGEN) - {H.LATEN_VERLOPEN, H.ESCALEREN}


def _na_termijn(verzoek: Reactieverzoek) -> str | None:
    """Run the sweep for this request on the day after its deadline."""
    verzoek.refresh_from_db()
    return services.process_due_request(
        verzoek_id=verzoek.pk, vandaag_=verzoek.uiterste_datum + dt.timedelta(days=1)
    )


def _in_stand(
    status: S, wereld: Wereld, maak_verzoek: Callable[..., Reactieverzoek], beginsel: Beginsel
) -> Reactieverzoek:
    """A request in `status`, reached through the services as it happens in use. VERLOPEN and
    BETWIST last only at the top of the ladder (lower down the sweep or the contest escalates
    at once), so those requests climb the one level of the kind first."""
    verzoek = maak_verzoek()
    if status in {S.GEESCALEERD, S.VERLOPEN, S.BETWIST}:
        assert _na_termijn(verzoek) == "geescaleerd"
    if status is S.VERLOPEN:
        assert _na_termijn(verzoek) == "verlopen"
    if status is S.OPGESCHORT:
        services.suspend(verzoek=verzoek, door=wereld.bestuur, reden="Wacht op gegevens.")
    if status in {S.BEANTWOORD, S.GEACCEPTEERD, S.BETWIST}:
        verzoek.refresh_from_db()
        _leg_uit(verzoek, wereld.top if verzoek.niveau else wereld.bestuur, beginsel)
    if status is S.GEACCEPTEERD:
        services.accept_answer(verzoek=verzoek, door=wereld.medewerker)
    if status is S.BETWIST:
        services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden="Te vaag.")
    if status is S.INGETROKKEN:
        services.withdraw(verzoek=verzoek, door=wereld.medewerker, reden="Niet meer nodig.")
    verzoek.refresh_from_db()
    assert verzoek.status == status
    return verzoek


def _personen(wereld: Wereld) -> list[Persoon]:
    return personen(
        [
            ("eigen", wereld.uitvoerder),
            ("andere", wereld.andere),
            ("ministerie", wereld.ministerie),
        ],
        eerst=[Persoon("vrager", wereld.medewerker, wereld.uitvoerder, Rol.MEDEWERKER, True)],
    )


def _ontwerp(p: Persoon, actie: str, verzoek: Reactieverzoek, wereld: Wereld) -> bool:
    """The design, written out by hand (DESIGN §3, the response duty): the board of the
    recipient answers and runs the clock, and from level 1 also the ambtelijke top of its
    owner ministry; only the requester judges the answer or withdraws. Nobody else."""
    if actie == "reactieverzoek.beoordelen":
        return p.vrager
    return (p.organisatie == wereld.uitvoerder and p.rol == Rol.BESTUUR) or (
        verzoek.niveau >= 1 and p.organisatie == wereld.ministerie and p.rol == Rol.AMBTELIJKE_TOP
    )


def _verwacht(p: Persoon, verzoek: Reactieverzoek, zet: H, actie: str) -> type[Exception] | None:
    if not policy.allows(p.gebruiker, actie, verzoek):
        return PermissionDenied
    if not is_toegestaan(zet, S(verzoek.status)):
        return OngeldigeOvergang
    return None


def _laad(pk: int) -> Reactieverzoek:
    return (
        Reactieverzoek.objects.select_related("soort")
        .prefetch_related("verantwoordelijken")
        .get(pk=pk)
    )


def _stand(v: Reactieverzoek) -> tuple[Any, ...]:
    """What a refused move must leave alone: the request's row, its answers (a follow-up
    check comes only with an answer) and the audit log. Cheaper than conftest's Ongewijzigd,
    which this matrix would call over a thousand times."""
    return (
        v.status,
        v.niveau,
        v.uiterste_datum,
        v.verlengd,
        v.opgeschort_sinds,
        v.resterende_dagen,
        v.onvoldoende_gemeld,
        v.verantwoordelijke_organisatie_id,
        len(v.verantwoordelijken.all()),
        tuple(v.reacties.values_list("pk", "aanvaard")),
        AuditEvent.objects.count(),
    )


def _doelstand(verzoek: Reactieverzoek, zet: H) -> S:
    nieuw = doel(zet, S(verzoek.status), niveau=verzoek.niveau)
    if zet is H.BETWISTEN and verzoek.niveau < verzoek.soort.niveaus.count():
        # An answer called insufficient climbs the ladder at once when it has a level left.
        return doel(H.ESCALEREN, nieuw, niveau=verzoek.niveau + 1)
    return nieuw


@pytest.mark.parametrize("status", list(S))
def test_every_person_every_state_every_move(
    wereld: Wereld,
    maak_verzoek: Callable[..., Reactieverzoek],
    beginsel: Beginsel,
    status: S,
) -> None:
    verzoek = _laad(_in_stand(status, wereld, maak_verzoek, beginsel).pk)
    voor = _stand(verzoek)
    personen = _personen(wereld)
    fouten: list[str] = []
    toegestaan = 0
    for naam, (zet, actie, maak) in ZETTEN.items():
        for p in personen:
            cel = f"{naam} / {p.label} / {status}"
            if policy.allows(p.gebruiker, actie, verzoek) != _ontwerp(p, actie, verzoek, wereld):
                fouten.append(f"{cel}: the policy disagrees with the design")
            verwacht = _verwacht(p, verzoek, zet, actie)
            # A savepoint per cell, rolled back: an allowed move is undone, so every cell
            # starts from the same request (and `verzoek`, `voor` stay true).
            kreeg, na = probeer(
                partial(maak, verzoek, p.gebruiker, beginsel),
                partial(_laad, verzoek.pk),
            )
            if kreeg is not verwacht:
                fouten.append(f"{cel}: {kreeg} instead of {verwacht}")
            elif verwacht is None:
                toegestaan += 1
                if na.status != _doelstand(verzoek, zet):
                    fouten.append(f"{cel}: landed on {na.status}")
            elif _stand(na) != voor:
                fouten.append(f"{cel}: a refusal changed something")
    assert fouten == []
    # Guards the guard: where the table lets a person move, someone may. (At the top of the
    # ladder a contested request waits for nobody: only the sweep publishes it.)
    assert (toegestaan > 0) is any(status in OVERGANGEN[h] for h, _, _ in ZETTEN.values())

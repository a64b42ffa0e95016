"""Authorisation matrix with object state (issue 9 part 5), for contactmomenten and kamervragen.

Contactmomenten: every role of the parliament, another parliament, the taking-part executor,
another executor and a ministry, and a named participant x every state of a moment x every
move, generated from the policy table (`contactmoment.beheren`) and the transition table
(`transitions.CONTACTMOMENT`). The table has two moves (houden, annuleren); the moves on the
report (verslag schrijven, publiceren) and changing the planning follow the state too, by
guards in their services, so they are in the matrix with those guards written out here.
Expectation per cell: the policy refuses → PermissionDenied; else the table or the state guard
refuses → ValidationError (the services turn the table's refusal into the sentence for the
form); else the move is made and lands on the table's target state (the report moves keep it).

Kamervragen: see the section below; the moves are the response duty engine's.

A refused move changes nothing (the object and the audit log). Independently of the policy
table, a hand-written line of the design must agree with it. Each cell runs in a savepoint
that is rolled back, so every cell starts from the same object."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import ROLLEN_PER_SOORT, Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.core.tests.matrix import Persoon, personen, probeer
from uitvoerbaar.responsplicht import services as rp
from uitvoerbaar.responsplicht import transitions as rp_transitions
from uitvoerbaar.responsplicht.constants import Handeling as RH
from uitvoerbaar.responsplicht.constants import Status as RS
from uitvoerbaar.responsplicht.models import Reactieverzoek

from .. import services
from ..constants import Contacthandeling as C
from ..constants import Contactstatus as CS
from ..constants import Kamervraagstatus as K
from ..models import Contactmoment, Kamervraag
from ..transitions import (
    CONTACTMOMENT,
    KAMERVRAAG,
    OngeldigeOvergang,
    contactmoment_mag,
    kamervraag_doel,
)
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


def _personen(wereld: Wereld) -> list[Persoon]:
    # A participant named on the moment (a handler of the executor) sees it, never manages it.
    return personen(
        [
            ("kamer", wereld.kamer),
            ("andere kamer", wereld.andere_kamer),
            ("uitvoerder", wereld.uitvoerder),
            ("andere uitvoerder", wereld.andere_uitvoerder),
            ("ministerie", wereld.ministerie),
        ],
        eerst=[Persoon("deelnemer", wereld.behandelaar, wereld.uitvoerder, Rol.BEHANDELAAR)],
    )


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
            kreeg, na = probeer(
                partial(zet.maak, moment, p.gebruiker, wereld),
                partial(_laad, moment.pk),
            )
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
    assert fouten == []
    # Guards the guard: only a cancelled moment and one whose report is public are still.
    assert (toegestaan > 0) is (stand not in {"geannuleerd", "gehouden, verslag openbaar"})


# --- kamervragen --------------------------------------------------------------------------------
# A question follows its request on the response duty engine (transitions.KAMERVRAAG): every
# move is the engine's, made by a person of the parliament or the executor. The engine's own
# matrix (responsplicht) covers its table; this one covers who may make each move on a
# question, and that the question's table follows (or refuses, rolling the move back).


def _leg_uit(v: Reactieverzoek, u: Gebruiker, w: Wereld) -> Any:
    return rp.answer_leg_uit(
        verzoek=v, door=u, redenen="De wet laat geen ruimte.", beginselen=[w.beginsel]
    )


VRAAGZETTEN: dict[str, tuple[RH, str, Callable[[Reactieverzoek, Gebruiker, Wereld], Any]]] = {
    "pas toe": (
        RH.BEANTWOORDEN,
        "reactieverzoek.beantwoorden",
        lambda v, u, w: rp.answer_pas_toe(
            verzoek=v,
            door=u,
            maatregel="We passen de werkinstructie aan.",
            eigenaar="Afdeling Uitvoering",
            datum=rp.vandaag() + dt.timedelta(days=30),
        ),
    ),
    "leg uit": (RH.BEANTWOORDEN, "reactieverzoek.beantwoorden", _leg_uit),
    "aanvaarden": (
        RH.ACCEPTEREN,
        "reactieverzoek.beoordelen",
        lambda v, u, w: rp.accept_answer(verzoek=v, door=u),
    ),
    "onvoldoende": (
        RH.BETWISTEN,
        "reactieverzoek.beoordelen",
        lambda v, u, w: rp.contest_answer(verzoek=v, door=u, reden="Geen cijfers."),
    ),
    "opschorten": (
        RH.OPSCHORTEN,
        "reactieverzoek.termijn",
        lambda v, u, w: rp.suspend(verzoek=v, door=u, reden="Wacht op cijfers."),
    ),
    "hervatten": (
        RH.HERVATTEN,
        "reactieverzoek.termijn",
        lambda v, u, w: rp.resume(verzoek=v, door=u),
    ),
    "verlengen": (
        RH.VERLENGEN,
        "reactieverzoek.termijn",
        lambda v, u, w: rp.extend(verzoek=v, door=u, dagen=3, reden="Meer tijd nodig."),
    ),
    "intrekken": (
        RH.INTREKKEN,
        "reactieverzoek.beoordelen",
        lambda v, u, w: rp.withdraw(verzoek=v, door=u, reden="Al besproken."),
    ),
}


def test_every_move_of_a_question_made_by_a_person_is_in_the_matrix() -> None:
    """Letting the term pass and escalating are the sweep's (no person; the states they lead
    to are built below through the sweep itself)."""
    assert {h for h, _, _ in VRAAGZETTEN.values()} == set(KAMERVRAAG) - {
        RH.LATEN_VERLOPEN,
        RH.ESCALEREN,
    }


def _na_termijn(verzoek: Reactieverzoek) -> str | None:
    verzoek.refresh_from_db()
    return rp.process_due_request(
        verzoek_id=verzoek.pk, vandaag_=verzoek.uiterste_datum + dt.timedelta(days=1)
    )


# The states of a question, with the state of its request (reached through the services and
# the sweep: ONBEANTWOORD and ONVOLDOENDE last only at the top of the ladder, the board).
VRAAGSTANDEN: dict[str, tuple[K, RS]] = {
    "gesteld": (K.GESTELD, RS.OPEN),
    "gesteld, opgeschort": (K.GESTELD, RS.OPGESCHORT),
    "gesteld, bij het bestuur": (K.GESTELD, RS.GEESCALEERD),
    "onbeantwoord": (K.ONBEANTWOORD, RS.VERLOPEN),
    "beantwoord": (K.BEANTWOORD, RS.BEANTWOORD),
    "aanvaard": (K.AANVAARD, RS.GEACCEPTEERD),
    "onvoldoende": (K.ONVOLDOENDE, RS.BETWIST),
    "ingetrokken": (K.INGETROKKEN, RS.INGETROKKEN),
}


def _vraag_in_stand(naam: str, wereld: Wereld, maak_vraag: Callable[..., Kamervraag]) -> Kamervraag:
    vraag = maak_vraag()
    verzoek = vraag.verzoek
    assert verzoek is not None
    if naam in {"gesteld, bij het bestuur", "onbeantwoord", "onvoldoende"}:
        assert _na_termijn(verzoek) == "geescaleerd"
    if naam == "onbeantwoord":
        assert _na_termijn(verzoek) == "verlopen"
    if naam == "gesteld, opgeschort":
        rp.suspend(verzoek=verzoek, door=wereld.behandelaar, reden="Wacht op cijfers.")
    if naam in {"beantwoord", "aanvaard", "onvoldoende"}:
        verzoek.refresh_from_db()
        _leg_uit(verzoek, wereld.bestuur if verzoek.niveau else wereld.behandelaar, wereld)
    if naam == "aanvaard":
        rp.accept_answer(verzoek=verzoek, door=wereld.griffie)
    if naam == "onvoldoende":
        rp.contest_answer(verzoek=verzoek, door=wereld.kamerlid, reden="Geen cijfers.")
    if naam == "ingetrokken":
        rp.withdraw(verzoek=verzoek, door=wereld.kamerlid, reden="Al besproken.")
    vraag.refresh_from_db()
    verzoek.refresh_from_db()
    assert (vraag.status, verzoek.status) == VRAAGSTANDEN[naam]
    return vraag


def _vraag_personen(wereld: Wereld) -> list[Persoon]:
    personen = [Persoon("vrager", wereld.kamerlid, wereld.kamer, Rol.KAMERLID)]
    for naam, org in (
        ("kamer", wereld.kamer),
        ("andere kamer", wereld.andere_kamer),
        ("uitvoerder", wereld.uitvoerder),
        ("andere uitvoerder", wereld.andere_uitvoerder),
    ):
        for rol in sorted(ROLLEN_PER_SOORT[org.soort]):
            personen.append(Persoon(f"{rol} {naam}", persoon_met_rol(rol, org), org, rol))
    return personen


def _vraag_ontwerp(p: Persoon, actie: str, verzoek: Reactieverzoek, wereld: Wereld) -> bool:
    """The design, written out by hand (DESIGN §3, "Kamervraag aan uitvoerder"): the executor's
    handlers answer and run the clock, from the escalation also its board; the clerk of the
    asking parliament and the member who asked judge the answer or withdraw the question."""
    if actie == "reactieverzoek.beoordelen":
        return p.label == "vrager" or (p.organisatie == wereld.kamer and p.rol == Rol.GRIFFIE)
    rollen = {Rol.BEHANDELAAR} | ({Rol.BESTUUR} if verzoek.niveau >= 1 else set())
    return p.organisatie == wereld.uitvoerder and p.rol in rollen


def _vraag_stand(v: Kamervraag, r: Reactieverzoek) -> tuple[Any, ...]:
    return (
        v.status,
        v.beantwoord_op,
        r.status,
        r.niveau,
        r.uiterste_datum,
        r.verlengd,
        tuple(r.reacties.values_list("pk", "aanvaard")),
        AuditEvent.objects.count(),
    )


def _laad_verzoek(pk: int) -> Reactieverzoek:
    return (
        Reactieverzoek.objects.select_related("soort")
        .prefetch_related("verantwoordelijken")
        .get(pk=pk)
    )


@pytest.mark.parametrize("stand", list(VRAAGSTANDEN))
def test_every_person_every_state_of_a_question_every_move(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag], stand: str
) -> None:
    vraag = _vraag_in_stand(stand, wereld, maak_vraag)
    assert vraag.verzoek_id is not None
    verzoek = _laad_verzoek(vraag.verzoek_id)
    voor = _vraag_stand(vraag, verzoek)
    personen = _vraag_personen(wereld)
    fouten: list[str] = []
    toegestaan = 0
    for naam, (zet, actie, maak) in VRAAGZETTEN.items():
        for p in personen:
            cel = f"{naam} / {p.label} / {stand}"
            mag = policy.allows(p.gebruiker, actie, verzoek)
            if mag != _vraag_ontwerp(p, actie, verzoek, wereld):
                fouten.append(f"{cel}: the policy disagrees with the design")
            verwacht: type[Exception] | None = None
            if not mag:
                verwacht = PermissionDenied
            elif not rp_transitions.is_toegestaan(zet, RS(verzoek.status)):
                verwacht = rp_transitions.OngeldigeOvergang
            elif K(vraag.status) not in KAMERVRAAG[zet]:
                verwacht = OngeldigeOvergang
            # A savepoint per cell, rolled back: every cell starts from the same question.
            kreeg, na = probeer(
                partial(maak, verzoek, p.gebruiker, wereld),
                partial(Kamervraag.objects.get, pk=vraag.pk),
            )
            if kreeg is not verwacht:
                fouten.append(f"{cel}: {kreeg} instead of {verwacht}")
            elif verwacht is None:
                toegestaan += 1
                doel = kamervraag_doel(zet, K(vraag.status))
                if zet is RH.BETWISTEN and verzoek.niveau < verzoek.soort.niveaus.count():
                    doel = kamervraag_doel(RH.ESCALEREN, doel)  # to the board at once
                if na.status != doel:
                    fouten.append(f"{cel}: landed on {na.status}")
            elif _vraag_stand(na, _laad_verzoek(verzoek.pk)) != voor:
                fouten.append(f"{cel}: a refusal changed something")
    assert fouten == []
    # Guards the guard: where the engine lets a person move, someone may.
    assert (toegestaan > 0) is any(
        verzoek.status in rp_transitions.OVERGANGEN[h] for h, _, _ in VRAAGZETTEN.values()
    )

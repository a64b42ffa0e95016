"""A Hypothesis state machine of the response duty engine: requests are made, answered (pas toe,
leg uit), accepted, called insufficient, suspended, resumed, extended and withdrawn in any
order, while the calendar moves on and the sweep runs. After every step:

- no request is lost: each is answered, accepted, contested or withdrawn; or open or
  escalated with a deadline of today or later; or suspended; or expired at the last level of
  its ladder (published silence);
- every state change has its audit event: replaying the events' from/to states of a request
  ends in its current state, and each event starts where the previous one ended;
- a move the engine refuses changes nothing, and the engine refuses exactly what the
  transition table and the rules of the issue forbid;
- a second sweep the same day does nothing, and the audit chain verifies.

Each example runs inside a savepoint that is rolled back at the end, so examples start from
the same small world."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.audit.verification import verify_chain
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import services
from uitvoerbaar.responsplicht.constants import (
    Antwoordsoort,
    Controlestatus,
    OrganisatieBron,
    Status,
)
from uitvoerbaar.responsplicht.models import (
    Controle,
    Reactie,
    Reactieverzoek,
    Soort,
)
from uitvoerbaar.responsplicht.sweep import process_deadlines
from uitvoerbaar.responsplicht.transitions import OngeldigeOvergang

from .conftest import Wereld
from .factories import SoortFactory

pytestmark = pytest.mark.django_db

START = dt.datetime(2027, 3, 1, 10, tzinfo=dt.UTC)
AFGEROND = {Status.BEANTWOORD, Status.GEACCEPTEERD, Status.BETWIST, Status.INGETROKKEN}
LOPEND = {Status.OPEN, Status.GEESCALEERD}
# Days that pass before a move (and the sweep that runs then): mostly none.
STAP = st.sampled_from([0, 0, 0, 1, 2, 4])


@dataclass(frozen=True)
class Soortkeuze:
    soort: Soort
    ontvanger_rol: str
    niveaus: int


def _soorten() -> list[Soortkeuze]:
    een_trede = SoortFactory.create(code="hyp-een-trede")  # 5 days, reminder 2, +5, top 10 days
    zonder = SoortFactory.create(
        code="hyp-zonder-ladder",
        termijn_aantal=3,
        herinneringen=[1],
        max_verlenging_dagen=0,
        niveaus=[],
    )
    twee = SoortFactory.create(
        code="hyp-twee-treden",
        termijn_aantal=4,
        herinneringen=[3, 1],
        max_verlenging_dagen=3,
        niveaus=[
            ("Bestuur", OrganisatieBron.ONTVANGER, Rol.BESTUUR, 2),
            ("Ambtelijke top", OrganisatieBron.EIGENAAR_MINISTERIE, Rol.AMBTELIJKE_TOP, 3),
        ],
    )
    return [
        Soortkeuze(een_trede, Rol.BESTUUR, 1),
        Soortkeuze(zonder, Rol.BESTUUR, 0),
        Soortkeuze(twee, Rol.BEHANDELAAR, 2),
    ]


def maak_machine(wereld: Wereld, beginsel: Beginsel, soorten: list[Soortkeuze]) -> type:
    per_rol: dict[str, Gebruiker] = {
        Rol.BESTUUR: wereld.bestuur,
        Rol.AMBTELIJKE_TOP: wereld.top,
        Rol.BEHANDELAAR: wereld.behandelaar,
    }
    niveaus_van = {k.soort.pk: k.niveaus for k in soorten}

    class Responsplicht(RuleBasedStateMachine):
        verzoeken = Bundle("verzoeken")
        # Requests a move just succeeded on: the next moves draw from these more often, so
        # runs reach the later states (contested, resumed) and not only refusals.
        beantwoord = Bundle("beantwoord")
        opgeschort = Bundle("opgeschort")

        def __init__(self) -> None:
            super().__init__()
            self._savepoint = transaction.atomic()
            self._savepoint.__enter__()
            self._reis = time_machine.travel(START, tick=False)
            self._tijd = self._reis.start()
            self.vandaag = START.date()
            self.ids: list[int] = []

        def teardown(self) -> None:
            try:
                if self.ids:
                    assert verify_chain().ok
            finally:
                self._reis.stop()
                transaction.set_rollback(True)
                self._savepoint.__exit__(None, None, None)

        # --- helpers ---

        def _verzoek(self, pk: int) -> Reactieverzoek:
            return Reactieverzoek.objects.select_related("soort").get(pk=pk)

        def _aantal_events(self, pk: int) -> int:
            return AuditEvent.objects.filter(
                object_type="responsplicht.reactieverzoek", object_id=str(pk)
            ).count()

        def _zet(
            self,
            naam: str,
            pk: int,
            toegestaan: bool,
            actie: Any,
            verwacht: Status | None = None,
        ) -> bool:
            """Run a move; it must succeed exactly when allowed, and a refusal changes
            nothing (state, deadline, audit trail)."""
            voor = self._verzoek(pk)
            events = self._aantal_events(pk)
            try:
                actie(voor)
            except (OngeldigeOvergang, ValidationError):
                event(f"{naam}: geweigerd")
                na = self._verzoek(pk)
                assert not toegestaan, f"refused but allowed from {voor.status}"
                assert (na.status, na.uiterste_datum, na.niveau, na.verlengd) == (
                    voor.status,
                    voor.uiterste_datum,
                    voor.niveau,
                    voor.verlengd,
                )
                assert self._aantal_events(pk) == events
                return False
            assert toegestaan, f"allowed from {voor.status}, but the table forbids it"
            event(f"{naam}: gelukt")
            assert self._aantal_events(pk) > events
            if verwacht is not None:
                assert self._verzoek(pk).status == verwacht
            return True

        def _verantwoordelijke(self, verzoek: Reactieverzoek) -> Gebruiker:
            return per_rol[verzoek.verantwoordelijke_rol]

        # --- rules ---

        @initialize(target=verzoeken)
        def een_van_elke_soort(self) -> Any:
            # Hypothesis switches rules off at random per example (swarm testing); these
            # requests make sure even a run of only sweeps has something to move.
            return multiple(*(self._maak(keuze) for keuze in soorten))

        @rule(target=verzoeken, keuze=st.sampled_from(soorten), stap=STAP)
        def maak(self, keuze: Soortkeuze, stap: int) -> int:
            self._verder(stap)
            return self._maak(keuze)

        def _maak(self, keuze: Soortkeuze) -> int:
            verzoek = services.create_reactieverzoek(
                soort=keuze.soort,
                onderwerp=services.Onderwerp(type="test.casus", id="1", titel="Casus"),
                vraag="Stop de automatische terugvordering bij kleine fouten.",
                argumenten=["Het raakt vooral mensen met schulden."],
                door=wereld.medewerker,
                verzoeker_organisatie=wereld.uitvoerder,
                ontvanger_organisatie=wereld.uitvoerder,
                ontvanger_rol=keuze.ontvanger_rol,
            )
            assert verzoek.uiterste_datum > self.vandaag
            self.ids.append(verzoek.pk)
            return verzoek.pk

        @rule(
            target=beantwoord, pk=verzoeken, over=st.integers(min_value=0, max_value=20), stap=STAP
        )
        def pas_toe(self, pk: int, over: int, stap: int) -> Any:
            self._verder(stap)
            verzoek = self._verzoek(pk)
            gelukt = self._zet(
                "pas_toe",
                pk,
                verzoek.status in {Status.OPEN, Status.GEESCALEERD, Status.VERLOPEN},
                lambda v: services.answer_pas_toe(
                    verzoek=v,
                    door=self._verantwoordelijke(v),
                    maatregel="Wij passen de werkwijze aan.",
                    eigenaar="Directeur Uitvoering",
                    datum=self.vandaag + dt.timedelta(days=over),
                ),
                Status.BEANTWOORD,
            )
            return pk if gelukt else multiple()

        @rule(target=beantwoord, pk=verzoeken, stap=STAP)
        def leg_uit(self, pk: int, stap: int) -> Any:
            self._verder(stap)
            verzoek = self._verzoek(pk)
            gelukt = self._zet(
                "leg_uit",
                pk,
                verzoek.status in {Status.OPEN, Status.GEESCALEERD, Status.VERLOPEN},
                lambda v: services.answer_leg_uit(
                    verzoek=v,
                    door=self._verantwoordelijke(v),
                    redenen="De wet laat hier geen ruimte.",
                    beginselen=[beginsel],
                    antwoorden=["Dat zien wij, maar de wet is duidelijk."],
                ),
                Status.BEANTWOORD,
            )
            return pk if gelukt else multiple()

        @rule(pk=st.one_of(beantwoord, verzoeken), stap=STAP)
        def aanvaard(self, pk: int, stap: int) -> None:
            self._verder(stap)
            verzoek = self._verzoek(pk)
            self._zet(
                "aanvaard",
                pk,
                verzoek.status == Status.BEANTWOORD,
                lambda v: services.accept_answer(verzoek=v, door=wereld.medewerker),
                Status.GEACCEPTEERD,
            )

        @rule(pk=st.one_of(beantwoord, verzoeken), stap=STAP)
        def onvoldoende(self, pk: int, stap: int) -> None:
            self._verder(stap)
            verzoek = self._verzoek(pk)
            laatste = verzoek.reacties.order_by("-gegeven_op", "-pk").first()
            toegestaan = (
                verzoek.status == Status.BEANTWOORD
                and laatste is not None
                and laatste.soort == Antwoordsoort.LEG_UIT
                and not verzoek.onvoldoende_gemeld
            )
            escaleert = verzoek.niveau < niveaus_van[verzoek.soort_id]
            self._zet(
                "onvoldoende",
                pk,
                toegestaan,
                lambda v: services.contest_answer(
                    verzoek=v, door=wereld.medewerker, reden="U gaat niet in op de schulden."
                ),
                Status.GEESCALEERD if escaleert else Status.BETWIST,
            )
            if toegestaan and escaleert:
                na = self._verzoek(pk)
                assert na.niveau == verzoek.niveau + 1
                assert na.uiterste_datum > self.vandaag

        @rule(target=opgeschort, pk=verzoeken, stap=STAP)
        def schort_op(self, pk: int, stap: int) -> Any:
            self._verder(stap)
            verzoek = self._verzoek(pk)
            gelukt = self._zet(
                "schort_op",
                pk,
                verzoek.status in LOPEND,
                lambda v: services.suspend(
                    verzoek=v, door=self._verantwoordelijke(v), reden="Wij wachten op gegevens."
                ),
                Status.OPGESCHORT,
            )
            return pk if gelukt else multiple()

        @rule(pk=st.one_of(opgeschort, verzoeken), stap=STAP)
        def hervat(self, pk: int, stap: int) -> None:
            self._verder(stap)
            verzoek = self._verzoek(pk)
            self._zet(
                "hervat",
                pk,
                verzoek.status == Status.OPGESCHORT,
                lambda v: services.resume(verzoek=v, door=self._verantwoordelijke(v)),
                Status.GEESCALEERD if verzoek.niveau else Status.OPEN,
            )

        @rule(pk=verzoeken, dagen=st.integers(min_value=0, max_value=7), stap=STAP)
        def verleng(self, pk: int, dagen: int, stap: int) -> None:
            self._verder(stap)
            verzoek = self._verzoek(pk)
            toegestaan = (
                verzoek.status in LOPEND
                and not verzoek.verlengd
                and 1 <= dagen <= verzoek.soort.max_verlenging_dagen
            )
            self._zet(
                "verleng",
                pk,
                toegestaan,
                lambda v: services.extend(
                    verzoek=v, door=self._verantwoordelijke(v), dagen=dagen, reden="Advies nodig."
                ),
                Status(verzoek.status) if toegestaan else None,
            )
            if toegestaan:
                assert self._verzoek(pk).uiterste_datum > verzoek.uiterste_datum

        @rule(pk=verzoeken, stap=STAP)
        def trek_in(self, pk: int, stap: int) -> None:
            self._verder(stap)
            verzoek = self._verzoek(pk)
            self._zet(
                "trek_in",
                pk,
                verzoek.status in {*LOPEND, Status.OPGESCHORT, Status.VERLOPEN},
                lambda v: services.withdraw(verzoek=v, door=wereld.medewerker, reden="Opgelost."),
                Status.INGETROKKEN,
            )

        @rule(dagen=st.integers(min_value=1, max_value=9))
        def dagen_verder_en_veeg(self, dagen: int) -> None:
            self._verder(dagen)

        def _verder(self, dagen: int) -> None:
            """Let `dagen` days pass and run the sweep, as the periodic job does; twice, to
            show the second run does nothing. Every rule starts with this (often 0 days), so
            the calendar moves whichever rules an example switches on."""
            if not dagen:
                return
            self.vandaag += dt.timedelta(days=dagen)
            self._tijd.move_to(START + dt.timedelta(days=(self.vandaag - START.date()).days))
            verslag = process_deadlines()
            assert verslag.mislukt == 0 and verslag.datum == self.vandaag
            for uitkomst in ("geescaleerd", "verlopen", "herinnerd", "controle"):
                if getattr(verslag, uitkomst):
                    event(f"veeg: {uitkomst}")
            events = AuditEvent.objects.count()
            assert process_deadlines().totaal == 0  # idempotent
            assert AuditEvent.objects.count() == events

        # --- invariants ---

        @invariant()
        def geen_verzoek_raakt_zoek(self) -> None:
            verzoeken = Reactieverzoek.objects.filter(pk__in=self.ids).annotate(
                treden=Count("verantwoordelijken", distinct=True),
                antwoorden=Count("reacties", distinct=True),
            )
            for verzoek in verzoeken:
                status = Status(verzoek.status)
                laatste_trede = niveaus_van[verzoek.soort_id]
                assert 0 <= verzoek.niveau <= laatste_trede
                assert verzoek.treden == verzoek.niveau + 1  # type: ignore[attr-defined]
                if status in AFGEROND:
                    assert verzoek.antwoorden or status == Status.INGETROKKEN  # type: ignore[attr-defined]
                elif status in LOPEND:
                    assert verzoek.uiterste_datum >= self.vandaag, (verzoek.pk, status)
                    assert (status == Status.GEESCALEERD) == (verzoek.niveau > 0)
                elif status == Status.OPGESCHORT:
                    assert verzoek.resterende_dagen and verzoek.resterende_dagen >= 1
                else:
                    assert status == Status.VERLOPEN
                    assert verzoek.niveau == laatste_trede, "expired below the last level"

        @invariant()
        def elke_statuswijziging_heeft_een_auditgebeurtenis(self) -> None:
            if not self.ids:
                return
            status: dict[str, str] = {}
            for naam, object_id, data in (
                AuditEvent.objects.filter(
                    object_type="responsplicht.reactieverzoek",
                    object_id__in=[str(pk) for pk in self.ids],
                )
                .order_by("volgnummer")
                .values_list("event", "object_id", "data")
            ):
                if naam == "reactieverzoek.aangemaakt":
                    assert object_id not in status
                    status[object_id] = Status.OPEN
                elif "van" in data:
                    assert data["van"] == status[object_id], (naam, data)
                    status[object_id] = (
                        Status.GEESCALEERD if naam == "reactieverzoek.escaleren" else data["naar"]
                    )
            huidig = {
                str(pk): s
                for pk, s in Reactieverzoek.objects.filter(pk__in=self.ids).values_list(
                    "pk", "status"
                )
            }
            assert status == huidig

        @invariant()
        def controles_op_tijd(self) -> None:
            # A promised measure whose date has passed is never still waiting to be checked.
            assert not Controle.objects.filter(
                status=Controlestatus.GEPLAND,
                datum__lt=self.vandaag,
                reactie__in=Reactie.objects.filter(verzoek_id__in=self.ids),
            ).exists()

    return Responsplicht


def test_no_request_is_ever_lost(wereld: Wereld, beginsel: Beginsel) -> None:
    machine = maak_machine(wereld, beginsel, _soorten())
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=15,
            stateful_step_count=20,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )

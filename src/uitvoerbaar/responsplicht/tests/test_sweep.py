"""The deadline sweep with time frozen: reminders on the kind's reminder days, expiry the day
after the deadline, escalation up the ladder with each level's own term, published silence
after the last level, the clock stopped by suspension, follow-up checks at a pas-toe's date;
idempotency, isolation of a failing item, the command and its cost when nothing is due.

The calendar (Algemene termijnenwet): request made on Monday 1 March 2027 with the test kind's
term of 5 days ends on Saturday 6 March, moved to Monday 8 March (art. 1 Atw); the kind reminds
2 days before the deadline."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.audit.verification import verify_chain
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import onderwerpen, services
from uitvoerbaar.responsplicht.constants import (
    Controlestatus,
    Handeling,
    OrganisatieBron,
    Status,
)
from uitvoerbaar.responsplicht.models import (
    Controle,
    Melding,
    Reactieverzoek,
    Verantwoordelijke,
)
from uitvoerbaar.responsplicht.sweep import (
    Verslag,
    _ids,
    process_deadlines,
    verzoeken_te_verwerken,
)

from .conftest import Wereld
from .factories import SoortFactory

pytestmark = pytest.mark.django_db

Maak = Callable[..., Reactieverzoek]
Vastleggen = Callable[..., Any]


@contextmanager
def _op(dag: dt.date, uur: int = 10) -> Iterator[None]:
    """Freeze time at `uur` o'clock UTC on `dag` (the same calendar day in Amsterdam)."""
    moment = dt.datetime(dag.year, dag.month, dag.day, uur, tzinfo=dt.UTC)
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with _op(dt.date(2027, 3, 1)):
        yield


@pytest.fixture
def veeg(django_capture_on_commit_callbacks: Vastleggen) -> Callable[[dt.date], Verslag]:
    """Run the sweep as the periodic job would on `dag` (frozen time, no date passed), with
    the e-mails sent after commit."""

    def run(dag: dt.date) -> Verslag:
        with _op(dag), django_capture_on_commit_callbacks(execute=True):
            return process_deadlines()

    return run


def _events(verzoek: Reactieverzoek) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            object_type="responsplicht.reactieverzoek", object_id=str(verzoek.pk)
        )
        .order_by("volgnummer")
        .values_list("event", flat=True)
    )


def _telling(verslag: Verslag) -> tuple[int, int, int, int, int]:
    return (
        verslag.geescaleerd,
        verslag.verlopen,
        verslag.herinnerd,
        verslag.controle,
        verslag.mislukt,
    )


def _meldingen(username: str) -> list[str]:
    return list(
        Melding.objects.filter(ontvanger__username=username)
        .order_by("pk")
        .values_list("tekst", flat=True)
    )


NIETS = (0, 0, 0, 0, 0)


# --- reminders ---


def test_reminder_on_the_reminder_day_only_and_only_once(
    maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag]
) -> None:
    verzoek = maak_verzoek()
    assert verzoek.uiterste_datum == dt.date(2027, 3, 8)
    assert verzoek.volgende_herinnering == dt.date(2027, 3, 6)

    assert _telling(veeg(dt.date(2027, 3, 5))) == NIETS
    mail.outbox.clear()
    assert _telling(veeg(dt.date(2027, 3, 6))) == (0, 0, 1, 0, 0)

    verzoek.refresh_from_db()
    assert verzoek.status == Status.OPEN
    assert verzoek.volgende_herinnering is None  # the kind has one reminder day
    assert _events(verzoek)[-1] == "reactieverzoek.herinnering"
    herinneringen = [t for t in _meldingen("bestuur") if "herinnering" in t]
    assert herinneringen == [
        f"{verzoek.kenmerk} Casus 1: herinnering: antwoord uiterlijk 8 maart 2027."
    ]
    # Only the responsible are reminded, not the requester.
    assert not [t for t in _meldingen("medewerker") if "herinnering" in t]
    assert [m.to for m in mail.outbox] == [["bestuur@example.org"]]

    # The same day again, and the days up to the deadline: nothing more.
    assert _telling(veeg(dt.date(2027, 3, 6))) == NIETS
    assert _telling(veeg(dt.date(2027, 3, 7))) == NIETS
    assert _telling(veeg(dt.date(2027, 3, 8))) == NIETS
    assert _events(verzoek).count("reactieverzoek.herinnering") == 1


def test_several_reminder_days_each_remind_once(
    wereld: Wereld, maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag]
) -> None:
    soort = SoortFactory.create(
        code="drie-weken", termijn_aantal=21, herinneringen=[7, 1], niveaus=[]
    )
    verzoek = maak_verzoek(soort=soort)
    assert verzoek.uiterste_datum == dt.date(2027, 3, 22)
    dagen_met_herinnering = [
        dag
        for dag in (dt.date(2027, 3, 1) + dt.timedelta(days=n) for n in range(1, 22))
        if veeg(dag).herinnerd
    ]
    assert dagen_met_herinnering == [dt.date(2027, 3, 15), dt.date(2027, 3, 21)]


def test_a_sweep_that_missed_a_reminder_day_sends_it_late_but_once(
    wereld: Wereld, maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag]
) -> None:
    soort = SoortFactory.create(
        code="drie-weken", termijn_aantal=21, herinneringen=[7, 1], niveaus=[]
    )
    verzoek = maak_verzoek(soort=soort)
    # The server was down from 14 to 17 March: one late reminder, then the 1-day one.
    assert veeg(dt.date(2027, 3, 17)).herinnerd == 1
    verzoek.refresh_from_db()
    assert verzoek.volgende_herinnering == dt.date(2027, 3, 21)
    assert veeg(dt.date(2027, 3, 18)).herinnerd == 0


# --- expiry and escalation ---


def test_expiry_the_day_after_the_deadline_escalates_to_the_next_level(
    wereld: Wereld,
    maak_verzoek: Maak,
    veeg: Callable[[dt.date], Verslag],
    django_assert_num_queries: Any,
) -> None:
    verzoek = maak_verzoek()
    veeg(dt.date(2027, 3, 6))  # the reminder
    # On the deadline itself the request is still in time: not even selected.
    with django_assert_num_queries(2):
        assert _telling(veeg(dt.date(2027, 3, 8))) == NIETS
    mail.outbox.clear()
    laatste = Melding.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    assert _telling(veeg(dt.date(2027, 3, 9))) == (1, 0, 0, 0, 0)

    verzoek.refresh_from_db()
    assert verzoek.status == Status.GEESCALEERD
    assert verzoek.niveau == 1
    assert verzoek.verantwoordelijke_organisatie == wereld.ministerie
    assert verzoek.verantwoordelijke_rol == Rol.AMBTELIJKE_TOP
    # The level's own term: 10 days from Tuesday 9 March is Friday 19 March.
    assert verzoek.uiterste_datum == dt.date(2027, 3, 19)
    assert verzoek.volgende_herinnering == dt.date(2027, 3, 17)
    rij = Verantwoordelijke.objects.get(verzoek=verzoek, niveau=1)
    assert (rij.naam, rij.organisatie, rij.rol, rij.vanaf, rij.uiterste_datum) == (
        "Ambtelijke top",
        wereld.ministerie,
        Rol.AMBTELIJKE_TOP,
        dt.date(2027, 3, 9),
        dt.date(2027, 3, 19),
    )
    assert Verantwoordelijke.objects.filter(verzoek=verzoek).count() == 2

    assert _events(verzoek)[-2:] == ["reactieverzoek.laten_verlopen", "reactieverzoek.escaleren"]
    verlopen, escalatie = AuditEvent.objects.filter(
        object_id=str(verzoek.pk),
        event__in=["reactieverzoek.laten_verlopen", "reactieverzoek.escaleren"],
    ).order_by("volgnummer")
    assert verlopen.actor_id is None and escalatie.actor_id is None  # the system did it
    assert verlopen.data["van"] == Status.OPEN and verlopen.data["naar"] == Status.VERLOPEN
    assert verlopen.data["uiterste_datum"] == "2027-03-08"
    assert escalatie.data["van"] == Status.VERLOPEN
    assert escalatie.data["naar"] == "Ambtelijke top"  # the level's name overrides the state
    assert escalatie.data["organisatie"] == "mvt"
    assert escalatie.data["rol"] == Rol.AMBTELIJKE_TOP
    assert escalatie.data["uiterste_datum"] == "2027-03-19"
    assert escalatie.data["niveau"] == 1

    # Everyone concerned hears of it: the board (still responsible), the new level, the asker.
    nieuw = Melding.objects.filter(pk__gt=laatste).select_related("ontvanger")
    ontvangers = sorted((m.ontvanger.username, "verstreken" in m.tekst) for m in nieuw)
    assert ontvangers == [
        ("bestuur", False),
        ("bestuur", True),
        ("medewerker", False),
        ("medewerker", True),
        ("top", False),
    ]
    assert [t for t in _meldingen("top") if "Ambtelijke top" in t] == [
        f"{verzoek.kenmerk} Casus 1: het verzoek ligt nu bij Ambtelijke top, "
        "uiterlijk 19 maart 2027."
    ]
    ontvangen = sorted(adres for m in mail.outbox for adres in m.to)
    assert ontvangen == sorted(
        ["bestuur@example.org", "medewerker@example.org"] * 2 + ["top@example.org"]
    )
    assert all(m.subject == f"Uitvoerbaar: {verzoek.kenmerk}" for m in mail.outbox)
    assert verify_chain().ok


def test_the_last_level_expiring_stays_verlopen_as_published_silence(
    wereld: Wereld, maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag], beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    veeg(dt.date(2027, 3, 9))  # escalated to the top, deadline 19 March
    assert _telling(veeg(dt.date(2027, 3, 17))) == (0, 0, 1, 0, 0)
    assert _telling(veeg(dt.date(2027, 3, 19))) == NIETS

    assert _telling(veeg(dt.date(2027, 3, 20))) == (0, 1, 0, 0, 0)
    verzoek.refresh_from_db()
    assert verzoek.status == Status.VERLOPEN
    assert verzoek.niveau == 1 and verzoek.volgende_herinnering is None
    assert _events(verzoek)[-1] == "reactieverzoek.laten_verlopen"
    assert [t for t in _meldingen("top") if "verstreken" in t]

    # Silence is final for the sweep: it never touches the request again ...
    for dag in (dt.date(2027, 3, 21), dt.date(2027, 4, 20), dt.date(2028, 1, 3)):
        assert _telling(veeg(dag)) == NIETS
    assert _events(verzoek).count("reactieverzoek.laten_verlopen") == 2
    # ... but a late answer is still possible, and marked as late.
    with _op(dt.date(2027, 3, 22)):
        reactie = services.answer_leg_uit(
            verzoek=verzoek,
            door=wereld.top,
            redenen="Te laat, maar dit is ons antwoord.",
            beginselen=[beginsel],
            antwoorden=["Dat zien wij.", "Die is er niet."],
        )
    assert reactie.te_laat


def test_every_level_of_a_longer_ladder_gets_its_own_term(
    wereld: Wereld, maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag]
) -> None:
    soort = SoortFactory.create(
        code="ladder",
        herinneringen=[],
        niveaus=[
            ("Bestuur", OrganisatieBron.ONTVANGER, Rol.BESTUUR, 5),
            ("Ambtelijke top", OrganisatieBron.EIGENAAR_MINISTERIE, Rol.AMBTELIJKE_TOP, 10),
        ],
    )
    verzoek = maak_verzoek(soort=soort, ontvanger_rol=Rol.BEHANDELAAR)
    assert verzoek.uiterste_datum == dt.date(2027, 3, 8)

    assert veeg(dt.date(2027, 3, 9)).geescaleerd == 1
    verzoek.refresh_from_db()
    # 5 days from Tuesday 9 March ends on Sunday 14 March: Monday 15 March (art. 1 Atw).
    assert (verzoek.niveau, verzoek.verantwoordelijke_rol, verzoek.uiterste_datum) == (
        1,
        Rol.BESTUUR,
        dt.date(2027, 3, 15),
    )
    assert verzoek.verantwoordelijke_organisatie == wereld.uitvoerder
    assert _telling(veeg(dt.date(2027, 3, 15))) == NIETS

    assert veeg(dt.date(2027, 3, 16)).geescaleerd == 1
    verzoek.refresh_from_db()
    assert (verzoek.niveau, verzoek.verantwoordelijke_organisatie) == (2, wereld.ministerie)
    # 10 days from Tuesday 16 March end on Friday 26 March, Goede Vrijdag (art. 3 lid 2 Atw);
    # then Saturday, Easter Sunday and tweede Paasdag: Tuesday 30 March.
    assert verzoek.uiterste_datum == dt.date(2027, 3, 30)
    assert _telling(veeg(dt.date(2027, 3, 30))) == NIETS

    assert veeg(dt.date(2027, 3, 31)).verlopen == 1
    verzoek.refresh_from_db()
    assert verzoek.status == Status.VERLOPEN and verzoek.niveau == 2
    assert list(
        Verantwoordelijke.objects.filter(verzoek=verzoek).values_list("niveau", "uiterste_datum")
    ) == [
        (0, dt.date(2027, 3, 8)),
        (1, dt.date(2027, 3, 15)),
        (2, dt.date(2027, 3, 30)),
    ]
    assert _events(verzoek) == [
        "reactieverzoek.aangemaakt",
        "reactieverzoek.laten_verlopen",
        "reactieverzoek.escaleren",
        "reactieverzoek.laten_verlopen",
        "reactieverzoek.escaleren",
        "reactieverzoek.laten_verlopen",
    ]


def test_a_long_missed_deadline_escalates_one_level_per_run(
    maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag]
) -> None:
    """The escalated request gets a deadline after today, so the same run never picks it up
    again, also when the sweep did not run for weeks and with the smallest batch."""
    verzoeken = [maak_verzoek() for _ in range(3)]
    with _op(dt.date(2027, 5, 3)):
        verslag = process_deadlines(batch=1)
    assert _telling(verslag) == (3, 0, 0, 0, 0)
    for verzoek in verzoeken:
        verzoek.refresh_from_db()
        assert verzoek.niveau == 1 and verzoek.status == Status.GEESCALEERD
        assert verzoek.uiterste_datum > dt.date(2027, 5, 3)
        assert _events(verzoek).count("reactieverzoek.escaleren") == 1


def test_answered_and_withdrawn_requests_are_left_alone(
    wereld: Wereld, maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag], beginsel: Beginsel
) -> None:
    beantwoord = maak_verzoek()
    services.answer_leg_uit(
        verzoek=beantwoord,
        door=wereld.bestuur,
        redenen="Nee, omdat de wet het niet toelaat.",
        beginselen=[beginsel],
        antwoorden=["a", "b"],
    )
    ingetrokken = maak_verzoek()
    services.withdraw(verzoek=ingetrokken, door=wereld.medewerker, reden="Al opgelost.")
    voor = AuditEvent.objects.count()
    for dag in (dt.date(2027, 3, 6), dt.date(2027, 3, 9), dt.date(2027, 4, 1)):
        assert _telling(veeg(dag)) == NIETS
    assert AuditEvent.objects.count() == voor


# --- suspension ---


def test_suspension_stops_the_clock_and_resume_counts_the_remaining_term(
    wereld: Wereld, maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag]
) -> None:
    verzoek = maak_verzoek()  # deadline Monday 8 March
    with _op(dt.date(2027, 3, 3)):
        services.suspend(verzoek=verzoek, door=wereld.bestuur, reden="Wij wachten op gegevens.")
    verzoek.refresh_from_db()
    assert verzoek.resterende_dagen == 5

    # Neither the reminder day, nor the deadline, nor weeks later: the clock is stopped.
    for dag in (dt.date(2027, 3, 6), dt.date(2027, 3, 9), dt.date(2027, 3, 12)):
        assert _telling(veeg(dag)) == NIETS
    verzoek.refresh_from_db()
    assert verzoek.status == Status.OPGESCHORT and verzoek.niveau == 0

    with _op(dt.date(2027, 3, 15)):
        services.resume(verzoek=verzoek, door=wereld.bestuur)
    verzoek.refresh_from_db()
    # The remaining 5 days from Monday 15 March end on Saturday 20 March: Monday 22 March.
    assert verzoek.status == Status.OPEN and verzoek.uiterste_datum == dt.date(2027, 3, 22)
    assert verzoek.volgende_herinnering == dt.date(2027, 3, 20)

    assert _telling(veeg(dt.date(2027, 3, 20))) == (0, 0, 1, 0, 0)
    assert _telling(veeg(dt.date(2027, 3, 22))) == NIETS
    assert _telling(veeg(dt.date(2027, 3, 23))) == (1, 0, 0, 0, 0)
    assert _events(verzoek)[1:] == [
        "reactieverzoek.opschorten",
        "reactieverzoek.hervatten",
        "reactieverzoek.herinnering",
        "reactieverzoek.laten_verlopen",
        "reactieverzoek.escaleren",
    ]


def test_an_extension_moves_expiry(
    wereld: Wereld, maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag]
) -> None:
    verzoek = maak_verzoek()
    services.extend(verzoek=verzoek, door=wereld.bestuur, dagen=3, reden="Advies van juristen.")
    verzoek.refresh_from_db()
    assert verzoek.uiterste_datum == dt.date(2027, 3, 11)
    assert _telling(veeg(dt.date(2027, 3, 9))) == (0, 0, 1, 0, 0)  # 2 days before 11 March
    assert _telling(veeg(dt.date(2027, 3, 11))) == NIETS
    assert _telling(veeg(dt.date(2027, 3, 12))) == (1, 0, 0, 0, 0)


# --- follow-up checks ---


def test_follow_up_check_at_the_date_of_a_pas_toe(
    wereld: Wereld, maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag]
) -> None:
    verzoek = maak_verzoek()
    reactie = services.answer_pas_toe(
        verzoek=verzoek,
        door=wereld.bestuur,
        maatregel="Wij stoppen de terugvordering onder 50 euro.",
        eigenaar="Directeur Uitvoering",
        datum=dt.date(2027, 4, 1),
    )
    controle = Controle.objects.get(reactie=reactie)
    assert _telling(veeg(dt.date(2027, 3, 31))) == NIETS
    mail.outbox.clear()

    assert _telling(veeg(dt.date(2027, 4, 1))) == (0, 0, 0, 1, 0)
    controle.refresh_from_db()
    assert controle.status == Controlestatus.TE_CONTROLEREN
    event = AuditEvent.objects.filter(event="reactieverzoek.controle_gestart").get()
    assert event.object_id == str(verzoek.pk) and event.actor_id is None
    assert event.data == {"controle": controle.pk, "datum": "2027-04-01"}
    for wie in ("bestuur", "medewerker"):
        assert [t for t in _meldingen(wie) if "maatregel uitgevoerd" in t]
    assert sorted(a for m in mail.outbox for a in m.to) == [
        "bestuur@example.org",
        "medewerker@example.org",
    ]
    verzoek.refresh_from_db()
    assert verzoek.status == Status.BEANTWOORD  # the check does not change the request

    assert _telling(veeg(dt.date(2027, 4, 1))) == NIETS
    assert _telling(veeg(dt.date(2027, 4, 2))) == NIETS
    # Once recorded it stays recorded.
    with _op(dt.date(2027, 4, 2)):
        services.record_controle(controle=controle, door=wereld.medewerker, uitgevoerd=True)
    assert _telling(veeg(dt.date(2027, 4, 3))) == NIETS
    controle.refresh_from_db()
    assert controle.status == Controlestatus.UITGEVOERD


# --- idempotency, failures, cost ---


def test_a_second_run_the_same_day_does_nothing(
    wereld: Wereld, maak_verzoek: Maak, veeg: Callable[[dt.date], Verslag]
) -> None:
    soort = SoortFactory.create(code="lang", termijn_aantal=14, herinneringen=[6], niveaus=[])
    herinnerd = maak_verzoek(soort=soort)  # deadline 15 March, reminder 9 March
    te_escaleren = maak_verzoek()  # deadline 8 March
    services.answer_pas_toe(
        verzoek=maak_verzoek(),
        door=wereld.bestuur,
        maatregel="Stoppen",
        eigenaar="Directeur",
        datum=dt.date(2027, 3, 9),
    )
    assert herinnerd.volgende_herinnering == dt.date(2027, 3, 9)
    assert te_escaleren.pk

    eerste = veeg(dt.date(2027, 3, 9))
    assert _telling(eerste) == (1, 0, 1, 1, 0)
    events, meldingen, mails = AuditEvent.objects.count(), Melding.objects.count(), len(mail.outbox)

    tweede = veeg(dt.date(2027, 3, 9))
    assert _telling(tweede) == NIETS
    assert (AuditEvent.objects.count(), Melding.objects.count(), len(mail.outbox)) == (
        events,
        meldingen,
        mails,
    )
    assert verify_chain().ok


def test_one_failing_item_is_logged_and_counted_and_the_rest_goes_on(
    wereld: Wereld,
    maak_verzoek: Maak,
    veeg: Callable[[dt.date], Verslag],
    caplog: pytest.LogCaptureFixture,
) -> None:
    def kapot(verzoek: Reactieverzoek, handeling: Handeling) -> None:
        raise RuntimeError("het onderwerp weigert")

    goed1 = maak_verzoek()
    fout = maak_verzoek(onderwerp=services.Onderwerp(type="test.kapot", id="9", titel="Kapot"))
    goed2 = maak_verzoek()
    onderwerpen.registreer("test.kapot", kapot)
    try:
        with caplog.at_level(logging.ERROR, logger="uitvoerbaar.responsplicht.sweep"):
            verslag = veeg(dt.date(2027, 3, 9))
        assert _telling(verslag) == (2, 0, 0, 0, 1)
        assert verslag.mislukte_verzoeken == [fout.pk]
        assert any(
            r.levelno == logging.ERROR
            and f"reactieverzoek {fout.pk} kon niet worden verwerkt" in r.getMessage()
            and r.exc_info is not None
            for r in caplog.records
        )
        for verzoek in (goed1, goed2):
            verzoek.refresh_from_db()
            assert verzoek.status == Status.GEESCALEERD
        # The failed item's move is undone completely, and tried again at the next run.
        fout.refresh_from_db()
        assert (fout.status, fout.niveau) == (Status.OPEN, 0)
        assert _events(fout) == ["reactieverzoek.aangemaakt"]
        assert verify_chain().ok
        assert veeg(dt.date(2027, 3, 9)).mislukt == 1
    finally:
        onderwerpen.afmelden("test.kapot")
    assert _telling(veeg(dt.date(2027, 3, 9))) == (1, 0, 0, 0, 0)


def test_empty_sweep_costs_two_queries(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(2):
        verslag = process_deadlines(vandaag=dt.date(2027, 3, 9))
    assert _telling(verslag) == NIETS


@pytest.mark.parametrize("aantal", [10, 100])
def test_the_cost_does_not_grow_with_requests_that_are_not_due(
    wereld: Wereld,
    maak_verzoek: Maak,
    beginsel: Beginsel,
    aantal: int,
    django_assert_num_queries: Any,
) -> None:
    lang = SoortFactory.create(code="lang", termijn_aantal=30, herinneringen=[5], niveaus=[])
    for _ in range(aantal):
        maak_verzoek(soort=lang)  # deadline 31 March, reminder 26 March
    # Requests whose deadline (8 March) has passed but whose clock does not run.
    for _ in range(3):
        services.answer_leg_uit(
            verzoek=maak_verzoek(),
            door=wereld.bestuur,
            redenen="Nee.",
            beginselen=[beginsel],
            antwoorden=["a", "b"],
        )
    services.suspend(verzoek=maak_verzoek(), door=wereld.bestuur, reden="Wachten op gegevens.")
    services.withdraw(verzoek=maak_verzoek(), door=wereld.medewerker, reden="Opgelost.")

    with django_assert_num_queries(2):
        verslag = process_deadlines(vandaag=dt.date(2027, 3, 20))
    assert _telling(verslag) == NIETS
    with django_assert_num_queries(2):
        process_deadlines(vandaag=dt.date(2027, 3, 25), batch=1)


def test_ids_come_in_batches_in_ascending_order(maak_verzoek: Maak) -> None:
    verzoeken = [maak_verzoek() for _ in range(5)]
    assert list(_ids(verzoeken_te_verwerken(dt.date(2027, 3, 9)), 2)) == [v.pk for v in verzoeken]
    assert list(_ids(verzoeken_te_verwerken(dt.date(2027, 3, 5)), 2)) == []
    with pytest.raises(ValueError, match="batch"):
        process_deadlines(batch=0)


# --- the command ---


def test_command_prints_the_counts_in_dutch_on_one_line(maak_verzoek: Maak) -> None:
    maak_verzoek()
    out = StringIO()
    call_command("process_deadlines", "--datum", "2027-03-09", stdout=out)
    assert out.getvalue() == (
        "Termijnen verwerkt op 2027-03-09: 1 geëscaleerd, 0 verlopen, 0 herinnerd, "
        "0 controles gestart, 0 mislukt.\n"
    )
    out = StringIO()
    call_command("process_deadlines", "--datum", "2027-03-09", stdout=out)
    assert "0 geëscaleerd" in out.getvalue()


def test_command_without_date_uses_today(maak_verzoek: Maak) -> None:
    maak_verzoek()
    out = StringIO()
    with _op(dt.date(2027, 3, 6)):
        call_command("process_deadlines", stdout=out)
    assert out.getvalue().startswith("Termijnen verwerkt op 2027-03-06: 0 geëscaleerd")
    assert "1 herinnerd" in out.getvalue()


@pytest.mark.parametrize("datum", ["9-3-2027", "2027-02-30", "morgen", "", "20270309"])
def test_command_refuses_a_bad_date_in_dutch_and_changes_nothing(
    maak_verzoek: Maak, datum: str
) -> None:
    maak_verzoek()
    voor = AuditEvent.objects.count()
    with pytest.raises(CommandError) as exc:
        call_command("process_deadlines", "--datum", datum)
    assert str(exc.value) == f"De datum {datum} is ongeldig. Schrijf de datum als JJJJ-MM-DD."
    assert AuditEvent.objects.count() == voor


def test_command_exits_with_status_1_when_an_item_failed(maak_verzoek: Maak) -> None:
    def kapot(verzoek: Reactieverzoek, handeling: Handeling) -> None:
        raise RuntimeError("kapot")

    maak_verzoek(onderwerp=services.Onderwerp(type="test.kapot", id="9", titel="Kapot"))
    onderwerpen.registreer("test.kapot", kapot)
    out, err = StringIO(), StringIO()
    try:
        with pytest.raises(SystemExit) as exc:
            call_command("process_deadlines", "--datum", "2027-03-09", stdout=out, stderr=err)
    finally:
        onderwerpen.afmelden("test.kapot")
    assert exc.value.code == 1
    assert "1 mislukt." in out.getvalue()
    assert "1 onderdelen konden niet worden verwerkt" in err.getvalue()


# --- the periodic job ---


def test_the_periodic_job_runs_the_sweep_every_minute(maak_verzoek: Maak) -> None:
    from uitvoerbaar.core import jobs

    maak_verzoek()
    job = next(j for j in jobs.JOBS if j.name == "termijnen_verwerken")
    assert job.interval == dt.timedelta(minutes=1)
    with _op(dt.date(2027, 3, 9)):
        assert jobs.run("termijnen_verwerken") == (
            "Termijnen verwerkt op 2027-03-09: 1 geëscaleerd, 0 verlopen, 0 herinnerd, "
            "0 controles gestart, 0 mislukt."
        )
        assert jobs.run("termijnen_verwerken").startswith("Termijnen verwerkt op 2027-03-09: 0 ")

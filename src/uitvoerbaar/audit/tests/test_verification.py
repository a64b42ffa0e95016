"""Verification names the first broken event: pure checks on rows, then tampering in the
database "around the triggers", then the command's output and exit status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from uitvoerbaar.audit import services, verification
from uitvoerbaar.audit.hashing import event_hash
from uitvoerbaar.audit.models import GENESIS_HASH, AuditEvent, KetenKop
from uitvoerbaar.audit.testing import triggers_uitgeschakeld
from uitvoerbaar.audit.verification import VELDEN, controleer, verify_chain

T0 = dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC)


# --- Pure: rows in, first break out ------------------------------------------------------------


def _keten(n: int) -> list[dict[str, Any]]:
    """A sound chain of n events as dicts of VELDEN."""
    rijen: list[dict[str, Any]] = []
    vorige = GENESIS_HASH
    for i in range(1, n + 1):
        velden: dict[str, Any] = {
            "volgnummer": i,
            "tijdstip": T0 + dt.timedelta(seconds=i),
            "event": "test.stap",
            "actor_id": 7,
            "actor_naam": "sam",
            "object_type": "core.organisatie",
            "object_id": str(i),
            "data": {"stap": i},
            "vorige_hash": vorige,
        }
        velden["hash"] = vorige = event_hash(**velden)
        rijen.append(velden)
    return rijen


def _rows(keten: Iterable[dict[str, Any]]) -> list[Sequence[Any]]:
    return [tuple(r[v] for v in VELDEN) for r in keten]


def _herbereken(rij: dict[str, Any]) -> None:
    """What a careful forger does: recompute the hash over the changed content."""
    rij["hash"] = event_hash(**{k: v for k, v in rij.items() if k != "hash"})


def _check(
    keten: list[dict[str, Any]], kop: tuple[int, str] | None = None
) -> verification.Resultaat:
    if kop is None:
        kop = (keten[-1]["volgnummer"], keten[-1]["hash"]) if keten else (0, GENESIS_HASH)
    return controleer(_rows(keten), kop_volgnummer=kop[0], kop_hash=kop[1])


def test_sound_chain_holds() -> None:
    resultaat = _check(_keten(5))
    assert resultaat.ok
    assert resultaat.aantal == 5
    assert resultaat.melding == "Auditketen klopt: 5 gebeurtenissen."


def test_empty_chain_holds() -> None:
    assert _check([]).ok
    assert _check([]).aantal == 0


def test_changed_content_names_that_event() -> None:
    keten = _keten(5)
    keten[2]["data"] = {"stap": 99}
    resultaat = _check(keten)
    assert resultaat.breuk == verification.Breuk(3, "de inhoud past niet bij de opgeslagen hash.")
    assert resultaat.melding == (
        "Auditketen gebroken bij gebeurtenis #3: de inhoud past niet bij de opgeslagen hash."
    )


def test_changed_hash_alone_names_that_event() -> None:
    keten = _keten(5)
    keten[2]["hash"] = "f" * 64
    assert _check(keten).breuk is not None
    assert _check(keten).breuk.volgnummer == 3  # type: ignore[union-attr]


def test_recomputed_hash_names_that_event_not_its_successor() -> None:
    keten = _keten(5)
    keten[2]["data"] = {"stap": 99}
    _herbereken(keten[2])
    breuk = _check(keten).breuk
    assert breuk is not None
    assert breuk.volgnummer == 3
    assert "gebeurtenis #4 verwijst naar een andere hash" in breuk.reden


def test_changed_link_names_the_event_that_carries_it() -> None:
    keten = _keten(5)
    keten[3]["vorige_hash"] = "a" * 64
    assert _check(keten).breuk == verification.Breuk(
        4, "de inhoud past niet bij de opgeslagen hash."
    )


def test_missing_event_is_named() -> None:
    keten = _keten(5)
    del keten[2]
    breuk = _check(keten).breuk
    assert breuk is not None
    assert breuk.volgnummer == 3
    assert breuk.reden == "deze gebeurtenis ontbreekt: na #2 volgt #4."


def test_missing_first_event_is_named() -> None:
    keten = _keten(3)[1:]
    assert _check(keten).breuk.volgnummer == 1  # type: ignore[union-attr]


def test_missing_last_event_is_named_from_the_head() -> None:
    keten = _keten(5)
    kop = (5, keten[-1]["hash"])
    breuk = _check(keten[:-1], kop=kop).breuk
    assert breuk is not None
    assert breuk.volgnummer == 5
    assert "de kop van de keten telt 5 gebeurtenissen" in breuk.reden


def test_rewritten_last_event_is_named_from_the_head() -> None:
    keten = _keten(5)
    kop = (5, keten[-1]["hash"])
    keten[-1]["data"] = {"stap": 99}
    _herbereken(keten[-1])
    breuk = _check(keten, kop=kop).breuk
    assert breuk == verification.Breuk(5, "de hash verschilt van de hash in de kop van de keten.")


def test_event_beyond_the_head_is_named() -> None:
    keten = _keten(5)
    breuk = _check(keten, kop=(4, keten[3]["hash"])).breuk
    assert breuk is not None
    assert breuk.volgnummer == 5


def test_rebuilt_chain_from_a_later_start_is_refused() -> None:
    # A forger who drops event 1 and renumbers the rest still cannot make event 1 point to
    # the genesis hash without rewriting it, which the next link then exposes.
    keten = _keten(3)[1:]
    for i, rij in enumerate(keten, start=1):
        rij["volgnummer"] = i
    breuk = _check(keten).breuk
    assert breuk is not None
    assert breuk.volgnummer == 1


def test_rows_are_streamed_not_loaded() -> None:
    # controleer consumes an iterator once, front to back: a generator works.
    keten = _keten(50)
    rijen = (tuple(r[v] for v in VELDEN) for r in keten)
    assert controleer(rijen, kop_volgnummer=50, kop_hash=keten[-1]["hash"]).ok


# --- In the database, around the triggers ------------------------------------------------------


@pytest.fixture
def vijf_events(maak_events: Callable[..., list[AuditEvent]]) -> list[AuditEvent]:
    return maak_events(5)


def _vervals(volgnummer: int, *, herbereken: bool) -> str:
    """Change event `volgnummer` behind the triggers' back; return the hash written."""
    event = AuditEvent.objects.get(volgnummer=volgnummer)
    nieuwe_data = {"i": 999, "vervalst": True}
    nieuwe_hash = (
        event_hash(
            volgnummer=event.volgnummer,
            tijdstip=event.tijdstip,
            event=event.event,
            actor_id=event.actor_id,
            actor_naam=event.actor_naam,
            object_type=event.object_type,
            object_id=event.object_id,
            data=nieuwe_data,
            vorige_hash=event.vorige_hash,
        )
        if herbereken
        else "e" * 64
    )
    with triggers_uitgeschakeld():
        AuditEvent.objects.filter(pk=event.pk).update(data=nieuwe_data, hash=nieuwe_hash)
    return nieuwe_hash


def _verify_command() -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit_log", stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_command_exits_0_and_prints_the_count_when_the_chain_holds(
    vijf_events: list[AuditEvent],
) -> None:
    code, out, err = _verify_command()
    assert code == 0
    assert "Auditketen klopt: 5 gebeurtenissen." in out
    assert vijf_events[-1].hash in out
    assert err == ""


def test_command_on_an_empty_log_exits_0(db: None) -> None:
    code, out, _err = _verify_command()
    assert code == 0
    assert "Auditketen klopt: 0 gebeurtenissen." in out


def test_changed_hash_written_around_the_triggers_names_that_event(
    vijf_events: list[AuditEvent],
) -> None:
    nieuwe_hash = _vervals(3, herbereken=True)
    # the change really landed, and the triggers are back afterwards
    assert AuditEvent.objects.get(volgnummer=3).hash == nieuwe_hash
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.filter(volgnummer=3).update(event="nog een keer")

    resultaat = verify_chain()
    assert not resultaat.ok
    assert resultaat.breuk is not None
    assert resultaat.breuk.volgnummer == 3
    code, out, err = _verify_command()
    assert code == 1
    assert out == ""
    assert err.startswith("Auditketen gebroken bij gebeurtenis #3: de hash is veranderd")


def test_garbage_hash_written_around_the_triggers_names_that_event(
    vijf_events: list[AuditEvent],
) -> None:
    _vervals(2, herbereken=False)
    code, _out, err = _verify_command()
    assert code == 1
    assert err.strip() == (
        "Auditketen gebroken bij gebeurtenis #2: de inhoud past niet bij de opgeslagen hash."
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL-rol")
def test_tampering_as_replica_on_postgresql_is_named(vijf_events: list[AuditEvent]) -> None:
    # A superuser can silence all triggers for a session; the chain still tells.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "UPDATE audit_auditevent SET event = %s WHERE volgnummer = %s", ["vervalst", 4]
        )
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    assert AuditEvent.objects.get(volgnummer=4).event == "vervalst"
    assert verify_chain().breuk == verification.Breuk(
        4, "de inhoud past niet bij de opgeslagen hash."
    )


def test_removed_event_is_named(vijf_events: list[AuditEvent]) -> None:
    with triggers_uitgeschakeld():
        AuditEvent.objects.filter(volgnummer=3).delete()
    code, _out, err = _verify_command()
    assert code == 1
    assert err.strip() == (
        "Auditketen gebroken bij gebeurtenis #3: deze gebeurtenis ontbreekt: na #2 volgt #4."
    )


def test_removed_last_event_is_named(vijf_events: list[AuditEvent]) -> None:
    with triggers_uitgeschakeld():
        AuditEvent.objects.filter(volgnummer=5).delete()
    breuk = verify_chain().breuk
    assert breuk is not None
    assert breuk.volgnummer == 5


def test_head_reset_is_detected(vijf_events: list[AuditEvent]) -> None:
    # The head is not append-only (record() moves it); resetting it must still show.
    KetenKop.objects.filter(pk=1).delete()
    breuk = verify_chain().breuk
    assert breuk is not None
    assert breuk.volgnummer == 1
    assert "staat niet in de kop van de keten" in breuk.reden


def test_event_appended_while_verifying_is_left_for_the_next_run(
    vijf_events: list[AuditEvent], monkeypatch: pytest.MonkeyPatch
) -> None:
    echte_controleer = verification.controleer

    def met_gelijktijdige_schrijver(rijen: Any, **kwargs: Any) -> verification.Resultaat:
        with transaction.atomic():  # another request appends after the head was read
            services.record(event="test.tussendoor", actor=None, obj=None, data={})
        return echte_controleer(rijen, **kwargs)

    monkeypatch.setattr(verification, "controleer", met_gelijktijdige_schrijver)
    resultaat = verify_chain()
    assert resultaat.ok, resultaat.melding
    assert resultaat.aantal == 5
    monkeypatch.undo()
    assert verify_chain().aantal == 6


def test_small_chunks_give_the_same_answer(vijf_events: list[AuditEvent]) -> None:
    assert verify_chain(chunk_size=2).ok
    _vervals(4, herbereken=True)
    assert verify_chain(chunk_size=2).breuk.volgnummer == 4  # type: ignore[union-attr]


def test_periodic_job_reports_the_chain(vijf_events: list[AuditEvent]) -> None:
    from uitvoerbaar.core import jobs

    assert jobs.run("auditketen_controleren") == "Auditketen klopt: 5 gebeurtenissen."
    _vervals(1, herbereken=False)
    assert jobs.run("auditketen_controleren").startswith("Auditketen gebroken bij gebeurtenis #1:")

"""Two sweeps at the same moment on PostgreSQL escalate each due request exactly once.

Each sweep runs in its own thread with its own database connection; a barrier starts them
together and both walk the same ids in the same order, so they contend for the same rows all
the time. Row locks with SKIP LOCKED make one of them skip a row the other holds; the service
re-checks the row after locking, so a row the other has just handled is left alone.

SQLite serialises writers (one write transaction at a time), so there is no concurrency to
test there; the sequential case (a second sweep the same day) is in test_sweep.py."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable

import pytest
import time_machine
from django.db import connection, connections

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.audit.verification import verify_chain
from uitvoerbaar.responsplicht.constants import Status
from uitvoerbaar.responsplicht.models import Reactieverzoek, Verantwoordelijke
from uitvoerbaar.responsplicht.sweep import Verslag, process_deadlines

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent sweeps need row locks with SKIP LOCKED (PostgreSQL); SQLite "
        "serialises writers. Run with DATABASE_URL=postgres://...",
    ),
]

AANTAL = 50
DAG = dt.date(2027, 3, 9)  # the day after the deadline of requests made on 1 March


def _twee_sweeps_tegelijk() -> list[Verslag | BaseException]:
    barrier = threading.Barrier(2)
    uitkomsten: list[Verslag | BaseException] = [RuntimeError("niet gedraaid")] * 2

    def sweep(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            uitkomsten[i] = process_deadlines(vandaag=DAG, batch=7)
        except BaseException as exc:  # reported by the test thread
            uitkomsten[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sweep, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a sweep did not finish"
    return uitkomsten


def test_two_concurrent_sweeps_escalate_each_due_request_exactly_once(
    maak_verzoek: Callable[..., Reactieverzoek],
) -> None:
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, tzinfo=dt.UTC), tick=False):
        ids = [maak_verzoek().pk for _ in range(AANTAL)]

    uitkomsten = _twee_sweeps_tegelijk()
    verslagen = [u for u in uitkomsten if isinstance(u, Verslag)]
    assert len(verslagen) == 2, uitkomsten
    assert sum(v.geescaleerd for v in verslagen) == AANTAL
    assert sum(v.mislukt + v.verlopen + v.herinnerd + v.controle for v in verslagen) == 0

    for event in ("reactieverzoek.laten_verlopen", "reactieverzoek.escaleren"):
        per_verzoek = Counter(
            AuditEvent.objects.filter(
                event=event, object_type="responsplicht.reactieverzoek"
            ).values_list("object_id", flat=True)
        )
        assert per_verzoek == {str(pk): 1 for pk in ids}, event
    assert set(Reactieverzoek.objects.values_list("status", "niveau")) == {(Status.GEESCALEERD, 1)}
    assert Verantwoordelijke.objects.filter(niveau=1).count() == AANTAL
    assert verify_chain().ok

    # And a third sweep afterwards finds nothing left to do.
    assert process_deadlines(vandaag=DAG).totaal == 0

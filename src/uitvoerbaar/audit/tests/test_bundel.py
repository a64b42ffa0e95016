"""Appending a service's events together (`services.gebundeld`): one lock of the chain head at
the end of the block, the same chain as one record() after another, and nothing appended for
work that was undone."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.audit import services
from uitvoerbaar.audit.models import AuditEvent, KetenKop
from uitvoerbaar.audit.verification import verify_chain
from uitvoerbaar.core.models import Organisatie


def _record(naam: str, obj: Organisatie | None = None) -> AuditEvent:
    return services.record(event=naam, actor=None, obj=obj, data={"naam": naam})


@pytest.mark.django_db
def test_bundled_events_are_chained_in_order_at_the_end_of_the_block(
    organisatie: Organisatie,
) -> None:
    with transaction.atomic():
        _record("test.ervoor")
    with transaction.atomic(), CaptureQueriesContext(connection) as vastgelegd:
        with services.gebundeld():
            a = _record("test.a", organisatie)
            b = _record("test.b")
            # Nothing is written until the block ends.
            assert not AuditEvent.objects.filter(event__in=["test.a", "test.b"]).exists()
            assert a.volgnummer is None
        assert (a.volgnummer, b.volgnummer) == (2, 3)
    sql = [q["sql"] for q in vastgelegd.captured_queries]
    assert sum("audit_ketenkop" in q and q.startswith("SELECT") for q in sql) == 1
    assert sum(q.startswith("INSERT") and "audit_auditevent" in q for q in sql) == 1
    events = list(AuditEvent.objects.order_by("volgnummer"))
    assert [e.event for e in events] == ["test.ervoor", "test.a", "test.b"]
    assert events[1].vorige_hash == events[0].hash and events[2].vorige_hash == events[1].hash
    assert events[1].object_id == str(organisatie.pk)
    kop = KetenKop.objects.get(pk=1)
    assert (kop.volgnummer, kop.hash) == (3, events[2].hash)
    assert verify_chain().ok


@pytest.mark.django_db
def test_an_event_of_work_rolled_back_inside_the_block_is_not_appended() -> None:
    with transaction.atomic(), services.gebundeld():
        _record("test.blijft")
        try:
            with transaction.atomic():  # a savepoint, undone below
                _record("test.teruggedraaid")
                raise ZeroDivisionError
        except ZeroDivisionError:
            pass
        with transaction.atomic():  # a savepoint that is kept
            _record("test.ook")
    assert list(AuditEvent.objects.values_list("volgnummer", "event")) == [
        (1, "test.blijft"),
        (2, "test.ook"),
    ]
    assert verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_a_block_that_fails_appends_nothing() -> None:
    with pytest.raises(ZeroDivisionError), transaction.atomic(), services.gebundeld():
        _record("test.mislukt")
        _ = 1 / 0
    assert not AuditEvent.objects.exists()
    assert not KetenKop.objects.filter(volgnummer__gt=0).exists()


@pytest.mark.django_db
def test_nested_bundles_join_the_outer_one() -> None:
    with transaction.atomic(), services.gebundeld():
        _record("test.buiten")
        with services.gebundeld():
            _record("test.binnen")
        # The inner block appended nothing of its own.
        assert not AuditEvent.objects.exists()
    assert list(AuditEvent.objects.values_list("event", flat=True)) == [
        "test.buiten",
        "test.binnen",
    ]


@pytest.mark.django_db(transaction=True)
def test_a_bundle_outside_a_transaction_is_refused() -> None:
    with pytest.raises(RuntimeError, match="inside a transaction"), services.gebundeld():
        pass

"""Writing the audit log. Called only by other apps' services, inside their transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Model

from .hashing import event_hash
from .models import AuditEvent, Inzage, KetenKop


def _json_safe(data: Any) -> Any:
    """Round-trip through Django's encoder so dates, decimals and UUIDs hash the same as they
    are stored and read back."""
    import json

    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _velden(*, event: str, actor: Any, obj: Model | None, data: dict[str, Any]) -> dict[str, Any]:
    """An event's own fields, without its place in the chain."""
    return {
        "event": event,
        "actor_id": actor.pk if actor is not None and getattr(actor, "pk", None) else None,
        "actor_naam": str(getattr(actor, "username", "") or "") if actor is not None else "",
        "object_type": obj._meta.label_lower if obj is not None else "",
        "object_id": str(obj.pk) if obj is not None else "",
        "data": _json_safe(data),
    }


def _keten(events: list[AuditEvent]) -> None:
    """Give `events` their place in the chain, in order, and move the head past them: lock the
    head, one insert, one update. The caller's transaction holds the lock until it commits."""
    kop, _ = KetenKop.objects.select_for_update().get_or_create(pk=1)
    volgnummer, vorige = kop.volgnummer, kop.hash
    # UTC, microseconds: what both databases store and return unchanged. Taken under the lock,
    # so time never runs backwards along the chain.
    tijdstip = dt.datetime.now(tz=dt.UTC)
    for audit_event in events:
        volgnummer += 1
        audit_event.volgnummer = volgnummer
        audit_event.tijdstip = tijdstip
        audit_event.vorige_hash = vorige
        audit_event.hash = vorige = event_hash(
            volgnummer=volgnummer,
            tijdstip=tijdstip,
            event=audit_event.event,
            actor_id=audit_event.actor_id,
            actor_naam=audit_event.actor_naam,
            object_type=audit_event.object_type,
            object_id=audit_event.object_id,
            data=audit_event.data,
            vorige_hash=audit_event.vorige_hash,
        )
    if len(events) == 1:
        events[0].save(force_insert=True)
    else:
        AuditEvent.objects.bulk_create(events)
    KetenKop.objects.filter(pk=1).update(volgnummer=volgnummer, hash=vorige)


class _Bundel:
    """The events recorded inside `gebundeld()`, each with a marker among the connection's
    on-commit callbacks. Django drops the callbacks of a savepoint that is rolled back, so an
    event whose marker is gone was undone with the change it describes and is not appended."""

    def __init__(self) -> None:
        self.events: list[tuple[AuditEvent, Any]] = []

    def add(self, audit_event: AuditEvent) -> None:
        def marker() -> None:
            """Nothing to do on commit: only its presence counts (see _Bundel)."""

        transaction.on_commit(marker)
        self.events.append((audit_event, marker))

    def levend(self, connection: Any) -> list[AuditEvent]:
        nog_daar = {id(func) for _sids, func, _robust in connection.run_on_commit}
        return [e for e, marker in self.events if id(marker) in nog_daar]


@contextmanager
def gebundeld() -> Iterator[None]:
    """Append the events recorded inside this block to the chain together, as the very last
    statements of the block: one lock of the chain head, one insert, one update.

    A service that records several events (intake: the signal and its acknowledgement
    request) then takes the chain head lock once, and only at its end, so other transactions
    wait for it as briefly as possible. Must be the outermost block of the service's
    transaction work (inside its `transaction.atomic`): nothing may change after it. When the
    block raises, nothing is appended (the transaction is rolled back anyway). Nested bundles
    join the outer one."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("audit.gebundeld must be used inside a transaction (a service).")
    if getattr(connection, "_audit_bundel", None) is not None:
        yield
        return
    bundel = _Bundel()
    connection._audit_bundel = bundel
    try:
        yield
    finally:
        connection._audit_bundel = None
    events = bundel.levend(connection)
    if events:
        _keten(events)


def record(*, event: str, actor: Any, obj: Model | None, data: dict[str, Any]) -> AuditEvent:
    """Append one event to the chain. Must run inside the caller's transaction, so the event
    exists exactly when the change it describes does. Inside `gebundeld()` the event is
    appended at the end of that block (its number and hash are set then)."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("audit.record must be called inside a transaction (a service).")
    audit_event = AuditEvent(**_velden(event=event, actor=actor, obj=obj, data=data))
    bundel: _Bundel | None = getattr(connection, "_audit_bundel", None)
    if bundel is not None:
        bundel.add(audit_event)
    else:
        _keten([audit_event])
    return audit_event


def record_inzage(*, gebruiker: Any, organisatie_id: int, obj: Model, reden: str = "") -> Inzage:
    """Log that a person viewed confidential data of an organisation."""
    return Inzage.objects.create(
        gebruiker=gebruiker,
        organisatie_id=organisatie_id,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        reden=reden,
    )

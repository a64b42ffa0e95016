"""Writing the audit log. Called only by other apps' services, inside their transaction."""

from __future__ import annotations

import datetime as dt
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


def record(*, event: str, actor: Any, obj: Model | None, data: dict[str, Any]) -> AuditEvent:
    """Append one event to the chain. Must run inside the caller's transaction, so the event
    exists exactly when the change it describes does."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must be called inside a transaction (a service).")
    kop, _ = KetenKop.objects.select_for_update().get_or_create(pk=1)
    fields: dict[str, Any] = {
        "volgnummer": kop.volgnummer + 1,
        # UTC, microseconds: what both databases store and return unchanged.
        "tijdstip": dt.datetime.now(tz=dt.UTC),
        "event": event,
        "actor_id": actor.pk if actor is not None and getattr(actor, "pk", None) else None,
        "actor_naam": str(getattr(actor, "username", "") or "") if actor is not None else "",
        "object_type": obj._meta.label_lower if obj is not None else "",
        "object_id": str(obj.pk) if obj is not None else "",
        "data": _json_safe(data),
        "vorige_hash": kop.hash,
    }
    digest = event_hash(**fields)
    audit_event = AuditEvent.objects.create(hash=digest, **fields)
    kop.volgnummer = fields["volgnummer"]
    kop.hash = digest
    kop.save(update_fields=["volgnummer", "hash"])
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

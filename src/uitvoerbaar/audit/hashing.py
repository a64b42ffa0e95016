"""Pure hashing of audit events: the same function writes and verifies the chain."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

# Built once: json.dumps with options makes a new encoder per call, which is a third of the
# cost when verifying millions of events. The canonical form must never change (old chains
# would no longer verify); test_hashing pins it.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(
    *,
    volgnummer: int,
    tijdstip: datetime,
    event: str,
    actor_id: int | None,
    actor_naam: str,
    object_type: str,
    object_id: str,
    data: Any,
    vorige_hash: str,
) -> bytes:
    """Deterministic bytes for one event: sorted keys, no whitespace, UTC ISO timestamp."""
    payload = {
        "volgnummer": volgnummer,
        "tijdstip": tijdstip.astimezone(UTC).isoformat(timespec="microseconds"),
        "event": event,
        "actor_id": actor_id,
        "actor_naam": actor_naam,
        "object_type": object_type,
        "object_id": object_id,
        "data": data,
        "vorige_hash": vorige_hash,
    }
    return _ENCODER.encode(payload).encode()


def event_hash(**fields: Any) -> str:
    """SHA-256 (hex) of the canonical form: the `hash` stored with each event."""
    return hashlib.sha256(canonical(**fields)).hexdigest()

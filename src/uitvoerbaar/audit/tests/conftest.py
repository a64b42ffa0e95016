from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction

from uitvoerbaar.audit import services
from uitvoerbaar.audit.models import AuditEvent


@pytest.fixture
def maak_events(db: None) -> Callable[..., list[AuditEvent]]:
    """Write `n` chained events the way a service does: with record(), inside a transaction."""

    def maak(n: int, *, actor: object = None) -> list[AuditEvent]:
        with transaction.atomic():
            return [
                services.record(event="test.gebeurtenis", actor=actor, obj=None, data={"i": i})
                for i in range(n)
            ]

    return maak

"""Writing the chain: record() only inside a transaction; numbers and hashes link up."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db import transaction

from uitvoerbaar.audit import services
from uitvoerbaar.audit.hashing import event_hash
from uitvoerbaar.audit.models import GENESIS_HASH, AuditEvent, KetenKop
from uitvoerbaar.audit.verification import verify_chain
from uitvoerbaar.core.models import Organisatie


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_refused_and_writes_nothing(
    organisatie: Organisatie,
) -> None:
    with pytest.raises(RuntimeError, match="inside a transaction"):
        services.record(event="test.los", actor=None, obj=organisatie, data={})
    assert not AuditEvent.objects.exists()
    assert not KetenKop.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_event_rolls_back_with_the_change_it_describes(organisatie: Organisatie) -> None:
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        services.record(event="test.mislukt", actor=None, obj=organisatie, data={})
        _ = 1 / 0  # the service fails after writing its event
    assert not AuditEvent.objects.exists()
    assert KetenKop.objects.filter(volgnummer__gt=0).count() == 0


def test_events_are_numbered_and_each_names_the_hash_of_the_one_before(
    maak_events: Callable[..., list[AuditEvent]], beheerder: object
) -> None:
    maak_events(3, actor=beheerder)
    events = list(AuditEvent.objects.order_by("volgnummer"))
    assert [e.volgnummer for e in events] == [1, 2, 3]
    assert events[0].vorige_hash == GENESIS_HASH
    assert events[1].vorige_hash == events[0].hash
    assert events[2].vorige_hash == events[1].hash
    assert len({e.hash for e in events}) == 3
    assert events[0].actor_naam == "beheerder"
    kop = KetenKop.objects.get(pk=1)
    assert (kop.volgnummer, kop.hash) == (3, events[2].hash)


def test_stored_hash_is_the_hash_of_the_stored_fields(
    maak_events: Callable[..., list[AuditEvent]],
) -> None:
    maak_events(1)
    e = AuditEvent.objects.get()
    assert e.hash == event_hash(
        volgnummer=e.volgnummer,
        tijdstip=e.tijdstip,
        event=e.event,
        actor_id=e.actor_id,
        actor_naam=e.actor_naam,
        object_type=e.object_type,
        object_id=e.object_id,
        data=e.data,
        vorige_hash=e.vorige_hash,
    )


def test_varied_data_reads_back_with_the_same_hash(organisatie: Organisatie) -> None:
    # Dates, decimals, UUIDs, floats, unicode and nesting must hash the same after the database
    # (SQLite JSON text, PostgreSQL jsonb with its own key order) hands them back.
    data = {
        "datum": dt.date(2025, 7, 1),
        "moment": dt.datetime(2025, 7, 1, 12, 30, 15, 123456, tzinfo=dt.UTC),
        "bedrag": Decimal("1234.50"),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "fractie": 0.1,
        "groot": 2**53 + 1,
        "tekst": "Ministerie van Binnenlandse Zaken \u2014 \u2018leg uit\u2019 \u2713 \u00e9",
        "lijst": [3, 1, 2, {"z": None, "a": True}],
        "leeg": {},
    }
    with transaction.atomic():
        services.record(event="test.gegevens", actor=None, obj=organisatie, data=data)
        services.record(event="test.gegevens", actor=None, obj=None, data={"b": 1, "a": 2})
    resultaat = verify_chain()
    assert resultaat.ok, resultaat.melding
    assert resultaat.aantal == 2

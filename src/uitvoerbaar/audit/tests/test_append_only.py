"""The database itself refuses UPDATE and DELETE on the audit log and the access log."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction

from uitvoerbaar.audit import services
from uitvoerbaar.audit.models import AuditEvent, Inzage
from uitvoerbaar.audit.verification import verify_chain
from uitvoerbaar.core.models import Gebruiker, Organisatie

MELDING = "auditlog is alleen-toevoegen"
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="TRUNCATE bestaat alleen in PostgreSQL"
)


def _snapshot() -> list[tuple[Any, ...]]:
    return list(AuditEvent.objects.order_by("volgnummer").values_list("event", "data", "hash"))


def _sql(statement: str, params: list[Any] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def drie_events(maak_events: Callable[..., list[AuditEvent]]) -> list[AuditEvent]:
    return maak_events(3)


@pytest.fixture
def inzage(organisatie: Organisatie, beheerder: Gebruiker) -> Inzage:
    return services.record_inzage(
        gebruiker=beheerder, organisatie_id=organisatie.pk, obj=organisatie, reden="controle"
    )


# --- UPDATE -------------------------------------------------------------------------------------


def test_sql_update_is_refused_and_changes_nothing(drie_events: list[AuditEvent]) -> None:
    voor = _snapshot()
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        _sql("UPDATE audit_auditevent SET event = %s WHERE volgnummer = %s", ["vervalst", 2])
    assert _snapshot() == voor
    assert verify_chain().ok


def test_sql_update_of_the_hash_is_refused(drie_events: list[AuditEvent]) -> None:
    voor = _snapshot()
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        _sql("UPDATE audit_auditevent SET hash = %s", ["f" * 64])
    assert _snapshot() == voor


def test_orm_update_is_refused(drie_events: list[AuditEvent]) -> None:
    voor = _snapshot()
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        AuditEvent.objects.filter(volgnummer=1).update(data={"vervalst": True})
    event = AuditEvent.objects.get(volgnummer=2)
    event.event = "vervalst"
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        event.save()
    assert _snapshot() == voor


# --- DELETE -------------------------------------------------------------------------------------


def test_sql_delete_is_refused_and_removes_nothing(drie_events: list[AuditEvent]) -> None:
    voor = _snapshot()
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        _sql("DELETE FROM audit_auditevent WHERE volgnummer = %s", [3])
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        _sql("DELETE FROM audit_auditevent")
    assert _snapshot() == voor
    assert verify_chain().ok


def test_orm_delete_is_refused(drie_events: list[AuditEvent]) -> None:
    voor = _snapshot()
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        AuditEvent.objects.get(volgnummer=1).delete()
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert _snapshot() == voor


@postgres_only
def test_truncate_is_refused_on_postgresql(drie_events: list[AuditEvent]) -> None:
    voor = _snapshot()
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        _sql("TRUNCATE audit_auditevent")
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        _sql("TRUNCATE audit_inzage")
    assert _snapshot() == voor


def test_appending_still_works(drie_events: list[AuditEvent]) -> None:
    with transaction.atomic():
        services.record(event="test.erbij", actor=None, obj=None, data={})
    assert AuditEvent.objects.count() == 4
    assert verify_chain().ok


# --- The access log ------------------------------------------------------------------------------


def test_access_log_refuses_update_and_delete(inzage: Inzage) -> None:
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        _sql("UPDATE audit_inzage SET reden = %s", ["niets gezien"])
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        Inzage.objects.filter(pk=inzage.pk).update(reden="niets gezien")
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        _sql("DELETE FROM audit_inzage")
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        inzage.delete()
    inzage.refresh_from_db()
    assert inzage.reden == "controle"
    assert Inzage.objects.count() == 1


# --- The migration ---------------------------------------------------------------------------


class _SchemaEditor:
    """The part of a schema editor the migration functions use, on the test's connection."""

    connection = connection

    def execute(self, sql: str, params: Any = None) -> None:
        _sql(sql, params)


def test_migration_reverse_drops_the_triggers_and_forward_restores_them(
    drie_events: list[AuditEvent],
) -> None:
    migratie = importlib.import_module("uitvoerbaar.audit.migrations.0003_alleen_toevoegen")
    migratie.verwijder(None, _SchemaEditor())
    _sql("UPDATE audit_auditevent SET event = %s WHERE volgnummer = %s", ["zonder trigger", 1])
    assert AuditEvent.objects.get(volgnummer=1).event == "zonder trigger"
    migratie.installeer(None, _SchemaEditor())
    with pytest.raises(IntegrityError, match=MELDING), transaction.atomic():
        _sql("UPDATE audit_auditevent SET event = %s WHERE volgnummer = %s", ["weer", 1])

"""Test support for the append-only audit tables. Never import this outside tests.

The triggers of migration 0003 refuse UPDATE, DELETE and (PostgreSQL) TRUNCATE on the audit
tables. Two kinds of test must get past them on purpose:

- tampering tests, which write "around the triggers" to prove that verification notices;
- transactional tests (`django_db(transaction=True)`, `live_server`), whose teardown empties
  every table with Django's `flush` (DELETE on SQLite, TRUNCATE on PostgreSQL).

`audit_flush_toestaan` is a session fixture that lets `flush` through. It must be active for
the whole suite, so the root conftest imports it:
`from uitvoerbaar.audit.testing import audit_flush_toestaan  # noqa: F401`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import TransactionTestCase

from .models import AuditEvent, Inzage


def beschermde_tabellen(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Every table with append-only triggers: the audit tables, and those of other apps that
    install the same kind of trigger (named `<table>_geen_update` / `_geen_delete` on SQLite,
    `<table>_geen_wijziging` on PostgreSQL), such as the noodrem."""
    connection = connections[using]
    vaste = [AuditEvent._meta.db_table, Inzage._meta.db_table]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND "
                "(name LIKE '%geen_update' OR name LIKE '%geen_delete')"
            )
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgname LIKE '%geen_wijziging'"
            )
        else:  # pragma: no cover - no other database is supported
            return vaste
        gevonden = [rij[0] for rij in cursor.fetchall()]
    return sorted(set(vaste) | set(gevonden))


@contextmanager
def triggers_uitgeschakeld(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Switch the append-only triggers off for the duration of the block.

    SQLite has no way to disable a trigger, so its definitions are read from sqlite_master,
    dropped, and created again from that same SQL afterwards. PostgreSQL disables the user
    triggers of the tables (needs the table owner, as the test database user is)."""
    connection = connections[using]
    tabellen = beschermde_tabellen(using)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # Only the append-only triggers (by name), never e.g. a search index's.
            cursor.execute(
                "SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'trigger' AND "
                "(name LIKE '%geen_update' OR name LIKE '%geen_delete')"
            )
            triggers = [(n, sql) for n, sql, tabel in cursor.fetchall() if tabel in tabellen]
            for naam, _sql in triggers:
                cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(naam)}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                for _naam, sql in triggers:
                    cursor.execute(sql)
    elif connection.vendor == "postgresql":
        bestaand = [t for t in tabellen if t in set(connection.introspection.table_names())]
        with connection.cursor() as cursor:
            for tabel in bestaand:
                cursor.execute(
                    f"ALTER TABLE {connection.ops.quote_name(tabel)} DISABLE TRIGGER USER"
                )
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                for tabel in bestaand:
                    cursor.execute(
                        f"ALTER TABLE {connection.ops.quote_name(tabel)} ENABLE TRIGGER USER"
                    )
    else:  # pragma: no cover - no other database is supported
        yield


def _flush_met_uitgeschakelde_triggers(original: Any) -> Any:
    def _fixture_teardown(self: TransactionTestCase) -> None:
        with ExitStack() as stack:
            for alias in self._databases_names(include_mirrors=False):  # type: ignore[attr-defined]
                stack.enter_context(triggers_uitgeschakeld(alias))
            original(self)

    _fixture_teardown.audit_flush_toestaan = True  # type: ignore[attr-defined]
    return _fixture_teardown


@pytest.fixture(scope="session", autouse=True)
def audit_flush_toestaan() -> Iterator[None]:
    """Let the teardown of transactional tests empty the audit tables (see module docstring)."""
    original = TransactionTestCase._fixture_teardown  # type: ignore[attr-defined]
    if getattr(original, "audit_flush_toestaan", False):  # already patched by another conftest
        yield
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(
            TransactionTestCase, "_fixture_teardown", _flush_met_uitgeschakelde_triggers(original)
        )
        yield

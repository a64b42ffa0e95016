"""Make the audit log and the access log append-only in the database itself (DESIGN §3).

Triggers refuse UPDATE and DELETE on audit_auditevent and audit_inzage, on SQLite and on
PostgreSQL; PostgreSQL also refuses TRUNCATE. The SQL is frozen here on purpose: a migration
must keep doing what it did when it was written.

Note for later migrations: on SQLite, Django alters a table by building a new one and dropping
the old one, which drops these triggers with it. A migration that alters either table must
install the triggers again (run `installeer` below after the change).
"""

from django.db import migrations

TABELLEN = ("audit_auditevent", "audit_inzage")
MELDING = "auditlog is alleen-toevoegen"


def _sqlite_installeer(tabel: str) -> list[str]:
    return [
        f"""
        CREATE TRIGGER {tabel}_geen_{actie.lower()}
        BEFORE {actie} ON {tabel}
        BEGIN
            SELECT RAISE(ABORT, '{MELDING}: {actie} op {tabel} geweigerd');
        END;
        """
        for actie in ("UPDATE", "DELETE")
    ]


def _sqlite_verwijder(tabel: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {tabel}_geen_{actie}" for actie in ("update", "delete")]


# ERRCODE 23001 (restrict_violation) is an integrity constraint class error, so Django raises
# IntegrityError on PostgreSQL just as it does for SQLite's RAISE(ABORT).
PG_FUNCTIE = f"""
CREATE OR REPLACE FUNCTION audit_alleen_toevoegen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{MELDING}: % op % geweigerd', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;
"""


def _pg_installeer(tabel: str) -> list[str]:
    return [
        f"""
        CREATE TRIGGER {tabel}_geen_wijziging
        BEFORE UPDATE OR DELETE ON {tabel}
        FOR EACH ROW EXECUTE FUNCTION audit_alleen_toevoegen();
        """,
        f"""
        CREATE TRIGGER {tabel}_geen_truncate
        BEFORE TRUNCATE ON {tabel}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_alleen_toevoegen();
        """,
    ]


def _pg_verwijder(tabel: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {tabel}_geen_wijziging ON {tabel}",
        f"DROP TRIGGER IF EXISTS {tabel}_geen_truncate ON {tabel}",
    ]


def installeer(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [s for t in TABELLEN for s in _sqlite_installeer(t)]
    elif vendor == "postgresql":
        statements = [PG_FUNCTIE] + [s for t in TABELLEN for s in _pg_installeer(t)]
    else:
        raise NotImplementedError(
            f"Geen alleen-toevoegen-triggers voor database {vendor!r}: de auditlog zou "
            "onbeschermd zijn."
        )
    for statement in statements:
        schema_editor.execute(statement, params=None)


def verwijder(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [s for t in TABELLEN for s in _sqlite_verwijder(t)]
    elif vendor == "postgresql":
        statements = [s for t in TABELLEN for s in _pg_verwijder(t)]
        statements.append("DROP FUNCTION IF EXISTS audit_alleen_toevoegen()")
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_initial"),
    ]

    operations = [
        migrations.RunPython(installeer, verwijder),
    ]

"""Database-level guarantees of the signalen app, frozen here on purpose.

1. The noodrem is append-only (DESIGN §3, issue 4: "never deleted or edited, only added to"):
   triggers refuse UPDATE and DELETE on the noodrem, its principles and its additions, on SQLite
   and PostgreSQL, with the same trigger names as the audit log, so the test helper that lets
   Django's flush through (uitvoerbaar.audit.testing) finds them.
2. Similar-signal search (see gelijkenis.py):
   - PostgreSQL: a stored generated tsvector with the Dutch configuration (GIN index) and a
     trigram index on the title (pg_trgm);
   - SQLite: an FTS5 index kept in step by triggers.

Note for later migrations: on SQLite, Django alters a table by building a new one and dropping
the old one, which drops its triggers. A migration that alters signalen_signaal or a noodrem
table must run `installeer` of this module again afterwards.
"""

from django.db import migrations

ALLEEN_TOEVOEGEN = ("signalen_noodrem", "signalen_noodrem_beginselen", "signalen_aanvulling")
MELDING = "een noodrem wordt nooit gewijzigd of verwijderd"


def _sqlite(tabel: str) -> list[str]:
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


PG_FUNCTIE = f"""
CREATE OR REPLACE FUNCTION signalen_alleen_toevoegen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{MELDING}: % op % geweigerd', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;
"""


def _pg(tabel: str) -> list[str]:
    return [
        f"""
        CREATE TRIGGER {tabel}_geen_wijziging
        BEFORE UPDATE OR DELETE ON {tabel}
        FOR EACH ROW EXECUTE FUNCTION signalen_alleen_toevoegen();
        """,
        f"""
        CREATE TRIGGER {tabel}_geen_truncate
        BEFORE TRUNCATE ON {tabel}
        FOR EACH STATEMENT EXECUTE FUNCTION signalen_alleen_toevoegen();
        """,
    ]


SQLITE_ZOEKEN = [
    """
    CREATE VIRTUAL TABLE signalen_signaal_fts USING fts5(
        titel, tekst, content='signalen_signaal', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER signalen_signaal_fts_ai AFTER INSERT ON signalen_signaal BEGIN
        INSERT INTO signalen_signaal_fts(rowid, titel, tekst) VALUES (new.id, new.titel, new.tekst);
    END
    """,
    """
    CREATE TRIGGER signalen_signaal_fts_ad AFTER DELETE ON signalen_signaal BEGIN
        INSERT INTO signalen_signaal_fts(signalen_signaal_fts, rowid, titel, tekst)
        VALUES ('delete', old.id, old.titel, old.tekst);
    END
    """,
    """
    CREATE TRIGGER signalen_signaal_fts_au AFTER UPDATE OF titel, tekst ON signalen_signaal BEGIN
        INSERT INTO signalen_signaal_fts(signalen_signaal_fts, rowid, titel, tekst)
        VALUES ('delete', old.id, old.titel, old.tekst);
        INSERT INTO signalen_signaal_fts(rowid, titel, tekst) VALUES (new.id, new.titel, new.tekst);
    END
    """,
]

PG_ZOEKEN = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    ALTER TABLE signalen_signaal ADD COLUMN zoekvector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch', coalesce(titel, '')), 'A') ||
        setweight(to_tsvector('dutch', coalesce(tekst, '')), 'B')
    ) STORED
    """,
    "CREATE INDEX signaal_zoekvector ON signalen_signaal USING gin (zoekvector)",
    "CREATE INDEX signaal_titel_trgm ON signalen_signaal USING gin (titel gin_trgm_ops)",
]


def installeer(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [s for t in ALLEEN_TOEVOEGEN for s in _sqlite(t)] + SQLITE_ZOEKEN
    elif vendor == "postgresql":
        statements = [PG_FUNCTIE] + [s for t in ALLEEN_TOEVOEGEN for s in _pg(t)] + PG_ZOEKEN
    else:
        raise NotImplementedError(f"Database {vendor!r} wordt niet ondersteund.")
    for statement in statements:
        schema_editor.execute(statement, params=None)


def verwijder(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    statements: list[str] = []
    if vendor == "sqlite":
        statements = [
            f"DROP TRIGGER IF EXISTS {t}_geen_{a}" for t in ALLEEN_TOEVOEGEN for a in ("update", "delete")
        ] + [
            f"DROP TRIGGER IF EXISTS signalen_signaal_fts_{x}" for x in ("ai", "ad", "au")
        ] + ["DROP TABLE IF EXISTS signalen_signaal_fts"]
    elif vendor == "postgresql":
        for t in ALLEEN_TOEVOEGEN:
            statements += [
                f"DROP TRIGGER IF EXISTS {t}_geen_wijziging ON {t}",
                f"DROP TRIGGER IF EXISTS {t}_geen_truncate ON {t}",
            ]
        statements += [
            "DROP FUNCTION IF EXISTS signalen_alleen_toevoegen()",
            "DROP INDEX IF EXISTS signaal_titel_trgm",
            "DROP INDEX IF EXISTS signaal_zoekvector",
            "ALTER TABLE signalen_signaal DROP COLUMN IF EXISTS zoekvector",
        ]
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("signalen", "0001_initial")]

    operations = [migrations.RunPython(installeer, verwijder)]

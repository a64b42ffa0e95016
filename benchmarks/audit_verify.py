"""Benchmark: verifying the audit chain (DESIGN §3, §5).

Builds a chain of N events (default 100,000) in a scratch database with the same hash function
`audit.services.record` uses, then times `verify_chain` (the core of `uitvoerbaar
verify_audit_log`). It reports, from one run:

- events per second, and the projected time for 5,000,000 events;
- the ratio to hashing the same events in memory (what the database read adds);
- peak Python memory while verifying, which must not grow with N (rows are streamed).

Run (SQLite, the embedded setup with its WAL settings, in a fresh temporary folder):

    .venv/bin/python benchmarks/audit_verify.py [--aantal 100000]

PostgreSQL: pass an empty scratch database; the script migrates it and refuses a non-empty log.

    .venv/bin/python benchmarks/audit_verify.py --database-url postgres://postgres@127.0.0.1/scratch
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
import tracemalloc
from typing import Any

from opzet import django_opzetten


def _bouw_keten(aantal: int, batch: int = 5000) -> list[dict[str, Any]]:
    """Write `aantal` chained events with bulk inserts; return a sample for the in-memory run."""
    from django.db import transaction

    from uitvoerbaar.audit.hashing import event_hash
    from uitvoerbaar.audit.models import GENESIS_HASH, AuditEvent, KetenKop

    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    vorige = GENESIS_HASH
    alle: list[dict[str, Any]] = []
    for begin in range(1, aantal + 1, batch):
        rijen = []
        for n in range(begin, min(begin + batch, aantal + 1)):
            velden: dict[str, Any] = {
                "volgnummer": n,
                "tijdstip": start + dt.timedelta(seconds=n, microseconds=n % 1_000_000),
                "event": ("signaal.ingediend", "reactieverzoek.beantwoord", "lidmaatschap.gegeven")[
                    n % 3
                ],
                "actor_id": n % 50_000,
                "actor_naam": f"persoon{n % 50_000}",
                "object_type": "signalen.signaal",
                "object_id": str(n),
                "data": {"status": "open", "organisatie": n % 500, "termijn": "2025-02-01"},
                "vorige_hash": vorige,
            }
            velden["hash"] = vorige = event_hash(**velden)
            rijen.append(AuditEvent(**velden))
            alle.append(velden)
        with transaction.atomic():
            AuditEvent.objects.bulk_create(rijen)
    KetenKop.objects.update_or_create(pk=1, defaults={"volgnummer": aantal, "hash": vorige})
    return alle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=100_000)
    parser.add_argument("--chunk-size", type=int, default=5000)
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="audit-bench-") as data_dir:
        django_opzetten(args.database_url, data_dir)
        from django.core.management import call_command
        from django.db import connection

        from uitvoerbaar.audit.hashing import event_hash
        from uitvoerbaar.audit.models import AuditEvent
        from uitvoerbaar.audit.verification import verify_chain

        call_command("migrate", verbosity=0)
        if AuditEvent.objects.exists():
            print("De auditlog in deze database is niet leeg: kies een lege database.")
            return 2

        t = time.perf_counter()
        velden = _bouw_keten(args.aantal)
        opbouw = time.perf_counter() - t

        # Baseline: hashing the same events in memory, no database.
        t = time.perf_counter()
        for v in velden:
            event_hash(**{k: w for k, w in v.items() if k != "hash"})
        alleen_hash = time.perf_counter() - t
        del velden

        t = time.perf_counter()
        resultaat = verify_chain(chunk_size=args.chunk_size)
        verificatie = time.perf_counter() - t
        assert resultaat.ok and resultaat.aantal == args.aantal, resultaat.melding

        tracemalloc.start()
        verify_chain(chunk_size=args.chunk_size)
        _, piek = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        per_seconde = args.aantal / verificatie
        print(f"database:              {connection.vendor} ({connection.settings_dict['NAME']})")
        print(f"gebeurtenissen:        {args.aantal:,}")
        print(f"opbouw (bulk insert):  {opbouw:.2f} s")
        print(f"verify_chain:          {verificatie:.2f} s  ({per_seconde:,.0f} per seconde)")
        print(f"alleen hashen:         {alleen_hash:.2f} s")
        print(f"verhouding verify/hash: {verificatie / alleen_hash:.2f}")
        print(f"piekgeheugen verify:   {piek / 1_048_576:.1f} MiB (tracemalloc)")
        print(f"schatting 5.000.000:   {5_000_000 / per_seconde / 60:.1f} min")
        print(resultaat.melding)
    return 0


if __name__ == "__main__":
    sys.exit(main())

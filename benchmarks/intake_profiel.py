"""Where an intake's time goes: database round trips per intake (load-independent) and, with
--cprofile, the Python profile of warmed intakes. Same world and request as benchmarks/intake.py
(production settings, PostgreSQL, a logged-in professional, a named signal), through Django's
test client one request at a time.

    .venv/bin/python benchmarks/intake_profiel.py --database-url postgres://postgres@127.0.0.1/scratch
    .venv/bin/python benchmarks/intake_profiel.py --database-url ... --cprofile 200 --toon-queries

The scratch database must be empty.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import SIGNAAL, _setup, _wereld


def _pg_cpu() -> float:
    """Seconds of processor time used so far by this connection's PostgreSQL backend (same
    machine: /proc/<pid>/stat, user + system)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def _cpu(verzoek: Callable[[], object], aantal: int) -> tuple[float, float]:
    """Milliseconds of processor time per request: Django (this process) and PostgreSQL."""
    verzoek()
    pg_begin, begin = _pg_cpu(), time.process_time()
    for _ in range(aantal):
        verzoek()
    django_s, pg_s = time.process_time() - begin, _pg_cpu() - pg_begin
    return django_s * 1000 / aantal, pg_s * 1000 / aantal


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--aantal", type=int, default=20, help="intakes to count and time")
    parser.add_argument("--cprofile", type=int, default=0, help="profile this many intakes")
    parser.add_argument("--sorteer", default="cumulative", help="pstats sort key")
    parser.add_argument("--regels", type=int, default=45, help="profile lines to print")
    parser.add_argument(
        "--cpu",
        type=int,
        default=0,
        help="intakes (and three times as many bare-view requests) to measure processor time "
        "for: this process plus its PostgreSQL backend, which waiting on a busy machine does "
        "not count",
    )
    parser.add_argument("--toon-queries", action="store_true", help="print one intake's SQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(args.database_url, data_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        if connection.introspection.table_names():
            print("De database is niet leeg; geef een lege kladdatabase op.", file=sys.stderr)
            return 2
        call_command("migrate", verbosity=0)
        sessie, csrf = _wereld()
        client = Client(enforce_csrf_checks=True, SERVER_NAME="127.0.0.1")
        client.cookies["sessionid"] = sessie
        client.cookies["csrftoken"] = csrf
        lichaam = json.dumps(SIGNAAL)

        def intake() -> None:
            antwoord = client.post(
                "/api/v1/signalen",
                lichaam,
                content_type="application/json",
                HTTP_X_CSRFTOKEN=csrf,
            )
            assert antwoord.status_code == 201, (antwoord.status_code, antwoord.content[:500])

        for _ in range(5):  # warm: caches, prepared imports
            intake()
        with CaptureQueriesContext(connection) as vastgelegd:
            intake()
        queries = list(vastgelegd.captured_queries)
        if args.toon_queries:
            for q in queries:
                print(q["sql"][:300])
        soorten = Counter(q["sql"].split(" ", 1)[0] for q in queries)
        begin = time.perf_counter()
        for _ in range(args.aantal):
            intake()
        duur = (time.perf_counter() - begin) / args.aantal
        print(f"databaseverzoeken per intake: {len(queries)} ({dict(soorten)})")
        print(f"tijd per intake, één tegelijk: {duur * 1000:.1f} ms")
        if args.cpu:
            kaal_cpu = _cpu(
                # Without cookies, as wrk calls it in benchmarks/intake.py.
                lambda: Client(SERVER_NAME="127.0.0.1").post(
                    "/bench/kaal/", "x" * 200, "text/plain"
                ),
                3 * args.cpu,
            )
            intake_cpu = _cpu(intake, args.cpu)
            for naam, (django_ms, pg_ms) in (("kale view", kaal_cpu), ("intake", intake_cpu)):
                print(
                    f"processortijd per verzoek, {naam}: Django {django_ms:.2f} ms + PostgreSQL "
                    f"{pg_ms:.2f} ms = {django_ms + pg_ms:.2f} ms"
                )
            print(
                "verhouding uit processortijd (kaal / intake): "
                f"{sum(kaal_cpu) / sum(intake_cpu):.2f}"
            )
        if args.cprofile:
            profiel = cProfile.Profile()
            profiel.enable()
            for _ in range(args.cprofile):
                intake()
            profiel.disable()
            pstats.Stats(profiel).sort_stats(args.sorteer).print_stats(args.regels)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where a page's time goes, on a generated database: per parameterless page (the same pages
and persons as `bench.py`), the in-process time of a few GETs, the query count, and the slowest
queries with their share. For finding what to fix; `make bench` gives the figures to report.

    .venv/bin/python benchmarks/paginaprofiel.py --database-url postgres://…/uitvoerbaar_bench \
        [--pad /signalen/ --pad /verzoeken/] [--keer 3] [--explain]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import bench  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/uitvoerbaar_bench"
    )
    parser.add_argument("--pad", action="append", default=[], help="only these paths")
    parser.add_argument("--keer", type=int, default=3, help="GETs per page (the first not timed)")
    parser.add_argument("--traag", type=int, default=3, help="slowest queries shown per page")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the slowest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="profiel-") as data_dir:
        omgeving = bench._omgeving(args.database_url, data_dir)
        bench._uitvoerbaar(omgeving, "collectstatic", "--noinput", "-v0")
        os.environ.update(omgeving)
        import django

        django.setup()
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from uitvoerbaar.core.policy import POLICY

        cache: dict[str, tuple[str, int] | None] = {}
        sessies: dict[int, str] = {}
        for pad, _naam, actie in bench._paginas():
            if (args.pad and pad not in args.pad) or actie not in POLICY:
                continue
            wie = bench._persoon_voor(actie, cache)
            client = Client(HTTP_HOST="127.0.0.1")
            if wie is not None:
                if wie[1] not in sessies:
                    sessies[wie[1]] = bench._sessie(wie[1])
                client.cookies["sessionid"] = sessies[wie[1]]
            client.get(pad)
            tijden = []
            for _ in range(max(args.keer - 1, 1)):
                with CaptureQueriesContext(connection) as ctx:
                    begin = time.perf_counter()
                    antwoord = client.get(pad)
                    tijden.append(time.perf_counter() - begin)
            queries = ctx.captured_queries
            db = sum(float(q["time"]) for q in queries)
            print(
                f"{pad:<50} {wie[0] if wie else 'anoniem':<14} {antwoord.status_code} "
                f"{1000 * min(tijden):7.1f} ms  {len(queries):3d} q  db {1000 * db:7.1f} ms"
            )
            for q in sorted(queries, key=lambda q: -float(q["time"]))[: args.traag]:
                print(f"    {1000 * float(q['time']):7.1f} ms  {q['sql'][:220]}")
                if args.explain and float(q["time"]) > 0.005 and q["sql"].startswith("SELECT"):
                    with connection.cursor() as cur:
                        cur.execute("EXPLAIN ANALYZE " + q["sql"])
                        for (regel,) in cur.fetchall():
                            print(f"        {regel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: precedent search (issue 5, "Quality measure").

1. Quality: the labelled Dutch test set (240 cases in 40 known groups,
   src/uitvoerbaar/afwijkingen/tests/data/precedenten_testset.json) is stored as decided
   deviations, and every case asks the real lookup for its five most similar: recall@5 and
   precision@5.
2. Latency at scale: N decided deviations (default 1,000,000) are bulk inserted (not timed)
   over A articles (default 2,000, so 500 per article: the lookup's candidate cap), with texts
   and facets drawn from the test set. Then L lookups (default 300) for random cases on random
   articles are timed, with the queries each sends: p50, p95, maximum.

Run (SQLite in a temporary folder):

    .venv/bin/python benchmarks/precedenten.py [--aantal 1000000] [--artikelen 2000]

PostgreSQL: pass an empty scratch database; the script migrates it and refuses a non-empty one.

    .venv/bin/python benchmarks/precedenten.py --database-url postgres://postgres@127.0.0.1/scratch
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from typing import Any


def _setup(database_url: str | None, data_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "uitvoerbaar.conf.test"
    os.environ["UITVOERBAAR_DATA_DIR"] = data_dir
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def _wereld() -> tuple[Any, Any, Any]:
    from uitvoerbaar.core.constants import OrganisatieSoort, Rol
    from uitvoerbaar.core.models import Gebruiker, Lidmaatschap, Organisatie
    from uitvoerbaar.kennisbank.models import Regeling

    ministerie = Organisatie.objects.create(
        naam="Ministerie", slug="ministerie", soort=OrganisatieSoort.MINISTERIE
    )
    dienst = Organisatie.objects.create(
        naam="Dienst", slug="dienst", soort=OrganisatieSoort.UITVOERINGSORGANISATIE
    )
    door = Gebruiker.objects.create(username="professional")
    Lidmaatschap.objects.create(gebruiker=door, organisatie=dienst, rol=Rol.MEDEWERKER)
    regeling = Regeling.objects.create(code="bench", naam="Bench", soort="wet", eigenaar=ministerie)
    return dienst, regeling, door


def _bouw(aantal: int, artikelen: int, dienst: Any, regeling: Any, door: Any) -> list[int]:
    """Bulk insert `aantal` decided deviations over `artikelen` articles; returns article ids."""
    from django.db import transaction
    from django.utils import timezone

    from uitvoerbaar.afwijkingen import gelijkenis
    from uitvoerbaar.afwijkingen.constants import AfwijkingStatus
    from uitvoerbaar.afwijkingen.models import Afwijking
    from uitvoerbaar.afwijkingen.tests.testset import lees
    from uitvoerbaar.kennisbank.models import Afwijkingsgrond, Artikel

    rnd = random.Random(7)
    gevallen = lees()
    tokens = [" ".join(gelijkenis.tokens([g["tekst"]])) for g in gevallen]
    arts = Artikel.objects.bulk_create(
        [Artikel(regeling=regeling, nummer=f"n{i}", volgorde=i) for i in range(artikelen)]
    )
    grond = Afwijkingsgrond.objects.create(
        regeling=regeling, sleutel="awb-3:4-lid-2", soort="evenredigheid", omschrijving="."
    )
    nu = timezone.now()
    batch = 10_000
    for start in range(0, aantal, batch):
        rijen = []
        for i in range(start, min(aantal, start + batch)):
            g = rnd.randrange(len(gevallen))
            geval = gevallen[g]
            rijen.append(
                Afwijking(
                    organisatie=dienst,
                    regeling=regeling,
                    artikel=arts[i % artikelen],
                    grond=grond,
                    bedoeling="",
                    casus=geval["tekst"],
                    alternatief="",
                    motivering=".",
                    huishouden=geval["huishouden"],
                    inkomensband=geval["inkomensband"],
                    knelpunt=geval["knelpunt"],
                    bedrag=Decimal(geval["bedrag"]) if geval["bedrag"] is not None else None,
                    status=rnd.choice([AfwijkingStatus.GOEDGEKEURD, AfwijkingStatus.AFGEWEZEN]),
                    geregistreerd_door=door,
                    beoordeeld_op=nu,
                    zoektokens=tokens[g],
                )
            )
        with transaction.atomic():
            Afwijking.objects.bulk_create(rijen)
    return [a.pk for a in arts]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--aantal", type=int, default=1_000_000, help="decided deviations")
    parser.add_argument("--artikelen", type=int, default=2_000)
    parser.add_argument("--vragen", type=int, default=300, help="timed lookups")
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="precedenten-bench-") as data_dir:
        _setup(args.database_url, data_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from uitvoerbaar.afwijkingen import gelijkenis, precedenten
        from uitvoerbaar.afwijkingen.kwaliteit import laad, meet
        from uitvoerbaar.afwijkingen.models import Afwijking
        from uitvoerbaar.afwijkingen.tests.testset import lees
        from uitvoerbaar.kennisbank.models import Regeling

        call_command("migrate", verbosity=0)
        if Afwijking.objects.exists():
            print("Deze database bevat al afwijkingen: kies een lege database.")
            return 2
        dienst, regeling, door = _wereld()
        gevallen = lees()
        apart = Regeling.objects.create(code="testset", naam="Testset", eigenaar=regeling.eigenaar)
        uitslag = meet(gevallen, laad(gevallen, organisatie=dienst, regeling=apart, door=door))

        t = time.perf_counter()
        artikel_ids = _bouw(args.aantal, args.artikelen, dienst, regeling, door)
        opbouw = time.perf_counter() - t
        with connection.cursor() as cursor:  # fresh statistics, as autovacuum would have
            cursor.execute("ANALYZE")

        rnd = random.Random(11)
        tijden: list[float] = []
        queries: list[int] = []
        for _ in range(args.vragen):
            geval = rnd.choice(gevallen)
            casus = gelijkenis.Casus(
                huishouden=geval["huishouden"],
                inkomensband=geval["inkomensband"],
                knelpunt=geval["knelpunt"],
                bedrag=Decimal(geval["bedrag"]) if geval["bedrag"] is not None else None,
                grond_id=None,
                tokens=gelijkenis.trigrammen(gelijkenis.tokens([geval["tekst"]])),
            )
            with CaptureQueriesContext(connection) as ctx:
                t = time.perf_counter()
                gevonden = precedenten.zoek(
                    casus=casus, artikel_id=rnd.choice(artikel_ids), organisatie_ids=[dienst.pk]
                )
                tijden.append(time.perf_counter() - t)
            assert len(gevonden) == 5
            queries.append(len(ctx.captured_queries))
        tijden.sort()
        p95 = tijden[int(0.95 * (len(tijden) - 1))]

        print(f"database:               {connection.vendor} ({connection.settings_dict['NAME']})")
        print(
            f"testset:                recall@5 = {uitslag.recall_at_5:.2f}, "
            f"precision@5 = {uitslag.precision_at_5:.2f} ({uitslag.vragen} vragen)"
        )
        print(f"afwijkingen:            {args.aantal:,} over {args.artikelen:,} artikelen")
        print(f"opbouw (bulk insert):   {opbouw:.1f} s")
        print(
            f"zoeken ({args.vragen} keer):     p50 {statistics.median(tijden) * 1000:.1f} ms, "
            f"p95 {p95 * 1000:.1f} ms, max {tijden[-1] * 1000:.1f} ms, "
            f"queries per zoekvraag {min(queries)} tot {max(queries)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

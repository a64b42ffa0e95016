"""Benchmark: similar-signal lookup (signalen/gelijkenis.py) at national scale (DESIGN §5).

Builds N signals (default 1,000,000) over 500 executive organisations in a scratch database,
skewed the way real reporting is (organisation k gets a share proportional to 1/k, so the
largest has about 15% of all signals), with Dutch titles and texts drawn from a vocabulary of
rules, benefits and problems. Building is not timed (PostgreSQL: one INSERT ... SELECT over
generate_series; the stored tsvector and the GIN and trigram indexes follow the migration).
Then times `gelijkenis.zoek` for Q random queries (a title of 4-7 words and a short text),
each within a random organisation drawn with the same skew, and separately for the largest
organisation, reporting p50, p95 and the maximum in milliseconds.

    .venv/bin/python benchmarks/gelijkenis.py --database-url postgres://postgres@127.0.0.1/scratch

The database must be empty (the script migrates it). SQLite is accepted for a small N only.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time

from opzet import django_opzetten

WOORDEN = (
    "toeslag kinderopvang terugvordering werkbriefje uitkering bijstand beslag schuld "
    "inkomen vermogen partner kostendelersnorm studiefinanciering lening rente boete "
    "sanctie brief bezwaar beroep termijn hersteltermijn vergissing fout automatisch "
    "systeem controle fraude huur zorgtoeslag huurtoeslag wachttijd doorlooptijd "
    "telefoon bereikbaarheid maatwerk hardheidsclausule evenredigheid gezin alleenstaand "
    "mantelzorg ziekte arbeidsongeschikt werkloos vakantiewerk bijverdienste student "
    "ouder kind school gemeente loket formulier aanvraag stopzetting herbeoordeling "
    "verrekening jaarafrekening achterstand betalingsregeling incasso deurwaarder"
).split()


def _gewichten(n: int) -> list[float]:
    return [1 / (k + 1) for k in range(n)]


def _bouw(aantal: int, organisaties: int) -> list[int]:
    from django.db import connection

    from uitvoerbaar.core.constants import OrganisatieSoort
    from uitvoerbaar.core.models import Organisatie

    orgs = Organisatie.objects.bulk_create(
        Organisatie(
            naam=f"Uitvoeringsdienst {i}",
            slug=f"ud-{i}",
            soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        )
        for i in range(organisaties)
    )
    ids = [o.pk for o in orgs]
    gewichten = _gewichten(organisaties)
    totaal = sum(gewichten)
    # Signals per organisation, proportional to 1/k, summing to `aantal`.
    per_org = [int(aantal * g / totaal) for g in gewichten]
    per_org[0] += aantal - sum(per_org)
    woorden = "ARRAY[" + ",".join(f"'{w}'" for w in WOORDEN) + "]"
    n = len(WOORDEN)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("CREATE TEMP TABLE bench_verdeling (org bigint, aantal int)")
            cursor.executemany(
                "INSERT INTO bench_verdeling VALUES (%s, %s)", list(zip(ids, per_org, strict=True))
            )
            # One row per signal: org repeated `aantal` times, words drawn per row (the
            # `g * 0` keeps the subquery correlated, so every row gets its own words).
            cursor.execute(
                f"""
                INSERT INTO signalen_signaal (
                    organisatie_id, soort, kanaal, urgentie, status, titel, tekst, voorstel,
                    persoonsgegevens, melder_kenmerk, identiteit_versleuteld, identiteit_onthuld,
                    behandelrol, uitkomst, uitkomst_toelichting, ontvangen_op)
                SELECT v.org, 'signaal', 'benoemd', 'normaal', 'ontvangen',
                    array_to_string(ARRAY(SELECT ({woorden})[1 + floor(random() * {n})::int]
                        FROM generate_series(1, 4 + (random() * 3)::int + g * 0)), ' '),
                    array_to_string(ARRAY(SELECT ({woorden})[1 + floor(random() * {n})::int]
                        FROM generate_series(1, 25 + g * 0)), ' '),
                    '', '[]'::jsonb, '', '', false, 'behandelaar', '', '', now()
                FROM bench_verdeling v, generate_series(1, v.aantal) g
                """
            )
            cursor.execute("ANALYZE signalen_signaal")
    else:
        rnd = random.Random(1)
        from django.utils import timezone

        nu = timezone.now().isoformat()
        rijen = []
        for org, k in zip(ids, per_org, strict=True):
            for _ in range(k):
                titel = " ".join(rnd.choices(WOORDEN, k=rnd.randint(4, 7)))
                tekst = " ".join(rnd.choices(WOORDEN, k=25))
                rijen.append((org, titel, tekst, nu))
        with connection.cursor() as cursor:
            cursor.executemany(
                """INSERT INTO signalen_signaal (organisatie_id, soort, kanaal, urgentie, status,
                titel, tekst, voorstel, persoonsgegevens, melder_kenmerk, identiteit_versleuteld,
                identiteit_onthuld, behandelrol, uitkomst, uitkomst_toelichting, ontvangen_op)
                VALUES (%s, 'signaal', 'benoemd', 'normaal', 'ontvangen', %s, %s, '', '[]', '',
                '', 0, 'behandelaar', '', '', %s)""",
                rijen,
            )
    return ids


def _meet(ids: list[int], vragen: int, alleen_grootste: bool) -> list[float]:
    from uitvoerbaar.signalen import gelijkenis

    rnd = random.Random(2)
    gewichten = _gewichten(len(ids))
    tijden = []
    for _ in range(vragen):
        org = ids[0] if alleen_grootste else rnd.choices(ids, weights=gewichten)[0]
        titel = " ".join(rnd.choices(WOORDEN, k=rnd.randint(4, 7)))
        tekst = " ".join(rnd.choices(WOORDEN, k=12))
        begin = time.perf_counter()
        gelijkenis.zoek(organisatie_id=org, titel=titel, tekst=tekst)
        tijden.append((time.perf_counter() - begin) * 1000)
    return tijden


def _regel(naam: str, tijden: list[float]) -> str:
    tijden = sorted(tijden)
    p95 = tijden[int(0.95 * (len(tijden) - 1))]
    return (
        f"{naam}: n={len(tijden)} p50={statistics.median(tijden):.1f} ms "
        f"p95={p95:.1f} ms max={tijden[-1]:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--aantal", type=int, default=1_000_000)
    parser.add_argument("--organisaties", type=int, default=500)
    parser.add_argument("--vragen", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        if not args.database_url:
            os.environ["TEST_SQLITE_NAME"] = ""
            args.database_url = f"sqlite:///{data_dir}/bench.sqlite3"
        django_opzetten(args.database_url, data_dir)
        from django.core.management import call_command
        from django.db import connection

        if connection.introspection.table_names():
            print("De database is niet leeg; geef een lege kladdatabase op.", file=sys.stderr)
            return 2
        call_command("migrate", verbosity=0)
        begin = time.perf_counter()
        ids = _bouw(args.aantal, args.organisaties)
        print(
            f"{connection.vendor}: {args.aantal} signalen over {args.organisaties} organisaties "
            f"gebouwd in {time.perf_counter() - begin:.0f} s (niet gemeten)"
        )
        _meet(ids, 10, False)  # warm the caches
        print(_regel("gewogen willekeurige organisatie", _meet(ids, args.vragen, False)))
        print(_regel("grootste organisatie", _meet(ids, args.vragen, True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

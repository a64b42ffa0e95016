"""Benchmark: the Stand van de uitvoering (seed action P3) at national scale (DESIGN §5).

Builds, with bulk inserts (not timed), in a scratch database: O executive organisations
(default 500) under ten ministries, a regulation with 40 articles, S signals (default
1,000,000) spread over the organisations and articles, R requests to respond (default 300,000)
of which a third answered (pas toe or leg uit, some late) and the first N (default 20,000)
behind a noodrem, and two years of monthly measurements with a lower bound for one service
per organisation. Then times, through the real service and background job (request, claim,
generate with progress, HTML and PDF, audit):

1. the national overview (one row per organisation, totals, chart);
2. the report of one organisation;

with the number of database queries each sent. DESIGN asks that a report be ready within a
minute at this scale.

Run (SQLite, in a fresh temporary folder):

    .venv/bin/python benchmarks/rapport.py [--signalen 1000000] [--verzoeken 300000]

PostgreSQL: pass an empty scratch database; the script migrates it and refuses a non-empty one.

    .venv/bin/python benchmarks/rapport.py --database-url postgres://postgres@127.0.0.1/scratch
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from opzet import django_opzetten


def _bouw(
    organisaties: int, signalen: int, verzoeken: int, noodremmen: int, batch: int = 10_000
) -> None:
    from django.db import transaction
    from django.utils import timezone

    from uitvoerbaar.core.constants import OrganisatieSoort, Rol
    from uitvoerbaar.core.models import Gebruiker, Lidmaatschap, Organisatie
    from uitvoerbaar.dienstverlening.models import Dienst, Indicator, Meting, Ondergrens
    from uitvoerbaar.kennisbank.models import Artikel, Regeling
    from uitvoerbaar.responsplicht.constants import Antwoordsoort, Status
    from uitvoerbaar.responsplicht.laden import load_soorten
    from uitvoerbaar.responsplicht.models import Reactie, Reactieverzoek, Soort
    from uitvoerbaar.signalen.models import Noodrem, Signaal

    load_soorten()
    vandaag = timezone.localdate()
    ministeries = [
        Organisatie.objects.create(
            naam=f"Ministerie {i}", slug=f"min-{i}", soort=OrganisatieSoort.MINISTERIE
        )
        for i in range(10)
    ]
    Organisatie.objects.bulk_create(
        Organisatie(
            naam=f"Uitvoeringsdienst {i}",
            slug=f"ud-{i}",
            afkorting=f"UD{i}",
            soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
            eigenaar_ministerie=ministeries[i % 10],
        )
        for i in range(organisaties)
    )
    orgs = list(Organisatie.objects.filter(slug__startswith="ud-").order_by("pk"))
    bestuur = Gebruiker.objects.create(username="bestuur", email="bestuur@example.org")
    Lidmaatschap.objects.create(gebruiker=bestuur, organisatie=orgs[0], rol=Rol.BESTUUR)
    kamer = Organisatie.objects.create(naam="Kamer", slug="kamer", soort=OrganisatieSoort.PARLEMENT)
    kamerlid = Gebruiker.objects.create(username="kamerlid", email="kamerlid@example.org")
    Lidmaatschap.objects.create(gebruiker=kamerlid, organisatie=kamer, rol=Rol.KAMERLID)
    regeling = Regeling.objects.create(
        code="bench-wet", naam="Wet op de meting", soort="wet", eigenaar=ministeries[0]
    )
    artikelen = Artikel.objects.bulk_create(
        Artikel(regeling=regeling, nummer=str(i + 1), volgorde=i) for i in range(40)
    )
    artikelen = list(Artikel.objects.filter(regeling=regeling).order_by("pk"))

    for begin in range(0, signalen, batch):
        with transaction.atomic():
            Signaal.objects.bulk_create(
                Signaal(
                    organisatie=orgs[n % len(orgs)],
                    kanaal="benoemd",
                    titel=f"Signaal {n}",
                    tekst="Een gezin moet alles terugbetalen door een fout van twee euro.",
                    regeling=regeling if n % 5 else None,
                    artikel=artikelen[n % len(artikelen)] if n % 5 else None,
                    behandelrol=Rol.BEHANDELAAR,
                )
                for n in range(begin, min(begin + batch, signalen))
            )

    soort = Soort.objects.get(code="noodrem")
    for begin in range(0, verzoeken, batch):
        rijen = []
        for n in range(begin, min(begin + batch, verzoeken)):
            org = orgs[n % len(orgs)]
            rijen.append(
                Reactieverzoek(
                    soort=soort,
                    onderwerp_type="bench.casus",
                    onderwerp_id=str(n),
                    onderwerp_titel=f"Casus {n}",
                    vraag="Stop de automatische terugvordering.",
                    verzoeker=bestuur,
                    ontvanger_organisatie=org,
                    ontvanger_rol=Rol.BESTUUR,
                    verantwoordelijke_organisatie=org,
                    verantwoordelijke_rol=Rol.BESTUUR,
                    status=Status.BEANTWOORD if n % 3 == 0 else Status.OPEN,
                    gestart_op=vandaag - dt.timedelta(days=n % 300),
                    uiterste_datum=vandaag - dt.timedelta(days=n % 300) + dt.timedelta(days=7),
                )
            )
        with transaction.atomic():
            gemaakt = Reactieverzoek.objects.bulk_create(rijen)
            if gemaakt and gemaakt[0].pk is None:  # backends without RETURNING
                gemaakt = list(
                    Reactieverzoek.objects.filter(
                        onderwerp_id__in=[r.onderwerp_id for r in rijen]
                    ).order_by("pk")
                )
            Reactie.objects.bulk_create(
                Reactie(
                    verzoek=v,
                    soort=Antwoordsoort.PAS_TOE
                    if int(v.onderwerp_id) % 2
                    else Antwoordsoort.LEG_UIT,
                    door=bestuur,
                    namens_organisatie_id=v.ontvanger_organisatie_id,
                    niveau=0,
                    te_laat=int(v.onderwerp_id) % 4 == 0,
                    redenen="Meting.",
                )
                for v in gemaakt
                if int(v.onderwerp_id) % 3 == 0
            )
            Noodrem.objects.bulk_create(
                Noodrem(
                    organisatie_id=v.ontvanger_organisatie_id,
                    door=bestuur,
                    titel="Stop",
                    schade="Schade.",
                    stoppen="Dit.",
                    verzoek=v,
                )
                for v in gemaakt
                if int(v.onderwerp_id) < noodremmen
            )

    maanden = [dt.date(vandaag.year - 2 + (m // 12), m % 12 + 1, 1) for m in range(24)]
    for org in orgs:
        dienst = Dienst.objects.create(organisatie=org, naam="Uitkering")
        ind = Indicator.objects.create(
            dienst=dienst,
            code="doorlooptijd",
            naam="Doorlooptijd",
            eenheid="dagen",
            richting="lager_beter",
        )
        Ondergrens.objects.create(
            indicator=ind,
            grens=30,
            waarde="Tijd",
            vastgesteld_door=bestuur,
            vastgesteld_op=timezone.now(),
        )
        Meting.objects.bulk_create(
            Meting(indicator=ind, periode=m, waarde=20.0 + (i * 7 + org.pk) % 20)
            for i, m in enumerate(maanden)
        )


@contextmanager
def _tel_queries() -> Iterator[list[int]]:
    from django.db import connection

    teller = [0]

    def wrapper(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        teller[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield teller


def _meet(door: Any, organisatie: Any) -> tuple[Any, float, float, int, list[tuple[str, float]]]:
    """Request, claim and make one report as the background job does: the report, wall-clock
    seconds from the request until it is ready, CPU seconds of this process (on a busy machine
    the wall clock also counts waiting for a core), the queries sent, and the wall-clock
    seconds of each step (taken from the progress the service writes)."""
    from django.utils import timezone

    from uitvoerbaar.parlement import rapport_services as services

    tot = timezone.localdate()
    stappen: list[tuple[str, float]] = []
    echt = services._voortgang

    def klok(rapport: Any, procent: int, stap: str) -> None:
        stappen.append((stap, time.perf_counter()))
        echt(rapport, procent, stap)

    services._voortgang = klok  # type: ignore[assignment]
    with _tel_queries() as teller:
        t, cpu = time.perf_counter(), time.process_time()
        rapport = services.request_rapport(
            door=door, organisatie=organisatie, van=tot - dt.timedelta(days=364), tot=tot
        )
        assert services.process_rapporten() == "rapporten: 1 klaar, 0 mislukt"
        duur, cpu = time.perf_counter() - t, time.process_time() - cpu
    services._voortgang = echt  # type: ignore[assignment]
    eind = [tijd for _s, tijd in stappen[1:]] + [t + duur]
    rapport.refresh_from_db()
    return (
        rapport,
        duur,
        cpu,
        teller[0],
        [(s, e - b) for (s, b), e in zip(stappen, eind, strict=True)],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--organisaties", type=int, default=500)
    parser.add_argument("--signalen", type=int, default=1_000_000)
    parser.add_argument("--verzoeken", type=int, default=300_000)
    parser.add_argument("--noodremmen", type=int, default=20_000)
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp folder")
    parser.add_argument(
        "--gegenereerd",
        action="store_true",
        help="measure on a database filled by `uitvoerbaar generate_data` (builds nothing)",
    )
    args = parser.parse_args()
    if args.gegenereerd:
        return _op_gegenereerde_gegevens(args.database_url)

    with tempfile.TemporaryDirectory(prefix="rapport-bench-") as data_dir:
        django_opzetten(args.database_url, data_dir)
        from django.core.management import call_command
        from django.db import connection

        from uitvoerbaar.core.models import Gebruiker, Organisatie
        from uitvoerbaar.signalen.models import Signaal

        call_command("migrate", verbosity=0)
        if Signaal.objects.exists():
            print("Deze database bevat al signalen: kies een lege database.")
            return 2
        t = time.perf_counter()
        _bouw(args.organisaties, args.signalen, args.verzoeken, args.noodremmen)
        opbouw = time.perf_counter() - t
        with connection.cursor() as cursor:  # fresh statistics, as autovacuum would have
            cursor.execute("ANALYZE")

        kamerlid = Gebruiker.objects.get(username="kamerlid")
        landelijk, landelijk_s, landelijk_cpu, landelijk_q, landelijk_st = _meet(kamerlid, None)
        org = Organisatie.objects.get(slug="ud-0")
        bestuur = Gebruiker.objects.get(username="bestuur")
        eigen, eigen_s, eigen_cpu, eigen_q, eigen_st = _meet(bestuur, org)

        print(f"database:             {connection.vendor} ({connection.settings_dict['NAME']})")
        print(
            f"gegevens:             {args.organisaties} organisaties, {args.signalen:,} signalen, "
            f"{args.verzoeken:,} verzoeken, {args.noodremmen:,} noodremmen"
        )
        print(f"opbouw (bulk insert): {opbouw:.1f} s")
        print(
            f"landelijk overzicht:  {landelijk_s:.1f} s (CPU {landelijk_cpu:.1f} s), "
            f"{landelijk_q} queries, "
            f"PDF {len(bytes(landelijk.pdf or b'')) / 1024:.0f} KiB"
        )
        for stap, s in landelijk_st:
            print(f"    {stap}: {s:.2f} s")
        print(
            f"één organisatie:      {eigen_s:.1f} s (CPU {eigen_cpu:.1f} s), {eigen_q} queries, "
            f"PDF {len(bytes(eigen.pdf or b'')) / 1024:.0f} KiB"
        )
        for stap, s in eigen_st:
            print(f"    {stap}: {s:.2f} s")
    return 0


def _op_gegenereerde_gegevens(database_url: str | None) -> int:
    """Both reports on the generator's data (`generate_data --scale national`): the national
    overview as a member of parliament, one report as the board of the largest executive
    organisation. The database is migrated first (the generator may predate the report)."""
    with tempfile.TemporaryDirectory(prefix="rapport-bench-") as data_dir:
        django_opzetten(database_url, data_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.db.models import Count

        from uitvoerbaar.core.constants import OrganisatieSoort, Rol
        from uitvoerbaar.core.models import Gebruiker, Lidmaatschap, Organisatie

        call_command("migrate", verbosity=0)

        def lid(rol: str, **waar: Any) -> Any:
            return Gebruiker.objects.get(
                pk=Lidmaatschap.objects.filter(rol=rol, **waar).values("gebruiker")[:1]
            )

        org = (
            Organisatie.objects.filter(soort=OrganisatieSoort.UITVOERINGSORGANISATIE)
            .annotate(n=Count("signalen"))
            .order_by("-n")
            .first()
        )
        assert org is not None, "no executive organisation: run generate_data first"
        metingen = [
            ("landelijk overzicht", _meet(lid(Rol.KAMERLID), None)),
            (f"één organisatie ({org.slug})", _meet(lid(Rol.BESTUUR, organisatie=org), org)),
        ]
        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
        for naam, (rapport, s, cpu, q, stappen) in metingen:
            pdf = len(bytes(rapport.pdf or b"")) / 1024
            print(f"{naam}: {s:.1f} s (CPU {cpu:.1f} s), {q} queries, PDF {pdf:.0f} KiB")
            for stap, duur in stappen:
                print(f"    {stap}: {duur:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

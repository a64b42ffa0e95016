"""Benchmark: the deadline sweep (`uitvoerbaar process_deadlines`, DESIGN §5).

Builds N open requests to respond (default 300,000) of which D are past their deadline
(default 10,000), with bulk inserts (not timed), in a scratch database. Then times the sweep
twice, counting the database queries it sends:

1. on a day when nothing is due: must cost a constant, small number of queries;
2. on the day after the deadline of the D due requests: each is expired and escalated to the
   next level (the heaviest move: audit events, a new responsible level, notifications);
3. the same day again: the idempotent second run.

Run (SQLite, the embedded setup with its WAL settings, in a fresh temporary folder):

    .venv/bin/python benchmarks/sweep.py [--aantal 300000] [--te-laat 10000]

PostgreSQL: pass an empty scratch database; the script migrates it and refuses a non-empty one.

    .venv/bin/python benchmarks/sweep.py --database-url postgres://postgres@127.0.0.1/scratch
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

VANDAAG = dt.date(2027, 3, 1)  # the requests are made on this day
VERVALDAG = dt.date(2027, 3, 8)  # deadline of the due requests
VEEGDAG = dt.date(2027, 3, 9)  # the day after: they are due
RUSTIGE_DAG = dt.date(2027, 3, 3)  # nothing due yet (no deadline, no reminder)


def _bouw(aantal: int, te_laat: int, organisaties: int, batch: int = 5000) -> None:
    """A ministry owning `organisaties` executive organisations, each with a board member and
    an asking professional, one kind like the noodrem (one level above: the ministry's top),
    and `aantal` open requests, each with its level-0 responsible row. The first `te_laat`
    (spread over the organisations) have their deadline on VERVALDAG; the others later,
    with their reminder after RUSTIGE_DAG."""
    from django.db import transaction

    from uitvoerbaar.core.constants import OrganisatieSoort, Rol
    from uitvoerbaar.core.models import Gebruiker, Lidmaatschap, Organisatie
    from uitvoerbaar.responsplicht.constants import (
        OrganisatieBron,
        Publicatie,
        Status,
        Termijneenheid,
    )
    from uitvoerbaar.responsplicht.models import (
        Escalatieniveau,
        Reactieverzoek,
        Soort,
        Verantwoordelijke,
    )

    ministerie = Organisatie.objects.create(
        naam="Ministerie van Meten", slug="mvm", soort=OrganisatieSoort.MINISTERIE
    )
    orgs = Organisatie.objects.bulk_create(
        Organisatie(
            naam=f"Uitvoeringsdienst {i}",
            slug=f"ud-{i}",
            soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
            eigenaar_ministerie=ministerie,
        )
        for i in range(organisaties)
    )
    orgs = list(Organisatie.objects.filter(slug__startswith="ud-").order_by("pk"))
    top = Gebruiker.objects.create(username="top", email="top@example.org")
    Lidmaatschap.objects.create(gebruiker=top, organisatie=ministerie, rol=Rol.AMBTELIJKE_TOP)
    vragers: list[Gebruiker] = []
    for org in orgs:
        bestuur = Gebruiker.objects.create(
            username=f"bestuur-{org.slug}", email=f"bestuur-{org.slug}@example.org"
        )
        vrager = Gebruiker.objects.create(
            username=f"medewerker-{org.slug}", email=f"medewerker-{org.slug}@example.org"
        )
        Lidmaatschap.objects.bulk_create(
            [
                Lidmaatschap(gebruiker=bestuur, organisatie=org, rol=Rol.BESTUUR),
                Lidmaatschap(gebruiker=vrager, organisatie=org, rol=Rol.MEDEWERKER),
            ]
        )
        vragers.append(vrager)
    soort = Soort.objects.create(
        code="bench-noodrem",
        naam="Noodrem (meting)",
        termijn_aantal=5,
        termijn_eenheid=Termijneenheid.WERKDAGEN,
        herinneringen=[2],
        max_verlenging_dagen=5,
        publicatie=Publicatie.ANTWOORD,
    )
    Escalatieniveau.objects.create(
        soort=soort,
        volgorde=1,
        naam="Ambtelijke top",
        organisatie_bron=OrganisatieBron.EIGENAAR_MINISTERIE,
        rol=Rol.AMBTELIJKE_TOP,
        termijn_aantal=10,
        termijn_eenheid=Termijneenheid.DAGEN,
    )

    for begin in range(0, aantal, batch):
        rijen = []
        for n in range(begin, min(begin + batch, aantal)):
            org = orgs[n % len(orgs)]
            if n < te_laat:
                deadline = VERVALDAG
            else:  # spread over the coming two months, reminders after RUSTIGE_DAG
                deadline = VERVALDAG + dt.timedelta(days=5 + n % 60)
            rijen.append(
                Reactieverzoek(
                    soort=soort,
                    onderwerp_type="bench.casus",
                    onderwerp_id=str(n),
                    onderwerp_titel=f"Casus {n}",
                    vraag="Stop de automatische terugvordering bij kleine fouten.",
                    verzoeker=vragers[n % len(orgs)],
                    verzoeker_organisatie=org,
                    ontvanger_organisatie=org,
                    ontvanger_rol=Rol.BESTUUR,
                    verantwoordelijke_organisatie=org,
                    verantwoordelijke_rol=Rol.BESTUUR,
                    status=Status.OPEN,
                    gestart_op=VANDAAG,
                    uiterste_datum=deadline,
                    # Past the reminder day already: the due ones are due by their deadline.
                    volgende_herinnering=None if n < te_laat else deadline - dt.timedelta(days=2),
                )
            )
        with transaction.atomic():
            verzoeken = Reactieverzoek.objects.bulk_create(rijen)
            if verzoeken and verzoeken[0].pk is None:  # backends without RETURNING
                verzoeken = list(
                    Reactieverzoek.objects.filter(
                        onderwerp_id__in=[r.onderwerp_id for r in rijen]
                    ).order_by("pk")
                )
            Verantwoordelijke.objects.bulk_create(
                Verantwoordelijke(
                    verzoek=v,
                    niveau=0,
                    naam="Ontvanger",
                    organisatie_id=v.ontvanger_organisatie_id,
                    rol=Rol.BESTUUR,
                    vanaf=VANDAAG,
                    uiterste_datum=v.uiterste_datum,
                )
                for v in verzoeken
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


def _meet(dag: dt.date) -> tuple[Any, float, int, float]:
    """The sweep on `dag`: its report, wall-clock seconds, queries, and CPU seconds of this
    process (Python and the ORM; the rest of the wall-clock time is waiting for the database)."""
    from uitvoerbaar.responsplicht.sweep import process_deadlines

    with _tel_queries() as teller:
        t, cpu = time.perf_counter(), time.process_time()
        verslag = process_deadlines(vandaag=dag)
        duur, cpu = time.perf_counter() - t, time.process_time() - cpu
    return verslag, duur, teller[0], cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--aantal", type=int, default=300_000, help="open requests")
    parser.add_argument("--te-laat", type=int, default=10_000, help="of which past the deadline")
    parser.add_argument("--organisaties", type=int, default=50)
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp folder")
    args = parser.parse_args()
    if not 0 <= args.te_laat <= args.aantal:
        parser.error("--te-laat moet tussen 0 en --aantal liggen")

    with tempfile.TemporaryDirectory(prefix="sweep-bench-") as data_dir:
        django_opzetten(args.database_url, data_dir)
        from django.core.management import call_command
        from django.db import connection

        from uitvoerbaar.audit.verification import verify_chain
        from uitvoerbaar.responsplicht.models import Reactieverzoek

        call_command("migrate", verbosity=0)
        if Reactieverzoek.objects.exists():
            print("Deze database bevat al reactieverzoeken: kies een lege database.")
            return 2

        t = time.perf_counter()
        _bouw(args.aantal, args.te_laat, args.organisaties)
        opbouw = time.perf_counter() - t
        with connection.cursor() as cursor:  # fresh statistics, as autovacuum would have
            cursor.execute("ANALYZE")

        leeg, leeg_s, leeg_q, _ = _meet(RUSTIGE_DAG)
        assert leeg.totaal == 0 and leeg.mislukt == 0, leeg.regel()
        vol, vol_s, vol_q, vol_cpu = _meet(VEEGDAG)
        assert vol.geescaleerd == args.te_laat and vol.mislukt == 0, vol.regel()
        weer, weer_s, weer_q, _ = _meet(VEEGDAG)
        assert weer.totaal == 0, weer.regel()
        keten = verify_chain()
        assert keten.ok, keten.melding

        print(f"database:               {connection.vendor} ({connection.settings_dict['NAME']})")
        print(f"open verzoeken:         {args.aantal:,}  (te laat: {args.te_laat:,})")
        print(f"opbouw (bulk insert):   {opbouw:.1f} s")
        print(f"niets te doen:          {leeg_s * 1000:.1f} ms, {leeg_q} queries")
        print(
            f"{args.te_laat:,} te laat:        {vol_s:.1f} s, {vol_q:,} queries "
            f"({vol_q / max(args.te_laat, 1):.1f} per verzoek, "
            f"{args.te_laat / vol_s:,.0f} verzoeken per seconde)"
        )
        print(
            f"  waarvan CPU dit proces: {vol_cpu:.1f} s "
            f"({vol_cpu / max(args.te_laat, 1) * 1000:.1f} ms per verzoek)"
        )
        print(f"tweede ronde zelfde dag: {weer_s * 1000:.1f} ms, {weer_q} queries")
        print(f"  {vol.regel()}")
        print(f"  {keten.melding}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

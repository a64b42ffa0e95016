"""Benchmark: signal intake throughput against a bare Django view (issue 4, DESIGN §5).

Both run in ONE gunicorn (production settings, PostgreSQL) in the same run, loaded by wrk with
the same connections and duration, alternating A B A B so drift hits both:

- A, the bare view: a Django view that inserts one row (`INSERT INTO bench_kaal`) and answers
  201; no session, no middleware work beyond the stack every request passes.
- B, the intake: `POST /api/v1/signalen` as a logged-in professional (session cookie and CSRF
  token), a named signal: validation, screening for citizen data, routing, the signal row, the
  Wbk acknowledgement request with its responsible level, notifications to the handlers and the
  audit events, all in one transaction.

The result is reported as requests per second of each and the ratio B / A; DESIGN §5 asks for at
least 0.5. Every response must be 201 (wrk counts the others), and the number of signals stored
must equal the number of 201s counted by the server.

    .venv/bin/python benchmarks/intake.py --database-url postgres://postgres@127.0.0.1/scratch

The scratch database must be empty. Needs Debian's `wrk` (`apt-get install -y wrk`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent / "src"))
POORT = 8765
LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[%s]]
%s
"""

#: The intake's request body: a named signal.
SIGNAAL = {
    "kanaal": "benoemd",
    "organisatie": "meet",
    "titel": "Terugvordering bij een kleine fout",
    "tekst": "Een gezin moet alles terugbetalen door een fout van twee euro. " * 3,
}


def _setup(database_url: str, data_dir: str) -> dict[str, str]:
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        # This checkout's code, also when another one is installed in the environment.
        "PYTHONPATH": f"{HIER}{os.pathsep}{HIER.parent / 'src'}",
        "DATABASE_URL": database_url,
        "UITVOERBAAR_DATA_DIR": data_dir,
        "SECRET_KEY": "b" * 64,
        "SIGNALEN_SLEUTELS": "Tq0vC1mtzcdDXZkZ8hvZr1o5P3cM8HfxY5D3kqJbXWs=",
        "SIGNALEN_BONZOUT": "c" * 40,
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        # No mail relay on a benchmark machine: e-mail is dropped instead of failing to connect.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    os.environ.update(omgeving)
    import django

    django.setup()
    return omgeving


def _wereld() -> tuple[str, str]:
    """A ministry, an executive organisation with five behandelaars and a professional, the
    kinds of request; returns the professional's session key and CSRF secret."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.middleware.csrf import _get_new_csrf_string  # type: ignore[attr-defined]

    from uitvoerbaar.core.constants import OrganisatieSoort, Rol
    from uitvoerbaar.core.models import Gebruiker, Lidmaatschap, Organisatie
    from uitvoerbaar.responsplicht.laden import load_soorten

    load_soorten()
    ministerie = Organisatie.objects.create(
        naam="Ministerie van Meten", slug="mvm", soort=OrganisatieSoort.MINISTERIE
    )
    dienst = Organisatie.objects.create(
        naam="Meetdienst",
        slug="meet",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    for i in range(5):
        b = Gebruiker.objects.create_user(username=f"behandelaar{i}", email=f"b{i}@example.org")
        Lidmaatschap.objects.create(gebruiker=b, organisatie=dienst, rol=Rol.BEHANDELAAR)
    melder = Gebruiker.objects.create_user(username="melder", password="x")
    Lidmaatschap.objects.create(gebruiker=melder, organisatie=dienst, rol=Rol.MEDEWERKER)
    sessie = SessionStore()
    sessie[SESSION_KEY] = str(melder.pk)
    sessie[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    sessie[HASH_SESSION_KEY] = melder.get_session_auth_hash()
    sessie.create()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_kaal (id bigserial PRIMARY KEY, tekst text)")
    return sessie.session_key or "", _get_new_csrf_string()


def _wrk(url: str, lua: str, seconden: int, verbindingen: int) -> tuple[float, int, int]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    uit = subprocess.run(
        ["wrk", "-t2", f"-c{verbindingen}", f"-d{seconden}s", "-s", f.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(f.name)
    per_sec = float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1))  # type: ignore[union-attr]
    totaal = int(re.search(r"(\d+) requests in", uit).group(1))  # type: ignore[union-attr]
    fout = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
    return per_sec, totaal, int(fout.group(1)) if fout else 0


def _wacht_tot_klaar(url: str) -> None:
    """Until the server answers (it imports the platform before it listens)."""
    import urllib.request

    for _ in range(300):
        try:
            verzoek = urllib.request.Request(url, b"x")  # noqa: S310 - our own http://127.0.0.1
            with urllib.request.urlopen(verzoek, timeout=60):  # noqa: S310
                return
        except OSError:
            time.sleep(1)
    raise RuntimeError("gunicorn antwoordt niet")


def _rondgangen(sessie: str, csrf: str) -> int:
    """Statements sent to the database by one warmed intake (BEGIN and COMMIT included),
    through Django's test client: independent of the load on the machine."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(enforce_csrf_checks=True, SERVER_NAME="127.0.0.1")
    client.cookies["sessionid"] = sessie
    client.cookies["csrftoken"] = csrf

    def intake() -> int:
        return client.post(
            "/api/v1/signalen",
            json.dumps(SIGNAAL),
            content_type="application/json",
            HTTP_X_CSRFTOKEN=csrf,
        ).status_code

    intake()
    with CaptureQueriesContext(connection) as vastgelegd:
        status = intake()
    assert status == 201, status
    return len(vastgelegd.captured_queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seconden", type=int, default=15)
    parser.add_argument("--verbindingen", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument(
        "--rondes", type=int, default=2, help="A B pairs to measure (alternating); default 2"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk ontbreekt: apt-get install -y wrk", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as data_dir:
        omgeving = _setup(args.database_url, data_dir)
        from django.core.management import call_command
        from django.db import connection

        if connection.introspection.table_names():
            print("De database is niet leeg; geef een lege kladdatabase op.", file=sys.stderr)
            return 2
        call_command("migrate", verbosity=0)
        sessie, csrf = _wereld()
        connection.close()
        server = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "intake_wsgi",
                "--preload",
                "--timeout",
                "120",
                "--workers",
                str(args.workers),
                "--bind",
                f"127.0.0.1:{POORT}",
                "--log-level",
                "warning",
            ],
            env=omgeving,
        )
        try:
            basis = f"http://127.0.0.1:{POORT}"
            _wacht_tot_klaar(f"{basis}/bench/kaal/")
            kaal = LUA % ("x" * 200, "")
            signaal = json.dumps(SIGNAAL)
            intake = LUA % (
                signaal,
                f'wrk.headers["Cookie"] = "sessionid={sessie}; csrftoken={csrf}"\n'
                f'wrk.headers["X-CSRFToken"] = "{csrf}"',
            )
            _wrk(f"{basis}/bench/kaal/", kaal, 3, args.verbindingen)  # warm up
            _wrk(f"{basis}/api/v1/signalen", intake, 3, args.verbindingen)
            metingen: dict[str, list[tuple[float, int, int]]] = {"kaal": [], "intake": []}
            for _ in range(args.rondes):
                metingen["kaal"].append(
                    _wrk(f"{basis}/bench/kaal/", kaal, args.seconden, args.verbindingen)
                )
                metingen["intake"].append(
                    _wrk(f"{basis}/api/v1/signalen", intake, args.seconden, args.verbindingen)
                )
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                # A loaded machine: workers still finishing wrk's last requests.
                server.kill()
                server.wait(timeout=30)
        from uitvoerbaar.signalen.models import Signaal

        opgeslagen = Signaal.objects.count()
        a = sum(m[0] for m in metingen["kaal"]) / args.rondes
        b = sum(m[0] for m in metingen["intake"]) / args.rondes
        fouten = sum(m[2] for m in metingen["intake"]) + sum(m[2] for m in metingen["kaal"])
        print(f"machine: {os.cpu_count()} cores; gunicorn {args.workers} workers; PostgreSQL")
        print(f"wrk -t2 -c{args.verbindingen} -d{args.seconden}s, {args.rondes}x each, alternating")
        print(f"kale view (1 INSERT): {a:.0f} verzoeken/s")
        print(f"intake POST /api/v1/signalen: {b:.0f} verzoeken/s")
        print(f"verhouding intake / kaal: {b / a:.2f}")
        print(f"antwoorden anders dan 2xx: {fouten}; signalen opgeslagen: {opgeslagen}")
        # Added lines (keep the ones above as they are: `make bench` reads them).
        print(
            "per ronde (kaal, intake verzoeken/s): "
            + ", ".join(
                f"{k[0]:.0f}/{i[0]:.0f}"
                for k, i in zip(metingen["kaal"], metingen["intake"], strict=True)
            )
        )
        print(f"databaseverzoeken per intake: {_rondgangen(sessie, csrf)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: every benchmark of DESIGN §5 in one run, against PostgreSQL and gunicorn with
production settings, on data made by `uitvoerbaar generate_data` (issue 9).

1. The dataset: `generate_data --scale S --seed N` into the bench database (kept between runs
   with --hergebruik, since the national scale takes long to build). Every measurement runs on
   a copy (`CREATE DATABASE ... TEMPLATE`), dropped afterwards: the sweep and intake change it.
2. Pages: every parameterless page and API route of the URL resolver (`core.routes`), GET as a
   person holding a role the permission table (`core.policy`) allows for it, in the
   organisation with the most signals that has that role; loaded by wrk for a few seconds
   each, p50 and p95 of the latency. Routes that do not answer 200 to a plain GET (forms that
   only post, downloads that need parameters) are listed with their status, not measured.
3. Intake: `POST /api/v1/signalen` against a bare Django view inserting one row
   (`bench_urls.kaal`), alternating A B A B in the same server: the ratio.
4. In process, on the same copy: similar-signal and precedent search latency, audit
   verification against raw sha256 over the same canonical bytes, the deadline sweep on a day
   with nothing due and on the day the generator's overdue requests are due, and the report
   (`benchmarks/rapport.py`, when it exists).
5. Writes `benchmarks/resultaten.json` and the generated section of `docs/benchmarks.md`.

    .venv/bin/python benchmarks/bench.py --scale medium [--hergebruik]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HIER = Path(__file__).resolve().parent
REPO = HIER.parent
BIN = Path(sys.executable).parent
POORT = 8766
BEGIN = "<!-- begin: gegenereerd door make bench ({schaal}) -->"
EINDE = "<!-- einde: gegenereerd door make bench ({schaal}) -->"
LUA_GET = """
%s
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("JSON {\\"p50\\":%%.3f,\\"p95\\":%%.3f,\\"n\\":%%d,\\"fouten\\":%%d}\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests,
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def _omgeving(database_url: str, data_dir: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": str(HIER),
        "DATABASE_URL": database_url,
        "UITVOERBAAR_DATA_DIR": data_dir,
        "SECRET_KEY": "b" * 64,
        "SIGNALEN_SLEUTELS": "Tq0vC1mtzcdDXZkZ8hvZr1o5P3cM8HfxY5D3kqJbXWs=",
        "SIGNALEN_BONZOUT": "c" * 40,
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }


def _machine(database_url: str) -> dict[str, Any]:
    import psycopg

    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for regel in f:
            if regel.startswith("model name"):
                cpu = regel.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        kib = int(next(r for r in f if r.startswith("MemTotal")).split()[1])
    with psycopg.connect(_beheer(database_url)[0]) as conn:
        versie = conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "geheugen_gib": round(kib / 1_048_576, 1),
        "cpu": cpu,
        "postgresql": versie,
        "python": platform.python_version(),
        "belasting_bij_start": [round(x, 1) for x in os.getloadavg()],
        "commit": commit,
        "datum": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def _beheer(database_url: str) -> tuple[str, str]:
    basis, naam = database_url.rsplit("/", 1)
    return basis + "/postgres", naam


def _sql(database_url: str, sql: str) -> None:
    import psycopg

    beheer, _ = _beheer(database_url)
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(sql)


def _heeft_data(database_url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(database_url) as conn:
            rij = conn.execute("SELECT count(*) FROM core_organisatie").fetchone()
            return bool(rij and rij[0])
    except psycopg.Error:
        return False


def _uitvoerbaar(omgeving: dict[str, str], *args: str) -> None:
    subprocess.run([str(BIN / "uitvoerbaar"), *args], env=omgeving, check=True)


# -- pages ---------------------------------------------------------------------------------


def _paginas() -> list[tuple[str, str, str]]:
    """(path, route name, policy action) of every parameterless GET candidate."""
    from uitvoerbaar.core.routes import all_routes

    uit = []
    for route in all_routes():
        pad = route.pad
        if route.converters or "<" in pad or "(?P" in pad or pad.startswith("^"):
            continue
        naam = route.naam or ""
        if any(w in pad for w in ("beheer/", "admin/", "uitloggen", "logout", "oidc/", "__")):
            continue
        if route.policy_actie is None:
            continue
        uit.append(("/" + pad, naam, route.policy_actie))
    return sorted(set(uit))


ROL_VOORKEUR = (
    "behandelaar",
    "bestuur",
    "medewerker",
    "beleidsmaker",
    "ambtelijke_top",
    "bewindspersoon",
    "vertrouwenspersoon",
    "griffie",
    "kamerlid",
    "beheerder",
)


def _persoon_voor(actie: str, cache: dict[str, tuple[str, int] | None]) -> tuple[str, int] | None:
    """A (role, person id) allowed `actie`, in the organisation with the most signals that has
    the role; None for public pages (anonymous)."""
    from django.db.models import Count

    from uitvoerbaar.core.models import Lidmaatschap, Organisatie
    from uitvoerbaar.core.policy import POLICY, Reikwijdte

    regel = POLICY[actie]
    if regel.reikwijdte == Reikwijdte.PUBLIEK:
        return None
    rollen = [r for r in ROL_VOORKEUR if not regel.rollen or r in regel.rollen]
    rol = rollen[0] if rollen else "medewerker"
    if rol not in cache:
        orgs = (
            Organisatie.objects.filter(lidmaatschappen__rol=rol)
            .annotate(n=Count("signalen", distinct=True))
            .order_by("-n", "pk")
            .values_list("pk", flat=True)
        )
        org = orgs.first()
        lid = Lidmaatschap.objects.filter(organisatie_id=org, rol=rol).order_by("pk").first()
        cache[rol] = (rol, lid.gebruiker_id) if lid else None
    return cache[rol]


def _sessie(persoon_id: int) -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from uitvoerbaar.core.models import Gebruiker

    persoon = Gebruiker.objects.get(pk=persoon_id)
    s = SessionStore()
    s[SESSION_KEY] = str(persoon.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = persoon.get_session_auth_hash()
    if persoon.tweede_factor_vereist:
        apparaat = TOTPDevice.objects.create(user=persoon, name="bench", confirmed=True)
        s["otp_device_id"] = apparaat.persistent_id
    s.create()
    return s.session_key or ""


def _get_status(pad: str, cookie: str) -> int:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", POORT, timeout=120)
    try:
        conn.request("GET", pad, headers={"Cookie": cookie} if cookie else {})
        antwoord = conn.getresponse()
        antwoord.read()
        return antwoord.status
    finally:
        conn.close()


def _wacht_op_server() -> None:
    """Until the server answers; then a few requests so every worker has served one."""
    einde = time.monotonic() + 300
    while True:
        try:
            _get_status("/", "")
            break
        except OSError:
            if time.monotonic() > einde:
                raise
            time.sleep(0.5)
    for _ in range(4 * (os.cpu_count() or 1)):
        _get_status("/", "")


def _wrk(url: str, lua: str, seconden: int, verbindingen: int) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    try:
        return subprocess.run(
            [
                "wrk",
                "-t1" if verbindingen <= 2 else "-t2",
                f"-c{verbindingen}",
                f"-d{seconden}s",
                "--timeout",
                "60s",
                "-s",
                f.name,
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(f.name)


def _meet_paginas(seconden: int) -> list[dict[str, Any]]:
    from uitvoerbaar.core.policy import POLICY

    cache: dict[str, tuple[str, int] | None] = {}
    sessies: dict[int, str] = {}
    uitkomst = []
    for pad, naam, actie in _paginas():
        if actie not in POLICY:
            continue
        wie = _persoon_voor(actie, cache)
        cookie = ""
        if wie is not None:
            if wie[1] not in sessies:
                sessies[wie[1]] = _sessie(wie[1])
            cookie = f"sessionid={sessies[wie[1]]}"
        rij: dict[str, Any] = {
            "pad": pad,
            "naam": naam,
            "actie": actie,
            "rol": wie[0] if wie else "anoniem",
        }
        status = _get_status(pad, cookie)
        rij["status"] = status
        if status == 200:
            kop = f'wrk.headers["Cookie"] = "{cookie}"' if cookie else ""
            _wrk(f"http://127.0.0.1:{POORT}{pad}", LUA_GET % kop, 1, 2)  # warm up
            uit = _wrk(f"http://127.0.0.1:{POORT}{pad}", LUA_GET % kop, seconden, 2)
            gemeten = json.loads(re.search(r"JSON (\{.*\})", uit).group(1))  # type: ignore[union-attr]
            rij.update(gemeten)
            rij["commando"] = f"wrk -t1 -c2 -d{seconden}s http://127.0.0.1:{POORT}{pad}"
        print(f"  {pad:<55} {rij['rol']:<14} {status} {rij.get('p50', '')} {rij.get('p95', '')}")
        uitkomst.append(rij)
    return uitkomst


# -- intake ----------------------------------------------------------------------------------


def _warm_intake(slug: str, sessie: str, csrf: str, body: str) -> None:
    """Two intakes per worker at once, waited for: every worker has built its lazy state
    (URL reverse tables, serialisers) before wrk counts anything."""
    import http.client
    import threading

    def post() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", POORT, timeout=300)
        conn.request(
            "POST",
            "/api/v1/signalen",
            body=body,
            headers={
                "Content-Type": "application/json",
                "Cookie": f"sessionid={sessie}; csrftoken={csrf}",
                "X-CSRFToken": csrf,
            },
        )
        conn.getresponse().read()
        conn.close()

    draden = [threading.Thread(target=post) for _ in range(4 * (os.cpu_count() or 1))]
    for d in draden:
        d.start()
    for d in draden:
        d.join()


def _meet_intake(seconden: int) -> dict[str, Any]:
    from django.db import connection
    from django.db.models import Count
    from django.middleware.csrf import _get_new_csrf_string  # type: ignore[attr-defined]

    from uitvoerbaar.core.models import Lidmaatschap
    from uitvoerbaar.signalen.models import Signaal

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_kaal (id bigserial PRIMARY KEY, tekst text)"
        )
    # A professional of the organisation with the most signals (the heaviest routing).
    org = (
        Signaal.objects.values("organisatie")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("organisatie", flat=True)
        .first()
    )
    lid = Lidmaatschap.objects.filter(organisatie_id=org, rol="medewerker").order_by("pk").first()
    assert lid is not None
    sessie, csrf = _sessie(lid.gebruiker_id), _get_new_csrf_string()
    slug = lid.organisatie.slug
    lua = (
        'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
        "wrk.body = [[%s]]\n%s\n"
    )
    kaal = lua % ("x" * 200, "")
    signaal = json.dumps(
        {
            "kanaal": "benoemd",
            "organisatie": slug,
            "titel": "Terugvordering bij een kleine fout",
            "tekst": "Een gezin moet alles terugbetalen door een fout van twee euro. " * 3,
        }
    )
    intake = lua % (
        signaal,
        f'wrk.headers["Cookie"] = "sessionid={sessie}; csrftoken={csrf}"\n'
        f'wrk.headers["X-CSRFToken"] = "{csrf}"',
    )

    def meet(url: str, script: str, s: int) -> tuple[float, int]:
        uit = _wrk(url, script, s, 16)
        per_sec = float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1))  # type: ignore[union-attr]
        fout = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
        return per_sec, int(fout.group(1)) if fout else 0

    basis = f"http://127.0.0.1:{POORT}"
    _warm_intake(slug, sessie, csrf, signaal)
    meet(f"{basis}/bench/kaal/", kaal, 3)
    a, b, fouten = [], [], 0
    for _ in range(2):
        time.sleep(3)  # let requests wrk left behind finish before the next run
        r, f = meet(f"{basis}/bench/kaal/", kaal, seconden)
        a.append(r)
        fouten += f
        time.sleep(3)
        r, f = meet(f"{basis}/api/v1/signalen", intake, seconden)
        b.append(r)
        fouten += f
    kaal_s, intake_s = statistics.mean(a), statistics.mean(b)
    return {
        "kaal_per_seconde": round(kaal_s, 1),
        "intake_per_seconde": round(intake_s, 1),
        "verhouding": round(intake_s / kaal_s, 3) if kaal_s else None,
        "niet_2xx": fouten,
        "commando": f"wrk -t2 -c16 -d{seconden}s, twee keer elk, afwisselend "
        "(POST /bench/kaal/ en POST /api/v1/signalen)",
    }


# -- in process -------------------------------------------------------------------------------


def _percentielen(tijden_s: list[float]) -> dict[str, float]:
    t = sorted(x * 1000 for x in tijden_s)
    return {
        "n": len(t),
        "p50": round(statistics.median(t), 2),
        "p95": round(t[int(0.95 * (len(t) - 1))], 2),
        "max": round(t[-1], 2),
    }


def _meet_gelijkenis(vragen: int) -> dict[str, Any]:
    from django.db.models import Count

    from uitvoerbaar.core.generator import teksten
    from uitvoerbaar.signalen import gelijkenis
    from uitvoerbaar.signalen.models import Signaal

    orgs = list(
        Signaal.objects.values("organisatie")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("organisatie", flat=True)
    )
    gewichten = [1 / (k + 1) for k in range(len(orgs))]
    rnd = random.Random(2)
    uit: dict[str, Any] = {}
    for naam, alleen_grootste in (("gewogen", False), ("grootste", True)):
        tijden = []
        for n in range(vragen + 10):
            org = orgs[0] if alleen_grootste else rnd.choices(orgs, weights=gewichten)[0]
            begin = time.perf_counter()
            gelijkenis.zoek(organisatie_id=org, titel=teksten.titel(rnd), tekst=teksten.tekst(rnd))
            if n >= 10:  # the first ten warm the caches
                tijden.append(time.perf_counter() - begin)
        uit[naam] = _percentielen(tijden)
    uit["commando"] = f"signalen.gelijkenis.zoek, {vragen} vragen per reeks, in proces"
    return uit


def _meet_precedenten(vragen: int) -> dict[str, Any]:
    from django.db.models import Count

    from uitvoerbaar.afwijkingen import gelijkenis, precedenten
    from uitvoerbaar.afwijkingen.models import Afwijking

    artikelen = list(
        Afwijking.objects.values("artikel")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("artikel", "n")[:200]
    )
    voorbeelden = list(
        Afwijking.objects.order_by("?").values(
            "organisatie_id", "casus", "huishouden", "inkomensband", "knelpunt", "bedrag"
        )[: vragen + 10]
    )
    rnd = random.Random(11)
    tijden = []
    for n, v in enumerate(voorbeelden):
        casus = gelijkenis.Casus(
            huishouden=v["huishouden"],
            inkomensband=v["inkomensband"],
            knelpunt=v["knelpunt"],
            bedrag=v["bedrag"],
            grond_id=None,
            tokens=gelijkenis.trigrammen(gelijkenis.tokens([v["casus"]])),
        )
        artikel = artikelen[int(rnd.random() ** 2 * len(artikelen))][0]
        begin = time.perf_counter()
        precedenten.zoek(casus=casus, artikel_id=artikel, organisatie_ids=[v["organisatie_id"]])
        if n >= 10:
            tijden.append(time.perf_counter() - begin)
    return {
        **_percentielen(tijden),
        "grootste_artikel": artikelen[0][1] if artikelen else 0,
        "commando": f"afwijkingen.precedenten.zoek, {vragen} vragen, in proces",
    }


def _meet_audit() -> dict[str, Any]:
    from uitvoerbaar.audit.hashing import canonical
    from uitvoerbaar.audit.models import AuditEvent
    from uitvoerbaar.audit.verification import VELDEN, verify_chain

    begin = time.perf_counter()
    resultaat = verify_chain()
    verificatie = time.perf_counter() - begin
    assert resultaat.ok, resultaat.melding
    # Raw sha256 over the same canonical bytes: built per chunk (not timed), hashed (timed).
    alleen_hash, bytes_totaal = 0.0, 0
    rijen = AuditEvent.objects.order_by("volgnummer").values_list(*VELDEN).iterator(chunk_size=5000)
    stuk: list[bytes] = []

    def hash_stuk() -> float:
        t = time.perf_counter()
        for b in stuk:
            hashlib.sha256(b).hexdigest()
        return time.perf_counter() - t

    for rij in rijen:
        velden = dict(zip(VELDEN[:-1], rij[:-1], strict=True))
        b = canonical(**velden)
        bytes_totaal += len(b)
        stuk.append(b)
        if len(stuk) >= 50_000:
            alleen_hash += hash_stuk()
            stuk = []
    alleen_hash += hash_stuk()
    return {
        "gebeurtenissen": resultaat.aantal,
        "verify_seconden": round(verificatie, 2),
        "per_seconde": round(resultaat.aantal / verificatie),
        "sha256_seconden": round(alleen_hash, 3),
        "megabytes": round(bytes_totaal / 1_048_576, 1),
        "verhouding": round(verificatie / alleen_hash, 1),
        "commando": "audit.verification.verify_chain() tegen hashlib.sha256 over dezelfde "
        "canonieke bytes (audit.hashing.canonical), in proces",
    }


def _meet_sweep(peildatum: dt.date, te_laat: int) -> dict[str, Any]:
    from django.db import connection

    from uitvoerbaar.responsplicht.sweep import process_deadlines

    def meet(dag: dt.date) -> dict[str, Any]:
        teller = [0]

        def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            teller[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(wrapper):
            begin = time.perf_counter()
            verslag = process_deadlines(vandaag=dag)
            duur = time.perf_counter() - begin
        return {
            "dag": dag.isoformat(),
            "seconden": round(duur, 3),
            "queries": teller[0],
            "geescaleerd": verslag.geescaleerd,
            "totaal": verslag.totaal,
            "mislukt": verslag.mislukt,
        }

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    leeg = meet(peildatum - dt.timedelta(days=2))
    vol = meet(peildatum)
    return {
        "niets_te_doen": leeg,
        "te_laat": vol,
        "verwacht_te_laat": te_laat,
        "commando": "responsplicht.sweep.process_deadlines(vandaag=...), in proces",
    }


def _meet_rapport(omgeving: dict[str, str]) -> dict[str, Any] | None:
    """The Stand van de uitvoering (national overview and one organisation) on the generated
    data: `benchmarks/rapport.py --gegenereerd`, its own figures in its output."""
    script = HIER / "rapport.py"
    if not script.exists():
        return None
    begin = time.perf_counter()
    uit = subprocess.run(
        [sys.executable, str(script), "--gegenereerd", "--database-url", omgeving["DATABASE_URL"]],
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "seconden": round(time.perf_counter() - begin, 2),
        "returncode": uit.returncode,
        "uitvoer": uit.stdout[-2000:],
        "commando": f"{sys.executable} benchmarks/rapport.py --gegenereerd --database-url <kopie>",
    }


# -- report -----------------------------------------------------------------------------------


DEEL_TITEL = {
    "zoeken": "Search latency",
    "audit": "Audit verification",
    "sweep": "Deadline sweep",
    "paginas": "Pages and API lists",
    "intake": "Intake against a bare view",
    "rapport": "Report generation",
}


def _markdown(r: dict[str, Any]) -> str:
    m, sch = r["machine"], r["schaal"]
    regels = [
        BEGIN.format(schaal=sch["naam"]),
        "",
        f"## Measured by `make bench` at {sch['naam']} scale (generated; do not edit by hand)",
        "",
        f"Command: `{r['commando']}`. Machine: {m['nproc']} cores ({m['cpu']}), "
        f"{m['geheugen_gib']} GiB memory, PostgreSQL {m['postgresql']}, Python {m['python']}; "
        f"load average at the start {m['belasting_bij_start']}; commit `{m['commit']}`, "
        f"{m['datum']}.",
        "",
        f"Data: `uitvoerbaar generate_data --scale {sch['naam']} --seed {sch['seed']}` "
        f"({', '.join(f'{k} {v:,}' for k, v in sch['tellingen'].items())}).",
        "",
    ]
    if "intake" in r:
        i = r["intake"]
        regels += [
            "### Intake against a bare view",
            "",
            "| bare view | intake | ratio | non-2xx | command |",
            "|---|---|---|---|---|",
            f"| {i['kaal_per_seconde']:,} req/s | {i['intake_per_seconde']:,} req/s | "
            f"{i['verhouding']} | {i['niet_2xx']} | {i['commando']} |",
            "",
        ]
    if "paginas" in r:
        regels += [
            "### Pages and API lists (GET, wrk with 2 connections)",
            "",
            "| path | as | p50 ms | p95 ms | requests | errors |",
            "|---|---|---|---|---|---|",
        ]
        overgeslagen = []
        for p in r["paginas"]:
            if p["status"] != 200:
                overgeslagen.append(f"`{p['pad']}` ({p['status']})")
                continue
            if not p.get("n"):
                regels.append(f"| `{p['pad']}` | {p['rol']} | — | — | 0 | no request finished |")
                continue
            regels.append(
                f"| `{p['pad']}` | {p['rol']} | {p['p50']:.1f} | {p['p95']:.1f} | {p['n']} | "
                f"{p['fouten']} |"
            )
        regels += [
            "",
            f"Each row: `wrk -t1 -c2 -d{r['seconden_per_pagina']}s <url>` with the session "
            "cookie of the role shown.",
            "Not measured (no 200 on a plain GET): " + (", ".join(overgeslagen) or "none") + ".",
            "",
        ]
    if "sweep" in r:
        s = r["sweep"]
        regels += [
            "### Deadline sweep",
            "",
            "| day | due | escalated | failed | seconds | queries |",
            "|---|---|---|---|---|---|",
        ]
        for label, x in (("nothing due", s["niets_te_doen"]), ("overdue due", s["te_laat"])):
            regels.append(
                f"| {x['dag']} ({label}) | {x['totaal']} | {x['geescaleerd']} | {x['mislukt']} | "
                f"{x['seconden']} | {x['queries']} |"
            )
        regels += ["", f"Command: {s['commando']}.", ""]
    if "gelijkenis" in r:
        g = r["gelijkenis"]
        p = r["precedenten"]
        regels += [
            "### Search latency",
            "",
            "| lookup | n | p50 ms | p95 ms | max ms |",
            "|---|---|---|---|---|",
            f"| similar signals, organisation drawn 1/k | {g['gewogen']['n']} | "
            f"{g['gewogen']['p50']} | {g['gewogen']['p95']} | {g['gewogen']['max']} |",
            f"| similar signals, largest organisation | {g['grootste']['n']} | "
            f"{g['grootste']['p50']} | {g['grootste']['p95']} | {g['grootste']['max']} |",
            f"| precedents (articles drawn by size) | {p['n']} | {p['p50']} | {p['p95']} | "
            f"{p['max']} |",
            "",
            f"Commands: {g['commando']}; {p['commando']}.",
            "",
        ]
    if "audit" in r:
        a = r["audit"]
        regels += [
            "### Audit verification",
            "",
            f"{a['gebeurtenissen']:,} events ({a['megabytes']} MB canonical): `verify_chain` "
            f"{a['verify_seconden']} s ({a['per_seconde']:,} per second); raw sha256 over the "
            f"same bytes {a['sha256_seconden']} s; ratio {a['verhouding']}. {a['commando']}.",
            "",
        ]
    for deel, h in sorted(r.get("herkomst", {}).items()):
        hm = h["machine"]
        regels += [
            f"*{DEEL_TITEL[deel]}*: figures carried over from an earlier run (`{h['commando']}`, "
            f"commit `{hm['commit']}`, {hm['datum']}, load average at its start "
            f"{hm['belasting_bij_start']}).",
            "",
        ]
    rapport = r.get("rapport")
    regels += [
        "### Report generation",
        "",
        (
            f"`benchmarks/rapport.py --gegenereerd`: {rapport['seconden']} s in all "
            f"(exit {rapport['returncode']}):\n\n```\n{rapport['uitvoer'].strip()}\n```"
            if rapport
            else "Not measured in this run."
        ),
        "",
        EINDE.format(schaal=sch["naam"]),
    ]
    return "\n".join(regels) + "\n"


def _schrijf_docs(pad: Path, blok: str, schaal: str) -> None:
    """Replace this scale's generated block in `pad`, or append it; the rest stays as written."""
    tekst = pad.read_text(encoding="utf-8")
    begin, einde = BEGIN.format(schaal=schaal), EINDE.format(schaal=schaal)
    if begin in tekst and einde in tekst:
        voor = tekst.split(begin, 1)[0]
        na = tekst.split(einde, 1)[1]
        tekst = voor + blok.rstrip("\n") + na
    else:
        tekst = tekst.rstrip("\n") + "\n\n" + blok
    pad.write_text(tekst, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/uitvoerbaar_bench"
    )
    parser.add_argument("--scale", default="national", choices=("small", "medium", "national"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hergebruik", action="store_true", help="keep generated data")
    parser.add_argument("--seconden", type=int, default=5, help="wrk seconds per page")
    parser.add_argument("--intake-seconden", type=int, default=15)
    parser.add_argument("--vragen", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--json", type=Path, default=HIER / "resultaten.json")
    parser.add_argument("--docs", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument(
        "--overslaan",
        default="",
        help="comma-separated parts to skip: paginas,intake,zoeken,audit,sweep,rapport; a "
        "skipped part keeps the figures of an earlier run at this scale, marked as such",
    )
    parser.add_argument(
        "--zonder-kopie",
        action="store_true",
        help="measure on the bench database itself, no copy (only with --overslaan sweep; "
        "the intake then adds signals to it)",
    )
    parser.add_argument(
        "--alleen-docs",
        type=Path,
        default=None,
        help="only write the docs and JSON from the result of an earlier run (its JSON file)",
    )
    args = parser.parse_args()
    if args.alleen_docs:
        _bewaar(args.json, args.docs, json.loads(args.alleen_docs.read_text(encoding="utf-8")))
        return 0
    if not shutil.which("wrk"):
        print("wrk ontbreekt: installeer het met `apt-get install -y wrk`.", file=sys.stderr)
        return 2
    if not args.database_url.startswith("postgres"):
        print("make bench meet op PostgreSQL: geef een postgres://-adres.", file=sys.stderr)
        return 2

    from uitvoerbaar.core.generator.bouw import STANDAARD_PEILDATUM
    from uitvoerbaar.core.generator.schalen import SCHALEN

    schaal = SCHALEN[args.scale]
    commando = " ".join(["benchmarks/bench.py", *sys.argv[1:]])
    resultaat: dict[str, Any] = {"commando": commando, "machine": _machine(args.database_url)}
    with tempfile.TemporaryDirectory(prefix="bench-") as data_dir:
        bron = _omgeving(args.database_url, data_dir)
        if not (args.hergebruik and _heeft_data(args.database_url)):
            _, naam = _beheer(args.database_url)
            _sql(args.database_url, f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
            _sql(args.database_url, f'CREATE DATABASE "{naam}"')
            _uitvoerbaar(bron, "migrate", "--noinput", "-v0")
            begin = time.perf_counter()
            _uitvoerbaar(bron, "generate_data", "--scale", args.scale, "--seed", str(args.seed))
            resultaat["generator_seconden"] = round(time.perf_counter() - begin, 1)
            subprocess.run(["psql", args.database_url, "-qc", "VACUUM ANALYZE"], check=True)
        # Measure on a copy: the sweep and the intake change the data.
        _, naam = _beheer(args.database_url)
        kopie_url = args.database_url.rsplit("/", 1)[0] + f"/{naam}_meting"
        if args.zonder_kopie:
            if "sweep" not in args.overslaan.split(","):
                parser.error("--zonder-kopie alleen met --overslaan sweep")
            kopie_url = args.database_url
        else:
            _sql(args.database_url, f'DROP DATABASE IF EXISTS "{naam}_meting" WITH (FORCE)')
            _sql(args.database_url, f'CREATE DATABASE "{naam}_meting" TEMPLATE "{naam}"')
        omgeving = _omgeving(kopie_url, data_dir)
        os.environ.update(omgeving)
        sys.path.insert(0, str(HIER))
        import django

        django.setup()
        from django.db import connection

        from uitvoerbaar.audit.models import AuditEvent
        from uitvoerbaar.core.models import Gebruiker, Organisatie
        from uitvoerbaar.responsplicht.models import Reactieverzoek
        from uitvoerbaar.signalen.models import Signaal

        resultaat["schaal"] = {
            "naam": args.scale,
            "seed": args.seed,
            "tellingen": {
                "organisaties": Organisatie.objects.count(),
                "personen": Gebruiker.objects.count(),
                "signalen": Signaal.objects.count(),
                "open verzoeken": Reactieverzoek.objects.lopend().count(),
                "auditgebeurtenissen": AuditEvent.objects.count(),
            },
        }
        # In process first (the sweep before the intake adds requests of its own).
        print("Zoeken, audit, termijnbewaking:")
        overslaan = set(filter(None, args.overslaan.split(",")))
        resultaat["overgeslagen"] = sorted(overslaan)
        if "zoeken" not in overslaan:
            resultaat["gelijkenis"] = _meet_gelijkenis(args.vragen)
            print(f"  {resultaat['gelijkenis']}")
            resultaat["precedenten"] = _meet_precedenten(args.vragen)
            print(f"  {resultaat['precedenten']}")
        if "audit" not in overslaan:
            resultaat["audit"] = _meet_audit()
            print(f"  {resultaat['audit']}")
        if "sweep" not in overslaan:
            resultaat["sweep"] = _meet_sweep(STANDAARD_PEILDATUM, schaal.te_laat)
            print(f"  {resultaat['sweep']}")
        _uitvoerbaar(omgeving, "collectstatic", "--noinput", "-v0")
        connection.close()
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "bench_wsgi",
                "--preload",
                "--workers",
                str(args.workers),
                "--timeout",
                "120",
                "--bind",
                f"127.0.0.1:{POORT}",
                "--log-level",
                "warning",
            ],
            env=omgeving,
            start_new_session=True,
        )
        try:
            _wacht_op_server()
            if "paginas" not in overslaan:
                print("Pagina's:")
                resultaat["seconden_per_pagina"] = args.seconden
                resultaat["paginas"] = _meet_paginas(args.seconden)
            if "intake" not in overslaan:
                print("Intake:")
                resultaat["intake"] = _meet_intake(args.intake_seconden)
                print(f"  {resultaat['intake']}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
        if "rapport" not in overslaan:
            resultaat["rapport"] = _meet_rapport(omgeving)
        connection.close()
        if not args.zonder_kopie:
            _sql(args.database_url, f'DROP DATABASE IF EXISTS "{naam}_meting" WITH (FORCE)')
    _bewaar(args.json, args.docs, resultaat)
    return 0


# The keys of each part in the results, for carrying a skipped part over from an earlier run.
DELEN = {
    "zoeken": ("gelijkenis", "precedenten"),
    "audit": ("audit",),
    "sweep": ("sweep",),
    "paginas": ("paginas", "seconden_per_pagina"),
    "intake": ("intake",),
    "rapport": ("rapport",),
}


def _bewaar(json_pad: Path, docs: Path, resultaat: dict[str, Any]) -> None:
    """Results per scale in the JSON file (other scales' results kept), and the docs block. A
    part skipped in this run keeps an earlier run's figures, with that run's machine line."""
    alles = json.loads(json_pad.read_text(encoding="utf-8")) if json_pad.exists() else {}
    eerder = alles.get(resultaat["schaal"]["naam"], {})
    for deel in resultaat.get("overgeslagen", []):
        if all(k in eerder for k in DELEN[deel][:1]):
            for k in DELEN[deel]:
                resultaat[k] = eerder[k]
            herkomst = eerder.get("herkomst", {}).get(deel) or {
                "commando": eerder["commando"],
                "machine": eerder["machine"],
            }
            resultaat.setdefault("herkomst", {})[deel] = herkomst
    alles[resultaat["schaal"]["naam"]] = resultaat
    json_pad.write_text(json.dumps(alles, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _schrijf_docs(docs, _markdown(resultaat), resultaat["schaal"]["naam"])
    print(f"Geschreven: {json_pad} en {docs}")


if __name__ == "__main__":
    sys.exit(main())

"""Crash safety (issue 9 part 4, DESIGN §5 "Reliability"): no acknowledged signal or answer is
lost when the server is killed mid-request.

A real gunicorn (production settings, two workers) runs against the test's own database: a
SQLite file in a temporary folder (the embedded setup, WAL), or a fresh PostgreSQL database
when DATABASE_URL names PostgreSQL. Threads post signals to `POST /api/v1/signalen` (as a
professional) and answer open acknowledgement requests with `POST
/api/v1/reactieverzoeken/<id>/pas-toe` (as a behandelaar), both with a session cookie and CSRF
token. Three times, mid-load, the whole server process group gets SIGKILL, and a new server
starts on the same database. Afterwards every signal answered with 201 must be stored with the
title sent, every request answered with 200 must have that answer, and the audit chain must
verify. Requests cut off by the kill were never acknowledged; they may or may not be stored.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HIER = Path(__file__).resolve().parent
RONDES = 4  # three killed, the last one stopped cleanly
LAST_SECONDEN = 0.5  # after the round's first acknowledgements
NIEUW_PER_RONDE = 3
MELDERS = 3


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _database(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment for a fresh database of the kind the suite runs on."""
    url = os.environ.get("DATABASE_URL", "")
    omgeving = {
        "DJANGO_SETTINGS_MODULE": "uitvoerbaar.conf.production",
        "UITVOERBAAR_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "crash-" + "k" * 60,
        "SIGNALEN_SLEUTELS": "Tq0vC1mtzcdDXZkZ8hvZr1o5P3cM8HfxY5D3kqJbXWs=",
        "SIGNALEN_BONZOUT": "c" * 40,
        "SIGNALEN_BON_ARGON2_GEHEUGEN_KIB": "1024",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    if not url.startswith("postgres"):
        # No DATABASE_URL: the embedded SQLite file in the data folder, with its WAL options.
        yield omgeving
        return
    import psycopg

    naam = f"crash_{uuid.uuid4().hex[:12]}"
    beheer = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{naam}"')
    try:
        yield {**omgeving, "DATABASE_URL": url.rsplit("/", 1)[0] + "/" + naam}
    finally:
        with psycopg.connect(beheer, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def _hulp(omgeving: dict[str, str], *args: str) -> dict[str, Any]:
    uit = subprocess.run(
        [sys.executable, str(HIER / "crash_hulp.py"), *args],
        env={**os.environ, **omgeving},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    regel = next(r for r in uit.stdout.splitlines() if r.startswith("RESULTAAT "))
    return dict(json.loads(regel.removeprefix("RESULTAAT ")))


class Server:
    def __init__(self, omgeving: dict[str, str], poort: int, log: Path) -> None:
        self.omgeving = {**os.environ, **omgeving}
        self.poort = poort
        self.log = log
        self.proces: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.proces = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "crash_wsgi",
                    "--pythonpath",
                    str(HIER),
                    "--workers",
                    "2",
                    "--preload",  # Django and the views are imported once per start
                    "--bind",
                    f"127.0.0.1:{self.poort}",
                    "--log-level",
                    "warning",
                ],
                env=self.omgeving,
                stdout=log,
                stderr=log,
                start_new_session=True,  # its own process group: SIGKILL reaches every worker
            )
        # Generous: on a busy shared CI machine a start can take a minute or more.
        einde = time.monotonic() + 240
        while time.monotonic() < einde:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=120)
                conn.request("GET", "/api/v1/soorten")
                conn.getresponse().read()
                return
            except OSError:
                assert self.proces.poll() is None, self.log.read_text()[-3000:]
                time.sleep(0.2)
        raise AssertionError("De server kwam niet op.")

    def kill(self) -> None:
        assert self.proces is not None
        os.killpg(self.proces.pid, signal.SIGKILL)
        self.proces.wait(timeout=30)

    def stop(self) -> None:
        assert self.proces is not None
        os.killpg(self.proces.pid, signal.SIGTERM)
        self.proces.wait(timeout=60)


def _post(poort: int, pad: str, sessie: str, csrf: str, body: dict[str, Any]) -> tuple[int, Any]:
    conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
    try:
        conn.request(
            "POST",
            pad,
            body=json.dumps(body),
            headers={
                "Content-Type": "application/json",
                "Cookie": f"sessionid={sessie}; csrftoken={csrf}",
                "X-CSRFToken": csrf,
                "Referer": f"http://127.0.0.1:{poort}/",
            },
        )
        antwoord = conn.getresponse()
        inhoud = antwoord.read()
        return antwoord.status, json.loads(inhoud) if inhoud else None
    finally:
        conn.close()


def test_geen_bevestigd_signaal_of_antwoord_verloren_bij_sigkill(tmp_path: Path) -> None:
    with _database(tmp_path) as omgeving:
        wereld = _hulp(omgeving, "opzetten")
        assert wereld["verzoeken"], "geen open verzoeken om te beantwoorden"
        server = Server(omgeving, _vrije_poort(), tmp_path / "gunicorn.log")
        bevestigd: dict[str, list[dict[str, Any]]] = {"signalen": [], "antwoorden": []}
        fouten: list[str] = []
        onderbroken = [0]
        slot = threading.Lock()
        te_beantwoorden: queue.Queue[int] = queue.Queue()
        for pk in wereld["verzoeken"]:
            te_beantwoorden.put(pk)

        def melden(stop: threading.Event, nummer: str) -> None:
            teller = 0
            while not stop.is_set():
                teller += 1
                titel = f"Crashtest {nummer}-{teller}: terugvordering bij een kleine fout"
                body = {
                    "kanaal": "benoemd",
                    "organisatie": wereld["organisatie"],
                    "titel": titel,
                    "tekst": "Een gezin moet alles terugbetalen door een fout van twee euro.",
                }
                try:
                    status, data = _post(
                        server.poort, "/api/v1/signalen", wereld["melder"], wereld["csrf"], body
                    )
                except (OSError, http.client.HTTPException):
                    with slot:
                        onderbroken[0] += 1
                    time.sleep(0.05)
                    continue
                with slot:
                    if status == 201:
                        bevestigd["signalen"].append({"id": data["id"], "titel": titel})
                    else:
                        fouten.append(f"signaal {status}: {str(data)[:300]}")

        def beantwoorden(stop: threading.Event) -> None:
            while not stop.is_set():
                try:
                    pk = te_beantwoorden.get_nowait()
                except queue.Empty:
                    return
                maatregel = f"Maatregel {pk}: we stoppen de terugvordering."
                body = {"maatregel": maatregel, "eigenaar": "Team Toeslagen", "datum": "2027-06-30"}
                try:
                    status, data = _post(
                        server.poort,
                        f"/api/v1/reactieverzoeken/{pk}/pas-toe",
                        wereld["behandelaar"],
                        wereld["csrf"],
                        body,
                    )
                except (OSError, http.client.HTTPException):
                    # Cut off: maybe stored, maybe not. Try again next round (then 409 if it was).
                    with slot:
                        onderbroken[0] += 1
                    te_beantwoorden.put(pk)
                    time.sleep(0.05)
                    continue
                with slot:
                    if status == 200:
                        bevestigd["antwoorden"].append({"verzoek": pk, "maatregel": maatregel})
                    elif status != 409:
                        fouten.append(f"antwoord {status}: {str(data)[:300]}")
                time.sleep(0.3)  # spread the answers over the rounds

        for ronde in range(RONDES):
            server.start()
            stop = threading.Event()
            draden = [
                threading.Thread(target=melden, args=(stop, f"{ronde}.{n}")) for n in range(MELDERS)
            ]
            draden.append(threading.Thread(target=beantwoorden, args=(stop,)))
            al = len(bevestigd["signalen"])
            for d in draden:
                d.start()
            # Load until this round has acknowledged a few signals (a slow machine needs longer
            # than a fast one), then a moment more so that requests are in flight at the kill.
            einde = time.monotonic() + 180
            while len(bevestigd["signalen"]) < al + NIEUW_PER_RONDE and time.monotonic() < einde:
                time.sleep(0.1)
            time.sleep(LAST_SECONDEN)
            if ronde < RONDES - 1:
                server.kill()  # mid-load: the threads have requests in flight
                stop.set()
            else:
                stop.set()
                for d in draden:
                    d.join()
                server.stop()
            for d in draden:
                d.join(timeout=60)

        assert not fouten, fouten[:5]
        assert len(bevestigd["signalen"]) >= RONDES * NIEUW_PER_RONDE, bevestigd
        assert bevestigd["antwoorden"], "geen enkel antwoord bevestigd"
        pad = tmp_path / "bevestigd.json"
        pad.write_text(json.dumps(bevestigd), encoding="utf-8")
        uitkomst = _hulp(omgeving, "controleren", str(pad))
        assert uitkomst["ontbrekende_signalen"] == [], uitkomst
        assert uitkomst["ontbrekende_antwoorden"] == [], uitkomst
        assert uitkomst["keten_ok"], uitkomst["keten"]

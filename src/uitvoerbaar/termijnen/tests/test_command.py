"""`uitvoerbaar compute_deadline`: the end date on its own line, each bad input refused in
Dutch with a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.termijnen.models import GelijkgesteldeDag, Sluitingsdag

pytestmark = pytest.mark.django_db


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("compute_deadline", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("args", "verwacht"),
    [
        # Art. 4 Algemene termijnenwet: Goede Vrijdag to Easter Monday 2025 are not ordinary.
        (["--start", "2025-04-17", "--days", "3"], "2025-04-23"),
        (["--start", "2025-04-11", "--weeks", "1"], "2025-04-22"),
        (["--start", "2025-01-31", "--months", "1"], "2025-02-28"),
        (["--start", "2025-12-24", "--working-days", "5"], "2026-01-05"),
    ],
)
def test_prints_the_end_date_alone(args: list[str], verwacht: str) -> None:
    out, err = _run(*args)
    assert out == f"{verwacht}\n"
    assert err == ""


def test_counts_gelijkgestelde_dagen_and_the_organisations_closing_days(
    organisatie: Organisatie,
) -> None:
    GelijkgesteldeDag.objects.create(
        datum=date(2027, 5, 7), omschrijving="Vrijdag na Hemelvaart", besluit="Stcrt."
    )
    Sluitingsdag.objects.create(
        organisatie=organisatie, datum=date(2027, 5, 10), omschrijving="Studiedag"
    )
    assert _run("--start", "2027-04-30", "--weeks", "1")[0] == "2027-05-10\n"
    assert _run("--start", "2027-04-30", "--weeks", "1", "--organisatie", "ltd")[0] == (
        "2027-05-11\n"
    )


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--days", "3"], "Geef de startdatum op met --start JJJJ-MM-DD."),
        (["--start", "2025-02-30", "--days", "3"], "'2025-02-30' is geen geldige datum."),
        (["--start", "17-04-2025", "--days", "3"], "is geen geldige datum"),
        (["--start", "20250417", "--days", "3"], "is geen geldige datum"),
        (["--start", "2025-04-17"], "Geef de lengte van de termijn op met --days"),
        (["--start", "2025-04-17", "--days", "0"], "--days: de termijn moet 1 of meer zijn"),
        (["--start", "2025-04-17", "--weeks", "-2"], "--weeks: de termijn moet 1 of meer zijn"),
        (["--start", "2025-04-17", "--months", "drie"], "--months: 'drie' is geen geheel getal."),
        (
            ["--start", "2025-04-17", "--days", "3", "--weeks", "1"],
            "Geef precies één termijn op",
        ),
        (
            ["--start", "2025-04-17", "--days", "3", "--organisatie", "bestaat-niet"],
            "Er is geen organisatie met de korte naam 'bestaat-niet'.",
        ),
        (["--start", "9999-12-01", "--months", "2"], "na het jaar 9999"),
    ],
)
def test_bad_input_is_refused_in_dutch(args: list[str], melding: str) -> None:
    with pytest.raises(CommandError) as exc:
        _run(*args)
    assert melding in str(exc.value)


def test_from_the_command_line_a_refusal_exits_non_zero_without_output() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "uitvoerbaar.conf.test"}
    resultaat = subprocess.run(
        [
            sys.executable,
            "-m",
            "uitvoerbaar",
            "compute_deadline",
            "--start",
            "2025-04-17",
            "--days",
            "0",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert resultaat.returncode != 0
    assert resultaat.stdout == ""
    assert "de termijn moet 1 of meer zijn" in resultaat.stderr

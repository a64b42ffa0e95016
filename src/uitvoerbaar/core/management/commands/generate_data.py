"""`uitvoerbaar generate_data --scale small|medium|national --seed N`: fill an empty database
with generated data for benchmarks and load tests (issue 9). Never on a live database."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from uitvoerbaar.core.generator.bouw import STANDAARD_PEILDATUM, DatabaseNietLeeg, genereer
from uitvoerbaar.core.generator.schalen import SCHALEN


class Command(BaseCommand):
    help = "Vul een lege database met gegenereerde gegevens (organisaties, signalen, ...)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=sorted(SCHALEN), default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--peildatum",
            type=dt.date.fromisoformat,
            default=STANDAARD_PEILDATUM,
            help="De datum waar alle termijnen naar zijn gerekend (JJJJ-MM-DD).",
        )
        parser.add_argument(
            "--wachtwoord",
            default=None,
            help="Wachtwoord voor alle gegenereerde personen (standaard: geen, inloggen kan niet).",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        schaal = SCHALEN[opties["scale"]]
        begin = time.perf_counter()
        try:
            tellingen = genereer(
                schaal,
                seed=opties["seed"],
                peildatum=opties["peildatum"],
                wachtwoord=opties["wachtwoord"],
            )
        except DatabaseNietLeeg as fout:
            raise CommandError(
                "De database bevat al organisaties. Gebruik een lege database."
            ) from fout
        duur = time.perf_counter() - begin
        regels = ", ".join(f"{k}: {v:,}" for k, v in tellingen.items())
        self.stdout.write(
            f"Gegenereerd ({schaal.naam}, seed {opties['seed']}) in {duur:.0f} s: {regels}"
        )

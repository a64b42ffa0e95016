"""`uitvoerbaar load_kennisbank [--beginselen FILE] [--regelingen FILE]
[--levensgebeurtenissen FILE]`: load the principles (default: the bundled data/beginselen.json),
optionally regulations, then the life events (default: the bundled
data/levensgebeurtenissen.json, linked to the regulations loaded). Idempotent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from uitvoerbaar.kennisbank import services


class Command(BaseCommand):
    help = "Laad de beginselen (en eventueel regelingen) in de kennisbank."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--beginselen",
            type=Path,
            default=None,
            help="JSON-bestand met kaders en beginselen (standaard: het meegeleverde bestand).",
        )
        parser.add_argument(
            "--regelingen",
            type=Path,
            default=None,
            help="JSON-bestand met regelingen (zie het afgesproken formaat).",
        )
        parser.add_argument(
            "--levensgebeurtenissen",
            type=Path,
            default=None,
            help="JSON-bestand met levensgebeurtenissen (standaard: het meegeleverde bestand).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            aantal = services.load_beginselen(path=options["beginselen"])
            self.stdout.write(f"Beginselen: {aantal} nieuw of gewijzigd.")
            if options["regelingen"] is not None:
                data = _lees(options["regelingen"])
                aantal = services.import_regelingen(data=data)
                self.stdout.write(f"Regelingen: {aantal} nieuw, gewijzigd of verwijderd.")
            aantal = services.load_levensgebeurtenissen(path=options["levensgebeurtenissen"])
            self.stdout.write(f"Levensgebeurtenissen: {aantal} nieuw of gewijzigd.")
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc


def _lees(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CommandError(f"Het bestand {path} bestaat niet.") from exc
    except json.JSONDecodeError as exc:
        raise CommandError(f"Het bestand {path} is geen geldige JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise CommandError(f"Het bestand {path} moet een object met 'regelingen' zijn.")
    return data

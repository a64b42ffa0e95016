"""Load the kinds of request and their escalation ladders (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from uitvoerbaar.responsplicht.laden import load_soorten


class Command(BaseCommand):
    help = "Laadt de soorten reactieverzoek met hun escalatieladder (bestaande blijven staan)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--bijwerken",
            action="store_true",
            help="Ook bestaande soorten gelijk maken aan het bestand (overschrijft beheer).",
        )

    def handle(self, *args: Any, bijwerken: bool = False, **options: Any) -> None:
        verslag = load_soorten(bijwerken=bijwerken)
        for sleutel, codes in verslag.items():
            if codes:
                self.stdout.write(f"{sleutel}: {', '.join(codes)}")

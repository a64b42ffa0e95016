"""`uitvoerbaar rotate_identiteitssleutel`: re-encrypt confidential reporter identities under
the newest key. Put the new key first in SIGNALEN_SLEUTELS (keep the old one after it), run
this, then drop the old key. See docs/operations.md."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from uitvoerbaar.signalen import services


class Command(BaseCommand):
    help = "Versleutel vertrouwelijke identiteiten opnieuw met de nieuwste sleutel."

    def handle(self, *args: Any, **options: Any) -> None:
        aantal = services.rotate_identiteitssleutel()
        self.stdout.write(f"Opnieuw versleuteld: {aantal} identiteiten.")

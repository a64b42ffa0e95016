"""`uitvoerbaar verify_audit_log`: check the hash chain of the audit log (DESIGN §3).

Exit status 0 when the chain holds, 1 when it is broken (the first broken event is named)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS
from django.utils.translation import gettext as _

from uitvoerbaar.audit.verification import verify_chain


class Command(BaseCommand):
    help = _("Controleert de auditketen en noemt de eerste gebroken gebeurtenis.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=5000,
            help=_("Aantal gebeurtenissen per keer uit de database."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        resultaat = verify_chain(using=options["database"], chunk_size=options["chunk_size"])
        if not resultaat.ok:
            self.stderr.write(resultaat.melding)
            raise SystemExit(1)
        self.stdout.write(resultaat.melding)
        self.stdout.write(_("Kop van de keten: %(hash)s") % {"hash": resultaat.kop_hash})

"""`uitvoerbaar process_deadlines [--datum YYYY-MM-DD]`: move what is due (reminders, expiry,
escalation, follow-up checks) and print the counts on one line. Exit status 1 when an item
failed (it is logged, the others are still processed). The periodic job
`termijnen_verwerken` runs the same sweep every minute."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from uitvoerbaar.responsplicht.sweep import process_deadlines


class Command(BaseCommand):
    help = _(
        "Verwerkt de termijnen van reactieverzoeken: herinneringen, verlopen termijnen, "
        "escalatie en controles van toegezegde maatregelen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--datum",
            default=None,
            help=_("Verwerk alsof het deze dag is (JJJJ-MM-DD). Standaard: vandaag."),
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=500,
            help=_("Aantal verzoeken per keer uit de database."),
        )

    def handle(
        self, *args: Any, datum: str | None = None, batch: int = 500, **options: Any
    ) -> None:
        vandaag: dt.date | None = None
        if datum is not None:
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", datum.strip()):
                    raise ValueError(datum)
                vandaag = dt.date.fromisoformat(datum.strip())
            except ValueError:
                raise CommandError(
                    _("De datum %(datum)s is ongeldig. Schrijf de datum als JJJJ-MM-DD.")
                    % {"datum": datum}
                ) from None
        if batch < 1:
            raise CommandError(_("Het aantal per keer (--batch) moet 1 of meer zijn."))
        verslag = process_deadlines(vandaag=vandaag, batch=batch)
        self.stdout.write(verslag.regel())
        if verslag.mislukt:
            # Exit status 1, so a scheduler or monitoring sees it; the details are in the log.
            self.stderr.write(
                _("%(aantal)d onderdelen konden niet worden verwerkt; zie het logboek.")
                % {"aantal": verslag.mislukt}
            )
            raise SystemExit(1)

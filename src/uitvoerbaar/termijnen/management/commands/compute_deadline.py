"""`uitvoerbaar compute_deadline --start YYYY-MM-DD (--days N | --working-days N | --weeks N |
--months N) [--organisatie SLUG]`: print the last day of a term under the Algemene
termijnenwet, as YYYY-MM-DD on its own line (nothing else on stdout).

Options are parsed as plain text and checked in `handle`, so every refusal is a CommandError
with a Dutch message (argparse's own messages are English)."""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from uitvoerbaar.core.models import Organisatie

from ...rekenen import Eenheid
from ...selectors import uiterste_datum

EENHEDEN = {
    "days": Eenheid.DAGEN,
    "working_days": Eenheid.WERKDAGEN,
    "weeks": Eenheid.WEKEN,
    "months": Eenheid.MAANDEN,
}
OPTIES = "--days, --working-days, --weeks of --months"


def _datum(waarde: str | None) -> dt.date:
    if not waarde:
        raise CommandError(_("Geef de startdatum op met --start JJJJ-MM-DD."))
    try:
        if len(waarde) != 10:
            raise ValueError(waarde)
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise CommandError(
            _(
                "'%(waarde)s' is geen geldige datum. Schrijf de startdatum als JJJJ-MM-DD, "
                "bijvoorbeeld 2025-03-01."
            )
            % {"waarde": waarde}
        ) from None


def _aantal(optie: str, waarde: str) -> int:
    try:
        aantal = int(waarde)
    except ValueError:
        raise CommandError(
            _("%(optie)s: '%(waarde)s' is geen geheel getal.") % {"optie": optie, "waarde": waarde}
        ) from None
    if aantal < 1:
        raise CommandError(
            _("%(optie)s: de termijn moet 1 of meer zijn, niet %(aantal)d.")
            % {"optie": optie, "aantal": aantal}
        )
    return aantal


class Command(BaseCommand):
    help = _(
        "Berekent de laatste dag van een termijn volgens de Algemene termijnenwet "
        "(met gelijkgestelde dagen en, met --organisatie, de sluitingsdagen van die organisatie)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--start", help=_("De startdatum (JJJJ-MM-DD); de termijn begint de dag erna.")
        )
        parser.add_argument("--days", metavar="N", help=_("Termijn in dagen."))
        parser.add_argument("--working-days", metavar="N", help=_("Termijn in werkdagen."))
        parser.add_argument("--weeks", metavar="N", help=_("Termijn in weken."))
        parser.add_argument("--months", metavar="N", help=_("Termijn in maanden."))
        parser.add_argument(
            "--organisatie",
            metavar="SLUG",
            help=_("Tel ook de sluitingsdagen van deze organisatie mee (korte naam)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        start = _datum(options.get("start"))
        gekozen = [naam for naam in EENHEDEN if options.get(naam) is not None]
        if not gekozen:
            raise CommandError(
                _("Geef de lengte van de termijn op met %(opties)s.") % {"opties": OPTIES}
            )
        if len(gekozen) > 1:
            raise CommandError(
                _("Geef precies één termijn op: %(opties)s, niet meer dan één.")
                % {"opties": OPTIES}
            )
        naam = gekozen[0]
        aantal = _aantal("--" + naam.replace("_", "-"), options[naam])
        organisatie_id = None
        if options.get("organisatie") is not None:
            organisatie_id = (
                Organisatie.objects.filter(slug=options["organisatie"])
                .values_list("pk", flat=True)
                .first()
            )
            if organisatie_id is None:
                raise CommandError(
                    _("Er is geen organisatie met de korte naam '%(slug)s'.")
                    % {"slug": options["organisatie"]}
                )
        try:
            eind = uiterste_datum(
                start=start, aantal=aantal, eenheid=EENHEDEN[naam], organisatie_id=organisatie_id
            )
        except (OverflowError, ValueError):  # beyond the year 9999
            raise CommandError(
                _("De termijn eindigt na het jaar 9999; kies een kortere termijn.")
            ) from None
        self.stdout.write(eind.isoformat())

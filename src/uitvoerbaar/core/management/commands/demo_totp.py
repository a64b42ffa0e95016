"""`uitvoerbaar demo_totp <gebruikersnaam>`: print the current second-factor code of a demo
account. Refuses every account that is not a demo account (exit code 1)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from uitvoerbaar.core import demo
from uitvoerbaar.core.models import Gebruiker


class Command(BaseCommand):
    help = "Toont de code van de tweede factor van een demo-account."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gebruikersnaam", help="De gebruikersnaam van het demo-account.")

    def handle(self, *args: Any, **options: Any) -> None:
        username: str = options["gebruikersnaam"]
        gebruiker = Gebruiker.objects.filter(username=username).first()
        # The same answer for an unknown and a real non-demo account: this command never says
        # whether a real account exists.
        if gebruiker is None or not demo.is_demo_account(gebruiker):
            raise CommandError(
                _(
                    "%(naam)s is geen demo-account. Dit commando geeft alleen codes voor "
                    "demo-accounts (e-mailadres eindigt op @%(domein)s)."
                )
                % {"naam": username, "domein": demo.DEMO_DOMEIN}
            )
        device = demo.demo_apparaat(gebruiker)
        if device is None:
            raise CommandError(
                _(
                    "%(naam)s heeft geen tweede factor. Inloggen kan met alleen het wachtwoord. "
                    "Of laad eerst de demo-gegevens: uitvoerbaar load_demo"
                )
                % {"naam": username}
            )
        # Only the code on standard output, so that scripts can read it; the rest for people.
        self.stdout.write(demo.huidige_code(device))
        self.stderr.write(
            _("Nog %(seconden)d seconden geldig.") % {"seconden": demo.seconden_geldig(device)},
            style_func=lambda tekst: tekst,
        )

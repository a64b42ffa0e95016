"""`uitvoerbaar load_demo`: build the fictional demo world (idempotent) and print every demo
account with what it needs to log in, so that all of them can be used in the browser at once
(DESIGN §5)."""

from __future__ import annotations

import textwrap
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from uitvoerbaar.core import demo


class Command(BaseCommand):
    help = "Laadt de demo-gegevens (fictieve organisaties en personen) en toont de accounts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--ook-zonder-debug",
            action="store_true",
            help=(
                "Ook laden als DEBUG uit staat. Nooit in productie: iedereen kan met de "
                "demo-accounts inloggen."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["ook_zonder_debug"]:
            raise CommandError(
                _(
                    "DEBUG staat uit. Demo-gegevens horen niet in productie: iedereen kan met de "
                    "demo-accounts inloggen. Is dit zeker geen productie? Gebruik dan "
                    "--ook-zonder-debug."
                )
            )
        try:
            resultaat = demo.load_demo()
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc

        self.stdout.write(
            _(
                "Demo-gegevens geladen. Nieuw of gewijzigd: %(org)d organisaties, %(eenh)d "
                "eenheden, %(pers)d personen, %(lid)d rollen, %(app)d authenticators, "
                "%(beg)d beginselen, %(reg)d regelingonderdelen."
            )
            % {
                "org": resultaat.organisaties,
                "eenh": resultaat.eenheden,
                "pers": resultaat.gebruikers,
                "lid": resultaat.lidmaatschappen,
                "app": resultaat.apparaten,
                "beg": resultaat.beginselen,
                "reg": resultaat.regelingen,
            }
        )
        self.stdout.write(
            _("Nieuwe reactieverzoeken (pas toe of leg uit): %(aantal)d.")
            % {"aantal": resultaat.reactieverzoeken}
        )
        self.stdout.write(
            _("Nieuwe signalen en noodremmen: %(aantal)d.") % {"aantal": resultaat.signalen}
        )
        self.stdout.write(
            _("Nieuwe beleidsvoorstellen met uitvoeringstoets en opdrachten: %(aantal)d.")
            % {"aantal": resultaat.beleidsvoorstellen}
        )
        self.stdout.write(
            _("Nieuwe afwijkingen (met casusberaad en aanvechting): %(aantal)d.")
            % {"aantal": resultaat.afwijkingen}
        )
        self.stdout.write("")
        self.stdout.write(
            _("Wachtwoord voor alle demo-accounts: %(wachtwoord)s")
            % {"wachtwoord": demo.DEMO_WACHTWOORD}
        )
        self.stdout.write("")
        self._tabel(resultaat.accounts)
        self.stdout.write("")
        for alinea in self._uitleg():
            self.stdout.write(textwrap.fill(alinea, width=100))

    def _tabel(self, accounts: list[demo.DemoAccount]) -> None:
        apparaten = {
            d.user.username: d
            for d in TOTPDevice.objects.filter(
                name=demo.DEMO_APPARAAT,
                confirmed=True,
                user__username__in=[a.username for a in accounts],
            ).select_related("user")
        }
        kop = (
            _("Gebruikersnaam"),
            _("Naam"),
            _("Rollen"),
            _("Tweede factor: geheime sleutel"),
            _("Code nu"),
        )
        rijen: list[tuple[str, ...]] = []
        for account in accounts:
            device = apparaten.get(account.username)
            if account.totp_geheim and device is not None:
                factor: tuple[str, str] = (account.totp_geheim, demo.huidige_code(device))
            else:
                factor = (_("niet nodig"), "")
            eerste, *overige = account.rollen
            rijen.append((account.username, account.naam, eerste, *factor))
            # A second role on its own line keeps the table narrow enough for a terminal.
            rijen.extend(("", "", rol, "", "") for rol in overige)
        breedtes = [max(len(rij[i]) for rij in (kop, *rijen)) for i in range(len(kop))]

        def regel(cellen: tuple[str, ...]) -> str:
            return "  ".join(c.ljust(b) for c, b in zip(cellen, breedtes, strict=True)).rstrip()

        self.stdout.write(regel(kop))
        self.stdout.write(regel(tuple("-" * b for b in breedtes)))
        for rij in rijen:
            self.stdout.write(regel(rij))

    def _uitleg(self) -> list[str]:
        regels = [
            _(
                "Tweede factor: zet de geheime sleutel in een authenticator-app (TOTP, 6 cijfers, "
                "30 seconden). De code hierboven is maar kort geldig. Een nieuwe code krijgt u "
                "met dit commando:"
            ),
            "    uitvoerbaar demo_totp <" + _("gebruikersnaam") + ">",
            _(
                "Alleen voor de demo: met UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR=true slaat u de "
                "tweede factor over. Zet dit nooit aan in productie; de productie-instellingen "
                "weigeren dan te starten."
            ),
        ]
        if settings.UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR:
            regels.append(_("Deze demo-instelling staat nu aan: er wordt geen code gevraagd."))
        return regels

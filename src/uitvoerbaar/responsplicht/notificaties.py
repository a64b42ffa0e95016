"""Telling people what happened: an in-app notification (Melding) for each person concerned,
and an e-mail after commit (the console backend in the demo). Called only by services."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from uitvoerbaar.core.models import Gebruiker, Lidmaatschap

from .models import Melding, Reactieverzoek

if TYPE_CHECKING:
    from .models import Controle, Escalatieniveau, Reactie, Verantwoordelijke

logger = logging.getLogger(__name__)


def datum(dag: dt.date) -> str:
    """A date as people read it in a notification: "7 december 2026"."""
    return date_format(dag, "j F Y")


def _mail(berichten: list[tuple[str, str, str, list[str]]]) -> None:
    # The in-app notification is already stored; a mail server that is down must not undo the
    # move, so the failure is logged for the operator instead.
    try:
        send_mass_mail(berichten)
    except Exception:
        logger.exception("E-mail over een reactieverzoek kon niet worden verstuurd")


def _verantwoordelijken(verzoek: Reactieverzoek) -> set[int]:
    """Everyone holding the role at a level the request reached, and the persons named."""
    bereikt = list(verzoek.verantwoordelijken.filter(niveau__lte=verzoek.niveau))
    return set(_verantwoordelijken_met_adres(bereikt))


def _verantwoordelijken_met_adres(bereikt: list[Verantwoordelijke]) -> dict[int, str | None]:
    """The people of `_verantwoordelijken`, each with their e-mail address ("" for none; None
    for a person named on a level, whose address is not read here)."""
    uit: dict[int, str | None] = {v.persoon_id: None for v in bereikt if v.persoon_id}
    if bereikt:
        from django.db.models import Q

        paren = Q()
        for v in bereikt:
            paren |= Q(organisatie_id=v.organisatie_id, rol=v.rol)
        uit.update(
            Lidmaatschap.objects.filter(paren, actief=True, gebruiker__is_active=True).values_list(
                "gebruiker_id", "gebruiker__email"
            )
        )
    return uit


def _vragers(verzoek: Reactieverzoek) -> set[int]:
    ids = {verzoek.verzoeker_id} if verzoek.verzoeker_id else set()
    if verzoek.verzoeker_organisatie_id and verzoek.verzoeker_rol:
        ids |= set(
            Lidmaatschap.objects.filter(
                organisatie_id=verzoek.verzoeker_organisatie_id,
                rol=verzoek.verzoeker_rol,
                actief=True,
                gebruiker__is_active=True,
            ).values_list("gebruiker_id", flat=True)
        )
    return ids


def _meld(
    verzoek: Reactieverzoek,
    tekst: str,
    ontvangers: Iterable[int],
    bekende_adressen: dict[int, str | None] | None = None,
) -> None:
    """Store a notification for each of `ontvangers` and mail them after commit.
    `bekende_adressen`: their e-mail addresses when the caller read them already."""
    ids = sorted(set(ontvangers))
    if not ids:
        return
    tekst = f"{verzoek.kenmerk} {verzoek.onderwerp_titel}: {tekst}"[:500]
    Melding.objects.bulk_create(Melding(ontvanger_id=i, verzoek=verzoek, tekst=tekst) for i in ids)
    if bekende_adressen is not None and all(bekende_adressen.get(i) is not None for i in ids):
        adressen = [a for i in ids if (a := bekende_adressen[i])]
    else:
        adressen = list(
            Gebruiker.objects.filter(pk__in=ids).exclude(email="").values_list("email", flat=True)
        )
    if adressen:
        onderwerp = _("Uitvoerbaar: %(kenmerk)s") % {"kenmerk": verzoek.kenmerk}
        berichten = [(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [a]) for a in adressen]
        transaction.on_commit(lambda: _mail(berichten))


def nieuw_verzoek(verzoek: Reactieverzoek, bereikt: list[Verantwoordelijke] | None = None) -> None:
    """Tell those who must answer a new request. `bereikt`: its levels reached, when the
    caller has them at hand (at creation: the recipient just written)."""
    if bereikt is None:
        bereikt = list(verzoek.verantwoordelijken.filter(niveau__lte=verzoek.niveau))
    ontvangers = _verantwoordelijken_met_adres(bereikt)
    _meld(
        verzoek,
        _("nieuw verzoek om te reageren, uiterlijk %(datum)s.")
        % {"datum": datum(verzoek.uiterste_datum)},
        ontvangers,
        ontvangers,
    )


def beantwoord(verzoek: Reactieverzoek, reactie: Reactie) -> None:
    _meld(
        verzoek,
        _("er is geantwoord (%(soort)s).") % {"soort": reactie.get_soort_display()},
        _vragers(verzoek) | _verantwoordelijken(verzoek),
    )


def beoordeeld(verzoek: Reactieverzoek, *, aanvaard: bool) -> None:
    tekst = (
        _("de vrager aanvaardt het antwoord.")
        if aanvaard
        else _("de vrager noemt het antwoord onvoldoende.")
    )
    _meld(verzoek, tekst, _verantwoordelijken(verzoek) | _vragers(verzoek))


def termijn_gewijzigd(verzoek: Reactieverzoek, tekst: str) -> None:
    _meld(verzoek, tekst, _verantwoordelijken(verzoek) | _vragers(verzoek))


def herinnering(verzoek: Reactieverzoek) -> None:
    _meld(
        verzoek,
        _("herinnering: antwoord uiterlijk %(datum)s.") % {"datum": datum(verzoek.uiterste_datum)},
        _verantwoordelijken(verzoek),
    )


def verlopen(verzoek: Reactieverzoek) -> None:
    _meld(
        verzoek,
        _("de termijn is verstreken zonder antwoord."),
        _verantwoordelijken(verzoek) | _vragers(verzoek),
    )


def geescaleerd(verzoek: Reactieverzoek, niveau: Escalatieniveau) -> None:
    _meld(
        verzoek,
        _("het verzoek ligt nu bij %(niveau)s, uiterlijk %(datum)s.")
        % {"niveau": niveau.naam, "datum": datum(verzoek.uiterste_datum)},
        _verantwoordelijken(verzoek) | _vragers(verzoek),
    )


def controle_te_doen(verzoek: Reactieverzoek, controle: Controle) -> None:
    _meld(
        verzoek,
        _("is de toegezegde maatregel uitgevoerd? Stel het vast."),
        _verantwoordelijken(verzoek) | _vragers(verzoek),
    )


def controle_vastgesteld(verzoek: Reactieverzoek, controle: Controle) -> None:
    _meld(
        verzoek,
        _("controle vastgesteld: %(status)s.") % {"status": controle.get_status_display()},
        _verantwoordelijken(verzoek) | _vragers(verzoek),
    )

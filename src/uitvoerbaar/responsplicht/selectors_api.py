"""Permission-aware reads of the response duty engine for the API: the requests a person may
see, one request with its levels, answers and timeline, the moves the person may make now,
the person's own notifications and the public kinds with their ladder.

A request is visible to those it names (policy action "reactieverzoek.bekijken", scope
TOEGEWEZEN): the organisation and role responsible at each level it reached (and a person named
there), and the requester (the person, or everyone holding the requester's role in the
requester's organisation). The list filter below is the same rule as
`Reactieverzoek.policy_toegewezen`, written as one query; the detail checks both."""

from __future__ import annotations

import datetime as dt
from typing import Final

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker

from .constants import Antwoordsoort, Handeling, Status
from .models import (
    Controle,
    Escalatieniveau,
    Melding,
    Reactie,
    Reactieverzoek,
    Soort,
    Verantwoordelijke,
)
from .selectors import TE_LAAT_STATUSSEN, als_ontvanger, als_vrager
from .selectors import te_laat as overdue_q
from .transitions import is_toegestaan

# --- requests ------------------------------------------------------------------------------


def zichtbare_verzoeken(*, user: Gebruiker) -> QuerySet[Reactieverzoek]:
    """Every request this person may see, as requester or as responsible at any level reached."""
    if not user.is_authenticated or not user.is_active:
        return Reactieverzoek.objects.none()
    return Reactieverzoek.objects.filter(als_ontvanger(user) | als_vrager(user))


def _met_lijstgegevens(qs: QuerySet[Reactieverzoek]) -> QuerySet[Reactieverzoek]:
    return qs.select_related(
        "soort", "ontvanger_organisatie", "verantwoordelijke_organisatie", "verzoeker_organisatie"
    )


def reactieverzoeken(
    *,
    user: Gebruiker,
    status: str = "",
    soort: str = "",
    organisatie: str = "",
    te_laat: bool | None = None,
    rol: str = "",
) -> QuerySet[Reactieverzoek]:
    """The requests this person may see, filtered. `organisatie` is the slug of the
    organisation responsible now; `te_laat` means the deadline lies before today while an
    answer is still owed; `rol` is "ontvanger" (responsible at a level reached) or "vrager".
    Nearest deadline first. A fixed number of queries, whatever the number of rows."""
    qs: QuerySet[Reactieverzoek]
    if rol == "ontvanger":
        qs = Reactieverzoek.objects.filter(als_ontvanger(user))
    elif rol == "vrager":
        qs = Reactieverzoek.objects.filter(als_vrager(user))
    else:
        qs = zichtbare_verzoeken(user=user)
    if status:
        qs = qs.filter(status=status)
    if soort:
        qs = qs.filter(soort__code=soort)
    if organisatie:
        qs = qs.filter(verantwoordelijke_organisatie__slug=organisatie)
    overdue = overdue_q(timezone.localdate())
    if te_laat is True:
        qs = qs.filter(overdue)
    elif te_laat is False:
        qs = qs.exclude(overdue)
    return _met_lijstgegevens(qs).order_by("uiterste_datum", "pk")


def _niet_gevonden() -> Http404:
    return Http404(_("Dit verzoek bestaat niet, of u hebt er geen toegang toe."))


def _mag_zien(user: Gebruiker, verzoek: Reactieverzoek, ook_voor: str) -> bool:
    return policy.allows(user, "reactieverzoek.bekijken", verzoek) or bool(
        ook_voor and policy.allows(user, ook_voor, verzoek)
    )


def zichtbaar_verzoek(*, user: Gebruiker, pk: int, ook_voor: str = "") -> Reactieverzoek:
    """One request this person may see, with what the policy needs (its responsible rows).
    Http404 when it does not exist or is not theirs to see: existence is not revealed.
    `ook_voor`: an action that also makes it visible (the board of the recipient organisation
    may withhold publication of a request its ladder never reached)."""
    verzoek = (
        _met_lijstgegevens(Reactieverzoek.objects.filter(pk=pk))
        .prefetch_related("verantwoordelijken")
        .first()
    )
    if verzoek is None or not _mag_zien(user, verzoek, ook_voor):
        raise _niet_gevonden()
    return verzoek


def verzoek_detail(*, user: Gebruiker, pk: int, ook_voor: str = "") -> Reactieverzoek:
    """One request with its levels and answers (principles and follow-up check), for the
    detail; Http404 as `zichtbaar_verzoek`."""
    verzoek = (
        _met_lijstgegevens(Reactieverzoek.objects.filter(pk=pk))
        .prefetch_related(
            Prefetch(
                "verantwoordelijken",
                queryset=Verantwoordelijke.objects.select_related("organisatie").order_by("niveau"),
            ),
            Prefetch(
                "reacties",
                queryset=Reactie.objects.select_related("namens_organisatie", "controle")
                .prefetch_related("beginselen")
                .order_by("gegeven_op", "pk"),
            ),
        )
        .first()
    )
    if verzoek is None or not _mag_zien(user, verzoek, ook_voor):
        raise _niet_gevonden()
    return verzoek


def zichtbare_controle(*, user: Gebruiker, pk: int) -> tuple[Controle, Reactieverzoek]:
    """A follow-up check of a request this person may see, with that request; Http404
    otherwise."""
    controle = Controle.objects.select_related("reactie").filter(pk=pk).first()
    try:
        if controle is None:
            raise _niet_gevonden()
        verzoek = zichtbaar_verzoek(user=user, pk=controle.reactie.verzoek_id)
    except Http404:
        raise Http404(_("Deze controle bestaat niet, of u hebt er geen toegang toe.")) from None
    return controle, verzoek


def is_te_laat(verzoek: Reactieverzoek, *, op: dt.date | None = None) -> bool:
    return verzoek.status in TE_LAAT_STATUSSEN and verzoek.uiterste_datum < (
        op or timezone.localdate()
    )


# --- the moves a person may make now ---------------------------------------------------------

# API name of each move -> (policy action, move of the transition table).
HANDELINGEN: Final[dict[str, tuple[str, Handeling | None]]] = {
    "pas-toe": ("reactieverzoek.beantwoorden", Handeling.BEANTWOORDEN),
    "leg-uit": ("reactieverzoek.beantwoorden", Handeling.BEANTWOORDEN),
    "aanvaarden": ("reactieverzoek.beoordelen", Handeling.ACCEPTEREN),
    "onvoldoende": ("reactieverzoek.beoordelen", Handeling.BETWISTEN),
    "opschorten": ("reactieverzoek.termijn", Handeling.OPSCHORTEN),
    "hervatten": ("reactieverzoek.termijn", Handeling.HERVATTEN),
    "verlengen": ("reactieverzoek.termijn", Handeling.VERLENGEN),
    "intrekken": ("reactieverzoek.beoordelen", Handeling.INTREKKEN),
    "openbaarheid-weigeren": ("reactieverzoek.openbaarheid", None),
}


def mogelijke_handelingen(*, user: Gebruiker, verzoek: Reactieverzoek) -> list[str]:
    """The moves this person may make on the request now (API names, e.g. "leg-uit"), so a
    client shows only the buttons that work. The services check all of it again."""
    status = Status(verzoek.status)
    reacties: list[Reactie] = list(verzoek.reacties.all())
    mogelijk = []
    for naam, (actie, handeling) in HANDELINGEN.items():
        if handeling is not None and not is_toegestaan(handeling, status):
            continue
        if naam == "onvoldoende" and (
            verzoek.onvoldoende_gemeld
            or not reacties
            or reacties[-1].soort != Antwoordsoort.LEG_UIT
        ):
            continue
        if naam == "verlengen" and (verzoek.verlengd or verzoek.soort.max_verlenging_dagen == 0):
            continue
        if policy.allows(user, actie, verzoek):
            mogelijk.append(naam)
    return mogelijk


# --- notifications ---------------------------------------------------------------------------


def eigen_meldingen(*, user: Gebruiker, ongelezen: bool | None = None) -> QuerySet[Melding]:
    """The person's own notifications, newest first."""
    qs = Melding.objects.filter(ontvanger_id=user.pk)
    if ongelezen is True:
        qs = qs.filter(gelezen_op__isnull=True)
    elif ongelezen is False:
        qs = qs.filter(gelezen_op__isnull=False)
    return qs.order_by("-aangemaakt", "-pk")


def eigen_melding(*, user: Gebruiker, pk: int) -> Melding:
    """One of the person's own notifications; Http404 for anyone else's."""
    melding = Melding.objects.filter(pk=pk, ontvanger_id=user.pk).first()
    if melding is None:
        raise Http404(_("Deze melding bestaat niet, of is niet voor u."))
    return melding


# --- kinds (public) --------------------------------------------------------------------------


def soorten() -> QuerySet[Soort]:
    """The kinds of request with their ladder: public, so anyone can see the rules."""
    return Soort.objects.prefetch_related(
        Prefetch(
            "niveaus",
            queryset=Escalatieniveau.objects.select_related("vaste_organisatie").order_by(
                "volgorde"
            ),
        )
    ).order_by("naam", "pk")

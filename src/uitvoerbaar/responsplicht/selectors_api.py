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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import formats
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker

from .constants import Antwoordsoort, Controlestatus, Handeling, Status, WooGrond
from .models import (
    Controle,
    Escalatieniveau,
    Melding,
    Reactie,
    Reactieverzoek,
    Soort,
    Verantwoordelijke,
)
from .transitions import is_toegestaan

# Overdue: the deadline has passed and someone still owes an answer.
TE_LAAT_STATUSSEN: Final = (Status.OPEN, Status.GEESCALEERD, Status.VERLOPEN)


def vandaag() -> dt.date:
    from .services import vandaag as _vandaag

    return _vandaag()


# --- requests ------------------------------------------------------------------------------


def _paren(user: Gebruiker, actie: str) -> list[tuple[int, str]]:
    rollen = policy.regel(actie).rollen
    return [
        (lid.organisatie_id, lid.rol) for lid in user.actieve_lidmaatschappen() if lid.rol in rollen
    ]


def _als_ontvanger(user: Gebruiker) -> Q:
    """Requests where the person holds the role (or is named) at a level reached."""
    wie = Q(persoon_id=user.pk)
    for organisatie_id, rol in _paren(user, "reactieverzoek.bekijken"):
        wie |= Q(organisatie_id=organisatie_id, rol=rol)
    return Q(
        Exists(
            Verantwoordelijke.objects.filter(
                wie, verzoek_id=OuterRef("pk"), niveau__lte=OuterRef("niveau")
            )
        )
    )


def _als_vrager(user: Gebruiker) -> Q:
    """Requests the person asked, or asked by a role the person holds in that organisation."""
    wie = Q(verzoeker_id=user.pk)
    for organisatie_id, rol in _paren(user, "reactieverzoek.bekijken"):
        wie |= Q(verzoeker_organisatie_id=organisatie_id, verzoeker_rol=rol)
    return wie


def zichtbare_verzoeken(*, user: Gebruiker) -> QuerySet[Reactieverzoek]:
    """Every request this person may see, as requester or as responsible at any level reached."""
    if not user.is_authenticated or not user.is_active:
        return Reactieverzoek.objects.none()
    return Reactieverzoek.objects.filter(_als_ontvanger(user) | _als_vrager(user))


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
        qs = Reactieverzoek.objects.filter(_als_ontvanger(user))
    elif rol == "vrager":
        qs = Reactieverzoek.objects.filter(_als_vrager(user))
    else:
        qs = zichtbare_verzoeken(user=user)
    if status:
        qs = qs.filter(status=status)
    if soort:
        qs = qs.filter(soort__code=soort)
    if organisatie:
        qs = qs.filter(verantwoordelijke_organisatie__slug=organisatie)
    overdue = Q(status__in=TE_LAAT_STATUSSEN, uiterste_datum__lt=vandaag())
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
    return verzoek.status in TE_LAAT_STATUSSEN and verzoek.uiterste_datum < (op or vandaag())


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


# --- the timeline ----------------------------------------------------------------------------

# Audit data shown in the timeline. Anything else (and the actor: a requester may be a
# reporter whose identity is protected) stays in the audit log only.
TIJDLIJN_VELDEN: Final = frozenset(
    {
        "van",
        "naar",
        "niveau",
        "soort",
        "te_laat",
        "reactie",
        "maatregel_datum",
        "beginselen",
        "reden",
        "resterende_dagen",
        "dagen_opgeschort",
        "dagen",
        "oude_datum",
        "uiterste_datum",
        "organisatie",
        "rol",
        "grond",
        "toelichting",
        "controle",
        "uitgevoerd",
        "datum",
        "ontvanger",
    }
)


def _datum(waarde: Any) -> str:
    datum = parse_date(str(waarde)) if waarde else None
    return formats.date_format(datum, "DATE_FORMAT") if datum else str(waarde or "")


def _antwoord(d: Mapping[str, Any]) -> str:
    soort = Antwoordsoort(d["soort"]).label if d.get("soort") in Antwoordsoort.values else ""
    tekst = _("Beantwoord: %(soort)s.") % {"soort": str(soort).lower()}
    if d.get("te_laat"):
        tekst += " " + _("Dit antwoord kwam na de uiterste datum.")
    return tekst


def _woo(d: Mapping[str, Any]) -> str:
    grond = d.get("grond", "")
    label = WooGrond(grond).label if grond in WooGrond.values else grond
    return _("Openbaarmaking geweigerd op grond van %(grond)s.") % {"grond": label}


def _controle(d: Mapping[str, Any]) -> str:
    status = Controlestatus.UITGEVOERD if d.get("uitgevoerd") else Controlestatus.NIET_UITGEVOERD
    return _("Controle vastgesteld: de maatregel is %(status)s.") % {
        "status": str(status.label).lower()
    }


OMSCHRIJVINGEN: Final[dict[str, Callable[[Mapping[str, Any]], str]]] = {
    "reactieverzoek.aangemaakt": lambda d: _("Verzoek gesteld; antwoord uiterlijk %(datum)s.")
    % {"datum": _datum(d.get("uiterste_datum"))},
    "reactieverzoek.beantwoorden": _antwoord,
    "reactieverzoek.accepteren": lambda d: _("De vrager aanvaardt het antwoord."),
    "reactieverzoek.betwisten": lambda d: _("De vrager noemt het antwoord onvoldoende."),
    "reactieverzoek.laten_verlopen": lambda d: _(
        "De termijn (tot en met %(datum)s) is verstreken zonder antwoord."
    )
    % {"datum": _datum(d.get("uiterste_datum"))},
    "reactieverzoek.escaleren": lambda d: _(
        "Het verzoek ligt nu bij %(niveau)s; antwoord uiterlijk %(datum)s."
    )
    % {"niveau": d.get("naar", ""), "datum": _datum(d.get("uiterste_datum"))},
    "reactieverzoek.opschorten": lambda d: _("De termijn is opgeschort: %(reden)s")
    % {"reden": d.get("reden", "")},
    "reactieverzoek.hervatten": lambda d: _("De termijn loopt weer; antwoord uiterlijk %(datum)s.")
    % {"datum": _datum(d.get("uiterste_datum"))},
    "reactieverzoek.verlengen": lambda d: _(
        "De termijn is met %(dagen)s dagen verlengd tot %(datum)s: %(reden)s"
    )
    % {
        "dagen": d.get("dagen", ""),
        "datum": _datum(d.get("uiterste_datum")),
        "reden": d.get("reden", ""),
    },
    "reactieverzoek.intrekken": lambda d: _("Het verzoek is ingetrokken: %(reden)s")
    % {"reden": d.get("reden", "")},
    "reactieverzoek.herinnering": lambda d: _(
        "Herinnering verstuurd: antwoord uiterlijk %(datum)s."
    )
    % {"datum": _datum(d.get("uiterste_datum"))},
    "reactieverzoek.openbaarmaking_geweigerd": _woo,
    "reactieverzoek.controle_gestart": lambda d: _(
        "De datum van de toegezegde maatregel (%(datum)s) is bereikt: is hij uitgevoerd?"
    )
    % {"datum": _datum(d.get("datum"))},
    "reactieverzoek.controle_vastgesteld": _controle,
}


@dataclass(frozen=True)
class Tijdlijnregel:
    tijdstip: dt.datetime
    event: str
    omschrijving: str
    data: dict[str, Any]


def omschrijving(event: str, data: Mapping[str, Any]) -> str:
    """A Dutch sentence for an audit event of a request."""
    maker = OMSCHRIJVINGEN.get(event)
    if maker is None:
        return _("Gebeurtenis: %(event)s.") % {"event": event}
    try:
        return maker(data)
    except (KeyError, TypeError, ValueError):  # an older event with other data
        return _("Gebeurtenis: %(event)s.") % {"event": event}


def tijdlijn(verzoek: Reactieverzoek) -> list[Tijdlijnregel]:
    """Every audit event of this request in order, with a Dutch description and the data that
    is not sensitive (see TIJDLIJN_VELDEN). One query."""
    events = AuditEvent.objects.filter(
        object_type=Reactieverzoek._meta.label_lower, object_id=str(verzoek.pk)
    ).order_by("volgnummer")
    return [
        Tijdlijnregel(
            tijdstip=e.tijdstip,
            event=e.event,
            omschrijving=omschrijving(e.event, e.data or {}),
            data={k: v for k, v in (e.data or {}).items() if k in TIJDLIJN_VELDEN},
        )
        for e in events.only("tijdstip", "event", "data")
    ]


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

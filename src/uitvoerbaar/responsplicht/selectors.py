"""Permission-aware reads of the response duty engine for the screens: the inbox "Te
beantwoorden", "Mijn vragen", one request with its timeline, and a person's notifications.

Each list costs a fixed number of queries whatever its length: the person's memberships (cached
on the user), the count for the paginator and the page itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.kennisbank.models import Beginsel

from .constants import Status, WooGrond
from .models import Melding, Reactie, Reactieverzoek, Verantwoordelijke
from .transitions import TE_BEANTWOORDEN

# States in which a passed deadline means the answer is late (a suspended request keeps an old
# date while its clock stands still, so it is not late).
_KLOK_LOOPT = (Status.OPEN, Status.GEESCALEERD, Status.VERLOPEN)


def _paren(user: Gebruiker) -> set[tuple[int, str]]:
    return {(lid.organisatie_id, lid.rol) for lid in user.actieve_lidmaatschappen()}


def _of_paren(paren: set[tuple[int, str]], org_veld: str, rol_veld: str) -> Q:
    """(organisation, role) IN (...) as an OR of pairs; never matches when there are none."""
    q = Q(pk__in=[])
    for organisatie_id, rol in sorted(paren):
        q |= Q(**{org_veld: organisatie_id, rol_veld: rol})
    return q


def _met_lijstvelden(qs: QuerySet[Reactieverzoek], vandaag: dt.date) -> QuerySet[Reactieverzoek]:
    """What a list row shows, in the same query: the kind, whether the answer is late, and the
    name of the level responsible now."""
    niveau_naam = Verantwoordelijke.objects.filter(
        verzoek=OuterRef("pk"), niveau=OuterRef("niveau")
    ).values("naam")[:1]
    return qs.select_related("soort", "verantwoordelijke_organisatie").annotate(
        te_laat=Case(
            When(status=Status.VERLOPEN, then=Value(True)),
            When(status__in=_KLOK_LOOPT, uiterste_datum__lt=vandaag, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        niveau_naam=Subquery(niveau_naam),
    )


def te_beantwoorden(*, user: Gebruiker, vandaag: dt.date | None = None) -> QuerySet[Reactieverzoek]:
    """The requests this person must (still) answer: at any level the request has reached,
    their active membership holds the (organisation, role) responsible there, or they are the
    person named. Overdue first, then by deadline."""
    vandaag = vandaag or timezone.localdate()
    verantwoordelijk = Verantwoordelijke.objects.filter(
        Q(persoon_id=user.pk) | _of_paren(_paren(user), "organisatie_id", "rol"),
        verzoek=OuterRef("pk"),
        niveau__lte=OuterRef("niveau"),
    )
    qs = Reactieverzoek.objects.filter(Exists(verantwoordelijk), status__in=TE_BEANTWOORDEN)
    return _met_lijstvelden(qs, vandaag).order_by("-te_laat", "uiterste_datum", "pk")


def aantal_te_beantwoorden(user: Any) -> int:
    """For the navigation: how many requests wait for this person's answer."""
    if not policy.allows(user, "reactieverzoek.inbox"):
        return 0
    return te_beantwoorden(user=user).order_by().count()


def mijn_vragen(*, user: Gebruiker, vandaag: dt.date | None = None) -> QuerySet[Reactieverzoek]:
    """The requests this person asked, or their organisation and role asked (a committee, a
    policy team). Those answered and waiting for their judgement first, then the newest."""
    vandaag = vandaag or timezone.localdate()
    qs = Reactieverzoek.objects.filter(
        Q(verzoeker_id=user.pk)
        | _of_paren(_paren(user), "verzoeker_organisatie_id", "verzoeker_rol")
    )
    return (
        _met_lijstvelden(qs, vandaag)
        .annotate(
            wacht_op_oordeel=Case(
                When(status=Status.BEANTWOORD, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-wacht_op_oordeel", "-aangemaakt", "-pk")
    )


def verzoek_detail(*, user: Gebruiker, pk: int) -> Reactieverzoek:
    """One request with its ladder and its answers. Http404 when it does not exist,
    PermissionDenied when the person is neither the requester nor responsible at a level it
    reached (policy `reactieverzoek.bekijken`)."""
    verzoek = (
        Reactieverzoek.objects.select_related(
            "soort",
            "verzoeker",
            "verzoeker_organisatie",
            "ontvanger_organisatie",
            "ontvanger_persoon",
            "verantwoordelijke_organisatie",
        )
        .prefetch_related(
            Prefetch(
                "verantwoordelijken",
                queryset=Verantwoordelijke.objects.select_related("organisatie", "persoon"),
            ),
            Prefetch(
                "reacties",
                queryset=Reactie.objects.select_related(
                    "door", "namens_organisatie", "controle"
                ).prefetch_related(
                    Prefetch(
                        "beginselen",
                        queryset=Beginsel.objects.select_related("kader").order_by(
                            "kader__volgorde", "volgorde", "naam"
                        ),
                    )
                ),
            ),
            "soort__niveaus",
        )
        .filter(pk=pk)
        .first()
    )
    if verzoek is None:
        raise Http404(_("Dit verzoek bestaat niet."))
    policy.require(user, "reactieverzoek.bekijken", verzoek)
    return verzoek


# --- the timeline ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Gebeurtenis:
    """One step in a request's timeline, in plain Dutch."""

    tijdstip: dt.datetime
    event: str
    tekst: str
    toelichting: str = ""


def _datum(waarde: Any) -> str:
    if not waarde:
        return ""
    try:
        dag = dt.date.fromisoformat(str(waarde)[:10])
    except ValueError:
        return str(waarde)
    return date_format(dag, "j F Y")


def _status(waarde: Any) -> str:
    try:
        return str(Status(waarde).label).lower()
    except ValueError:
        return str(waarde)


def _tekst(event: AuditEvent, verzoek: Reactieverzoek, door: str) -> tuple[str, str]:
    """The sentence for one audit event, and an optional explanation under it."""
    data: dict[str, Any] = event.data or {}
    soort = event.event.removeprefix("reactieverzoek.")
    datum = _datum(data.get("uiterste_datum"))
    reden = str(data.get("reden") or "")
    if soort == "aangemaakt":
        tekst = _("Verzoek gesteld aan %(org)s; antwoord uiterlijk %(datum)s") % {
            "org": verzoek.ontvanger_organisatie.naam,
            "datum": datum,
        }
        return (tekst + (_(" (door %(door)s)") % {"door": door} if door else ""), "")
    if soort == "beantwoorden":
        antwoord = _("pas toe") if data.get("soort") == "pas_toe" else _("leg uit")
        tekst = _("Beantwoord met %(antwoord)s door %(door)s") % {
            "antwoord": antwoord,
            "door": door or _("onbekend"),
        }
        if data.get("te_laat"):
            tekst += _(" (na de uiterste datum)")
        return tekst, ""
    if soort == "accepteren":
        return _("Antwoord aanvaard door %(door)s") % {"door": door or _("de vrager")}, ""
    if soort == "betwisten":
        return _("Antwoord onvoldoende genoemd door %(door)s") % {
            "door": door or _("de vrager")
        }, ""
    if soort == "laten_verlopen":
        return _("Termijn verstreken"), ""
    if soort == "escaleren":
        tekst = _("Geëscaleerd naar %(naar)s, uiterlijk %(datum)s") % {
            "naar": data.get("naar", ""),
            "datum": datum,
        }
        if reden == "onvoldoende":
            return tekst, _("Omdat de vrager het antwoord onvoldoende vond.")
        return tekst, ""
    if soort == "opschorten":
        return _("Termijn opgeschort door %(door)s") % {"door": door or _("onbekend")}, reden
    if soort == "hervatten":
        return _("Termijn hervat door %(door)s; antwoord uiterlijk %(datum)s") % {
            "door": door or _("onbekend"),
            "datum": datum,
        }, ""
    if soort == "verlengen":
        return _("Termijn verlengd met %(dagen)s dagen door %(door)s, tot %(datum)s") % {
            "dagen": data.get("dagen", ""),
            "door": door or _("onbekend"),
            "datum": datum,
        }, reden
    if soort == "intrekken":
        return _("Verzoek ingetrokken"), reden
    if soort == "openbaarmaking_geweigerd":
        grond = data.get("grond", "")
        label = WooGrond(grond).label if grond in WooGrond.values else grond
        return _("Openbaarmaking geweigerd door %(door)s op grond van %(grond)s") % {
            "door": door or _("onbekend"),
            "grond": label,
        }, str(data.get("toelichting") or "")
    if soort == "herinnering":
        return _("Herinnering verstuurd; antwoord uiterlijk %(datum)s") % {"datum": datum}, ""
    if soort == "controle_gestart":
        return _("De datum van de maatregel is bereikt: is hij uitgevoerd?"), ""
    if soort == "controle_vastgesteld":
        if data.get("uitgevoerd"):
            tekst = _("Maatregel uitgevoerd (vastgesteld door %(door)s)")
        else:
            tekst = _("Maatregel niet uitgevoerd (vastgesteld door %(door)s)")
        return tekst % {"door": door or _("onbekend")}, str(data.get("toelichting") or "")
    # An event this screen does not know yet still shows, with its state change if it has one.
    if "naar" in data and "van" in data:
        return _("%(event)s: van %(van)s naar %(naar)s") % {
            "event": soort,
            "van": _status(data["van"]),
            "naar": _status(data["naar"]),
        }, ""
    return soort, ""


def tijdlijn(*, verzoek: Reactieverzoek) -> list[Gebeurtenis]:
    """Every audit event of this request, in the order they happened, with the names people
    are shown by (two queries). The caller has checked that the person may view the request."""
    events = list(
        AuditEvent.objects.filter(
            object_type=Reactieverzoek._meta.label_lower, object_id=str(verzoek.pk)
        ).order_by("volgnummer")
    )
    ids = {e.actor_id for e in events if e.actor_id}
    namen = {g.pk: str(g) for g in Gebruiker.objects.filter(pk__in=ids)} if ids else {}
    regels = []
    for event in events:
        door = namen.get(event.actor_id or 0, event.actor_naam)
        tekst, toelichting = _tekst(event, verzoek, door)
        regels.append(Gebeurtenis(event.tijdstip, event.event, tekst, toelichting))
    return regels


# --- notifications ---------------------------------------------------------------------------


def meldingen(*, user: Gebruiker) -> QuerySet[Melding]:
    """The person's own notifications, newest first."""
    return (
        Melding.objects.filter(ontvanger=user)
        .select_related("verzoek")
        .order_by("-aangemaakt", "-pk")
    )


def aantal_ongelezen(*, user: Gebruiker) -> int:
    return Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True).count()

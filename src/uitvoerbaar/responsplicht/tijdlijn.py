"""The timeline of a request, read from its audit events: one Dutch sentence per step.

One table of sentences serves three audiences:
- INTERN, the request page for those concerned: who acted, and the free-text reasons;
- ZONDER_NAMEN, the API: no persons (a requester may be a reporter whose identity is
  protected), the reasons and the event data that is not sensitive;
- OPENBAAR, the public register: neither persons nor free text (a reason may name someone),
  and only the steps the public sees.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.models import Gebruiker

from .constants import Antwoordsoort, WooGrond
from .models import Reactieverzoek


class Publiek(enum.Enum):
    INTERN = "intern"
    ZONDER_NAMEN = "zonder_namen"
    OPENBAAR = "openbaar"


# Audit data the API passes on with each step. Anything else stays in the audit log only.
API_VELDEN: Final = frozenset(
    {
        "van", "naar", "niveau", "soort", "te_laat", "reactie", "maatregel_datum",
        "beginselen", "reden", "resterende_dagen", "dagen_opgeschort", "dagen", "oude_datum",
        "uiterste_datum", "organisatie", "rol", "grond", "toelichting", "controle",
        "uitgevoerd", "datum", "ontvanger", "organisatie_naam",
    }
)  # fmt: skip

# Steps the public does not see: the withholding itself is counted in the register instead.
NIET_OPENBAAR: Final = frozenset({"reactieverzoek.openbaarmaking_geweigerd"})


@dataclass(frozen=True)
class Stap:
    tijdstip: dt.datetime
    event: str
    tekst: str
    toelichting: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def datum(self) -> dt.date:
        return timezone.localdate(self.tijdstip)


def _datum(waarde: Any) -> str:
    try:
        return date_format(dt.date.fromisoformat(str(waarde)[:10]), "j F Y")
    except ValueError:
        return str(waarde or "")


def _door(door: str) -> str:
    return _(" door %(naam)s") % {"naam": door} if door else ""


def _beantwoord(d: Mapping[str, Any], door: str) -> str:
    soort = d.get("soort")
    label = str(Antwoordsoort(soort).label).lower() if soort in Antwoordsoort.values else ""
    zin = _("Beantwoord met %(soort)s%(door)s") % {"soort": label, "door": _door(door)}
    return zin + (_(", na de uiterste datum") if d.get("te_laat") else "")


def _escaleer(d: Mapping[str, Any], door: str) -> str:
    naar = str(d.get("naar", ""))
    if d.get("organisatie_naam"):
        naar = f"{naar} ({d['organisatie_naam']})"
    zin = _("Geëscaleerd naar %(naar)s, uiterlijk %(datum)s") % {
        "naar": naar,
        "datum": _datum(d.get("uiterste_datum")),
    }
    if d.get("reden") == "onvoldoende":
        return zin + _(", omdat de vrager het antwoord onvoldoende vond")
    return zin + _(", omdat de termijn verstreek")


def _woo(d: Mapping[str, Any], door: str) -> str:
    grond = d.get("grond", "")
    label = WooGrond(grond).label if grond in WooGrond.values else grond
    return _("Openbaarmaking geweigerd%(door)s op grond van %(grond)s") % {
        "door": _door(door),
        "grond": label,
    }


def _controle(d: Mapping[str, Any], door: str) -> str:
    if d.get("uitgevoerd"):
        return _("Vastgesteld%(door)s: de maatregel is uitgevoerd") % {"door": _door(door)}
    return _("Vastgesteld%(door)s: de maatregel is niet uitgevoerd") % {"door": _door(door)}


def _uiterlijk(d: Mapping[str, Any]) -> str:
    return _datum(d.get("uiterste_datum"))


Zin = Callable[[Mapping[str, Any], str], str]

ZINNEN: Final[dict[str, Zin]] = {
    "reactieverzoek.aangemaakt": lambda d, door: _(
        "Verzoek gesteld%(door)s; antwoord uiterlijk %(datum)s"
    )
    % {"door": _door(door), "datum": _uiterlijk(d)},
    "reactieverzoek.herinnering": lambda d, door: _(
        "Herinnering verstuurd; antwoord uiterlijk %(datum)s"
    )
    % {"datum": _uiterlijk(d)},
    "reactieverzoek.laten_verlopen": lambda d, door: _("Termijn verstreken zonder antwoord"),
    "reactieverzoek.escaleren": _escaleer,
    "reactieverzoek.beantwoorden": _beantwoord,
    "reactieverzoek.accepteren": lambda d, door: _("Antwoord aanvaard%(door)s")
    % {"door": _door(door)},
    "reactieverzoek.betwisten": lambda d, door: _("Antwoord onvoldoende genoemd%(door)s")
    % {"door": _door(door)},
    "reactieverzoek.opschorten": lambda d, door: _("Termijn opgeschort%(door)s")
    % {"door": _door(door)},
    "reactieverzoek.hervatten": lambda d, door: _(
        "Termijn hervat%(door)s; antwoord uiterlijk %(datum)s"
    )
    % {"door": _door(door), "datum": _uiterlijk(d)},
    "reactieverzoek.verlengen": lambda d, door: _(
        "Termijn verlengd met %(dagen)s dagen%(door)s, tot %(datum)s"
    )
    % {"dagen": d.get("dagen", ""), "door": _door(door), "datum": _uiterlijk(d)},
    "reactieverzoek.intrekken": lambda d, door: _("Verzoek ingetrokken%(door)s")
    % {"door": _door(door)},
    "reactieverzoek.openbaarmaking_geweigerd": _woo,
    "reactieverzoek.controle_gestart": lambda d, door: _(
        "De datum van de maatregel (%(datum)s) is bereikt: is hij uitgevoerd?"
    )
    % {"datum": _datum(d.get("datum"))},
    "reactieverzoek.controle_vastgesteld": _controle,
}

# The free text an event carries, shown under the sentence (never in public).
TOELICHTING: Final = ("reden", "toelichting")


def zin(event: str, data: Mapping[str, Any], door: str = "") -> str:
    """The sentence for one audit event of a request; unknown or older events still show."""
    maker = ZINNEN.get(event)
    try:
        return maker(data, door) if maker else event
    except (KeyError, TypeError, ValueError):
        return event


def stappen(verzoek: Reactieverzoek | int, *, publiek: Publiek) -> list[Stap]:
    """Every step of the request in order (one query; INTERN adds one for the names). The
    caller has checked that the reader may see the request at this level of detail."""
    pk = verzoek if isinstance(verzoek, int) else verzoek.pk
    events = list(
        AuditEvent.objects.filter(object_type=Reactieverzoek._meta.label_lower, object_id=str(pk))
        .order_by("volgnummer")
        .only("tijdstip", "event", "data", "actor_id", "actor_naam")
    )
    namen: dict[int, str] = {}
    if publiek is Publiek.INTERN:
        ids = {e.actor_id for e in events if e.actor_id}
        namen = {g.pk: str(g) for g in Gebruiker.objects.filter(pk__in=ids)} if ids else {}
    resultaat = []
    for e in events:
        data = e.data or {}
        if publiek is Publiek.OPENBAAR and e.event in NIET_OPENBAAR:
            continue
        door = namen.get(e.actor_id or 0, e.actor_naam) if publiek is Publiek.INTERN else ""
        toelichting = ""
        # An escalation's reason is a code, already in its sentence.
        if publiek is not Publiek.OPENBAAR and e.event != "reactieverzoek.escaleren":
            toelichting = next((str(data[k]) for k in TOELICHTING if data.get(k)), "")
        resultaat.append(
            Stap(
                tijdstip=e.tijdstip,
                event=e.event,
                tekst=zin(e.event, data, door),
                toelichting=toelichting,
                data={k: v for k, v in data.items() if k in API_VELDEN}
                if publiek is Publiek.ZONDER_NAMEN
                else {},
            )
        )
    return resultaat

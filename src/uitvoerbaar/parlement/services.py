"""Every state change of kamervragen and contactmomenten (seed actions P2 and P3). One function
per verb: each checks the permission policy, validates in Dutch next to the field, writes its
audit event in the same transaction. A kamervraag is a request on the response duty engine
(kind `kamervraag`); `_volg_kamervraag` is called by the engine (through `volgers`) when that
request moves, inside the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.beleid.models import Beleidsvoorstel
from uitvoerbaar.core import policy, screening
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Regeling
from uitvoerbaar.responsplicht import services as responsplicht
from uitvoerbaar.responsplicht.constants import Handeling
from uitvoerbaar.responsplicht.models import Reactieverzoek

from .constants import Contacthandeling, Contactsoort, Contactstatus, Kamervraagstatus
from .models import Contactmoment, Kamervraag
from .models.contactmomenten import KAMER_BEHEER, UITVOERDER_BEHEER
from .transitions import OngeldigeOvergang, contactmoment_doel, kamervraag_doel

MAX_TEKST = 20_000
UITVOERDER_SOORTEN = frozenset(
    {OrganisatieSoort.UITVOERINGSORGANISATIE, OrganisatieSoort.MEDEOVERHEID}
)

# Subject type on the response duty engine (see volgers.py).
KAMERVRAAG = "parlement.kamervraag"


def vandaag() -> dt.date:
    return responsplicht.vandaag()


class _Fouten:
    """Collects the Dutch messages per field, so a form shows them all at once."""

    def __init__(self) -> None:
        self.fouten: dict[str, list[str]] = {}

    def voeg_toe(self, veld: str, melding: str) -> None:
        self.fouten.setdefault(veld, []).append(melding)

    def tekst(
        self,
        waarde: str | None,
        veld: str,
        melding: str,
        *,
        max_lengte: int = MAX_TEKST,
        openbaar: bool = True,
        verplicht: bool = True,
    ) -> str:
        """Stripped text; empty, too long or (for text that is published) with citizen data
        in it gives a message next to the field."""
        waarde = (waarde or "").strip()
        if not waarde:
            if verplicht:
                self.voeg_toe(veld, melding)
            return ""
        if len(waarde) > max_lengte:
            self.voeg_toe(
                veld,
                _("Deze tekst is te lang (ten hoogste %(max)d tekens).") % {"max": max_lengte},
            )
            return ""
        # Questions, answers, topics and reports are published: never with a citizen's data.
        if openbaar and (fouten := screening.openbare_tekst_fouten({veld: waarde})):
            self.voeg_toe(veld, fouten[veld])
            return ""
        return waarde

    def controleer(self) -> None:
        if self.fouten:
            raise ValidationError(self.fouten)


def _check_commissie(commissie: Eenheid | None, parlement: Organisatie, fouten: _Fouten) -> None:
    if commissie is not None and commissie.organisatie_id != parlement.pk:
        fouten.voeg_toe(
            "commissie",
            _("Deze commissie hoort niet bij %(org)s.") % {"org": parlement.naam},
        )


def _check_parlement(parlement: Organisatie | None, fouten: _Fouten) -> None:
    if parlement is None:
        fouten.voeg_toe("parlement", _("Kies het parlement."))
    elif parlement.soort != OrganisatieSoort.PARLEMENT:
        fouten.voeg_toe("parlement", _("%(org)s is geen parlement.") % {"org": parlement.naam})


# --- kamervragen (P2) ----------------------------------------------------------------------


@transaction.atomic
def ask_kamervraag(
    *,
    door: Gebruiker,
    parlement: Organisatie,
    uitvoerder: Organisatie | None,
    titel: str,
    vraag: str,
    commissie: Eenheid | None = None,
    regeling: Regeling | None = None,
    beleidsvoorstel: Beleidsvoorstel | None = None,
    start: dt.date | None = None,
) -> Kamervraag:
    """A member or clerk of parliament asks an executive organisation (or co-government) how a
    policy works out in practice. The question is published with its answer, so it is refused
    with citizen data in it. It becomes a request of the kind `kamervraag` on the response
    duty engine: the executor's handlers answer within three weeks (pas toe or leg uit), then
    its board; silence past the last level is published. `start` (default today) is the day
    the question was asked, for questions entered afterwards (the demo)."""
    policy.require(door, "kamervraag.stellen", parlement)
    fouten = _Fouten()
    _check_parlement(parlement, fouten)
    if uitvoerder is None:
        fouten.voeg_toe("uitvoerder", _("Kies de uitvoeringsorganisatie die u iets vraagt."))
    elif uitvoerder.soort not in UITVOERDER_SOORTEN:
        fouten.voeg_toe(
            "uitvoerder",
            _("%(org)s is geen uitvoeringsorganisatie of medeoverheid.") % {"org": uitvoerder.naam},
        )
    _check_commissie(commissie, parlement, fouten)
    titel = fouten.tekst(titel, "titel", _("Geef de vraag een kort onderwerp."), max_lengte=300)
    vraag = fouten.tekst(vraag, "vraag", _("Schrijf uw vraag op."))
    fouten.controleer()
    assert uitvoerder is not None
    kamervraag = Kamervraag.objects.create(
        parlement=parlement,
        commissie=commissie,
        uitvoerder=uitvoerder,
        titel=titel,
        vraag=vraag,
        regeling=regeling,
        beleidsvoorstel=beleidsvoorstel,
        gesteld_door=door,
        gesteld_op=start or vandaag(),
    )
    kamervraag.verzoek = responsplicht.create_reactieverzoek(
        soort="kamervraag",
        onderwerp=responsplicht.Onderwerp(
            type=KAMERVRAAG,
            id=str(kamervraag.pk),
            titel=_("Kamervraag: %(titel)s") % {"titel": titel},
            url=reverse("parlement:kamervraag", args=[kamervraag.pk]),
        ),
        vraag=vraag,
        door=door,
        ontvanger_organisatie=uitvoerder,
        ontvanger_rol=Rol.BEHANDELAAR,
        verzoeker_organisatie=parlement,
        # The committee's clerk keeps the correspondence: the clerk, and the member who asked
        # (named on the request), may accept the answer or call it insufficient.
        verzoeker_rol=Rol.GRIFFIE,
        start=start,
    )
    kamervraag.save(update_fields=["verzoek", "bijgewerkt"])
    audit.record(
        event="kamervraag.gesteld",
        actor=door,
        obj=kamervraag,
        data={
            "parlement": parlement.slug,
            "commissie": commissie.naam if commissie else "",
            "uitvoerder": uitvoerder.slug,
            "regeling": regeling.code if regeling else "",
            "beleidsvoorstel": beleidsvoorstel.pk if beleidsvoorstel else None,
            "verzoek": kamervraag.verzoek.pk,
        },
    )
    return kamervraag


def _volg_kamervraag(verzoek: Reactieverzoek, handeling: Handeling) -> None:
    """The question follows its request: answered, accepted, called insufficient, silent past
    a level, escalated to the board, or withdrawn. A move that does not fit the question's
    own table raises, which rolls the engine's move back too."""
    kamervraag = (
        Kamervraag.objects.select_for_update(of=("self",)).filter(verzoek_id=verzoek.pk).first()
    )
    if kamervraag is None:
        return
    oud = kamervraag.status
    kamervraag.status = kamervraag_doel(handeling, Kamervraagstatus(oud))
    if handeling == Handeling.BEANTWOORDEN:
        kamervraag.beantwoord_op = vandaag()
    kamervraag.save(update_fields=["status", "beantwoord_op", "bijgewerkt"])
    if kamervraag.status != oud:
        audit.record(
            event="kamervraag.gevolgd",
            actor=None,
            obj=kamervraag,
            data={
                "handeling": Handeling(handeling).value,
                "van": oud,
                "naar": kamervraag.status,
                "verzoek": verzoek.pk,
            },
        )


# --- contactmomenten (P3) --------------------------------------------------------------------


def _mag_plannen(
    door: Gebruiker, parlement: Organisatie | None, uitvoerders: Sequence[Organisatie]
) -> bool:
    """The clerk of the parliament, or the board or administrator of one of the executors."""
    ids = {o.pk for o in uitvoerders}
    for lid in door.actieve_lidmaatschappen():
        if parlement is not None and lid.organisatie_id == parlement.pk and lid.rol in KAMER_BEHEER:
            return True
        if lid.organisatie_id in ids and lid.rol in UITVOERDER_BEHEER:
            return True
    return False


def _contact_velden(
    fouten: _Fouten,
    *,
    soort: str,
    titel: str,
    parlement: Organisatie | None,
    commissie: Eenheid | None,
    uitvoerders: Sequence[Organisatie],
    begint_op: dt.datetime | None,
    eindigt_op: dt.datetime | None,
    locatie: str,
    online: bool,
    onderwerpen: str,
    gasten: str,
) -> dict[str, Any]:
    if soort not in Contactsoort.values:
        fouten.voeg_toe("soort", _("Kies de soort: briefing, rondetafelgesprek of werkbezoek."))
    _check_parlement(parlement, fouten)
    if parlement is not None:
        _check_commissie(commissie, parlement, fouten)
    if not uitvoerders:
        fouten.voeg_toe("uitvoerders", _("Noem ten minste één uitvoeringsorganisatie."))
    for org in uitvoerders:
        if org.soort not in UITVOERDER_SOORTEN:
            fouten.voeg_toe(
                "uitvoerders",
                _("%(org)s is geen uitvoeringsorganisatie of medeoverheid.") % {"org": org.naam},
            )
    if begint_op is None:
        fouten.voeg_toe("begint_op", _("Vul de datum en het begintijdstip in."))
    elif timezone.is_naive(begint_op):
        fouten.voeg_toe("begint_op", _("Vul een tijdstip met tijdzone in."))
    if eindigt_op is not None and begint_op is not None:
        if timezone.is_naive(eindigt_op):
            fouten.voeg_toe("eindigt_op", _("Vul een tijdstip met tijdzone in."))
        elif not timezone.is_naive(begint_op) and eindigt_op <= begint_op:
            fouten.voeg_toe("eindigt_op", _("Het einde ligt na het begin."))
    locatie = fouten.tekst(locatie, "locatie", "", max_lengte=300, openbaar=False, verplicht=False)
    if not locatie and not online:
        fouten.voeg_toe("locatie", _("Noem de plaats, of kies voor online."))
    return {
        "soort": soort,
        "titel": fouten.tekst(
            titel, "titel", _("Geef het contactmoment een titel."), max_lengte=300
        ),
        "parlement": parlement,
        "commissie": commissie,
        "begint_op": begint_op,
        "eindigt_op": eindigt_op,
        "locatie": locatie,
        "online": bool(online),
        "onderwerpen": fouten.tekst(
            onderwerpen, "onderwerpen", _("Schrijf op waarover u wilt praten.")
        ),
        # Guests are not on the platform; their names are never published.
        "gasten": fouten.tekst(gasten, "gasten", "", openbaar=False, verplicht=False),
    }


@transaction.atomic
def plan_contactmoment(
    *,
    door: Gebruiker,
    soort: str,
    titel: str,
    parlement: Organisatie | None,
    uitvoerders: Sequence[Organisatie],
    begint_op: dt.datetime | None,
    onderwerpen: str,
    commissie: Eenheid | None = None,
    eindigt_op: dt.datetime | None = None,
    locatie: str = "",
    online: bool = False,
    regelingen: Sequence[Regeling] = (),
    deelnemers: Sequence[Gebruiker] = (),
    gasten: str = "",
) -> Contactmoment:
    """Plan a briefing, round table or work visit between parliament (or one of its
    committees) and one or more executive organisations. The clerk of the parliament, or the
    board or administrator of a taking-part executor, plans it. Title and topics are published
    with the report, so they are refused with citizen data in them. A moment may be entered
    after it took place (registered afterwards)."""
    policy.require(door, "contactmoment.plannen")
    uitvoerders = list(uitvoerders)
    if not _mag_plannen(door, parlement, uitvoerders):
        raise PermissionDenied(
            _(
                "Alleen de griffie van het parlement, of het bestuur of de beheerder van een "
                "deelnemende uitvoerder, plant een contactmoment."
            )
        )
    fouten = _Fouten()
    velden = _contact_velden(
        fouten,
        soort=soort,
        titel=titel,
        parlement=parlement,
        commissie=commissie,
        uitvoerders=uitvoerders,
        begint_op=begint_op,
        eindigt_op=eindigt_op,
        locatie=locatie,
        online=online,
        onderwerpen=onderwerpen,
        gasten=gasten,
    )
    fouten.controleer()
    contactmoment = Contactmoment.objects.create(aangemaakt_door=door, **velden)
    contactmoment.uitvoerders.set(uitvoerders)
    contactmoment.regelingen.set(regelingen)
    contactmoment.deelnemers.set(deelnemers)
    audit.record(
        event="contactmoment.gepland",
        actor=door,
        obj=contactmoment,
        data=_audit_gegevens(contactmoment, uitvoerders, regelingen, deelnemers),
    )
    return contactmoment


def _audit_gegevens(
    c: Contactmoment,
    uitvoerders: Sequence[Organisatie],
    regelingen: Sequence[Regeling],
    deelnemers: Sequence[Gebruiker],
) -> dict[str, Any]:
    return {
        "soort": c.soort,
        "titel": c.titel,
        "parlement": c.parlement.slug,
        "commissie": c.commissie.naam if c.commissie else "",
        "uitvoerders": sorted(o.slug for o in uitvoerders),
        "begint_op": c.begint_op,
        "eindigt_op": c.eindigt_op,
        "online": c.online,
        "regelingen": sorted(r.code for r in regelingen),
        "deelnemers": sorted(d.pk for d in deelnemers),
    }


def _lock_contactmoment(contactmoment: Contactmoment) -> Contactmoment:
    return (
        Contactmoment.objects.select_for_update(of=("self",))
        .select_related("parlement", "commissie")
        .get(pk=contactmoment.pk)
    )


@transaction.atomic
def update_contactmoment(
    *,
    contactmoment: Contactmoment,
    door: Gebruiker,
    soort: str,
    titel: str,
    uitvoerders: Sequence[Organisatie],
    begint_op: dt.datetime | None,
    onderwerpen: str,
    commissie: Eenheid | None = None,
    eindigt_op: dt.datetime | None = None,
    locatie: str = "",
    online: bool = False,
    regelingen: Sequence[Regeling] = (),
    deelnemers: Sequence[Gebruiker] = (),
    gasten: str = "",
) -> Contactmoment:
    """Change the planning of a moment that is still planned. The parliament stays the same;
    the executors taking part may change, but the one who edits must still be allowed to plan
    it afterwards (nobody writes themselves out of their own moment by accident)."""
    contactmoment = _lock_contactmoment(contactmoment)
    policy.require(door, "contactmoment.beheren", contactmoment)
    if contactmoment.status != Contactstatus.GEPLAND:
        raise ValidationError(
            _("Dit contactmoment is %(status)s; alleen een gepland contactmoment kunt u wijzigen.")
            % {"status": contactmoment.get_status_display().lower()}
        )
    uitvoerders = list(uitvoerders)
    fouten = _Fouten()
    velden = _contact_velden(
        fouten,
        soort=soort,
        titel=titel,
        parlement=contactmoment.parlement,
        commissie=commissie,
        uitvoerders=uitvoerders,
        begint_op=begint_op,
        eindigt_op=eindigt_op,
        locatie=locatie,
        online=online,
        onderwerpen=onderwerpen,
        gasten=gasten,
    )
    if (
        uitvoerders
        and not fouten.fouten
        and not _mag_plannen(door, contactmoment.parlement, uitvoerders)
    ):
        fouten.voeg_toe(
            "uitvoerders",
            _("Uw eigen organisatie moet blijven deelnemen, anders kunt u dit niet meer wijzigen."),
        )
    fouten.controleer()
    velden.pop("parlement")
    for veld, waarde in velden.items():
        setattr(contactmoment, veld, waarde)
    contactmoment.save()
    contactmoment.uitvoerders.set(uitvoerders)
    contactmoment.regelingen.set(regelingen)
    contactmoment.deelnemers.set(deelnemers)
    audit.record(
        event="contactmoment.gewijzigd",
        actor=door,
        obj=contactmoment,
        data=_audit_gegevens(contactmoment, uitvoerders, regelingen, deelnemers),
    )
    return contactmoment


def _beweeg(contactmoment: Contactmoment, handeling: Contacthandeling) -> Contactstatus:
    try:
        return contactmoment_doel(handeling, Contactstatus(contactmoment.status))
    except OngeldigeOvergang as exc:
        raise ValidationError(
            _("Dit contactmoment is %(status)s en kan niet meer %(handeling)s worden.")
            % {
                "status": contactmoment.get_status_display().lower(),
                "handeling": {
                    Contacthandeling.HOUDEN: _("als gehouden vastgelegd"),
                    Contacthandeling.ANNULEREN: _("geannuleerd"),
                }[handeling],
            }
        ) from exc


@transaction.atomic
def hold_contactmoment(*, contactmoment: Contactmoment, door: Gebruiker) -> Contactmoment:
    """Record that the moment took place. Not before its start: a moment that has not begun
    cannot have been held."""
    contactmoment = _lock_contactmoment(contactmoment)
    policy.require(door, "contactmoment.beheren", contactmoment)
    nieuw = _beweeg(contactmoment, Contacthandeling.HOUDEN)
    if contactmoment.begint_op > timezone.now():
        raise ValidationError(
            _("Het contactmoment is nog niet begonnen. Leg het vast als gehouden na het begin.")
        )
    contactmoment.status = nieuw
    contactmoment.save(update_fields=["status", "bijgewerkt"])
    audit.record(
        event="contactmoment.gehouden",
        actor=door,
        obj=contactmoment,
        data={"van": Contactstatus.GEPLAND.value, "naar": nieuw.value},
    )
    return contactmoment


@transaction.atomic
def cancel_contactmoment(
    *, contactmoment: Contactmoment, door: Gebruiker, reden: str
) -> Contactmoment:
    """Cancel a planned moment, with the reason (shown to those concerned)."""
    contactmoment = _lock_contactmoment(contactmoment)
    policy.require(door, "contactmoment.beheren", contactmoment)
    nieuw = _beweeg(contactmoment, Contacthandeling.ANNULEREN)
    fouten = _Fouten()
    reden = fouten.tekst(reden, "reden", _("Geef de reden van het annuleren."), openbaar=False)
    fouten.controleer()
    contactmoment.status = nieuw
    contactmoment.annuleringsreden = reden
    contactmoment.save(update_fields=["status", "annuleringsreden", "bijgewerkt"])
    audit.record(
        event="contactmoment.geannuleerd",
        actor=door,
        obj=contactmoment,
        data={"van": Contactstatus.GEPLAND.value, "naar": nieuw.value, "reden": reden},
    )
    return contactmoment


@transaction.atomic
def save_verslag(*, contactmoment: Contactmoment, door: Gebruiker, verslag: str) -> Contactmoment:
    """Write or rewrite the report of a held moment, until it is published. It may be
    published, so it is refused with citizen data in it."""
    contactmoment = _lock_contactmoment(contactmoment)
    policy.require(door, "contactmoment.beheren", contactmoment)
    if contactmoment.status != Contactstatus.GEHOUDEN:
        raise ValidationError(
            {"verslag": _("Een verslag schrijft u nadat het contactmoment is gehouden.")}
        )
    if contactmoment.verslag_openbaar:
        raise ValidationError(
            {"verslag": _("Het verslag is al openbaar en kan niet meer worden gewijzigd.")}
        )
    fouten = _Fouten()
    verslag = fouten.tekst(verslag, "verslag", _("Schrijf het verslag."))
    fouten.controleer()
    contactmoment.verslag = verslag
    contactmoment.save(update_fields=["verslag", "bijgewerkt"])
    audit.record(
        event="contactmoment.verslag_opgeslagen",
        actor=door,
        obj=contactmoment,
        data={"lengte": len(verslag)},
    )
    return contactmoment


@transaction.atomic
def publish_verslag(*, contactmoment: Contactmoment, door: Gebruiker) -> Contactmoment:
    """Publish the report of a held moment: from now on anyone can read it, with the moment's
    title, date, kind, parliament and executors (never the names of the participants). Once
    published it stays as it is."""
    contactmoment = _lock_contactmoment(contactmoment)
    policy.require(door, "contactmoment.beheren", contactmoment)
    if contactmoment.status != Contactstatus.GEHOUDEN:
        raise ValidationError(
            _("Alleen het verslag van een gehouden contactmoment wordt openbaar.")
        )
    if contactmoment.verslag_openbaar:
        raise ValidationError(_("Het verslag is al openbaar."))
    if not contactmoment.verslag.strip():
        raise ValidationError({"verslag": _("Schrijf eerst het verslag.")})
    # Screened again: title and topics were checked when planned, but the rules may be newer.
    fouten = _Fouten()
    for veld in ("titel", "onderwerpen", "verslag"):
        fouten.tekst(getattr(contactmoment, veld), veld, "")
    fouten.controleer()
    contactmoment.verslag_gepubliceerd_op = timezone.now()
    contactmoment.save(update_fields=["verslag_gepubliceerd_op", "bijgewerkt"])
    audit.record(
        event="contactmoment.verslag_gepubliceerd",
        actor=door,
        obj=contactmoment,
        data={"gepubliceerd_op": contactmoment.verslag_gepubliceerd_op},
    )
    return contactmoment

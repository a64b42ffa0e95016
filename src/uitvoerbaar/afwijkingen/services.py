"""Every state change of deviations, contests and case deliberations. One function per move;
each checks the permission policy and the transition table, writes an audit event in the same
transaction, and refuses bad input with a Dutch message per field (nothing changes then)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank import services as kennisbank
from uitvoerbaar.kennisbank.constants import AfwijkingsgrondSoort, Oordeel, Perspectief
from uitvoerbaar.kennisbank.models import Afwijkingsgrond, Artikel, Beginsel, Regeling, oordeel_veld
from uitvoerbaar.kennisbank.zoeken import zoektekst
from uitvoerbaar.responsplicht import services as responsplicht
from uitvoerbaar.responsplicht.constants import Antwoordsoort
from uitvoerbaar.responsplicht.constants import Handeling as VerzoekHandeling
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.signalen.constants import Signaalsoort
from uitvoerbaar.signalen.models import Signaal

from . import afschermen, gelijkenis, precedenten
from .constants import (
    AanvechtingBron,
    AanvechtingStatus,
    Beslissing,
    Handeling,
    Huishouden,
    Inkomensband,
    Knelpunt,
)
from .models import Aanvechting, Afwijking, Afwijkingsinstelling, Casusberaad
from .transitions import doel

MAX_TEKST = 20_000
ONDERWERP_AANVECHTING = "afwijkingen.aanvechting"
SOORT_AANVECHTING = "aanvechting"
# When the conflict check runs, every similar case counts, not only the five shown.
CONFLICT_KANDIDATEN = 100


def instelling(organisatie: Organisatie | int) -> Afwijkingsinstelling:
    """The organisation's settings, or the defaults when it never set them (not saved)."""
    organisatie_id = organisatie if isinstance(organisatie, int) else organisatie.pk
    gevonden = Afwijkingsinstelling.objects.filter(organisatie_id=organisatie_id).first()
    return gevonden or Afwijkingsinstelling(organisatie_id=organisatie_id)


def gronden_voor(artikel: Artikel) -> QuerySet[Afwijkingsgrond]:
    """The legal bases to deviate from this article: those of the article itself, those of
    the whole regulation (art. 4:84 Awb, art. 3:4 lid 2 Awb), and its hardheidsclausule,
    which lives in an article of its own but covers every article of the regulation."""
    return Afwijkingsgrond.objects.filter(regeling_id=artikel.regeling_id).filter(
        Q(artikel__isnull=True)
        | Q(artikel=artikel)
        | Q(soort=AfwijkingsgrondSoort.HARDHEIDSCLAUSULE)
    )


def grond_past(grond: Afwijkingsgrond, artikel: Artikel) -> bool:
    return grond.regeling_id == artikel.regeling_id and (
        grond.artikel_id in (None, artikel.pk)
        or grond.soort == AfwijkingsgrondSoort.HARDHEIDSCLAUSULE
    )


# --- helpers -------------------------------------------------------------------------------------


def _tekst(
    fouten: dict[str, str], veld: str, waarde: str | None, melding: str, *, verplicht: bool = True
) -> str:
    waarde = (waarde or "").strip()
    if verplicht and not waarde:
        fouten[veld] = melding
    elif len(waarde) > MAX_TEKST:
        fouten[veld] = _("Deze tekst is te lang (ten hoogste %(max)d tekens).") % {"max": MAX_TEKST}
    return waarde


def _keuze(fouten: dict[str, str], veld: str, waarde: str, keuzes: Any, melding: str) -> str:
    if waarde not in keuzes.values:
        fouten[veld] = melding
    return waarde


def _bedrag(fouten: dict[str, str], waarde: Any) -> Decimal | None:
    if waarde in (None, ""):
        return None
    try:
        bedrag = Decimal(str(waarde)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        fouten["bedrag"] = _("Vul een bedrag in euro in, bijvoorbeeld 1250 of 1250,50.")
        return None
    if bedrag < 0 or bedrag >= Decimal("10000000000"):
        fouten["bedrag"] = _("Het bedrag moet tussen 0 en 10 miljard euro liggen.")
        return None
    return bedrag


def _rollen_in(door: Gebruiker, organisatie_id: int) -> set[str]:
    return {
        lid.rol for lid in door.actieve_lidmaatschappen() if lid.organisatie_id == organisatie_id
    }


def _lock(afwijking: Afwijking) -> Afwijking:
    return (
        Afwijking.objects.select_for_update(of=("self",))
        .select_related("organisatie")
        .get(pk=afwijking.pk)
    )


def _zet(
    afwijking: Afwijking,
    handeling: Handeling,
    *,
    door: Gebruiker,
    data: dict[str, Any],
    velden: Sequence[str] = (),
) -> None:
    oud = afwijking.status
    afwijking.status = doel(handeling, oud)
    afwijking.save(update_fields=["status", *velden])
    audit.record(
        event=f"afwijking.{handeling.value}",
        actor=door,
        obj=afwijking,
        data={"van": oud, "naar": afwijking.status, **data},
    )


def _zoektokens(afwijking: Afwijking) -> str:
    return " ".join(
        gelijkenis.tokens([afwijking.casus, afwijking.bedoeling, afwijking.alternatief])
    )


def _perspectieven_compleet(data: Mapping[str, Any] | None) -> bool:
    if not data:
        return False
    return all(
        data.get(oordeel_veld(p)) not in (None, "", Oordeel.NIET_BEOORDEELD) for p in Perspectief
    )


# --- deviations ----------------------------------------------------------------------------------


def _inhoud(
    fouten: dict[str, str],
    *,
    artikel: Artikel,
    grond: Afwijkingsgrond | None,
    bedoeling: str,
    casus: str,
    alternatief: str,
    motivering: str,
    huishouden: str,
    inkomensband: str,
    knelpunt: str,
    bedrag: Any,
) -> dict[str, Any]:
    """The content of a deviation checked: a legal basis that holds for the article, purpose,
    case, alternative and motivation written, facets from the lists, no identifiers."""
    if grond is None:
        fouten["grond"] = _(
            "Kies de wettelijke grondslag voor de afwijking. Zonder grondslag kunt u niet afwijken."
        )
    elif not grond_past(grond, artikel):
        fouten["grond"] = _("Deze grondslag hoort niet bij dit artikel.")
    teksten = {
        "bedoeling": _tekst(
            fouten,
            "bedoeling",
            bedoeling,
            _("Schrijf op welke bedoeling van de regel de afwijking dient."),
        ),
        "casus": _tekst(
            fouten, "casus", casus, _("Beschrijf de situatie, zonder namen of nummers.")
        ),
        "alternatief": _tekst(
            fouten, "alternatief", alternatief, _("Schrijf op wat u in plaats van de regel deed.")
        ),
        "motivering": _tekst(
            fouten,
            "motivering",
            motivering,
            _("Motiveer de afwijking. Zonder motivering kunt u niet afwijken."),
        ),
    }
    _keuze(fouten, "huishouden", huishouden, Huishouden, _("Kies het soort huishouden."))
    _keuze(fouten, "inkomensband", inkomensband, Inkomensband, _("Kies de inkomensgroep."))
    _keuze(fouten, "knelpunt", knelpunt, Knelpunt, _("Kies het soort knelpunt."))
    waarde = _bedrag(fouten, bedrag)
    try:
        afschermen.weiger_identificerend({k: v for k, v in teksten.items() if k not in fouten})
    except ValidationError as exc:
        fouten.update({k: v[0] for k, v in exc.message_dict.items()})
    return {
        **teksten,
        "grond": grond,
        "huishouden": huishouden,
        "inkomensband": inkomensband,
        "knelpunt": knelpunt,
        "bedrag": waarde,
    }


@transaction.atomic
def register_afwijking(
    *,
    door: Gebruiker,
    organisatie: Organisatie,
    artikel: Artikel,
    grond: Afwijkingsgrond | None,
    bedoeling: str,
    casus: str,
    alternatief: str,
    motivering: str,
    huishouden: str,
    inkomensband: str,
    knelpunt: str,
    bedrag: Any = None,
    beginselen: Sequence[Beginsel] = (),
    perspectieven: Mapping[str, Any] | None = None,
    eenheid: Eenheid | None = None,
) -> Afwijking:
    """Register a deviation in one case as a concept. Refuses a deviation without a legal
    basis that belongs to the article, without motivation or purpose, facets outside the
    lists, and text that holds a personal identifier (BSN, IBAN, e-mail, phone, address)."""
    policy.require(door, "afwijking.registreren", organisatie)
    fouten: dict[str, str] = {}
    if not artikel.regeling.uitvoerders.filter(pk=organisatie.pk).exists():
        fouten["artikel"] = _("Uw organisatie voert deze regeling niet uit.")
    if eenheid is not None and eenheid.organisatie_id != organisatie.pk:
        fouten["eenheid"] = _("Deze eenheid hoort niet bij uw organisatie.")
    inhoud = _inhoud(
        fouten,
        artikel=artikel,
        grond=grond,
        bedoeling=bedoeling,
        casus=casus,
        alternatief=alternatief,
        motivering=motivering,
        huishouden=huishouden,
        inkomensband=inkomensband,
        knelpunt=knelpunt,
        bedrag=bedrag,
    )
    if fouten:
        raise ValidationError(fouten)
    beoordeling = None
    if perspectieven:
        beoordeling = kennisbank.save_perspectieven(door=door, data=perspectieven)
    afwijking = Afwijking(
        organisatie=organisatie,
        eenheid=eenheid,
        regeling=artikel.regeling,
        artikel=artikel,
        perspectieven=beoordeling,
        geregistreerd_door=door,
        **inhoud,
    )
    afwijking.zoektokens = _zoektokens(afwijking)
    afwijking.save()
    afwijking.beginselen.set(beginselen)
    audit.record(
        event="afwijking.geregistreerd",
        actor=door,
        obj=afwijking,
        data={
            "organisatie": organisatie.slug,
            "regeling": artikel.regeling.code,
            "artikel": artikel.nummer,
            "grond": grond.sleutel if grond else "",
            "facetten": {
                "huishouden": huishouden,
                "inkomensband": inkomensband,
                "knelpunt": knelpunt,
                "bedrag": afwijking.bedrag,
            },
        },
    )
    return afwijking


@transaction.atomic
def save_afwijking_perspectieven(
    *, afwijking: Afwijking, door: Gebruiker, data: Mapping[str, Any]
) -> Afwijking:
    """Record or change the four perspectives of a concept. Once submitted they are what the
    approver judges, so they no longer change (the kennisbank service audits the change)."""
    afwijking = _lock(afwijking)
    policy.require(door, "afwijking.registreren", afwijking)
    doel(Handeling.WIJZIGEN, afwijking.status)
    beoordeling = kennisbank.save_perspectieven(
        door=door, beoordeling=afwijking.perspectieven, data=data
    )
    if afwijking.perspectieven_id != beoordeling.pk:
        afwijking.perspectieven = beoordeling
        afwijking.save(update_fields=["perspectieven"])
    return afwijking


@transaction.atomic
def update_afwijking(
    *,
    afwijking: Afwijking,
    door: Gebruiker,
    grond: Afwijkingsgrond | None,
    bedoeling: str,
    casus: str,
    alternatief: str,
    motivering: str,
    huishouden: str,
    inkomensband: str,
    knelpunt: str,
    bedrag: Any = None,
    beginselen: Sequence[Beginsel] = (),
) -> Afwijking:
    """Change the content of a concept, for example after seeing the precedents. The same
    rules as registering; a submitted or decided deviation cannot be changed."""
    afwijking = _lock(afwijking)
    policy.require(door, "afwijking.registreren", afwijking)
    doel(Handeling.WIJZIGEN, afwijking.status)
    fouten: dict[str, str] = {}
    inhoud = _inhoud(
        fouten,
        artikel=afwijking.artikel,
        grond=grond,
        bedoeling=bedoeling,
        casus=casus,
        alternatief=alternatief,
        motivering=motivering,
        huishouden=huishouden,
        inkomensband=inkomensband,
        knelpunt=knelpunt,
        bedrag=bedrag,
    )
    if fouten:
        raise ValidationError(fouten)
    gewijzigd = [veld for veld, waarde in inhoud.items() if getattr(afwijking, veld) != waarde]
    for veld, waarde in inhoud.items():
        setattr(afwijking, veld, waarde)
    oude_beginselen = {b.pk for b in afwijking.beginselen.all()}
    if oude_beginselen != {b.pk for b in beginselen}:
        gewijzigd.append("beginselen")
        afwijking.beginselen.set(beginselen)
    if not gewijzigd:
        return afwijking
    afwijking.zoektokens = _zoektokens(afwijking)
    _zet(
        afwijking,
        Handeling.WIJZIGEN,
        door=door,
        data={"velden": gewijzigd},
        velden=[v for v in [*inhoud, "zoektokens"] if v in {*gewijzigd, "zoektokens"}],
    )
    return afwijking


def _conflicten(afwijking: Afwijking, beslissing: Beslissing) -> list[precedenten.Precedent]:
    gevonden = precedenten.zoek(
        casus=afwijking.als_casus(),
        artikel_id=afwijking.artikel_id,
        organisatie_ids=[afwijking.organisatie_id],
        behalve=afwijking.pk,
        aantal=CONFLICT_KANDIDATEN,
        alleen_vergelijkbaar=True,
    )
    return precedenten.anders_beslist(gevonden, beslissing)


def _snapshot(lijst: Sequence[precedenten.Precedent]) -> list[dict[str, Any]]:
    return [
        {"id": p.afwijking.pk, "score": p.score, "beslissing": str(p.beslissing or "")}
        for p in lijst
    ]


@transaction.atomic
def submit_afwijking(
    *, afwijking: Afwijking, door: Gebruiker, verschil_motivering: str = ""
) -> Afwijking:
    """Submit a concept for approval. Looks up the precedents: when a similar case of the own
    organisation was decided otherwise (deviation refused), the difference must be motivated
    (gelijkheidsbeginsel). All four perspectives must be assessed. Whether the bestuur must
    approve follows from the amount and the organisation's threshold."""
    afwijking = _lock(afwijking)
    policy.require(door, "afwijking.registreren", afwijking)
    doel(Handeling.INDIENEN, afwijking.status)
    fouten: dict[str, str] = {}
    beoordeling = afwijking.perspectieven
    if beoordeling is None or not beoordeling.is_compleet:
        fouten["perspectieven"] = _(
            "Beoordeel de afwijking eerst vanuit alle vier perspectieven: juridisch, "
            "financieel, professioneel en burger."
        )
    verschil = _tekst(fouten, "verschil_motivering", verschil_motivering, "", verplicht=False)
    conflicten = _conflicten(afwijking, Beslissing.AFWIJKEN)
    if conflicten and not verschil:
        fouten["verschil_motivering"] = _(
            "Een vergelijkbaar geval kreeg een andere beslissing (%(kenmerken)s). Leg uit "
            "waarin dit geval verschilt, zodat gelijke gevallen gelijk worden behandeld."
        ) % {"kenmerken": ", ".join(p.afwijking.kenmerk for p in conflicten[:5])}
    if verschil and "verschil_motivering" not in fouten:
        try:
            afschermen.weiger_identificerend({"verschil_motivering": verschil})
        except ValidationError as exc:
            fouten.update({k: v[0] for k, v in exc.message_dict.items()})
    if fouten:
        raise ValidationError(fouten)
    getoond = precedenten.voor_afwijking(afwijking)
    afwijking.verschil_motivering = verschil
    afwijking.precedenten_bij_indienen = _snapshot(getoond)
    afwijking.ingediend_op = timezone.now()
    drempel = instelling(afwijking.organisatie_id).bestuur_drempel
    afwijking.bestuur_vereist = afwijking.bedrag is not None and afwijking.bedrag > drempel
    _zet(
        afwijking,
        Handeling.INDIENEN,
        door=door,
        data={
            "precedenten": afwijking.precedenten_bij_indienen,
            "anders_beslist": [p.afwijking.pk for p in conflicten],
            "bestuur_vereist": afwijking.bestuur_vereist,
        },
        velden=[
            "verschil_motivering",
            "precedenten_bij_indienen",
            "ingediend_op",
            "bestuur_vereist",
        ],
    )
    return afwijking


def _mag_beoordelen(afwijking: Afwijking, door: Gebruiker) -> None:
    policy.require(door, "afwijking.beoordelen", afwijking)
    if door.pk == afwijking.geregistreerd_door_id:
        raise PermissionDenied(
            _(
                "U hebt deze afwijking zelf geregistreerd. Een collega moet haar beoordelen "
                "(vier ogen)."
            )
        )
    rollen = _rollen_in(door, afwijking.organisatie_id)
    if afwijking.bestuur_vereist and Rol.BESTUUR not in rollen:
        raise PermissionDenied(
            _(
                "Het bedrag is hoger dan de drempel van uw organisatie. Alleen het bestuur "
                "kan deze afwijking goedkeuren."
            )
        )


@transaction.atomic
def approve_afwijking(
    *, afwijking: Afwijking, door: Gebruiker, toelichting: str = "", verschil_motivering: str = ""
) -> Afwijking:
    """Approve a submitted deviation: a colleague with the approving role (behandelaar or
    bestuur), never the person who registered it; above the organisation's threshold only the
    bestuur. A similar case of the own organisation that was refused asks for a motivation of
    the difference, from the submitter or from the approver."""
    afwijking = _lock(afwijking)
    _mag_beoordelen(afwijking, door)
    doel(Handeling.GOEDKEUREN, afwijking.status)
    fouten: dict[str, str] = {}
    toelichting = _tekst(fouten, "toelichting", toelichting, "", verplicht=False)
    verschil = _tekst(fouten, "verschil_motivering", verschil_motivering, "", verplicht=False)
    conflicten = _conflicten(afwijking, Beslissing.AFWIJKEN)
    if conflicten and not (verschil or afwijking.verschil_motivering):
        fouten["verschil_motivering"] = _(
            "Een vergelijkbaar geval werd afgewezen (%(kenmerken)s). Leg uit waarin dit geval "
            "verschilt voordat u goedkeurt."
        ) % {"kenmerken": ", ".join(p.afwijking.kenmerk for p in conflicten[:5])}
    if fouten:
        raise ValidationError(fouten)
    return _beslis(afwijking, Handeling.GOEDKEUREN, door, toelichting, verschil, conflicten)


@transaction.atomic
def reject_afwijking(
    *, afwijking: Afwijking, door: Gebruiker, toelichting: str, verschil_motivering: str = ""
) -> Afwijking:
    """Refuse a submitted deviation, with reasons. The same four-eyes rule as approval. When a
    similar case of the own organisation was approved, the approver must say why this one
    differs."""
    afwijking = _lock(afwijking)
    _mag_beoordelen(afwijking, door)
    doel(Handeling.AFWIJZEN, afwijking.status)
    fouten: dict[str, str] = {}
    toelichting = _tekst(
        fouten, "toelichting", toelichting, _("Schrijf op waarom u de afwijking afwijst.")
    )
    verschil = _tekst(fouten, "verschil_motivering", verschil_motivering, "", verplicht=False)
    conflicten = _conflicten(afwijking, Beslissing.NIET_AFWIJKEN)
    if conflicten and not verschil:
        fouten["verschil_motivering"] = _(
            "Een vergelijkbaar geval werd goedgekeurd (%(kenmerken)s). Leg uit waarin dit geval "
            "verschilt voordat u afwijst."
        ) % {"kenmerken": ", ".join(p.afwijking.kenmerk for p in conflicten[:5])}
    if fouten:
        raise ValidationError(fouten)
    return _beslis(afwijking, Handeling.AFWIJZEN, door, toelichting, verschil, conflicten)


def _beslis(
    afwijking: Afwijking,
    handeling: Handeling,
    door: Gebruiker,
    toelichting: str,
    verschil: str,
    conflicten: Sequence[precedenten.Precedent],
) -> Afwijking:
    afwijking.beoordeeld_door = door
    afwijking.beoordeeld_op = timezone.now()
    afwijking.beoordeling_toelichting = toelichting
    afwijking.beoordelaar_verschil_motivering = verschil
    _zet(
        afwijking,
        handeling,
        door=door,
        data={
            "bestuur_vereist": afwijking.bestuur_vereist,
            "anders_beslist": [p.afwijking.pk for p in conflicten],
        },
        velden=[
            "beoordeeld_door",
            "beoordeeld_op",
            "beoordeling_toelichting",
            "beoordelaar_verschil_motivering",
        ],
    )
    return afwijking


@transaction.atomic
def close_afwijking(
    *, afwijking: Afwijking, door: Gebruiker, uitkomst: str, vervolg: str = ""
) -> Afwijking:
    """Record the outcome of an approved deviation and its follow-up."""
    afwijking = _lock(afwijking)
    policy.require(door, "afwijking.registreren", afwijking)
    doel(Handeling.AFRONDEN, afwijking.status)
    fouten: dict[str, str] = {}
    afwijking.uitkomst = _tekst(fouten, "uitkomst", uitkomst, _("Schrijf op hoe het is afgelopen."))
    afwijking.vervolg = _tekst(fouten, "vervolg", vervolg, "", verplicht=False)
    if not fouten:
        try:
            afschermen.weiger_identificerend(
                {"uitkomst": afwijking.uitkomst, "vervolg": afwijking.vervolg}
            )
        except ValidationError as exc:
            fouten.update({k: v[0] for k, v in exc.message_dict.items()})
    if fouten:
        raise ValidationError(fouten)
    _zet(afwijking, Handeling.AFRONDEN, door=door, data={}, velden=["uitkomst", "vervolg"])
    return afwijking


@transaction.atomic
def withdraw_afwijking(*, afwijking: Afwijking, door: Gebruiker) -> Afwijking:
    """Withdraw a deviation that is not decided yet."""
    afwijking = _lock(afwijking)
    policy.require(door, "afwijking.registreren", afwijking)
    _zet(afwijking, Handeling.INTREKKEN, door=door, data={})
    return afwijking


@transaction.atomic
def save_instelling(
    *,
    door: Gebruiker,
    organisatie: Organisatie,
    bestuur_drempel: Any,
    structureel_drempel: int,
    precedenten_delen: bool,
) -> Afwijkingsinstelling:
    """Change an organisation's thresholds and whether it shares anonymised precedents."""
    policy.require(door, "afwijking.instellingen", organisatie)
    fouten: dict[str, str] = {}
    drempel = _bedrag(fouten, bestuur_drempel)
    if drempel is None and "bedrag" not in fouten:
        fouten["bestuur_drempel"] = _("Vul een bedrag in.")
    if "bedrag" in fouten:
        fouten["bestuur_drempel"] = fouten.pop("bedrag")
    if (
        not isinstance(structureel_drempel, int)
        or structureel_drempel < 2
        or structureel_drempel > 1000
    ):
        fouten["structureel_drempel"] = _("Kies een aantal van 2 tot en met 1000.")
    if fouten:
        raise ValidationError(fouten)
    obj, _nieuw = Afwijkingsinstelling.objects.select_for_update().get_or_create(
        organisatie=organisatie
    )
    obj.bestuur_drempel = drempel  # type: ignore[assignment]
    obj.structureel_drempel = structureel_drempel
    obj.precedenten_delen = bool(precedenten_delen)
    obj.save()
    audit.record(
        event="afwijkingsinstelling.gewijzigd",
        actor=door,
        obj=obj,
        data={
            "organisatie": organisatie.slug,
            "bestuur_drempel": obj.bestuur_drempel,
            "structureel_drempel": obj.structureel_drempel,
            "precedenten_delen": obj.precedenten_delen,
        },
    )
    return obj


# --- contesting a rule (aanvechting) -------------------------------------------------------------


@transaction.atomic
def submit_aanvechting(
    *,
    door: Gebruiker,
    organisatie: Organisatie,
    artikel: Artikel,
    titel: str,
    toelichting: str,
    argumenten: Sequence[str] = (),
    afwijkingen: Sequence[Afwijking] = (),
    signalen: Sequence[Signaal] = (),
    beginselen: Sequence[Beginsel] = (),
    bron: str = AanvechtingBron.PROFESSIONAL,
    eenheid: Eenheid | None = None,
) -> Aanvechting:
    """Contest an article with the ministry that owns the regulation. Opens a request on the
    response duty engine (kind `aanvechting`: six weeks, then the ambtelijke top, then
    public) to the owner's policy role. Cited deviations and signals must be the own
    organisation's and on this article; a signal is cited by its number and title only (a
    confidential reporter stays unknown), never a report of retaliation."""
    policy.require(door, "aanvechting.indienen", organisatie)
    fouten: dict[str, str] = {}
    titel = _tekst(fouten, "titel", titel, _("Geef de aanvechting een korte titel."))
    if len(titel) > 300:
        fouten["titel"] = _("Houd de titel korter dan 300 tekens.")
    toelichting = _tekst(
        fouten,
        "toelichting",
        toelichting,
        _("Schrijf op wat er misgaat met dit artikel en wat er moet veranderen."),
    )
    argumenten = [a.strip() for a in argumenten if a and a.strip()]
    if not argumenten and not afwijkingen and not signalen:
        fouten["argumenten"] = _(
            "Noem ten minste één argument, afwijking of signaal dat de aanvechting onderbouwt."
        )
    if bron not in AanvechtingBron.values:
        fouten["bron"] = _("Onbekende aanleiding.")
    for afwijking in afwijkingen:
        if afwijking.organisatie_id != organisatie.pk or afwijking.artikel_id != artikel.pk:
            fouten["afwijkingen"] = _(
                "U kunt alleen afwijkingen van uw eigen organisatie op dit artikel aanhalen."
            )
            break
    for signaal in signalen:
        if (
            signaal.organisatie_id != organisatie.pk
            or signaal.artikel_id != artikel.pk
            or signaal.soort != Signaalsoort.SIGNAAL
        ):
            fouten["signalen"] = _(
                "U kunt alleen signalen van uw eigen organisatie over dit artikel aanhalen."
            )
            break
    if eenheid is not None and eenheid.organisatie_id != organisatie.pk:
        fouten["eenheid"] = _("Deze eenheid hoort niet bij uw organisatie.")
    if not fouten:
        try:
            afschermen.weiger_identificerend(
                {
                    "toelichting": toelichting,
                    "titel": titel,
                    **{f"argumenten.{i}": a for i, a in enumerate(argumenten)},
                }
            )
        except ValidationError as exc:
            fouten.update({k: v[0] for k, v in exc.message_dict.items()})
    if fouten:
        raise ValidationError(fouten)
    regeling: Regeling = artikel.regeling
    aanvechting = Aanvechting.objects.create(
        organisatie=organisatie,
        eenheid=eenheid,
        ingediend_door=door,
        regeling=regeling,
        artikel=artikel,
        titel=titel,
        toelichting=toelichting,
        argumenten=argumenten,
        bron=bron,
    )
    aanvechting.afwijkingen.set(afwijkingen)
    aanvechting.signalen.set(signalen)
    aanvechting.beginselen.set(beginselen)
    vraag = toelichting
    if afwijkingen:
        vraag += "\n\n" + _(
            "Onderbouwd met %(aantal)d afwijking(en) in de praktijk: %(kenmerken)s."
        ) % {
            "aantal": len(afwijkingen),
            "kenmerken": ", ".join(a.kenmerk for a in afwijkingen),
        }
    if signalen:
        vraag += "\n\n" + _("Gesignaleerd door professionals: %(signalen)s.") % {
            "signalen": "; ".join(f"{s.kenmerk} {s.titel}" for s in signalen)
        }
    verzoek = responsplicht.create_reactieverzoek(
        soort=SOORT_AANVECHTING,
        onderwerp=responsplicht.Onderwerp(
            type=ONDERWERP_AANVECHTING,
            id=str(aanvechting.pk),
            titel=f"{artikel} {regeling.naam}: {titel}"[:300],
            url=aanvechting.get_absolute_url(),
        ),
        vraag=vraag,
        door=door,
        verzoeker_organisatie=organisatie,
        ontvanger_organisatie=regeling.eigenaar,
        ontvanger_rol=Rol.BELEIDSMAKER,
        argumenten=argumenten,
    )
    aanvechting.verzoek = verzoek
    aanvechting.save(update_fields=["verzoek"])
    audit.record(
        event="aanvechting.ingediend",
        actor=door,
        obj=aanvechting,
        data={
            "organisatie": organisatie.slug,
            "regeling": regeling.code,
            "artikel": artikel.nummer,
            "bron": bron,
            "afwijkingen": [a.pk for a in afwijkingen],
            "signalen": [s.pk for s in signalen],
            "verzoek": verzoek.pk,
        },
    )
    return aanvechting


def _status_na(verzoek: Reactieverzoek) -> str:
    status = verzoek.status
    if status == VerzoekStatus.INGETROKKEN:
        return AanvechtingStatus.INGETROKKEN
    if status in (VerzoekStatus.BEANTWOORD, VerzoekStatus.GEACCEPTEERD, VerzoekStatus.BETWIST):
        laatste = verzoek.reacties.order_by("-gegeven_op", "-pk").first()
        if status == VerzoekStatus.GEACCEPTEERD:
            return (
                AanvechtingStatus.AFGESLOTEN
                if laatste is None or laatste.soort == Antwoordsoort.LEG_UIT
                else AanvechtingStatus.PAS_TOE
            )
        if laatste is not None:
            return (
                AanvechtingStatus.PAS_TOE
                if laatste.soort == Antwoordsoort.PAS_TOE
                else AanvechtingStatus.LEG_UIT
            )
    if status == VerzoekStatus.VERLOPEN:
        return AanvechtingStatus.ONBEANTWOORD
    if status == VerzoekStatus.GEESCALEERD or verzoek.niveau > 0:
        return AanvechtingStatus.GEESCALEERD
    return AanvechtingStatus.INGEDIEND


def volg_verzoek(verzoek: Reactieverzoek, handeling: VerzoekHandeling) -> None:
    """The aanvechting follows its request (called by the engine inside the move's
    transaction): answered pas toe means the rule will change, leg uit that it stays; an
    accepted explanation closes it; escalation and withdrawal show as such."""
    aanvechting = (
        Aanvechting.objects.select_for_update().filter(pk=int(verzoek.onderwerp_id)).first()
    )
    if aanvechting is None:
        return
    nieuw = _status_na(verzoek)
    if nieuw == aanvechting.status:
        return
    oud = aanvechting.status
    aanvechting.status = nieuw
    aanvechting.save(update_fields=["status"])
    audit.record(
        event="aanvechting.volgt_verzoek",
        actor=None,
        obj=aanvechting,
        data={"van": oud, "naar": nieuw, "verzoek": verzoek.pk, "handeling": str(handeling)},
    )


# --- case deliberation (casusberaad) -------------------------------------------------------------


@transaction.atomic
def record_casusberaad(
    *,
    door: Gebruiker,
    organisatie: Organisatie,
    regeling: Regeling,
    artikel: Artikel | None,
    datum: Any,
    vraag: str,
    conclusie: str,
    richtlijn: str = "",
    deelnemers: str = "",
    beginselen: Sequence[Beginsel] = (),
    perspectieven: Mapping[str, Any] | None = None,
) -> Casusberaad:
    """Record a case deliberation on the purpose of a rule: the question, the perspectives,
    the principles weighed, the conclusion and a guideline that the afwijkingswijzer shows
    for the article. Refuses text with personal identifiers and a date in the future."""
    policy.require(door, "casusberaad.vastleggen", organisatie)
    fouten: dict[str, str] = {}
    if artikel is not None and artikel.regeling_id != regeling.pk:
        fouten["artikel"] = _("Dit artikel hoort niet bij de gekozen regeling.")
    if datum is None:
        fouten["datum"] = _("Vul de datum van het beraad in.")
    elif datum > timezone.localdate():
        fouten["datum"] = _("De datum van het beraad kan niet in de toekomst liggen.")
    teksten = {
        "vraag": _tekst(fouten, "vraag", vraag, _("Schrijf de vraag van het beraad op.")),
        "conclusie": _tekst(
            fouten, "conclusie", conclusie, _("Schrijf de conclusie van het beraad op.")
        ),
        "richtlijn": _tekst(fouten, "richtlijn", richtlijn, "", verplicht=False),
    }
    deelnemers = (deelnemers or "").strip()
    if len(deelnemers) > 500:
        fouten["deelnemers"] = _("Houd de deelnemers korter dan 500 tekens.")
    try:
        afschermen.weiger_identificerend(
            {k: v for k, v in {**teksten, "deelnemers": deelnemers}.items() if k not in fouten}
        )
    except ValidationError as exc:
        fouten.update({k: v[0] for k, v in exc.message_dict.items()})
    if fouten:
        raise ValidationError(fouten)
    beoordeling = (
        kennisbank.save_perspectieven(door=door, data=perspectieven) if perspectieven else None
    )
    beraad = Casusberaad(
        organisatie=organisatie,
        vastgelegd_door=door,
        regeling=regeling,
        artikel=artikel,
        datum=datum,
        deelnemers=deelnemers,
        perspectieven=beoordeling,
        **teksten,
    )
    beraad.zoektekst = zoektekst([beraad.vraag, beraad.conclusie, beraad.richtlijn, regeling.naam])
    beraad.save()
    beraad.beginselen.set(beginselen)
    audit.record(
        event="casusberaad.vastgelegd",
        actor=door,
        obj=beraad,
        data={
            "organisatie": organisatie.slug,
            "regeling": regeling.code,
            "artikel": artikel.nummer if artikel else "",
            "beginselen": [b.code for b in beginselen],
            "richtlijn": bool(beraad.richtlijn),
        },
    )
    return beraad

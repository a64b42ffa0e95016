"""Every state change of the beleid app. One function per verb: each checks the permission
policy, validates in Dutch next to the field, writes its audit event in the same transaction
and, where an executor or the ministry must answer, opens a request on the response duty
engine. The `_volg_*` functions are called by the engine (through `volgers`) when a request's
state moves, inside the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core import policy, screening
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank import services as kennisbank
from uitvoerbaar.kennisbank.constants import RechtSoort
from uitvoerbaar.kennisbank.models import Beginsel, Regeling
from uitvoerbaar.responsplicht import services as responsplicht
from uitvoerbaar.responsplicht.constants import Antwoordsoort, Handeling
from uitvoerbaar.responsplicht.models import Reactieverzoek

from .constants import (
    STANDAARD_STAPPEN,
    Betrokkenheidstatus,
    Haalbaarheid,
    Stapstatus,
    Teruggavereden,
    Teruggaveuitkomst,
    Toetsoordeel,
    Toetsstatus,
    Voorstelstatus,
    Voorwaardeantwoord,
)
from .models import (
    Beleidsvoorstel,
    Belofte,
    Besluitstap,
    Betrokkenheid,
    Bevinding,
    Bijlage,
    Opdracht,
    Teruggave,
    Toetsvoorwaarde,
    Uitvoeringstoets,
)
from .transitions import OngeldigeOvergang, Opdrachthandeling, opdracht_doel, stap_doel

MAX_TEKST = 20_000
UITVOERDER_SOORTEN = frozenset(
    {OrganisatieSoort.UITVOERINGSORGANISATIE, OrganisatieSoort.MEDEOVERHEID}
)

# Subject types on the response duty engine (see volgers.py).
BETROKKENHEID = "beleid.betrokkenheid"
VOORWAARDE = "beleid.toetsvoorwaarde"
TERUGGAVE = "beleid.teruggave"


def vandaag() -> dt.date:
    return responsplicht.vandaag()


def _tekst(waarde: str | None, veld: str, melding: str, *, max_lengte: int = MAX_TEKST) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise ValidationError({veld: melding})
    if len(waarde) > max_lengte:
        raise ValidationError(
            {veld: _("Deze tekst is te lang (ten hoogste %(max)d tekens).") % {"max": max_lengte}}
        )
    # Proposals, toetsen and assignments are published: never with a citizen's data in them.
    if fouten := screening.openbare_tekst_fouten({veld: waarde}):
        raise ValidationError(fouten)
    return waarde


class _Fouten:
    """Collects the Dutch messages per field, so a form shows them all at once."""

    def __init__(self) -> None:
        self.fouten: dict[str, list[str]] = {}

    def tekst(self, waarde: str | None, veld: str, melding: str, **kw: Any) -> str:
        try:
            return _tekst(waarde, veld, melding, **kw)
        except ValidationError as exc:
            self.voeg_toe(veld, exc.message_dict[veld][0])
            return ""

    def voeg_toe(self, veld: str, melding: str) -> None:
        self.fouten.setdefault(veld, []).append(melding)

    def controleer(self) -> None:
        if self.fouten:
            raise ValidationError(self.fouten)


def _check_uitvoerders(organisaties: Sequence[Organisatie], fouten: _Fouten) -> None:
    if not organisaties:
        fouten.voeg_toe(
            "betrokken",
            _("Noem ten minste één uitvoeringsorganisatie of medeoverheid die betrokken is."),
        )
    for org in organisaties:
        if org.soort not in UITVOERDER_SOORTEN:
            fouten.voeg_toe(
                "betrokken",
                _("%(org)s is geen uitvoeringsorganisatie of medeoverheid.") % {"org": org.naam},
            )


def _check_beleidsteam(eenheid: Eenheid | None, ministerie: Organisatie, fouten: _Fouten) -> None:
    if eenheid is not None and eenheid.organisatie_id != ministerie.pk:
        fouten.voeg_toe(
            "beleidsteam", _("Dit beleidsteam hoort niet bij %(org)s.") % {"org": ministerie.naam}
        )


# --- proposals and their steps -----------------------------------------------------------------


@transaction.atomic
def create_voorstel(
    *,
    door: Gebruiker,
    ministerie: Organisatie,
    titel: str,
    samenvatting: str,
    betrokken: Sequence[Organisatie],
    beleidsteam: Eenheid | None = None,
    regelingen: Sequence[Regeling] = (),
    beoogde_invoering: dt.date | None = None,
    stappen: Sequence[tuple[str, bool]] | None = None,
) -> Beleidsvoorstel:
    """A policy proposal of `ministerie` with its decision steps (default: the eight of
    STANDAARD_STAPPEN). Every key step names all organisations concerned; the first step
    starts at once, and if it is a key step each of them is asked for input (M1)."""
    policy.require(door, "beleidsvoorstel.beheren", ministerie)
    fouten = _Fouten()
    if ministerie.soort != OrganisatieSoort.MINISTERIE:
        fouten.voeg_toe("ministerie", _("Alleen een ministerie maakt een beleidsvoorstel."))
    titel = fouten.tekst(titel, "titel", _("Geef het voorstel een titel."), max_lengte=300)
    samenvatting = fouten.tekst(
        samenvatting, "samenvatting", _("Vat in een paar zinnen samen wat het voorstel wil.")
    )
    betrokken = list(dict.fromkeys(betrokken))
    _check_uitvoerders(betrokken, fouten)
    _check_beleidsteam(beleidsteam, ministerie, fouten)
    stappen = list(stappen if stappen is not None else STANDAARD_STAPPEN)
    namen = [(n or "").strip() for n, _s in stappen]
    if not stappen or any(not n for n in namen):
        fouten.voeg_toe("stappen", _("Geef elke besluitstap een naam."))
    elif len(set(namen)) != len(namen):
        fouten.voeg_toe("stappen", _("Twee besluitstappen hebben dezelfde naam."))
    elif any(len(n) > 200 for n in namen):
        fouten.voeg_toe("stappen", _("Houd de naam van een stap korter dan 200 tekens."))
    fouten.controleer()

    voorstel = Beleidsvoorstel.objects.create(
        titel=titel,
        samenvatting=samenvatting,
        ministerie=ministerie,
        beleidsteam=beleidsteam,
        beoogde_invoering=beoogde_invoering,
        aangemaakt_door=door,
    )
    voorstel.betrokken_organisaties.set(betrokken)
    voorstel.regelingen.set(regelingen)
    for volgorde, ((_naam, sleutel), schone_naam) in enumerate(
        zip(stappen, namen, strict=True), start=1
    ):
        stap = Besluitstap.objects.create(
            voorstel=voorstel, volgorde=volgorde, naam=schone_naam, sleutelstap=bool(sleutel)
        )
        if sleutel:
            Betrokkenheid.objects.bulk_create(
                Betrokkenheid(stap=stap, organisatie=org) for org in betrokken
            )
    audit.record(
        event="beleidsvoorstel.aangemaakt",
        actor=door,
        obj=voorstel,
        data={
            "titel": titel,
            "ministerie": ministerie.slug,
            "betrokken": sorted(o.slug for o in betrokken),
            "stappen": [[n, bool(s)] for n, (_n, s) in zip(namen, stappen, strict=True)],
        },
    )
    _start_stap(voorstel.stappen.order_by("volgorde").first(), door=door)
    return voorstel


def _start_stap(stap: Besluitstap | None, *, door: Gebruiker) -> None:
    """Start a step; a key step asks every organisation named on it for input."""
    if stap is None:
        return
    voorstel = stap.voorstel
    stap.status = stap_doel(stap.status)
    stap.gestart_op = vandaag()
    stap.save(update_fields=["status", "gestart_op"])
    namen = []
    for betrokkenheid in stap.betrokkenen.select_related("organisatie"):
        betrokkenheid.stap = stap
        _vraag_inbreng(betrokkenheid, door=door)
        namen.append(betrokkenheid.organisatie.slug)
    audit.record(
        event="beleidsvoorstel.stap_gestart",
        actor=door,
        obj=voorstel,
        data={"stap": stap.naam, "volgorde": stap.volgorde, "inbreng_gevraagd": sorted(namen)},
    )


def _lock_voorstel(voorstel: Beleidsvoorstel) -> Beleidsvoorstel:
    return (
        Beleidsvoorstel.objects.select_for_update(of=("self",))
        .select_related("ministerie")
        .get(pk=voorstel.pk)
    )


def huidige_stap(voorstel: Beleidsvoorstel) -> Besluitstap | None:
    return voorstel.stappen.filter(status=Stapstatus.ACTIEF).first()


def ontbrekende_inbreng(stap: Besluitstap) -> list[Betrokkenheid]:
    """The organisations whose input this step still lacks, without an explanation."""
    if not stap.sleutelstap:
        return []
    return list(
        stap.betrokkenen.filter(status=Betrokkenheidstatus.GEVRAAGD).select_related("organisatie")
    )


@transaction.atomic
def advance_stap(*, voorstel: Beleidsvoorstel, door: Gebruiker) -> Besluitstap | None:
    """Close the current step and start the next (the involvement gate, M1). A key step closes
    only when every organisation named on it has given input, or the ministry has published
    why it goes on without. Returns the new current step (None after the last)."""
    voorstel = _lock_voorstel(voorstel)
    policy.require(door, "beleidsvoorstel.beheren", voorstel)
    stap = huidige_stap(voorstel)
    if stap is None:
        raise ValidationError(_("Dit voorstel heeft alle stappen al doorlopen."))
    ontbrekend = ontbrekende_inbreng(stap)
    if ontbrekend:
        raise ValidationError(
            _(
                "De stap '%(stap)s' kan nog niet worden afgerond. Inbreng ontbreekt van: "
                "%(orgs)s. Wacht op hun inbreng, of leg openbaar uit waarom u zonder verder gaat."
            )
            % {"stap": stap.naam, "orgs": ", ".join(b.organisatie.naam for b in ontbrekend)}
        )
    stap.status = stap_doel(stap.status)
    stap.afgerond_op = vandaag()
    stap.save(update_fields=["status", "afgerond_op"])
    audit.record(
        event="beleidsvoorstel.stap_afgerond",
        actor=door,
        obj=voorstel,
        data={
            "stap": stap.naam,
            "volgorde": stap.volgorde,
            "zonder_inbreng": sorted(
                b.organisatie.slug
                for b in stap.betrokkenen.filter(status=Betrokkenheidstatus.ZONDER).select_related(
                    "organisatie"
                )
            ),
        },
    )
    volgende = (
        voorstel.stappen.filter(volgorde__gt=stap.volgorde, status=Stapstatus.GEPLAND)
        .order_by("volgorde")
        .first()
    )
    if volgende is None:
        voorstel.status = Voorstelstatus.AFGEROND
        voorstel.save(update_fields=["status", "bijgewerkt"])
        return None
    volgende.voorstel = voorstel
    _start_stap(volgende, door=door)
    return volgende


def _vraag_inbreng(betrokkenheid: Betrokkenheid, *, door: Gebruiker) -> None:
    """Open the request for input of one organisation at a step under way."""
    stap = betrokkenheid.stap
    voorstel = stap.voorstel
    betrokkenheid.verzoek = responsplicht.create_reactieverzoek(
        soort="betrokkenheid-besluitstap",
        onderwerp=responsplicht.Onderwerp(
            type=BETROKKENHEID,
            id=str(betrokkenheid.pk),
            titel=f"{voorstel.titel}: {stap.naam}",
            url=reverse("beleid:voorstel", args=[voorstel.pk]),
        ),
        vraag=_(
            "Het %(ministerie)s werkt aan het beleidsvoorstel '%(titel)s' en is bij de stap "
            "'%(stap)s'. Wat betekent dit voor uw uitvoering, en wat hebt u nodig? Uw inbreng "
            "bepaalt mee of het voorstel verder kan."
        )
        % {"ministerie": voorstel.ministerie.naam, "titel": voorstel.titel, "stap": stap.naam},
        door=door,
        ontvanger_organisatie=betrokkenheid.organisatie,
        ontvanger_rol=Rol.BEHANDELAAR,
        verzoeker_organisatie=voorstel.ministerie,
        verzoeker_rol=Rol.BELEIDSMAKER,
    )
    betrokkenheid.save(update_fields=["verzoek"])


@transaction.atomic
def add_betrokkene(
    *, voorstel: Beleidsvoorstel, door: Gebruiker, organisatie: Organisatie
) -> Beleidsvoorstel:
    """Involve one more executor or co-government in a running proposal: it is named on every
    key step still to come, and, if the current step is a key step, asked for input at once
    (the gate then waits for it too)."""
    voorstel = _lock_voorstel(voorstel)
    policy.require(door, "beleidsvoorstel.beheren", voorstel)
    fouten = _Fouten()
    _check_uitvoerders([organisatie], fouten)
    if voorstel.status != Voorstelstatus.LOPEND:
        fouten.voeg_toe("betrokken", _("Dit voorstel heeft alle stappen al doorlopen."))
    elif voorstel.betrokken_organisaties.filter(pk=organisatie.pk).exists():
        fouten.voeg_toe(
            "betrokken", _("%(org)s is al bij dit voorstel betrokken.") % {"org": organisatie.naam}
        )
    fouten.controleer()
    voorstel.betrokken_organisaties.add(organisatie)
    stappen = list(
        voorstel.stappen.filter(
            sleutelstap=True, status__in=[Stapstatus.GEPLAND, Stapstatus.ACTIEF]
        )
    )
    for stap in stappen:
        stap.voorstel = voorstel
        betrokkenheid = Betrokkenheid.objects.create(stap=stap, organisatie=organisatie)
        if stap.status == Stapstatus.ACTIEF:
            _vraag_inbreng(betrokkenheid, door=door)
    audit.record(
        event="beleidsvoorstel.betrokkene_toegevoegd",
        actor=door,
        obj=voorstel,
        data={"organisatie": organisatie.slug, "stappen": [s.naam for s in stappen]},
    )
    return voorstel


@transaction.atomic
def configure_stap(
    *,
    stap: Besluitstap,
    door: Gebruiker,
    sleutelstap: bool,
    organisaties: Sequence[Organisatie],
) -> Besluitstap:
    """Change whether a planned step is a key step and whose input it needs. Only before the
    step starts: once requests went out, the step's involvement is fixed."""
    voorstel = _lock_voorstel(stap.voorstel)
    policy.require(door, "beleidsvoorstel.beheren", voorstel)
    stap = Besluitstap.objects.get(pk=stap.pk)
    if stap.status != Stapstatus.GEPLAND:
        raise ValidationError(_("Alleen een stap die nog niet begonnen is, kunt u aanpassen."))
    fouten = _Fouten()
    organisaties = list(dict.fromkeys(organisaties))
    if sleutelstap:
        _check_uitvoerders(organisaties, fouten)
        betrokken = set(voorstel.betrokken_organisaties.values_list("pk", flat=True))
        for org in organisaties:
            if org.pk not in betrokken:
                fouten.voeg_toe(
                    "betrokken",
                    _("%(org)s is niet bij dit voorstel betrokken.") % {"org": org.naam},
                )
    fouten.controleer()
    stap.sleutelstap = sleutelstap
    stap.save(update_fields=["sleutelstap"])
    stap.betrokkenen.all().delete()
    if sleutelstap:
        Betrokkenheid.objects.bulk_create(
            Betrokkenheid(stap=stap, organisatie=org) for org in organisaties
        )
    audit.record(
        event="beleidsvoorstel.stap_ingericht",
        actor=door,
        obj=voorstel,
        data={
            "stap": stap.naam,
            "sleutelstap": sleutelstap,
            "betrokken": sorted(o.slug for o in organisaties) if sleutelstap else [],
        },
    )
    return stap


@transaction.atomic
def explain_zonder_inbreng(
    *, betrokkenheid: Betrokkenheid, door: Gebruiker, uitleg: str
) -> Betrokkenheid:
    """The ministry goes on without an executor's input at the current step, and explains
    why. The explanation is published with the proposal (comply or explain toward the
    executor); the executor's request stays open, so late input is still recorded."""
    # Lock the proposal first, as advance_stap does, so the step cannot close meanwhile.
    voorstel = _lock_voorstel(Beleidsvoorstel(pk=betrokkenheid.stap.voorstel_id))
    policy.require(door, "beleidsvoorstel.beheren", voorstel)
    betrokkenheid = (
        Betrokkenheid.objects.select_for_update(of=("self",))
        .select_related("stap", "organisatie")
        .get(pk=betrokkenheid.pk)
    )
    if betrokkenheid.stap.status != Stapstatus.ACTIEF:
        raise ValidationError(_("Uitleg kan alleen bij de stap waar het voorstel nu is."))
    if betrokkenheid.status != Betrokkenheidstatus.GEVRAAGD:
        raise ValidationError(
            _("Van %(org)s is al inbreng of uitleg vastgelegd.")
            % {"org": betrokkenheid.organisatie.naam}
        )
    uitleg = _tekst(
        uitleg,
        "uitleg",
        _("Leg uit waarom u zonder de inbreng van %(org)s verder gaat.")
        % {"org": betrokkenheid.organisatie.naam},
    )
    betrokkenheid.status = Betrokkenheidstatus.ZONDER
    betrokkenheid.uitleg = uitleg
    betrokkenheid.uitleg_door = door
    betrokkenheid.uitleg_op = vandaag()
    betrokkenheid.save(update_fields=["status", "uitleg", "uitleg_door", "uitleg_op"])
    audit.record(
        event="betrokkenheid.zonder_inbreng",
        actor=door,
        obj=voorstel,
        data={
            "stap": betrokkenheid.stap.naam,
            "organisatie": betrokkenheid.organisatie.slug,
            "uitleg": uitleg,
        },
    )
    return betrokkenheid


def _volg_betrokkenheid(verzoek: Reactieverzoek, handeling: Handeling) -> None:
    """An answer on the engine is the executor's input at the step."""
    if handeling != Handeling.BEANTWOORDEN:
        return
    betrokkenheid = (
        Betrokkenheid.objects.select_for_update(of=("self",))
        .select_related("stap__voorstel", "organisatie")
        .filter(pk=int(verzoek.onderwerp_id))
        .first()
    )
    if betrokkenheid is None or betrokkenheid.inbreng_op is not None:
        return
    # Input after an explanation is still recorded, and replaces "without input".
    betrokkenheid.status = Betrokkenheidstatus.ONTVANGEN
    betrokkenheid.inbreng_op = vandaag()
    betrokkenheid.save(update_fields=["status", "inbreng_op"])
    audit.record(
        event="betrokkenheid.inbreng_ontvangen",
        actor=None,
        obj=betrokkenheid.stap.voorstel,
        data={
            "stap": betrokkenheid.stap.naam,
            "organisatie": betrokkenheid.organisatie.slug,
            "verzoek": verzoek.pk,
        },
    )


@transaction.atomic
def add_bijlage(*, voorstel: Beleidsvoorstel, door: Gebruiker, titel: str, url: str) -> Bijlage:
    """Attach a document or link to a proposal."""
    voorstel = _lock_voorstel(voorstel)
    policy.require(door, "beleidsvoorstel.beheren", voorstel)
    fouten = _Fouten()
    titel = fouten.tekst(titel, "titel", _("Geef het document een titel."), max_lengte=300)
    url = (url or "").strip()
    try:
        URLValidator(schemes=["https", "http"])(url)
    except ValidationError:
        fouten.voeg_toe("url", _("Vul een geldige link in, die begint met https://."))
    if len(url) > 500:
        fouten.voeg_toe("url", _("Deze link is te lang (ten hoogste 500 tekens)."))
    fouten.controleer()
    bijlage = Bijlage.objects.create(voorstel=voorstel, titel=titel, url=url)
    audit.record(
        event="beleidsvoorstel.bijlage_toegevoegd",
        actor=door,
        obj=voorstel,
        data={"titel": titel, "url": url},
    )
    return bijlage


@transaction.atomic
def add_belofte(*, voorstel: Beleidsvoorstel, door: Gebruiker, soort: str, tekst: str) -> Belofte:
    """State what citizens will (wel) or will not (niet) be entitled to under the proposal,
    in plain Dutch (P1)."""
    voorstel = _lock_voorstel(voorstel)
    policy.require(door, "beleidsvoorstel.beheren", voorstel)
    fouten = _Fouten()
    if soort not in RechtSoort.values:
        fouten.voeg_toe("soort", _("Kies of burgers hier wel of geen recht op hebben."))
    tekst = fouten.tekst(
        tekst,
        "tekst",
        _("Schrijf in gewone taal op wat burgers mogen verwachten."),
        max_lengte=2000,
    )
    fouten.controleer()
    belofte = Belofte.objects.create(
        voorstel=voorstel, soort=soort, tekst=tekst, volgorde=voorstel.beloften.count() + 1
    )
    audit.record(
        event="beleidsvoorstel.belofte_toegevoegd",
        actor=door,
        obj=voorstel,
        data={"belofte": belofte.pk, "soort": soort, "tekst": tekst},
    )
    return belofte


# --- uitvoeringstoetsen ------------------------------------------------------------------------

TOETS_TEKSTVELDEN: tuple[str, ...] = (
    "uitvoerbaarheid",
    "handhaafbaarheid",
    "doenvermogen",
    "gevolgen_burgers",
    "capaciteit_kosten",
    "ict_wijzigingen",
    "ondergrenzen",
    "samenvatting",
)
# Required before publication, with the message that says what is missing.
VERPLICHT_BIJ_PUBLICATIE: dict[str, Any] = {
    "uitvoerbaarheid": gettext_lazy("Beschrijf of uw organisatie dit kan uitvoeren."),
    "handhaafbaarheid": gettext_lazy("Beschrijf of de regels te handhaven zijn."),
    "doenvermogen": gettext_lazy("Beschrijf of burgers kunnen doen wat de regels van hen vragen."),
    "gevolgen_burgers": gettext_lazy("Beschrijf de gevolgen voor burgers."),
    "capaciteit_kosten": gettext_lazy("Beschrijf wat dit vraagt aan mensen en geld."),
    "ict_wijzigingen": gettext_lazy(
        "Beschrijf welke wijzigingen in ICT nodig zijn (of schrijf 'geen')."
    ),
    "samenvatting": gettext_lazy("Vat uw oordeel samen in een paar zinnen."),
}


@transaction.atomic
def save_toets(
    *,
    voorstel: Beleidsvoorstel,
    organisatie: Organisatie,
    door: Gebruiker,
    velden: Mapping[str, Any],
    voorwaarden: Sequence[str] = (),
    bevindingen: Mapping[int, tuple[str, str]] | None = None,
    perspectieven: Mapping[str, Any] | None = None,
) -> Uitvoeringstoets:
    """Write or rewrite the draft uitvoeringstoets of `organisatie` on a proposal it is
    concerned with: the assessment, its verdict, its conditions (one per item) and its
    finding on each promise (belofte id -> (haalbaarheid, toelichting)), and the four
    perspectives (U3; `<perspectief>_oordeel` / `_toelichting`, through the kennisbank's
    service). A published toets is not changed."""
    policy.require(door, "uitvoeringstoets.opstellen", organisatie)
    voorstel = _lock_voorstel(voorstel)
    if not voorstel.betrokken_organisaties.filter(pk=organisatie.pk).exists():
        raise ValidationError(
            _("%(org)s is niet bij dit voorstel betrokken.") % {"org": organisatie.naam}
        )
    toets = (
        Uitvoeringstoets.objects.select_for_update()
        .filter(voorstel=voorstel, organisatie=organisatie)
        .first()
    )
    if toets is not None and toets.gepubliceerd:
        raise ValidationError(_("Deze uitvoeringstoets is gepubliceerd en kan niet meer wijzigen."))
    fouten = _Fouten()
    schoon: dict[str, Any] = {}
    for veld in TOETS_TEKSTVELDEN:
        waarde = str(velden.get(veld) or "").strip()
        if len(waarde) > MAX_TEKST:
            fouten.voeg_toe(
                veld, _("Deze tekst is te lang (ten hoogste %(max)d tekens).") % {"max": MAX_TEKST}
            )
        for melding in screening.openbare_tekst_fouten({veld: waarde}).values():
            fouten.voeg_toe(veld, melding)
        schoon[veld] = waarde
    oordeel = velden.get("oordeel") or ""
    if oordeel and oordeel not in Toetsoordeel.values:
        fouten.voeg_toe("oordeel", _("Kies een van de drie oordelen."))
    schoon["oordeel"] = oordeel
    for veld in ("kosten_eenmalig", "kosten_structureel"):
        bedrag = velden.get(veld)
        if bedrag is not None and (not isinstance(bedrag, int | Decimal) or bedrag < 0):
            fouten.voeg_toe(veld, _("Vul een bedrag in hele euro's in, nul of meer."))
        schoon[veld] = bedrag
    schoon["invoeringsdatum_haalbaar"] = velden.get("invoeringsdatum_haalbaar")
    schoon["vroegst_haalbare_datum"] = velden.get("vroegst_haalbare_datum")
    voorwaarden = [v.strip() for v in voorwaarden if v and v.strip()]
    if any(len(v) > 2000 for v in voorwaarden):
        fouten.voeg_toe("voorwaarden", _("Houd elke voorwaarde korter dan 2000 tekens."))
    for melding in screening.openbare_tekst_fouten(
        {f"voorwaarde {i}": v for i, v in enumerate(voorwaarden, start=1)}
    ).values():
        fouten.voeg_toe("voorwaarden", melding)
    beloften = {b.pk: b for b in voorstel.beloften.all()}
    bevindingen = dict(bevindingen or {})
    for belofte_id, (haalbaarheid, toelichting) in bevindingen.items():
        if belofte_id not in beloften:
            fouten.voeg_toe("bevindingen", _("Deze belofte hoort niet bij dit voorstel."))
        elif haalbaarheid and haalbaarheid not in Haalbaarheid.values:
            fouten.voeg_toe(f"bevinding_{belofte_id}", _("Kies of de belofte waar te maken is."))
        elif (
            haalbaarheid
            and haalbaarheid != Haalbaarheid.HAALBAAR
            and not (toelichting or "").strip()
        ):
            fouten.voeg_toe(
                f"bevinding_{belofte_id}_toelichting",
                _("Leg uit waarom deze belofte niet zonder meer waar te maken is."),
            )
    beoordeling = toets.perspectieven if toets is not None else None
    if perspectieven is not None:
        try:
            beoordeling = kennisbank.save_perspectieven(
                door=door, beoordeling=beoordeling, data=perspectieven
            )
        except ValidationError as exc:
            for veld, meldingen in exc.message_dict.items():
                fouten.voeg_toe(veld, meldingen[0])
    # Everything is checked before anything is kept: on an error the whole save rolls back.
    fouten.controleer()
    if toets is None:
        toets = Uitvoeringstoets(voorstel=voorstel, organisatie=organisatie, opgesteld_door=door)
    toets.perspectieven = beoordeling
    for veld, waarde in schoon.items():
        setattr(toets, veld, waarde)
    toets.opgesteld_door = door
    toets.save()
    toets.voorwaarden.all().delete()
    Toetsvoorwaarde.objects.bulk_create(
        Toetsvoorwaarde(toets=toets, volgorde=i, tekst=tekst)
        for i, tekst in enumerate(voorwaarden, start=1)
    )
    toets.bevindingen.all().delete()
    Bevinding.objects.bulk_create(
        Bevinding(
            toets=toets,
            belofte_id=belofte_id,
            haalbaarheid=haalbaarheid,
            toelichting=(toelichting or "").strip(),
        )
        for belofte_id, (haalbaarheid, toelichting) in bevindingen.items()
        if haalbaarheid
    )
    audit.record(
        event="uitvoeringstoets.opgeslagen",
        actor=door,
        obj=toets,
        data={
            "voorstel": voorstel.pk,
            "organisatie": organisatie.slug,
            "oordeel": oordeel,
            "voorwaarden": len(voorwaarden),
        },
    )
    return toets


@transaction.atomic
def publish_toets(*, toets: Uitvoeringstoets, door: Gebruiker) -> Uitvoeringstoets:
    """Publish a complete toets, whatever its verdict (negative ones too, U1). Each condition
    becomes a request to the ministry's policy team to answer pas toe or leg uit."""
    toets = (
        Uitvoeringstoets.objects.select_for_update(of=("self",))
        .select_related("voorstel__ministerie", "organisatie")
        .get(pk=toets.pk)
    )
    policy.require(door, "uitvoeringstoets.opstellen", toets)
    if toets.gepubliceerd:
        raise ValidationError(_("Deze uitvoeringstoets is al gepubliceerd."))
    voorstel = toets.voorstel
    fouten = _Fouten()
    for veld, melding in VERPLICHT_BIJ_PUBLICATIE.items():
        if not getattr(toets, veld).strip():
            fouten.voeg_toe(veld, str(melding))
    if not toets.oordeel:
        fouten.voeg_toe("oordeel", _("Kies uw oordeel: uitvoerbaar, onder voorwaarden of niet."))
    voorwaarden = list(toets.voorwaarden.all())
    if toets.oordeel == Toetsoordeel.ONDER_VOORWAARDEN and not voorwaarden:
        fouten.voeg_toe("voorwaarden", _("Noem de voorwaarden waaronder het uitvoerbaar is."))
    if toets.oordeel == Toetsoordeel.UITVOERBAAR and voorwaarden:
        fouten.voeg_toe(
            "voorwaarden",
            _("Stelt u voorwaarden? Kies dan het oordeel 'uitvoerbaar onder voorwaarden'."),
        )
    if toets.invoeringsdatum_haalbaar is None:
        fouten.voeg_toe(
            "invoeringsdatum_haalbaar", _("Zeg of de beoogde invoeringsdatum haalbaar is.")
        )
    elif toets.invoeringsdatum_haalbaar is False:
        if toets.vroegst_haalbare_datum is None:
            fouten.voeg_toe(
                "vroegst_haalbare_datum", _("Noem de vroegste datum die wel haalbaar is.")
            )
        elif (
            voorstel.beoogde_invoering
            and toets.vroegst_haalbare_datum <= voorstel.beoogde_invoering
        ):
            fouten.voeg_toe(
                "vroegst_haalbare_datum",
                _("Deze datum ligt niet na de beoogde invoeringsdatum (%(datum)s).")
                % {"datum": voorstel.beoogde_invoering.strftime("%d-%m-%Y")},
            )
    beoordeeld = set(toets.bevindingen.values_list("belofte_id", flat=True))
    for belofte in voorstel.beloften.all():
        if belofte.pk not in beoordeeld:
            fouten.voeg_toe(
                f"bevinding_{belofte.pk}",
                _("Zeg of deze belofte waar te maken is: %(tekst)s")
                % {"tekst": belofte.tekst[:80]},
            )
    fouten.controleer()
    toets.status = Toetsstatus.GEPUBLICEERD
    toets.gepubliceerd_op = vandaag()
    toets.save(update_fields=["status", "gepubliceerd_op", "bijgewerkt"])
    for voorwaarde in voorwaarden:
        voorwaarde.verzoek = responsplicht.create_reactieverzoek(
            soort="toetsvoorwaarde",
            onderwerp=responsplicht.Onderwerp(
                type=VOORWAARDE,
                id=str(voorwaarde.pk),
                titel=_("Voorwaarde %(nr)d van %(org)s bij '%(titel)s'")
                % {
                    "nr": voorwaarde.volgorde,
                    "org": toets.organisatie.naam,
                    "titel": voorstel.titel,
                },
                url=reverse("beleid:voorstel", args=[voorstel.pk]),
            ),
            vraag=_(
                "%(org)s stelt in de uitvoeringstoets deze voorwaarde: %(tekst)s\n\nPast u deze "
                "voorwaarde toe, of legt u uit waarom niet?"
            )
            % {"org": toets.organisatie.naam, "tekst": voorwaarde.tekst},
            door=door,
            ontvanger_organisatie=voorstel.ministerie,
            ontvanger_rol=Rol.BELEIDSMAKER,
            verzoeker_organisatie=toets.organisatie,
            verzoeker_rol=Rol.BESTUUR,
        )
        voorwaarde.save(update_fields=["verzoek"])
    audit.record(
        event="uitvoeringstoets.gepubliceerd",
        actor=door,
        obj=toets,
        data={
            "voorstel": voorstel.pk,
            "organisatie": toets.organisatie.slug,
            "oordeel": toets.oordeel,
            "voorwaarden": len(voorwaarden),
            "niet_haalbare_beloften": list(
                toets.bevindingen.filter(haalbaarheid=Haalbaarheid.NIET_HAALBAAR).values_list(
                    "belofte_id", flat=True
                )
            ),
        },
    )
    return toets


def _laatste_antwoord(verzoek: Reactieverzoek) -> Any:
    return verzoek.reacties.order_by("-gegeven_op", "-pk").first()


def _volg_voorwaarde(verzoek: Reactieverzoek, handeling: Handeling) -> None:
    """The ministry's answer to a condition: pas toe or leg uit. Called insufficient, it is
    open again until the next level answers."""
    voorwaarde = (
        Toetsvoorwaarde.objects.select_for_update(of=("self",))
        .select_related("toets")
        .filter(pk=int(verzoek.onderwerp_id))
        .first()
    )
    if voorwaarde is None:
        return
    if handeling == Handeling.BEANTWOORDEN:
        reactie = _laatste_antwoord(verzoek)
        nieuw = (
            Voorwaardeantwoord.PAS_TOE
            if reactie.soort == Antwoordsoort.PAS_TOE
            else Voorwaardeantwoord.LEG_UIT
        )
    elif handeling == Handeling.BETWISTEN:
        nieuw = Voorwaardeantwoord.OPEN
    else:
        return
    voorwaarde.antwoord = nieuw
    voorwaarde.save(update_fields=["antwoord"])
    audit.record(
        event="toetsvoorwaarde.antwoord",
        actor=None,
        obj=voorwaarde.toets,
        data={"voorwaarde": voorwaarde.volgorde, "antwoord": nieuw, "verzoek": verzoek.pk},
    )


# --- assignments and their return --------------------------------------------------------------

_OPDRACHT_TEKSTEN = {
    "titel": (gettext_lazy("Geef de opdracht een titel."), 300),
    "omschrijving": (gettext_lazy("Beschrijf wat er moet gebeuren."), MAX_TEKST),
    "wettelijke_grondslag": (
        gettext_lazy("Noem de wettelijke grondslag, bijvoorbeeld: art. 4 Participatiewet."),
        300,
    ),
}


def _opdracht_velden(velden: Mapping[str, Any], fouten: _Fouten) -> dict[str, Any]:
    schoon: dict[str, Any] = {}
    for veld, (melding, lengte) in _OPDRACHT_TEKSTEN.items():
        if veld in velden:
            schoon[veld] = fouten.tekst(velden[veld], veld, str(melding), max_lengte=lengte)
    if "deadline" in velden:
        deadline = velden["deadline"]
        if deadline is None:
            fouten.voeg_toe("deadline", _("Noem de datum waarop de opdracht klaar moet zijn."))
        elif deadline < vandaag():
            fouten.voeg_toe("deadline", _("De uiterste datum kan niet in het verleden liggen."))
        schoon["deadline"] = deadline
    if "budget" in velden:
        budget = velden["budget"]
        if budget is not None and (not isinstance(budget, int | Decimal) or budget < 0):
            fouten.voeg_toe("budget", _("Vul een bedrag in hele euro's in, nul of meer."))
        schoon["budget"] = budget
    return schoon


@transaction.atomic
def create_opdracht(
    *,
    door: Gebruiker,
    ministerie: Organisatie,
    uitvoerder: Organisatie,
    titel: str,
    omschrijving: str,
    wettelijke_grondslag: str,
    deadline: dt.date | None,
    budget: Decimal | int | None = None,
    beleidsteam: Eenheid | None = None,
    voorstel: Beleidsvoorstel | None = None,
) -> Opdracht:
    """An assignment from a ministry to an executive organisation: what, on which legal
    basis, by when, with which budget."""
    policy.require(door, "beleidsvoorstel.beheren", ministerie)
    fouten = _Fouten()
    if ministerie.soort != OrganisatieSoort.MINISTERIE:
        fouten.voeg_toe("ministerie", _("Alleen een ministerie geeft een opdracht."))
    if uitvoerder.soort not in UITVOERDER_SOORTEN:
        fouten.voeg_toe(
            "uitvoerder", _("Een opdracht gaat naar een uitvoeringsorganisatie of medeoverheid.")
        )
    _check_beleidsteam(beleidsteam, ministerie, fouten)
    if voorstel is not None and voorstel.ministerie_id != ministerie.pk:
        fouten.voeg_toe("voorstel", _("Dit voorstel is van een ander ministerie."))
    schoon = _opdracht_velden(
        {
            "titel": titel,
            "omschrijving": omschrijving,
            "wettelijke_grondslag": wettelijke_grondslag,
            "deadline": deadline,
            "budget": budget,
        },
        fouten,
    )
    fouten.controleer()
    opdracht = Opdracht.objects.create(
        ministerie=ministerie,
        uitvoerder=uitvoerder,
        beleidsteam=beleidsteam,
        voorstel=voorstel,
        aangemaakt_door=door,
        **schoon,
    )
    audit.record(
        event="opdracht.aangemaakt",
        actor=door,
        obj=opdracht,
        data={"ministerie": ministerie.slug, "uitvoerder": uitvoerder.slug, **schoon},
    )
    return opdracht


@transaction.atomic
def update_opdracht(*, opdracht: Opdracht, door: Gebruiker, **velden: Any) -> Opdracht:
    """The ministry changes an assignment (for instance after a return answered pas toe).
    The old and new values are kept in the audit trail."""
    opdracht = Opdracht.objects.select_for_update().get(pk=opdracht.pk)
    policy.require(door, "opdracht.beheren", opdracht)
    onbekend = set(velden) - {*_OPDRACHT_TEKSTEN, "deadline", "budget"}
    if onbekend:
        raise ValidationError(
            _("Deze velden kunt u niet wijzigen: %(v)s") % {"v": sorted(onbekend)}
        )
    fouten = _Fouten()
    schoon = _opdracht_velden(velden, fouten)
    fouten.controleer()
    oud = {veld: getattr(opdracht, veld) for veld in schoon}
    gewijzigd = {v: w for v, w in schoon.items() if oud[v] != w}
    if not gewijzigd:
        return opdracht
    for veld, waarde in gewijzigd.items():
        setattr(opdracht, veld, waarde)
    opdracht.save(update_fields=[*gewijzigd, "bijgewerkt"])
    audit.record(
        event="opdracht.gewijzigd",
        actor=door,
        obj=opdracht,
        data={"oud": {v: oud[v] for v in gewijzigd}, "nieuw": gewijzigd},
    )
    return opdracht


@transaction.atomic
def complete_opdracht(*, opdracht: Opdracht, door: Gebruiker) -> Opdracht:
    """The ministry marks a running assignment as done. A suspended one cannot be: the
    return must be answered first."""
    opdracht = Opdracht.objects.select_for_update().get(pk=opdracht.pk)
    policy.require(door, "opdracht.beheren", opdracht)
    try:
        opdracht.status = opdracht_doel(Opdrachthandeling.AFRONDEN, opdracht.status)
    except OngeldigeOvergang:
        raise ValidationError(
            _("Deze opdracht is %(status)s en kan nu niet worden afgerond.")
            % {"status": opdracht.get_status_display().lower()}
        ) from None
    opdracht.save(update_fields=["status", "bijgewerkt"])
    audit.record(event="opdracht.afgerond", actor=door, obj=opdracht, data={})
    return opdracht


@transaction.atomic
def return_opdracht(
    *,
    opdracht: Opdracht,
    door: Gebruiker,
    reden: str,
    toelichting: str,
    beginselen: Sequence[Beginsel] = (),
) -> Teruggave:
    """The executor hands an assignment back for a while (P4): the assignment is suspended and
    the ministry's ambtelijke top must answer within the term of the kind
    'teruggave-opdracht' (escalating to the minister and the parliament committee): change it
    (pas toe) or maintain it with an explanation (leg uit)."""
    opdracht = (
        Opdracht.objects.select_for_update(of=("self",))
        .select_related("ministerie", "uitvoerder")
        .get(pk=opdracht.pk)
    )
    policy.require(door, "opdracht.teruggeven", opdracht)
    try:
        nieuwe_status = opdracht_doel(Opdrachthandeling.TERUGGEVEN, opdracht.status)
    except OngeldigeOvergang:
        raise ValidationError(
            _("Deze opdracht is %(status)s en kan nu niet worden teruggegeven.")
            % {"status": opdracht.get_status_display().lower()}
        ) from None
    fouten = _Fouten()
    if reden not in Teruggavereden.values:
        fouten.voeg_toe("reden", _("Kies de reden van de teruggave."))
    toelichting = fouten.tekst(
        toelichting, "toelichting", _("Leg uit waarom u de opdracht teruggeeft.")
    )
    beginselen = list(beginselen)
    if reden == Teruggavereden.STRIJDIG and not beginselen:
        fouten.voeg_toe(
            "beginselen", _("Noem de beginselen van goed bestuur waarmee de opdracht botst.")
        )
    fouten.controleer()
    verzoek = responsplicht.create_reactieverzoek(
        soort="teruggave-opdracht",
        onderwerp=responsplicht.Onderwerp(
            type=TERUGGAVE,
            id=f"{opdracht.pk}-{opdracht.teruggaven.count() + 1}",
            titel=_("Teruggave: %(titel)s") % {"titel": opdracht.titel},
            url=reverse("beleid:opdracht", args=[opdracht.pk]),
        ),
        vraag=_(
            "%(org)s geeft de opdracht '%(titel)s' tijdelijk terug. Reden: %(reden)s. Wijzig de "
            "opdracht (pas toe) of leg uit waarom zij blijft zoals zij is (leg uit)."
        )
        % {
            "org": opdracht.uitvoerder.naam,
            "titel": opdracht.titel,
            "reden": Teruggavereden(reden).label,
        },
        argumenten=[toelichting],
        door=door,
        ontvanger_organisatie=opdracht.ministerie,
        ontvanger_rol=Rol.AMBTELIJKE_TOP,
        verzoeker_organisatie=opdracht.uitvoerder,
        verzoeker_rol=Rol.BESTUUR,
    )
    teruggave = Teruggave.objects.create(
        opdracht=opdracht,
        reden=reden,
        toelichting=toelichting,
        door=door,
        verzoek=verzoek,
        teruggegeven_op=vandaag(),
    )
    teruggave.beginselen.set(beginselen)
    opdracht.status = nieuwe_status
    opdracht.save(update_fields=["status", "bijgewerkt"])
    audit.record(
        event="opdracht.teruggegeven",
        actor=door,
        obj=opdracht,
        data={
            "teruggave": teruggave.pk,
            "reden": reden,
            "beginselen": sorted(b.code for b in beginselen),
            "verzoek": verzoek.pk,
        },
    )
    return teruggave


def _volg_teruggave(verzoek: Reactieverzoek, handeling: Handeling) -> None:
    """The answer of the ministry decides the assignment: pas toe changes it, leg uit keeps
    it; both end the suspension. Called insufficient, it is suspended again; withdrawn by
    the executor, it runs again unchanged."""
    teruggave = (
        Teruggave.objects.select_for_update(of=("self",))
        .select_related("opdracht")
        .filter(verzoek=verzoek)
        .first()
    )
    if teruggave is None:
        return
    opdracht = Opdracht.objects.select_for_update().get(pk=teruggave.opdracht_id)
    if handeling == Handeling.BEANTWOORDEN:
        reactie = _laatste_antwoord(verzoek)
        if reactie.soort == Antwoordsoort.PAS_TOE:
            teruggave.uitkomst = Teruggaveuitkomst.GEWIJZIGD
            teruggave.wijziging = reactie.maatregel
        else:
            teruggave.uitkomst = Teruggaveuitkomst.GEHANDHAAFD
            teruggave.wijziging = ""
        teruggave.afgehandeld_op = vandaag()
        beweging = Opdrachthandeling.BEANTWOORD
    elif handeling == Handeling.BETWISTEN:
        teruggave.uitkomst = Teruggaveuitkomst.LOPEND
        teruggave.afgehandeld_op = None
        beweging = Opdrachthandeling.BETWIST
    elif handeling == Handeling.INTREKKEN:
        teruggave.uitkomst = Teruggaveuitkomst.INGETROKKEN
        teruggave.afgehandeld_op = vandaag()
        beweging = Opdrachthandeling.INGETROKKEN
    else:
        return
    # The engine's own table already allowed its move; this one must fit too, or the
    # request and the assignment would disagree (the whole move is then rolled back).
    opdracht.status = opdracht_doel(beweging, opdracht.status)
    teruggave.save(update_fields=["uitkomst", "wijziging", "afgehandeld_op"])
    opdracht.save(update_fields=["status", "bijgewerkt"])
    audit.record(
        event="opdracht.teruggave_gevolgd",
        actor=None,
        obj=opdracht,
        data={
            "teruggave": teruggave.pk,
            "handeling": handeling.value,
            "uitkomst": teruggave.uitkomst,
            "status": opdracht.status,
        },
    )

"""Every state change of the response duty engine. One function per move; each checks the
permission policy and the transition table, writes an audit event in the same transaction,
tells the subject (onderwerpen) and notifies those concerned after commit.

Dates: `vandaag` is the calendar day in Europe/Amsterdam (settings.TIME_ZONE); tests pass it or
freeze time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import ROLLEN_PER_SOORT, OrganisatieSoort
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.termijnen.rekenen import Eenheid
from uitvoerbaar.termijnen.selectors import uiterste_datum

from . import notificaties, onderwerpen
from .constants import (
    Antwoordsoort,
    Controlestatus,
    Handeling,
    OrganisatieBron,
    Status,
    WooGrond,
)
from .models import (
    Controle,
    Escalatieniveau,
    Melding,
    Reactie,
    Reactieverzoek,
    Soort,
    Verantwoordelijke,
)
from .transitions import doel

MAX_TEKST = 20_000


@dataclass(frozen=True)
class Onderwerp:
    """The subject a request is about, as the engine sees it: an opaque reference."""

    type: str
    id: str
    titel: str
    url: str = ""


def vandaag() -> dt.date:
    return timezone.localdate()


# --- helpers -----------------------------------------------------------------------------


def _lock(verzoek: Reactieverzoek) -> Reactieverzoek:
    # of=("self",): lock the request row only. Without it PostgreSQL also locks the joined
    # kind row, so every move on any request of the same kind would wait for this one, and
    # the sweep (SKIP LOCKED) would skip them all.
    return (
        Reactieverzoek.objects.select_for_update(of=("self",))
        .select_related("soort")
        .get(pk=verzoek.pk)
    )


def _tekst(waarde: str, veld: str, melding: str) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise ValidationError({veld: melding})
    if len(waarde) > MAX_TEKST:
        raise ValidationError(
            {veld: _("Deze tekst is te lang (ten hoogste %(max)d tekens).") % {"max": MAX_TEKST}}
        )
    return waarde


def _bereken(start: dt.date, aantal: int, eenheid: str, organisatie: Organisatie | int) -> dt.date:
    organisatie_id = organisatie if isinstance(organisatie, int) else organisatie.pk
    return uiterste_datum(
        start=start, aantal=aantal, eenheid=Eenheid(eenheid), organisatie_id=organisatie_id
    )


def volgende_herinnering(soort: Soort, deadline: dt.date, na: dt.date) -> dt.date | None:
    """The first reminder day of the kind that falls after `na` and before the deadline."""
    dagen = sorted({int(d) for d in soort.herinneringen if int(d) > 0}, reverse=True)
    for d in dagen:
        dag = deadline - dt.timedelta(days=d)
        if dag > na:
            return dag
    return None


def _zet(
    verzoek: Reactieverzoek,
    handeling: Handeling,
    *,
    door: Gebruiker | None,
    data: dict[str, Any],
    velden: Sequence[str] = (),
) -> None:
    """Apply the move from the transition table, save, audit and tell the subject."""
    oud = Status(verzoek.status)
    verzoek.status = doel(handeling, oud, niveau=verzoek.niveau)
    verzoek.save(update_fields=["status", "bijgewerkt", *velden])
    audit.record(
        event=f"reactieverzoek.{handeling.value}",
        actor=door,
        obj=verzoek,
        data={"van": oud.value, "naar": verzoek.status, "niveau": verzoek.niveau, **data},
    )
    onderwerpen.volg(verzoek, handeling)


def _check_rol(organisatie: Organisatie, rol: str, veld: str) -> None:
    if rol not in ROLLEN_PER_SOORT.get(organisatie.soort, frozenset()):
        raise ValidationError(
            {
                veld: _("De rol %(rol)s bestaat niet in een organisatie als %(org)s.")
                % {"rol": rol, "org": organisatie.naam}
            }
        )


def organisatie_op_niveau(niveau: Escalatieniveau, ontvanger: Organisatie) -> Organisatie:
    """The organisation responsible at a ladder level, for a request to `ontvanger`."""
    if niveau.organisatie_bron == OrganisatieBron.VASTE_ORGANISATIE:
        assert niveau.vaste_organisatie is not None  # database constraint
        return niveau.vaste_organisatie
    if niveau.organisatie_bron == OrganisatieBron.EIGENAAR_MINISTERIE:
        if ontvanger.soort == OrganisatieSoort.MINISTERIE:
            return ontvanger
        if ontvanger.eigenaar_ministerie is None:
            raise ValidationError(
                _(
                    "%(org)s heeft geen eigenaar-ministerie, dus dit verzoek kan niet "
                    "escaleren naar %(niveau)s."
                )
                % {"org": ontvanger.naam, "niveau": niveau.naam}
            )
        return ontvanger.eigenaar_ministerie
    return ontvanger


# --- creating ------------------------------------------------------------------------------


def _soort_met_ladder(code: str) -> tuple[Soort, list[Escalatieniveau]]:
    """A kind and its ladder in one query: the levels with their kind joined (the kind alone
    when it has no ladder)."""
    niveaus = list(
        Escalatieniveau.objects.filter(soort__code=code)
        .select_related("soort", "vaste_organisatie")
        .order_by("volgorde")
    )
    if niveaus:
        soort = niveaus[0].soort
        for niveau in niveaus:
            niveau.soort = soort
        return soort, niveaus
    try:
        return Soort.objects.get(code=code), []
    except Soort.DoesNotExist:
        raise ValidationError({"soort": _("Deze soort verzoek bestaat niet.")}) from None


def create_reactieverzoek(
    *,
    soort: Soort | str,
    onderwerp: Onderwerp,
    vraag: str,
    door: Gebruiker | None,
    ontvanger_organisatie: Organisatie,
    ontvanger_rol: str,
    ontvanger_persoon: Gebruiker | None = None,
    verzoeker_organisatie: Organisatie | None = None,
    verzoeker_rol: str = "",
    argumenten: Sequence[str] = (),
    termijn_dagen: int | None = None,
    openbaar: bool = True,
    start: dt.date | None = None,
) -> Reactieverzoek:
    """Open a request to respond. Called by the subject's own service, which has checked that
    `door` may ask. The deadline follows the kind's term (Algemene termijnenwet) from `start`
    (today); `termijn_dagen` may shorten it, never lengthen it. Refuses a recipient role that
    does not exist in the recipient organisation and a ladder that cannot be followed."""
    # Every check comes before the first write, outside the transaction block below: a refusal
    # leaves the caller's transaction usable, so the writes need no savepoint of their own
    # (two round trips fewer at every intake).
    if isinstance(soort, str):
        soort, niveaus = _soort_met_ladder(soort)
    else:
        niveaus = list(soort.niveaus.select_related("vaste_organisatie"))
    vraag = _tekst(vraag, "vraag", _("Schrijf de vraag op."))
    if not onderwerp.type or not onderwerp.id or not onderwerp.titel.strip():
        raise ValidationError({"onderwerp": _("Het verzoek moet over een onderwerp gaan.")})
    argumenten = [a.strip() for a in argumenten if a and a.strip()]
    _check_rol(ontvanger_organisatie, ontvanger_rol, "ontvanger_rol")
    if verzoeker_rol:
        if verzoeker_organisatie is None:
            raise ValidationError(
                {"verzoeker_rol": _("Een rol van de vrager hoort bij een organisatie.")}
            )
        _check_rol(verzoeker_organisatie, verzoeker_rol, "verzoeker_rol")
    for niveau in niveaus:  # refuse now what could not escalate later
        organisatie_op_niveau(niveau, ontvanger_organisatie)

    start = start or vandaag()
    deadline = _bereken(start, soort.termijn_aantal, soort.termijn_eenheid, ontvanger_organisatie)
    if termijn_dagen is not None:
        korter = _bereken(start, termijn_dagen, Eenheid.DAGEN, ontvanger_organisatie)
        if termijn_dagen < 1 or korter > deadline:
            raise ValidationError(
                {
                    "termijn_dagen": _(
                        "Een organisatie mag de termijn alleen korter maken dan %(aantal)d "
                        "%(eenheid)s."
                    )
                    % {
                        "aantal": soort.termijn_aantal,
                        "eenheid": soort.get_termijn_eenheid_display(),
                    }
                }
            )
        deadline = korter
    with transaction.atomic(savepoint=False):
        return _maak_verzoek(
            soort=soort,
            onderwerp=onderwerp,
            vraag=vraag,
            door=door,
            ontvanger_organisatie=ontvanger_organisatie,
            ontvanger_rol=ontvanger_rol,
            ontvanger_persoon=ontvanger_persoon,
            verzoeker_organisatie=verzoeker_organisatie,
            verzoeker_rol=verzoeker_rol,
            argumenten=argumenten,
            openbaar=openbaar,
            start=start,
            deadline=deadline,
        )


def _maak_verzoek(
    *,
    soort: Soort,
    onderwerp: Onderwerp,
    vraag: str,
    door: Gebruiker | None,
    ontvanger_organisatie: Organisatie,
    ontvanger_rol: str,
    ontvanger_persoon: Gebruiker | None,
    verzoeker_organisatie: Organisatie | None,
    verzoeker_rol: str,
    argumenten: list[str],
    openbaar: bool,
    start: dt.date,
    deadline: dt.date,
) -> Reactieverzoek:
    """The writes of create_reactieverzoek, after every check has passed."""
    verzoek = Reactieverzoek.objects.create(
        soort=soort,
        onderwerp_type=onderwerp.type,
        onderwerp_id=onderwerp.id,
        onderwerp_titel=onderwerp.titel.strip()[:300],
        onderwerp_url=onderwerp.url,
        vraag=vraag,
        argumenten=argumenten,
        verzoeker=door,
        verzoeker_organisatie=verzoeker_organisatie,
        verzoeker_rol=verzoeker_rol,
        ontvanger_organisatie=ontvanger_organisatie,
        ontvanger_rol=ontvanger_rol,
        ontvanger_persoon=ontvanger_persoon,
        verantwoordelijke_organisatie=ontvanger_organisatie,
        verantwoordelijke_rol=ontvanger_rol,
        gestart_op=start,
        uiterste_datum=deadline,
        volgende_herinnering=volgende_herinnering(soort, deadline, start),
        openbaar=openbaar,
    )
    ontvanger = Verantwoordelijke.objects.create(
        verzoek=verzoek,
        niveau=0,
        naam=_("Ontvanger"),
        organisatie=ontvanger_organisatie,
        rol=ontvanger_rol,
        persoon=ontvanger_persoon,
        vanaf=start,
        uiterste_datum=deadline,
    )
    # The only level reached yet is the one just written: no need to read it back.
    notificaties.nieuw_verzoek(verzoek, bereikt=[ontvanger])
    # The audit event last: it locks the chain head until commit, so every intake and move
    # waits for it; the less work after it, the more requests per second the platform takes.
    audit.record(
        event="reactieverzoek.aangemaakt",
        actor=door,
        obj=verzoek,
        data={
            "soort": soort.code,
            "onderwerp": f"{onderwerp.type}:{onderwerp.id}",
            "ontvanger": ontvanger_organisatie.slug,
            "rol": ontvanger_rol,
            "uiterste_datum": deadline,
        },
    )
    return verzoek


# --- answering -----------------------------------------------------------------------------


def _namens(verzoek: Reactieverzoek, door: Gebruiker) -> Organisatie:
    """The organisation `door` answers for: the highest level reached where they hold the role."""
    for v in sorted(verzoek.verantwoordelijken.all(), key=lambda v: -v.niveau):
        if v.niveau > verzoek.niveau:
            continue
        if v.persoon_id == door.pk or any(
            lid.organisatie_id == v.organisatie_id and lid.rol == v.rol
            for lid in door.actieve_lidmaatschappen()
        ):
            return v.organisatie
    return verzoek.verantwoordelijke_organisatie


def _voor_antwoord(verzoek: Reactieverzoek, door: Gebruiker) -> Reactieverzoek:
    verzoek = _lock(verzoek)
    policy.require(door, "reactieverzoek.beantwoorden", verzoek)
    doel(Handeling.BEANTWOORDEN, Status(verzoek.status), niveau=verzoek.niveau)
    return verzoek


def _na_antwoord(
    verzoek: Reactieverzoek, reactie: Reactie, door: Gebruiker, data: dict[str, Any]
) -> None:
    verzoek.volgende_herinnering = None
    _zet(
        verzoek,
        Handeling.BEANTWOORDEN,
        door=door,
        data={"reactie": reactie.pk, "soort": reactie.soort, "te_laat": reactie.te_laat, **data},
        velden=["volgende_herinnering"],
    )
    notificaties.beantwoord(verzoek, reactie)


@transaction.atomic
def answer_pas_toe(
    *,
    verzoek: Reactieverzoek,
    door: Gebruiker,
    maatregel: str,
    eigenaar: str,
    datum: dt.date,
) -> Reactie:
    """Comply (pas toe): the concrete measure, who owns it and when it is carried out. A
    follow-up check is planned at that date. Refuses a date in the past."""
    verzoek = _voor_antwoord(verzoek, door)
    fouten: dict[str, str] = {}
    for veld, waarde, melding in (
        ("maatregel", maatregel, _("Beschrijf de maatregel die u neemt.")),
        ("eigenaar", eigenaar, _("Noem wie de maatregel uitvoert.")),
    ):
        try:
            _tekst(waarde, veld, melding)
        except ValidationError as exc:
            fouten.update({veld: exc.message_dict[veld][0]})
    if datum is None:
        fouten["datum"] = _("Noem de datum waarop de maatregel is uitgevoerd.")
    elif datum < vandaag():
        fouten["datum"] = _("De datum van uitvoering kan niet in het verleden liggen.")
    if len(eigenaar.strip()) > 200:
        fouten["eigenaar"] = _("Houd de naam van de eigenaar korter dan 200 tekens.")
    if fouten:
        raise ValidationError(fouten)
    reactie = Reactie.objects.create(
        verzoek=verzoek,
        soort=Antwoordsoort.PAS_TOE,
        door=door,
        namens_organisatie=_namens(verzoek, door),
        niveau=verzoek.niveau,
        te_laat=vandaag() > verzoek.uiterste_datum or verzoek.status == Status.VERLOPEN,
        maatregel=maatregel.strip(),
        maatregel_eigenaar=eigenaar.strip(),
        maatregel_datum=datum,
    )
    Controle.objects.create(reactie=reactie, datum=datum)
    _na_antwoord(verzoek, reactie, door, {"maatregel_datum": datum})
    return reactie


@transaction.atomic
def answer_leg_uit(
    *,
    verzoek: Reactieverzoek,
    door: Gebruiker,
    redenen: str,
    beginselen: Sequence[Beginsel],
    antwoorden: Sequence[str] = (),
) -> Reactie:
    """Explain (leg uit): the reasons, at least one principle weighed from the kennisbank, and
    a reply to each argument the requester gave (in the same order)."""
    verzoek = _voor_antwoord(verzoek, door)
    fouten: dict[str, Any] = {}
    try:
        redenen = _tekst(redenen, "redenen", _("Leg uit waarom u het verzoek niet volgt."))
    except ValidationError as exc:
        fouten.update(exc.message_dict)
    if not beginselen:
        fouten["beginselen"] = _("Noem ten minste één beginsel dat u hebt gewogen.")
    antwoorden = [(a or "").strip() for a in antwoorden]
    ontbrekend = [
        i + 1 for i in range(len(verzoek.argumenten)) if i >= len(antwoorden) or not antwoorden[i]
    ]
    if ontbrekend:
        fouten["antwoorden"] = _(
            "Geef antwoord op elk argument van de vrager (nog open: %(nrs)s)."
        ) % {"nrs": ", ".join(str(n) for n in ontbrekend)}
    elif len(antwoorden) > len(verzoek.argumenten):
        fouten["antwoorden"] = _("Er zijn meer antwoorden dan argumenten.")
    if fouten:
        raise ValidationError(fouten)
    reactie = Reactie.objects.create(
        verzoek=verzoek,
        soort=Antwoordsoort.LEG_UIT,
        door=door,
        namens_organisatie=_namens(verzoek, door),
        niveau=verzoek.niveau,
        te_laat=vandaag() > verzoek.uiterste_datum or verzoek.status == Status.VERLOPEN,
        redenen=redenen,
        antwoorden_op_argumenten=antwoorden[: len(verzoek.argumenten)],
    )
    reactie.beginselen.set(beginselen)
    _na_antwoord(verzoek, reactie, door, {"beginselen": sorted(b.code for b in beginselen)})
    return reactie


def _laatste_reactie(verzoek: Reactieverzoek) -> Reactie:
    reactie = verzoek.reacties.order_by("-gegeven_op", "-pk").first()
    assert reactie is not None  # state BEANTWOORD implies an answer
    return reactie


@transaction.atomic
def accept_answer(*, verzoek: Reactieverzoek, door: Gebruiker) -> Reactie:
    """The requester accepts the answer; the request is closed."""
    verzoek = _lock(verzoek)
    policy.require(door, "reactieverzoek.beoordelen", verzoek)
    doel(Handeling.ACCEPTEREN, Status(verzoek.status), niveau=verzoek.niveau)
    reactie = _laatste_reactie(verzoek)
    reactie.aanvaard = True
    reactie.beoordeeld_op = timezone.now()
    reactie.save(update_fields=["aanvaard", "beoordeeld_op"])
    _zet(verzoek, Handeling.ACCEPTEREN, door=door, data={"reactie": reactie.pk})
    notificaties.beoordeeld(verzoek, aanvaard=True)
    return reactie


@transaction.atomic
def contest_answer(*, verzoek: Reactieverzoek, door: Gebruiker, reden: str) -> Reactie:
    """The requester calls an explanation insufficient, once, with reasons. The request then
    escalates one level (when the ladder has one more; otherwise it stays contested, which is
    published like silence)."""
    verzoek = _lock(verzoek)
    policy.require(door, "reactieverzoek.beoordelen", verzoek)
    doel(Handeling.BETWISTEN, Status(verzoek.status), niveau=verzoek.niveau)
    reactie = _laatste_reactie(verzoek)
    if reactie.soort != Antwoordsoort.LEG_UIT:
        raise ValidationError(
            _(
                "Alleen een uitleg (leg uit) kunt u onvoldoende noemen; een toegezegde maatregel "
                "wordt op de datum van uitvoering gecontroleerd."
            )
        )
    if verzoek.onvoldoende_gemeld:
        raise ValidationError(
            _("U hebt al eens een antwoord op dit verzoek onvoldoende genoemd. Dat kan één keer.")
        )
    reden = _tekst(reden, "reden", _("Leg uit waarom het antwoord onvoldoende is."))
    reactie.aanvaard = False
    reactie.beoordeeld_op = timezone.now()
    reactie.onvoldoende_reden = reden
    reactie.save(update_fields=["aanvaard", "beoordeeld_op", "onvoldoende_reden"])
    verzoek.onvoldoende_gemeld = True
    _zet(
        verzoek,
        Handeling.BETWISTEN,
        door=door,
        data={"reactie": reactie.pk},
        velden=["onvoldoende_gemeld"],
    )
    notificaties.beoordeeld(verzoek, aanvaard=False)
    if (niveau := _volgend_niveau(verzoek)) is not None:
        _escaleer(verzoek, niveau, door=door, vandaag_=vandaag(), reden="onvoldoende")
    return reactie


# --- the clock -----------------------------------------------------------------------------


@transaction.atomic
def suspend(*, verzoek: Reactieverzoek, door: Gebruiker, reden: str) -> Reactieverzoek:
    """Stop the clock (opschorten), for a reason that is recorded and shown. The remaining
    calendar days are kept and start again on resumption."""
    verzoek = _lock(verzoek)
    policy.require(door, "reactieverzoek.termijn", verzoek)
    doel(Handeling.OPSCHORTEN, Status(verzoek.status), niveau=verzoek.niveau)
    reden = _tekst(reden, "reden", _("Geef de reden van de opschorting."))
    dag = vandaag()
    verzoek.opgeschort_sinds = dag
    verzoek.opschortingsreden = reden
    verzoek.resterende_dagen = max((verzoek.uiterste_datum - dag).days, 1)
    verzoek.volgende_herinnering = None
    _zet(
        verzoek,
        Handeling.OPSCHORTEN,
        door=door,
        data={"reden": reden, "resterende_dagen": verzoek.resterende_dagen},
        velden=[
            "opgeschort_sinds",
            "opschortingsreden",
            "resterende_dagen",
            "volgende_herinnering",
        ],
    )
    notificaties.termijn_gewijzigd(
        verzoek, _("De termijn is opgeschort: %(reden)s") % {"reden": reden}
    )
    return verzoek


@transaction.atomic
def resume(*, verzoek: Reactieverzoek, door: Gebruiker) -> Reactieverzoek:
    """Start the clock again with the remaining term."""
    verzoek = _lock(verzoek)
    policy.require(door, "reactieverzoek.termijn", verzoek)
    doel(Handeling.HERVATTEN, Status(verzoek.status), niveau=verzoek.niveau)
    dag = vandaag()
    assert verzoek.resterende_dagen is not None
    nieuw = _bereken(
        dag, verzoek.resterende_dagen, Eenheid.DAGEN, verzoek.verantwoordelijke_organisatie_id
    )
    _verschuif(verzoek, nieuw)
    gepauzeerd = (dag - verzoek.opgeschort_sinds).days if verzoek.opgeschort_sinds else 0
    verzoek.opgeschort_sinds = None
    verzoek.resterende_dagen = None
    _zet(
        verzoek,
        Handeling.HERVATTEN,
        door=door,
        data={"uiterste_datum": nieuw, "dagen_opgeschort": gepauzeerd},
        velden=["opgeschort_sinds", "resterende_dagen", "uiterste_datum", "volgende_herinnering"],
    )
    notificaties.termijn_gewijzigd(
        verzoek,
        _("De termijn loopt weer; de uiterste datum is nu %(datum)s.")
        % {"datum": notificaties.datum(nieuw)},
    )
    return verzoek


def _verschuif(verzoek: Reactieverzoek, nieuw: dt.date) -> None:
    verzoek.uiterste_datum = nieuw
    verzoek.volgende_herinnering = volgende_herinnering(verzoek.soort, nieuw, vandaag())
    Verantwoordelijke.objects.filter(verzoek=verzoek, niveau=verzoek.niveau).update(
        uiterste_datum=nieuw
    )


@transaction.atomic
def extend(*, verzoek: Reactieverzoek, door: Gebruiker, dagen: int, reden: str) -> Reactieverzoek:
    """Extend the deadline once, with a reason, by at most the kind's maximum (in days; the
    new end date follows the Algemene termijnenwet)."""
    verzoek = _lock(verzoek)
    policy.require(door, "reactieverzoek.termijn", verzoek)
    doel(Handeling.VERLENGEN, Status(verzoek.status), niveau=verzoek.niveau)
    if verzoek.verlengd:
        raise ValidationError(_("Dit verzoek is al eens verlengd. Verlengen kan één keer."))
    maximum = verzoek.soort.max_verlenging_dagen
    if maximum == 0:
        raise ValidationError(_("Verzoeken van deze soort kunnen niet worden verlengd."))
    if not isinstance(dagen, int) or dagen < 1 or dagen > maximum:
        raise ValidationError(
            {"dagen": _("Verleng met 1 tot en met %(max)d dagen.") % {"max": maximum}}
        )
    reden = _tekst(reden, "reden", _("Geef de reden van de verlenging."))
    oud = verzoek.uiterste_datum
    nieuw = _bereken(oud, dagen, Eenheid.DAGEN, verzoek.verantwoordelijke_organisatie_id)
    _verschuif(verzoek, nieuw)
    verzoek.verlengd = True
    verzoek.verlengingsreden = reden
    _zet(
        verzoek,
        Handeling.VERLENGEN,
        door=door,
        data={"dagen": dagen, "reden": reden, "oude_datum": oud, "uiterste_datum": nieuw},
        velden=["uiterste_datum", "volgende_herinnering", "verlengd", "verlengingsreden"],
    )
    notificaties.termijn_gewijzigd(
        verzoek,
        _("De termijn is verlengd tot %(datum)s: %(reden)s")
        % {"datum": notificaties.datum(nieuw), "reden": reden},
    )
    return verzoek


@transaction.atomic
def withdraw(*, verzoek: Reactieverzoek, door: Gebruiker | None, reden: str) -> Reactieverzoek:
    """The requester (or the subject's service for it, `door=None` for an anonymous reporter)
    withdraws a request that is not yet answered."""
    verzoek = _lock(verzoek)
    if door is not None:
        policy.require(door, "reactieverzoek.beoordelen", verzoek)
    doel(Handeling.INTREKKEN, Status(verzoek.status), niveau=verzoek.niveau)
    reden = _tekst(reden, "reden", _("Geef de reden van het intrekken."))
    verzoek.volgende_herinnering = None
    _zet(
        verzoek,
        Handeling.INTREKKEN,
        door=door,
        data={"reden": reden},
        velden=["volgende_herinnering"],
    )
    notificaties.termijn_gewijzigd(
        verzoek, _("Het verzoek is ingetrokken: %(reden)s") % {"reden": reden}
    )
    return verzoek


@transaction.atomic
def withhold_publication(
    *, verzoek: Reactieverzoek, door: Gebruiker, grond: str, toelichting: str
) -> Reactieverzoek:
    """Keep a request out of the public register on a ground of the Wet open overheid
    (art. 5.1 or 5.2 Woo), with its reason. The withholding itself is audited and counted."""
    verzoek = _lock(verzoek)
    policy.require(door, "reactieverzoek.openbaarheid", verzoek)
    if grond not in WooGrond.values:
        raise ValidationError({"grond": _("Kies een weigeringsgrond uit de Wet open overheid.")})
    toelichting = _tekst(
        toelichting, "toelichting", _("Leg uit waarom deze grond hier openbaarmaking verhindert.")
    )
    verzoek.openbaar = False
    verzoek.woo_grond = grond
    verzoek.woo_toelichting = toelichting
    verzoek.save(update_fields=["openbaar", "woo_grond", "woo_toelichting", "bijgewerkt"])
    audit.record(
        event="reactieverzoek.openbaarmaking_geweigerd",
        actor=door,
        obj=verzoek,
        data={"grond": grond, "toelichting": toelichting},
    )
    return verzoek


@transaction.atomic
def record_controle(
    *,
    controle: Controle,
    door: Gebruiker,
    uitgevoerd: bool,
    toelichting: str = "",
    melden: bool = True,
) -> Controle:
    """Record whether a promised measure was carried out. Only once the check is due; a
    measure not carried out needs an explanation. `melden=False` skips the notification, for
    a subject whose measure is carried out in the same breath as the answer (a Wbk
    acknowledgement): the answer's notification already says it all."""
    controle = (
        Controle.objects.select_for_update().select_related("reactie__verzoek").get(pk=controle.pk)
    )
    verzoek = controle.reactie.verzoek
    policy.require(door, "reactieverzoek.controleren", verzoek)
    if controle.status in (Controlestatus.UITGEVOERD, Controlestatus.NIET_UITGEVOERD):
        raise ValidationError(_("Deze controle is al vastgesteld."))
    if controle.datum > vandaag():
        raise ValidationError(
            _("De maatregel is toegezegd voor %(datum)s; controleer vanaf die datum.")
            % {"datum": controle.datum}
        )
    toelichting = (toelichting or "").strip()
    if not uitgevoerd and not toelichting:
        raise ValidationError({"toelichting": _("Leg uit wat er niet is uitgevoerd.")})
    controle.status = Controlestatus.UITGEVOERD if uitgevoerd else Controlestatus.NIET_UITGEVOERD
    controle.toelichting = toelichting
    controle.vastgesteld_door = door
    controle.save(update_fields=["status", "toelichting", "vastgesteld_door"])
    audit.record(
        event="reactieverzoek.controle_vastgesteld",
        actor=door,
        obj=verzoek,
        data={"controle": controle.pk, "uitgevoerd": uitgevoerd, "toelichting": toelichting},
    )
    if melden:
        notificaties.controle_vastgesteld(verzoek, controle)
    return controle


# --- the sweep's moves (process_deadlines) ---------------------------------------------------


def _volgend_niveau(verzoek: Reactieverzoek) -> Escalatieniveau | None:
    return (
        verzoek.soort.niveaus.select_related("vaste_organisatie")
        .filter(volgorde=verzoek.niveau + 1)
        .first()
    )


def _escaleer(
    verzoek: Reactieverzoek,
    niveau: Escalatieniveau,
    *,
    door: Gebruiker | None,
    vandaag_: dt.date,
    reden: str,
) -> None:
    """Make the next level of the ladder (`niveau`) responsible, with its own term."""
    organisatie = organisatie_op_niveau(niveau, verzoek.ontvanger_organisatie)
    deadline = _bereken(vandaag_, niveau.termijn_aantal, niveau.termijn_eenheid, organisatie)
    verzoek.niveau = niveau.volgorde
    verzoek.verantwoordelijke_organisatie = organisatie
    verzoek.verantwoordelijke_rol = niveau.rol
    verzoek.uiterste_datum = deadline
    verzoek.volgende_herinnering = volgende_herinnering(verzoek.soort, deadline, vandaag_)
    Verantwoordelijke.objects.create(
        verzoek=verzoek,
        niveau=niveau.volgorde,
        naam=niveau.naam,
        organisatie=organisatie,
        rol=niveau.rol,
        vanaf=vandaag_,
        uiterste_datum=deadline,
    )
    _zet(
        verzoek,
        Handeling.ESCALEREN,
        door=door,
        data={
            "reden": reden,
            "naar": niveau.naam,
            "organisatie": organisatie.slug,
            "organisatie_naam": organisatie.naam,
            "rol": niveau.rol,
            "uiterste_datum": deadline,
        },
        velden=[
            "niveau",
            "verantwoordelijke_organisatie",
            "verantwoordelijke_rol",
            "uiterste_datum",
            "volgende_herinnering",
        ],
    )
    notificaties.geescaleerd(verzoek, niveau)


@transaction.atomic
def process_due_request(*, verzoek_id: int, vandaag_: dt.date) -> str | None:
    """One step of the sweep for one request, under its row lock: expire when the deadline
    has passed and escalate to the next level if there is one; else send a due reminder.
    Idempotent: a second run the same day (or a concurrent one) finds nothing to do.
    Returns what was done, for the sweep's count."""
    verzoek = (
        # Lock the request row only (not the joined kind row, see _lock): else two sweeps
        # each skip the other's requests of the same kind and some are left for the next run.
        # SKIP LOCKED: a concurrent sweep leaves a row another runner holds to that runner.
        # SQLite has no row locks and serialises writers; Django ignores the lock there.
        Reactieverzoek.objects.select_for_update(of=("self",), skip_locked=True)
        .select_related("soort")
        .filter(pk=verzoek_id)
        .first()
    )
    if verzoek is None or verzoek.status not in (Status.OPEN, Status.GEESCALEERD):
        return None
    if verzoek.uiterste_datum < vandaag_:
        verzoek.volgende_herinnering = None
        _zet(
            verzoek,
            Handeling.LATEN_VERLOPEN,
            door=None,
            data={"uiterste_datum": verzoek.uiterste_datum},
            velden=["volgende_herinnering"],
        )
        notificaties.verlopen(verzoek)
        if (niveau := _volgend_niveau(verzoek)) is not None:
            _escaleer(verzoek, niveau, door=None, vandaag_=vandaag_, reden="termijn verstreken")
            return "geescaleerd"
        return "verlopen"
    if verzoek.volgende_herinnering is not None and verzoek.volgende_herinnering <= vandaag_:
        verzoek.volgende_herinnering = volgende_herinnering(
            verzoek.soort, verzoek.uiterste_datum, vandaag_
        )
        verzoek.save(update_fields=["volgende_herinnering", "bijgewerkt"])
        audit.record(
            event="reactieverzoek.herinnering",
            actor=None,
            obj=verzoek,
            data={"uiterste_datum": verzoek.uiterste_datum, "niveau": verzoek.niveau},
        )
        notificaties.herinnering(verzoek)
        return "herinnerd"
    return None


@transaction.atomic
def process_due_controle(*, controle_id: int, vandaag_: dt.date) -> str | None:
    """The date of a promised measure has come: ask those concerned whether it is carried out."""
    controle = (
        Controle.objects.select_for_update(skip_locked=True)
        .filter(pk=controle_id, status=Controlestatus.GEPLAND, datum__lte=vandaag_)
        .first()
    )
    if controle is None:
        return None
    controle.status = Controlestatus.TE_CONTROLEREN
    controle.save(update_fields=["status"])
    verzoek = Reactieverzoek.objects.get(pk=controle.reactie.verzoek_id)
    audit.record(
        event="reactieverzoek.controle_gestart",
        actor=None,
        obj=verzoek,
        data={"controle": controle.pk, "datum": controle.datum},
    )
    notificaties.controle_te_doen(verzoek, controle)
    return "controle"


# --- notifications ---------------------------------------------------------------------------


@transaction.atomic
def mark_melding_gelezen(*, melding: Melding, door: Gebruiker) -> Melding:
    """Mark one of the person's own notifications as read. Idempotent: the first moment of
    reading is kept. Not audited: it changes nothing anyone else sees."""
    policy.require(door, "meldingen.eigen")
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    if melding.ontvanger_id != door.pk:
        raise PermissionDenied(_("Deze melding is niet voor u."))
    if melding.gelezen_op is None:
        melding.gelezen_op = timezone.now()
        melding.save(update_fields=["gelezen_op"])
    return melding

"""Permission-aware reads of signals, noodremmen and knelpunten.

A signal someone may not see does not exist for them (Http404), on the web and in the API
alike: a handler of organisation A cannot even learn that organisation B has signal 123."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.screening import maskeer
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus
from uitvoerbaar.responsplicht.models import Reactie, Reactieverzoek
from uitvoerbaar.responsplicht.selectors import (
    ANTWOORDVELDEN,
    Antwoordtelling,
    als_ontvanger,
    als_vrager,
    antwoordvelden,
    periode_grenzen,
    te_laat,
    tel_antwoordrij,
)

from . import gelijkenis, kluis
from .constants import Kanaal, Signaalsoort, Status
from .models import Bericht, Dashboardstand, Knelpunt, Noodrem, Onthulling, Signaal

LEESROLLEN = frozenset({Rol.BEHANDELAAR, Rol.VERTROUWENSPERSOON, Rol.BESTUUR})


def _paren(user: Gebruiker) -> list[tuple[int, str]]:
    return [(m.organisatie_id, m.rol) for m in user.actieve_lidmaatschappen()]


def leesbaar(user: Gebruiker) -> Q:
    """The signals `user` may read as handler, vertrouwenspersoon or bestuur; the same rule as
    Signaal.policy_toegewezen("signaal.bekijken"), as one filter."""
    wie = Q(pk__in=[])
    for org, rol in _paren(user):
        if rol == Rol.VERTROUWENSPERSOON:
            wie |= Q(organisatie_id=org) & (
                Q(soort=Signaalsoort.BENADELING)
                | Q(kanaal=Kanaal.VERTROUWELIJK)
                | Q(behandelrol=rol)
            )
        elif rol in (Rol.BEHANDELAAR, Rol.BESTUUR):
            basis = Q(organisatie_id=org) & ~Q(soort=Signaalsoort.BENADELING)
            wie |= basis if rol == Rol.BESTUUR else basis & Q(behandelrol=rol)
    return wie


def _lijst(qs: QuerySet[Signaal]) -> QuerySet[Signaal]:
    return qs.select_related("organisatie", "regeling", "artikel", "eenheid", "knelpunt")


def signalen(
    *,
    user: Gebruiker,
    status: str = "",
    kanaal: str = "",
    regeling: str = "",
    zoek: str = "",
) -> QuerySet[Signaal]:
    """The signals of the person's organisations they may read, newest first. One query."""
    qs = Signaal.objects.filter(leesbaar(user))
    if status in Status.values:
        qs = qs.filter(status=status)
    if kanaal in Kanaal.values:
        qs = qs.filter(kanaal=kanaal)
    if regeling:
        qs = qs.filter(regeling__code=regeling)
    if zoek:
        qs = qs.filter(Q(titel__icontains=zoek[:100]) | Q(tekst__icontains=zoek[:100]))
    return _lijst(qs).order_by("-ontvangen_op", "-pk")


def _detail_qs() -> QuerySet[Signaal]:
    return Signaal.objects.select_related(
        "organisatie",
        "eenheid",
        "behandeleenheid",
        "regeling",
        "artikel",
        "perspectieven",
        "knelpunt",
        "melder",
        "over_signaal",
        "ontvangstbevestiging",
        "terugkoppeling",
    ).prefetch_related(
        "beginselen",
        "bijlagen",
        Prefetch("berichten", queryset=Bericht.objects.select_related("auteur")),
    )


def _als_opgehaald(obj: Any, naam: str, objecten: Iterable[Any]) -> None:
    """Fill a relation's prefetch cache with rows known without asking, as prefetch_related
    would have."""
    qs = getattr(obj, naam).get_queryset()
    qs._result_cache = list(objecten)
    qs._prefetch_done = True
    if not hasattr(obj, "_prefetched_objects_cache"):
        obj._prefetched_objects_cache = {}
    obj._prefetched_objects_cache[naam] = qs


def zojuist_gemeld(
    signaal: Signaal, *, beginselen: Iterable[Any], bijlagen: Iterable[Any]
) -> Signaal:
    """The signal intake has just stored, ready for the reporter's view without reading it
    back: what it relates to is known exactly (no messages, disclosures or reactions yet; the
    principles and attachments given). Saves a read of five queries per intake."""
    _als_opgehaald(signaal, "beginselen", beginselen)
    _als_opgehaald(signaal, "bijlagen", bijlagen)
    _als_opgehaald(signaal, "berichten", ())
    _als_opgehaald(signaal, "onthullingen", ())
    for verzoek in (signaal.ontvangstbevestiging, signaal.terugkoppeling):
        if verzoek is not None:
            _als_opgehaald(verzoek, "reacties", ())
    return signaal


def signaal_detail(*, user: Gebruiker, pk: int) -> Signaal:
    """One signal for those concerned (policy `signaal.bekijken`); Http404 for anyone else."""
    signaal = _detail_qs().filter(pk=pk).first()
    if signaal is None or not policy.allows(user, "signaal.bekijken", signaal):
        raise Http404
    return signaal


def mijn_signalen(*, user: Gebruiker) -> QuerySet[Signaal]:
    """The person's own signals: named ones, and confidential ones through the keyed pseudonym."""
    return _lijst(
        Signaal.objects.filter(Q(melder=user) | Q(melder_kenmerk=kluis.melder_kenmerk(user.pk)))
    ).order_by("-ontvangen_op", "-pk")


def eigen_signaal(*, user: Gebruiker, pk: int) -> Signaal:
    signaal = (
        _detail_qs()
        .filter(Q(melder=user) | Q(melder_kenmerk=kluis.melder_kenmerk(user.pk)), pk=pk)
        .first()
    )
    if signaal is None:
        raise Http404
    return signaal


def signaal_met_code(code: str) -> Signaal | None:
    """The anonymous signal a receipt code belongs to, or None. One Argon2 computation whatever
    the code, so a wrong code takes as long as a right one."""
    digits = kluis.normaliseer_bon(code)
    sleutel = kluis.bon_hash(digits)
    if len(digits) != kluis.BON_CIJFERS:
        return None
    return _detail_qs().filter(bon_hash=sleutel, kanaal=Kanaal.ANONIEM).first()


def gelijkende_signalen(
    *,
    user: Gebruiker | None,
    organisatie_id: int,
    titel: str,
    tekst: str = "",
    zonder: int | None = None,
) -> list[Signaal]:
    """Signals like this one that the person may read (handlers), or, at intake, their title
    and status only (the caller shows no more)."""
    treffers = gelijkenis.zoek(
        organisatie_id=organisatie_id, titel=titel, tekst=tekst, uitsluiten=zonder
    )
    if not treffers:
        return []
    qs = Signaal.objects.filter(pk__in=[t.signaal_id for t in treffers])
    if user is not None and user.is_authenticated:
        qs = qs.filter(leesbaar(user) | Q(kanaal=Kanaal.BENOEMD, organisatie_id=organisatie_id))
    gevonden = {s.pk: s for s in _lijst(qs)}
    return [gevonden[t.signaal_id] for t in treffers if t.signaal_id in gevonden]


# --- Wbk timelines, for the reporter -----------------------------------------------------


@dataclass(frozen=True)
class Wbktermijn:
    naam: str
    uiterste_datum: dt.date | None
    status: str
    status_label: str
    beantwoord_op: dt.datetime | None
    te_laat: bool


def wbk_termijnen(signaal: Signaal) -> list[Wbktermijn]:
    """The acknowledgement and feedback terms of the Wet bescherming klokkenluiders, as the
    reporter sees them: deadline, state, when answered, and whether it was late."""
    from django.utils.translation import gettext as _

    vandaag = timezone.localdate()
    uit: list[Wbktermijn] = []
    for naam, verzoek in (
        (_("Ontvangstbevestiging (binnen 7 dagen)"), signaal.ontvangstbevestiging),
        (_("Terugkoppeling (binnen 3 maanden)"), signaal.terugkoppeling),
    ):
        if verzoek is None:
            continue
        bekend = getattr(verzoek, "_prefetched_objects_cache", {}).get("reacties")
        if bekend is not None:
            reactie = min(bekend, key=lambda r: r.gegeven_op, default=None)
        else:
            reactie = verzoek.reacties.order_by("gegeven_op").first()
        uit.append(
            Wbktermijn(
                naam=str(naam),
                uiterste_datum=verzoek.uiterste_datum,
                status=verzoek.status,
                status_label=str(VerzoekStatus(verzoek.status).label),
                beantwoord_op=reactie.gegeven_op if reactie else None,
                te_laat=bool(reactie.te_laat) if reactie else verzoek.uiterste_datum < vandaag,
            )
        )
    return uit


# --- confidential identities -------------------------------------------------------------


def onthullingen_te_beslissen(*, user: Gebruiker) -> QuerySet[Onthulling]:
    orgs = [org for org, rol in _paren(user) if rol == Rol.VERTROUWENSPERSOON]
    return (
        Onthulling.objects.filter(signaal__organisatie_id__in=orgs, status="gevraagd")
        .select_related("signaal", "gevraagd_door")
        .order_by("gevraagd_op")
    )


# --- knelpunten --------------------------------------------------------------------------


def knelpunten(*, user: Gebruiker) -> QuerySet[Knelpunt]:
    """The organisation's knelpunten (handlers, board), and those passed on to the person's
    ministry as owner of the regulation (policy team, top): Knelpunt.policy_toegewezen as a
    filter."""
    eigen = policy.organisaties_met_rol(user, {Rol.BEHANDELAAR, Rol.BESTUUR})
    eigenaar = policy.organisaties_met_rol(user, {Rol.BELEIDSMAKER, Rol.AMBTELIJKE_TOP})
    return (
        Knelpunt.objects.filter(
            Q(organisatie_id__in=eigen)
            | Q(regeling__eigenaar_id__in=eigenaar, naar_eigenaar_op__isnull=False)
        )
        .select_related("organisatie", "regeling", "artikel")
        .annotate(aantal_signalen=Count("signalen"))
        .order_by("-aangemaakt_op", "-pk")
    )


def knelpunt_detail(*, user: Gebruiker, pk: int) -> Knelpunt:
    knelpunt = (
        Knelpunt.objects.select_related("organisatie", "regeling", "artikel")
        .prefetch_related("signalen")
        .filter(pk=pk)
        .first()
    )
    if knelpunt is None or not policy.allows(user, "knelpunt.bekijken", knelpunt):
        raise Http404
    return knelpunt


# --- noodremmen --------------------------------------------------------------------------


def _noodrem_qs() -> QuerySet[Noodrem]:
    return Noodrem.objects.select_related(
        "organisatie", "door", "regeling", "artikel", "verzoek", "verzoek__soort"
    )


def noodremmen(*, user: Gebruiker) -> QuerySet[Noodrem]:
    """The noodremmen the person pulled, or whose request reached a level where they hold the
    role (the bestuur, then the ministry's ambtelijke top). Newest first, one query."""
    verzoeken = Reactieverzoek.objects.filter(als_ontvanger(user) | als_vrager(user))
    return (
        _noodrem_qs()
        .filter(Q(door=user) | Q(verzoek__in=verzoeken.values("pk")))
        .order_by("-getrokken_op")
    )


def noodrem_detail(*, user: Gebruiker, pk: Any) -> Noodrem:
    noodrem = (
        _noodrem_qs()
        .prefetch_related("beginselen", "aanvullingen__door", "verzoek__verantwoordelijken")
        .filter(pk=pk)
        .first()
    )
    if noodrem is None or not policy.allows(user, "noodrem.bekijken", noodrem):
        raise Http404
    return noodrem


# --- the board dashboard (seed action U4) --------------------------------------------------


@dataclass(frozen=True)
class Telling:
    label: str
    aantal: int


@dataclass(frozen=True)
class Dashboard:
    organisatie: Organisatie
    berekend_op: dt.datetime
    signalen_totaal: int
    noodremmen_totaal: int
    per_eenheid: list[Telling]
    per_regeling: list[Telling]
    noodremmen_per_eenheid: list[Telling]
    per_kanaal: list[Telling]
    aandeel_vertrouwelijk_of_anoniem: float | None
    gemiddelde_uren_tot_bestuur: float | None
    nog_niet_gelezen_door_bestuur: int
    open_verzoeken: int
    te_late_verzoeken: int
    beantwoord: int
    binnen_termijn: int

    @property
    def aandeel_binnen_termijn(self) -> float | None:
        return self.binnen_termijn / self.beantwoord if self.beantwoord else None


def dashboard_organisaties(*, user: Gebruiker) -> QuerySet[Organisatie]:
    orgs = policy.organisaties_met_rol(user, policy.regel("signalen.dashboard").rollen)
    return Organisatie.objects.filter(pk__in=orgs).order_by("naam")


def _tellingen(qs: QuerySet[Any], veld: str) -> list[list[Any]]:
    rijen = qs.values(veld).annotate(n=Count("pk")).order_by("-n", veld)
    return [[r[veld], r["n"]] for r in rijen]


def dashboardcijfers(organisatie: Organisatie, *, vandaag: dt.date) -> dict[str, Any]:
    """What the board sees of its organisation's signals and noodremmen: counts per unit and
    regulation, time from signal to first reading by the board, open and overdue requests,
    the share answered within the term, and the share of confidential and anonymous reports.
    A fixed number of aggregate queries, whatever the size; plain JSON values (labels are
    given in the reader's language by `dashboard_uit`). Stored by services.ververs_dashboard."""
    sig = Signaal.objects.filter(organisatie=organisatie, soort=Signaalsoort.SIGNAAL)
    nood = Noodrem.objects.filter(organisatie=organisatie)
    tijd = (
        sig.filter(eerst_gelezen_door_bestuur_op__isnull=False)
        .annotate(
            duur=ExpressionWrapper(
                F("eerst_gelezen_door_bestuur_op") - F("ontvangen_op"), output_field=DurationField()
            )
        )
        .aggregate(gem=Avg("duur"))["gem"]
    )
    verzoeken = Reactieverzoek.objects.filter(ontvanger_organisatie=organisatie)
    open_ = verzoeken.filter(
        status__in=[VerzoekStatus.OPEN, VerzoekStatus.GEESCALEERD, VerzoekStatus.VERLOPEN]
    )
    reacties = Reactie.objects.filter(verzoek__ontvanger_organisatie=organisatie)
    return {
        "signalen_totaal": sig.count(),
        "noodremmen_totaal": nood.count(),
        "per_eenheid": _tellingen(sig, "eenheid__naam"),
        "per_regeling": _tellingen(sig, "regeling__naam"),
        "noodremmen_per_eenheid": _tellingen(nood, "eenheid__naam"),
        "per_kanaal": _tellingen(sig, "kanaal"),
        "niet_benoemd": sig.exclude(kanaal=Kanaal.BENOEMD).count(),
        "gemiddelde_uren_tot_bestuur": tijd.total_seconds() / 3600 if tijd is not None else None,
        "nog_niet_gelezen_door_bestuur": sig.filter(
            eerst_gelezen_door_bestuur_op__isnull=True
        ).count(),
        "open_verzoeken": open_.count(),
        "te_late_verzoeken": verzoeken.filter(te_laat(vandaag)).count(),
        "beantwoord": reacties.values("verzoek").distinct().count(),
        "binnen_termijn": reacties.filter(te_laat=False).values("verzoek").distinct().count(),
    }


def dashboard_uit(stand: Dashboardstand) -> Dashboard:
    """The dashboard of a stored stand, its labels in the reader's language."""
    from django.utils.translation import gettext as _

    c = stand.cijfers
    kanalen = dict(Kanaal.choices)

    def tellingen(rijen: list[list[Any]], leeg: str) -> list[Telling]:
        return [Telling(label=label or leeg, aantal=n) for label, n in rijen]

    return Dashboard(
        organisatie=stand.organisatie,
        berekend_op=stand.berekend_op,
        signalen_totaal=c["signalen_totaal"],
        noodremmen_totaal=c["noodremmen_totaal"],
        per_eenheid=tellingen(c["per_eenheid"], _("Geen eenheid")),
        per_regeling=tellingen(c["per_regeling"], _("Regeling onbekend")),
        noodremmen_per_eenheid=tellingen(c["noodremmen_per_eenheid"], _("Geen eenheid")),
        per_kanaal=[Telling(label=str(kanalen[k]), aantal=n) for k, n in c["per_kanaal"]],
        aandeel_vertrouwelijk_of_anoniem=(
            c["niet_benoemd"] / c["signalen_totaal"] if c["signalen_totaal"] else None
        ),
        gemiddelde_uren_tot_bestuur=c["gemiddelde_uren_tot_bestuur"],
        nog_niet_gelezen_door_bestuur=c["nog_niet_gelezen_door_bestuur"],
        open_verzoeken=c["open_verzoeken"],
        te_late_verzoeken=c["te_late_verzoeken"],
        beantwoord=c["beantwoord"],
        binnen_termijn=c["binnen_termijn"],
    )


def aantallen_per_regeling(regeling_ids: Iterable[int]) -> dict[int, int]:
    """How many signals (not retaliation reports) name each regulation: for the executability
    track record of the policy teams (beleid, seed action M3). One query."""
    rijen = (
        Signaal.objects.filter(regeling_id__in=list(regeling_ids), soort=Signaalsoort.SIGNAAL)
        .values("regeling_id")
        .annotate(n=Count("pk"))
    )
    return {r["regeling_id"]: r["n"] for r in rijen}


# --- aggregates for the Stand van de uitvoering (seed action P3) ------------------------------
# Counts only, grouped in the database: never a reporter, never a signal's own text. Reports of
# retaliation (benadeling) are the custodian's and are left out altogether.


def _ontvangen_in(van: dt.date, tot: dt.date) -> Q:
    begin, eind = periode_grenzen(van, tot)
    return Q(ontvangen_op__gte=begin, ontvangen_op__lt=eind)


def signalen_per_artikel(
    *, organisatie_id: int, van: dt.date, tot: dt.date
) -> list[dict[str, Any]]:
    """Signals the organisation received in the period per regulation and article (article
    None: the regulation as a whole; regulation None: no regulation named), most first. One
    grouped query."""
    return list(
        Signaal.objects.filter(
            _ontvangen_in(van, tot), organisatie_id=organisatie_id, soort=Signaalsoort.SIGNAAL
        )
        .values("regeling_id", "regeling__naam", "artikel_id", "artikel__nummer")
        .annotate(aantal=Count("pk"))
        .order_by("-aantal", "regeling__naam", "artikel__nummer")
    )


def knelpunten_voor_stand(
    *, organisatie_id: int, van: dt.date, tot: dt.date
) -> list[dict[str, Any]]:
    """The knelpunten the organisation's handlers took into the Stand van de uitvoering in the
    period: their name and description (written for that purpose, screened for citizen data),
    regulation and article, and how many signals they bundle. One query."""
    begin, eind = periode_grenzen(van, tot)
    rijen = (
        Knelpunt.objects.filter(
            organisatie_id=organisatie_id, naar_stand_op__gte=begin, naar_stand_op__lt=eind
        )
        .values("pk", "naam", "omschrijving", "regeling__naam", "artikel_id", "artikel__nummer")
        .annotate(aantal_signalen=Count("signalen", filter=Q(signalen__soort=Signaalsoort.SIGNAAL)))
        .order_by("regeling__naam", "artikel__nummer", "pk")
    )
    return [
        {**rij, "naam": maskeer(rij["naam"]), "omschrijving": maskeer(rij["omschrijving"])}
        for rij in rijen
    ]


def signaaltellingen(
    *, organisatie_ids: Iterable[int] | None, van: dt.date, tot: dt.date
) -> dict[int, dict[str, int]]:
    """Per organisation: signals received and knelpunten taken into the Stand in the period
    (`organisatie_ids` None: every organisation). Two grouped queries."""
    signalen_qs = Signaal.objects.filter(_ontvangen_in(van, tot), soort=Signaalsoort.SIGNAAL)
    begin, eind = periode_grenzen(van, tot)
    knelpunten_qs = Knelpunt.objects.filter(naar_stand_op__gte=begin, naar_stand_op__lt=eind)
    if organisatie_ids is not None:
        ids = list(organisatie_ids)
        signalen_qs = signalen_qs.filter(organisatie_id__in=ids)
        knelpunten_qs = knelpunten_qs.filter(organisatie_id__in=ids)
    uitkomst: dict[int, dict[str, int]] = {}
    for veld, qs in (("signalen", signalen_qs), ("knelpunten", knelpunten_qs)):
        for org_id, n in (
            qs.values("organisatie_id")
            .annotate(n=Count("pk"))
            .order_by()
            .values_list("organisatie_id", "n")
        ):
            uitkomst.setdefault(org_id, {"signalen": 0, "knelpunten": 0})[veld] = n
    return uitkomst


def noodremtellingen(
    *,
    organisatie_ids: Iterable[int] | None,
    van: dt.date,
    tot: dt.date,
    vandaag: dt.date | None = None,
) -> dict[int, Antwoordtelling]:
    """Per organisation: the noodremmen pulled in the period and how their requests fared (pas
    toe, leg uit, in time, late, late now without an answer). One grouped query."""
    vandaag = vandaag or timezone.localdate()
    begin, eind = periode_grenzen(van, tot)
    qs = Noodrem.objects.filter(getrokken_op__gte=begin, getrokken_op__lt=eind)
    if organisatie_ids is not None:
        qs = qs.filter(organisatie_id__in=list(organisatie_ids))
    uitkomst: dict[int, Antwoordtelling] = {}
    for rij in (
        qs.annotate(**antwoordvelden("verzoek_id", vandaag))
        .values("organisatie_id", *ANTWOORDVELDEN)
        .annotate(n=Count("pk"))
        .order_by()
    ):
        tel_antwoordrij(
            uitkomst.setdefault(rij["organisatie_id"], Antwoordtelling()), rij, rij["n"]
        )
    return uitkomst

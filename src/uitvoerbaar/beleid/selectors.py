"""Reads of the beleid app. Proposals, published toetsen and the history of returned
assignments are public (U1, P4); drafts and the forms are for those the policy allows.
Lists are a fixed number of queries, whatever the size."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.afwijkingen import selectors as afwijkingen_selectors
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Rechtuitspraak, Regeling
from uitvoerbaar.responsplicht.selectors import (
    ANTWOORDVELDEN,
    Antwoordtelling,
    antwoordvelden,
    tel_antwoordrij,
)
from uitvoerbaar.signalen import selectors as signalen_selectors

from .constants import (
    Betrokkenheidstatus,
    Haalbaarheid,
    Stapstatus,
    Teruggaveuitkomst,
    Toetsoordeel,
    Toetsstatus,
    Voorwaardeantwoord,
)
from .models import (
    TOETS_ROLLEN,
    Beleidsvoorstel,
    Belofte,
    Besluitstap,
    Betrokkenheid,
    Bevinding,
    Opdracht,
    Teruggave,
    Toetsvoorwaarde,
    Uitvoeringstoets,
)

_NIET_HAALBAAR = Q(
    beloften__bevindingen__haalbaarheid=Haalbaarheid.NIET_HAALBAAR,
    beloften__bevindingen__toets__status=Toetsstatus.GEPUBLICEERD,
)


def voorstellen(*, ministerie: Organisatie | None = None) -> QuerySet[Beleidsvoorstel]:
    """All proposals, newest first, with their current step and how many promises an executor
    called not feasible (the flag is shown wherever the proposal is)."""
    qs = Beleidsvoorstel.objects.select_related("ministerie", "beleidsteam").annotate(
        niet_haalbaar=Count("beloften", filter=_NIET_HAALBAAR, distinct=True),
        aantal_toetsen=Count(
            "toetsen", filter=Q(toetsen__status=Toetsstatus.GEPUBLICEERD), distinct=True
        ),
    )
    if ministerie is not None:
        qs = qs.filter(ministerie=ministerie)
    # Meta.ordering does not apply to an aggregated query.
    return qs.order_by("-aangemaakt", "-pk").prefetch_related(
        Prefetch(
            "stappen",
            queryset=Besluitstap.objects.filter(status=Stapstatus.ACTIEF),
            to_attr="actieve_stappen",
        )
    )


def voorstellen_van(*, user: Gebruiker) -> QuerySet[Beleidsvoorstel]:
    """The proposals of the person's ministries and those their organisations are involved in."""
    orgs = {lid.organisatie_id for lid in user.actieve_lidmaatschappen()}
    # A subquery, so the many-to-many join does not multiply the counts of `voorstellen`.
    eigen = Beleidsvoorstel.objects.filter(
        Q(ministerie_id__in=orgs) | Q(betrokken_organisaties__in=orgs)
    ).values("pk")
    return voorstellen().filter(pk__in=eigen)


def voorstel_detail(*, pk: int) -> Beleidsvoorstel:
    voorstel = (
        Beleidsvoorstel.objects.select_related("ministerie", "beleidsteam")
        .prefetch_related(
            "betrokken_organisaties",
            # What citizens are entitled to now, per regulation (kennisbank, P1).
            Prefetch(
                "regelingen",
                queryset=Regeling.objects.prefetch_related(
                    Prefetch(
                        "rechten",
                        queryset=Rechtuitspraak.objects.select_related("artikel").order_by(
                            "soort", "volgorde"
                        ),
                    )
                ),
            ),
            "bijlagen",
            Prefetch(
                "stappen",
                queryset=Besluitstap.objects.prefetch_related(
                    Prefetch(
                        "betrokkenen",
                        queryset=Betrokkenheid.objects.select_related(
                            "organisatie", "verzoek"
                        ).order_by("organisatie__naam"),
                    )
                ),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if voorstel is None:
        raise Http404(_("Dit beleidsvoorstel bestaat niet."))
    return voorstel


@dataclass
class BelofteMetVlag:
    """A promise with the findings of the published toetsen; flagged when an executor calls
    it not feasible (P1)."""

    belofte: Belofte
    bevindingen: list[Bevinding] = field(default_factory=list)

    @property
    def vlag(self) -> bool:
        return any(b.haalbaarheid == Haalbaarheid.NIET_HAALBAAR for b in self.bevindingen)


def beloften_met_vlag(*, voorstel: Beleidsvoorstel) -> list[BelofteMetVlag]:
    beloften = list(
        voorstel.beloften.prefetch_related(
            Prefetch(
                "bevindingen",
                queryset=Bevinding.objects.filter(toets__status=Toetsstatus.GEPUBLICEERD)
                .select_related("toets__organisatie")
                .order_by("toets__organisatie__naam"),
            )
        )
    )
    return [BelofteMetVlag(belofte=b, bevindingen=list(b.bevindingen.all())) for b in beloften]


def aantal_niet_haalbaar(*, voorstel_id: int | None) -> int:
    """How many promises of a proposal an executor called not feasible (for the flag where
    the proposal is named on another page)."""
    if voorstel_id is None:
        return 0
    return (
        Belofte.objects.filter(
            voorstel_id=voorstel_id,
            bevindingen__haalbaarheid=Haalbaarheid.NIET_HAALBAAR,
            bevindingen__toets__status=Toetsstatus.GEPUBLICEERD,
        )
        .distinct()
        .count()
    )


def _toets_qs() -> QuerySet[Uitvoeringstoets]:
    return Uitvoeringstoets.objects.select_related(
        "voorstel__ministerie", "organisatie", "perspectieven"
    ).prefetch_related(
        Prefetch(
            "voorwaarden",
            queryset=Toetsvoorwaarde.objects.select_related("verzoek"),
        ),
        Prefetch(
            "bevindingen",
            queryset=Bevinding.objects.select_related("belofte").order_by("belofte__volgorde"),
        ),
    )


def gepubliceerde_toetsen(*, voorstel: Beleidsvoorstel | None = None) -> QuerySet[Uitvoeringstoets]:
    qs = _toets_qs().filter(status=Toetsstatus.GEPUBLICEERD)
    if voorstel is not None:
        qs = qs.filter(voorstel=voorstel)
    return qs.order_by("-gepubliceerd_op", "organisatie__naam", "pk")


def gepubliceerde_toets(*, pk: int) -> Uitvoeringstoets:
    toets = gepubliceerde_toetsen().filter(pk=pk).first()
    if toets is None:
        raise Http404(_("Deze uitvoeringstoets bestaat niet of is nog niet gepubliceerd."))
    return toets


def toets_van(*, voorstel: Beleidsvoorstel, organisatie: Organisatie) -> Uitvoeringstoets | None:
    return _toets_qs().filter(voorstel=voorstel, organisatie=organisatie).first()


def toets_organisaties(*, user: Gebruiker, voorstel: Beleidsvoorstel) -> list[Organisatie]:
    """The organisations concerned with the proposal for which this person may write the toets."""
    eigen = {
        lid.organisatie_id for lid in user.actieve_lidmaatschappen() if lid.rol in TOETS_ROLLEN
    }
    return [o for o in voorstel.betrokken_organisaties.all() if o.pk in eigen]


def _opdracht_qs() -> QuerySet[Opdracht]:
    return Opdracht.objects.select_related(
        "ministerie", "uitvoerder", "beleidsteam", "voorstel"
    ).prefetch_related(
        Prefetch(
            "teruggaven",
            queryset=Teruggave.objects.select_related("verzoek__verantwoordelijke_organisatie")
            .prefetch_related("beginselen")
            .order_by("-teruggegeven_op", "-pk"),
        )
    )


def opdrachten(*, user: Gebruiker) -> QuerySet[Opdracht]:
    """The assignments of the person's ministries and executive organisations."""
    orgs = {lid.organisatie_id for lid in user.actieve_lidmaatschappen()}
    return _opdracht_qs().filter(Q(ministerie_id__in=orgs) | Q(uitvoerder_id__in=orgs))


def opdracht_detail(*, user: Gebruiker, pk: int) -> Opdracht:
    opdracht = _opdracht_qs().filter(pk=pk).first()
    if opdracht is None or not policy.allows(user, "opdracht.bekijken", opdracht):
        raise Http404(_("Deze opdracht bestaat niet, of u hebt er geen toegang toe."))
    return opdracht


def openbare_opdrachten() -> QuerySet[Opdracht]:
    """Every assignment is public; a return's content only when not withheld under the Woo
    (the template shows the ground instead)."""
    return _opdracht_qs()


def openbare_opdracht(*, pk: int) -> Opdracht:
    opdracht = _opdracht_qs().filter(pk=pk).first()
    if opdracht is None:
        raise Http404(_("Deze opdracht bestaat niet."))
    return opdracht


# --- open data ---------------------------------------------------------------------------------

OPEN_DATA_VELDEN: tuple[str, ...] = (
    "kenmerk",
    "voorstel",
    "voorstel_titel",
    "ministerie",
    "uitvoerder",
    "oordeel",
    "gepubliceerd_op",
    "uitvoerbaarheid",
    "handhaafbaarheid",
    "doenvermogen",
    "gevolgen_burgers",
    "capaciteit_kosten",
    "kosten_eenmalig",
    "kosten_structureel",
    "ict_wijzigingen",
    "invoeringsdatum_haalbaar",
    "vroegst_haalbare_datum",
    "ondergrenzen",
    "samenvatting",
    "voorwaarden",
    "niet_haalbare_beloften",
)


def toets_als_record(toets: Uitvoeringstoets) -> dict[str, Any]:
    """One published toets as open data (JSON and CSV use the same record)."""
    return {
        "kenmerk": toets.kenmerk,
        "voorstel": toets.voorstel.kenmerk,
        "voorstel_titel": toets.voorstel.titel,
        "ministerie": toets.voorstel.ministerie.naam,
        "uitvoerder": toets.organisatie.naam,
        "oordeel": toets.oordeel,
        "gepubliceerd_op": toets.gepubliceerd_op.isoformat() if toets.gepubliceerd_op else None,
        "uitvoerbaarheid": toets.uitvoerbaarheid,
        "handhaafbaarheid": toets.handhaafbaarheid,
        "doenvermogen": toets.doenvermogen,
        "gevolgen_burgers": toets.gevolgen_burgers,
        "capaciteit_kosten": toets.capaciteit_kosten,
        "kosten_eenmalig": int(toets.kosten_eenmalig)
        if toets.kosten_eenmalig is not None
        else None,
        "kosten_structureel": (
            int(toets.kosten_structureel) if toets.kosten_structureel is not None else None
        ),
        "ict_wijzigingen": toets.ict_wijzigingen,
        "invoeringsdatum_haalbaar": toets.invoeringsdatum_haalbaar,
        "vroegst_haalbare_datum": (
            toets.vroegst_haalbare_datum.isoformat() if toets.vroegst_haalbare_datum else None
        ),
        "ondergrenzen": toets.ondergrenzen,
        "samenvatting": toets.samenvatting,
        "voorwaarden": [
            {"tekst": v.tekst, "antwoord": v.antwoord or None} for v in toets.voorwaarden.all()
        ],
        "niet_haalbare_beloften": [
            b.belofte.tekst
            for b in toets.bevindingen.all()
            if b.haalbaarheid == Haalbaarheid.NIET_HAALBAAR
        ],
    }


# --- track record (M3) -------------------------------------------------------------------------


@dataclass
class Trackrecord:
    """What a policy team's work met in execution: for conversation, not a ranking."""

    team: Eenheid
    voorstellen: int = 0
    oordelen: dict[str, int] = field(default_factory=lambda: {o: 0 for o in Toetsoordeel.values})
    voorwaarden: dict[str, int] = field(
        default_factory=lambda: {a: 0 for a in Voorwaardeantwoord.values}
    )
    niet_haalbare_beloften: int = 0
    opdrachten: int = 0
    teruggaven: dict[str, int] = field(
        default_factory=lambda: {u: 0 for u in Teruggaveuitkomst.values}
    )
    inbreng: dict[str, int] = field(
        default_factory=lambda: {s: 0 for s in Betrokkenheidstatus.values}
    )
    # On the regulations named on the team's proposals: what professionals signalled and what
    # executors contested (a regulation on proposals of two teams counts for both).
    signalen: int = 0
    aanvechtingen: int = 0

    @property
    def toetsen(self) -> int:
        return sum(self.oordelen.values())

    @property
    def aantal_voorwaarden(self) -> int:
        return sum(self.voorwaarden.values())

    @property
    def aantal_teruggaven(self) -> int:
        return sum(self.teruggaven.values())

    @property
    def aantal_inbreng(self) -> int:
        return sum(self.inbreng.values())

    def rijen(self) -> list[dict[str, Any]]:
        """Rows for the charts: label, value and maximum (a <meter> per row)."""
        rijen: list[dict[str, Any]] = []
        for code, label in Betrokkenheidstatus.choices:
            rijen.append(
                {
                    "groep": _("Inbreng bij belangrijke stappen"),
                    "label": label,
                    "waarde": self.inbreng[code],
                    "max": max(self.aantal_inbreng, 1),
                }
            )
        for code, label in Toetsoordeel.choices:
            rijen.append(
                {
                    "groep": _("Oordelen in uitvoeringstoetsen"),
                    "label": label,
                    "waarde": self.oordelen[code],
                    "max": max(self.toetsen, 1),
                }
            )
        for code, label in Voorwaardeantwoord.choices:
            rijen.append(
                {
                    "groep": _("Antwoorden op voorwaarden"),
                    "label": label,
                    "waarde": self.voorwaarden[code],
                    "max": max(self.aantal_voorwaarden, 1),
                }
            )
        for code, label in Teruggaveuitkomst.choices:
            rijen.append(
                {
                    "groep": _("Teruggegeven opdrachten"),
                    "label": label,
                    "waarde": self.teruggaven[code],
                    "max": max(self.aantal_teruggaven, 1),
                }
            )
        return rijen


def trackrecord() -> list[Trackrecord]:
    """Per policy team (a unit of a ministry named on proposals or assignments): the verdicts
    of the published toetsen, the answers to their conditions, promises called not feasible
    assignments handed back, how often the team went on without an executor's input, and the
    signals and aanvechtingen on the regulations of its proposals. A fixed number of queries,
    whatever the size."""
    teams: dict[int, Trackrecord] = {}

    def team(eenheid: Eenheid) -> Trackrecord:
        return teams.setdefault(eenheid.pk, Trackrecord(team=eenheid))

    for voorstel in Beleidsvoorstel.objects.filter(beleidsteam__isnull=False).select_related(
        "beleidsteam__organisatie"
    ):
        assert voorstel.beleidsteam is not None
        team(voorstel.beleidsteam).voorstellen += 1
    eenheden = {e.pk: e for e in Eenheid.objects.filter(pk__in=teams).select_related("organisatie")}
    oordelen = (
        Uitvoeringstoets.objects.filter(
            status=Toetsstatus.GEPUBLICEERD, voorstel__beleidsteam__isnull=False
        )
        .values("voorstel__beleidsteam", "oordeel")
        .annotate(n=Count("pk"))
    )
    for rij in oordelen:
        teams[rij["voorstel__beleidsteam"]].oordelen[rij["oordeel"]] += rij["n"]
    for rij in (
        Toetsvoorwaarde.objects.filter(
            toets__status=Toetsstatus.GEPUBLICEERD, toets__voorstel__beleidsteam__isnull=False
        )
        .values("toets__voorstel__beleidsteam", "antwoord")
        .annotate(n=Count("pk"))
    ):
        teams[rij["toets__voorstel__beleidsteam"]].voorwaarden[rij["antwoord"]] += rij["n"]
    for rij in (
        Bevinding.objects.filter(
            toets__status=Toetsstatus.GEPUBLICEERD,
            haalbaarheid=Haalbaarheid.NIET_HAALBAAR,
            belofte__voorstel__beleidsteam__isnull=False,
        )
        .values("belofte__voorstel__beleidsteam")
        .annotate(n=Count("belofte", distinct=True))
    ):
        teams[rij["belofte__voorstel__beleidsteam"]].niet_haalbare_beloften += rij["n"]
    for rij in (
        Betrokkenheid.objects.filter(
            stap__voorstel__beleidsteam__isnull=False, verzoek__isnull=False
        )
        .values("stap__voorstel__beleidsteam", "status")
        .annotate(n=Count("pk"))
    ):
        teams[rij["stap__voorstel__beleidsteam"]].inbreng[rij["status"]] += rij["n"]
    opdracht_teams: dict[int, int] = defaultdict(int)
    for rij in (
        Opdracht.objects.filter(beleidsteam__isnull=False)
        .values("beleidsteam")
        .annotate(n=Count("pk"))
    ):
        opdracht_teams[rij["beleidsteam"]] = rij["n"]
    ontbrekend = set(opdracht_teams) - set(teams)
    if ontbrekend:
        for e in Eenheid.objects.filter(pk__in=ontbrekend).select_related("organisatie"):
            team(e)
    for pk, n in opdracht_teams.items():
        teams[pk].opdrachten = n
    for rij in (
        Teruggave.objects.filter(opdracht__beleidsteam__isnull=False)
        .values("opdracht__beleidsteam", "uitkomst")
        .annotate(n=Count("pk"))
    ):
        teams[rij["opdracht__beleidsteam"]].teruggaven[rij["uitkomst"]] += rij["n"]
    regelingen_per_team: dict[int, set[int]] = defaultdict(set)
    for team_pk, regeling_pk in Beleidsvoorstel.regelingen.through.objects.filter(
        beleidsvoorstel__beleidsteam__isnull=False
    ).values_list("beleidsvoorstel__beleidsteam", "regeling"):
        regelingen_per_team[team_pk].add(regeling_pk)
    alle = set().union(*regelingen_per_team.values()) if regelingen_per_team else set()
    signalen = signalen_selectors.aantallen_per_regeling(alle)
    aanvechtingen = afwijkingen_selectors.aanvechtingen_per_regeling(alle)
    for team_pk, regs in regelingen_per_team.items():
        teams[team_pk].signalen = sum(signalen.get(r, 0) for r in regs)
        teams[team_pk].aanvechtingen = sum(aanvechtingen.get(r, 0) for r in regs)
    for pk, record in teams.items():
        if pk in eenheden:
            record.team = eenheden[pk]
    return sorted(teams.values(), key=lambda t: (t.team.organisatie.naam, t.team.naam))


def niet_haalbare_beloften(*, regeling_ids: list[int]) -> dict[int, list[Belofte]]:
    """Per regulation, the promises of proposals on it that an executor called not feasible in
    a published toets (P1: promise nothing execution cannot keep). Public, like the proposals:
    one query, whatever the number of regulations. A promise on a proposal about several
    regulations appears under each of them."""
    uit: dict[int, list[Belofte]] = defaultdict(list)
    if not regeling_ids:
        return {}
    rijen = (
        Belofte.objects.filter(
            voorstel__regelingen__in=regeling_ids,
            bevindingen__haalbaarheid=Haalbaarheid.NIET_HAALBAAR,
            bevindingen__toets__status=Toetsstatus.GEPUBLICEERD,
        )
        .select_related("voorstel__ministerie")
        .annotate(regeling_id=F("voorstel__regelingen"))
        .order_by("voorstel_id", "volgorde", "pk")
        .distinct()
    )
    for belofte in rijen:
        lijst = uit[belofte.regeling_id]
        if all(b.pk != belofte.pk for b in lijst):
            lijst.append(belofte)
    return dict(uit)


# --- aggregates for the Stand van de uitvoering (seed action P3) ------------------------------


def teruggavetellingen(
    *,
    organisatie_ids: Iterable[int] | None,
    van: dt.date,
    tot: dt.date,
    vandaag: dt.date | None = None,
) -> dict[int, dict[str, Any]]:
    """Per executive organisation the assignments it handed back in the period: counted per
    outcome (`uitkomst`) and per reason, and how the ministry's answers fared (an
    `Antwoordtelling` under "antwoorden"). One grouped query."""
    vandaag = vandaag or timezone.localdate()
    qs = Teruggave.objects.filter(teruggegeven_op__gte=van, teruggegeven_op__lte=tot)
    if organisatie_ids is not None:
        qs = qs.filter(opdracht__uitvoerder_id__in=list(organisatie_ids))
    uitkomst: dict[int, dict[str, Any]] = {}
    for rij in (
        qs.annotate(**antwoordvelden("verzoek_id", vandaag))
        .values("opdracht__uitvoerder_id", "uitkomst", "reden", *ANTWOORDVELDEN)
        .annotate(n=Count("pk"))
        .order_by()
    ):
        org = uitkomst.setdefault(
            rij["opdracht__uitvoerder_id"],
            {"uitkomsten": {}, "redenen": {}, "antwoorden": Antwoordtelling()},
        )
        org["uitkomsten"][rij["uitkomst"]] = org["uitkomsten"].get(rij["uitkomst"], 0) + rij["n"]
        org["redenen"][rij["reden"]] = org["redenen"].get(rij["reden"], 0) + rij["n"]
        tel_antwoordrij(org["antwoorden"], rij, rij["n"])
    return uitkomst


def toetstellingen(
    *, organisatie_ids: Iterable[int] | None, van: dt.date, tot: dt.date
) -> dict[int, dict[str, int]]:
    """Per executive organisation the uitvoeringstoetsen it published in the period, counted
    per verdict (`oordeel`). One grouped query."""
    qs = Uitvoeringstoets.objects.filter(
        status=Toetsstatus.GEPUBLICEERD, gepubliceerd_op__gte=van, gepubliceerd_op__lte=tot
    )
    if organisatie_ids is not None:
        qs = qs.filter(organisatie_id__in=list(organisatie_ids))
    uitkomst: dict[int, dict[str, int]] = {}
    for org_id, oordeel, n in (
        qs.values("organisatie_id", "oordeel")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("organisatie_id", "oordeel", "n")
    ):
        uitkomst.setdefault(org_id, {})[oordeel] = n
    return uitkomst

"""Permission-aware reads of the dienstverlening app, and the analysis that joins the series
with the fitted model: lower-bound breaches per indicator, projections per scenario, the
keuzenota's options, and the comparison of employment conditions (M4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import mean
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404

from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.models import Gebruiker, Organisatie

from . import model as stat
from .constants import ONDERWERP_EENHEID, Onderwerp, Richting
from .models import (
    MINISTERIE_LEZERS,
    Arbeidsvoorwaarde,
    Dienst,
    Indicator,
    Keuzenota,
    Meting,
    Middelen,
    Ondergrens,
    Scenario,
    Waardenafweging,
)


def zichtbare_diensten(*, user: Gebruiker) -> QuerySet[Dienst]:
    """Services of the person's own organisations, and of the executors of a ministry where
    they hold a deciding role."""
    if not user.is_authenticated:
        return Dienst.objects.none()
    leden = user.actieve_lidmaatschappen()
    eigen = {lid.organisatie_id for lid in leden}
    ministeries = {lid.organisatie_id for lid in leden if lid.rol in MINISTERIE_LEZERS}
    return (
        Dienst.objects.filter(
            Q(organisatie_id__in=eigen) | Q(organisatie__eigenaar_ministerie_id__in=ministeries)
        )
        .select_related("organisatie", "organisatie__eigenaar_ministerie")
        .order_by("organisatie__naam", "naam")
    )


def onderschrijdingen_per_dienst(diensten: list[Dienst]) -> dict[int, int]:
    """Per service the number of actual values on the wrong side of their lower bound, in one
    query (the list page shows it for every service)."""
    slecht = Q(
        indicator__richting=Richting.HOGER_IS_BETER,
        waarde__lt=F("indicator__ondergrens__grens"),
    ) | Q(
        indicator__richting=Richting.LAGER_IS_BETER,
        waarde__gt=F("indicator__ondergrens__grens"),
    )
    rijen = (
        Meting.objects.filter(indicator__dienst__in=diensten, indicator__ondergrens__isnull=False)
        .filter(slecht)
        .values("indicator__dienst")
        .annotate(aantal=Count("pk"))
    )
    return {r["indicator__dienst"]: r["aantal"] for r in rijen}


def dienst(*, user: Gebruiker, pk: int) -> Dienst:
    """One service the person may see, else 404 (its existence is not revealed)."""
    obj = zichtbare_diensten(user=user).filter(pk=pk).first()
    if obj is None or not policy.allows(user, "dienstverlening.bekijken", obj):
        raise Http404
    return obj


def scenario(*, user: Gebruiker, pk: int) -> Scenario:
    obj = Scenario.objects.select_related("dienst").filter(pk=pk).first()
    if obj is None:
        raise Http404
    dienst(user=user, pk=obj.dienst_id)
    return obj


def keuzenota(*, user: Gebruiker, pk: int) -> Keuzenota:
    obj = Keuzenota.objects.select_related("dienst", "geadviseerd", "opgesteld_door").filter(pk=pk)
    gevonden = obj.first()
    if gevonden is None:
        raise Http404
    dienst(user=user, pk=gevonden.dienst_id)
    return gevonden


def indicator(*, user: Gebruiker, pk: int) -> Indicator:
    obj = Indicator.objects.select_related("dienst").filter(pk=pk).first()
    if obj is None:
        raise Http404
    dienst(user=user, pk=obj.dienst_id)
    return obj


# --- analysis --------------------------------------------------------------------------------


@dataclass
class Punt:
    periode: dt.date
    waarde: float
    onder_grens: bool


@dataclass
class Indicatoranalyse:
    indicator: Indicator
    ondergrens: Ondergrens | None
    punten: list[Punt]
    fit: stat.Fit

    @property
    def onderschrijdingen(self) -> list[Punt]:
        return [p for p in self.punten if p.onder_grens]

    @property
    def aantal_onderschrijdingen(self) -> int:
        return len(self.onderschrijdingen)

    @property
    def laatste(self) -> Punt | None:
        return self.punten[-1] if self.punten else None


@dataclass
class Dienstanalyse:
    dienst: Dienst
    middelen: list[Middelen]
    indicatoren: list[Indicatoranalyse] = field(default_factory=list)

    @property
    def laatste_middelen(self) -> Middelen | None:
        return self.middelen[-1] if self.middelen else None

    @property
    def aantal_onderschrijdingen(self) -> int:
        return sum(a.aantal_onderschrijdingen for a in self.indicatoren)


def _ondergrens(ind: Indicator) -> Ondergrens | None:
    try:
        return ind.ondergrens
    except Ondergrens.DoesNotExist:
        return None


def analyse(d: Dienst) -> Dienstanalyse:
    """The series of a service, breaches of its lower bounds, and a fitted model per
    indicator. A fixed number of queries, whatever the number of indicators."""
    middelen = list(d.middelen.order_by("periode"))
    per_periode = {m.periode: m for m in middelen}
    indicatoren = list(
        d.indicatoren.select_related(
            "ondergrens", "ondergrens__vastgesteld_door", "ondergrens__beginsel"
        )
        .prefetch_related(Prefetch("metingen", queryset=Meting.objects.order_by("periode")))
        .order_by("naam")
    )
    uitkomst = Dienstanalyse(dienst=d, middelen=middelen)
    for ind in indicatoren:
        grens = _ondergrens(ind)
        punten = [
            Punt(
                periode=m.periode,
                waarde=m.waarde,
                onder_grens=grens is not None and ind.slechter_dan(m.waarde, grens.grens),
            )
            for m in ind.metingen.all()
        ]
        modelpunten = [
            stat.Punt(
                budget=float(per_periode[m.periode].budget),
                fte=float(per_periode[m.periode].fte),
                volume=float(per_periode[m.periode].volume),
                waarde=m.waarde,
            )
            for m in ind.metingen.all()
            if m.periode in per_periode
        ]
        uitkomst.indicatoren.append(
            Indicatoranalyse(
                indicator=ind, ondergrens=grens, punten=punten, fit=stat.fit(modelpunten)
            )
        )
    return uitkomst


@dataclass
class Indicatorprojectie:
    analyse: Indicatoranalyse
    projectie: stat.Projectie

    @property
    def indicator(self) -> Indicator:
        return self.analyse.indicator

    @property
    def ondergrens(self) -> Ondergrens | None:
        return self.analyse.ondergrens

    @property
    def breekt(self) -> bool:
        """The projected value itself is on the wrong side of the lower bound."""
        g, p = self.ondergrens, self.projectie
        return (
            g is not None
            and p.waarde is not None
            and self.indicator.slechter_dan(p.waarde, g.grens)
        )

    @property
    def risico(self) -> bool:
        """The projection keeps the bound, but its band crosses it."""
        g, p = self.ondergrens, self.projectie
        if g is None or p.laag is None or p.hoog is None or self.breekt:
            return False
        return self.indicator.slechter_dan(p.laag, g.grens) or self.indicator.slechter_dan(
            p.hoog, g.grens
        )

    @property
    def kans(self) -> float | None:
        if self.ondergrens is None:
            return None
        return self.projectie.kans_slechter_dan(
            self.ondergrens.grens,
            hoger_is_beter=self.indicator.richting == Richting.HOGER_IS_BETER,
        )


@dataclass
class Scenarioprojectie:
    scenario: Scenario
    indicatoren: list[Indicatorprojectie]

    @property
    def gebroken(self) -> list[Indicatorprojectie]:
        return [i for i in self.indicatoren if i.breekt]

    @property
    def risicos(self) -> list[Indicatorprojectie]:
        return [i for i in self.indicatoren if i.risico]

    @property
    def onbekend(self) -> list[Indicatorprojectie]:
        return [i for i in self.indicatoren if not i.projectie.bruikbaar]

    @property
    def afwegingen(self) -> list[Waardenafweging]:
        return list(waardenafwegingen(self.scenario))


def projecteer(s: Scenario, a: Dienstanalyse) -> Scenarioprojectie:
    invoer = stat.Invoer(budget=float(s.budget), fte=float(s.fte), volume=float(s.volume))
    laatste = a.laatste_middelen
    vorige = (
        stat.Invoer(
            budget=float(laatste.budget), fte=float(laatste.fte), volume=float(laatste.volume)
        )
        if laatste
        else None
    )
    return Scenarioprojectie(
        scenario=s,
        indicatoren=[
            Indicatorprojectie(
                analyse=ia, projectie=stat.projecteer(ia.fit, invoer, laatste=vorige)
            )
            for ia in a.indicatoren
        ],
    )


def waardenafwegingen(s: Scenario) -> QuerySet[Waardenafweging]:
    return s.waardenafwegingen.select_related("perspectieven", "vastgelegd_door").order_by(
        "vastgelegd_op", "pk"
    )


def opties_nu(
    dienst: Dienst, opties: list[Scenario]
) -> tuple[Dienstanalyse, list[Scenarioprojectie]]:
    """The options of a keuzenota projected with today's data, cheapest first."""
    a = analyse(dienst)
    return a, [projecteer(o, a) for o in sorted(opties, key=lambda o: (o.budget, o.pk))]


def keuzenota_opties(nota: Keuzenota) -> tuple[Any, list[Any]]:
    """The options as they were when the note was drawn up (its snapshot)."""
    from . import momentopname

    if nota.momentopname:
        return momentopname.lees(nota)
    return opties_nu(nota.dienst, list(nota.opties.all()))


# --- employment conditions (M4) --------------------------------------------------------------


@dataclass
class Vergelijkingsregel:
    onderwerp: Onderwerp
    eenheid: str
    referentie: Decimal | None  # mean of the ministries
    waarden: list[tuple[Organisatie, Arbeidsvoorwaarde | None, Decimal | None]]

    @property
    def label(self) -> str:
        return str(self.onderwerp.label)

    @property
    def aantal_achter(self) -> int:
        return sum(1 for _o, _a, verschil in self.waarden if verschil is not None and verschil < 0)


@dataclass
class Vergelijking:
    organisaties: list[Organisatie]
    regels: list[Vergelijkingsregel]

    @property
    def aantal_achter(self) -> int:
        return sum(r.aantal_achter for r in self.regels)


def vergelijking(*, organisaties: list[Organisatie] | None = None) -> Vergelijking:
    """Employment conditions side by side: ministries first, then executors and
    co-governments. The gap of an executor is its value minus the mean of the ministries
    (every topic is 'more is better'). Two queries."""
    qs = Organisatie.objects.filter(arbeidsvoorwaarden__isnull=False).distinct()
    if organisaties is not None:
        qs = qs.filter(pk__in=[o.pk for o in organisaties])
    orgs = sorted(qs, key=lambda o: (o.soort != OrganisatieSoort.MINISTERIE, o.naam))
    rijen: dict[tuple[int, str], Arbeidsvoorwaarde] = {
        (a.organisatie_id, a.onderwerp): a
        for a in Arbeidsvoorwaarde.objects.filter(organisatie__in=orgs)
    }
    regels: list[Vergelijkingsregel] = []
    for onderwerp in Onderwerp:
        ministerie_waarden = [
            rijen[(o.pk, onderwerp)].waarde
            for o in orgs
            if o.soort == OrganisatieSoort.MINISTERIE and (o.pk, onderwerp) in rijen
        ]
        referentie = (
            Decimal(mean(ministerie_waarden)).quantize(Decimal("0.01"))
            if ministerie_waarden
            else None
        )
        waarden: list[tuple[Organisatie, Arbeidsvoorwaarde | None, Decimal | None]] = []
        for o in orgs:
            av = rijen.get((o.pk, onderwerp))
            verschil = None
            if av is not None and referentie is not None and o.soort != OrganisatieSoort.MINISTERIE:
                verschil = av.waarde - referentie
            waarden.append((o, av, verschil))
        if any(av is not None for _o, av, _v in waarden):
            regels.append(
                Vergelijkingsregel(
                    onderwerp=onderwerp,
                    eenheid=ONDERWERP_EENHEID[onderwerp],
                    referentie=referentie,
                    waarden=waarden,
                )
            )
    return Vergelijking(organisaties=orgs, regels=regels)


def arbeidsvoorwaarden() -> QuerySet[Arbeidsvoorwaarde]:
    return Arbeidsvoorwaarde.objects.select_related("organisatie").order_by(
        "organisatie__naam", "onderwerp"
    )


def beheerbare_organisaties(*, user: Gebruiker, actie: str) -> list[Organisatie]:
    ids = policy.organisaties_met_rol(user, policy.regel(actie).rollen)
    return list(Organisatie.objects.filter(pk__in=ids).order_by("naam"))


# --- aggregates for the Stand van de uitvoering (seed action P3) ------------------------------


def _onder_grens() -> Q:
    return Q(
        indicator__richting=Richting.HOGER_IS_BETER,
        waarde__lt=F("indicator__ondergrens__grens"),
    ) | Q(
        indicator__richting=Richting.LAGER_IS_BETER,
        waarde__gt=F("indicator__ondergrens__grens"),
    )


def onderschrijdingen_per_indicator(
    *, organisatie_id: int, van: dt.date, tot: dt.date
) -> list[dict[str, Any]]:
    """Per indicator with a lower bound of the organisation's services: how many of its
    measurements in the period fell on the wrong side of the bound, of how many. Only
    indicators with at least one breach; worst first. One grouped query."""
    return list(
        Meting.objects.filter(
            indicator__dienst__organisatie_id=organisatie_id,
            indicator__ondergrens__isnull=False,
            periode__gte=van,
            periode__lte=tot,
        )
        .values(
            "indicator_id",
            "indicator__naam",
            "indicator__dienst__naam",
            "indicator__ondergrens__grens",
            "indicator__eenheid",
        )
        .annotate(metingen=Count("pk"), onder=Count("pk", filter=_onder_grens()))
        .filter(onder__gt=0)
        .order_by("-onder", "indicator__dienst__naam", "indicator__naam")
    )


def onderschrijdingtellingen(
    *, organisatie_ids: list[int] | None, van: dt.date, tot: dt.date
) -> dict[int, int]:
    """Per organisation the number of measurements in the period on the wrong side of their
    lower bound (`organisatie_ids` None: every organisation). One grouped query."""
    qs = Meting.objects.filter(
        _onder_grens(), indicator__ondergrens__isnull=False, periode__gte=van, periode__lte=tot
    )
    if organisatie_ids is not None:
        qs = qs.filter(indicator__dienst__organisatie_id__in=organisatie_ids)
    return dict(
        qs.values("indicator__dienst__organisatie_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("indicator__dienst__organisatie_id", "n")
    )

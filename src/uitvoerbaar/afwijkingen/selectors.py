"""Permission-aware reads of deviations, contests and case deliberations. Every function takes
the asking person and shows only what the policy allows: the own organisation's records in
full, other organisations' decided deviations only when they share them, and then anonymised."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.core.paginering import begrensd_aantal
from uitvoerbaar.kennisbank.models import Afwijkingsgrond, Artikel, Beginsel, Regeling
from uitvoerbaar.kennisbank.voorbeelden import Voorbeeld
from uitvoerbaar.kennisbank.zoeken import zoekwoorden
from uitvoerbaar.responsplicht.constants import Antwoordsoort
from uitvoerbaar.responsplicht.models import Reactie
from uitvoerbaar.responsplicht.selectors import periode_grenzen

from . import precedenten
from .constants import (
    AanvechtingStatus,
    AfwijkingStatus,
    Beslissing,
    Huishouden,
    Inkomensband,
    Knelpunt,
)
from .gelijkenis import DREMPEL, Casus, gewichten, score, tokens, trigrammen
from .models import Aanvechting, Afwijking, Afwijkingsinstelling, Casusberaad
from .services import ONDERWERP_AANVECHTING, gronden_voor
from .transitions import BESLIST, GOEDGEKEURD

WIJZER_BESTAND = Path(__file__).resolve().parent / "data" / "wijzer.json"
# An aanvechting in these states makes a new proposal for the same article pointless: it is
# still waiting for an answer, or the ministry promised to change the rule (pas toe).
LOPENDE_AANVECHTING = (
    AanvechtingStatus.INGEDIEND,
    AanvechtingStatus.GEESCALEERD,
    AanvechtingStatus.ONBEANTWOORD,
    AanvechtingStatus.PAS_TOE,
)


def organisatie_ids(user: Any, actie: str) -> list[int]:
    """The organisations where `user` holds a role that the action allows."""
    return sorted(policy.organisaties_met_rol(user, policy.regel(actie).rollen))


def organisaties(user: Any, actie: str) -> list[Organisatie]:
    return list(Organisatie.objects.filter(pk__in=organisatie_ids(user, actie)).order_by("naam"))


# --- deviations ----------------------------------------------------------------------------------


def _afwijkingen() -> QuerySet[Afwijking]:
    return Afwijking.objects.select_related(
        "organisatie",
        "regeling",
        "artikel__regeling",
        "grond",
        "geregistreerd_door",
        "beoordeeld_door",
    )


def afwijkingen(
    *, user: Gebruiker, status: str = "", regeling: str = "", artikel_id: int | None = None
) -> QuerySet[Afwijking]:
    """The deviations of the person's own organisations, newest first."""
    qs = _afwijkingen().filter(organisatie_id__in=organisatie_ids(user, "afwijking.bekijken"))
    if status:
        qs = qs.filter(status=status)
    if regeling:
        qs = qs.filter(regeling__code=regeling)
    if artikel_id is not None:
        qs = qs.filter(artikel_id=artikel_id)
    return qs.order_by("-aangemaakt", "-pk")


def te_beoordelen(*, user: Gebruiker) -> QuerySet[Afwijking]:
    """Submitted deviations this person may decide on: four eyes (not their own), and above
    the organisation's threshold only where the person is in the bestuur."""
    bestuur = sorted(policy.organisaties_met_rol(user, {"bestuur"}))
    return (
        _afwijkingen()
        .filter(
            organisatie_id__in=organisatie_ids(user, "afwijking.beoordelen"),
            status=AfwijkingStatus.TER_BEOORDELING,
        )
        .filter(Q(bestuur_vereist=False) | Q(organisatie_id__in=bestuur))
        .exclude(geregistreerd_door=user)
        .order_by("ingediend_op", "pk")
    )


def eenheid_van(user: Gebruiker, organisatie: Organisatie) -> Eenheid | None:
    """The person's unit in the organisation, when they hold their roles there in one unit."""
    eenheden = {
        lid.eenheid_id: lid.eenheid
        for lid in user.actieve_lidmaatschappen()
        if lid.organisatie_id == organisatie.pk
    }
    if len(eenheden) == 1:
        return next(iter(eenheden.values()))
    return None


def aantal_te_beoordelen(user: Any, *, grens: int) -> int:
    """For the menu: how many submitted deviations wait for this person's decision, counted
    up to `grens + 1`."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return begrensd_aantal(te_beoordelen(user=user), grens)


def regelingen_met_afwijkingen(*, user: Gebruiker) -> QuerySet[Regeling]:
    """The regulations with decided deviations in the person's organisations, for the links
    to the consistency report."""
    return (
        Regeling.objects.filter(
            afwijkingen__organisatie_id__in=organisatie_ids(user, "afwijking.consistentie"),
            afwijkingen__status__in=list(BESLIST),
        )
        .distinct()
        .order_by("naam")
    )


def afwijking_detail(*, user: Gebruiker, pk: int) -> Afwijking:
    """One deviation; 404 for anyone outside its organisation (its existence is not revealed)."""
    afwijking = (
        _afwijkingen()
        .select_related("perspectieven", "eenheid")
        .prefetch_related("beginselen", "aanvechtingen")
        .filter(pk=pk)
        .first()
    )
    if afwijking is None or not policy.allows(user, "afwijking.bekijken", afwijking):
        raise Http404(_("Deze afwijking bestaat niet, of u hebt er geen toegang toe."))
    return afwijking


def precedenten_voor(afwijking: Afwijking) -> list[precedenten.Precedent]:
    """The similar decided cases shown on a deviation: its own organisation's, and those that
    other organisations share (anonymised)."""
    return precedenten.voor_afwijking(afwijking)


def precedenten_voor_situatie(
    *,
    user: Gebruiker,
    artikel: Artikel,
    huishouden: str,
    inkomensband: str,
    knelpunt: str,
    tekst: str,
) -> list[precedenten.Precedent]:
    """The precedent lookup from the wijzer, before anything is registered: the situation as
    the professional describes it, against the decided cases of their organisations."""
    casus = Casus(
        huishouden=huishouden if huishouden in Huishouden.values else "",
        inkomensband=inkomensband if inkomensband in Inkomensband.values else "",
        knelpunt=knelpunt if knelpunt in Knelpunt.values else "",
        bedrag=None,
        grond_id=None,
        tokens=trigrammen(tokens([tekst])),
    )
    return precedenten.zoek(
        casus=casus,
        artikel_id=artikel.pk,
        organisatie_ids=organisatie_ids(user, "afwijking.bekijken"),
    )


def gelijkheidsalarm(
    afwijking: Afwijking, gevonden: Iterable[precedenten.Precedent]
) -> list[precedenten.Precedent]:
    """Similar own cases decided otherwise than this deviation asks (or was decided)."""
    beslissing = afwijking.beslissing or Beslissing.AFWIJKEN
    return precedenten.anders_beslist(gevonden, beslissing)


# --- the consistency report ----------------------------------------------------------------------


@dataclass(frozen=True)
class Inconsistentie:
    artikel: Artikel
    afwijking: Afwijking
    ander: Afwijking
    score: float
    gemotiveerd: bool


MAX_PER_ARTIKEL = 300


def consistentie(*, user: Gebruiker, regeling: Regeling) -> list[Inconsistentie]:
    """Pairs of similar decided cases on one article of the regulation that got different
    decisions, in the person's own organisations. Whether the later decision motivated the
    difference is shown: an unmotivated difference is the one to look at."""
    orgs = organisatie_ids(user, "afwijking.consistentie")
    beslist = list(
        _afwijkingen()
        .filter(regeling=regeling, organisatie_id__in=orgs, status__in=list(BESLIST))
        .order_by("artikel__volgorde", "beoordeeld_op", "pk")[: MAX_PER_ARTIKEL * 20]
    )
    per_artikel: dict[tuple[int, int], list[Afwijking]] = defaultdict(list)
    for a in beslist:
        per_artikel[(a.organisatie_id, a.artikel_id)].append(a)
    uitkomst: list[Inconsistentie] = []
    for groep in per_artikel.values():
        groep = groep[-MAX_PER_ARTIKEL:]
        casussen = [(a, a.als_casus()) for a in groep]
        idf = gewichten(c for _a, c in casussen)
        for i, (later, c1) in enumerate(casussen):
            for eerder, c2 in casussen[:i]:
                if later.beslissing == eerder.beslissing:
                    continue
                s = score(c1, c2, idf)
                if s >= DREMPEL:
                    uitkomst.append(
                        Inconsistentie(
                            artikel=later.artikel,
                            afwijking=later,
                            ander=eerder,
                            score=s,
                            gemotiveerd=bool(
                                later.verschil_motivering or later.beoordelaar_verschil_motivering
                            ),
                        )
                    )
    uitkomst.sort(key=lambda x: (x.gemotiveerd, -x.score))
    return uitkomst


# --- from practice to rule -----------------------------------------------------------------------


@dataclass
class Voorstel:
    """Repeated similar approved deviations on one article: "structureel — regel aanpassen"."""

    organisatie: Organisatie
    artikel: Artikel
    knelpunt: str
    afwijkingen: list[Afwijking] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return len(self.afwijkingen)

    @property
    def knelpunt_label(self) -> str:
        from .constants import Knelpunt

        return str(Knelpunt(self.knelpunt).label)


def structurele_voorstellen(*, user: Gebruiker) -> list[Voorstel]:
    """Per organisation of the person: articles with at least the organisation's threshold of
    approved deviations for the same kind of hardship, not yet contested (no aanvechting of
    that organisation on the article is running or was answered with pas toe)."""
    orgs = organisatie_ids(user, "aanvechting.indienen")
    if not orgs:
        return []
    groepen = (
        Afwijking.objects.filter(organisatie_id__in=orgs, status__in=list(GOEDGEKEURD))
        .values("organisatie_id", "artikel_id", "knelpunt")
        .annotate(aantal=Count("pk"))
        .filter(aantal__gte=2)
    )
    lopend = set(
        Aanvechting.objects.filter(
            organisatie_id__in=orgs, status__in=LOPENDE_AANVECHTING
        ).values_list("organisatie_id", "artikel_id")
    )
    drempels = dict(
        Afwijkingsinstelling.objects.filter(organisatie_id__in=orgs).values_list(
            "organisatie_id", "structureel_drempel"
        )
    )
    standaard = Afwijkingsinstelling().structureel_drempel
    sleutels = [
        (g["organisatie_id"], g["artikel_id"], g["knelpunt"])
        for g in groepen
        if (g["organisatie_id"], g["artikel_id"]) not in lopend
        and g["aantal"] >= drempels.get(g["organisatie_id"], standaard)
    ]
    if not sleutels:
        return []
    # The deviations of every proposal in one query (no query per proposal).
    per_sleutel: dict[tuple[int, int, str], list[Afwijking]] = {k: [] for k in sleutels}
    for a in (
        _afwijkingen()
        .filter(
            organisatie_id__in={k[0] for k in sleutels},
            artikel_id__in={k[1] for k in sleutels},
            status__in=list(GOEDGEKEURD),
        )
        .order_by("-beoordeeld_op", "-pk")
    ):
        lijst = per_sleutel.get((a.organisatie_id, a.artikel_id, a.knelpunt))
        if lijst is not None:
            lijst.append(a)
    return [
        Voorstel(lijst[0].organisatie, lijst[0].artikel, k[2], lijst)
        for k, lijst in per_sleutel.items()
    ]


# --- the afwijkingswijzer ------------------------------------------------------------------------


@cache
def _wijzer_data() -> dict[str, Any]:
    with WIJZER_BESTAND.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@dataclass
class WijzerGrond:
    grond: Afwijkingsgrond
    beginselen: list[Beginsel]


@dataclass
class Wijzer:
    artikel: Artikel
    gronden: list[WijzerGrond]
    altijd: list[Beginsel]
    richtlijnen: list[Casusberaad]
    goedgekeurd: int
    afgewezen: int

    @property
    def regeling(self) -> Regeling:
        return self.artikel.regeling


def wijzer(*, user: Gebruiker, artikel: Artikel) -> Wijzer:
    """What the afwijkingswijzer shows for an article, all from data: the legal bases of the
    kennisbank that hold for it (its own and the regulation-wide ones: a hardheidsclausule,
    art. 4:84 Awb for a policy rule, art. 3:4 lid 2 Awb), the principles at stake for each,
    the guidelines of the own organisation's casusberaden on this article, and how often the
    own organisation deviated here."""
    data = _wijzer_data()
    gronden = list(gronden_voor(artikel).select_related("artikel").order_by("volgorde", "pk"))
    codes = set(data["altijd"]) | {c for lijst in data["per_grond"].values() for c in lijst}
    beginselen = {b.code: b for b in Beginsel.objects.filter(code__in=codes)}

    def kies(lijst: Iterable[str]) -> list[Beginsel]:
        return [beginselen[c] for c in lijst if c in beginselen]

    orgs = organisatie_ids(user, "afwijking.bekijken")
    tellingen = dict(
        Afwijking.objects.filter(artikel=artikel, organisatie_id__in=orgs, status__in=list(BESLIST))
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return Wijzer(
        artikel=artikel,
        gronden=[WijzerGrond(g, kies(data["per_grond"].get(g.soort, []))) for g in gronden],
        altijd=kies(data["altijd"]),
        richtlijnen=list(
            richtlijnen(user=user).filter(
                Q(artikel=artikel) | Q(artikel__isnull=True, regeling_id=artikel.regeling_id)
            )[:20]
        ),
        goedgekeurd=sum(tellingen.get(s, 0) for s in GOEDGEKEURD),
        afgewezen=tellingen.get(AfwijkingStatus.AFGEWEZEN, 0),
    )


def artikel_voor_wijzer(*, regeling_code: str, nummer: str) -> Artikel | None:
    return (
        Artikel.objects.select_related("regeling", "regeling__eigenaar")
        .filter(regeling__code=regeling_code[:100], nummer=nummer[:30])
        .first()
    )


def regelingen_voor(user: Gebruiker) -> QuerySet[Regeling]:
    """The regulations the person's organisations carry out (the wijzer's choices)."""
    orgs = organisatie_ids(user, "afwijkingswijzer.gebruiken")
    return (
        Regeling.objects.filter(Q(uitvoerders__in=orgs) | Q(eigenaar__in=orgs))
        .distinct()
        .prefetch_related("artikelen")
        .order_by("naam")
    )


# --- case deliberations and guidelines -----------------------------------------------------------


def casusberaden(*, user: Gebruiker, zoek: str = "") -> QuerySet[Casusberaad]:
    qs = Casusberaad.objects.select_related("regeling", "artikel", "organisatie").filter(
        organisatie_id__in=organisatie_ids(user, "casusberaad.bekijken")
    )
    for woord in zoekwoorden(zoek):
        qs = qs.filter(zoektekst__contains=woord)
    return qs.order_by("-datum", "-pk")


def richtlijnen(*, user: Gebruiker, zoek: str = "") -> QuerySet[Casusberaad]:
    return casusberaden(user=user, zoek=zoek).exclude(richtlijn="")


def casusberaad_detail(*, user: Gebruiker, pk: int) -> Casusberaad:
    beraad = (
        Casusberaad.objects.select_related("regeling", "artikel", "organisatie", "perspectieven")
        .prefetch_related("beginselen")
        .filter(pk=pk)
        .first()
    )
    if beraad is None or not policy.allows(user, "casusberaad.bekijken", beraad):
        raise Http404(_("Dit casusberaad bestaat niet, of u hebt er geen toegang toe."))
    return beraad


# --- contests ------------------------------------------------------------------------------------


def _aanvechtingen() -> QuerySet[Aanvechting]:
    return Aanvechting.objects.select_related(
        "organisatie",
        "regeling__eigenaar",
        "artikel__regeling",
        "verzoek",
        "ingediend_door",
    )


def aanvechtingen(*, user: Gebruiker) -> QuerySet[Aanvechting]:
    """The contests of the person's organisations, and those against the rules of a ministry
    where the person is in the policy team or the ambtelijke top."""
    eigen = organisatie_ids(user, "aanvechting.indienen")
    eigenaar = sorted(policy.organisaties_met_rol(user, {"beleidsmaker", "ambtelijke_top"}))
    return (
        _aanvechtingen()
        .filter(Q(organisatie_id__in=eigen) | Q(regeling__eigenaar_id__in=eigenaar))
        .order_by("-aangemaakt", "-pk")
    )


def aanvechting_detail(*, user: Gebruiker, pk: int) -> Aanvechting:
    aanvechting = (
        _aanvechtingen()
        .select_related("eenheid")
        .prefetch_related("afwijkingen", "signalen", "beginselen")
        .filter(pk=pk)
        .first()
    )
    if aanvechting is None or not policy.allows(user, "aanvechting.bekijken", aanvechting):
        raise Http404(_("Deze aanvechting bestaat niet, of u hebt er geen toegang toe."))
    return aanvechting


# --- learning: anonymised examples per principle -------------------------------------------------


def voorbeelden_bij_beginsel(beginsel: Beginsel, *, aantal: int = 3) -> list[Voorbeeld]:
    """Anonymised examples for a principle page (seed action F4), registered with the
    kennisbank: approved deviations and casusberaden that weighed the principle, only from
    organisations that share their precedents, and public explanations (leg uit) on
    aanvechtingen. No organisation, person or case description: the purpose served and what
    was done or concluded."""
    delen = Q(organisatie__afwijkingsinstelling__precedenten_delen=True)
    uit_afwijkingen = [
        Voorbeeld(
            soort=_("Afwijking"),
            regel=f"{a.artikel}, {a.regeling.naam}",
            situatie=f"{a.get_knelpunt_display()}. {a.bedoeling}",
            uitkomst=a.alternatief,
        )
        for a in Afwijking.objects.filter(delen, beginselen=beginsel, status__in=list(GOEDGEKEURD))
        .select_related("regeling", "artikel")
        .order_by("-beoordeeld_op", "-pk")[:aantal]
    ]
    uit_beraden = [
        Voorbeeld(
            soort=_("Casusberaad"),
            regel=f"{c.artikel}, {c.regeling.naam}" if c.artikel else c.regeling.naam,
            situatie=c.vraag,
            uitkomst=c.richtlijn or c.conclusie,
        )
        for c in Casusberaad.objects.filter(delen, beginselen=beginsel)
        .select_related("regeling", "artikel")
        .order_by("-datum", "-pk")[:aantal]
    ]
    uit_uitleg = [
        Voorbeeld(
            soort=_("Uitleg op een aanvechting (leg uit)"),
            regel=r.verzoek.onderwerp_titel,
            situatie=r.verzoek.vraag,
            uitkomst=r.redenen,
        )
        for r in Reactie.objects.filter(
            soort=Antwoordsoort.LEG_UIT,
            beginselen=beginsel,
            verzoek__onderwerp_type=ONDERWERP_AANVECHTING,
            verzoek__openbaar=True,
        )
        .select_related("verzoek")
        .order_by("-gegeven_op", "-pk")[:aantal]
    ]
    return uit_afwijkingen + uit_beraden + uit_uitleg


def aanvechtingen_per_regeling(regeling_ids: Iterable[int]) -> dict[int, int]:
    """How many aanvechtingen contest each regulation: for the executability track record of
    the policy teams (beleid, seed action M3). One query."""
    rijen = (
        Aanvechting.objects.filter(regeling_id__in=list(regeling_ids))
        .values("regeling_id")
        .annotate(n=Count("pk"))
    )
    return {r["regeling_id"]: r["n"] for r in rijen}


# --- aggregates for the Stand van de uitvoering (seed action P3) ------------------------------


def aanvechtingtellingen(
    *, organisatie_ids: Iterable[int] | None, van: dt.date, tot: dt.date
) -> dict[int, dict[str, int]]:
    """Per organisation the aanvechtingen it submitted in the period, counted per state (the
    outcome: pas toe, leg uit, unanswered, still running). `organisatie_ids` None: every
    organisation. One grouped query."""
    begin, eind = periode_grenzen(van, tot)
    qs = Aanvechting.objects.filter(aangemaakt__gte=begin, aangemaakt__lt=eind)
    if organisatie_ids is not None:
        qs = qs.filter(organisatie_id__in=list(organisatie_ids))
    uitkomst: dict[int, dict[str, int]] = {}
    for org_id, status, n in (
        qs.values("organisatie_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("organisatie_id", "status", "n")
    ):
        uitkomst.setdefault(org_id, {})[status] = n
    return uitkomst


def aanvechtingen_per_artikel(
    *, organisatie_id: int, van: dt.date, tot: dt.date
) -> list[dict[str, Any]]:
    """The organisation's aanvechtingen of the period per regulation and article, with their
    names. One grouped query."""
    begin, eind = periode_grenzen(van, tot)
    return list(
        Aanvechting.objects.filter(
            organisatie_id=organisatie_id, aangemaakt__gte=begin, aangemaakt__lt=eind
        )
        .values("regeling_id", "regeling__naam", "artikel_id", "artikel__nummer")
        .annotate(aantal=Count("pk"))
        .order_by("regeling__naam", "artikel__nummer")
    )

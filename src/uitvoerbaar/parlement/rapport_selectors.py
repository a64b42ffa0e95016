"""Reads of the Stand van de uitvoering (seed action P3): who may see which report, and the
content of a report, gathered ONLY through the other apps' aggregate selectors (grouped COUNT
queries, so a national overview over a million signals costs a fixed number of queries).

The content never carries a person: no reporter, no answerer, no signal's own text. What it
names are organisations, regulations and articles, the names and descriptions of knelpunten
their handlers took into the Stand (screened for citizen data), services and indicators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from uitvoerbaar.afwijkingen import selectors as afwijkingen
from uitvoerbaar.afwijkingen.constants import AanvechtingStatus
from uitvoerbaar.beleid import selectors as beleid
from uitvoerbaar.beleid.constants import Teruggavereden, Teruggaveuitkomst, Toetsoordeel
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.dienstverlening import selectors as dienstverlening
from uitvoerbaar.responsplicht import selectors as responsplicht
from uitvoerbaar.responsplicht.selectors import Antwoordtelling
from uitvoerbaar.signalen import selectors as signalen

from . import rapport_grafieken as grafieken
from .models import Rapport, Rapportstatus
from .models.rapporten import EIGEN_ROLLEN

# --- who may see what --------------------------------------------------------------------------


def uitvoeringsorganisaties() -> QuerySet[Organisatie]:
    return Organisatie.objects.filter(soort=OrganisatieSoort.UITVOERINGSORGANISATIE).order_by(
        "naam", "pk"
    )


def mag_aanvragen(user: Any, organisatie: Organisatie | None) -> bool:
    """Parliament may ask for every executive organisation's report and the national
    overview; an organisation's own bestuur, behandelaars and beheerders and its owner
    ministry's top for that organisation."""
    if policy.allows(user, "rapport.landelijk"):
        return True
    if organisatie is None:
        return False
    return policy.allows(user, "rapport.bekijken", Rapport(organisatie=organisatie))


def mag_lezen(user: Any, rapport: Rapport) -> bool:
    return policy.allows(user, "rapport.landelijk") or (
        not rapport.landelijk and policy.allows(user, "rapport.bekijken", rapport)
    )


def _eigen_filter(user: Gebruiker) -> Q:
    leden = user.actieve_lidmaatschappen() if user.is_authenticated else []
    eigen = {lid.organisatie_id for lid in leden if lid.rol in EIGEN_ROLLEN}
    ministeries = {lid.organisatie_id for lid in leden if lid.rol == Rol.AMBTELIJKE_TOP}
    return Q(organisatie_id__in=eigen) | Q(organisatie__eigenaar_ministerie_id__in=ministeries)


def aanvraagbare_organisaties(*, user: Gebruiker) -> QuerySet[Organisatie]:
    qs = uitvoeringsorganisaties()
    if policy.allows(user, "rapport.landelijk"):
        return qs
    leden = user.actieve_lidmaatschappen() if user.is_authenticated else []
    eigen = {lid.organisatie_id for lid in leden if lid.rol in EIGEN_ROLLEN}
    ministeries = {lid.organisatie_id for lid in leden if lid.rol == Rol.AMBTELIJKE_TOP}
    return qs.filter(Q(pk__in=eigen) | Q(eigenaar_ministerie_id__in=ministeries))


def _zonder_inhoud(qs: QuerySet[Rapport]) -> QuerySet[Rapport]:
    # Lists never load the snapshot and the PDF bytes.
    return qs.defer("html", "pdf").select_related("organisatie")


def rapporten(*, user: Gebruiker) -> QuerySet[Rapport]:
    """The reports this person may read, newest first."""
    qs = Rapport.objects.all()
    if not policy.allows(user, "rapport.landelijk"):
        qs = qs.filter(_eigen_filter(user), organisatie__isnull=False)
    return _zonder_inhoud(qs).order_by("-aangevraagd_op", "-pk")


def rapport_detail(*, user: Gebruiker, pk: int, met_inhoud: bool = False) -> Rapport:
    """One report, or 404 (also when the person may not read it: its existence is not
    given away)."""
    qs = Rapport.objects.select_related("organisatie", "organisatie__eigenaar_ministerie")
    if not met_inhoud:
        qs = qs.defer("html", "pdf")
    rapport = qs.filter(pk=pk).first()
    if rapport is None or not mag_lezen(user, rapport):
        raise Http404(_("Dit rapport bestaat niet."))
    return rapport


def openbare_rapporten() -> QuerySet[Rapport]:
    """Published reports, newest first (no login needed)."""
    return _zonder_inhoud(
        Rapport.objects.filter(status=Rapportstatus.KLAAR, gepubliceerd_op__isnull=False)
    ).order_by("-gepubliceerd_op", "-pk")


def openbaar_rapport(*, pk: int, met_inhoud: bool = False) -> Rapport:
    qs = Rapport.objects.filter(status=Rapportstatus.KLAAR, gepubliceerd_op__isnull=False)
    if not met_inhoud:
        qs = qs.defer("html", "pdf")
    rapport = qs.select_related("organisatie").filter(pk=pk).first()
    if rapport is None:
        raise Http404(_("Dit rapport bestaat niet of is niet openbaar."))
    return rapport


# --- the content ---------------------------------------------------------------------------------


@dataclass
class Artikelrij:
    regeling: str
    artikel: str
    signalen: int = 0
    aanvechtingen: int = 0


@dataclass
class Soortrij:
    naam: str
    telling: Antwoordtelling


@dataclass
class Organisatierij:
    organisatie: Organisatie
    signalen: int = 0
    knelpunten: int = 0
    noodremmen: Antwoordtelling = field(default_factory=Antwoordtelling)
    aanvechtingen: int = 0
    teruggaven: int = 0
    toetsen: int = 0
    onderschrijdingen: int = 0
    nakoming: Antwoordtelling = field(default_factory=Antwoordtelling)


Stap = tuple[str, Callable[[dict[str, Any]], None]]


def _labels(telling: dict[str, int], choices: Any) -> list[tuple[str, int]]:
    """(label, count) in the order of the choices, only those that occur."""
    return [(str(label), telling[waarde]) for waarde, label in choices if telling.get(waarde)]


def _nakoming_rijen(per_soort: dict[str, Antwoordtelling], namen: dict[str, str]) -> list[Soortrij]:
    return [
        Soortrij(naam=namen.get(code, code), telling=t)
        for code, t in sorted(per_soort.items(), key=lambda kv: namen.get(kv[0], kv[0]))
    ]


def _totaal(tellingen: list[Antwoordtelling]) -> Antwoordtelling:
    totaal = Antwoordtelling()
    for t in tellingen:
        totaal.tel_op(t)
    return totaal


def _nakoming_staven(rijen: list[Soortrij]) -> list[grafieken.Staaf]:
    return [
        grafieken.Staaf(
            label=r.naam,
            delen=(
                grafieken.Deel(_("op tijd"), r.telling.op_tijd, grafieken.BLAUW),
                grafieken.Deel(_("te laat"), r.telling.te_laat, grafieken.ORANJE),
                grafieken.Deel(_("nu te laat"), r.telling.te_laat_nu, grafieken.ROOD),
            ),
        )
        for r in rijen
    ]


def organisatie_stappen(
    *, organisatie: Organisatie, van: dt.date, tot: dt.date, vandaag: dt.date
) -> list[Stap]:
    """The steps that fill the context of an organisation's report, each a few grouped
    queries; the service reports progress between them."""
    org = organisatie.pk
    ministerie = organisatie.eigenaar_ministerie

    def knelpunten(ctx: dict[str, Any]) -> None:
        per_artikel: dict[tuple[Any, Any], Artikelrij] = {}
        for rij in signalen.signalen_per_artikel(organisatie_id=org, van=van, tot=tot):
            per_artikel[(rij["regeling_id"], rij["artikel_id"])] = Artikelrij(
                regeling=rij["regeling__naam"] or _("Geen regeling genoemd"),
                artikel=rij["artikel__nummer"] or "—",
                signalen=rij["aantal"],
            )
        for rij in afwijkingen.aanvechtingen_per_artikel(organisatie_id=org, van=van, tot=tot):
            sleutel = (rij["regeling_id"], rij["artikel_id"])
            if sleutel not in per_artikel:
                per_artikel[sleutel] = Artikelrij(
                    regeling=rij["regeling__naam"], artikel=rij["artikel__nummer"] or "—"
                )
            per_artikel[sleutel].aanvechtingen = rij["aantal"]
        artikelen = sorted(
            per_artikel.values(), key=lambda r: (-r.signalen - r.aanvechtingen, r.regeling)
        )
        ctx["artikelen"] = artikelen
        ctx["signalen_totaal"] = sum(r.signalen for r in artikelen)
        ctx["knelpunten"] = signalen.knelpunten_voor_stand(organisatie_id=org, van=van, tot=tot)
        ctx["grafiek_artikelen"] = grafieken.staven(
            id_="grafiek-artikelen",
            titel=_("Signalen per artikel"),
            beschrijving=_("Het aantal signalen per artikel van een regeling, de meeste eerst."),
            staven=[
                grafieken.Staaf(
                    label=f"{r.regeling} {r.artikel}",
                    delen=(grafieken.Deel(_("signalen"), r.signalen, grafieken.BLAUW),),
                )
                for r in artikelen[:12]
                if r.signalen
            ],
        )

    def noodremmen(ctx: dict[str, Any]) -> None:
        ctx["noodremmen"] = signalen.noodremtellingen(
            organisatie_ids=[org], van=van, tot=tot, vandaag=vandaag
        ).get(org, Antwoordtelling())

    def aanvechtingen(ctx: dict[str, Any]) -> None:
        telling = afwijkingen.aanvechtingtellingen(organisatie_ids=[org], van=van, tot=tot).get(
            org, {}
        )
        ctx["aanvechtingen"] = _labels(telling, AanvechtingStatus.choices)
        ctx["aanvechtingen_totaal"] = sum(telling.values())

    def opdrachten(ctx: dict[str, Any]) -> None:
        t = beleid.teruggavetellingen(organisatie_ids=[org], van=van, tot=tot, vandaag=vandaag)
        rij = t.get(org, {"uitkomsten": {}, "redenen": {}, "antwoorden": Antwoordtelling()})
        ctx["teruggaven_uitkomsten"] = _labels(rij["uitkomsten"], Teruggaveuitkomst.choices)
        ctx["teruggaven_redenen"] = _labels(rij["redenen"], Teruggavereden.choices)
        ctx["teruggaven"] = rij["antwoorden"]
        toetsen = beleid.toetstellingen(organisatie_ids=[org], van=van, tot=tot).get(org, {})
        ctx["toetsen"] = _labels(toetsen, Toetsoordeel.choices)
        ctx["toetsen_totaal"] = sum(toetsen.values())

    def ondergrenzen(ctx: dict[str, Any]) -> None:
        ctx["onderschrijdingen"] = dienstverlening.onderschrijdingen_per_indicator(
            organisatie_id=org, van=van, tot=tot
        )

    def nakoming(ctx: dict[str, Any]) -> None:
        ids = [org] + ([ministerie.pk] if ministerie else [])
        per_org = responsplicht.nakoming_per_soort(
            organisatie_ids=ids, van=van, tot=tot, vandaag=vandaag
        )
        namen = responsplicht.soortnamen()
        eigen = _nakoming_rijen(per_org.get(org, {}), namen)
        ctx["nakoming"] = eigen
        ctx["nakoming_totaal"] = _totaal([r.telling for r in eigen])
        van_ministerie = (
            _nakoming_rijen(per_org.get(ministerie.pk, {}), namen) if ministerie else []
        )
        ctx["nakoming_ministerie"] = van_ministerie
        ctx["nakoming_ministerie_totaal"] = _totaal([r.telling for r in van_ministerie])
        ctx["grafiek_nakoming"] = grafieken.staven(
            id_="grafiek-nakoming",
            titel=_("Reactieplicht per soort verzoek"),
            beschrijving=_(
                "Per soort verzoek aan de organisatie: op tijd beantwoord, te laat beantwoord, "
                "en nu te laat zonder antwoord."
            ),
            staven=_nakoming_staven(eigen),
        )

    return [
        (_("Signalen en knelpunten per artikel tellen"), knelpunten),
        (_("Noodremmen en hun antwoorden tellen"), noodremmen),
        (_("Aanvechtingen en hun uitkomst tellen"), aanvechtingen),
        (_("Teruggegeven opdrachten en uitvoeringstoetsen tellen"), opdrachten),
        (_("Onderschreden ondergrenzen zoeken"), ondergrenzen),
        (_("Reactieplicht van organisatie en ministerie tellen"), nakoming),
    ]


def landelijk_stappen(*, van: dt.date, tot: dt.date, vandaag: dt.date) -> list[Stap]:
    """The steps of the national overview: one row per executive organisation, each source one
    grouped query over all organisations."""
    rijen: dict[int, Organisatierij] = {}

    def organisaties(ctx: dict[str, Any]) -> None:
        for o in uitvoeringsorganisaties().select_related("eigenaar_ministerie"):
            rijen[o.pk] = Organisatierij(organisatie=o)

    def _zet(veld: str, waarden: dict[int, Any]) -> None:
        for org_id, w in waarden.items():
            if org_id in rijen:
                setattr(rijen[org_id], veld, w)

    def signaal(ctx: dict[str, Any]) -> None:
        for org_id, t in signalen.signaaltellingen(organisatie_ids=None, van=van, tot=tot).items():
            if org_id in rijen:
                rijen[org_id].signalen = t["signalen"]
                rijen[org_id].knelpunten = t["knelpunten"]
        _zet(
            "noodremmen",
            signalen.noodremtellingen(organisatie_ids=None, van=van, tot=tot, vandaag=vandaag),
        )

    def aanvechting(ctx: dict[str, Any]) -> None:
        t = afwijkingen.aanvechtingtellingen(organisatie_ids=None, van=van, tot=tot)
        _zet("aanvechtingen", {k: sum(v.values()) for k, v in t.items()})

    def opdrachten(ctx: dict[str, Any]) -> None:
        t = beleid.teruggavetellingen(organisatie_ids=None, van=van, tot=tot, vandaag=vandaag)
        _zet("teruggaven", {k: v["antwoorden"].totaal for k, v in t.items()})
        toetsen = beleid.toetstellingen(organisatie_ids=None, van=van, tot=tot)
        _zet("toetsen", {k: sum(v.values()) for k, v in toetsen.items()})

    def ondergrenzen(ctx: dict[str, Any]) -> None:
        _zet(
            "onderschrijdingen",
            dienstverlening.onderschrijdingtellingen(organisatie_ids=None, van=van, tot=tot),
        )

    def nakoming(ctx: dict[str, Any]) -> None:
        per_org = responsplicht.nakoming_per_soort(
            organisatie_ids=None, van=van, tot=tot, vandaag=vandaag
        )
        _zet("nakoming", {k: _totaal(list(v.values())) for k, v in per_org.items()})
        lijst = sorted(rijen.values(), key=lambda r: (r.organisatie.naam, r.organisatie.pk))
        totaal = Organisatierij(organisatie=Organisatie(naam=_("Totaal")))
        for r in lijst:
            for veld in (
                "signalen",
                "knelpunten",
                "aanvechtingen",
                "teruggaven",
                "toetsen",
                "onderschrijdingen",
            ):
                setattr(totaal, veld, getattr(totaal, veld) + getattr(r, veld))
            totaal.noodremmen.tel_op(r.noodremmen)
            totaal.nakoming.tel_op(r.nakoming)
        ctx["rijen"] = lijst
        ctx["totaal"] = totaal
        grootste = sorted(lijst, key=lambda r: -r.nakoming.totaal)[:15]
        ctx["grafiek_nakoming"] = grafieken.staven(
            id_="grafiek-nakoming",
            titel=_("Reactieplicht per uitvoeringsorganisatie"),
            beschrijving=_(
                "Per uitvoeringsorganisatie (de vijftien met de meeste verzoeken): op tijd "
                "beantwoord, te laat beantwoord, en nu te laat zonder antwoord."
            ),
            staven=[
                grafieken.Staaf(
                    label=r.organisatie.afkorting or r.organisatie.naam,
                    delen=(
                        grafieken.Deel(_("op tijd"), r.nakoming.op_tijd, grafieken.BLAUW),
                        grafieken.Deel(_("te laat"), r.nakoming.te_laat, grafieken.ORANJE),
                        grafieken.Deel(_("nu te laat"), r.nakoming.te_laat_nu, grafieken.ROOD),
                    ),
                )
                for r in grootste
                if r.nakoming.totaal
            ],
        )

    return [
        (_("Uitvoeringsorganisaties ophalen"), organisaties),
        (_("Signalen, knelpunten en noodremmen tellen"), signaal),
        (_("Aanvechtingen tellen"), aanvechting),
        (_("Teruggegeven opdrachten en uitvoeringstoetsen tellen"), opdrachten),
        (_("Onderschreden ondergrenzen tellen"), ondergrenzen),
        (_("Reactieplicht tellen"), nakoming),
    ]

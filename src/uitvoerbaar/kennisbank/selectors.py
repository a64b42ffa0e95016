"""Reads of the kennisbank. Everything here is public (policy action `kennisbank.bekijken`),
so the selectors take no user. Each read costs a fixed number of queries, whatever the number
of principles, regulations or articles (select_related / prefetch_related)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from uitvoerbaar.core.models import Organisatie

from .constants import RechtSoort
from .models import (
    Afwijkingsgrond,
    Artikel,
    Beginsel,
    Kader,
    Levensgebeurtenis,
    Rechtuitspraak,
    Regeling,
)
from .zoeken import schoon, zoekwoorden


def _zoekfilter(zoek: str) -> Q:
    """Every word must occur in the stored, normalised search text (case and accents
    ignored, on SQLite and PostgreSQL alike)."""
    q = Q()
    for woord in zoekwoorden(zoek):
        q &= Q(zoektekst__contains=woord)
    return q


# --------------------------------------------------------------------------------------------
# Principles


def kaders() -> QuerySet[Kader]:
    return Kader.objects.order_by("volgorde", "naam")


def beginselen(*, zoek: str = "", kader: str = "", groep: str = "") -> QuerySet[Beginsel]:
    """Principles, optionally of one framework (code) and group, matching the free text in
    their name, explanation, legal basis and questions."""
    qs = Beginsel.objects.select_related("kader").filter(_zoekfilter(zoek))
    if kader:
        qs = qs.filter(kader__code=schoon(kader))
    if groep:
        qs = qs.filter(groep=schoon(groep))
    return qs.order_by("kader__volgorde", "kader__naam", "volgorde", "naam")


def beginsel_keuzes() -> QuerySet[Beginsel]:
    """All principles, for other apps' forms that let a person name the principles weighed."""
    return beginselen()


@dataclass
class Groep:
    naam: str
    beginselen: list[Beginsel] = field(default_factory=list)


@dataclass
class KaderMetBeginselen:
    kader: Kader
    groepen: list[Groep] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return sum(len(g.beginselen) for g in self.groepen)


def beginselen_per_kader(*, zoek: str = "", kader: str = "") -> list[KaderMetBeginselen]:
    """The principles found, grouped per framework and per group in the order of the
    framework (one query). Frameworks without a match are left out."""
    resultaat: dict[int, KaderMetBeginselen] = {}
    groepen: dict[tuple[int, str], Groep] = {}
    for beginsel in beginselen(zoek=zoek, kader=kader):
        blok = resultaat.setdefault(beginsel.kader_id, KaderMetBeginselen(beginsel.kader))
        sleutel = (beginsel.kader_id, beginsel.groep)
        if sleutel not in groepen:
            groepen[sleutel] = Groep(beginsel.groep)
            blok.groepen.append(groepen[sleutel])
        groepen[sleutel].beginselen.append(beginsel)
    return list(resultaat.values())


def beginsel_detail(*, code: str) -> Beginsel:
    """One principle with its framework; Http404 when the code is unknown."""
    try:
        return Beginsel.objects.select_related("kader").get(code=schoon(code))
    except Beginsel.DoesNotExist as exc:
        raise Http404(_("Dit beginsel bestaat niet.")) from exc


def verwante_beginselen(*, beginsel: Beginsel, aantal: int = 6) -> list[Beginsel]:
    """Other principles of the same framework and group (the same framework when the
    framework has no groups)."""
    qs = Beginsel.objects.filter(kader_id=beginsel.kader_id, groep=beginsel.groep).exclude(
        pk=beginsel.pk
    )
    return list(qs.order_by("volgorde", "naam")[:aantal])


# --------------------------------------------------------------------------------------------
# Regulations


def _uitvoerders() -> Prefetch[str, QuerySet[Organisatie], str]:
    return Prefetch("uitvoerders", queryset=Organisatie.objects.order_by("naam"))


def regelingen(
    *, zoek: str = "", eigenaar: str = "", uitvoerder: str = "", soort: str = ""
) -> QuerySet[Regeling]:
    """Regulations matching the free text (name, citation title, BWB number, purpose),
    optionally of one owner ministry or one executing organisation (slugs) or kind."""
    qs = (
        Regeling.objects.select_related("eigenaar")
        .prefetch_related(_uitvoerders())
        .filter(_zoekfilter(zoek))
    )
    if eigenaar:
        qs = qs.filter(eigenaar__slug=schoon(eigenaar))
    if uitvoerder:
        # At most one executor matches a slug, so this join adds no duplicate rows.
        qs = qs.filter(uitvoerders__slug=schoon(uitvoerder))
    if soort:
        qs = qs.filter(soort=schoon(soort))
    return qs.order_by("naam")


def eigenaren() -> QuerySet[Organisatie]:
    """Ministries that own at least one regulation (for the filter on the search page)."""
    return Organisatie.objects.filter(pk__in=Regeling.objects.values("eigenaar_id")).order_by(
        "naam"
    )


def uitvoerders() -> QuerySet[Organisatie]:
    """Organisations that carry out at least one regulation."""
    return Organisatie.objects.filter(
        pk__in=Regeling.uitvoerders.through.objects.values("organisatie_id")
    ).order_by("naam")


def regeling_detail(*, code: str) -> Regeling:
    """One regulation with owner, executors, articles, rights and deviation grounds (five
    queries); Http404 when the code is unknown."""
    try:
        return (
            Regeling.objects.select_related("eigenaar")
            .prefetch_related(_uitvoerders())
            .prefetch_related(
                Prefetch("artikelen", queryset=Artikel.objects.order_by("volgorde", "nummer"))
            )
            .prefetch_related(
                Prefetch(
                    "rechten",
                    queryset=Rechtuitspraak.objects.select_related("artikel").order_by(
                        "volgorde", "pk"
                    ),
                )
            )
            .prefetch_related(
                Prefetch(
                    "afwijkingsgronden",
                    queryset=Afwijkingsgrond.objects.select_related("artikel").order_by(
                        "volgorde", "pk"
                    ),
                )
            )
            .get(code=schoon(code))
        )
    except Regeling.DoesNotExist as exc:
        raise Http404(_("Deze regeling bestaat niet.")) from exc


def artikel_detail(*, regeling_code: str, nummer: str) -> Artikel:
    """One article with its regulation, rights and deviation grounds; Http404 when unknown."""
    try:
        return (
            Artikel.objects.select_related("regeling", "regeling__eigenaar")
            .prefetch_related(
                Prefetch("rechten", queryset=Rechtuitspraak.objects.order_by("volgorde", "pk")),
                Prefetch(
                    "afwijkingsgronden",
                    queryset=Afwijkingsgrond.objects.order_by("volgorde", "pk"),
                ),
            )
            .get(regeling__code=schoon(regeling_code), nummer=schoon(nummer))
        )
    except Artikel.DoesNotExist as exc:
        raise Http404(_("Dit artikel bestaat niet.")) from exc


def regeling_bestaat(*, code: str) -> bool:
    return Regeling.objects.filter(code=schoon(code)).exists()


def algemene_afwijkingsgronden(*, regeling: Regeling) -> list[Afwijkingsgrond]:
    """The grounds that hold for the whole regulation rather than one article."""
    return list(
        Afwijkingsgrond.objects.filter(regeling=regeling, artikel__isnull=True).order_by(
            "volgorde", "pk"
        )
    )


def rechten_per_soort(rechten: list[Rechtuitspraak]) -> dict[str, list[Rechtuitspraak]]:
    """Split loaded rights statements into what citizens are (wel) and are not (niet)
    entitled to, keeping their order."""
    return {soort: [r for r in rechten if r.soort == soort] for soort in RechtSoort.values}


# --------------------------------------------------------------------------------------------
# Life events and rights statements: the rechtenwijzer (action P1), public


def levensgebeurtenissen(*, zoek: str = "") -> QuerySet[Levensgebeurtenis]:
    """Life events matching the free text (name, description), with their regulations (two
    queries)."""
    return (
        Levensgebeurtenis.objects.filter(_zoekfilter(zoek))
        .prefetch_related(Prefetch("regelingen", queryset=Regeling.objects.order_by("naam")))
        .order_by("volgorde", "naam", "pk")
    )


def levensgebeurtenis_detail(*, slug: str) -> Levensgebeurtenis:
    """One life event with its regulations; Http404 when the code is unknown."""
    gevonden = levensgebeurtenissen().filter(slug=schoon(slug, maximum=100)).first()
    if gevonden is None:
        raise Http404(_("Deze levensgebeurtenis bestaat niet."))
    return gevonden


def rechtuitspraken(*, regeling: str = "") -> QuerySet[Rechtuitspraak]:
    """Every rights statement, per regulation (code order) and per kind, optionally of one
    regulation (code); one query."""
    qs = Rechtuitspraak.objects.select_related("regeling", "artikel")
    if regeling:
        qs = qs.filter(regeling__code=schoon(regeling))
    return qs.order_by("regeling__code", "soort", "volgorde", "pk")


def regelingen_met_rechten(*, code: str = "") -> QuerySet[Regeling]:
    """Regulations (all, or the one with this code) with owner and rights statements, by code:
    the rechtenwijzer's open data. Two queries, whatever the number."""
    qs = Regeling.objects.select_related("eigenaar").prefetch_related(
        Prefetch(
            "rechten",
            queryset=Rechtuitspraak.objects.select_related("artikel").order_by(
                "soort", "volgorde", "pk"
            ),
        )
    )
    if code:
        qs = qs.filter(code=schoon(code))
    return qs.order_by("code")

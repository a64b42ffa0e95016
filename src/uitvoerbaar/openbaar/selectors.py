"""Reads of the public portal. The portal has no models: everything comes through the public
selectors of other apps (kennisbank, beleid, responsplicht, audit), which publish only what is
public. This module only combines them for the pages and the open data, and says per dataset
where it can be fetched. Every read is a fixed number of queries, whatever the size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.audit import selectors as audit_selectors
from uitvoerbaar.audit.models import KetenKop
from uitvoerbaar.beleid import selectors as beleid_selectors
from uitvoerbaar.beleid.models import Belofte
from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.kennisbank import selectors as kennisbank_selectors
from uitvoerbaar.kennisbank.models import Levensgebeurtenis, Rechtuitspraak, Regeling
from uitvoerbaar.responsplicht import selectors_openbaar as register

MAX_RESULTATEN = 20
PER_PAGINA = register.PER_PAGINA


# --- links to the other public parts ------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    titel: str
    tekst: str
    url: str


def _bestaat(pad: str) -> bool:
    """Whether a public path is served here. Other parts of the portal (Kamervragen, Stand van
    de uitvoering) are built in parallel: a link to one that is not there yet is left out
    rather than sent to a 404."""
    try:
        resolve(pad)
    except Resolver404:
        return False
    return True


def _url(naam: str, *args: Any) -> str:
    try:
        return reverse(naam, args=args)
    except NoReverseMatch:
        return ""


def links() -> list[Link]:
    """What the public can find, in the order of the home page. Only parts that exist."""
    kandidaten = [
        Link(
            _("Rechtenwijzer"),
            _(
                "Zoek een regeling of iets wat er in uw leven gebeurt. Lees waar u wel en geen "
                "recht op hebt."
            ),
            _url("openbaar:rechtenwijzer"),
        ),
        Link(
            _("Monitor pas toe of leg uit"),
            _(
                "Per organisatie en per ministerie: hoe vaak zij op tijd antwoordden, met pas "
                "toe of leg uit, en waar het antwoord uitbleef."
            ),
            _url("openbaar:monitor"),
        ),
        Link(
            _("Register van antwoorden en stilte"),
            _(
                "Elk openbaar verzoek met het antwoord, of met de melding dat het antwoord "
                "uitbleef."
            ),
            _url("register:overzicht"),
        ),
        Link(
            _("Uitvoeringstoetsen en beleidsvoorstellen"),
            _(
                "Wat uitvoerders vinden van nieuw beleid: kunnen zij het uitvoeren, en zijn de "
                "beloften waar te maken?"
            ),
            _url("beleid_openbaar:overzicht"),
        ),
        Link(
            _("Opdrachten en teruggaven"),
            _(
                "Opdrachten die een uitvoerder teruggaf aan het ministerie, en wat het "
                "ministerie antwoordde."
            ),
            _url("beleid_openbaar:opdrachten"),
        ),
        Link(
            _("Uitvoerbaarheid per beleidsteam"),
            _("Hoe vaak het beleid van een team uitvoerbaar bleek."),
            _url("beleid_openbaar:trackrecord"),
        ),
        Link(
            _("Kamervragen aan uitvoerders"),
            _("Vragen van de Tweede Kamer aan uitvoerders, en hun antwoorden."),
            "/openbaar/kamervragen/",
        ),
        Link(
            _("Stand van de uitvoering"),
            _("Wat uitvoerders aan de Kamer melden over knelpunten in de uitvoering."),
            "/openbaar/stand-van-de-uitvoering/",
        ),
        Link(
            _("Beginselen van goed bestuur"),
            _("De regels waar de overheid zich aan moet houden, in gewone woorden."),
            _url("kennisbank:beginselen"),
        ),
        Link(
            _("Open data"),
            _("Alle gegevens van deze pagina's om te downloaden (CSV en JSON) en via de API."),
            _url("openbaar:open_data"),
        ),
    ]
    return [link for link in kandidaten if link.url and _bestaat(link.url)]


def ketenkop() -> KetenKop:
    """The public head of the audit chain (the audit app's own selector)."""
    return audit_selectors.ketenkop()


# --- the rechtenwijzer ----------------------------------------------------------------------------


@dataclass
class Zoekresultaat:
    regelingen: list[Regeling] = field(default_factory=list)
    levensgebeurtenissen: list[Levensgebeurtenis] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return len(self.regelingen) + len(self.levensgebeurtenissen)


def zoek(*, q: str) -> Zoekresultaat:
    """Regulations and life events that match every word of the query (four queries). `q` was
    checked by the form (length, characters)."""
    return Zoekresultaat(
        regelingen=list(kennisbank_selectors.regelingen(zoek=q)[:MAX_RESULTATEN]),
        levensgebeurtenissen=list(
            kennisbank_selectors.levensgebeurtenissen(zoek=q)[:MAX_RESULTATEN]
        ),
    )


def regelingen_gezocht(*, q: str) -> QuerySet[Regeling]:
    return kennisbank_selectors.regelingen(zoek=q)


def levensgebeurtenissen_gezocht(*, q: str) -> QuerySet[Levensgebeurtenis]:
    return kennisbank_selectors.levensgebeurtenissen(zoek=q)


def alle_levensgebeurtenissen() -> QuerySet[Levensgebeurtenis]:
    return kennisbank_selectors.levensgebeurtenissen()


def alle_regelingen() -> QuerySet[Regeling]:
    return kennisbank_selectors.regelingen()


def levensgebeurtenis(*, slug: str) -> Levensgebeurtenis:
    return kennisbank_selectors.levensgebeurtenis_detail(slug=slug)


@dataclass
class RegelingRechten:
    """One regulation as the rechtenwijzer shows it."""

    regeling: Regeling
    wel: list[Rechtuitspraak]
    niet: list[Rechtuitspraak]
    levensgebeurtenissen: list[Levensgebeurtenis]
    niet_haalbaar: list[Belofte]


def regeling(*, code: str) -> RegelingRechten:
    """A regulation with what citizens are and are not entitled to, its life events and the
    promises an executor called not feasible; Http404 when the code is unknown."""
    gevonden = kennisbank_selectors.regeling_detail(code=code)
    rechten = kennisbank_selectors.rechten_per_soort(list(gevonden.rechten.all()))
    return RegelingRechten(
        regeling=gevonden,
        wel=rechten["wel"],
        niet=rechten["niet"],
        levensgebeurtenissen=list(gevonden.levensgebeurtenissen.order_by("volgorde", "naam")),
        niet_haalbaar=beleid_selectors.niet_haalbare_beloften(regeling_ids=[gevonden.pk]).get(
            gevonden.pk, []
        ),
    )


def regelingen_met_rechten(*, code: str = "") -> QuerySet[Regeling]:
    """Every regulation (or one) with its rights statements, for the open data (two queries)."""
    return kennisbank_selectors.regelingen_met_rechten(code=code)


# --- the comply-or-explain monitor ----------------------------------------------------------------


@dataclass(frozen=True)
class Monitorrij:
    organisatie: Organisatie
    cijfers: register.Monitorcijfers


def monitorrijen(
    organisaties: Iterable[Organisatie], *, op: dt.date | None = None
) -> list[Monitorrij]:
    """The monitor's counts for a page of organisations: two grouped queries."""
    lijst = list(organisaties)
    cijfers = register.monitorcijfers((o.pk for o in lijst), op=op)
    return [Monitorrij(organisatie=o, cijfers=cijfers[o.pk]) for o in lijst]


def monitor_organisaties(*, soort: str = "") -> QuerySet[Organisatie]:
    return register.organisaties_in_monitor(organisatie_soort=soort or None)


def ministeries() -> QuerySet[Organisatie]:
    return register.organisaties_in_monitor(organisatie_soort=OrganisatieSoort.MINISTERIE)


def monitortotaal(*, soort: str = "", op: dt.date | None = None) -> register.Monitorcijfers:
    """The national totals of the monitor, kept for OPENBAAR_TOTALEN_SECONDEN in the cache:
    counting all 300,000 open requests took 60 to 70 ms per page at national scale, on the
    portal's home and the monitor, for figures that move slowly."""
    dag = op or timezone.localdate()
    return cache.get_or_set(  # type: ignore[return-value]
        f"openbaar:monitortotaal:{soort}:{dag.isoformat()}",
        lambda: register.monitortotaal(organisatie_soort=soort or None, op=dag),
        settings.OPENBAAR_TOTALEN_SECONDEN,
    )


# --- the open data catalogue ----------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    code: str
    titel: str
    omschrijving: str
    api_url: str
    csv_url: str
    json_url: str
    pagina_url: str


def datasets() -> list[Dataset]:
    """Every public dataset with its API address, its downloads and the page that shows it."""

    def eigen(code: str, api: str, pagina: str, titel: str, omschrijving: str) -> Dataset:
        return Dataset(
            code=code,
            titel=titel,
            omschrijving=omschrijving,
            api_url=_url(api),
            csv_url=_url(f"openbaar:download_{code}_csv"),
            json_url=_url(f"openbaar:download_{code}_json"),
            pagina_url=_url(pagina),
        )

    lijst = [
        eigen(
            "rechten",
            "api:openbaar-rechten",
            "openbaar:rechtenwijzer",
            _("Rechten per regeling"),
            _(
                "Per regeling: waar u wel en geen recht op hebt, de bedoeling en de link naar de "
                "wettekst."
            ),
        ),
        eigen(
            "levensgebeurtenissen",
            "api:openbaar-levensgebeurtenissen",
            "openbaar:rechtenwijzer",
            _("Levensgebeurtenissen"),
            _("Gebeurtenissen in uw leven en de regelingen die dan belangrijk zijn."),
        ),
        eigen(
            "register",
            "api:openbaar-register",
            "register:overzicht",
            _("Register van antwoorden en stilte"),
            _(
                "Elk openbaar verzoek: kenmerk, soort, organisatie, termijn, status en het "
                "antwoord."
            ),
        ),
        eigen(
            "monitor",
            "api:openbaar-monitor",
            "openbaar:monitor",
            _("Monitor pas toe of leg uit"),
            _(
                "Per organisatie: op tijd en te laat beantwoord, pas toe, leg uit, nu over de "
                "termijn en onbeantwoord gepubliceerd."
            ),
        ),
        Dataset(
            code="auditketen",
            titel=_("Kop van de auditketen"),
            omschrijving=_(
                "Het aantal gebeurtenissen en de hash van de laatste. Zo ziet iedereen of de "
                "geschiedenis is herschreven."
            ),
            api_url=_url("api:openbaar-auditketen"),
            csv_url="",
            json_url=_url("api:openbaar-auditketen"),
            pagina_url=_url("audit:ketenkop"),
        ),
        Dataset(
            code="uitvoeringstoetsen",
            titel=_("Gepubliceerde uitvoeringstoetsen"),
            omschrijving=_(
                "Alle gepubliceerde uitvoeringstoetsen, ook de negatieve, met voorwaarden en het "
                "antwoord van het ministerie."
            ),
            api_url=_url("api:uitvoeringstoetsen"),
            csv_url=_url("beleid_openbaar:toetsen_csv"),
            json_url=_url("beleid_openbaar:toetsen_json"),
            pagina_url=_url("beleid_openbaar:overzicht"),
        ),
    ]
    return [d for d in lijst if d.api_url]


# --- records for the downloads and the API ------------------------------------------------------


def regeling_record(r: Regeling) -> dict[str, Any]:
    """A regulation with its rights statements (fetched with `regelingen_met_rechten`)."""
    return {
        "code": r.code,
        "naam": r.naam,
        "citeertitel": r.citeertitel,
        "bwb_id": r.bwb_id,
        "wetten_url": r.wetten_url,
        "bedoeling": r.bedoeling,
        "eigenaar": r.eigenaar.naam,
        "rechten": [
            {
                "soort": recht.soort,
                "artikel": recht.artikel.nummer if recht.artikel_id and recht.artikel else "",
                "tekst": recht.tekst,
            }
            for recht in r.rechten.all()
        ],
    }


def levensgebeurtenis_record(g: Levensgebeurtenis) -> dict[str, Any]:
    return {
        "slug": g.slug,
        "naam": g.naam,
        "omschrijving": g.omschrijving,
        "regelingen": [r.code for r in g.regelingen.all()],
    }


def monitor_record(rij: Monitorrij) -> dict[str, Any]:
    c = rij.cijfers
    return {
        "organisatie": rij.organisatie.slug,
        "naam": rij.organisatie.naam,
        "soort": rij.organisatie.soort,
        "op_tijd": c.op_tijd,
        "te_laat": c.te_laat,
        "pas_toe": c.pas_toe,
        "leg_uit": c.leg_uit,
        "te_laat_nu": c.te_laat_nu,
        "stilte": c.stilte,
    }


def register_record(v: register.OpenbaarVerzoek) -> dict[str, Any]:
    """A public request as open data: the register's public form, nothing more (no person,
    masked free text, the question only when its kind publishes it in full)."""
    return {
        "kenmerk": v.kenmerk,
        "soort": v.soort,
        "onderwerp": v.onderwerp_titel,
        "vraag": v.vraag,
        "ontvanger": v.ontvanger,
        "verantwoordelijke": v.verantwoordelijke,
        "niveau": v.niveau_naam,
        "gestart_op": v.gestart_op.isoformat(),
        "uiterste_datum": v.uiterste_datum.isoformat(),
        "status": v.status,
        "status_tekst": v.status_tekst,
        "onbeantwoord": v.stilte,
        "antwoorden": [
            {
                "soort": a.soort,
                "datum": a.datum.isoformat(),
                "te_laat": a.te_laat,
                "namens": a.namens,
                "maatregel": a.maatregel,
                "maatregel_datum": a.maatregel_datum.isoformat() if a.maatregel_datum else None,
                "redenen": a.redenen,
                "beginselen": [code for _naam, code in a.beginselen],
            }
            for a in v.antwoorden
        ],
    }


def register_records(*, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every public request as a record, streamed in chunks (the register can be large: a fixed
    number of queries per chunk, never one per request)."""
    for verzoek in register.verzoeken_voor_open_data().iterator(chunk_size=chunk):
        yield register_record(register.openbaar(verzoek))

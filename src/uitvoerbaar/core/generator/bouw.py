"""Generating a national-scale dataset (issue 9, DESIGN §5) into an empty database.

What it makes, per `schalen.Schaal`: ministries, a parliament, executive organisations and
co-governments (municipalities, provinces, water boards); people with memberships in the roles
each kind of organisation has; regulations of the ministries with articles and a deviation
ground; signals; open response requests on the engine (acknowledgement and feedback requests of
signals, escalated feedback requests, parliamentary questions to ministries); deviations; policy
proposals with decision steps; services with indicators and 24 monthly measurements; and audit
events in one valid hash chain, continuing the chain head, hashed with `audit.hashing`.

Shape: organisations get signals, staff, deviations and services in proportion to 1/k (Zipf),
regulations the same; texts are Dutch sentences from `teksten`. Everything is drawn from
`random.Random` instances seeded with the seed and the table, and every time is relative to
the reference date (`peildatum`), so the same seed and date give the same rows and ids.

Deadlines (relative to the reference date P): `te_laat` open requests had their deadline on
P - 1 (overdue: the sweep on P escalates exactly these); every other open deadline and reminder
lies after P; no deadline or reminder lies on or before P - 2 (the sweep on P - 2 has nothing to
do). This is what `benchmarks/sweep.py` measures.

It writes in bulk (`schrijver.schrijf`: COPY on PostgreSQL) and bypasses the services on
purpose: it is a load generator for benchmarks and tests, never for a live database, and it
refuses a database that already holds organisations.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify

from uitvoerbaar.core.constants import OrganisatieSoort, Rol

from . import teksten
from .schalen import Schaal
from .schrijver import schrijf, sequenties_bijwerken, volgend_id

STANDAARD_PEILDATUM = dt.date(2026, 12, 1)
PERIODE_DAGEN = 730  # the history spans two years before the reference date

MINISTERIES = (
    ("Ministerie van Werk en Inkomen", "WenI"),
    ("Ministerie van Financiën en Toeslagen", "FenT"),
    ("Ministerie van Zorg en Welzijn", "ZenW"),
    ("Ministerie van Wonen en Ruimte", "WenR"),
    ("Ministerie van Onderwijs en Wetenschap", "OenW"),
    ("Ministerie van Justitie en Recht", "JenR"),
    ("Ministerie van Binnenlandse Zaken", "BiZa"),
    ("Ministerie van Mobiliteit en Water", "MenW"),
    ("Ministerie van Landbouw en Natuur", "LenN"),
    ("Ministerie van Economie en Klimaat", "EenK"),
    ("Ministerie van Defensie", "Def"),
    ("Ministerie van Buitenland en Handel", "BenH"),
)
UITVOERING_SOORTEN = (
    "Uitkeringsdienst",
    "Toeslagendienst",
    "Belastingkantoor",
    "Studiefinancieringsbureau",
    "Incassobureau",
    "Zorgverzekeringsdienst",
    "Pensioenuitvoerder",
    "Inburgeringsdienst",
    "Huurcommissie",
    "Rijvaardigheidsbureau",
)
THEMAS = (
    "kinderopvang",
    "huurtoeslag",
    "zorgtoeslag",
    "bijstand",
    "studiefinanciering",
    "werkloosheid",
    "arbeidsongeschiktheid",
    "kinderbijslag",
    "schuldhulp",
    "inburgering",
    "jeugdzorg",
    "energietoeslag",
    "ouderdomspensioen",
    "mantelzorg",
)
VERPLICHTE_ROLLEN: dict[str, tuple[str, ...]] = {
    OrganisatieSoort.MINISTERIE: (
        Rol.BELEIDSMAKER,
        Rol.AMBTELIJKE_TOP,
        Rol.BEWINDSPERSOON,
        Rol.BESTUUR,
        Rol.BEHANDELAAR,
        Rol.MEDEWERKER,
        Rol.VERTROUWENSPERSOON,
        Rol.BEHEERDER,
    ),
    OrganisatieSoort.UITVOERINGSORGANISATIE: (
        Rol.MEDEWERKER,
        Rol.BEHANDELAAR,
        Rol.VERTROUWENSPERSOON,
        Rol.BESTUUR,
        Rol.BEHEERDER,
    ),
    OrganisatieSoort.MEDEOVERHEID: (
        Rol.MEDEWERKER,
        Rol.BEHANDELAAR,
        Rol.VERTROUWENSPERSOON,
        Rol.BESTUUR,
        Rol.BELEIDSMAKER,
        Rol.BEHEERDER,
    ),
    OrganisatieSoort.PARLEMENT: (Rol.GRIFFIE, Rol.KAMERLID, Rol.BEHEERDER),
}
# The roles of everyone beyond the required ones, with their weights.
OVERIGE_ROLLEN: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    OrganisatieSoort.MINISTERIE: (
        (Rol.BELEIDSMAKER, Rol.MEDEWERKER, Rol.BEHANDELAAR),
        (0.6, 0.3, 0.1),
    ),
    OrganisatieSoort.UITVOERINGSORGANISATIE: ((Rol.MEDEWERKER, Rol.BEHANDELAAR), (0.82, 0.18)),
    OrganisatieSoort.MEDEOVERHEID: (
        (Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BELEIDSMAKER),
        (0.75, 0.15, 0.10),
    ),
    OrganisatieSoort.PARLEMENT: ((Rol.KAMERLID, Rol.GRIFFIE), (0.8, 0.2)),
}


class DatabaseNietLeeg(Exception):
    """The generator only fills an empty database (no organisations yet)."""


@dataclass
class Org:
    id: int
    slug: str
    soort: str
    eigenaar: int | None


@dataclass
class Wereld:
    """What later steps need of earlier ones: ids, kept in memory as plain lists."""

    orgs: list[Org] = field(default_factory=list)
    leden: dict[tuple[int, str], list[int]] = field(default_factory=dict)
    gebruikersnamen: dict[int, str] = field(default_factory=dict)
    regelingen: list[tuple[int, int]] = field(default_factory=list)  # (id, eigenaar)
    artikelen: dict[int, list[int]] = field(default_factory=dict)
    gronden: dict[int, int] = field(default_factory=dict)
    signalen: tuple[int, int] = (0, 0)  # first id, count
    verzoeken: tuple[int, int] = (0, 0)
    afwijkingen: tuple[int, int] = (0, 0)
    org_van_signaal: list[int] = field(default_factory=list)  # by signal index
    tellingen: dict[str, int] = field(default_factory=dict)

    def van_soort(self, soort: str) -> list[Org]:
        return [o for o in self.orgs if o.soort == soort]


class Zipf:
    """Draws from `items` with weight 1/(k+1)^s: the first item is the most frequent."""

    def __init__(self, items: Sequence[Any], s: float = 1.0) -> None:
        self.items = list(items)
        self.cum = list(itertools.accumulate(1 / (k + 1) ** s for k in range(len(self.items))))

    def __call__(self, rnd: random.Random) -> Any:
        return self.items[bisect.bisect(self.cum, rnd.random() * self.cum[-1])]


def _rnd(seed: int, tabel: str) -> random.Random:
    return random.Random(f"{seed}:{tabel}")  # noqa: S311 - test data, not secrets


def _tijd(dag: dt.date, rnd: random.Random) -> dt.datetime:
    """A moment during office hours on `dag`, in UTC."""
    return dt.datetime.combine(dag, dt.time(7), tzinfo=dt.UTC) + dt.timedelta(
        seconds=rnd.randrange(9 * 3600), microseconds=rnd.randrange(1_000_000)
    )


class Generator:
    """One run. `genereer` is the entry point."""

    def __init__(
        self,
        schaal: Schaal,
        *,
        seed: int,
        peildatum: dt.date = STANDAARD_PEILDATUM,
        wachtwoord: str | None = None,
    ) -> None:
        self.schaal = schaal
        self.seed = seed
        self.p = peildatum
        self.nu = dt.datetime.combine(peildatum, dt.time(6), tzinfo=dt.UTC)
        self.wachtwoord = wachtwoord
        self.w = Wereld()

    # -- organisations and people ---------------------------------------------------------

    def organisaties(self) -> None:
        from uitvoerbaar.core.models import Organisatie

        s = self.schaal
        rnd = _rnd(self.seed, "organisaties")
        eerste = volgend_id(Organisatie)
        rijen: list[dict[str, Any]] = []
        namen: set[str] = set()

        def plaats() -> str:
            while True:
                naam = rnd.choice(teksten.PLAATS_BEGIN) + rnd.choice(teksten.PLAATS_EIND)
                if rnd.random() < 0.3:
                    naam += f" aan de {rnd.choice(('Maas', 'Vecht', 'IJssel', 'Lek', 'Rijn'))}"
                if naam not in namen:
                    namen.add(naam)
                    return naam

        def voeg_toe(naam: str, afkorting: str, soort: str, eigenaar: int | None) -> None:
            pk = eerste + len(rijen)
            slug = slugify(naam)[:50] + f"-{pk}"
            rijen.append(
                {
                    "id": pk,
                    "naam": naam,
                    "afkorting": afkorting,
                    "slug": slug,
                    "soort": soort,
                    "eigenaar_ministerie_id": eigenaar,
                }
            )
            self.w.orgs.append(Org(pk, slug, soort, eigenaar))

        for i in range(s.ministeries):
            naam, afk = MINISTERIES[i % len(MINISTERIES)]
            voeg_toe(naam if i < len(MINISTERIES) else f"{naam} {i}", afk, "ministerie", None)
        ministeries = [o.id for o in self.w.orgs]
        eigenaar_kiezen = Zipf(ministeries, 0.7)
        for i in range(s.parlementen):
            voeg_toe("Tweede Kamer" + (f" {i + 1}" if i else ""), "TK", "parlement", None)
        for i in range(s.uitvoeringsorganisaties):
            soort = UITVOERING_SOORTEN[i % len(UITVOERING_SOORTEN)]
            voeg_toe(f"{soort} {plaats()}", "", "uitvoeringsorganisatie", eigenaar_kiezen(rnd))
        for i in range(s.medeoverheden):
            kind = "Gemeente" if i % 18 > 1 else ("Provincie" if i % 36 == 0 else "Waterschap")
            voeg_toe(f"{kind} {plaats()}", "", "medeoverheid", None)
        schrijf(Organisatie, rijen, totaal=len(rijen), label="organisaties")
        self.w.tellingen["organisaties"] = len(rijen)

    def personen(self) -> None:
        from uitvoerbaar.core.models import Gebruiker, Lidmaatschap

        s = self.schaal
        rnd = _rnd(self.seed, "personen")
        wachtwoord = (
            make_password(self.wachtwoord, salt=f"generator{self.seed}")
            if self.wachtwoord
            else "!" + hashlib.sha256(f"geen-wachtwoord:{self.seed}".encode()).hexdigest()[:40]
        )
        # The required roles first, then the rest over the organisations by 1/k^0.8.
        plek: list[tuple[Org, str]] = [
            (o, rol) for o in self.w.orgs for rol in VERPLICHTE_ROLLEN[o.soort]
        ]
        volgorde = list(self.w.orgs)
        rnd.shuffle(volgorde)
        kies_org = Zipf(volgorde, 0.8)
        while len(plek) < s.personen:
            o = kies_org(rnd)
            rollen, gewichten = OVERIGE_ROLLEN[o.soort]
            plek.append((o, rnd.choices(rollen, gewichten)[0]))
        eerste_g = volgend_id(Gebruiker)
        eerste_l = volgend_id(Lidmaatschap)
        gebruikers: list[dict[str, Any]] = []
        lidmaatschappen: list[dict[str, Any]] = []
        for i, (o, rol) in enumerate(plek[: s.personen]):
            pk = eerste_g + i
            voor, achter = teksten.persoonsnaam(rnd)
            gebruikersnaam = f"{slugify(voor)}.{slugify(achter)}.{pk}"
            self.w.gebruikersnamen[pk] = gebruikersnaam
            self.w.leden.setdefault((o.id, rol), []).append(pk)
            sinds = self.p - dt.timedelta(days=rnd.randrange(PERIODE_DAGEN + 365))
            gebruikers.append(
                {
                    "id": pk,
                    "password": wachtwoord,
                    "username": gebruikersnaam,
                    "first_name": voor,
                    "last_name": achter,
                    "email": f"{gebruikersnaam}@{o.slug}.example.nl",
                    "is_active": True,
                    "date_joined": _tijd(sinds, rnd),
                    "weergavenaam": f"{voor} {achter}",
                }
            )
            lidmaatschappen.append(
                {
                    "id": eerste_l + i,
                    "gebruiker_id": pk,
                    "organisatie_id": o.id,
                    "rol": rol,
                    "actief": True,
                    "sinds": sinds,
                }
            )
        schrijf(Gebruiker, gebruikers, totaal=len(gebruikers), label="personen")
        schrijf(Lidmaatschap, lidmaatschappen, totaal=len(gebruikers), label="lidmaatschappen")
        self.w.tellingen["personen"] = len(gebruikers)

    def lid(self, rnd: random.Random, org: int, *rollen: str) -> int:
        """A person holding one of `rollen` in `org` (the first role that has people)."""
        for rol in rollen:
            mensen = self.w.leden.get((org, rol))
            if mensen:
                return mensen[int(rnd.random() ** 2 * len(mensen))]
        raise LookupError((org, rollen))

    # -- regulations, kinds of request ---------------------------------------------------

    def regelingen(self) -> None:
        from uitvoerbaar.kennisbank.models import Afwijkingsgrond, Artikel, Regeling

        rnd = _rnd(self.seed, "regelingen")
        ministeries = Zipf([o.id for o in self.w.van_soort("ministerie")], 0.7)
        eerste_r, eerste_a, eerste_g = (
            volgend_id(Regeling),
            volgend_id(Artikel),
            volgend_id(Afwijkingsgrond),
        )
        regelingen: list[dict[str, Any]] = []
        artikelen: list[dict[str, Any]] = []
        gronden: list[dict[str, Any]] = []
        soorten = ("wet", "amvb", "ministeriele_regeling", "beleidsregel")
        for i in range(self.schaal.regelingen):
            pk = eerste_r + i
            thema = THEMAS[i % len(THEMAS)]
            soort = soorten[i % len(soorten)]
            naam = {
                "wet": f"Wet {thema} {2001 + i}",
                "amvb": f"Besluit {thema} {2001 + i}",
                "ministeriele_regeling": f"Regeling {thema} {2001 + i}",
                "beleidsregel": f"Beleidsregel {thema} {2001 + i}",
            }[soort]
            eigenaar = ministeries(rnd)
            regelingen.append(
                {
                    "id": pk,
                    "code": f"gen-{slugify(naam)}",
                    "naam": naam,
                    "soort": soort,
                    "eigenaar_id": eigenaar,
                    "bedoeling": f"Mensen ondersteunen bij {thema}, zonder onnodige lasten.",
                    "hardheidsclausule": "8" if soort == "wet" else "",
                }
            )
            self.w.regelingen.append((pk, eigenaar))
            self.w.artikelen[pk] = []
            for n in range(1, 9):
                apk = eerste_a + len(artikelen)
                artikelen.append(
                    {
                        "id": apk,
                        "regeling_id": pk,
                        "nummer": str(n),
                        "titel": f"Artikel {n} over {thema}",
                        "volgorde": n,
                    }
                )
                self.w.artikelen[pk].append(apk)
            gpk = eerste_g + len(gronden)
            gronden.append(
                {
                    "id": gpk,
                    "regeling_id": pk,
                    "sleutel": "awb-3:4-lid-2",
                    "soort": "evenredigheid",
                    "omschrijving": "Artikel 3:4, tweede lid, van de Algemene wet bestuursrecht.",
                }
            )
            self.w.gronden[pk] = gpk
        schrijf(Regeling, regelingen, totaal=len(regelingen), label="regelingen")
        schrijf(Artikel, artikelen, totaal=len(artikelen), label="artikelen")
        schrijf(Afwijkingsgrond, gronden, totaal=len(gronden), label="afwijkingsgronden")

    # -- signals and open requests ----------------------------------------------------------

    def signalen_en_verzoeken(self) -> None:
        from uitvoerbaar.responsplicht.constants import Status as VStatus
        from uitvoerbaar.responsplicht.laden import load_soorten
        from uitvoerbaar.responsplicht.models import (
            Escalatieniveau,
            Reactieverzoek,
            Soort,
            Verantwoordelijke,
        )
        from uitvoerbaar.signalen.models import Signaal

        s = self.schaal
        p = self.p
        load_soorten()
        soort_id = dict(Soort.objects.values_list("code", "id"))
        niveau1 = {
            code: naam
            for code, naam in Escalatieniveau.objects.filter(volgorde=1).values_list(
                "soort__code", "naam"
            )
        }
        plan = _rnd(self.seed, "plan")
        meldende = self.w.van_soort("uitvoeringsorganisatie") + self.w.van_soort("medeoverheid")
        plan.shuffle(meldende)
        kies_org = Zipf(meldende, 1.0)
        regelingen = Zipf([r for r, _ in self.w.regelingen], 1.0)

        # Open requests: acknowledgements (te_laat of them overdue), feedback requests,
        # escalated feedback requests and parliamentary questions.
        n = s.open_verzoeken
        n_kamer = round(0.05 * n)
        n_escalatie = round(0.10 * n)
        n_ontvangst = min(s.te_laat + round(0.08 * n), n - n_kamer - n_escalatie)
        n_gekoppeld = n - n_kamer
        if n_gekoppeld > s.signalen:
            raise ValueError("Meer verzoeken bij signalen dan signalen.")

        eerste_s = volgend_id(Signaal)
        eerste_v = volgend_id(Reactieverzoek)
        eerste_vw = volgend_id(Verantwoordelijke)
        # The newest n_gekoppeld signals carry the open requests: signal S-1-k has request k.
        org_van = [kies_org(plan).id for _ in range(s.signalen)]
        anoniem = [plan.random() < 0.15 for _ in range(s.signalen)]
        melder_van = [
            None if anoniem[i] else self.lid(plan, org_van[i], Rol.MEDEWERKER, Rol.BEHANDELAAR)
            for i in range(s.signalen)
        ]
        gekoppeld: dict[int, tuple[str, int, dt.date]] = {}  # signal index -> (kind, id, date)
        verzoeken: list[dict[str, Any]] = []
        verantwoordelijken: list[dict[str, Any]] = []
        rnd = _rnd(self.seed, "verzoeken")
        ministeries = Zipf([o.id for o in self.w.van_soort("ministerie")], 0.7)
        parlement = self.w.van_soort("parlement")[0].id
        for k in range(n):
            pk = eerste_v + k
            niveau = 0
            herinnering: dt.date | None = None
            vorige_termijn: dt.date | None = None
            if k < n_gekoppeld:
                i = s.signalen - 1 - k
                org = org_van[i]
                if k < s.te_laat:
                    code, gestart = "wbk-ontvangstbevestiging", p - dt.timedelta(days=8)
                    termijn = p - dt.timedelta(days=1)
                elif k < n_ontvangst:
                    code, gestart = "wbk-ontvangstbevestiging", p - dt.timedelta(rnd.randrange(7))
                    termijn = gestart + dt.timedelta(days=7)
                elif k < n_ontvangst + n_escalatie:
                    code = "wbk-terugkoppeling"
                    gestart = p - dt.timedelta(days=rnd.randrange(95, 180))
                    vorige_termijn = gestart + dt.timedelta(days=91)
                    termijn = p + dt.timedelta(days=rnd.randrange(1, 29))
                    niveau = 1
                else:
                    code, gestart = "wbk-terugkoppeling", p - dt.timedelta(rnd.randrange(86))
                    termijn = gestart + dt.timedelta(days=91)
                    if termijn - dt.timedelta(days=14) > p:
                        herinnering = termijn - dt.timedelta(days=14)
                gekoppeld[i] = (code, pk, gestart)
                velden = {
                    "onderwerp_type": "signalen.signaal",
                    "onderwerp_id": str(eerste_s + i),
                    "onderwerp_titel": f"Signaal S-{eerste_s + i:06d}",
                    "onderwerp_url": reverse("signalen:signaal", args=[eerste_s + i]),
                    "vraag": teksten.vraag(rnd),
                    "verzoeker_id": melder_van[i],
                    "verzoeker_organisatie_id": org,
                    "ontvanger_organisatie_id": org,
                    "ontvanger_rol": Rol.BEHANDELAAR,
                    "verantwoordelijke_organisatie_id": org,
                    "verantwoordelijke_rol": Rol.BESTUUR if niveau else Rol.BEHANDELAAR,
                    "openbaar": False,
                }
            else:
                org = ministeries(rnd)
                code, gestart = "kamervraag", p - dt.timedelta(rnd.randrange(20))
                termijn = gestart + dt.timedelta(days=21)
                velden = {
                    "onderwerp_type": "parlement.kamervraag",
                    "onderwerp_id": f"KV-{k}",
                    "onderwerp_titel": f"Kamervragen over {rnd.choice(teksten.ONDERWERPEN)}",
                    "vraag": teksten.vraag(rnd),
                    "verzoeker_id": self.lid(rnd, parlement, Rol.KAMERLID),
                    "verzoeker_organisatie_id": parlement,
                    "verzoeker_rol": Rol.KAMERLID,
                    "ontvanger_organisatie_id": org,
                    "ontvanger_rol": Rol.BESTUUR,
                    "verantwoordelijke_organisatie_id": org,
                    "verantwoordelijke_rol": Rol.BESTUUR,
                }
            verzoeken.append(
                {
                    "id": pk,
                    "soort_id": soort_id[code],
                    "niveau": niveau,
                    "status": VStatus.GEESCALEERD if niveau else VStatus.OPEN,
                    "gestart_op": gestart,
                    "uiterste_datum": termijn,
                    "volgende_herinnering": herinnering,
                    "aangemaakt": _tijd(gestart, rnd),
                    "bijgewerkt": _tijd(gestart, rnd),
                    **velden,
                }
            )
            verantwoordelijken.append(
                {
                    "id": eerste_vw + len(verantwoordelijken),
                    "verzoek_id": pk,
                    "niveau": 0,
                    "naam": "Ontvanger",
                    "organisatie_id": velden["ontvanger_organisatie_id"],
                    "rol": velden["ontvanger_rol"],
                    "vanaf": gestart,
                    "uiterste_datum": vorige_termijn or termijn,
                }
            )
            if niveau:
                assert vorige_termijn is not None
                verantwoordelijken.append(
                    {
                        "id": eerste_vw + len(verantwoordelijken),
                        "verzoek_id": pk,
                        "niveau": 1,
                        "naam": niveau1.get(code, "Bestuur"),
                        "organisatie_id": velden["ontvanger_organisatie_id"],
                        "rol": Rol.BESTUUR,
                        "vanaf": vorige_termijn + dt.timedelta(days=1),
                        "uiterste_datum": termijn,
                    }
                )
        schrijf(Reactieverzoek, verzoeken, totaal=n, label="reactieverzoeken")
        schrijf(
            Verantwoordelijke, verantwoordelijken, totaal=len(verantwoordelijken), label="niveaus"
        )
        del verzoeken, verantwoordelijken
        self.w.verzoeken = (eerste_v, n)

        tekst_rnd = _rnd(self.seed, "signalen")
        oud = s.signalen - n_gekoppeld

        def signalen() -> Iterator[dict[str, Any]]:
            for i in range(s.signalen):
                r = tekst_rnd
                koppeling = gekoppeld.get(i)
                rij: dict[str, Any] = {
                    "id": eerste_s + i,
                    "organisatie_id": org_van[i],
                    "kanaal": "anoniem" if anoniem[i] else "benoemd",
                    "melder_id": melder_van[i],
                    "bon_hash": hashlib.sha256(f"{self.seed}:bon:{i}".encode()).hexdigest()
                    if anoniem[i]
                    else None,
                    "urgentie": r.choices(("normaal", "hoog", "spoed"), (0.8, 0.15, 0.05))[0],
                    "titel": teksten.titel(r)[:200],
                    "tekst": teksten.tekst(r),
                    "voorstel": teksten.voorstel(r) if r.random() < 0.6 else "",
                    "regeling_id": regelingen(r) if r.random() < 0.7 else None,
                    "behandelrol": Rol.BEHANDELAAR,
                }
                if koppeling is None:
                    # Older, closed signals, in time order over the period.
                    dag = p - dt.timedelta(days=PERIODE_DAGEN - (PERIODE_DAGEN - 200) * i // oud)
                    rij["ontvangen_op"] = _tijd(dag, r)
                    rij["status"] = "afgesloten"
                    rij["uitkomst"] = r.choice(
                        ("maatregel", "knelpunt", "afwijking", "uitleg", "doorverwezen", "dubbel")
                    )
                    rij["uitkomst_toelichting"] = teksten.voorstel(r)
                    rij["afgesloten_op"] = rij["ontvangen_op"] + dt.timedelta(
                        days=r.randrange(3, 120)
                    )
                else:
                    code, verzoek, gestart = koppeling
                    rij["ontvangen_op"] = _tijd(gestart, r)
                    if code == "wbk-ontvangstbevestiging":
                        rij["status"] = "ontvangen"
                        rij["ontvangstbevestiging_id"] = verzoek
                    else:
                        rij["status"] = "in_behandeling"
                        rij["terugkoppeling_id"] = verzoek
                yield rij

        schrijf(Signaal, signalen(), totaal=s.signalen, label="signalen")
        self.w.signalen = (eerste_s, s.signalen)
        self.w.tellingen["signalen"] = s.signalen
        self.w.tellingen["open_verzoeken"] = n
        self.w.tellingen["te_laat"] = s.te_laat
        self.w.org_van_signaal = org_van

    # -- deviations, proposals, services ----------------------------------------------------

    def afwijkingen(self) -> None:
        from uitvoerbaar.afwijkingen import gelijkenis
        from uitvoerbaar.afwijkingen.models import Afwijking

        rnd = _rnd(self.seed, "afwijkingen")
        orgs = self.w.van_soort("uitvoeringsorganisatie") + self.w.van_soort("medeoverheid")
        rnd.shuffle(orgs)
        kies_org = Zipf(orgs, 1.0)
        regelingen = Zipf([r for r, _ in self.w.regelingen], 1.0)
        tokens: dict[str, str] = {}
        eerste = volgend_id(Afwijking)
        statussen = ("goedgekeurd", "afgewezen", "afgerond", "ter_beoordeling", "concept")

        def rijen() -> Iterator[dict[str, Any]]:
            for i in range(self.schaal.afwijkingen):
                org = kies_org(rnd).id
                regeling = regelingen(rnd)
                casus = teksten.tekst(rnd)
                if casus not in tokens:
                    tokens[casus] = " ".join(gelijkenis.tokens([casus]))
                status = rnd.choices(statussen, (0.45, 0.15, 0.2, 0.1, 0.1))[0]
                door = self.lid(rnd, org, Rol.MEDEWERKER)
                dag = self.p - dt.timedelta(days=PERIODE_DAGEN * (1 - i / self.schaal.afwijkingen))
                beslist = status in {"goedgekeurd", "afgewezen", "afgerond"}
                bedrag = Decimal(rnd.randrange(20, 9000)) if rnd.random() < 0.8 else None
                yield {
                    "id": eerste + i,
                    "organisatie_id": org,
                    "regeling_id": regeling,
                    "artikel_id": rnd.choice(self.w.artikelen[regeling]),
                    "grond_id": self.w.gronden[regeling],
                    "bedoeling": "Voorkomen dat een kleine fout grote gevolgen heeft.",
                    "casus": casus,
                    "alternatief": teksten.voorstel(rnd),
                    "motivering": f"De gevolgen zijn onevenredig: {rnd.choice(teksten.GEVOLGEN)}.",
                    "huishouden": rnd.choice(teksten.HUISHOUDENS),
                    "inkomensband": rnd.choice(teksten.INKOMENSBANDEN),
                    "knelpunt": rnd.choice(teksten.KNELPUNTEN),
                    "bedrag": bedrag,
                    "status": status,
                    "geregistreerd_door_id": door,
                    "aangemaakt": _tijd(dag, rnd),
                    "ingediend_op": _tijd(dag, rnd) if status != "concept" else None,
                    "beoordeeld_door_id": self.lid(rnd, org, Rol.BEHANDELAAR) if beslist else None,
                    "beoordeeld_op": _tijd(dag + dt.timedelta(days=3), rnd) if beslist else None,
                    "zoektokens": tokens[casus],
                }

        schrijf(Afwijking, rijen(), totaal=self.schaal.afwijkingen, label="afwijkingen")
        self.w.afwijkingen = (eerste, self.schaal.afwijkingen)
        self.w.tellingen["afwijkingen"] = self.schaal.afwijkingen

    def voorstellen(self) -> None:
        from uitvoerbaar.beleid.models import Beleidsvoorstel, Besluitstap

        rnd = _rnd(self.seed, "voorstellen")
        regelingen = Zipf(self.w.regelingen, 1.0)
        eerste, eerste_stap = volgend_id(Beleidsvoorstel), volgend_id(Besluitstap)
        voorstellen: list[dict[str, Any]] = []
        stappen: list[dict[str, Any]] = []
        for i in range(self.schaal.voorstellen):
            pk = eerste + i
            _regeling, ministerie = regelingen(rnd)
            dag = self.p - dt.timedelta(days=rnd.randrange(PERIODE_DAGEN))
            afgerond = rnd.random() < 0.3
            voorstellen.append(
                {
                    "id": pk,
                    "titel": f"Voorstel over {rnd.choice(teksten.ONDERWERPEN)} ({i + 1})",
                    "samenvatting": teksten.tekst(rnd),
                    "ministerie_id": ministerie,
                    "beoogde_invoering": dag + dt.timedelta(days=rnd.randrange(180, 720)),
                    "status": "afgerond" if afgerond else "lopend",
                    "aangemaakt_door_id": self.lid(rnd, ministerie, Rol.BELEIDSMAKER),
                    "aangemaakt": _tijd(dag, rnd),
                    "bijgewerkt": _tijd(dag, rnd),
                }
            )
            actief = 3 if afgerond else rnd.randrange(3)
            for v, naam in enumerate(("Verkenning", "Ontwerp", "Internetconsultatie"), 1):
                stappen.append(
                    {
                        "id": eerste_stap + len(stappen),
                        "voorstel_id": pk,
                        "volgorde": v,
                        "naam": naam,
                        "sleutelstap": v == 2,
                        "status": "afgerond"
                        if v - 1 < actief
                        else ("actief" if v - 1 == actief else "gepland"),
                        "gestart_op": dag if v - 1 <= actief else None,
                        "afgerond_op": dag + dt.timedelta(days=30 * v) if v - 1 < actief else None,
                    }
                )
        schrijf(Beleidsvoorstel, voorstellen, totaal=len(voorstellen), label="beleidsvoorstellen")
        schrijf(Besluitstap, stappen, totaal=len(stappen), label="besluitstappen")
        self.w.tellingen["voorstellen"] = len(voorstellen)

    def diensten(self) -> None:
        from uitvoerbaar.dienstverlening.models import Dienst, Indicator, Meting

        rnd = _rnd(self.seed, "diensten")
        orgs = self.w.van_soort("uitvoeringsorganisatie") + self.w.van_soort("medeoverheid")
        rnd.shuffle(orgs)
        kies_org = Zipf(orgs, 1.0)
        eerste_d, eerste_i, eerste_m = volgend_id(Dienst), volgend_id(Indicator), volgend_id(Meting)
        diensten: list[dict[str, Any]] = []
        indicatoren: list[dict[str, Any]] = []
        metingen: list[dict[str, Any]] = []
        maanden = [
            (self.p.replace(day=1) - dt.timedelta(days=30 * m)).replace(day=1) for m in range(24)
        ]
        for i in range(self.schaal.diensten):
            pk = eerste_d + i
            thema = THEMAS[i % len(THEMAS)]
            diensten.append(
                {
                    "id": pk,
                    "organisatie_id": kies_org(rnd).id,
                    "naam": f"Aanvragen {thema} afhandelen ({i + 1})",
                    "omschrijving": f"Het beoordelen en toekennen van aanvragen voor {thema}.",
                }
            )
            for code, naam, eenheid, richting, basis in (
                ("doorlooptijd", "Doorlooptijd", "dagen", "lager_beter", 30.0),
                ("tijdig", "Binnen de termijn beslist", "procent", "hoger_beter", 85.0),
            ):
                ipk = eerste_i + len(indicatoren)
                indicatoren.append(
                    {
                        "id": ipk,
                        "dienst_id": pk,
                        "code": code,
                        "naam": naam,
                        "eenheid": eenheid,
                        "richting": richting,
                    }
                )
                waarde = basis
                for maand in reversed(maanden):
                    waarde = max(1.0, waarde + rnd.uniform(-3, 3))
                    metingen.append(
                        {
                            "id": eerste_m + len(metingen),
                            "indicator_id": ipk,
                            "periode": maand,
                            "waarde": round(
                                min(waarde, 100.0) if eenheid == "procent" else waarde, 1
                            ),
                        }
                    )
        schrijf(Dienst, diensten, totaal=len(diensten), label="diensten")
        schrijf(Indicator, indicatoren, totaal=len(indicatoren), label="indicatoren")
        schrijf(Meting, metingen, totaal=len(metingen), label="metingen")
        self.w.tellingen["diensten"] = len(diensten)

    # -- audit events -------------------------------------------------------------------

    def audit(self) -> None:
        """`auditgebeurtenissen` events appended to the chain, in time order over the period,
        about the generated objects; hashed with `audit.hashing.event_hash`, the function
        `audit.services.record` and the verification use."""
        from uitvoerbaar.audit.hashing import event_hash
        from uitvoerbaar.audit.models import AuditEvent, KetenKop

        rnd = _rnd(self.seed, "audit")
        kop = KetenKop.objects.filter(pk=1).values_list("volgnummer", "hash").first()
        volgnummer, vorige = kop or (0, "0" * 64)
        totaal = self.schaal.auditgebeurtenissen
        eerste_id = volgend_id(AuditEvent)
        s0, s_n = self.w.signalen
        v0, v_n = self.w.verzoeken
        a0, a_n = self.w.afwijkingen
        org_van = self.w.org_van_signaal
        personen = list(self.w.gebruikersnamen.items())
        soorten = (
            ("signaal.gemeld", 0.22),
            ("signaal.bericht", 0.2),
            ("signaal.gelezen_door_bestuur", 0.1),
            ("reactieverzoek.aangemaakt", 0.12),
            ("reactieverzoek.herinnering", 0.08),
            ("reactieverzoek.beantwoord", 0.13),
            ("afwijking.geregistreerd", 0.07),
            ("afwijking.beoordeeld", 0.07),
            ("lidmaatschap.toegevoegd", 0.01),
        )
        namen = [n for n, _ in soorten]
        cum = list(itertools.accumulate(g for _, g in soorten))
        begin = self.nu - dt.timedelta(days=PERIODE_DAGEN)
        stap_us = PERIODE_DAGEN * 86_400_000_000 // max(totaal, 1)
        laatste: list[str] = [vorige]

        def rijen() -> Iterator[dict[str, Any]]:
            vorige_hash = vorige
            for j in range(totaal):
                event = namen[bisect.bisect(cum, rnd.random() * cum[-1])]
                fractie = j / totaal
                actor, naam = personen[int(rnd.random() ** 3 * len(personen))]
                if event.startswith("signaal"):
                    i = min(s_n - 1, int(fractie * s_n) + rnd.randrange(50))
                    obj, oid = "signalen.signaal", s0 + i
                    data: dict[str, Any] = {"organisatie": org_van[i]}
                elif event.startswith("reactieverzoek"):
                    obj, oid = "responsplicht.reactieverzoek", v0 + rnd.randrange(v_n)
                    data = {"status": "open"}
                elif event.startswith("afwijking") and a_n:
                    i = min(a_n - 1, int(fractie * a_n) + rnd.randrange(20))
                    obj, oid = "afwijkingen.afwijking", a0 + i
                    data = {"status": "ter_beoordeling" if event.endswith("d") else "goedgekeurd"}
                else:
                    obj, oid = "core.lidmaatschap", rnd.randrange(1, len(personen) + 1)
                    data = {"rol": "medewerker"}
                velden: dict[str, Any] = {
                    "volgnummer": volgnummer + j + 1,
                    "tijdstip": begin
                    + dt.timedelta(microseconds=j * stap_us + rnd.randrange(1000)),
                    "event": event,
                    "actor_id": actor,
                    "actor_naam": naam,
                    "object_type": obj,
                    "object_id": str(oid),
                    "data": data,
                    "vorige_hash": vorige_hash,
                }
                velden["hash"] = vorige_hash = event_hash(**velden)
                velden["id"] = eerste_id + j
                laatste[0] = vorige_hash
                yield velden

        schrijf(AuditEvent, rijen(), totaal=totaal, label="auditgebeurtenissen", batch=50_000)
        KetenKop.objects.update_or_create(
            pk=1, defaults={"volgnummer": volgnummer + totaal, "hash": laatste[0]}
        )
        self.w.tellingen["auditgebeurtenissen"] = totaal


def genereer(
    schaal: Schaal,
    *,
    seed: int,
    peildatum: dt.date = STANDAARD_PEILDATUM,
    wachtwoord: str | None = None,
) -> dict[str, int]:
    """Fill an empty database with `schaal`'s dataset; returns the counts made. Every step
    commits in batches (inside an outer atomic block they are savepoints)."""
    from django.apps import apps

    from uitvoerbaar.core.models import Organisatie

    if Organisatie.objects.exists():
        raise DatabaseNietLeeg
    g = Generator(schaal, seed=seed, peildatum=peildatum, wachtwoord=wachtwoord)
    with transaction.atomic():
        g.organisaties()
        g.personen()
        g.regelingen()
    g.signalen_en_verzoeken()
    g.afwijkingen()
    g.voorstellen()
    g.diensten()
    g.audit()
    sequenties_bijwerken(
        [m for m in apps.get_models() if m._meta.app_label in _APPS and not m._meta.proxy]
    )
    return g.w.tellingen


_APPS = frozenset(
    {
        "core",
        "kennisbank",
        "responsplicht",
        "signalen",
        "afwijkingen",
        "beleid",
        "dienstverlening",
        "audit",
    }
)

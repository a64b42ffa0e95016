"""A small world across every source of the Stand van de uitvoering, made through the other
apps' services (and plain rows where a service needs a long preparation: a published toets,
a service with its lower bound), with known numbers for the period 1 October to 31 December
2026 and the report made on 20 November 2026."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
import time_machine

from uitvoerbaar.afwijkingen import services as afwijkingen
from uitvoerbaar.beleid import services as beleid
from uitvoerbaar.beleid.constants import Teruggavereden, Toetsoordeel, Toetsstatus
from uitvoerbaar.beleid.models import Beleidsvoorstel, Uitvoeringstoets
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol
from uitvoerbaar.dienstverlening.constants import Eenheid, Richting
from uitvoerbaar.dienstverlening.models import Dienst, Indicator, Meting, Ondergrens
from uitvoerbaar.kennisbank.models import Artikel, Beginsel, Regeling
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory, RegelingFactory
from uitvoerbaar.responsplicht import services as responsplicht
from uitvoerbaar.responsplicht.laden import load_soorten
from uitvoerbaar.signalen import services as signalen

VAN = dt.date(2026, 10, 1)
TOT = dt.date(2026, 12, 31)
VANDAAG = dt.date(2026, 11, 20)
# What must never reach a report: a confidential reporter's name and a signal's own text.
GEHEIME_NAAM = "Zwaluwstaart Vertrouwelijk-Geheim"
GEHEIME_TEKST = "Ooievaarsnest-geheimtekst-7731"


def moment(dag: dt.date, uur: int = 10) -> dt.datetime:
    return dt.datetime(dag.year, dag.month, dag.day, uur, tzinfo=dt.UTC)


@dataclass
class Wereld:
    ministerie: Organisatie
    uitvoerder: Organisatie
    andere: Organisatie
    parlement: Organisatie
    regeling: Regeling
    art2: Artikel
    art3: Artikel
    medewerker: Gebruiker
    behandelaar: Gebruiker
    bestuur: Gebruiker
    beheerder: Gebruiker
    vertrouwenspersoon: Gebruiker
    top: Gebruiker
    beleidsmaker: Gebruiker
    kamerlid: Gebruiker
    griffie: Gebruiker
    bestuur_andere: Gebruiker
    medewerker_uitvoerder_rol: Gebruiker
    beginsel: Beginsel


@pytest.fixture
def wereld(db: None) -> Wereld:
    load_soorten()
    ministerie = OrganisatieFactory.create(
        naam="Ministerie van Test", slug="mvt", soort=OrganisatieSoort.MINISTERIE
    )
    uitvoerder = OrganisatieFactory.create(
        naam="Testuitvoering",
        afkorting="TU",
        slug="tu",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    andere = OrganisatieFactory.create(
        naam="Andere Uitvoering",
        afkorting="AU",
        slug="au",
        soort=OrganisatieSoort.UITVOERINGSORGANISATIE,
        eigenaar_ministerie=ministerie,
    )
    parlement = OrganisatieFactory.create(
        naam="Tweede Kamer (test)", slug="tk", soort=OrganisatieSoort.PARLEMENT
    )
    regeling = RegelingFactory.create(naam="Wet op de testtoeslag", eigenaar=ministerie)
    art2 = Artikel.objects.create(regeling=regeling, nummer="2", titel="Recht op toeslag")
    art3 = Artikel.objects.create(regeling=regeling, nummer="3", titel="Terugvordering")
    return Wereld(
        ministerie=ministerie,
        uitvoerder=uitvoerder,
        andere=andere,
        parlement=parlement,
        regeling=regeling,
        art2=art2,
        art3=art3,
        medewerker=persoon_met_rol(Rol.MEDEWERKER, uitvoerder, username="medewerker"),
        behandelaar=persoon_met_rol(Rol.BEHANDELAAR, uitvoerder, username="behandelaar"),
        bestuur=persoon_met_rol(Rol.BESTUUR, uitvoerder, username="bestuur"),
        beheerder=persoon_met_rol(Rol.BEHEERDER, uitvoerder, username="beheerder"),
        vertrouwenspersoon=persoon_met_rol(Rol.VERTROUWENSPERSOON, uitvoerder, username="vp"),
        top=persoon_met_rol(Rol.AMBTELIJKE_TOP, ministerie, username="top"),
        beleidsmaker=persoon_met_rol(Rol.BELEIDSMAKER, ministerie, username="beleidsmaker"),
        kamerlid=persoon_met_rol(Rol.KAMERLID, parlement, username="kamerlid"),
        griffie=persoon_met_rol(Rol.GRIFFIE, parlement, username="griffie"),
        bestuur_andere=persoon_met_rol(Rol.BESTUUR, andere, username="bestuur_andere"),
        medewerker_uitvoerder_rol=persoon_met_rol(
            Rol.MEDEWERKER,
            uitvoerder,
            username="klokkenluider",
            gebruiker__first_name="Zwaluwstaart",
            gebruiker__last_name="Vertrouwelijk-Geheim",
        ),
        beginsel=BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid"),
    )


@pytest.fixture
def gevuld(wereld: Wereld) -> Wereld:
    """The known numbers of the Testuitvoering in the period:

    - signals: article 2: 3 (one confidential, with the secret text), article 3: 1, no
      regulation: 1 (total 5); one on article 2 before the period and one of the other
      organisation do not count;
    - one knelpunt taken into the Stand (article 2, two signals); one that was not does not show;
    - noodremmen: 2, one answered pas toe in time, one late now without an answer;
    - aanvechtingen: 1 on article 3, waiting for an answer;
    - teruggaven: 1 (strijdig), waiting for the ministry; toetsen: 1 niet uitvoerbaar;
    - lower bound: 1 of 2 measurements in the period on the wrong side (one before the period
      does not count)."""
    w = wereld

    def meld(dag: dt.date, **kwargs: object) -> object:
        velden: dict[str, object] = {
            "door": w.medewerker,
            "kanaal": "benoemd",
            "organisatie": w.uitvoerder,
            "titel": "Terugvordering bij een kleine fout",
            "tekst": "Een gezin moet alles terugbetalen door een fout van twee euro.",
            "regeling": w.regeling,
            "artikel": w.art2,
        }
        velden.update(kwargs)
        with time_machine.travel(moment(dag), tick=False):
            return signalen.submit_signaal(**velden).signaal  # type: ignore[arg-type]

    s1 = meld(dt.date(2026, 10, 5))
    s2 = meld(
        dt.date(2026, 10, 6),
        door=w.medewerker_uitvoerder_rol,
        kanaal="vertrouwelijk",
        tekst=f"Leidinggevenden vragen bezwaren af te wijzen. {GEHEIME_TEKST}",
    )
    meld(dt.date(2026, 10, 7))
    s4 = meld(dt.date(2026, 10, 8), artikel=w.art3)
    meld(dt.date(2026, 10, 9), regeling=None, artikel=None)
    meld(dt.date(2026, 9, 20))  # before the period
    persoon_andere = persoon_met_rol(Rol.MEDEWERKER, w.andere, username="medewerker_andere")
    meld(dt.date(2026, 10, 10), door=persoon_andere, organisatie=w.andere)

    with time_machine.travel(moment(dt.date(2026, 10, 12)), tick=False):
        k = signalen.create_knelpunt(
            door=w.behandelaar,
            organisatie=w.uitvoerder,
            regeling=w.regeling,
            artikel=w.art2,
            naam="Volledige terugvordering bij kleine fouten",
            omschrijving="Kleine fouten leiden tot terugvordering van de hele toeslag.",
            signalen=[s1, s2],  # type: ignore[list-item]
        )
        signalen.pass_on_knelpunt(knelpunt=k, door=w.behandelaar, naar="stand")
        signalen.create_knelpunt(
            door=w.behandelaar,
            organisatie=w.uitvoerder,
            regeling=w.regeling,
            artikel=w.art3,
            naam="Interne werkvoorraad niet voor de Kamer",
            omschrijving="",
            signalen=[s4],  # type: ignore[list-item]
        )

    with time_machine.travel(moment(dt.date(2026, 10, 14)), tick=False):
        n1 = signalen.pull_noodrem(
            door=w.medewerker,
            organisatie=w.uitvoerder,
            titel="Stop de automatische terugvordering",
            schade="Gezinnen raken in de schulden.",
            stoppen="De automatische terugvordering.",
            beginselen=[w.beginsel],
        )
        signalen.pull_noodrem(
            door=w.medewerker,
            organisatie=w.uitvoerder,
            titel="Stop de automatische blokkade",
            schade="Mensen krijgen geen geld.",
            stoppen="De blokkade.",
            beginselen=[w.beginsel],
        )
    with time_machine.travel(moment(dt.date(2026, 10, 16)), tick=False):
        assert n1.verzoek is not None
        responsplicht.answer_pas_toe(
            verzoek=n1.verzoek,
            door=w.bestuur,
            maatregel="De terugvordering staat stil tot 1 januari.",
            eigenaar="Directie Uitvoering",
            datum=dt.date(2027, 1, 1),
        )

    with time_machine.travel(moment(dt.date(2026, 10, 20)), tick=False):
        afwijkingen.submit_aanvechting(
            door=w.medewerker,
            organisatie=w.uitvoerder,
            artikel=w.art3,
            titel="Artikel 3 laat geen ruimte",
            toelichting="De terugvordering is altijd volledig.",
            argumenten=["Het raakt gezinnen met schulden."],
        )
        opdracht = beleid.create_opdracht(
            door=w.beleidsmaker,
            ministerie=w.ministerie,
            uitvoerder=w.uitvoerder,
            titel="Nieuwe inkomenstoets invoeren",
            omschrijving="Voer de inkomenstoets in.",
            wettelijke_grondslag="art. 4 Wet op de testtoeslag",
            deadline=dt.date(2027, 3, 1),
        )
        beleid.return_opdracht(
            opdracht=opdracht,
            door=w.bestuur,
            reden=Teruggavereden.STRIJDIG,
            toelichting="Strijdig met het evenredigheidsbeginsel.",
            beginselen=[w.beginsel],
        )
        voorstel = Beleidsvoorstel.objects.create(
            titel="Testvoorstel",
            samenvatting="Een voorstel.",
            ministerie=w.ministerie,
            aangemaakt_door=w.beleidsmaker,
        )
        Uitvoeringstoets.objects.create(
            voorstel=voorstel,
            organisatie=w.uitvoerder,
            status=Toetsstatus.GEPUBLICEERD,
            oordeel=Toetsoordeel.NIET_UITVOERBAAR,
            gepubliceerd_op=dt.date(2026, 10, 20),
            opgesteld_door=w.behandelaar,
        )

        dienst = Dienst.objects.create(organisatie=w.uitvoerder, naam="Testtoeslag uitbetalen")
        indicator = Indicator.objects.create(
            dienst=dienst,
            code="doorlooptijd",
            naam="Doorlooptijd aanvraag",
            eenheid=Eenheid.DAGEN,
            richting=Richting.LAGER_IS_BETER,
        )
        Ondergrens.objects.create(
            indicator=indicator,
            grens=30,
            waarde="bestaanszekerheid",
            vastgesteld_door=w.bestuur,
            vastgesteld_op=moment(dt.date(2026, 10, 20)),
        )
        for periode, waarde in (
            (dt.date(2026, 9, 1), 50.0),
            (dt.date(2026, 10, 1), 35.0),
            (dt.date(2026, 11, 1), 20.0),
        ):
            Meting.objects.create(indicator=indicator, periode=periode, waarde=waarde)
    return w

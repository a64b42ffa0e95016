"""Demo data of the beleid app, in the fictional world of `core.demo` (called by
`uitvoerbaar load_demo` after the response duty's demo).

The journey of issue 6 ("Done when"): a proposal of the Ministerie van Werk en
Bestaanszekerheid goes from verkenning to besluitvorming. The Landelijke Uitkeringsdienst gives
its input at each key step; the municipality Lindendal is silent once, and the ministry
publishes why it went on without. The executor's toets is negative, calls one promise not
feasible (flagged wherever the proposal is shown), and sets two conditions: the ministry
explains one (leg uit) and complies with the other (pas toe). An assignment is handed back as
conflicting with good governance, and the ministry's ambtelijke top changes it (pas toe).
Every step goes through the services, with dates relative to today. Idempotent: skipped when
the demo proposal exists."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from uitvoerbaar.core.demo import DEMO_DOMEIN
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Beginsel, Regeling
from uitvoerbaar.responsplicht import services as rp

from . import services
from .constants import Haalbaarheid, Stapstatus, Teruggavereden, Toetsoordeel
from .models import Beleidsvoorstel, Betrokkenheid

TITEL = "Vereenvoudiging bijstand: één inkomenstoets"


def _inbreng(b: Betrokkenheid, door: Gebruiker, tekst: str, vandaag: dt.date) -> None:
    assert b.verzoek is not None
    rp.answer_pas_toe(
        verzoek=b.verzoek, door=door, maatregel=tekst, eigenaar=str(door), datum=vandaag
    )


@transaction.atomic
def load_demo_beleid() -> int:
    """Make the demo proposal with its toets, promises and assignment. Returns the number of
    proposals made (0 on a second run)."""
    if Beleidsvoorstel.objects.filter(titel=TITEL).exists():
        return 0
    p = {g.username: g for g in Gebruiker.objects.filter(email__endswith="@" + DEMO_DOMEIN)}
    org = {o.slug: o for o in Organisatie.objects.all()}
    if not {"sanne.mwb", "yusuf.lud", "bestuur.lud", "sg.mwb", "ruben.lindendal"} <= set(p):
        return 0  # the demo world is not there; core.demo builds it first
    vandaag = rp.vandaag()
    sanne, yusuf, ruben = p["sanne.mwb"], p["yusuf.lud"], p["ruben.lindendal"]
    team = Eenheid.objects.get(organisatie=org["mwb"], naam="Directie Bijstand en Participatie")
    beginselen = list(
        Beginsel.objects.filter(code__in=["abbb-evenredigheid", "abbb-zorgvuldigheid"])
    )

    voorstel = services.create_voorstel(
        door=sanne,
        ministerie=org["mwb"],
        titel=TITEL,
        samenvatting=(
            "Gemeenten en de Landelijke Uitkeringsdienst toetsen het inkomen nu op vier manieren. "
            "Dit voorstel maakt er één toets van, met één peildatum."
        ),
        betrokken=[org["lud"], org["lindendal"]],
        beleidsteam=team,
        regelingen=list(Regeling.objects.filter(code="participatiewet")),
        beoogde_invoering=dt.date(vandaag.year + 1, 1, 1),
    )
    services.add_bijlage(
        voorstel=voorstel,
        door=sanne,
        titel="Participatiewet op wetten.overheid.nl",
        url="https://wetten.overheid.nl/BWBR0015703",
    )
    snel = services.add_belofte(
        voorstel=voorstel,
        door=sanne,
        soort="wel",
        tekst="U krijgt binnen vier weken een besluit op uw aanvraag.",
    )
    fout = services.add_belofte(
        voorstel=voorstel,
        door=sanne,
        soort="wel",
        tekst="Een kleine fout in uw opgave betekent niet dat u alles moet terugbetalen.",
    )
    services.add_belofte(
        voorstel=voorstel,
        door=sanne,
        soort="niet",
        tekst="U hebt geen recht op bijstand als uw partner genoeg verdient voor u allebei.",
    )

    def stap() -> list[Betrokkenheid]:
        huidig = voorstel.stappen.get(status=Stapstatus.ACTIEF)
        return list(huidig.betrokkenen.select_related("organisatie", "verzoek"))

    # Verkenning -> Probleemanalyse: both give input.
    services.advance_stap(voorstel=voorstel, door=sanne)
    lud, gem = sorted(stap(), key=lambda b: b.organisatie.slug != "lud")
    _inbreng(lud, yusuf, "Vier toetsen kosten ons 30 fte per jaar; één toets helpt.", vandaag)
    _inbreng(gem, ruben, "Wij hebben de gegevens per week nodig, niet per maand.", vandaag)
    # -> Beleidsopties: the municipality is silent; the ministry explains in public.
    services.advance_stap(voorstel=voorstel, door=sanne)
    lud, gem = sorted(stap(), key=lambda b: b.organisatie.slug != "lud")
    _inbreng(lud, yusuf, "Variant B is uitvoerbaar; variant A niet voor 2028.", vandaag)
    services.explain_zonder_inbreng(
        betrokkenheid=gem,
        door=sanne,
        uitleg=(
            "Lindendal gaf bij de probleemanalyse al aan wat nodig is; de opties volgen dat. De "
            "gemeente krijgt het ontwerp opnieuw voor inbreng."
        ),
    )
    # The executor's toets: negative, with conditions and a promise it cannot keep.
    toets = services.save_toets(
        voorstel=voorstel,
        organisatie=org["lud"],
        door=yusuf,
        velden={
            "uitvoerbaarheid": "Niet per 1 januari: de koppeling met gemeenten bestaat nog niet.",
            "handhaafbaarheid": "Goed te handhaven als de peildatum vast ligt.",
            "doenvermogen": (
                "Mensen moeten elke maand hun inkomen doorgeven. Wie schulden of stress heeft, "
                "vergeet dat vaak (WRR, 'Weten is nog geen doen')."
            ),
            "gevolgen_burgers": "Zonder overgang krijgen 12.000 mensen een terugvordering.",
            "capaciteit_kosten": "Veertig extra medewerkers in het eerste jaar.",
            "kosten_eenmalig": 4_500_000,
            "kosten_structureel": 1_200_000,
            "ict_wijzigingen": "Een nieuwe koppeling met de gemeenten en een nieuw rekenmodel.",
            "invoeringsdatum_haalbaar": False,
            "vroegst_haalbare_datum": dt.date(vandaag.year + 1, 7, 1),
            "ondergrenzen": "Besluit binnen acht weken (Awb) komt in gevaar.",
            "oordeel": Toetsoordeel.NIET_UITVOERBAAR,
            "samenvatting": (
                "Zoals het er nu ligt niet uitvoerbaar. Met een latere invoering en geld voor de "
                "koppeling wel."
            ),
        },
        perspectieven={
            "juridisch_oordeel": "zorgen",
            "juridisch_toelichting": "De Participatiewet kent nog geen overgangsregeling.",
            "financieel_oordeel": "ernstige_zorgen",
            "financieel_toelichting": "De koppeling kost 4,5 miljoen euro; dat geld is er niet.",
            "professioneel_oordeel": "zorgen",
            "professioneel_toelichting": "Klantmanagers verliezen ruimte voor maatwerk.",
            "burger_oordeel": "ernstige_zorgen",
            "burger_toelichting": "Elke maand opgeven lukt mensen met schulden vaak niet.",
        },
        voorwaarden=[
            f"Invoering niet eerder dan 1 juli {vandaag.year + 1}.",
            "Eenmalig 4,5 miljoen euro voor de koppeling met de gemeenten.",
        ],
        bevindingen={
            snel.pk: (
                Haalbaarheid.NIET_HAALBAAR,
                "Wij doen nu gemiddeld zeven weken over een besluit; vier weken kan niet zonder "
                "extra mensen.",
            ),
            fout.pk: (Haalbaarheid.ONDER_VOORWAARDEN, "Alleen met een drempelbedrag in de wet."),
            **{
                b.pk: (Haalbaarheid.HAALBAAR, "")
                for b in voorstel.beloften.exclude(pk__in=[snel.pk, fout.pk])
            },
        },
    )
    toets = services.publish_toets(toets=toets, door=yusuf)
    datum, geld = toets.voorwaarden.order_by("volgorde")
    assert datum.verzoek is not None and geld.verzoek is not None
    rp.answer_leg_uit(
        verzoek=datum.verzoek,
        door=sanne,
        redenen=(
            "Het kabinet heeft 1 januari aan de Kamer toegezegd. Wij vangen de eerste zes maanden "
            "op met een overgangsregeling in plaats van de invoering uit te stellen."
        ),
        beginselen=[b for b in beginselen if b.code == "abbb-zorgvuldigheid"] or beginselen,
    )
    rp.answer_pas_toe(
        verzoek=geld.verzoek,
        door=sanne,
        maatregel="4,5 miljoen euro staat in de suppletoire begroting voor de koppeling.",
        eigenaar="Directie Bijstand en Participatie",
        datum=vandaag + dt.timedelta(days=60),
    )
    # -> Ontwerp regelgeving -> Consultatie -> Besluitvorming.
    services.advance_stap(voorstel=voorstel, door=sanne)
    lud, gem = sorted(stap(), key=lambda b: b.organisatie.slug != "lud")
    _inbreng(lud, yusuf, "Het ontwerp volgt variant B; de overgangsregeling is nodig.", vandaag)
    _inbreng(gem, ruben, "Akkoord met het ontwerp, met een weekkoppeling.", vandaag)
    services.advance_stap(voorstel=voorstel, door=sanne)  # consultatie: no gate
    services.advance_stap(voorstel=voorstel, door=sanne)  # now at besluitvorming

    # An assignment handed back, and changed by the ministry.
    opdracht = services.create_opdracht(
        door=sanne,
        ministerie=org["mwb"],
        uitvoerder=org["lud"],
        beleidsteam=team,
        voorstel=voorstel,
        titel="Terugvorderen bij elke te late inkomensopgave",
        omschrijving=(
            "Vorder de hele uitkering over de maand terug als de inkomensopgave te laat is, "
            "ook bij een kleine vergissing."
        ),
        wettelijke_grondslag="art. 58 Participatiewet",
        deadline=vandaag + dt.timedelta(days=120),
        budget=250_000,
    )
    teruggave = services.return_opdracht(
        opdracht=opdracht,
        door=p["bestuur.lud"],
        reden=Teruggavereden.STRIJDIG,
        toelichting=(
            "Alles terugvorderen bij een kleine vergissing is onevenredig: mensen komen in de "
            "schulden voor een fout van een paar euro."
        ),
        beginselen=[b for b in beginselen if b.code == "abbb-evenredigheid"] or beginselen,
    )
    rp.answer_pas_toe(
        verzoek=teruggave.verzoek,
        door=p["sg.mwb"],
        maatregel=(
            "De opdracht verandert: bij een vergissing onder 150 euro wordt alleen het verschil "
            "teruggevorderd."
        ),
        eigenaar="Directie Bijstand en Participatie",
        datum=vandaag + dt.timedelta(days=30),
    )
    services.update_opdracht(
        opdracht=opdracht,
        door=sanne,
        omschrijving=(
            "Vorder terug wat te veel is betaald. Bij een vergissing onder 150 euro alleen het "
            "verschil, niet de hele uitkering over de maand."
        ),
    )
    # A second assignment that still runs: the board can hand it back in the demo.
    services.create_opdracht(
        door=sanne,
        ministerie=org["mwb"],
        uitvoerder=org["lud"],
        beleidsteam=team,
        titel="Inkomenstoets per maand uitvoeren",
        omschrijving="Toets het inkomen elke maand opnieuw, voor iedereen met een uitkering.",
        wettelijke_grondslag="art. 31 Participatiewet",
        deadline=vandaag + dt.timedelta(days=200),
        budget=1_000_000,
    )
    return 1

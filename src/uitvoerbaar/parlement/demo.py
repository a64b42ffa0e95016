"""Demo data of kamervragen and contactmomenten, in the fictional world of `core.demo` (called
by `uitvoerbaar load_demo` after the beleid demo).

The Vaste commissie Werk en Bestaanszekerheid of the Tweede Kamer (demo) asks executors how
policy works out in practice:
- the Landelijke Uitkeringsdienst answered (leg uit) and the clerk accepted the answer: it is on
  the public page;
- the Dienst Toeslagen en Heffingen has an open question, still within its term;
- the Bureau Studiefinanciering did not answer, nor did its board: the silence is public.
Contact moments in each state: a planned round table, a held work visit with a published
report, a held briefing whose report is not yet public, and a cancelled briefing.
Every step goes through the services, with dates relative to today. Idempotent: skipped when
the first demo question exists."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from uitvoerbaar.core.demo import COMMISSIE, DEMO_DOMEIN
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Beginsel, Regeling
from uitvoerbaar.responsplicht import services as rp

from . import services
from .constants import Contactsoort
from .models import Kamervraag

TITEL = "Inkomenstoets in de bijstand: hoe werkt die uit?"


def _tijdstip(dag: dt.date, uur: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur, 0)))


@transaction.atomic
def load_demo_parlement() -> int:
    """Make the demo questions and contact moments. Returns the number of questions and moments
    made (0 on a second run)."""
    if Kamervraag.objects.filter(titel=TITEL).exists():
        return 0
    p = {g.username: g for g in Gebruiker.objects.filter(email__endswith="@" + DEMO_DOMEIN)}
    org = {o.slug: o for o in Organisatie.objects.all()}
    nodig = {"mirjam.kamer", "ruud.kamer", "griffie.kamer", "yusuf.lud", "bestuur.lud"}
    if not nodig <= set(p) or not {"kamer", "lud", "dth", "bsf"} <= set(org):
        return 0  # the demo world is not there; core.demo builds it first
    vandaag = rp.vandaag()
    mirjam, ruud, griffie = p["mirjam.kamer"], p["ruud.kamer"], p["griffie.kamer"]
    kamer = org["kamer"]
    commissie = Eenheid.objects.get(organisatie=kamer, naam=COMMISSIE)
    participatiewet = Regeling.objects.filter(code="participatiewet").first()
    beginselen = list(Beginsel.objects.filter(code__in=["abbb-evenredigheid"]))

    # Answered and accepted: public.
    beantwoord = services.ask_kamervraag(
        door=mirjam,
        parlement=kamer,
        commissie=commissie,
        uitvoerder=org["lud"],
        titel=TITEL,
        vraag=(
            "Gemeenten en de Landelijke Uitkeringsdienst toetsen het inkomen op verschillende "
            "manieren. Wat merken uw medewerkers daarvan aan de balie, en wat zou helpen?"
        ),
        regeling=participatiewet,
        start=vandaag - dt.timedelta(days=12),
    )
    assert beantwoord.verzoek is not None
    rp.answer_leg_uit(
        verzoek=beantwoord.verzoek,
        door=p["yusuf.lud"],
        redenen=(
            "Aan de balie zien wij dat mensen drie keer hun inkomen moeten opgeven, elke keer op "
            "een andere peildatum. Dat leidt tot terugvorderingen die niemand begrijpt. Eén "
            "toets met één peildatum zou het meeste helpen; de overgang vraagt een half jaar."
        ),
        beginselen=beginselen,
    )
    rp.accept_answer(verzoek=beantwoord.verzoek, door=griffie)

    # Open, within its term.
    services.ask_kamervraag(
        door=ruud,
        parlement=kamer,
        commissie=commissie,
        uitvoerder=org["dth"],
        titel="Terugvorderen van kleine bedragen",
        vraag=(
            "Hoe vaak vordert u bedragen onder de 100 euro terug, en wat kost dat aan "
            "uitvoering in verhouding tot het bedrag?"
        ),
        start=vandaag - dt.timedelta(days=3),
    )

    # Silent: the handlers and then the board let the term pass. The sweep runs on the days
    # it would have run, so the silence is past the last level today.
    stil = services.ask_kamervraag(
        door=mirjam,
        parlement=kamer,
        commissie=commissie,
        uitvoerder=org["bsf"],
        titel="Wachttijd bij bezwaar tegen de studieschuld",
        vraag=(
            "Hoe lang wachten studenten nu op een besluit op bezwaar, en wat is daarvoor nodig "
            "om binnen de wettelijke termijn te blijven?"
        ),
        start=vandaag - dt.timedelta(days=45),
    )
    assert stil.verzoek is not None
    for dag in (
        stil.verzoek.uiterste_datum + dt.timedelta(days=1),
        vandaag,
    ):
        rp.process_due_request(verzoek_id=stil.verzoek.pk, vandaag_=dag)

    # Contact moments in each state.
    services.plan_contactmoment(
        door=griffie,
        soort=Contactsoort.RONDETAFELGESPREK,
        titel="Rondetafelgesprek vereenvoudiging bijstand",
        parlement=kamer,
        commissie=commissie,
        uitvoerders=[org["lud"], org["lindendal"]],
        begint_op=_tijdstip(vandaag + dt.timedelta(days=14), 10),
        eindigt_op=_tijdstip(vandaag + dt.timedelta(days=14), 12),
        locatie="Tweede Kamer (demo), zaal 2",
        onderwerpen="Eén inkomenstoets; wat gemeenten en de uitkeringsdienst nodig hebben.",
        regelingen=[participatiewet] if participatiewet else [],
        deelnemers=[mirjam, ruud, p["bestuur.lud"]],
        gasten="Een cliëntenraad (twee leden)",
    )
    werkbezoek = services.plan_contactmoment(
        door=griffie,
        soort=Contactsoort.WERKBEZOEK,
        titel="Werkbezoek aan Klantcontact Noord",
        parlement=kamer,
        commissie=commissie,
        uitvoerders=[org["lud"]],
        begint_op=_tijdstip(vandaag - dt.timedelta(days=20), 13),
        locatie="Landelijke Uitkeringsdienst, Klantcontact Noord",
        onderwerpen="Hoe de balie omgaat met terugvorderingen.",
        deelnemers=[mirjam, p["yusuf.lud"]],
    )
    services.hold_contactmoment(contactmoment=werkbezoek, door=griffie)
    services.save_verslag(
        contactmoment=werkbezoek,
        door=griffie,
        verslag=(
            "De commissie sprak met medewerkers van Klantcontact Noord. Zij zien dat kleine "
            "terugvorderingen veel werk en onrust geven. Afgesproken: de dienst stuurt voor de "
            "zomer cijfers over terugvorderingen onder de 150 euro."
        ),
    )
    services.publish_verslag(contactmoment=werkbezoek, door=griffie)
    briefing = services.plan_contactmoment(
        door=p["bestuur.lud"],
        soort=Contactsoort.BRIEFING,
        titel="Technische briefing over de wachttijden",
        parlement=kamer,
        commissie=commissie,
        uitvoerders=[org["lud"]],
        begint_op=_tijdstip(vandaag - dt.timedelta(days=5), 9),
        online=True,
        onderwerpen="Wachttijden bij bezwaar en wat de dienst eraan doet.",
        deelnemers=[ruud],
    )
    services.hold_contactmoment(contactmoment=briefing, door=griffie)
    services.save_verslag(
        contactmoment=briefing,
        door=p["bestuur.lud"],
        verslag="Concept: de dienst lichtte de wachttijden toe. Nog af te stemmen met de griffie.",
    )
    geannuleerd = services.plan_contactmoment(
        door=griffie,
        soort=Contactsoort.BRIEFING,
        titel="Briefing over de toeslagen",
        parlement=kamer,
        uitvoerders=[org["dth"]],
        begint_op=_tijdstip(vandaag + dt.timedelta(days=7), 15),
        online=True,
        onderwerpen="Stand van zaken hersteloperatie.",
    )
    services.cancel_contactmoment(
        contactmoment=geannuleerd,
        door=griffie,
        reden="De commissie vergadert die dag plenair; een nieuwe datum volgt.",
    )
    return 7

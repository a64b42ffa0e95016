"""Demo requests to respond, in the fictional demo world of `core.demo` (called by
`uitvoerbaar load_demo` after the world is built).

Every request is made and moved through the services, with dates relative to today so the demo
lives: one noodrem reached its deadline yesterday (or on the last working day before), so the
sweep (`process_deadlines`, which `make demo` runs every minute) escalates it on the first run.
The others show the states the public register and the inboxes know: answered in time and late,
pas toe and leg uit, accepted, called insufficient and escalated, silent past the last level,
withheld under the Wet open overheid, still running, and a kind that publishes nothing.

Subjects are opaque "demo.casus" references with a title and no link (the signals app does not
exist yet). Idempotent: a scenario whose subject already has a request is skipped, so a second
load creates nothing and writes no audit event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.demo import DEMO_DOMEIN
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.termijnen.rekenen import Eenheid
from uitvoerbaar.termijnen.selectors import uiterste_datum

from . import services
from .constants import WooGrond
from .laden import load_soorten
from .models import Reactieverzoek, Soort

ONDERWERP_TYPE = "demo.casus"


@dataclass
class Demo:
    """The demo world as the scenarios need it, and today's date."""

    vandaag: dt.date
    personen: dict[str, Gebruiker]
    organisaties: dict[str, Organisatie]
    soorten: dict[str, Soort]

    def persoon(self, username: str) -> Gebruiker:
        try:
            return self.personen[username]
        except KeyError:
            raise ValidationError(
                _("Demo-persoon %(naam)s ontbreekt. Laad eerst de demo-wereld (load_demo).")
                % {"naam": username}
            ) from None

    def org(self, slug: str) -> Organisatie:
        try:
            return self.organisaties[slug]
        except KeyError:
            raise ValidationError(
                _("Demo-organisatie %(slug)s ontbreekt. Laad eerst de demo-wereld (load_demo).")
                % {"slug": slug}
            ) from None

    def beginselen(self, *codes: str) -> list[Beginsel]:
        gevonden = list(Beginsel.objects.filter(code__in=codes).order_by("code"))
        if not gevonden:
            raise ValidationError(_("De beginselen ontbreken. Laad eerst de kennisbank."))
        return gevonden

    def dagen(self, n: int) -> dt.date:
        return self.vandaag + dt.timedelta(days=n)

    def start_met_deadline_voor_vandaag(self, soort: str, ontvanger: Organisatie) -> dt.date:
        """The latest start date whose deadline (by the kind's term, Algemene termijnenwet)
        lies before today: yesterday, or the last working day before today."""
        s = self.soorten[soort]
        for terug in range(1, 120):
            start = self.dagen(-terug)
            deadline = uiterste_datum(
                start=start,
                aantal=s.termijn_aantal,
                eenheid=Eenheid(s.termijn_eenheid),
                organisatie_id=ontvanger.pk,
            )
            if deadline < self.vandaag:
                return start
        raise AssertionError("no start date gives a deadline before today")  # pragma: no cover


def _onderwerp(sleutel: str, titel: str) -> services.Onderwerp:
    return services.Onderwerp(type=ONDERWERP_TYPE, id=sleutel, titel=titel)


def _verzoek(
    d: Demo,
    sleutel: str,
    *,
    soort: str,
    titel: str,
    vraag: str,
    door: str,
    van: str,
    ontvanger: str,
    rol: str,
    start: dt.date,
    argumenten: tuple[str, ...] = (),
    verzoeker_rol: str = "",
) -> Reactieverzoek:
    vrager = d.persoon(door)
    return services.create_reactieverzoek(
        soort=d.soorten[soort],
        onderwerp=_onderwerp(sleutel, titel),
        vraag=vraag,
        door=vrager,
        ontvanger_organisatie=d.org(ontvanger),
        ontvanger_rol=rol,
        verzoeker_organisatie=d.org(van),
        verzoeker_rol=verzoeker_rol,
        argumenten=argumenten,
        start=start,
    )


# --- the scenarios ---------------------------------------------------------------------------


def _noodrem_verloopt(d: Demo, sleutel: str) -> None:
    """Past its deadline, still open: the first sweep escalates it to the ministry's top."""
    lud = d.org("lud")
    _verzoek(
        d,
        sleutel,
        soort="noodrem",
        titel="Uitkering stopt automatisch bij een adreswijziging",
        vraag=(
            "Zet de automatische stop van de uitkering bij een adreswijziging uit tot er een "
            "controle door een medewerker is. Mensen die verhuizen naar een opvang staan nu "
            "zonder inkomen."
        ),
        door="fatima.lud",
        van="lud",
        ontvanger="lud",
        rol=Rol.BESTUUR,
        start=d.start_met_deadline_voor_vandaag("noodrem", lud),
        argumenten=(
            "Deze week zijn drie mensen in een opvang zonder inkomen komen te zitten.",
            "De wet verplicht niet tot stoppen voordat de nieuwe situatie bekend is.",
        ),
    )


def _noodrem_pas_toe(d: Demo, sleutel: str) -> None:
    verzoek = _verzoek(
        d,
        sleutel,
        soort="noodrem",
        titel="Brieven over terugvordering zonder telefoonnummer",
        vraag="Zet een telefoonnummer in de brieven over terugvordering.",
        door="bram.lud",
        van="lud",
        ontvanger="lud",
        rol=Rol.BESTUUR,
        start=d.dagen(-3),
    )
    services.answer_pas_toe(
        verzoek=verzoek,
        door=d.persoon("bestuur.lud"),
        maatregel=(
            "Alle brieven over terugvordering krijgen het directe telefoonnummer van het team "
            "Bezwaar en beroep."
        ),
        eigenaar="Afdeling Communicatie",
        datum=d.dagen(30),
    )


def _aanvechting_leg_uit(d: Demo, sleutel: str) -> None:
    verzoek = _verzoek(
        d,
        sleutel,
        soort="aanvechting",
        titel="Vaste termijn van vier weken voor het inleveren van bewijsstukken",
        vraag=(
            "Maak de termijn voor bewijsstukken langer voor mensen die hulp nodig hebben bij "
            "het verzamelen ervan."
        ),
        door="fatima.lud",
        van="lud",
        ontvanger="mwb",
        rol=Rol.BELEIDSMAKER,
        start=d.dagen(-20),
        argumenten=(
            "Mensen in de schuldhulp krijgen hun papieren niet binnen vier weken.",
            "Een aanvraag die daardoor stopt, komt later toch weer binnen.",
        ),
    )
    services.answer_leg_uit(
        verzoek=verzoek,
        door=d.persoon("sanne.mwb"),
        redenen=(
            "De termijn staat in de regeling zelf en geldt voor iedereen. De uitvoering mag al "
            "uitstel geven als iemand aantoonbaar hulp zoekt; dat leggen we vast in een "
            "werkinstructie in plaats van de regeling te wijzigen."
        ),
        beginselen=d.beginselen("abbb-gelijkheid", "abbb-evenredigheid"),
        antwoorden=(
            "Voor hen geldt het uitstel uit de werkinstructie.",
            "Dat klopt; de werkinstructie voorkomt dat een aanvraag om die reden stopt.",
        ),
    )
    services.accept_answer(verzoek=verzoek, door=d.persoon("fatima.lud"))


def _noodrem_onvoldoende(d: Demo, sleutel: str) -> None:
    """Explained, called insufficient, escalated to the ministry's top: sg.mwb must answer."""
    verzoek = _verzoek(
        d,
        sleutel,
        soort="noodrem",
        titel="Beslagvrije voet wordt te laag berekend bij wisselend inkomen",
        vraag="Stop met verrekenen bij wisselend inkomen tot de berekening klopt.",
        door="bram.lud",
        van="lud",
        ontvanger="lud",
        rol=Rol.BESTUUR,
        start=d.dagen(-4),
        argumenten=("Mensen houden minder over dan het bestaansminimum.",),
    )
    services.answer_leg_uit(
        verzoek=verzoek,
        door=d.persoon("bestuur.lud"),
        redenen="We passen de berekening aan in het volgende kwartaal; tot dan blijft hij gelden.",
        beginselen=d.beginselen("abbb-rechtszekerheid"),
        antwoorden=("We herkennen dit bij een klein aantal mensen.",),
    )
    services.contest_answer(
        verzoek=verzoek,
        door=d.persoon("bram.lud"),
        reden="Een kwartaal wachten is te lang voor mensen onder het bestaansminimum.",
    )


def _noodrem_stil(d: Demo, sleutel: str) -> None:
    """Nobody answered, at no level: the sweep's steps on the past days it would have run."""
    verzoek = _verzoek(
        d,
        sleutel,
        soort="noodrem",
        titel="Inlogcode per brief komt na de termijn voor bezwaar",
        vraag="Stuur de inlogcode per e-mail of verleng de termijn voor bezwaar.",
        door="femke.werkplein",
        van="lud",
        ontvanger="lud",
        rol=Rol.BESTUUR,
        start=d.dagen(-60),
    )
    for _ronde in range(2):
        verzoek.refresh_from_db()
        services.process_due_request(
            verzoek_id=verzoek.pk, vandaag_=verzoek.uiterste_datum + dt.timedelta(days=1)
        )


def _kamervraag_loopt(d: Demo, sleutel: str) -> None:
    _verzoek(
        d,
        sleutel,
        soort="kamervraag",
        titel="Hoe werkt de nieuwe regel voor samenwonen in de praktijk?",
        vraag=(
            "Hoeveel mensen kregen sinds de nieuwe regel een lagere uitkering, en wat merken "
            "uw medewerkers aan de balie?"
        ),
        door="griffie.kamer",
        van="kamer",
        ontvanger="lud",
        rol=Rol.BEHANDELAAR,
        start=d.dagen(-2),
        verzoeker_rol=Rol.GRIFFIE,
    )


def _teruggave_woo(d: Demo, sleutel: str) -> None:
    verzoek = _verzoek(
        d,
        sleutel,
        soort="teruggave-opdracht",
        titel="Opdracht: invoeren nieuwe inkomenstoets per 1 januari",
        vraag=(
            "Wij geven de opdracht tijdelijk terug: de systemen kunnen de nieuwe toets niet "
            "zonder fouten uitvoeren per 1 januari."
        ),
        door="bestuur.lud",
        van="lud",
        ontvanger="mwb",
        rol=Rol.AMBTELIJKE_TOP,
        start=d.dagen(-10),
    )
    services.answer_pas_toe(
        verzoek=verzoek,
        door=d.persoon("sg.mwb"),
        maatregel="De invoering schuift naar 1 juli; de Kamer krijgt daarover een brief.",
        eigenaar="Directie Bijstand en Participatie",
        datum=d.dagen(60),
    )
    services.withhold_publication(
        verzoek=verzoek,
        door=d.persoon("sg.mwb"),
        grond=WooGrond.PERSOONLIJKE_BELEIDSOPVATTINGEN,
        toelichting="Het antwoord bevat opvattingen uit het interne beraad over de planning.",
    )


def _betrokkenheid_te_laat(d: Demo, sleutel: str) -> None:
    verzoek = _verzoek(
        d,
        sleutel,
        soort="betrokkenheid-besluitstap",
        titel="Wetsvoorstel vereenvoudiging bijstand: stap 'keuze uitvoeringsvariant'",
        vraag="Welke uitvoeringsvariant kan de gemeente aan, en wat is daarvoor nodig?",
        door="sanne.mwb",
        van="mwb",
        ontvanger="lindendal",
        rol=Rol.BEHANDELAAR,
        start=d.dagen(-40),
    )
    services.answer_pas_toe(
        verzoek=verzoek,
        door=d.persoon("ruben.lindendal"),
        maatregel=(
            "Variant B kan, als de gegevens van de Landelijke Uitkeringsdienst per week komen."
        ),
        eigenaar="Team Werk en Inkomen",
        datum=d.dagen(14),
    )


def _wbk_alleen_geteld(d: Demo, sleutel: str) -> None:
    verzoek = _verzoek(
        d,
        sleutel,
        soort="wbk-ontvangstbevestiging",
        titel="Melding over een misstand (vertrouwelijk)",
        vraag="Bevestig de ontvangst van mijn melding.",
        door="bram.lud",
        van="lud",
        ontvanger="lud",
        rol=Rol.BEHANDELAAR,
        start=d.dagen(-1),
    )
    services.answer_pas_toe(
        verzoek=verzoek,
        door=d.persoon("yusuf.lud"),
        maatregel="Ontvangst bevestigd; de melding wordt onderzocht.",
        eigenaar="Kwaliteit en signalen",
        datum=d.vandaag,
    )


SCENARIOS: tuple[tuple[str, Callable[[Demo, str], None]], ...] = (
    ("noodrem-verloopt", _noodrem_verloopt),
    ("noodrem-pas-toe", _noodrem_pas_toe),
    ("aanvechting-leg-uit", _aanvechting_leg_uit),
    ("noodrem-onvoldoende", _noodrem_onvoldoende),
    ("noodrem-stil", _noodrem_stil),
    ("kamervraag-loopt", _kamervraag_loopt),
    ("teruggave-woo", _teruggave_woo),
    ("betrokkenheid-te-laat", _betrokkenheid_te_laat),
    ("wbk-alleen-geteld", _wbk_alleen_geteld),
)


@transaction.atomic
def load_demo_verzoeken() -> int:
    """Load the kinds of request and make the demo requests that do not exist yet, with dates
    relative to today. Returns how many requests were made (0 on a second run)."""
    load_soorten()
    bestaand = set(
        Reactieverzoek.objects.filter(onderwerp_type=ONDERWERP_TYPE).values_list(
            "onderwerp_id", flat=True
        )
    )
    te_maken = [(s, f) for s, f in SCENARIOS if s not in bestaand]
    if not te_maken:
        return 0
    d = Demo(
        vandaag=services.vandaag(),
        personen={
            g.username: g for g in Gebruiker.objects.filter(email__endswith="@" + DEMO_DOMEIN)
        },
        organisaties={o.slug: o for o in Organisatie.objects.all()},
        soorten={s.code: s for s in Soort.objects.all()},
    )
    for sleutel, scenario in te_maken:
        scenario(d, sleutel)
    return len(te_maken)

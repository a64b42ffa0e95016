"""Demo deviations, casusberaden and an aanvechting in the fictional demo world of `core.demo`
(called by `uitvoerbaar load_demo` after the world and the response duty kinds are loaded).

The Landelijke Uitkeringsdienst works with the Werkloosheidswet:
- art. 27 (Maatregelen): one refused and two approved deviations for people with debts, and a
  casusberaad with a guideline. A professional who registers a new case with debts sees the
  refused one as a precedent, with the equal-treatment alert; one more approval reaches the
  organisation's threshold of three and the register proposes "structureel — regel aanpassen".
- art. 26 (Plichten bij de uitkering): three approved deviations for a missed formality, and
  the aanvechting they led to, answered by the ministry with pas toe.

All through the services, so every step is audited. Idempotent: nothing is made when the
organisation already has deviations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.core.demo import DEMO_DOMEIN
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Afwijkingsgrond, Artikel, Beginsel
from uitvoerbaar.responsplicht import services as engine

from . import services
from .constants import AanvechtingBron
from .models import Afwijking

ALLE_GEZIEN = {
    "juridisch_oordeel": "geen_zorgen",
    "financieel_oordeel": "zorgen",
    "financieel_toelichting": "De uitkering kost iets meer dan bij een volledige maatregel.",
    "professioneel_oordeel": "geen_zorgen",
    "burger_oordeel": "geen_zorgen",
}


def _persoon(username: str) -> Gebruiker:
    try:
        return Gebruiker.objects.get(username=username, email__endswith="@" + DEMO_DOMEIN)
    except Gebruiker.DoesNotExist:
        raise ValidationError(
            _("Demo-persoon %(naam)s ontbreekt. Laad eerst de demo-wereld (load_demo).")
            % {"naam": username}
        ) from None


def _beslis(
    lud: Organisatie,
    artikel: Artikel,
    grond: Afwijkingsgrond,
    *,
    door: str,
    goedkeuren: bool,
    beginselen: list[Beginsel],
    verschil: str = "",
    **velden: Any,
) -> Afwijking:
    afwijking = services.register_afwijking(
        door=_persoon(door),
        organisatie=lud,
        artikel=artikel,
        grond=grond,
        perspectieven=ALLE_GEZIEN,
        beginselen=beginselen,
        **velden,
    )
    afwijking = services.submit_afwijking(
        afwijking=afwijking,
        door=_persoon(door),
        verschil_motivering=verschil,
    )
    beoordelaar = _persoon("yusuf.lud")
    if goedkeuren:
        return services.approve_afwijking(
            afwijking=afwijking,
            door=beoordelaar,
            toelichting=_("Past bij de richtlijn uit het casusberaad."),
        )
    return services.reject_afwijking(
        afwijking=afwijking,
        door=beoordelaar,
        toelichting=_(
            "De gedraging was verwijtbaar en er was al een betalingsregeling. De maatregel "
            "blijft staan."
        ),
    )


@transaction.atomic
def load_demo_afwijkingen() -> int:
    """Make the demo deviations, casusberaad and aanvechting; 0 when they exist already.
    Returns how many deviations were made."""
    lud = Organisatie.objects.filter(slug="lud").first()
    artikelen = {
        a.nummer: a
        for a in Artikel.objects.filter(regeling__code="werkloosheidswet").select_related(
            "regeling"
        )
    }
    if lud is None or not {"26", "27"} <= set(artikelen):
        raise ValidationError(_("Laad eerst de demo-wereld en de regelingen (load_demo)."))
    if Afwijking.objects.filter(organisatie=lud).exists():
        return 0
    art27, art26 = artikelen["27"], artikelen["26"]
    ruimte27 = Afwijkingsgrond.objects.get(regeling=art27.regeling, sleutel="beleidsruimte:27")
    evenredigheid = Afwijkingsgrond.objects.get(regeling=art27.regeling, sleutel="awb-3:4-lid-2")
    beginselen = {b.code: b for b in Beginsel.objects.all()}
    even = [b for c in ("abbb-evenredigheid", "ombudsman-maatwerk") if (b := beginselen.get(c))]

    services.save_instelling(
        door=_persoon("bestuur.lud"),
        organisatie=lud,
        bestuur_drempel=Decimal("2500"),
        structureel_drempel=3,
        precedenten_delen=True,
    )
    services.record_casusberaad(
        door=_persoon("yusuf.lud"),
        organisatie=lud,
        regeling=art27.regeling,
        artikel=art27,
        datum=timezone.localdate(),
        deelnemers=_("Twee klantmanagers, een jurist, een teamleider en een schuldhulpverlener"),
        vraag=_(
            "Mogen we een maatregel lager opleggen als iemand daardoor dieper in de schulden raakt?"
        ),
        conclusie=_(
            "Ja. De maatregel moet iemand aanzetten tot de plicht, niet in armoede duwen. De "
            "wet laat ruimte om de maatregel af te stemmen op de omstandigheden."
        ),
        richtlijn=_(
            "Bij problematische schulden: leg de maatregel hoogstens voor de helft op en "
            "verwijs naar schuldhulp. Leg vast welke schuldeisers er zijn, zonder namen."
        ),
        beginselen=even,
        perspectieven=ALLE_GEZIEN,
    )
    schuld: dict[str, Any] = {
        "bedoeling": _(
            "De maatregel moet iemand aanzetten om werk te zoeken, niet in armoede duwen."
        ),
        "knelpunt": "schulden",
        "inkomensband": "onder_bijstand",
    }
    _beslis(
        lud,
        art27,
        ruimte27,
        door="bram.lud",
        goedkeuren=False,
        beginselen=even,
        casus=_(
            "Alleenstaande man met schulden bij de zorgverzekeraar. Twee sollicitaties te weinig "
            "in een maand. Een volledige maatregel brengt hem onder het bestaansminimum."
        ),
        huishouden="alleenstaand",
        alternatief=_("Maatregel van vijf procent in plaats van tien procent."),
        motivering=_("Met de volledige maatregel loopt de schuld verder op."),
        bedrag=Decimal("240"),
        **schuld,
    )
    for huishouden, casus in (
        (
            "alleenstaande_ouder",
            _(
                "Alleenstaande moeder met twee kinderen en schulden bij de energieleverancier. "
                "Een gesprek gemist door zorg voor een ziek kind. De maatregel brengt het gezin "
                "onder het bestaansminimum."
            ),
        ),
        (
            "paar_met_kinderen",
            _(
                "Gezin met drie kinderen en een betalingsachterstand in de huur. Sollicitaties "
                "te laat doorgegeven. Een volledige maatregel maakt de huurachterstand groter."
            ),
        ),
    ):
        _beslis(
            lud,
            art27,
            ruimte27,
            door="fatima.lud",
            goedkeuren=True,
            beginselen=even,
            verschil=_(
                "Hier wonen kinderen in huis, die de gevolgen van de maatregel mee dragen. In "
                "het afgewezen geval ging het om één volwassene met een betalingsregeling."
            ),
            casus=casus,
            huishouden=huishouden,
            alternatief=_("Maatregel voor de helft opgelegd, verwezen naar schuldhulp."),
            motivering=_(
                "De kinderen zouden de gevolgen dragen. De helft van de maatregel zet wel "
                "aan tot het nakomen van de plicht."
            ),
            bedrag=Decimal("300"),
            **schuld,
        )
    termijn: list[Afwijking] = []
    for door, casus in (
        ("fatima.lud", _("Wijziging in werkuren twee dagen te laat doorgegeven door een opname.")),
        ("bram.lud", _("Inkomsten uit een klus een week te laat gemeld door een begrafenis.")),
        ("fatima.lud", _("Vakantie niet gemeld; de brief over de plicht kwam niet aan.")),
    ):
        termijn.append(
            _beslis(
                lud,
                art26,
                evenredigheid,
                door=door,
                goedkeuren=True,
                beginselen=even,
                casus=casus,
                bedoeling=_(
                    "De plicht om te melden moet fraude voorkomen, niet vergissingen straffen."
                ),
                knelpunt="termijn",
                huishouden="alleenstaand",
                inkomensband="tot_120",
                alternatief=_("Geen boete en geen terugvordering, alleen een waarschuwing."),
                motivering=_("Geen opzet, korte vertraging, geen nadeel voor de uitvoering."),
                bedrag=Decimal("150"),
            )
        )
    aanvechting = services.submit_aanvechting(
        door=_persoon("fatima.lud"),
        organisatie=lud,
        artikel=art26,
        titel=_("Structureel — regel aanpassen: een waarschuwing bij een eerste kleine vergissing"),
        toelichting=_(
            "Artikel 26 kent geen ruimte voor een waarschuwing bij een eerste, kleine vergissing "
            "zonder opzet. We wijken daarom steeds af op grond van evenredigheid. Maak een "
            "waarschuwing mogelijk in de regel zelf."
        ),
        argumenten=[
            _("Drie keer dezelfde afwijking in korte tijd."),
            _("Een boete bij een vergissing schaadt het vertrouwen in de overheid."),
        ],
        afwijkingen=termijn,
        beginselen=even,
        bron=AanvechtingBron.STRUCTUREEL,
    )
    assert aanvechting.verzoek is not None
    engine.answer_pas_toe(
        verzoek=aanvechting.verzoek,
        door=_persoon("joost.mwb"),
        maatregel=_(
            "In de volgende wijziging van de Werkloosheidswet komt een waarschuwing bij een "
            "eerste overtreding zonder opzet."
        ),
        eigenaar=_("Directie Werknemersverzekeringen"),
        datum=engine.vandaag() + dt.timedelta(days=180),
    )
    return 6

"""Demo data of services and means in the fictional world of `core.demo` (called by
`load_demo`), made through the services so every row has its audit event.

At the Landelijke Uitkeringsdienst: the service "WW-uitkering toekennen" with four indicators
over twelve quarters (imported as CSV), lower bounds set by the board, three scenarios of which
the budget cut breaks two lower bounds, a value trade-off from the four perspectives, and a
keuzenota; a second service with only five quarters, where the model refuses to predict. And
the employment conditions of the three ministries and three executors, with gaps. Idempotent:
does nothing when the LUD already has services."""

from __future__ import annotations

from django.db import transaction

from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Beginsel, Regeling

from . import services
from .constants import Eenheid, Onderwerp, Richting
from .models import Dienst

# (quarter, budget in mln euro, fte, volume in thousands): made to vary independently enough
# that the model can separate budget from staff.
KWARTALEN: tuple[tuple[str, float, float, float], ...] = (
    ("2023-K1", 12.20, 184.4, 41.7),
    ("2023-K2", 11.71, 176.0, 42.5),
    ("2023-K3", 11.51, 185.5, 42.4),
    ("2023-K4", 12.40, 178.4, 39.6),
    ("2024-K1", 12.21, 181.9, 41.2),
    ("2024-K2", 12.84, 191.9, 43.3),
    ("2024-K3", 13.10, 193.0, 40.1),
    ("2024-K4", 12.51, 188.2, 39.4),
    ("2025-K1", 12.46, 187.8, 42.2),
    ("2025-K2", 14.02, 190.9, 42.8),
    ("2025-K3", 13.49, 186.0, 40.1),
    ("2025-K4", 13.16, 194.3, 41.5),
)
# Fixed "noise", so the demo is the same on every run.
RUIS = (0.3, -0.4, 0.9, -0.2, 0.1, -0.6, 0.4, -0.1, 0.2, -0.3, 0.5, -0.5)


def _waarden(b: float, f: float, v: float, e: float) -> dict[str, float]:
    return {
        "doorlooptijd": round(40 - 1.6 * b - 0.05 * f + 0.3 * v + e, 1),
        "bereikbaarheid": round(38 + 2.5 * b + 0.2 * f - 0.6 * v - 2 * e, 1),
        "foutpercentage": round(4 - 0.12 * b - 0.008 * f + 0.05 * v + 0.2 * e, 2),
        "tevredenheid": round(5 + 0.1 * b + 0.01 * f - 0.02 * v + 0.1 * e, 1),
    }


def csv_ww() -> str:
    kop = (
        "periode;budget;fte;volume;doorlooptijd (dagen);bereikbaarheid (procent);"
        "foutpercentage (procent);tevredenheid (score)"
    )
    regels = [kop]
    for (periode, b, f, v), e in zip(KWARTALEN, RUIS, strict=True):
        w = _waarden(b, f, v, e)
        regels.append(
            ";".join(
                [
                    periode,
                    f"{round(b * 1_000_000)}",
                    f"{f}".replace(".", ","),
                    f"{round(v * 1000)}",
                    *(f"{w[k]}".replace(".", ",") for k in w),
                ]
            )
        )
    return "\n".join(regels) + "\n"


def _p(username: str) -> Gebruiker:
    return Gebruiker.objects.get(username=username)


ARBEIDSVOORWAARDEN: dict[str, dict[str, str]] = {
    # Fictional values in the style of a collective agreement.
    "mwb": {
        Onderwerp.SALARIS_SCHAAL_11: "5930",
        Onderwerp.EINDEJAARSUITKERING: "8.3",
        Onderwerp.KEUZEBUDGET: "16.37",
        Onderwerp.VERLOF: "165.6",
        Onderwerp.OPLEIDINGSBUDGET: "2500",
        Onderwerp.THUISWERKVERGOEDING: "2.35",
        Onderwerp.THUISWERKDAGEN: "3",
        Onderwerp.REISKOSTEN: "0.23",
    },
    "mft": {
        Onderwerp.SALARIS_SCHAAL_11: "5930",
        Onderwerp.EINDEJAARSUITKERING: "8.3",
        Onderwerp.KEUZEBUDGET: "16.37",
        Onderwerp.VERLOF: "165.6",
        Onderwerp.OPLEIDINGSBUDGET: "2700",
        Onderwerp.THUISWERKVERGOEDING: "2.35",
        Onderwerp.THUISWERKDAGEN: "3",
        Onderwerp.REISKOSTEN: "0.23",
    },
    "mls": {
        Onderwerp.SALARIS_SCHAAL_11: "5930",
        Onderwerp.EINDEJAARSUITKERING: "8.3",
        Onderwerp.KEUZEBUDGET: "16.37",
        Onderwerp.VERLOF: "165.6",
        Onderwerp.OPLEIDINGSBUDGET: "2300",
        Onderwerp.THUISWERKVERGOEDING: "2.35",
        Onderwerp.THUISWERKDAGEN: "2",
        Onderwerp.REISKOSTEN: "0.23",
    },
    "lud": {
        Onderwerp.SALARIS_SCHAAL_11: "5610",
        Onderwerp.EINDEJAARSUITKERING: "8.3",
        Onderwerp.KEUZEBUDGET: "15.0",
        Onderwerp.VERLOF: "158.0",
        Onderwerp.OPLEIDINGSBUDGET: "1200",
        Onderwerp.THUISWERKVERGOEDING: "2.00",
        Onderwerp.THUISWERKDAGEN: "2",
        Onderwerp.REISKOSTEN: "0.19",
    },
    "dth": {
        Onderwerp.SALARIS_SCHAAL_11: "5930",
        Onderwerp.EINDEJAARSUITKERING: "8.3",
        Onderwerp.KEUZEBUDGET: "16.37",
        Onderwerp.VERLOF: "165.6",
        Onderwerp.OPLEIDINGSBUDGET: "1800",
        Onderwerp.THUISWERKVERGOEDING: "2.35",
        Onderwerp.THUISWERKDAGEN: "2",
        Onderwerp.REISKOSTEN: "0.23",
    },
    "bsf": {
        Onderwerp.SALARIS_SCHAAL_11: "5750",
        Onderwerp.EINDEJAARSUITKERING: "8.0",
        Onderwerp.KEUZEBUDGET: "16.37",
        Onderwerp.VERLOF: "165.6",
        Onderwerp.OPLEIDINGSBUDGET: "1500",
        Onderwerp.THUISWERKVERGOEDING: "2.35",
        Onderwerp.THUISWERKDAGEN: "3",
        Onderwerp.REISKOSTEN: "0.21",
    },
}


@transaction.atomic
def load_demo_dienstverlening() -> int:
    """Create the demo services, scenarios, keuzenota and employment conditions; returns how
    many services were made (0 on a second run)."""
    lud = Organisatie.objects.filter(slug="lud").first()
    if lud is None or Dienst.objects.filter(organisatie=lud).exists():
        return 0
    beheer, bestuur, yusuf = _p("beheer.lud"), _p("bestuur.lud"), _p("yusuf.lud")
    ww = services.create_dienst(
        door=beheer,
        organisatie=lud,
        naam="WW-uitkering toekennen",
        omschrijving="Aanvragen voor een WW-uitkering beoordelen en de uitkering toekennen.",
        regeling=Regeling.objects.filter(code="werkloosheidswet").first(),
    )
    indicatoren = {
        "doorlooptijd": (
            "Doorlooptijd van aanvraag tot besluit",
            Eenheid.DAGEN,
            Richting.LAGER_IS_BETER,
        ),
        "bereikbaarheid": ("Telefonische bereikbaarheid", Eenheid.PROCENT, Richting.HOGER_IS_BETER),
        "foutpercentage": ("Foutpercentage in besluiten", Eenheid.PROCENT, Richting.LAGER_IS_BETER),
        "tevredenheid": ("Tevredenheid van aanvragers", Eenheid.SCORE, Richting.HOGER_IS_BETER),
    }
    gemaakt = {
        code: services.create_indicator(
            door=beheer, dienst=ww, code=code, naam=naam, eenheid=eenheid, richting=richting
        )
        for code, (naam, eenheid, richting) in indicatoren.items()
    }
    services.import_csv(door=beheer, dienst=ww, inhoud=csv_ww())
    zorgvuldig = Beginsel.objects.filter(code="abbb-zorgvuldigheid").first()
    services.set_ondergrens(
        door=bestuur,
        indicator=gemaakt["doorlooptijd"],
        grens=25.5,
        waarde="Bestaanszekerheid",
        toelichting=(
            "Wie werkloos wordt, moet binnen een maand weten waar hij aan toe is; langer "
            "wachten betekent geen inkomen."
        ),
    )
    services.set_ondergrens(
        door=bestuur,
        indicator=gemaakt["bereikbaarheid"],
        grens=75,
        waarde="Toegankelijkheid",
        toelichting="Minstens drie van de vier bellers krijgen iemand aan de lijn.",
    )
    services.set_ondergrens(
        door=bestuur,
        indicator=gemaakt["foutpercentage"],
        grens=4,
        waarde="Rechtmatigheid",
        beginsel=zorgvuldig,
        toelichting="Een fout besluit kost de burger geld en vertrouwen.",
    )

    huidig = services.create_scenario(
        door=yusuf,
        dienst=ww,
        naam="Huidig budget",
        omschrijving="Budget, formatie en volume blijven als in het laatste kwartaal.",
        budget=13_160_000,
        fte="194.3",
        volume=41_500,
    )
    taakstelling = services.create_scenario(
        door=yusuf,
        dienst=ww,
        naam="Taakstelling 15%",
        omschrijving="Vijftien procent minder budget en formatie, bij iets meer aanvragen.",
        budget=11_186_000,
        fte="165.2",
        volume=42_000,
    )
    services.create_scenario(
        door=yusuf,
        dienst=ww,
        naam="Investering 5%",
        omschrijving="Vijf procent meer budget, vooral voor klantcontact.",
        budget=13_818_000,
        fte="198",
        volume=41_500,
    )
    services.add_waardenafweging(
        door=yusuf,
        scenario=taakstelling,
        waarde_a="Snelheid",
        waarde_b="Zorgvuldigheid",
        afweging=(
            "Met minder mensen kunnen we sneller beslissen door minder te controleren, of "
            "zorgvuldig blijven en mensen langer laten wachten. We kiezen voor zorgvuldigheid: "
            "de doorlooptijd loopt dan op boven de ondergrens."
        ),
        perspectieven={
            "juridisch_oordeel": "zorgen",
            "juridisch_toelichting": "De beslistermijn van art. 4:13 Awb komt in gevaar.",
            "financieel_oordeel": "geen_zorgen",
            "financieel_toelichting": "De besparing is 2 miljoen euro per kwartaal.",
            "professioneel_oordeel": "ernstige_zorgen",
            "professioneel_toelichting": "Geen tijd meer voor maatwerk bij ingewikkelde aanvragen.",
            "burger_oordeel": "ernstige_zorgen",
            "burger_toelichting": "Langer zonder inkomen; meer mensen in de schulden.",
        },
    )
    services.create_keuzenota(
        door=bestuur,
        dienst=ww,
        titel="WW-dienstverlening bij de begroting 2026",
        aanleiding=(
            "Het ministerie vraagt wat een taakstelling van 15% betekent voor de WW. Deze nota "
            "legt drie opties voor, met hun kosten en hun gevolgen voor de kwaliteit."
        ),
        opties=[huidig, taakstelling, *ww.scenarios.filter(naam="Investering 5%")],
        geadviseerd=huidig,
        advies=(
            "Wij adviseren het huidige budget te handhaven. Een taakstelling van 15% breekt "
            "de ondergrenzen voor doorlooptijd en bereikbaarheid: mensen wachten langer op hun "
            "inkomen en komen moeilijker iemand te spreken."
        ),
    )

    bezwaar = services.create_dienst(
        door=beheer,
        organisatie=lud,
        naam="Bezwaar tegen een WW-besluit behandelen",
        omschrijving="Sinds 2024-K4 gemeten; nog te kort voor een model.",
    )
    beslistermijn = services.create_indicator(
        door=beheer,
        dienst=bezwaar,
        code="beslistermijn",
        naam="Doorlooptijd bezwaar",
        eenheid=Eenheid.DAGEN,
        richting=Richting.LAGER_IS_BETER,
        omschrijving="Art. 7:10 lid 1 en 3 Awb: zes weken, eenmaal te verlengen met zes weken.",
    )
    services.import_csv(
        door=beheer,
        dienst=bezwaar,
        inhoud=(
            "periode,budget,fte,volume,beslistermijn (dagen)\n"
            "2024-K4,2100000,31,3900,71\n"
            "2025-K1,2050000,30,4200,79\n"
            "2025-K2,2150000,32,4100,74\n"
            "2025-K3,2000000,29,4400,88\n"
            "2025-K4,2080000,30,4300,82\n"
        ),
    )
    services.set_ondergrens(
        door=bestuur,
        indicator=beslistermijn,
        grens=84,
        waarde="Rechtszekerheid",
        toelichting=(
            "De beslistermijn op bezwaar is zes weken, eenmaal te verlengen met zes weken "
            "(art. 7:10 lid 1 en 3 Awb)."
        ),
    )

    for slug, waarden in ARBEIDSVOORWAARDEN.items():
        org = Organisatie.objects.filter(slug=slug).first()
        if org is None:
            continue
        beheerder = Gebruiker.objects.filter(
            lidmaatschappen__organisatie=org, lidmaatschappen__rol="beheerder"
        ).first()
        if beheerder is None:
            continue
        for onderwerp, waarde in waarden.items():
            services.set_arbeidsvoorwaarde(
                door=beheerder, organisatie=org, onderwerp=onderwerp, waarde=waarde
            )
    return 2

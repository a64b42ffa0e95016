"""The labelled Dutch test set for precedent search (issue 5, "Quality measure").

240 deviation texts with facets in 40 known groups of six. A group is one kind of situation on
one article (for example "energy debts, cut-off threatens" on the sanctions article); the five
other members of its group are the relevant precedents of each case. Every article carries five
groups, chosen so that some share the kind of hardship (two kinds of debt, two kinds of missed
deadline, two family events): the hard negatives a facet match alone cannot tell apart.

Texts are composed from per-situation phrase pools (several wordings per slot, different
people, households and amounts) plus sentences that occur in every group, with a fixed seed,
so the set is the same on every run. Written out by `python -m
uitvoerbaar.afwijkingen.tests.testset` to `data/precedenten_testset.json`; the test and the
benchmark read that file."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

BESTAND = Path(__file__).resolve().parent / "data" / "precedenten_testset.json"
PER_GROEP = 6

# Per situation: kind of hardship, typical households and income bands, an amount range, and
# slots of alternative wordings (one is picked per slot per case).
SITUATIES: dict[str, dict[str, Any]] = {
    "schulden_energie": {
        "knelpunt": "schulden",
        "huishouden": ["alleenstaande_ouder", "alleenstaand", "paar_met_kinderen"],
        "inkomen": ["onder_bijstand", "tot_120"],
        "bedrag": (150, 600),
        "zinnen": [
            [
                "Achterstand bij de energieleverancier.",
                "Schuld bij het energiebedrijf.",
                "Rekeningen voor gas en stroom zijn niet betaald.",
            ],
            [
                "De leverancier dreigt het gas af te sluiten.",
                "Afsluiting van stroom dreigt.",
                "Er ligt een aankondiging van afsluiting van de energie.",
            ],
            [
                "Met de volledige maatregel kan de energierekening niet meer betaald worden.",
                "Door de korting loopt de energieschuld verder op.",
                "De maatregel maakt de achterstand bij de energieleverancier groter.",
            ],
        ],
    },
    "schulden_huur": {
        "knelpunt": "schulden",
        "huishouden": ["paar_met_kinderen", "alleenstaande_ouder", "alleenstaand"],
        "inkomen": ["onder_bijstand", "tot_120"],
        "bedrag": (300, 1500),
        "zinnen": [
            [
                "Huurachterstand van drie maanden.",
                "De huur is al maanden niet betaald.",
                "Achterstand in de huur bij de woningcorporatie.",
            ],
            [
                "De verhuurder is een ontruimingsprocedure gestart.",
                "De woningcorporatie dreigt met ontruiming.",
                "Er is een vonnis tot ontruiming aangevraagd.",
            ],
            [
                "Met de maatregel kan de huur niet meer worden betaald.",
                "Door de korting raakt het gezin de woning kwijt.",
                "De maatregel maakt de huurschuld groter en de woning onzeker.",
            ],
        ],
    },
    "termijn_ziekenhuis": {
        "knelpunt": "termijn",
        "huishouden": ["alleenstaand", "paar_zonder_kinderen", "paar_met_kinderen"],
        "inkomen": ["tot_120", "tot_200"],
        "bedrag": (80, 400),
        "zinnen": [
            [
                "Opgenomen in het ziekenhuis na een ongeluk.",
                "Spoedopname voor een operatie.",
                "Wekenlang in het ziekenhuis gelegen na een hartinfarct.",
            ],
            [
                "Daardoor het formulier te laat ingeleverd.",
                "De melding kwam twee weken te laat.",
                "De termijn voor het doorgeven is verstreken tijdens de opname.",
            ],
            [
                "Er was geen opzet: de opname maakte melden onmogelijk.",
                "Iemand in het ziekenhuis kan zijn post niet bijhouden.",
                "Na ontslag uit het ziekenhuis is de melding direct gedaan.",
            ],
        ],
    },
    "termijn_post": {
        "knelpunt": "termijn",
        "huishouden": ["alleenstaand", "inwonend", "paar_zonder_kinderen"],
        "inkomen": ["tot_120", "onder_bijstand"],
        "bedrag": (50, 350),
        "zinnen": [
            [
                "De brief met de oproep is nooit aangekomen.",
                "De post ging naar het oude adres.",
                "Het verzoek om informatie is niet ontvangen door een fout in het postadres.",
            ],
            [
                "Na een verhuizing klopte het adres in de registratie nog niet.",
                "Er liep een doorzending van post die niet werkte.",
                "Het nieuwe adres was wel doorgegeven maar niet verwerkt.",
            ],
            [
                "Daardoor is de termijn gemist.",
                "Zo kwam de reactie te laat.",
                "Het antwoord kwam pas na de uiterste datum.",
            ],
        ],
    },
    "zorg_mantelzorg": {
        "knelpunt": "zorg",
        "huishouden": ["alleenstaand", "paar_zonder_kinderen", "inwonend"],
        "inkomen": ["tot_120", "tot_200"],
        "bedrag": (100, 500),
        "zinnen": [
            [
                "Zorgt dagelijks voor een moeder met dementie.",
                "Is mantelzorger voor een vader die ernstig ziek is.",
                "Verzorgt een broer met een zware beperking.",
            ],
            [
                "Daardoor te weinig sollicitaties gedaan.",
                "Kon niet naar het verplichte gesprek komen door de zorgtaken.",
                "Had geen tijd voor de re-integratieactiviteiten.",
            ],
            [
                "Er is geen vervangende zorg te vinden.",
                "De thuiszorg heeft een wachtlijst.",
                "Zonder deze mantelzorg moet de ouder naar een verpleeghuis.",
            ],
        ],
    },
    "gezin_overlijden": {
        "knelpunt": "gezin",
        "huishouden": ["alleenstaande_ouder", "alleenstaand", "paar_met_kinderen"],
        "inkomen": ["tot_120", "tot_200", "onder_bijstand"],
        "bedrag": (100, 800),
        "zinnen": [
            [
                "De partner is plotseling overleden.",
                "Kort geleden is de echtgenoot gestorven.",
                "Na het overlijden van de partner staat zij er alleen voor.",
            ],
            [
                "De rouw en de begrafenis kwamen voor alles.",
                "Regelen van de uitvaart nam weken in beslag.",
                "In de periode na de begrafenis is de plicht niet nagekomen.",
            ],
            [
                "Een maatregel in deze rouwperiode is onredelijk.",
                "Het verlies maakte het onmogelijk de regels te volgen.",
                "Het gezin moet eerst het verlies verwerken.",
            ],
        ],
    },
    "inkomensval_faillissement": {
        "knelpunt": "inkomensval",
        "huishouden": ["paar_met_kinderen", "alleenstaand", "paar_zonder_kinderen"],
        "inkomen": ["geen", "onder_bijstand"],
        "bedrag": (500, 2500),
        "zinnen": [
            [
                "De werkgever is failliet gegaan.",
                "Het bedrijf ging onverwacht failliet.",
                "Na het faillissement van de werkgever is er geen loon meer.",
            ],
            [
                "Het laatste loon is nooit betaald.",
                "Twee maanden salaris zijn niet uitbetaald.",
                "De curator heeft het achterstallige loon nog niet betaald.",
            ],
            [
                "Zonder voorschot is er geen inkomen.",
                "Het huishouden heeft niets om van te leven.",
                "Wachten op de loongarantie duurt maanden.",
            ],
        ],
    },
    "terugvordering_fout_dienst": {
        "knelpunt": "terugvordering",
        "huishouden": ["alleenstaand", "alleenstaande_ouder", "paar_zonder_kinderen"],
        "inkomen": ["onder_bijstand", "tot_120"],
        "bedrag": (800, 4000),
        "zinnen": [
            [
                "Door een fout van de dienst is te veel uitbetaald.",
                "De uitkering was maandenlang te hoog door een verwerkingsfout.",
                "Een systeemfout bij de uitvoering gaf een te hoog bedrag.",
            ],
            [
                "Dat was voor de burger niet te zien.",
                "De fout viel niet op in de beschikking.",
                "Niemand kon weten dat het bedrag niet klopte.",
            ],
            [
                "Het hele bedrag terugvorderen is onevenredig.",
                "Het geld is al uitgegeven aan vaste lasten.",
                "Terugbetalen in één keer brengt iemand in de schulden.",
            ],
        ],
    },
    "wonen_dakloos": {
        "knelpunt": "wonen",
        "huishouden": ["alleenstaand", "inwonend"],
        "inkomen": ["geen", "onder_bijstand"],
        "bedrag": (100, 700),
        "zinnen": [
            [
                "Is dakloos en slaapt in de nachtopvang.",
                "Heeft geen vaste woon- of verblijfplaats.",
                "Woont tijdelijk bij kennissen op de bank na het verlies van de woning.",
            ],
            [
                "Zonder postadres komen brieven niet aan.",
                "Er is geen briefadres geregeld.",
                "Post van de dienst bereikt hem niet.",
            ],
            [
                "De uitkering is nodig om weer een woning te vinden.",
                "Stoppen van de uitkering maakt de dakloosheid langer.",
                "Met een maatregel blijft een kamer onbetaalbaar.",
            ],
        ],
    },
    "gezin_scheiding": {
        "knelpunt": "gezin",
        "huishouden": ["alleenstaande_ouder", "alleenstaand"],
        "inkomen": ["onder_bijstand", "tot_120"],
        "bedrag": (200, 1200),
        "zinnen": [
            [
                "Midden in een vechtscheiding.",
                "De ex-partner is vertrokken.",
                "Na de scheiding is het gezinsinkomen gehalveerd.",
            ],
            [
                "De kinderen wonen nu vooral bij haar.",
                "Er is co-ouderschap met wisselende weken.",
                "De alimentatie wordt niet betaald door de ex-partner.",
            ],
            [
                "De wijziging in de leefsituatie is te laat doorgegeven.",
                "De nieuwe situatie past niet in de regels over samenwonen.",
                "Door de scheiding klopt de toeslag van vorig jaar niet meer.",
            ],
        ],
    },
}

# Per article the five situations it carries (pairs with the same hardship on one article).
ARTIKELEN: dict[str, list[str]] = {
    "a1": [
        "schulden_energie",
        "schulden_huur",
        "termijn_ziekenhuis",
        "zorg_mantelzorg",
        "wonen_dakloos",
    ],
    "a2": [
        "termijn_ziekenhuis",
        "termijn_post",
        "gezin_overlijden",
        "gezin_scheiding",
        "inkomensval_faillissement",
    ],
    "a3": [
        "schulden_energie",
        "schulden_huur",
        "terugvordering_fout_dienst",
        "gezin_overlijden",
        "gezin_scheiding",
    ],
    "a4": [
        "termijn_post",
        "wonen_dakloos",
        "zorg_mantelzorg",
        "terugvordering_fout_dienst",
        "schulden_huur",
    ],
    "a5": [
        "inkomensval_faillissement",
        "schulden_energie",
        "termijn_post",
        "gezin_scheiding",
        "zorg_mantelzorg",
    ],
    "a6": [
        "gezin_overlijden",
        "termijn_ziekenhuis",
        "wonen_dakloos",
        "schulden_huur",
        "terugvordering_fout_dienst",
    ],
    "a7": [
        "schulden_energie",
        "termijn_ziekenhuis",
        "termijn_post",
        "inkomensval_faillissement",
        "wonen_dakloos",
    ],
    "a8": [
        "gezin_scheiding",
        "gezin_overlijden",
        "zorg_mantelzorg",
        "terugvordering_fout_dienst",
        "schulden_huur",
    ],
}

WIE = [
    "Een klant van middelbare leeftijd.",
    "Een jonge vrouw.",
    "Een man van zestig.",
    "Een moeder van twee kinderen.",
    "Een vader met een baan in deeltijd.",
    "Een student.",
]
RUIS = [
    "Het gesprek aan de balie duurde lang.",
    "De klant was emotioneel aan de telefoon.",
    "Er is contact geweest met de wijkteammedewerker.",
    "De klant wil graag verder geholpen worden.",
    "Een collega heeft ook meegekeken.",
    "Er zijn bewijsstukken aangeleverd.",
]


def maak(seed: int = 20261129) -> list[dict[str, Any]]:
    """The test set: a list of cases with id, article, group, facets and text."""
    rnd = random.Random(seed)
    gevallen: list[dict[str, Any]] = []
    for artikel, situaties in ARTIKELEN.items():
        for situatie in situaties:
            s = SITUATIES[situatie]
            for _ in range(PER_GROEP):
                zinnen = [rnd.choice(WIE), *(rnd.choice(slot) for slot in s["zinnen"])]
                zinnen.insert(rnd.randrange(1, len(zinnen)), rnd.choice(RUIS))
                laag, hoog = s["bedrag"]
                gevallen.append(
                    {
                        "id": len(gevallen) + 1,
                        "artikel": artikel,
                        "groep": f"{artikel}:{situatie}",
                        # One case in six gets an untypical household or income: real
                        # registrations are not tidy.
                        "huishouden": rnd.choice(s["huishouden"])
                        if rnd.random() > 1 / 6
                        else rnd.choice(["anders", "paar_zonder_kinderen", "inwonend"]),
                        "inkomensband": rnd.choice(s["inkomen"]),
                        "knelpunt": s["knelpunt"] if rnd.random() > 1 / 12 else "anders",
                        "bedrag": rnd.randrange(laag, hoog, 10) if rnd.random() > 0.2 else None,
                        "tekst": " ".join(zinnen),
                    }
                )
    return gevallen


def lees() -> list[dict[str, Any]]:
    with BESTAND.open(encoding="utf-8") as f:
        data: list[dict[str, Any]] = json.load(f)["gevallen"]
    return data


if __name__ == "__main__":
    BESTAND.write_text(
        json.dumps({"toelichting": __doc__, "gevallen": maak()}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )

"""Dutch sentence templates for generated data: titles and texts of signals, questions, cases.

Everything is drawn with the generator's own `random.Random`, so the same seed gives the same
words. The vocabulary is about benefits, debts, letters and counters: what professionals in
executive organisations report.
"""

from __future__ import annotations

import random

ONDERWERPEN = (
    "de terugvordering van kinderopvangtoeslag",
    "de kostendelersnorm in de bijstand",
    "de hersteltermijn bij een onvolledige aanvraag",
    "de automatische boete bij een late opgave",
    "de verrekening van een bijverdienste",
    "de stopzetting van de huurtoeslag",
    "de jaarafrekening van de zorgtoeslag",
    "de wachttijd voor een herbeoordeling",
    "de beslagvrije voet",
    "de inlichtingenplicht bij vakantiewerk",
    "de terugbetaling van studiefinanciering",
    "de partnertoets bij mantelzorg",
    "het werkbriefje van een uitzendkracht",
    "de incasso door de deurwaarder",
    "de betalingsregeling bij een achterstand",
    "de telefonische bereikbaarheid van het loket",
)
GEVOLGEN = (
    "een gezin moet duizenden euro's terugbetalen voor een fout van enkele euro's",
    "mensen raken hun inkomen kwijt terwijl niets aan hun situatie is veranderd",
    "een alleenstaande ouder komt in de schulden door een vergissing van het systeem",
    "burgers krijgen drie brieven die elkaar tegenspreken",
    "een mantelzorger verliest de uitkering omdat de moeder bij haar introk",
    "een student moet alles terugbetalen omdat een formulier een dag te laat was",
    "de boete is hoger dan het bedrag waar het om ging",
    "mensen worden doorverwezen tussen drie loketten zonder antwoord",
)
OORZAKEN = (
    "het systeem rekent automatisch zonder ruimte voor maatwerk",
    "de regel kent geen ondergrens voor kleine bedragen",
    "de termijn is te kort voor wie post op papier krijgt",
    "de gegevens van twee organisaties sluiten niet op elkaar aan",
    "de hardheidsclausule wordt in de praktijk niet gebruikt",
    "de brief is geschreven in moeilijke taal",
    "de werkinstructie laat geen afwijking toe",
)
VOORSTELLEN = (
    "Geef de behandelaar ruimte om bij kleine bedragen af te zien van terugvordering.",
    "Voeg een ondergrens toe waaronder niet wordt teruggevorderd.",
    "Verleng de hersteltermijn naar vier weken.",
    "Laat één behandelaar het contact met het gezin houden.",
    "Pas de brief aan zodat duidelijk is wat de burger moet doen.",
    "Zet de automatische boete uit tot er een menselijke toets is geweest.",
)
TITELS = (
    "Terugvordering bij een kleine fout",
    "Boete bij een late opgave",
    "Stopzetting zonder waarschuwing",
    "Kostendelersnorm raakt mantelzorg",
    "Brieven spreken elkaar tegen",
    "Beslag onder de beslagvrije voet",
    "Hersteltermijn te kort",
    "Geen maatwerk mogelijk",
    "Wachttijd herbeoordeling te lang",
    "Verrekening van vakantiewerk",
)
HUISHOUDENS = (
    "alleenstaand",
    "alleenstaande_ouder",
    "paar_zonder_kinderen",
    "paar_met_kinderen",
    "inwonend",
    "anders",
)
INKOMENSBANDEN = ("geen", "onder_bijstand", "tot_120", "tot_200", "boven_200")
KNELPUNTEN = (
    "schulden",
    "terugvordering",
    "termijn",
    "zorg",
    "wonen",
    "inkomensval",
    "gezin",
    "anders",
)
VOORNAMEN = (
    "Anouk Bram Daan Emma Fleur Sem Julia Lucas Mila Noah Sanne Thijs Eva Ruben Lotte Jesse "
    "Femke Joris Iris Koen Maud Stijn Noor Bas Lieke Gijs Roos Tim Esmee Wouter Fatima Mohammed "
    "Yara Ayoub Priya Kevin Naomi Mehmet Sara Dirk"
).split()
ACHTERNAMEN = (
    "de Vries|Jansen|van Dijk|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|"
    "Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|Kok|Jacobs|"
    "Yilmaz|El Amrani|Haddou|Nguyen|Kaya|Sahin|Vermeulen|van den Berg|Willems|Koster"
).split("|")
PLAATS_BEGIN = (
    "Noord Zuid Oost West Groot Klein Hoog Laag Nieuw Oud Sint Ter Den Midden Over Neder"
).split()
PLAATS_EIND = (
    "veen dam dijk horst wijk broek hoven zande meer burg wolde berg haven recht loo beek "
    "dorp kerk stein mond waard lo"
).split()


def titel(rnd: random.Random) -> str:
    return f"{rnd.choice(TITELS)}: {rnd.choice(ONDERWERPEN)}"


def tekst(rnd: random.Random) -> str:
    """Three or four sentences: what happens, why, and what it does to people."""
    zinnen = [
        f"Bij {rnd.choice(ONDERWERPEN)} gaat het mis.",
        f"Het gevolg: {rnd.choice(GEVOLGEN)}.",
        f"De oorzaak is dat {rnd.choice(OORZAKEN)}.",
    ]
    if rnd.random() < 0.5:
        zinnen.append(f"Ook {rnd.choice(GEVOLGEN)}.")
    return " ".join(zinnen)


def voorstel(rnd: random.Random) -> str:
    return rnd.choice(VOORSTELLEN)


def vraag(rnd: random.Random) -> str:
    return (
        f"Wilt u reageren op het signaal over {rnd.choice(ONDERWERPEN)}? {rnd.choice(VOORSTELLEN)}"
    )


def persoonsnaam(rnd: random.Random) -> tuple[str, str]:
    return rnd.choice(VOORNAMEN), rnd.choice(ACHTERNAMEN)

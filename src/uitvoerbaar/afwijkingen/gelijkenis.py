"""How alike two cases are, for the precedent lookup and the equal-treatment alert.

Pure Python on purpose: the database narrows the candidates with indexed filters (same article,
decided, visible), and the score is computed here, so it is the same on SQLite and PostgreSQL.
A score combines the structured facets (the kind of hardship weighs most) with the overlap of
the text. The text is compared as character trigrams of its words (normalised, crudely
stemmed, stop words left out), so Dutch compounds meet their parts ("huurachterstand" and
"huur", "energieschuld" and "energiebedrijf"); each trigram is weighted by how rare it is among
the cases compared (inverse document frequency), so words every case uses count for little.
Measured on the labelled test set (docs/benchmarks.md, "Precedenten")."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar

from uitvoerbaar.kennisbank.zoeken import normaliseer

from .constants import Inkomensband

# Two cases at or above this score are "similar": a different decision between them asks for
# a motivation of the difference. Chosen on the test set where precision and recall of pairs
# meet (both about 0.86).
DREMPEL = 0.4

GEWICHT_FACETTEN = 0.4
GEWICHT_TEKST = 0.6
# Smoothing of the rarity weights: with few cases to compare, every trigram weighs about the
# same, instead of a shared trigram counting for less than one seen once.
_IDF_DEMPING = 10

_WOORD = re.compile(r"[a-z0-9]+")
_STOPWOORDEN = frozenset(
    """
    aan al alle als andere bij dan dat de deze die dit door een eens en er geen had heeft
    hebben het hij hun ik in is je kan kon kunnen maar meer met na naar niet nog nu of om
    omdat ook op over te tegen toe tot u uit van veel voor was wat we wel werd werden wie
    wij word worden zal ze zelf zich zij zijn zo zou zonder binnen dus even gaat gaan
    haar hem hier hoe iets kreeg krijgt men mevrouw meneer moest moet moeten onder sinds
    tijdens want waren werk wordt zoals daarom daardoor echter doordat terwijl klant burger
    """.split()
)
_ACHTERVOEGSELS = ("heden", "ingen", "tjes", "ing", "en", "es", "er", "e", "s")
_INKOMENS = [str(w) for w in Inkomensband.values]
T = TypeVar("T")


def stam(woord: str) -> str:
    """A crude Dutch stem: enough to let 'schulden' meet 'schuld' and 'terugvordering' meet
    'terugvorderen'. Short words are kept as they are."""
    for achtervoegsel in _ACHTERVOEGSELS:
        if len(woord) - len(achtervoegsel) >= 4 and woord.endswith(achtervoegsel):
            return woord[: -len(achtervoegsel)]
    return woord


def tokens(delen: Iterable[str]) -> list[str]:
    """The distinct stems of a case's text, sorted (stored, so lookups do not redo this)."""
    woorden = _WOORD.findall(normaliseer(" ".join(d for d in delen if d)))
    return sorted({stam(w) for w in woorden if len(w) > 2 and w not in _STOPWOORDEN})


@lru_cache(maxsize=50_000)
def _trigrammen_van(stam_: str) -> frozenset[str]:
    woord = f"_{stam_}_"
    return frozenset(woord[i : i + 3] for i in range(len(woord) - 2))


def trigrammen(stammen: Iterable[str]) -> frozenset[str]:
    """The character trigrams of the stems, each word marked at its edges. Cached per word:
    a register repeats its words, and a lookup compares hundreds of cases."""
    return frozenset().union(*(_trigrammen_van(s) for s in stammen))


@dataclass(frozen=True)
class Casus:
    """What the comparison looks at: the facets and the stems."""

    huishouden: str
    inkomensband: str
    knelpunt: str
    bedrag: Decimal | None
    grond_id: int | None
    tokens: frozenset[str]


def _inkomen(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if a in _INKOMENS and b in _INKOMENS and abs(_INKOMENS.index(a) - _INKOMENS.index(b)) == 1:
        return 0.5
    return 0.0


def _bedrag(a: Decimal | None, b: Decimal | None) -> float:
    if a is None or b is None:
        return 0.5 if a is None and b is None else 0.25
    groot = max(a, b)
    if groot == 0:
        return 1.0
    return max(0.0, 1.0 - float(abs(a - b) / groot))


def facetscore(a: Casus, b: Casus) -> float:
    return (
        0.40 * (a.knelpunt == b.knelpunt)
        + 0.20 * (a.huishouden == b.huishouden)
        + 0.15 * _inkomen(a.inkomensband, b.inkomensband)
        + 0.10 * _bedrag(a.bedrag, b.bedrag)
        + 0.15 * (a.grond_id is not None and a.grond_id == b.grond_id)
    )


Gewichten = Mapping[str, float]


def gewichten(casussen: Iterable[Casus]) -> Gewichten:
    """The rarity weight of each trigram among the cases compared."""
    lijst = list(casussen)
    df: Counter[str] = Counter()
    for casus in lijst:
        df.update(casus.tokens)
    n = len(lijst) + _IDF_DEMPING
    return {t: math.log(n / (d + 0.5)) for t, d in df.items()}


def tekstscore(a: frozenset[str], b: frozenset[str], idf: Gewichten | None = None) -> float:
    """Dice overlap of the trigrams, each weighted by its rarity (1 when no weights given)."""
    if not a or not b:
        return 0.0
    if idf is None:
        return 2 * len(a & b) / (len(a) + len(b))
    w = idf.get
    noemer = sum(w(t, 1.0) for t in a) + sum(w(t, 1.0) for t in b)
    return 2 * sum(w(t, 1.0) for t in a & b) / noemer if noemer else 0.0


def score(a: Casus, b: Casus, idf: Gewichten | None = None) -> float:
    tekst = tekstscore(a.tokens, b.tokens, idf)
    return round(GEWICHT_FACETTEN * facetscore(a, b) + GEWICHT_TEKST * tekst, 4)


def rangschik(casus: Casus, kandidaten: Sequence[tuple[T, Casus]]) -> list[tuple[T, float]]:
    """Score every candidate against `casus`, with rarity weights over all of them. The same
    as `score(casus, c, idf)` for each, with the query's weight summed once (a lookup scores
    hundreds of candidates)."""
    idf = gewichten([casus, *(c for _o, c in kandidaten)])
    vraag = casus.tokens
    vraag_gewicht = sum(idf[t] for t in vraag)
    uit: list[tuple[T, float]] = []
    for obj, c in kandidaten:
        if vraag and c.tokens:
            noemer = vraag_gewicht + sum(idf[t] for t in c.tokens)
            tekst = 2 * sum(idf[t] for t in vraag & c.tokens) / noemer if noemer else 0.0
        else:
            tekst = 0.0
        waarde = GEWICHT_FACETTEN * facetscore(casus, c) + GEWICHT_TEKST * tekst
        uit.append((obj, round(waarde, 4)))
    return uit

"""Similar signals: suggested at intake ("is this already known?") and to handlers (to group
them into a knelpunt). Dutch text, so stemming matters ("toeslagen" ~ "toeslag").

- PostgreSQL: full-text search with the Dutch configuration over a stored tsvector (GIN index),
  the words OR-ed so that a partial overlap still ranks, plus trigram similarity of the title
  (pg_trgm) for typos and short titles.
- SQLite: the FTS5 index with BM25 ranking over the same words, the equivalent for the embedded
  setup (no stemming, but diacritics folded and prefix matches on word stems).

Only signals of the same organisation are compared, and never a retaliation report."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection

from uitvoerbaar.kennisbank.zoeken import normaliseer

from .constants import Signaalsoort

# Words too common in Dutch to say anything about similarity.
STOPWOORDEN = frozenset(
    """de het een en van in is op te dat die voor met zijn er niet aan ook als bij om of door
    naar maar dan nog wel geen wat was wordt worden werd kan kunnen moet moeten zou hij zij ze
    we wij u je ik mijn onze deze dit daar hier over uit tot na al meer veel zo""".split()
)
MAX_WOORDEN = 12
# PostgreSQL: how many of an organisation's most recent signals are looked at, and how many
# of the matching ones among them are ranked.
VENSTER = 20_000
KANDIDATEN = 500


@dataclass(frozen=True)
class Gelijkend:
    signaal_id: int
    score: float


def woorden(tekst: str) -> list[str]:
    """The distinctive words of a text, lower case, without diacritics, in order, each once."""
    gezien: list[str] = []
    for w in re.findall(r"[a-z0-9]+", normaliseer(tekst)):
        if len(w) > 2 and w not in STOPWOORDEN and w not in gezien:
            gezien.append(w)
    return gezien[:MAX_WOORDEN]


def zoek(
    *,
    organisatie_id: int,
    titel: str,
    tekst: str = "",
    uitsluiten: int | None = None,
    aantal: int = 5,
) -> list[Gelijkend]:
    """At most `aantal` signals of the organisation most like the given title and text."""
    termen = woorden(f"{titel} {titel} {tekst}")
    if not termen:
        return []
    if connection.vendor == "postgresql":
        return _postgres(organisatie_id, titel, termen, uitsluiten, aantal)
    return _sqlite(organisatie_id, termen, uitsluiten, aantal)


def _postgres(
    organisatie_id: int, titel: str, termen: list[str], uitsluiten: int | None, aantal: int
) -> list[Gelijkend]:
    tsquery = " | ".join(termen)
    # Bounded work at national scale, where a large organisation has 100,000+ signals: walk
    # the organisation's signals newest first (index signaal_org_datum), look at most at
    # VENSTER of them, and rank only the first KANDIDATEN that match. Ranking every match would
    # take seconds; scanning every signal of the organisation for a rare word too.
    sql = """
        WITH q AS (SELECT to_tsquery('dutch', %(q)s) AS q),
        kandidaten AS (
            SELECT r.id, r.titel, r.zoekvector
            FROM (
                SELECT s.id, s.titel, s.zoekvector, s.soort
                FROM signalen_signaal s
                WHERE s.organisatie_id = %(org)s
                ORDER BY s.ontvangen_op DESC
                LIMIT %(venster)s
            ) r, q
            WHERE r.soort <> %(benadeling)s
              AND r.id <> %(uitsluiten)s
              AND (r.zoekvector @@ q.q OR r.titel %% %(titel)s)
            LIMIT %(kandidaten)s
        )
        SELECT k.id, ts_rank_cd(k.zoekvector, q.q) + similarity(k.titel, %(titel)s) AS score
        FROM kandidaten k, q
        ORDER BY score DESC, k.id DESC
        LIMIT %(aantal)s
    """
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            {
                "titel": titel,
                "q": tsquery,
                "org": organisatie_id,
                "benadeling": Signaalsoort.BENADELING.value,
                "uitsluiten": uitsluiten or 0,
                "aantal": aantal,
                "kandidaten": KANDIDATEN,
                "venster": VENSTER,
            },
        )
        return [Gelijkend(signaal_id=r[0], score=float(r[1])) for r in cursor.fetchall()]


def _sqlite(
    organisatie_id: int, termen: list[str], uitsluiten: int | None, aantal: int
) -> list[Gelijkend]:
    # Prefix queries ("toeslag*") stand in for stemming; quoting keeps FTS5 syntax out.
    match = " OR ".join(f'"{t[:6]}"*' if len(t) > 6 else f'"{t}"' for t in termen)
    sql = """
        SELECT s.id, -bm25(signalen_signaal_fts, 2.0, 1.0) AS score
        FROM signalen_signaal_fts
        JOIN signalen_signaal s ON s.id = signalen_signaal_fts.rowid
        WHERE signalen_signaal_fts MATCH %s
          AND s.organisatie_id = %s
          AND s.soort <> %s
          AND s.id <> %s
        ORDER BY score DESC, s.id DESC
        LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [match, organisatie_id, Signaalsoort.BENADELING.value, uitsluiten or 0, aantal],
        )
        return [Gelijkend(signaal_id=r[0], score=float(r[1])) for r in cursor.fetchall()]

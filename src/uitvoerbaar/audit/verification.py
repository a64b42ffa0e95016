"""Verifying the audit chain (DESIGN §3).

How the chain works
-------------------
Every state change in Uitvoerbaar writes one AuditEvent, in the same transaction as the change
(`services.record`). Events are numbered 1, 2, 3, … without gaps (`volgnummer`). Each event
stores `vorige_hash`, the hash of the event before it (64 zeros for event 1), and its own
`hash`: SHA-256 over a canonical JSON form of all its fields, `vorige_hash` included
(`hashing.canonical`). The single KetenKop row holds the number and hash of the newest event;
it is what the public page /audit/keten/ and the API `GET /api/v1/audit/ketenkop` show.

Database triggers refuse UPDATE and DELETE on the table (migration 0003). The chain catches what
the triggers cannot: someone with enough database rights who switches them off. Changing an
event's content breaks its own hash; rewriting its hash to match breaks the link from the next
event, whose own hash covers the old value; removing an event leaves a gap in the numbers;
rewriting the whole tail changes the chain head, which anyone may have noted from the public
page. Verification therefore checks, event by event in order:

1. the number is the previous number plus one (a missing number is named as the break);
2. the recomputed hash equals the stored hash;
3. `vorige_hash` equals the hash of the event before. When it does not, but the event itself
   is intact, it is the *previous* event whose hash was rewritten, and that one is named;
4. at the end, the last event matches the chain head (number and hash).

It streams the rows (`values_list` + `iterator`), so memory stays flat for millions of events.
The head is read first and only events up to it are checked, so events appended while the check
runs are left for the next run instead of being reported as broken. `controleer` is pure: it
takes any iterable of rows in `VELDEN` order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from django.db import DEFAULT_DB_ALIAS
from django.utils.translation import gettext as _

from .hashing import event_hash
from .models import GENESIS_HASH, AuditEvent, KetenKop

#: The columns read per event, in the order `controleer` expects them.
VELDEN: Final = (
    "volgnummer",
    "tijdstip",
    "event",
    "actor_id",
    "actor_naam",
    "object_type",
    "object_id",
    "data",
    "vorige_hash",
    "hash",
)


@dataclass(frozen=True)
class Breuk:
    """The first broken event: its number and the reason, in Dutch."""

    volgnummer: int
    reden: str


@dataclass(frozen=True)
class Resultaat:
    aantal: int
    """Events checked and found sound (all of them when the chain holds)."""
    kop_hash: str
    breuk: Breuk | None = None

    @property
    def ok(self) -> bool:
        return self.breuk is None

    @property
    def melding(self) -> str:
        """One line for people and logs, e.g. "Auditketen klopt: 1234 gebeurtenissen."."""
        if self.breuk is None:
            return _("Auditketen klopt: %(aantal)d gebeurtenissen.") % {"aantal": self.aantal}
        return _("Auditketen gebroken bij gebeurtenis #%(nummer)d: %(reden)s") % {
            "nummer": self.breuk.volgnummer,
            "reden": self.breuk.reden,
        }


def controleer(rijen: Iterable[Sequence[Any]], *, kop_volgnummer: int, kop_hash: str) -> Resultaat:
    """Check a chain given as rows in `VELDEN` order, sorted by volgnummer, against its head.

    Stops at the first broken event."""
    vorig_nummer = 0
    vorige_hash = GENESIS_HASH

    def gebroken(volgnummer: int, reden: str) -> Resultaat:
        return Resultaat(aantal=vorig_nummer, kop_hash=kop_hash, breuk=Breuk(volgnummer, reden))

    for rij in rijen:
        (
            volgnummer,
            tijdstip,
            event,
            actor_id,
            actor_naam,
            object_type,
            object_id,
            data,
            genoemde_vorige,
            opgeslagen,
        ) = rij
        if volgnummer != vorig_nummer + 1:
            return gebroken(
                vorig_nummer + 1,
                _("deze gebeurtenis ontbreekt: na #%(vorig)d volgt #%(volgend)d.")
                % {"vorig": vorig_nummer, "volgend": volgnummer},
            )
        intact = opgeslagen == event_hash(
            volgnummer=volgnummer,
            tijdstip=tijdstip,
            event=event,
            actor_id=actor_id,
            actor_naam=actor_naam,
            object_type=object_type,
            object_id=object_id,
            data=data,
            vorige_hash=genoemde_vorige,
        )
        if genoemde_vorige != vorige_hash:
            if intact and vorig_nummer > 0:
                # This event was written when its predecessor still had the hash it names, and
                # has not changed since: so the predecessor's hash was rewritten afterwards.
                return gebroken(
                    vorig_nummer,
                    _(
                        "de hash is veranderd: gebeurtenis #%(volgend)d verwijst naar een "
                        "andere hash."
                    )
                    % {"volgend": volgnummer},
                )
            if intact:
                return gebroken(
                    volgnummer,
                    _("de eerste gebeurtenis verwijst niet naar het begin van de keten."),
                )
            return gebroken(volgnummer, _("de inhoud past niet bij de opgeslagen hash."))
        if not intact:
            return gebroken(volgnummer, _("de inhoud past niet bij de opgeslagen hash."))
        vorig_nummer, vorige_hash = volgnummer, opgeslagen

    if vorig_nummer < kop_volgnummer:
        return gebroken(
            vorig_nummer + 1,
            _(
                "deze gebeurtenis ontbreekt: de kop van de keten telt %(kop)d gebeurtenissen, "
                "de laatste is #%(laatste)d."
            )
            % {"kop": kop_volgnummer, "laatste": vorig_nummer},
        )
    if vorig_nummer > kop_volgnummer:
        return Resultaat(
            aantal=kop_volgnummer,
            kop_hash=kop_hash,
            breuk=Breuk(
                kop_volgnummer + 1,
                _(
                    "deze gebeurtenis staat niet in de kop van de "
                    "keten (de kop telt %(kop)d gebeurtenissen)."
                )
                % {"kop": kop_volgnummer},
            ),
        )
    if vorige_hash != kop_hash:
        return gebroken(
            vorig_nummer,
            _("de hash verschilt van de hash in de kop van de keten.")
            if vorig_nummer
            else _("de keten is leeg, maar de kop noemt een hash."),
        )
    return Resultaat(aantal=vorig_nummer, kop_hash=kop_hash)


def verify_chain(*, using: str = DEFAULT_DB_ALIAS, chunk_size: int = 5000) -> Resultaat:
    """Verify the whole chain in the database, streaming. See the module docstring."""
    kop = KetenKop.objects.using(using).filter(pk=1).values_list("volgnummer", "hash").first() or (
        0,
        GENESIS_HASH,
    )
    kop_volgnummer, kop_hash = kop
    rijen = (
        AuditEvent.objects.using(using)
        .filter(volgnummer__lte=kop_volgnummer)
        .order_by("volgnummer")
        .values_list(*VELDEN)
        .iterator(chunk_size=chunk_size)
    )
    resultaat = controleer(rijen, kop_volgnummer=kop_volgnummer, kop_hash=kop_hash)
    if not resultaat.ok:
        return resultaat
    # An event beyond the head is fine if it was appended meanwhile (the head has moved past
    # it by now: record() moves both in one transaction); otherwise it was written around
    # record(), or the head was reset.
    daarna = (
        AuditEvent.objects.using(using)
        .filter(volgnummer__gt=kop_volgnummer)
        .order_by("volgnummer")
        .values_list("volgnummer", flat=True)
        .first()
    )
    if daarna is not None:
        kop_nu = (
            KetenKop.objects.using(using).filter(pk=1).values_list("volgnummer", flat=True).first()
            or 0
        )
        if kop_nu < daarna:
            return Resultaat(
                aantal=resultaat.aantal,
                kop_hash=kop_hash,
                breuk=Breuk(
                    daarna,
                    _(
                        "deze gebeurtenis staat niet in de kop van de keten (de "
                        "kop telt %(kop)d gebeurtenissen)."
                    )
                    % {"kop": kop_nu},
                ),
            )
    return resultaat

"""Changes the beheerder makes in the beheer screen to the kinds of request and their
escalation ladder. Each save checks `responsplicht.beheren` and writes an audit event in the
same transaction (like `kennisbank.services.save_uit_beheer`). Levels are never removed here:
an organisation may shorten terms, never drop a level (DESIGN §3)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker

from .models import Escalatieniveau, Soort


def schone_herinneringen(waarde: Any) -> list[int]:
    """Reminder moments as the sweep reads them: whole days before the deadline, at least 1,
    from far to near. Raises a Dutch ValidationError for anything else."""
    fout = ValidationError(
        {
            "herinneringen": _(
                "Geef een lijst van hele dagen vóór de uiterste datum, bijvoorbeeld [5, 1]."
            )
        }
    )
    if waarde in (None, ""):
        return []
    if not isinstance(waarde, list):
        raise fout
    dagen: list[int] = []
    for d in waarde:
        if isinstance(d, bool) or not isinstance(d, int) or d < 1 or d > 366:
            raise fout
        dagen.append(d)
    return sorted(set(dagen), reverse=True)


@transaction.atomic
def save_soort_uit_beheer(*, door: Gebruiker, soort: Soort, velden: Sequence[str]) -> Soort:
    """Save a kind edited in the beheer screen (`velden`: the changed fields)."""
    policy.require(door, "responsplicht.beheren")
    soort.herinneringen = schone_herinneringen(soort.herinneringen)
    nieuw = soort.pk is None
    soort.save()
    audit.record(
        event="responsplicht.soort." + ("aangemaakt" if nieuw else "gewijzigd"),
        actor=door,
        obj=soort,
        data={"code": soort.code, "velden": sorted(velden), "bron": "beheer"},
    )
    return soort


@transaction.atomic
def save_niveau_uit_beheer(
    *, door: Gebruiker, niveau: Escalatieniveau, velden: Sequence[str]
) -> Escalatieniveau:
    """Save a level of a kind's ladder edited in the beheer screen."""
    policy.require(door, "responsplicht.beheren")
    nieuw = niveau.pk is None
    niveau.save()
    audit.record(
        event="responsplicht.escalatieniveau." + ("aangemaakt" if nieuw else "gewijzigd"),
        actor=door,
        obj=niveau,
        data={
            "soort": niveau.soort.code,
            "volgorde": niveau.volgorde,
            "velden": sorted(velden),
            "bron": "beheer",
        },
    )
    return niveau

"""Shared pieces of the state matrices (issue 9 part 5, `<app>/tests/test_toestandsmatrix.py`):
the people of a matrix, one per role each organisation's kind has, and a move tried in a
savepoint that is rolled back, so every cell starts from the same object."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from uitvoerbaar.core.constants import ROLLEN_PER_SOORT
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.core.transitions import OngeldigeOvergang

T = TypeVar("T")

# What a refused move raises: the policy, a rule of the input, or the transition table (each
# app's refusal subclasses core.transitions.OngeldigeOvergang).
WEIGERINGEN = (PermissionDenied, ValidationError, OngeldigeOvergang)


@dataclass(frozen=True)
class Persoon:
    label: str
    gebruiker: Gebruiker
    organisatie: Organisatie
    rol: str
    vrager: bool = False


def personen(
    organisaties: Iterable[tuple[str, Organisatie]], *, eerst: Iterable[Persoon] = ()
) -> list[Persoon]:
    """`eerst`, then a person per role the kind of each (label, organisation) has."""
    uit = list(eerst)
    for naam, org in organisaties:
        for rol in sorted(ROLLEN_PER_SOORT[org.soort]):
            uit.append(Persoon(f"{rol} {naam}", persoon_met_rol(rol, org), org, rol))
    return uit


def probeer(zet: Callable[[], object], laad: Callable[[], T]) -> tuple[type[Exception] | None, T]:
    """Make a move in a savepoint that is rolled back: the refusal it met (None when it was
    made) and the object as the move left it, read before the rollback."""
    with transaction.atomic():
        try:
            zet()
            kreeg: type[Exception] | None = None
        except WEIGERINGEN as exc:
            kreeg = type(exc)
        na = laad()
        transaction.set_rollback(True)
    return kreeg, na

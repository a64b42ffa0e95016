"""Anonymised examples from practice on a principle page (seed action F4): other apps register
a source in their AppConfig.ready(), so the kennisbank shows their examples without knowing
those apps (dependencies point one way):

    voorbeelden.registreer("afwijkingen", voorbeelden_bij_beginsel)

A source gets the principle and returns `Voorbeeld`s that are safe to show to anyone: no
organisation, no person, no case that could be traced."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Beginsel


@dataclass(frozen=True)
class Voorbeeld:
    soort: str  # "Afwijking", "Casusberaad", "Uitleg (leg uit)"
    regel: str  # the regulation and article it concerns
    situatie: str  # what was at stake, without anything that identifies
    uitkomst: str  # what was done or concluded


Bron = Callable[["Beginsel"], list[Voorbeeld]]

_BRONNEN: dict[str, Bron] = {}


def registreer(naam: str, bron: Bron) -> None:
    if _BRONNEN.get(naam, bron) is not bron:
        raise ValueError(f"Voorbeeldbron {naam!r} bestaat al.")
    _BRONNEN[naam] = bron


def bij(beginsel: Beginsel) -> list[Voorbeeld]:
    """The examples of every registered source, in the order the sources registered."""
    return [v for bron in _BRONNEN.values() for v in bron(beginsel)]

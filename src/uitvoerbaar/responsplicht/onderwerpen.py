"""Subjects follow their request: an app whose objects are the subject of requests (a noodrem,
an aanvechting, a returned assignment) registers one function per subject type, in its
AppConfig.ready():

    onderwerpen.registreer("signalen.noodrem", noodrem_volgt_verzoek)

The engine calls it inside the transaction of every move, after the request's new state is
saved, so the subject's state changes together with the request's or not at all. The function
must change its own objects only through its own app's services."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .constants import Handeling
    from .models import Reactieverzoek

Volger = Callable[["Reactieverzoek", "Handeling"], None]

_VOLGERS: dict[str, Volger] = {}


def registreer(onderwerp_type: str, volger: Volger) -> None:
    if _VOLGERS.get(onderwerp_type, volger) is not volger:
        raise ValueError(f"Onderwerp {onderwerp_type!r} heeft al een volger.")
    _VOLGERS[onderwerp_type] = volger


def afmelden(onderwerp_type: str) -> None:
    """For tests."""
    _VOLGERS.pop(onderwerp_type, None)


def volg(verzoek: Reactieverzoek, handeling: Handeling) -> None:
    volger = _VOLGERS.get(verzoek.onderwerp_type)
    if volger is not None:
        volger(verzoek, handeling)

"""What every app's transition table shares: the refusal of a move the table does not allow.

Each app subclasses `OngeldigeOvergang` with its own sentence and, where its moves and states
are choices, the choices that turn the stored values into words for the user. Catching the base
class answers every app's refusal alike (409 on the API, the message on the form)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


def _label(keuzes: type[models.Choices] | None, waarde: Any) -> str:
    if keuzes is not None:
        try:
            return str(keuzes(waarde).label)
        except ValueError:
            pass
    return str(waarde)


class OngeldigeOvergang(Exception):
    """A move that the table does not allow from the current state."""

    # `%(handeling)s` is the move, `%(status)s` the current state in lower case.
    melding: ClassVar[str | Promise] = _("U kunt dit nu niet %(handeling)s: het is %(status)s.")
    handelingen: ClassVar[type[models.Choices] | None] = None
    standen: ClassVar[type[models.Choices] | None] = None

    def __init__(self, handeling: str, huidig: str) -> None:
        super().__init__(handeling, huidig)
        self.handeling = handeling
        self.huidig = huidig

    def __str__(self) -> str:
        return str(self.melding) % {
            "handeling": _label(self.handelingen, self.handeling),
            "status": _label(self.standen, self.huidig).lower(),
        }

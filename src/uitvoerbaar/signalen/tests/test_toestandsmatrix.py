"""Authorisation matrix with object state (issue 9 part 5): every role x own or other
organisation x every state of a signal x every move a handler makes, generated from the policy
table (`signaal.behandelen`) and the transition table (`transitions.OVERGANGEN`).

Expectation per cell: the policy refuses → PermissionDenied; else the table refuses →
OngeldigeOvergang; else the move is made and lands on the table's target state. A refused move
changes nothing (state and audit log)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import ROLLEN_PER_SOORT
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.tests.factories import persoon_met_rol

from .. import services
from ..constants import Handeling as H
from ..constants import Status as S
from ..constants import Uitkomst
from ..models import Signaal
from ..transitions import OVERGANGEN, OngeldigeOvergang, is_toegestaan
from .conftest import Wereld

pytestmark = pytest.mark.django_db

# Each move a handler makes, as the service call that makes it.
ZETTEN: dict[H, Callable[[Signaal, Gebruiker], Any]] = {
    H.IN_BEHANDELING_NEMEN: lambda s, u: services.take_in_behandeling(signaal=s, door=u),
    H.VRAAG_STELLEN: lambda s, u: services.send_bericht(
        signaal=s, door=u, tekst="Wanneer gebeurde dit?", vraag=True
    ),
    H.BERICHT_STUREN: lambda s, u: services.send_bericht(
        signaal=s, door=u, tekst="We kijken ernaar."
    ),
    H.AFSLUITEN: lambda s, u: services.close_signaal(
        signaal=s, door=u, uitkomst=Uitkomst.UITLEG, toelichting="De regel werkt zo."
    ),
    H.HEROPENEN: lambda s, u: services.reopen_signaal(signaal=s, door=u, reden="Nieuwe feiten."),
}


def test_every_move_of_a_handler_is_in_the_matrix() -> None:
    """The reporter's own move (aanvullen) is checked by the caller (own account or receipt
    code) and tested in test_views/test_api; every other move of the table is here."""
    assert set(ZETTEN) == set(OVERGANGEN) - {H.AANVULLEN}


def _verwacht(user: Gebruiker, signaal: Signaal, zet: H) -> type[Exception] | None:
    if not policy.allows(user, "signaal.behandelen", signaal):
        return PermissionDenied
    if not is_toegestaan(zet, S(signaal.status)):
        return OngeldigeOvergang
    return None


@pytest.mark.parametrize("status", list(S))
def test_every_role_own_and_other_organisation_every_state_every_move(
    wereld: Wereld, meld: Callable[..., services.Melding], status: S
) -> None:
    soort = wereld.uitvoerder.soort
    personen = [
        (f"{rol} eigen", persoon_met_rol(rol, wereld.uitvoerder)) for rol in ROLLEN_PER_SOORT[soort]
    ] + [(f"{rol} andere", persoon_met_rol(rol, wereld.andere)) for rol in ROLLEN_PER_SOORT[soort]]
    fouten: list[str] = []
    toegestaan = 0
    # One signal, put back in `status` before each attempt (an allowed move changes it).
    signaal = meld().signaal
    for zet, maak in ZETTEN.items():
        for label, user in personen:
            Signaal.objects.filter(pk=signaal.pk).update(status=status)
            signaal.refresh_from_db()
            user = Gebruiker.objects.get(pk=user.pk)
            verwacht = _verwacht(user, signaal, zet)
            events = AuditEvent.objects.count()
            try:
                maak(signaal, user)
                kreeg: type[Exception] | None = None
            except (PermissionDenied, OngeldigeOvergang) as exc:
                kreeg = type(exc)
            signaal.refresh_from_db()
            if kreeg is not verwacht:
                fouten.append(f"{zet} / {label} / {status}: {kreeg} instead of {verwacht}")
            elif verwacht is None:
                toegestaan += 1
                if signaal.status != OVERGANGEN[zet][status]:
                    fouten.append(f"{zet} / {label} / {status}: landed on {signaal.status}")
            elif signaal.status != status or AuditEvent.objects.count() != events:
                fouten.append(f"{zet} / {label} / {status}: a refusal changed something")
    assert fouten == []
    # Guards the guard: in every open or closed state some handler can make some move.
    assert toegestaan > 0

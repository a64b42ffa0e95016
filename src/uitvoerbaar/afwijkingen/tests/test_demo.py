"""The demo: loaded through the services, idempotent, and showing the journey's starting
point (a refused precedent, two approvals before the threshold, an answered aanvechting)."""

from __future__ import annotations

import pytest

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.demo import load_demo
from uitvoerbaar.core.models import Gebruiker

from .. import selectors
from ..constants import AanvechtingStatus, AfwijkingStatus
from ..models import Aanvechting, Afwijking, Casusberaad

pytestmark = pytest.mark.django_db


def test_demo_deviations_are_loaded_once() -> None:
    eerste = load_demo()
    assert eerste.afwijkingen == 6
    assert Afwijking.objects.filter(status=AfwijkingStatus.AFGEWEZEN).count() == 1
    assert Afwijking.objects.filter(status=AfwijkingStatus.GOEDGEKEURD).count() == 5
    assert Casusberaad.objects.exclude(richtlijn="").count() == 1
    aanvechting = Aanvechting.objects.get()
    assert aanvechting.status == AanvechtingStatus.PAS_TOE
    voor = AuditEvent.objects.count()
    tweede = load_demo()
    assert tweede.afwijkingen == 0
    assert tweede.wijzigingen == 0
    assert AuditEvent.objects.count() == voor
    # Art. 26 was contested and answered; art. 27 has two approvals, one short of three.
    fatima = Gebruiker.objects.get(username="fatima.lud")
    assert selectors.structurele_voorstellen(user=fatima) == []

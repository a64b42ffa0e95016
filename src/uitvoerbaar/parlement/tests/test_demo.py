"""The demo: an answered (public), an open and a silent question, and contact moments in
each state, loaded in the demo world through the services. A second load changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import demo as core_demo

from ..constants import Contactstatus, Kamervraagstatus
from ..demo import TITEL
from ..models import Contactmoment, Kamervraag

pytestmark = pytest.mark.django_db


def test_the_demo_has_each_state_and_loads_once(client: Client) -> None:
    resultaat = core_demo.load_demo()
    assert resultaat.parlement == 7
    assert sorted(Kamervraag.objects.values_list("status", flat=True)) == sorted(
        [Kamervraagstatus.AANVAARD, Kamervraagstatus.GESTELD, Kamervraagstatus.ONBEANTWOORD]
    )
    statussen = sorted(Contactmoment.objects.values_list("status", flat=True))
    assert set(statussen) == set(Contactstatus.values)
    assert Contactmoment.objects.filter(verslag_gepubliceerd_op__isnull=False).count() == 1

    openbaar = client.get("/openbaar/kamervragen/").content.decode()
    assert TITEL in openbaar and "Wachttijd bij bezwaar" in openbaar
    assert "Terugvorderen van kleine bedragen" not in openbaar
    assert (
        "Werkbezoek aan Klantcontact Noord"
        in client.get("/openbaar/contactmomenten/").content.decode()
    )

    aantal = AuditEvent.objects.count()
    assert core_demo.load_demo().wijzigingen == 0
    assert AuditEvent.objects.count() == aantal

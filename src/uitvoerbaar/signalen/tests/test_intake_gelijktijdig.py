"""Intakes at the same moment on PostgreSQL: every one is stored with its acknowledgement
request, the audit chain they append to together verifies, and an event tampered with
afterwards is still named by the verification.

Each intake runs in its own thread with its own database connection; a barrier starts them
together, so they contend for the chain head (locked once per intake, at its end). SQLite
serialises writers, so there is nothing concurrent to test there."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.audit.testing import triggers_uitgeschakeld
from uitvoerbaar.audit.verification import verify_chain
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.models import Signaal

from .conftest import Wereld

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent intakes need row locks (PostgreSQL); SQLite serialises writers. "
        "Run with DATABASE_URL=postgres://...",
    ),
]

THREADS = 4
PER_THREAD = 5


def _gelijktijdig(melder_id: int, organisatie_id: int) -> list[BaseException]:
    barrier = threading.Barrier(THREADS)
    fouten: list[BaseException] = []

    def meld(i: int) -> None:
        try:
            melder = Gebruiker.objects.get(pk=melder_id)
            organisatie = Organisatie.objects.get(pk=organisatie_id)
            barrier.wait(timeout=30)
            for j in range(PER_THREAD):
                services.submit_signaal(
                    door=melder,
                    kanaal="benoemd",
                    organisatie=organisatie,
                    titel=f"Signaal {i}-{j}",
                    tekst="Een gezin moet alles terugbetalen door een fout van twee euro.",
                )
        except BaseException as exc:  # reported by the test thread
            fouten.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=meld, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "an intake did not finish"
    return fouten


def test_concurrent_intakes_all_land_and_the_chain_verifies_and_still_catches_tampering(
    wereld: Wereld,
) -> None:
    voor = AuditEvent.objects.count()
    fouten = _gelijktijdig(wereld.medewerker.pk, wereld.uitvoerder.pk)
    assert not fouten, fouten

    aantal = THREADS * PER_THREAD
    assert Signaal.objects.count() == aantal
    assert not Signaal.objects.filter(ontvangstbevestiging__isnull=True).exists()
    assert Reactieverzoek.objects.filter(soort__code="wbk-ontvangstbevestiging").count() == aantal
    events = list(AuditEvent.objects.order_by("volgnummer")[voor:])
    assert [e.volgnummer for e in events] == list(range(voor + 1, voor + 2 * aantal + 1))
    # Each intake's two events are adjacent: one lock of the head per intake.
    for eerste, tweede in zip(events[::2], events[1::2], strict=True):
        assert (eerste.event, tweede.event) == ("reactieverzoek.aangemaakt", "signaal.gemeld")
        assert eerste.tijdstip == tweede.tijdstip
    resultaat = verify_chain()
    assert resultaat.ok, resultaat.melding
    assert resultaat.aantal == voor + 2 * aantal

    doelwit = events[7]
    with triggers_uitgeschakeld():
        AuditEvent.objects.filter(pk=doelwit.pk).update(data={**doelwit.data, "kanaal": "anoniem"})
    resultaat = verify_chain()
    assert not resultaat.ok
    assert resultaat.breuk is not None and resultaat.breuk.volgnummer == doelwit.volgnummer

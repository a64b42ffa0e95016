"""Intake throughput (DESIGN §5, docs/benchmarks.md): the round trips of one intake stay within
budget, the answer built without reading the signal back is the signal as read back, and the
audit events of an intake are appended together at the end of its transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.audit.verification import verify_chain
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.responsplicht.models import Melding as VerzoekMelding
from uitvoerbaar.responsplicht.models import Verantwoordelijke
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.models import Signaal

from .conftest import Wereld

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/signalen"
MIJN = "/api/v1/signalen/mijn"
SIGNAAL = {
    "kanaal": "benoemd",
    "organisatie": "tu",
    "titel": "Terugvordering kinderopvangtoeslag bij kleine fout",
    "tekst": "Een gezin moet alles terugbetalen door een fout van twee euro.",
}
# One named intake over the API, with a session: the session, the user and their roles (3),
# the organisation (1), routing (1), the signal (1), the kind with its ladder (1), the free days
# (1), the request and its recipient (2), who must answer with their addresses (1), their
# notifications (1), the signal's link to the request (1), the audit chain (3), and on
# PostgreSQL the BEGIN and COMMIT the capture lists. It was 33 before (docs/benchmarks.md).
BUDGET = 18


@pytest.fixture(autouse=True)
def _lege_cache() -> Iterator[None]:
    # The anonymous-intake limiter counts in the cache.
    cache.clear()
    yield
    cache.clear()


def _sql(vastgelegd: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"]
        for q in vastgelegd.captured_queries
        if q["sql"].split(" ", 1)[0] not in {"BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"}
    ]


def test_named_intake_stays_within_its_round_trip_budget(wereld: Wereld) -> None:
    client = ingelogd(Client(), wereld.medewerker)
    client.post(LIJST, SIGNAAL, content_type="application/json")  # warm: first-use lookups
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.post(LIJST, SIGNAAL, content_type="application/json")
    assert response.status_code == 201, response.content
    sql = _sql(vastgelegd)
    assert len(sql) <= BUDGET - 2, "\n".join(sql)
    # No savepoint inside the intake (the one savepoint is the service's own transaction, a
    # savepoint here only because the test runs inside a transaction), and the signal is not
    # read back for the answer.
    assert sum(q.startswith("SAVEPOINT") for q in _alle(vastgelegd)) == 1
    assert sum(q.startswith('SELECT "signalen_signaal"') for q in sql) == 0
    # The chain head is locked once, after every other write of the intake.
    vergrendeld = [i for i, q in enumerate(sql) if "audit_ketenkop" in q and "FOR UPDATE" in q]
    if connection.features.has_select_for_update:
        assert len(vergrendeld) == 1
        assert all(
            not q.startswith("INSERT") or "audit_auditevent" in q for q in sql[vergrendeld[0] :]
        )


def _alle(vastgelegd: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in vastgelegd.captured_queries]


def _zonder_vluchtig(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "mogelijke_handelingen"}


@pytest.mark.parametrize("kanaal", ["benoemd", "vertrouwelijk"])
def test_the_answer_to_an_intake_is_the_signal_as_read_back(wereld: Wereld, kanaal: str) -> None:
    melder = wereld.klokkenluider if kanaal == "vertrouwelijk" else wereld.medewerker
    client = ingelogd(Client(), melder)
    bijlage = SimpleUploadedFile("notitie.txt", b"Wat er gebeurde.", content_type="text/plain")
    response = client.post(
        LIJST,
        {**SIGNAAL, "kanaal": kanaal, "beginselen": wereld.beginsel.code, "bijlagen": [bijlage]},
    )
    assert response.status_code == 201, response.content
    gemeld = response.json()
    assert gemeld["bijlagen"] and gemeld["termijnen"], gemeld
    gelezen = client.get(f"{MIJN}/{gemeld['id']}")
    assert gelezen.status_code == 200, gelezen.content
    assert _zonder_vluchtig(gemeld) == _zonder_vluchtig(gelezen.json())


def test_the_answer_to_an_anonymous_intake_is_the_signal_as_read_with_the_code(
    wereld: Wereld,
) -> None:
    response = Client().post(
        LIJST, {**SIGNAAL, "kanaal": "anoniem"}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    gemeld = response.json()
    code = gemeld.pop("ontvangstcode")
    gelezen = Client().post(
        f"{LIJST}/ontvangstcode", {"ontvangstcode": code}, content_type="application/json"
    )
    assert gelezen.status_code == 200, gelezen.content
    assert gemeld == gelezen.json()


def test_intake_appends_its_audit_events_together_and_the_chain_verifies(
    wereld: Wereld, meld: Callable[..., services.Melding]
) -> None:
    voor = AuditEvent.objects.count()  # the kinds of request loaded by the fixture
    eerste = meld().signaal
    tweede = meld(titel="Nog een terugvordering").signaal
    events = list(AuditEvent.objects.order_by("volgnummer"))[voor:]
    assert [(e.event, e.object_id) for e in events] == [
        ("reactieverzoek.aangemaakt", str(eerste.ontvangstbevestiging_id)),
        ("signaal.gemeld", str(eerste.pk)),
        ("reactieverzoek.aangemaakt", str(tweede.ontvangstbevestiging_id)),
        ("signaal.gemeld", str(tweede.pk)),
    ]
    # One intake's events share the moment they were chained.
    assert events[0].tijdstip == events[1].tijdstip
    assert verify_chain().ok


def test_intake_still_opens_the_acknowledgement_request_and_tells_every_handler(
    wereld: Wereld, meld: Callable[..., services.Melding], django_capture_on_commit_callbacks: Any
) -> None:
    wereld.behandelaar.email = "behandelaar@example.org"
    wereld.behandelaar.save()
    with django_capture_on_commit_callbacks(execute=True):
        signaal = Signaal.objects.get(pk=meld().signaal.pk)
    verzoek = signaal.ontvangstbevestiging
    assert verzoek is not None
    assert verzoek.soort.code == "wbk-ontvangstbevestiging"
    assert (verzoek.onderwerp_type, verzoek.onderwerp_id) == ("signalen.signaal", str(signaal.pk))
    assert list(Verantwoordelijke.objects.filter(verzoek=verzoek).values_list("niveau", "rol")) == [
        (0, "behandelaar")
    ]
    assert set(
        VerzoekMelding.objects.filter(verzoek=verzoek).values_list("ontvanger_id", flat=True)
    ) == {wereld.behandelaar.pk}
    # The addresses come with the handlers (no second read); mailed after commit.
    assert [m.to for m in mail.outbox] == [["behandelaar@example.org"]]

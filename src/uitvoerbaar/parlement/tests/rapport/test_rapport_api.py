"""/api/v1/rapporten: asking for a report answers 202 with its id and status; progress with
GET; the PDF and HTML once ready (409 before); refusals as problem+json."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.parlement import rapport_services as services
from uitvoerbaar.parlement.models import Rapport

from .conftest import VANDAAG, Wereld, moment

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"
LIJST = "/api/v1/rapporten"
AANVRAAG = {"organisatie": "tu", "van": "2026-10-01", "tot": "2026-12-31"}


@pytest.fixture(autouse=True)
def _vandaag() -> Iterator[None]:
    with time_machine.travel(moment(VANDAAG), tick=False):
        yield


def _client(user: Gebruiker | None = None) -> Client:
    return ingelogd(Client(), user) if user is not None else Client()


def _post(client: Client, data: Any) -> Any:
    return client.post(LIJST, data, content_type="application/json")


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def _fouten(body: dict[str, Any]) -> dict[str, str]:
    return {e["field"]: e["message"] for e in body["errors"]}


def test_request_poll_and_fetch(wereld: Wereld) -> None:
    c = _client(wereld.bestuur)
    r = _post(c, AANVRAAG)
    assert r.status_code == 202
    body = r.json()
    assert body["status"] == "wachtend" and body["voortgang"] == 0 and body["pdf"] is None
    assert body["organisatie"]["slug"] == "tu" and not body["landelijk"]
    pad = f"{LIJST}/{body['id']}"
    assert problem(c.get(f"{pad}/pdf"), 409)["detail"] == "Dit rapport is nog niet klaar."
    problem(c.get(f"{pad}/html"), 409)
    services.process_rapporten()
    body = c.get(pad).json()
    assert (body["status"], body["voortgang"]) == ("klaar", 100)
    assert body["pdf"] == f"{pad}/pdf" and body["html"] == f"{pad}/html"
    r = c.get(f"{pad}/pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")
    r = c.get(f"{pad}/html")
    assert r.status_code == 200 and "Testuitvoering" not in r.content.decode()[:0]
    assert "Knelpunten per artikel" in r.content.decode()
    assert [x["id"] for x in c.get(LIJST).json()] == [body["id"]]


def test_parliament_asks_for_the_national_overview(wereld: Wereld) -> None:
    r = _post(_client(wereld.kamerlid), {"van": "2026-01-01", "tot": "2026-09-30"})
    assert r.status_code == 202 and r.json()["landelijk"] is True
    r = _post(_client(wereld.griffie), {**AANVRAAG, "organisatie": "au"})
    assert r.status_code == 202


def test_refusals(wereld: Wereld) -> None:
    w = wereld
    problem(_post(_client(), AANVRAAG), 403)
    problem(_post(_client(w.medewerker), AANVRAAG), 403)
    problem(_post(_client(w.bestuur_andere), AANVRAAG), 403)  # another organisation
    problem(_post(_client(w.bestuur), {"van": "2026-10-01", "tot": "2026-12-31"}), 403)
    fouten = _fouten(problem(_post(_client(w.bestuur), {**AANVRAAG, "tot": "2026-09-30"}), 400))
    assert fouten == {"tot": "De einddatum ligt vóór de begindatum."}
    fouten = _fouten(problem(_post(_client(w.bestuur), {**AANVRAAG, "van": "2025-01-01"}), 400))
    assert "hoogstens een jaar" in fouten["tot"]
    fouten = _fouten(problem(_post(_client(w.bestuur), {**AANVRAAG, "van": "1 okt"}), 400))
    assert "van" in fouten
    fouten = _fouten(problem(_post(_client(w.bestuur), {**AANVRAAG, "kleur": "rood"}), 400))
    assert fouten == {"kleur": "Dit veld bestaat niet. Laat het weg."}
    fouten = _fouten(problem(_post(_client(w.kamerlid), {**AANVRAAG, "organisatie": "mvt"}), 400))
    assert "organisatie" in fouten
    assert not Rapport.objects.exists()

    rapport = services.request_rapport(
        door=w.bestuur, organisatie=w.uitvoerder, van=VANDAAG, tot=VANDAAG
    )
    pad = f"{LIJST}/{rapport.pk}"
    problem(_client(w.bestuur_andere).get(pad), 404)
    problem(_client(w.bestuur_andere).get(f"{pad}/pdf"), 404)
    problem(_client(w.medewerker).get(pad), 403)
    problem(_client().get(pad), 403)
    problem(_client(w.bestuur).get(f"{LIJST}/999999"), 404)
    assert _client(w.bestuur_andere).get(LIJST).json() == []

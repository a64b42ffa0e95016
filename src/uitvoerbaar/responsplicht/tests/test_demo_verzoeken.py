"""The demo requests to respond (`responsplicht/demo.py`, loaded by `uitvoerbaar load_demo`):
made through the services in the demo world, in the states the screens and the register know,
idempotent, and alive: the first sweep escalates the request whose deadline was yesterday."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import demo as core_demo
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.responsplicht import demo
from uitvoerbaar.responsplicht.constants import Antwoordsoort, Status, WooGrond
from uitvoerbaar.responsplicht.models import Reactie, Reactieverzoek, Soort

pytestmark = pytest.mark.django_db

# A Wednesday: yesterday was a working day, so the noodrem's deadline can be yesterday.
WOENSDAG = dt.date(2027, 3, 3)


def _op(dag: dt.date) -> time_machine.travel:
    return time_machine.travel(
        dt.datetime(dag.year, dag.month, dag.day, 9, 0, tzinfo=dt.UTC), tick=False
    )


@pytest.fixture
def woensdag() -> Iterator[None]:
    with _op(WOENSDAG):
        yield


def _verzoeken() -> dict[str, Reactieverzoek]:
    return {
        v.onderwerp_id: v
        for v in Reactieverzoek.objects.filter(onderwerp_type=demo.ONDERWERP_TYPE).select_related(
            "verantwoordelijke_organisatie", "ontvanger_organisatie"
        )
    }


def _tellingen() -> dict[str, int]:
    return {
        "verzoeken": Reactieverzoek.objects.count(),
        "reacties": Reactie.objects.count(),
        "soorten": Soort.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


def test_load_demo_makes_every_scenario_in_its_state(woensdag: None) -> None:
    resultaat = core_demo.load_demo()
    assert resultaat.reactieverzoeken == len(demo.SCENARIOS)
    v = _verzoeken()
    assert set(v) == {sleutel for sleutel, _ in demo.SCENARIOS}
    assert Soort.objects.count() == 8

    verloopt = v["noodrem-verloopt"]
    assert verloopt.status == Status.OPEN
    assert verloopt.uiterste_datum == WOENSDAG - dt.timedelta(days=1)
    assert (verloopt.ontvanger_organisatie.slug, verloopt.ontvanger_rol) == ("lud", Rol.BESTUUR)

    assert v["noodrem-pas-toe"].status == Status.BEANTWOORD
    assert v["aanvechting-leg-uit"].status == Status.GEACCEPTEERD
    onvoldoende = v["noodrem-onvoldoende"]
    assert (onvoldoende.status, onvoldoende.niveau) == (Status.GEESCALEERD, 1)
    assert onvoldoende.verantwoordelijke_organisatie.slug == "mwb"
    assert onvoldoende.uiterste_datum > WOENSDAG
    stil = v["noodrem-stil"]
    assert (stil.status, stil.niveau) == (Status.VERLOPEN, 1)
    assert v["kamervraag-loopt"].status == Status.OPEN
    assert v["kamervraag-loopt"].uiterste_datum > WOENSDAG
    woo = v["teruggave-woo"]
    assert (woo.openbaar, woo.woo_grond) == (False, WooGrond.PERSOONLIJKE_BELEIDSOPVATTINGEN)
    te_laat = v["betrokkenheid-te-laat"].reacties.get()
    assert te_laat.te_laat and te_laat.soort == Antwoordsoort.PAS_TOE
    assert v["wbk-alleen-geteld"].soort.publicatie == "niets"

    # Every request went through the services: created and moved with audit events.
    for verzoek in v.values():
        events = list(
            AuditEvent.objects.filter(
                object_type="responsplicht.reactieverzoek", object_id=str(verzoek.pk)
            ).values_list("event", flat=True)
        )
        assert events[0] == "reactieverzoek.aangemaakt", verzoek.onderwerp_id
    # Subjects are opaque demo cases without a link.
    assert {x.onderwerp_url for x in v.values()} == {""}


def test_second_load_creates_nothing(woensdag: None) -> None:
    core_demo.load_demo()
    voor = _tellingen()
    tweede = core_demo.load_demo()
    assert tweede.reactieverzoeken == 0
    assert tweede.wijzigingen == 0
    assert demo.load_demo_verzoeken() == 0
    assert _tellingen() == voor


def test_a_later_load_adds_nothing_either(woensdag: None) -> None:
    core_demo.load_demo()
    voor = _tellingen()
    with _op(WOENSDAG + dt.timedelta(days=9)):
        assert demo.load_demo_verzoeken() == 0
    assert _tellingen() == voor


def test_the_first_sweep_escalates_the_request_due_yesterday(woensdag: None) -> None:
    core_demo.load_demo()
    out = StringIO()
    call_command("process_deadlines", stdout=out)
    assert "1 geëscaleerd" in out.getvalue()
    verloopt = _verzoeken()["noodrem-verloopt"]
    assert (verloopt.status, verloopt.niveau) == (Status.GEESCALEERD, 1)
    assert (verloopt.verantwoordelijke_organisatie.slug, verloopt.verantwoordelijke_rol) == (
        "mwb",
        Rol.AMBTELIJKE_TOP,
    )
    # The sg of the ministry finds it in their notifications.
    assert verloopt.meldingen.filter(ontvanger__username="sg.mwb").exists()


def test_the_demo_fills_the_public_register_without_names(client: Client, woensdag: None) -> None:
    core_demo.load_demo()
    v = _verzoeken()
    paginas = [
        "/openbaar/register/",
        "/openbaar/register/organisaties/lud/",
        "/openbaar/register/organisaties/mwb/",
        "/openbaar/register/organisaties/lindendal/",
    ]
    openbaar = ["noodrem-pas-toe", "aanvechting-leg-uit", "noodrem-onvoldoende", "noodrem-stil"]
    paginas += [f"/openbaar/register/{v[s].kenmerk}/" for s in [*openbaar, "betrokkenheid-te-laat"]]
    namen = [x for p in core_demo.PERSONEN for x in (p.username, p.naam, p.email)]
    for pad in paginas:
        response = client.get(pad)
        assert response.status_code == 200, pad
        body = response.content.decode()
        for naam in namen:
            assert naam not in body, (pad, naam)
    # Withheld under the Woo, or a kind that publishes nothing, or still running: not listed.
    for sleutel in ("teruggave-woo", "wbk-alleen-geteld", "kamervraag-loopt", "noodrem-verloopt"):
        assert client.get(f"/openbaar/register/{v[sleutel].kenmerk}/").status_code == 404, sleutel
    lud = client.get("/openbaar/register/organisaties/lud/").content.decode()
    assert "Inlogcode per brief komt na de termijn voor bezwaar" in lud  # silence
    mwb = client.get("/openbaar/register/organisaties/mwb/").content.decode()
    assert "art. 5.2 Woo" in mwb


def test_load_demo_command_reports_the_requests(woensdag: None) -> None:
    out = StringIO()
    call_command("load_demo", "--ook-zonder-debug", stdout=out)
    assert f"Nieuwe reactieverzoeken (pas toe of leg uit): {len(demo.SCENARIOS)}." in (
        out.getvalue()
    )
    out = StringIO()
    call_command("load_demo", "--ook-zonder-debug", stdout=out)
    assert "Nieuwe reactieverzoeken (pas toe of leg uit): 0." in out.getvalue()


def test_without_the_demo_world_the_loader_refuses_and_makes_nothing(woensdag: None) -> None:
    with pytest.raises(ValidationError) as exc:
        demo.load_demo_verzoeken()
    assert "Laad eerst de demo-wereld" in exc.value.messages[0]
    assert not Reactieverzoek.objects.exists()
    # All or nothing: the kinds loaded in the same call are rolled back too.
    assert not Soort.objects.exists()

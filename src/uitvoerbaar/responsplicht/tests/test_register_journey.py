"""The journey of issue 3 ("Done when"), in the demo world, through the services and the sweep
with frozen time: a request runs past its deadline, the sweep escalates it, it gets a leg-uit
answer, the requester calls it insufficient, it escalates again, it is answered, and it appears
in the public register without anyone's name. Its audit events are the complete timeline, and
`verify_audit_log` holds."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from uitvoerbaar.core import demo as core_demo
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import demo as rp_demo
from uitvoerbaar.responsplicht import services
from uitvoerbaar.responsplicht.constants import Antwoordsoort, Status
from uitvoerbaar.responsplicht.models import Melding

from .conftest import events_van

pytestmark = pytest.mark.django_db


def _op(jaar: int, maand: int, dag: int) -> time_machine.travel:
    # 10:00 in Amsterdam: the same calendar day in both time zones. The weeks chosen hold no
    # public holiday (Algemene termijnenwet), so the dates below are plain calendar sums.
    return time_machine.travel(dt.datetime(jaar, maand, dag, 8, 0, tzinfo=dt.UTC), tick=False)


@pytest.fixture
def demo_wereld() -> Iterator[None]:
    with _op(2027, 9, 6):
        core_demo.load_demo()
        rp_demo.load_demo_verzoeken()
        yield


def _persoon(username: str) -> Gebruiker:
    return Gebruiker.objects.get(username=username)


def _sweep() -> str:
    out = StringIO()
    call_command("process_deadlines", stdout=out)
    return out.getvalue()


def _verify_audit_log() -> int:
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit_log", stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def _persoonsgegevens() -> list[str]:
    """Every string that names a demo person."""
    uit: list[str] = []
    for persoon in core_demo.PERSONEN:
        uit += [persoon.username, persoon.naam, persoon.email]
    return uit


def test_the_journey_of_a_returned_assignment(client: Client, demo_wereld: None) -> None:
    lud = Organisatie.objects.get(slug="lud")
    mwb = Organisatie.objects.get(slug="mwb")
    kamer = Organisatie.objects.get(slug="kamer")
    bestuur_lud, minister = _persoon("bestuur.lud"), _persoon("minister.mwb")

    # Monday 6 September: the board of the Landelijke Uitkeringsdienst hands an assignment
    # back to the ministry's top (teruggave opdracht: 4 weeks, then the minister, then the
    # committee).
    verzoek = services.create_reactieverzoek(
        soort="teruggave-opdracht",
        onderwerp=services.Onderwerp(
            type="demo.casus", id="reis-1", titel="Opdracht: gegevens delen met gemeenten"
        ),
        vraag="Wij geven deze opdracht terug: de gegevens mogen wij zo niet delen.",
        argumenten=["De Algemene verordening gegevensbescherming staat het zo niet toe."],
        door=bestuur_lud,
        verzoeker_organisatie=lud,
        verzoeker_rol=Rol.BESTUUR,
        ontvanger_organisatie=mwb,
        ontvanger_rol=Rol.AMBTELIJKE_TOP,
    )
    assert verzoek.uiterste_datum == dt.date(2027, 10, 4)

    # Nobody answers. The day after the deadline the sweep lets it expire and escalates it to
    # the minister; a second sweep the same day does nothing more.
    with _op(2027, 10, 5):
        assert "Termijnen verwerkt op 2027-10-05" in _sweep()
        verzoek.refresh_from_db()
        assert (verzoek.status, verzoek.niveau) == (Status.GEESCALEERD, 1)
        assert (verzoek.verantwoordelijke_organisatie, verzoek.verantwoordelijke_rol) == (
            mwb,
            Rol.BEWINDSPERSOON,
        )
        _sweep()
        assert events_van(verzoek).count("reactieverzoek.escaleren") == 1
        assert Melding.objects.filter(ontvanger=minister, verzoek=verzoek).exists()

        # The minister explains (leg uit), weighing a principle and replying to the argument.
        services.answer_leg_uit(
            verzoek=verzoek,
            door=minister,
            redenen="De opdracht blijft staan: de wet geeft de grondslag voor het delen.",
            beginselen=list(Beginsel.objects.filter(code="abbb-rechtszekerheid")),
            antwoorden=["Artikel 64 van de wet is de grondslag voor het delen."],
        )

    # The board calls the explanation insufficient: it escalates to the committee.
    with _op(2027, 10, 7):
        services.contest_answer(
            verzoek=verzoek,
            door=bestuur_lud,
            reden="Artikel 64 gaat over een ander soort gegevens.",
        )
        verzoek.refresh_from_db()
        assert (verzoek.status, verzoek.niveau) == (Status.GEESCALEERD, 2)
        assert verzoek.verantwoordelijke_organisatie == kamer

        # An earlier level may still answer: the minister now complies.
        services.answer_pas_toe(
            verzoek=verzoek,
            door=minister,
            maatregel="We delen alleen adresgegevens tot er een nieuwe grondslag is.",
            eigenaar="Ellen Verhoef",
            datum=dt.date(2027, 11, 1),
        )
        services.accept_answer(verzoek=verzoek, door=bestuur_lud)
    verzoek.refresh_from_db()
    assert verzoek.status == Status.GEACCEPTEERD
    assert [r.soort for r in verzoek.reacties.order_by("pk")] == [
        Antwoordsoort.LEG_UIT,
        Antwoordsoort.PAS_TOE,
    ]

    # The audit events are the complete timeline of the request.
    assert events_van(verzoek) == [
        "reactieverzoek.aangemaakt",
        "reactieverzoek.laten_verlopen",
        "reactieverzoek.escaleren",
        "reactieverzoek.beantwoorden",
        "reactieverzoek.betwisten",
        "reactieverzoek.escaleren",
        "reactieverzoek.beantwoorden",
        "reactieverzoek.accepteren",
    ]

    # It appears in the public register, at every organisation of its ladder, without a name.
    with _op(2027, 10, 8):
        for slug in ("mwb", "kamer"):
            body = client.get(f"/openbaar/register/organisaties/{slug}/").content.decode()
            assert verzoek.kenmerk in body, slug
            assert "Opdracht: gegevens delen met gemeenten" in body
        detail = client.get(f"/openbaar/register/{verzoek.kenmerk}/").content.decode()
        overzicht = client.get("/openbaar/register/").content.decode()
    assert "De opdracht blijft staan" in detail
    assert "We delen alleen adresgegevens" in detail
    assert "Artikel 64 gaat over een ander soort gegevens." in detail  # published in full
    for gegeven in _persoonsgegevens():
        assert gegeven not in detail, gegeven
        assert gegeven not in body, gegeven
        assert gegeven not in overzicht, gegeven
    stappen = re.findall(r'<li data-testid="stap">(.*?)</li>', detail, re.S)
    assert len(stappen) == len(events_van(verzoek))
    assert "omdat de vrager het antwoord onvoldoende vond" in stappen[5]
    assert "Tweede Kamer (demo)" in stappen[5]

    assert _verify_audit_log() == 0

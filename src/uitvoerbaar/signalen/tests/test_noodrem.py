"""The noodrem (seed action U5): pulled by a professional, answered by the board by
comply-or-explain, escalating to the ministry and the public register, never edited."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from uitvoerbaar.responsplicht import services as responsplicht
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus
from uitvoerbaar.responsplicht.sweep import process_deadlines
from uitvoerbaar.signalen import selectors, services
from uitvoerbaar.signalen.models import Instelling, Noodrem

from .conftest import Wereld

pytestmark = pytest.mark.django_db


def _trek(wereld: Wereld, **kwargs: object) -> Noodrem:
    velden: dict[str, object] = {
        "door": wereld.medewerker,
        "organisatie": wereld.uitvoerder,
        "titel": "Stop automatische beslagleggingen",
        "schade": "Mensen raken onder het bestaansminimum.",
        "stoppen": "Het automatisch leggen van beslag.",
        "beginselen": [wereld.beginsel],
    }
    velden.update(kwargs)
    return services.pull_noodrem(**velden)  # type: ignore[arg-type]


def test_pulling_creates_a_request_to_the_board_with_five_working_days(wereld: Wereld) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)):  # a Monday
        n = _trek(wereld)
    assert n.verzoek.soort.code == "noodrem"
    assert n.verzoek.ontvanger_rol == "bestuur" and n.verzoek.verzoeker == wereld.medewerker
    assert n.verzoek.uiterste_datum == dt.date(2026, 12, 7)
    assert n.verzoek.argumenten == ["Schade: Mensen raken onder het bestaansminimum."]
    assert list(selectors.noodremmen(user=wereld.bestuur)) == [n]
    assert list(selectors.noodremmen(user=wereld.medewerker)) == [n]
    assert not selectors.noodremmen(user=wereld.behandelaar_andere).exists()


def test_an_organisation_may_shorten_the_term(wereld: Wereld) -> None:
    Instelling.objects.create(organisatie=wereld.uitvoerder, noodrem_werkdagen=2)
    with time_machine.travel(dt.datetime(2026, 12, 3, 10, tzinfo=dt.UTC)):  # a Thursday
        n = _trek(wereld)
    assert n.verzoek.uiterste_datum == dt.date(2026, 12, 7)  # Friday + Monday


def test_refusals_change_nothing(wereld: Wereld) -> None:
    with pytest.raises(ValidationError) as fout:
        _trek(wereld, beginselen=[], schade="")
    assert {"beginselen", "schade"} <= set(fout.value.message_dict)
    with pytest.raises(PermissionDenied):
        _trek(wereld, door=wereld.bestuur)
    with pytest.raises(ValidationError):
        _trek(wereld, organisatie=wereld.andere)
    assert not Noodrem.objects.exists()


def test_noodrem_is_never_edited_or_deleted(wereld: Wereld) -> None:
    n = _trek(wereld)
    with pytest.raises(IntegrityError), transaction.atomic():
        Noodrem.objects.filter(pk=n.pk).update(titel="anders")
    with pytest.raises(IntegrityError), transaction.atomic():
        Noodrem.objects.filter(pk=n.pk).delete()
    services.add_aanvulling(noodrem=n, door=wereld.medewerker, tekst="Het gebeurt nog steeds.")
    assert n.aanvullingen.count() == 1
    with pytest.raises(PermissionDenied):
        services.add_aanvulling(noodrem=n, door=wereld.behandelaar_andere, tekst="x")


def test_board_explains_professional_calls_it_insufficient_and_it_escalates(
    wereld: Wereld,
) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)):
        n = _trek(wereld)
        responsplicht.answer_leg_uit(
            verzoek=n.verzoek,
            door=wereld.bestuur,
            redenen="De wet schrijft het voor.",
            beginselen=[wereld.beginsel],
            antwoorden=["We monitoren het bestaansminimum."],
        )
        responsplicht.contest_answer(
            verzoek=n.verzoek, door=wereld.medewerker, reden="Dit lost niets op."
        )
    n.verzoek.refresh_from_db()
    assert n.verzoek.status == VerzoekStatus.GEESCALEERD
    assert n in selectors.noodremmen(user=wereld.top)


def test_silence_escalates_to_the_ministry_and_then_becomes_public(wereld: Wereld) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)):
        n = _trek(wereld)
    with time_machine.travel(dt.datetime(2026, 12, 8, 10, tzinfo=dt.UTC)):
        process_deadlines()
    n.verzoek.refresh_from_db()
    assert n.verzoek.niveau == 1 and n in selectors.noodremmen(user=wereld.top)
    with time_machine.travel(dt.datetime(2027, 1, 15, 10, tzinfo=dt.UTC)):
        process_deadlines()
    n.verzoek.refresh_from_db()
    assert n.verzoek.status == VerzoekStatus.VERLOPEN


def test_colleagues_in_the_same_role_neither_see_nor_judge_the_noodrem(wereld: Wereld) -> None:
    """The professional asks in person: another medewerker of the organisation is not the
    requester, so sees no noodrem and cannot accept or contest the board's answer."""
    n = _trek(wereld)
    collega = wereld.klokkenluider  # also a medewerker of the same organisation
    assert not selectors.noodremmen(user=collega).exists()
    responsplicht.answer_pas_toe(
        verzoek=n.verzoek,
        door=wereld.bestuur,
        maatregel="We stoppen het automatisch beslag.",
        eigenaar="Directie",
        datum=dt.date.today() + dt.timedelta(days=30),
    )
    with pytest.raises(PermissionDenied):
        responsplicht.contest_answer(verzoek=n.verzoek, door=collega, reden="Niet genoeg.")

"""Reads: each person sees the questions and moments they are concerned with; the public reads
show only what is published; lists cost a fixed number of queries whatever their size."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.responsplicht import services as rp

from .. import selectors, services
from ..models import Contactmoment, Kamervraag
from .conftest import Wereld, tijdstip

pytestmark = pytest.mark.django_db


def test_questions_are_seen_by_the_asking_parliament_and_the_executor_only(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    for wie in ("kamerlid", "griffie", "behandelaar", "bestuur"):
        assert list(selectors.kamervragen(user=getattr(wereld, wie))) == [vraag], wie
    for wie in ("kamerlid_elders", "behandelaar_andere", "medewerker", "beleidsmaker"):
        assert list(selectors.kamervragen(user=getattr(wereld, wie))) == [], wie
    assert list(selectors.vragen_aan_mijn_organisatie(user=wereld.behandelaar)) == [vraag]
    assert list(selectors.vragen_aan_mijn_organisatie(user=wereld.kamerlid)) == []


def test_moments_are_seen_by_those_concerned(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment(deelnemers=[wereld.medewerker])
    for wie in ("kamerlid", "griffie", "bestuur", "beheerder", "medewerker"):
        assert list(selectors.contactmomenten(user=getattr(wereld, wie))) == [moment], wie
    for wie in ("kamerlid_elders", "bestuur_andere", "behandelaar"):
        assert list(selectors.contactmomenten(user=getattr(wereld, wie))) == [], wie


def test_public_reads_hold_only_what_is_published(
    wereld: Wereld,
    maak_vraag: Callable[..., Kamervraag],
    maak_moment: Callable[..., Contactmoment],
) -> None:
    open_ = maak_vraag()
    beantwoord = maak_vraag()
    assert beantwoord.verzoek is not None
    rp.answer_pas_toe(
        verzoek=beantwoord.verzoek,
        door=wereld.behandelaar,
        maatregel="Wij meten het vanaf januari.",
        eigenaar="Team Kwaliteit",
        datum=rp.vandaag(),
    )
    assert list(selectors.openbare_kamervragen()) == [beantwoord]
    record = selectors.kamervraag_als_record(selectors.openbare_kamervraag(pk=beantwoord.pk))
    assert (record["antwoordsoort"], record["antwoord"]) == (
        "pas_toe",
        "Wij meten het vanaf januari.",
    )
    assert open_ not in selectors.openbare_kamervragen()
    gehouden = maak_moment(begint_op=tijdstip(-1))
    services.hold_contactmoment(contactmoment=gehouden, door=wereld.griffie)
    services.save_verslag(contactmoment=gehouden, door=wereld.griffie, verslag="Verslag.")
    assert list(selectors.openbare_contactmomenten()) == []
    services.publish_verslag(contactmoment=gehouden, door=wereld.griffie)
    assert list(selectors.openbare_contactmomenten()) == [gehouden]


def _tel(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


def test_lists_cost_the_same_number_of_queries_whatever_their_size(
    client: Client,
    wereld: Wereld,
    maak_vraag: Callable[..., Kamervraag],
    maak_moment: Callable[..., Contactmoment],
) -> None:
    def vul() -> None:
        vraag = maak_vraag()
        assert vraag.verzoek is not None
        rp.answer_leg_uit(
            verzoek=vraag.verzoek,
            door=wereld.behandelaar,
            redenen="Ja.",
            beginselen=[wereld.beginsel],
        )
        moment = maak_moment(begint_op=tijdstip(-1), deelnemers=[wereld.kamerlid])
        services.hold_contactmoment(contactmoment=moment, door=wereld.griffie)
        services.save_verslag(contactmoment=moment, door=wereld.griffie, verslag="V.")
        services.publish_verslag(contactmoment=moment, door=wereld.griffie)

    urls = [
        "/openbaar/kamervragen/",
        "/openbaar/contactmomenten/",
        "/api/v1/openbaar/kamervragen",
        "/api/v1/openbaar/contactmomenten",
    ]
    vul()
    ingelogd(client, wereld.griffie)
    werk = ["/parlement/kamervragen/", "/parlement/contactmomenten/", "/api/v1/kamervragen"]
    eerst = {u: _tel(client, u) for u in urls + werk}
    for _ in range(4):
        vul()
    daarna = {u: _tel(client, u) for u in urls + werk}
    assert daarna == eerst

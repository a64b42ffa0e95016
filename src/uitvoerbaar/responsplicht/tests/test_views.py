"""The screens of the response duty engine: the inbox "Te beantwoorden", "Mijn vragen", the
request page with its ladder and timeline, and the notifications. The forms of the moves are in
test_views_formulieren.py."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.formats import date_format

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import LidmaatschapFactory, persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import services
from uitvoerbaar.responsplicht.constants import Status
from uitvoerbaar.responsplicht.models import Melding, Reactieverzoek

from .conftest import Wereld

pytestmark = pytest.mark.django_db

MAANDAG = dt.date(2027, 3, 1)
Maak = Callable[..., Reactieverzoek]
INBOX = "/verzoeken/"
MIJN_VRAGEN = "/verzoeken/mijn-vragen/"
MELDINGEN = "/verzoeken/meldingen/"


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def _url(verzoek: Reactieverzoek) -> str:
    return f"/verzoeken/{verzoek.pk}/"


def _html(response: Any) -> str:
    return str(response.content.decode())


def _kenmerken(response: Any) -> list[str]:
    return [v.kenmerk for v in response.context["pagina"].object_list]


def _datum(dag: dt.date) -> str:
    return date_format(dag, "j F Y")


def _leg_uit(verzoek: Reactieverzoek, door: Any, beginsel: Beginsel) -> None:
    services.answer_leg_uit(
        verzoek=verzoek,
        door=door,
        redenen="De wet laat hier geen ruimte.",
        beginselen=[beginsel],
        antwoorden=["Dat klopt, maar de wet is dwingend.", "Niet bij dit artikel."],
    )


# --- who may open the screens ----------------------------------------------------------------


@pytest.mark.parametrize("pad", [INBOX, MIJN_VRAGEN, MELDINGEN, "/verzoeken/1/"])
def test_anonymous_is_sent_to_the_login_page(client: Client, pad: str) -> None:
    response = client.get(pad)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_anonymous_post_is_sent_to_the_login_page_and_changes_nothing(
    client: Client, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    response = client.post(
        f"{_url(verzoek)}pas-toe/",
        {"pastoe-maatregel": "x", "pastoe-eigenaar": "y", "pastoe-datum": "2027-04-01"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")
    assert not verzoek.reacties.exists()


def test_a_person_without_any_role_gets_no_inbox(client: Client, db: None) -> None:
    from uitvoerbaar.core.tests.factories import GebruikerFactory

    ingelogd(client, GebruikerFactory.create(username="zonder_rol"))
    assert client.get(INBOX).status_code == 403


# --- the inbox -------------------------------------------------------------------------------


def test_inbox_shows_what_the_board_must_answer(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)

    response = client.get(INBOX)

    assert response.status_code == 200
    assert _kenmerken(response) == [verzoek.kenmerk]
    html = _html(response)
    for tekst in (
        verzoek.kenmerk,
        "Casus 1",
        wereld.soort.naam,
        _datum(verzoek.uiterste_datum),
        "Ontvanger",
        "Open",
        f'href="/verzoeken/{verzoek.pk}/"',
    ):
        assert tekst in html, tekst
    assert "Te laat" not in html


def test_inbox_is_empty_for_others_and_the_requester(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    maak_verzoek()
    for persoon in (wereld.bestuur_andere, wereld.medewerker, wereld.behandelaar, wereld.top):
        ingelogd(client, persoon)
        response = client.get(INBOX)
        assert response.status_code == 200
        assert _kenmerken(response) == [], persoon.username
        assert "Er wacht nu geen verzoek op uw antwoord." in _html(response)


def test_inbox_puts_overdue_first_then_by_deadline_and_suspended_last(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    later = maak_verzoek(termijn_dagen=5)
    eerder = maak_verzoek(termijn_dagen=2)
    te_laat = maak_verzoek(start=MAANDAG - dt.timedelta(days=30))
    verlopen = maak_verzoek(start=MAANDAG - dt.timedelta(days=20))
    opgeschort = maak_verzoek()
    # The sweep has not run yet for `te_laat`; `verlopen` expired on a kind without a ladder;
    # `opgeschort` keeps an old date while its clock stands still: it is not late, and it
    # comes last (nothing to do while suspended), not at its old date among the late ones.
    Reactieverzoek.objects.filter(pk=verlopen.pk).update(status=Status.VERLOPEN)
    Reactieverzoek.objects.filter(pk=opgeschort.pk).update(
        status=Status.OPGESCHORT, uiterste_datum=MAANDAG - dt.timedelta(days=60)
    )
    ingelogd(client, wereld.bestuur)

    response = client.get(INBOX)

    assert _kenmerken(response) == [
        te_laat.kenmerk,
        verlopen.kenmerk,
        eerder.kenmerk,
        later.kenmerk,
        opgeschort.kenmerk,
    ]
    assert _html(response).count("Te laat") == 2


def test_after_escalation_the_next_level_and_the_earlier_one_both_see_it(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    assert services.process_due_request(
        verzoek_id=verzoek.pk, vandaag_=verzoek.uiterste_datum + dt.timedelta(days=1)
    )
    verzoek.refresh_from_db()
    assert verzoek.status == Status.GEESCALEERD

    for persoon in (wereld.top, wereld.bestuur):
        ingelogd(client, persoon)
        response = client.get(INBOX)
        assert _kenmerken(response) == [verzoek.kenmerk], persoon.username
        assert "Ambtelijke top: Ministerie van Test" in _html(response)
    ingelogd(client, wereld.bestuur_andere)
    assert _kenmerken(client.get(INBOX)) == []


def test_a_named_person_sees_the_request_without_holding_the_role(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    # The behandelaar is named personally on a request to the board.
    verzoek = maak_verzoek(ontvanger_persoon=wereld.behandelaar)
    ingelogd(client, wereld.behandelaar)
    assert _kenmerken(client.get(INBOX)) == [verzoek.kenmerk]


def test_an_ended_membership_no_longer_sees_the_request(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    maak_verzoek()
    wereld.bestuur.lidmaatschappen.update(actief=False)
    # Still a role elsewhere, so the inbox opens, empty.
    LidmaatschapFactory.create(gebruiker=wereld.bestuur, organisatie=wereld.andere)
    ingelogd(client, wereld.bestuur)
    assert _kenmerken(client.get(INBOX)) == []


def _inbox_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(INBOX)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_inbox_costs_the_same_queries_for_10_and_50_requests(
    client: Client,
    wereld: Wereld,
    maak_verzoek: Maak,
    django_assert_num_queries: Any,
) -> None:
    for _ in range(10):
        maak_verzoek()
    ingelogd(client, wereld.bestuur)
    client.get(INBOX)  # warm the session
    tien = _inbox_queries(client)
    for _ in range(40):
        maak_verzoek()

    with django_assert_num_queries(tien):
        response = client.get(INBOX)
    assert len(response.context["pagina"].object_list) == 25
    with django_assert_num_queries(tien):
        response = client.get(INBOX, {"pagina": 2})
    assert len(response.context["pagina"].object_list) == 25
    assert response.context["pagina"].paginator.count == 50
    assert "Pagina 2 van 2" in _html(response)


def test_mijn_vragen_costs_the_same_queries_for_10_and_50_requests(
    client: Client, wereld: Wereld, maak_verzoek: Maak, django_assert_num_queries: Any
) -> None:
    for _ in range(10):
        maak_verzoek()
    ingelogd(client, wereld.medewerker)
    client.get(MIJN_VRAGEN)
    with CaptureQueriesContext(connection) as ctx:
        client.get(MIJN_VRAGEN)
    for _ in range(40):
        maak_verzoek()
    with django_assert_num_queries(len(ctx.captured_queries)):
        response = client.get(MIJN_VRAGEN)
    assert len(response.context["pagina"].object_list) == 25


def test_navigation_shows_the_count_of_open_requests(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    maak_verzoek()
    maak_verzoek()
    ingelogd(client, wereld.bestuur)
    assert "Te beantwoorden (2)" in _html(client.get("/start/"))
    ingelogd(client, wereld.medewerker)
    html = _html(client.get("/start/"))
    assert ">Te beantwoorden</a>" in html  # the item, without a count


def test_navigation_item_is_not_shown_without_login(client: Client, db: None) -> None:
    assert "Te beantwoorden" not in _html(client.get("/kennisbank/beginselen/"))


# --- Mijn vragen -----------------------------------------------------------------------------


def test_mijn_vragen_puts_answers_waiting_for_judgement_first(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    eerste = maak_verzoek()
    tweede = maak_verzoek()
    _leg_uit(eerste, wereld.bestuur, beginsel)
    ingelogd(client, wereld.medewerker)

    response = client.get(MIJN_VRAGEN)

    assert _kenmerken(response) == [eerste.kenmerk, tweede.kenmerk]
    assert _html(response).count("Wacht op uw oordeel") == 1
    ingelogd(client, wereld.bestuur)
    assert _kenmerken(client.get(MIJN_VRAGEN)) == []


def test_mijn_vragen_includes_what_my_organisation_and_role_asked(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    collega = persoon_met_rol(Rol.MEDEWERKER, wereld.uitvoerder, username="collega")
    verzoek = maak_verzoek(verzoeker_rol=Rol.MEDEWERKER)
    ingelogd(client, collega)
    assert _kenmerken(client.get(MIJN_VRAGEN)) == [verzoek.kenmerk]
    anders = persoon_met_rol(Rol.MEDEWERKER, wereld.andere, username="elders")
    ingelogd(client, anders)
    assert _kenmerken(client.get(MIJN_VRAGEN)) == []


# --- the request page ------------------------------------------------------------------------


def test_request_page_shows_question_arguments_ladder_and_timeline(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek(
        onderwerp=services.Onderwerp(type="test.casus", id="7", titel="Casus 7", url="/casus/7/")
    )
    ingelogd(client, wereld.bestuur)

    response = client.get(_url(verzoek))

    assert response.status_code == 200
    html = _html(response)
    for tekst in (
        "Stop de automatische terugvordering bij kleine fouten.",
        "Het raakt vooral mensen met schulden.",
        "De wet laat ruimte.",
        'href="/casus/7/"',
        "Testuitvoering (Bestuur)",
        "Ambtelijke top",
        "nog niet bereikt",
        _datum(verzoek.uiterste_datum),
        f"Verzoek gesteld door {wereld.medewerker}; antwoord uiterlijk "
        f"{_datum(verzoek.uiterste_datum)}",
    ):
        assert tekst in html, tekst
    assert [s.event for s in response.context["tijdlijn"]] == ["reactieverzoek.aangemaakt"]


def test_the_requester_sees_the_page_too(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ingelogd(client, wereld.medewerker)
    response = client.get(_url(verzoek))
    assert response.status_code == 200
    assert "form-pastoe" not in _html(response)
    assert "form-leguit" not in _html(response)


@pytest.mark.parametrize("wie", ["bestuur_andere", "behandelaar", "top"])
def test_others_may_not_see_the_request(
    client: Client, wereld: Wereld, maak_verzoek: Maak, wie: str
) -> None:
    """Another organisation, another role of the same organisation, and a level not yet
    reached."""
    verzoek = maak_verzoek()
    ingelogd(client, getattr(wereld, wie))
    response = client.get(_url(verzoek))
    assert response.status_code == 403
    assert "Stop de automatische terugvordering" not in _html(response)


def test_unknown_request_is_404(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.bestuur)
    assert client.get("/verzoeken/999999/").status_code == 404


def test_timeline_tells_expiry_escalation_and_answers_in_plain_dutch(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    dag = verzoek.uiterste_datum + dt.timedelta(days=1)
    services.process_due_request(verzoek_id=verzoek.pk, vandaag_=dag)
    verzoek.refresh_from_db()
    _leg_uit(verzoek, wereld.top, beginsel)
    services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden="Te kort door de bocht.")
    ingelogd(client, wereld.medewerker)

    response = client.get(_url(verzoek))

    stappen = [s.tekst for s in response.context["tijdlijn"]]
    verzoek.refresh_from_db()
    assert stappen[1:] == [
        "Termijn verstreken zonder antwoord",
        "Geëscaleerd naar Ambtelijke top (Ministerie van Test), uiterlijk "
        + _datum(verzoek.verantwoordelijken.get(niveau=1).uiterste_datum)
        + ", omdat de termijn verstreek",
        f"Beantwoord met leg uit door {wereld.top}, na de uiterste datum"
        if verzoek.reacties.get().te_laat
        else f"Beantwoord met leg uit door {wereld.top}",
        f"Antwoord onvoldoende genoemd door {wereld.medewerker}",
    ]
    html = _html(response)
    # The answer in full, its principle linked to the kennisbank.
    assert "De wet laat hier geen ruimte." in html
    assert f'href="/kennisbank/beginselen/{beginsel.code}/"' in html
    assert "Niet bij dit artikel." in html
    assert "Te kort door de bocht." in html


def test_timeline_after_contest_says_why_it_escalated(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden="Niet overtuigend.")
    ingelogd(client, wereld.top)

    response = client.get(_url(verzoek))

    assert response.status_code == 200
    tijdlijn = response.context["tijdlijn"]
    assert tijdlijn[-1].tekst.startswith("Geëscaleerd naar Ambtelijke top (Ministerie van Test), ")
    assert tijdlijn[-1].tekst.endswith(", omdat de vrager het antwoord onvoldoende vond")
    assert "Ambtelijke top: Ministerie van Test (Ambtelijke top)" in _html(response)


# --- notifications ---------------------------------------------------------------------------


def test_notifications_newest_first_and_mark_as_read(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    eerste = maak_verzoek()
    with time_machine.travel(dt.datetime(2027, 3, 1, 11, 0, tzinfo=dt.UTC), tick=False):
        tweede = maak_verzoek()
    ingelogd(client, wereld.bestuur)

    response = client.get(MELDINGEN)

    meldingen = list(response.context["pagina"].object_list)
    assert [m.verzoek_id for m in meldingen] == [tweede.pk, eerste.pk]
    assert "2 ongelezen meldingen" in _html(response)
    melding = meldingen[0]

    response = client.post(f"{MELDINGEN}{melding.pk}/gelezen/")

    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.gelezen_op is not None
    assert Melding.objects.filter(ontvanger=wereld.bestuur, gelezen_op__isnull=True).count() == 1


def test_mark_as_read_with_htmx_returns_the_row(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    maak_verzoek()
    melding = Melding.objects.get(ontvanger=wereld.bestuur)
    ingelogd(client, wereld.bestuur)
    response = client.post(f"{MELDINGEN}{melding.pk}/gelezen/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = _html(response)
    assert html.lstrip().startswith('<li class="kaart melding"')
    assert "Gelezen" not in html


def test_all_read(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    maak_verzoek()
    maak_verzoek()
    ingelogd(client, wereld.bestuur)
    assert client.post(f"{MELDINGEN}gelezen/").status_code == 302
    assert not Melding.objects.filter(ontvanger=wereld.bestuur, gelezen_op__isnull=True).exists()


def test_someone_elses_notification_is_refused(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    maak_verzoek()
    melding = Melding.objects.get(ontvanger=wereld.bestuur)
    ingelogd(client, wereld.bestuur_andere)
    assert client.post(f"{MELDINGEN}{melding.pk}/gelezen/").status_code == 403
    assert client.post(f"{MELDINGEN}999999/gelezen/").status_code == 404
    melding.refresh_from_db()
    assert melding.gelezen_op is None
    response = client.get(MELDINGEN)
    assert list(response.context["pagina"].object_list) == []


def test_mark_as_read_needs_post(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    maak_verzoek()
    melding = Melding.objects.get(ontvanger=wereld.bestuur)
    ingelogd(client, wereld.bestuur)
    assert client.get(f"{MELDINGEN}{melding.pk}/gelezen/").status_code == 405


def test_page_of_a_request_in_the_notification_links_to_it(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)
    html = _html(client.get(MELDINGEN))
    assert re.search(rf'href="/verzoeken/{verzoek.pk}/">{verzoek.kenmerk} Casus 1', html)


def test_start_page_links_to_the_inbox_or_to_my_questions(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.bestuur)
    html = _html(client.get("/start/"))
    assert 'href="/verzoeken/">Te beantwoorden: verzoeken die op uw antwoord wachten' in html
    ingelogd(client, wereld.medewerker)
    html = _html(client.get("/start/"))
    assert 'href="/verzoeken/mijn-vragen/">Mijn vragen: uw verzoeken en de antwoorden' in html
    assert "Te beantwoorden: verzoeken" not in html


def test_request_page_costs_the_same_queries_for_more_answers_and_principles(
    client: Client,
    wereld: Wereld,
    maak_verzoek: Maak,
    beginsel: Beginsel,
    django_assert_num_queries: Any,
) -> None:
    from uitvoerbaar.kennisbank.tests.factories import BeginselFactory

    een = maak_verzoek()
    _leg_uit(een, wereld.bestuur, beginsel)
    meer = maak_verzoek()
    _leg_uit(meer, wereld.bestuur, beginsel)
    services.contest_answer(verzoek=meer, door=wereld.medewerker, reden="Niet genoeg.")
    services.answer_leg_uit(
        verzoek=meer,
        door=wereld.top,
        redenen="Ook de top volgt het niet.",
        beginselen=[beginsel, *BeginselFactory.create_batch(3)],
        antwoorden=["Ja.", "Nee."],
    )
    ingelogd(client, wereld.medewerker)
    client.get(_url(een))
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(_url(een)).status_code == 200
    with django_assert_num_queries(len(ctx.captured_queries)):
        response = client.get(_url(meer))
    assert len(response.context["reacties"]) == 2

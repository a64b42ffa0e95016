"""The public register: what is listed per kind's publication policy and Woo withholding, the
counts per organisation, anonymity, subject links, the public timeline, pagination and the
query budget. Every request is made and moved through the services."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.tests.factories import OrganisatieFactory, persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import selectors_openbaar, services
from uitvoerbaar.responsplicht.constants import Publicatie, Status, WooGrond
from uitvoerbaar.responsplicht.models import Reactieverzoek, Soort

from .conftest import Wereld

pytestmark = pytest.mark.django_db

MAANDAG = dt.date(2027, 3, 1)
Maak = Callable[..., Reactieverzoek]

# Distinctive names, so the anonymity checks cannot pass by accident.
NAMEN = {
    "medewerker": ("zwaantje.piekeraar", "Zwaantje", "Piekeraar"),
    "bestuur": ("gerlof.vandermolen", "Gerlof", "Vandermolen"),
    "top": ("hermina.sleutelaar", "Hermina", "Sleutelaar"),
}


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def namen(wereld: Wereld) -> list[str]:
    """Give the people of the world recognisable names; return every string that identifies
    a person (username, first and last name, display name)."""
    uit: list[str] = []
    for veld, (username, voornaam, achternaam) in NAMEN.items():
        persoon: Gebruiker = getattr(wereld, veld)
        persoon.username = username
        persoon.first_name = voornaam
        persoon.last_name = achternaam
        persoon.weergavenaam = f"{voornaam} {achternaam}"
        persoon.email = f"{username}@example.org"
        persoon.save()
        uit += [username, voornaam, achternaam, persoon.email]
    return uit


def _leg_uit(verzoek: Reactieverzoek, door: Gebruiker, beginsel: Beginsel) -> None:
    services.answer_leg_uit(
        verzoek=verzoek,
        door=door,
        redenen="De wet laat geen ruimte voor een andere aanpak.",
        beginselen=[beginsel],
        antwoorden=["Wij zien dat en zoeken een regeling.", "Die ruimte is er niet."],
    )


def _pas_toe(verzoek: Reactieverzoek, door: Gebruiker) -> None:
    services.answer_pas_toe(
        verzoek=verzoek,
        door=door,
        maatregel="We stoppen de automatische terugvordering onder 50 euro.",
        eigenaar="Gerlof Vandermolen",
        datum=dt.date(2027, 4, 1),
    )


def _stil_na_laatste_trede(verzoek: Reactieverzoek) -> None:
    """Let the sweep's steps run past the recipient's and the last level's deadline."""
    assert (
        services.process_due_request(verzoek_id=verzoek.pk, vandaag_=dt.date(2027, 3, 20))
        == "geescaleerd"
    )
    assert (
        services.process_due_request(verzoek_id=verzoek.pk, vandaag_=dt.date(2027, 5, 1))
        == "verlopen"
    )


def _onderwerp(n: int, titel: str = "", url: str = "") -> services.Onderwerp:
    return services.Onderwerp(type="test.casus", id=str(n), titel=titel or f"Casus {n}", url=url)


def _html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def _soort(code: str, publicatie: str, *, stilte_openbaar: bool = True) -> Soort:
    from .factories import SoortFactory

    return SoortFactory.create(code=code, publicatie=publicatie, stilte_openbaar=stilte_openbaar)


# --- what is listed --------------------------------------------------------------------------


def test_an_answer_is_listed_with_its_text_without_any_persons_name(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, namen: list[str]
) -> None:
    verzoek = maak_verzoek(onderwerp=_onderwerp(1, "Terugvordering bij kleine fouten"))
    _leg_uit(verzoek, wereld.bestuur, beginsel)

    body = _html(client.get(f"/openbaar/register/organisaties/{wereld.uitvoerder.slug}/"))
    assert "Terugvordering bij kleine fouten" in body
    assert verzoek.kenmerk in body
    assert "De wet laat geen ruimte voor een andere aanpak." in body
    assert "Evenredigheid" in body and "/kennisbank/beginselen/abbb-evenredigheid/" in body
    assert "Testuitvoering — Bestuur" in body
    for naam in namen:
        assert naam not in body, naam
    # The kind publishes the answer only: the question is summarised by the subject's title.
    assert "Stop de automatische terugvordering" not in body
    assert "Het raakt vooral mensen met schulden." not in body


def test_a_kind_that_publishes_everything_shows_question_arguments_and_replies(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, namen: list[str]
) -> None:
    verzoek = maak_verzoek(soort=_soort("volledig", Publicatie.VOLLEDIG))
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    services.contest_answer(
        verzoek=verzoek, door=wereld.medewerker, reden="De uitleg gaat niet in op de schulden."
    )

    body = _html(client.get(f"/openbaar/register/{verzoek.kenmerk}/"))
    assert "Stop de automatische terugvordering bij kleine fouten." in body
    assert "Het raakt vooral mensen met schulden." in body
    assert "Wij zien dat en zoeken een regeling." in body
    assert "De uitleg gaat niet in op de schulden." in body
    # The requester by organisation only (no role given: a person asked).
    assert "Gevraagd door" in body and "Testuitvoering" in body
    # Contested with a level left: escalated to the ministry's top.
    assert "Geëscaleerd naar: Ambtelijke top" in body
    for naam in namen:
        assert naam not in body, naam


def test_citizen_data_in_published_text_is_masked(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    """Published text never carries citizen data (DESIGN §3), whatever was written."""
    verzoek = maak_verzoek(
        soort=_soort("volledig-bsn", Publicatie.VOLLEDIG),
        vraag="Stop de terugvordering bij de klant met BSN 111222333.",
        argumenten=["Bel haar op 06-12345678.", "Haar rekening is NL91ABNA0417164300."],
    )
    services.answer_leg_uit(
        verzoek=verzoek,
        door=wereld.bestuur,
        redenen="Wij mailden al naar klant@example.org.",
        beginselen=[beginsel],
        antwoorden=["Zie BSN 111222333.", "Geen ruimte."],
    )
    body = _html(client.get(f"/openbaar/register/{verzoek.kenmerk}/"))
    for gegeven in ("111222333", "06-12345678", "NL91ABNA0417164300", "klant@example.org"):
        assert gegeven not in body, gegeven
    assert "[burgerservicenummer (BSN) verwijderd]" in body
    assert "[e-mailadres verwijderd]" in body


def test_a_kind_that_publishes_nothing_is_counted_but_never_listed(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek(soort=_soort("wbk", Publicatie.NIETS, stilte_openbaar=False))
    _pas_toe(verzoek, wereld.bestuur)

    body = _html(client.get(f"/openbaar/register/organisaties/{wereld.uitvoerder.slug}/"))
    assert verzoek.kenmerk not in body
    assert "We stoppen de automatische terugvordering" not in body
    assert re.search(r'data-testid="pas-toe">1<', body)
    assert re.search(r'data-testid="op-tijd">1<', body)
    assert client.get(f"/openbaar/register/{verzoek.kenmerk}/").status_code == 404


def test_pas_toe_shows_measure_date_and_check_but_not_the_owner(
    client: Client, wereld: Wereld, maak_verzoek: Maak, namen: list[str]
) -> None:
    verzoek = maak_verzoek()
    _pas_toe(verzoek, wereld.bestuur)

    body = _html(client.get(f"/openbaar/register/{verzoek.kenmerk}/"))
    assert "We stoppen de automatische terugvordering onder 50 euro." in body
    assert "1 april 2027" in body
    assert "Wordt gecontroleerd op de datum van uitvoering." in body
    # The owner of a measure is free text that may be a person's name: never published.
    assert "Vandermolen" not in body


def test_silence_past_the_last_level_is_listed(
    client: Client, wereld: Wereld, maak_verzoek: Maak, namen: list[str]
) -> None:
    verzoek = maak_verzoek(onderwerp=_onderwerp(7, "Stille casus"))
    _stil_na_laatste_trede(verzoek)

    for pad in (
        f"/openbaar/register/organisaties/{wereld.uitvoerder.slug}/?toon=stilte",
        f"/openbaar/register/organisaties/{wereld.ministerie.slug}/?toon=stilte",
    ):
        body = _html(client.get(pad))
        assert "Stille casus" in body, pad
        assert "Onbeantwoord. Ook de termijn van de laatste trede is verstreken." in body
    body = _html(
        client.get(f"/openbaar/register/organisaties/{wereld.uitvoerder.slug}/?toon=antwoorden")
    )
    assert "Stille casus" not in body
    # The ministry's top is responsible now and overdue.
    body = _html(client.get(f"/openbaar/register/organisaties/{wereld.ministerie.slug}/"))
    assert re.search(r'data-testid="te-laat-nu">1<', body)
    for naam in namen:
        assert naam not in body


def test_silence_of_a_kind_that_keeps_silence_private_is_not_listed(
    client: Client, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek(soort=_soort("stil-prive", Publicatie.ANTWOORD, stilte_openbaar=False))
    _stil_na_laatste_trede(verzoek)
    assert client.get(f"/openbaar/register/{verzoek.kenmerk}/").status_code == 404


def test_a_running_request_is_not_listed_but_counts_as_overdue_before_the_sweep(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    assert client.get(f"/openbaar/register/{verzoek.kenmerk}/").status_code == 404
    with time_machine.travel(dt.datetime(2027, 3, 10, 10, 0, tzinfo=dt.UTC), tick=False):
        body = _html(client.get(f"/openbaar/register/organisaties/{wereld.uitvoerder.slug}/"))
    assert verzoek.kenmerk not in body
    assert re.search(r'data-testid="te-laat-nu">1<', body)


def test_woo_withholding_hides_the_request_and_counts_it_with_its_ground(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek(onderwerp=_onderwerp(3, "Geheime casus"))
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    services.withhold_publication(
        verzoek=verzoek,
        door=wereld.bestuur,
        grond=WooGrond.PERSOONLIJKE_LEVENSSFEER,
        toelichting="De casus is tot één persoon te herleiden.",
    )

    assert client.get(f"/openbaar/register/{verzoek.kenmerk}/").status_code == 404
    body = _html(client.get(f"/openbaar/register/organisaties/{wereld.uitvoerder.slug}/"))
    assert "Geheime casus" not in body
    assert "De wet laat geen ruimte" not in body
    assert "1 keer: art. 5.1 lid 2 onder e Woo: eerbiediging van de persoonlijke levenssfeer" in (
        body
    )
    assert "tot één persoon te herleiden" not in body
    overzicht = _html(client.get("/openbaar/register/"))
    assert "art. 5.1 lid 2 onder e Woo" in overzicht
    # Withholding hides the content, not the answer's count.
    assert re.search(r'data-testid="leg-uit">1<', overzicht)


# --- counts ----------------------------------------------------------------------------------


def test_counts_per_organisation(wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel) -> None:
    _pas_toe(maak_verzoek(onderwerp=_onderwerp(1)), wereld.bestuur)
    _leg_uit(maak_verzoek(onderwerp=_onderwerp(2)), wereld.bestuur, beginsel)
    laat = maak_verzoek(onderwerp=_onderwerp(3))
    with time_machine.travel(dt.datetime(2027, 3, 12, 10, 0, tzinfo=dt.UTC), tick=False):
        # The sweep has not run: the request is still open but past its deadline.
        _leg_uit(laat, wereld.bestuur, beginsel)
    stil = maak_verzoek(onderwerp=_onderwerp(4))
    _stil_na_laatste_trede(stil)

    stats = selectors_openbaar.statistieken(
        [wereld.uitvoerder.pk, wereld.ministerie.pk, wereld.andere.pk], op=dt.date(2027, 5, 2)
    )
    assert stats[wereld.uitvoerder.pk] == selectors_openbaar.Statistiek(
        op_tijd=2, te_laat=1, pas_toe=1, leg_uit=2, te_laat_nu=0
    )
    assert stats[wereld.ministerie.pk].te_laat_nu == 1
    assert stats[wereld.ministerie.pk].beantwoord == 0
    assert stats[wereld.andere.pk] == selectors_openbaar.Statistiek()


def test_overview_lists_organisations_that_had_to_answer(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    _leg_uit(maak_verzoek(), wereld.bestuur, beginsel)
    body = _html(client.get("/openbaar/register/"))
    assert f'href="/openbaar/register/organisaties/{wereld.uitvoerder.slug}/"' in body
    # Never asked anything: not in the register.
    assert wereld.andere.naam not in body
    assert client.get(f"/openbaar/register/organisaties/{wereld.andere.slug}/").status_code == 404
    assert client.get("/openbaar/register/organisaties/bestaat-niet/").status_code == 404


def test_empty_register_says_so(client: Client, db: None) -> None:
    response = client.get("/openbaar/register/")
    assert response.status_code == 200
    assert 'data-testid="register-leeg"' in _html(response)


# --- the request page ------------------------------------------------------------------------


def test_request_page_by_kenmerk_or_number_with_the_public_timeline(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, namen: list[str]
) -> None:
    verzoek = maak_verzoek()
    with time_machine.travel(dt.datetime(2027, 3, 20, 10, 0, tzinfo=dt.UTC), tick=False):
        services.process_due_request(verzoek_id=verzoek.pk, vandaag_=dt.date(2027, 3, 20))
        _leg_uit(verzoek, wereld.top, beginsel)
        services.accept_answer(verzoek=verzoek, door=wereld.medewerker)

    for kenmerk in (verzoek.kenmerk, verzoek.kenmerk.lower(), str(verzoek.pk)):
        response = client.get(f"/openbaar/register/{kenmerk}/")
        assert response.status_code == 200, kenmerk
    body = _html(response)
    stappen = re.findall(r'<li data-testid="stap">(.*?)</li>', body, re.S)
    teksten = [re.sub(r"<[^>]+>", "", s) for s in stappen]
    assert len(teksten) == 5, teksten
    assert "Verzoek gesteld; antwoord uiterlijk 8 maart 2027" in teksten[0]
    assert "Termijn verstreken zonder antwoord" in teksten[1]
    assert "Geëscaleerd naar Ambtelijke top (Ministerie van Test)" in teksten[2]
    assert "omdat de termijn verstreek" in teksten[2]
    assert "20 maart 2027: Beantwoord met leg uit" in teksten[3]
    assert "1 maart 2027: Verzoek gesteld; antwoord uiterlijk 8 maart 2027" in teksten[0]
    assert "20 maart 2027: Antwoord aanvaard" in teksten[4]
    assert "Beantwoord. De vrager heeft het antwoord aanvaard." in body
    assert "Ministerie van Test — Ambtelijke top" in body
    for naam in namen:
        assert naam not in body, naam


@pytest.mark.parametrize("kenmerk", ["RV-999999", "xyz", "RV-", "0", "RV-12a"])
def test_unknown_request_is_404(client: Client, db: None, kenmerk: str) -> None:
    response = client.get(f"/openbaar/register/{kenmerk}/")
    assert response.status_code == 404
    assert "Dit verzoek staat niet in het register" in _html(response)


def test_the_register_only_reads(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    for pad in (
        "/openbaar/register/",
        f"/openbaar/register/organisaties/{wereld.uitvoerder.slug}/",
    ):
        assert client.post(pad).status_code == 405


def test_logged_in_people_see_the_same_register(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    anoniem = _html(client.get(f"/openbaar/register/{verzoek.kenmerk}/"))
    ingelogd(client, wereld.bestuur)
    body = _html(client.get(f"/openbaar/register/{verzoek.kenmerk}/"))
    assert "De vraag zelf staat hier niet" in body and "De vraag zelf staat hier niet" in anoniem
    assert "Stop de automatische terugvordering" not in body


def test_register_is_in_the_navigation_for_everyone(client: Client, db: None) -> None:
    assert 'href="/openbaar/register/"' in _html(client.get("/"))


# --- subject links ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "getoond"),
    [
        ("", False),
        ("   ", False),
        ("/kennisbank/beginselen/", True),
        ("/openbaar/register/", True),
        ("/organisaties/ltd/", False),  # behind the login
        ("/start/", False),
        ("/bestaat/niet/", False),
        ("verzoeken/1/", False),  # relative: not a plain address
        ("http://127.0.0.1:8000/organisaties/ltd/", False),  # this platform, not public
        ("http://localhost/kennisbank/regelingen/", True),
        ("https://wetten.overheid.nl/BWBR0005537/", True),  # another site
        ("javascript:alert(1)", False),
        ("mailto:iemand@example.org", False),
    ],
)
def test_subject_links_inside_the_platform_only_when_public(url: str, getoond: bool) -> None:
    assert selectors_openbaar.publieke_link(url) == (url if getoond else "")


def test_a_non_public_subject_link_is_left_out_of_the_page(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    prive = maak_verzoek(onderwerp=_onderwerp(1, url="/organisaties/tu/"))
    openbaar = maak_verzoek(onderwerp=_onderwerp(2, url="/kennisbank/beginselen/"))
    for verzoek in (prive, openbaar):
        _leg_uit(verzoek, wereld.bestuur, beginsel)
    assert 'href="/organisaties/tu/"' not in _html(
        client.get(f"/openbaar/register/{prive.kenmerk}/")
    )
    assert 'href="/kennisbank/beginselen/"' in _html(
        client.get(f"/openbaar/register/{openbaar.kenmerk}/")
    )


# --- pages, filters, queries -----------------------------------------------------------------


@dataclass
class Gemeten:
    queries: int
    body: str


def _meet(client: Client, pad: str) -> Gemeten:
    client.get(pad)  # warm caches (content types, sessions) so both runs compare like for like
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(pad)
    assert response.status_code == 200
    return Gemeten(len(ctx.captured_queries), _html(response))


def _veel(wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, n: int, start: int) -> None:
    for i in range(start, start + n):
        verzoek = maak_verzoek(onderwerp=_onderwerp(i))
        if i % 2:
            _leg_uit(verzoek, wereld.bestuur, beginsel)
        else:
            _pas_toe(verzoek, wereld.bestuur)


def test_organisation_page_costs_the_same_queries_for_one_or_many_requests(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    pad = f"/openbaar/register/organisaties/{wereld.uitvoerder.slug}/"
    _veel(wereld, maak_verzoek, beginsel, 2, 1)
    weinig = _meet(client, pad)
    _veel(wereld, maak_verzoek, beginsel, 10, 3)
    _stil_na_laatste_trede(maak_verzoek(onderwerp=_onderwerp(99)))
    veel = _meet(client, pad)
    assert veel.body.count('data-testid="register-verzoek"') == 13
    assert veel.queries == weinig.queries
    assert veel.queries <= 12


def test_request_page_costs_a_fixed_number_of_queries(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    een = maak_verzoek(onderwerp=_onderwerp(1))
    _pas_toe(een, wereld.bestuur)
    twee = maak_verzoek(onderwerp=_onderwerp(2), soort=_soort("vol", Publicatie.VOLLEDIG))
    _leg_uit(twee, wereld.bestuur, beginsel)
    services.contest_answer(verzoek=twee, door=wereld.medewerker, reden="Onvoldoende.")
    _leg_uit(twee, wereld.top, beginsel)
    assert (
        _meet(client, f"/openbaar/register/{een.kenmerk}/").queries
        == _meet(client, f"/openbaar/register/{twee.kenmerk}/").queries
    )


def test_overview_costs_the_same_queries_for_one_or_many_organisations(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    _leg_uit(maak_verzoek(), wereld.bestuur, beginsel)
    weinig = _meet(client, "/openbaar/register/")
    for i in range(6):
        org = OrganisatieFactory.create(eigenaar_ministerie=wereld.ministerie)
        verzoek = maak_verzoek(ontvanger_organisatie=org, onderwerp=_onderwerp(i))
        bestuur = persoon_met_rol(Rol.BESTUUR, org)
        if i % 2:
            services.withhold_publication(
                verzoek=verzoek,
                door=bestuur,
                grond=WooGrond.GOED_FUNCTIONEREN if i % 3 else WooGrond.INSPECTIE,
                toelichting="Intern beraad loopt nog.",
            )
        else:
            _pas_toe(verzoek, bestuur)
    veel = _meet(client, "/openbaar/register/")
    assert veel.body.count('data-testid="register-organisatie"') == 7
    assert veel.queries == weinig.queries


def test_organisation_page_is_paginated_and_keeps_the_filter(
    client: Client,
    wereld: Wereld,
    maak_verzoek: Maak,
    beginsel: Beginsel,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selectors_openbaar, "PER_PAGINA", 3)
    _veel(wereld, maak_verzoek, beginsel, 4, 1)
    pad = f"/openbaar/register/organisaties/{wereld.uitvoerder.slug}/"
    eerste = _html(client.get(pad + "?toon=antwoorden"))
    assert eerste.count('data-testid="register-verzoek"') == 3
    assert 'href="?toon=antwoorden&amp;pagina=2"' in eerste
    tweede = _html(client.get(pad + "?toon=antwoorden&pagina=2"))
    assert tweede.count('data-testid="register-verzoek"') == 1
    # A page number past the end shows the last page; an unknown filter shows everything.
    assert _html(client.get(pad + "?pagina=99")).count('data-testid="register-verzoek"') == 1
    assert _html(client.get(pad + "?toon=iets")).count('data-testid="register-verzoek"') == 3


def test_states_are_not_lost_between_register_and_engine(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    """Every listed request is answered or silent; nothing running is listed."""
    lopend = maak_verzoek(onderwerp=_onderwerp(1))
    beantwoord = maak_verzoek(onderwerp=_onderwerp(2))
    _leg_uit(beantwoord, wereld.bestuur, beginsel)
    stil = maak_verzoek(onderwerp=_onderwerp(3))
    _stil_na_laatste_trede(stil)
    ids = set(selectors_openbaar.openbare_verzoeken().values_list("pk", flat=True))
    assert ids == {beantwoord.pk, stil.pk}
    assert Reactieverzoek.objects.get(pk=lopend.pk).status == Status.OPEN

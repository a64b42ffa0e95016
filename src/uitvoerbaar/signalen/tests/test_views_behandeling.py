"""The handlers' screens: the list, the signal page with its moves (take into handling, ask,
close with an outcome, reopen), attachments, the confidential identity and its disclosure,
knelpunten, and the board's first reading and dashboard. Each refusal (wrong role, another
organisation, wrong state, bad input) is answered on the same page and changes nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from uitvoerbaar.audit.models import AuditEvent, Inzage
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.kennisbank.tests.factories import ArtikelFactory, RegelingFactory
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus
from uitvoerbaar.responsplicht.models import Melding
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.constants import Afzender, KnelpuntStatus, Onthullingsstatus, Status
from uitvoerbaar.signalen.models import Bericht, Knelpunt, Onthulling, Signaal

from .conftest import GEHEIME_NAAM, Wereld
from .pagina import formfouten, html, veldfout

pytestmark = pytest.mark.django_db

Meld = Callable[..., services.Melding]
LIJST = "/signalen/"
KNELPUNTEN = "/signalen/knelpunten/"
DASHBOARD = "/signalen/dashboard/"
MAANDAG_10U = dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(MAANDAG_10U, tick=False) as reis:
        yield reis


def _pad(signaal: Signaal, handeling: str = "") -> str:
    return f"/signalen/{signaal.pk}/" + (f"{handeling}/" if handeling else "")


def _vers(signaal: Signaal) -> Signaal:
    return Signaal.objects.get(pk=signaal.pk)


def _formulieren(response: Any) -> set[str]:
    """The moves offered on the signal page, by the action of their form."""
    return set(re.findall(r'<form method="post" action="/signalen/\d+/([\w-]+)/"', html(response)))


# --- the list --------------------------------------------------------------------------------


def test_the_list_shows_the_organisations_signals_with_filters(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    benoemd = meld().signaal
    anoniem = meld(door=None, kanaal="anoniem", titel="Anoniem over bezwaar").signaal
    elders = meld(
        door=wereld.behandelaar_andere, organisatie=wereld.andere, titel="Elders gemeld"
    ).signaal
    ingelogd(client, wereld.behandelaar)
    response = client.get(LIJST)
    assert response.status_code == 200
    tekst = html(response)
    assert benoemd.kenmerk in tekst and anoniem.kenmerk in tekst
    assert elders.kenmerk not in tekst
    assert "2 signalen" in tekst
    # Handlers may bundle: a checkbox per signal feeds the knelpunt form.
    assert f'name="signaal" value="{benoemd.pk}"' in tekst

    gefilterd = html(client.get(LIJST, {"kanaal": "anoniem"}))
    assert anoniem.kenmerk in gefilterd and benoemd.kenmerk not in gefilterd
    gezocht = html(client.get(LIJST, {"zoek": "bezwaar"}))
    assert anoniem.kenmerk in gezocht and benoemd.kenmerk not in gezocht


def test_the_board_reads_the_list_but_cannot_bundle(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    response = ingelogd(client, wereld.bestuur).get(LIJST)
    assert response.status_code == 200
    assert signaal.kenmerk in html(response)
    assert 'name="signaal"' not in html(response)


def test_a_medewerker_without_handler_role_gets_403_on_the_handler_screens(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    ingelogd(client, wereld.medewerker)
    for pad in (LIJST, _pad(signaal), KNELPUNTEN, DASHBOARD, _pad(signaal, "identiteit")):
        response = client.get(pad)
        assert response.status_code == 403, pad
        assert "Geen toegang" in html(response)
    assert client.post(_pad(signaal, "in-behandeling")).status_code == 403
    assert _vers(signaal).status == Status.ONTVANGEN


def test_without_login_the_handler_screens_send_to_the_login_page(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    for pad in (LIJST, _pad(signaal), KNELPUNTEN, DASHBOARD, "/signalen/noodrem/"):
        response = client.get(pad)
        assert response.status_code == 302, pad
        assert response["Location"].startswith("/inloggen/")
    client.post(_pad(signaal, "afsluiten"), {"uitkomst": "uitleg", "toelichting": "Klaar."})
    assert _vers(signaal).status == Status.ONTVANGEN


# --- handling --------------------------------------------------------------------------------


def test_the_whole_handling_through_the_web(client: Client, wereld: Wereld, meld: Meld) -> None:
    signaal = meld().signaal
    behandelaar = ingelogd(Client(), wereld.behandelaar)
    melder = ingelogd(Client(), wereld.medewerker)

    pagina = behandelaar.get(_pad(signaal))
    assert pagina.status_code == 200
    assert f"Gemeld door {wereld.medewerker}" in html(pagina)
    assert _formulieren(pagina) == {"in-behandeling"}

    # Take into handling: this is the Wbk acknowledgement.
    response = behandelaar.post(
        _pad(signaal, "in-behandeling"), {"bericht": "Dank u, we zoeken het uit."}
    )
    assert response.status_code == 302 and response["Location"] == _pad(signaal)
    signaal = _vers(signaal)
    assert signaal.status == Status.IN_BEHANDELING
    assert signaal.ontvangstbevestiging is not None and signaal.terugkoppeling is not None
    assert signaal.ontvangstbevestiging.status == VerzoekStatus.BEANTWOORD
    assert signaal.terugkoppeling.soort.code == "wbk-terugkoppeling"
    assert signaal.terugkoppeling.status == VerzoekStatus.OPEN
    pagina = behandelaar.get(_pad(signaal))
    assert "Het signaal is in behandeling genomen." in html(pagina)
    assert _formulieren(pagina) == {"bericht", "afsluiten"}

    # A question: the signal waits for the reporter.
    response = behandelaar.post(
        _pad(signaal, "bericht"), {"tekst": "Om welk bedrag ging het?", "soort": "vraag"}
    )
    assert response.status_code == 302
    assert _vers(signaal).status == Status.VRAAG_AAN_MELDER
    eigen = melder.get(f"/signalen/mijn/{signaal.pk}/")
    assert "Om welk bedrag ging het?" in html(eigen)
    assert "Vraag beantwoorden" in html(eigen)

    # The reporter answers: the turn goes back to the handler.
    response = melder.post(f"/signalen/mijn/{signaal.pk}/aanvullen/", {"tekst": "Twee euro."})
    assert response.status_code == 302
    assert _vers(signaal).status == Status.IN_BEHANDELING
    assert "Twee euro." in html(behandelaar.get(_pad(signaal)))

    # Closing without an outcome: both fields say what is missing, nothing changes.
    berichten = Bericht.objects.count()
    response = behandelaar.post(_pad(signaal, "afsluiten"), {"uitkomst": "", "toelichting": ""})
    assert response.status_code == 400
    assert veldfout(response, "id_uitkomst") == "Kies de uitkomst: waarom sluit u dit signaal af?"
    assert veldfout(response, "id_toelichting") == "Schrijf wat de melder hoort over de uitkomst."
    assert _vers(signaal).status == Status.IN_BEHANDELING
    assert Bericht.objects.count() == berichten

    response = behandelaar.post(
        _pad(signaal, "afsluiten"),
        {"uitkomst": "maatregel", "toelichting": "Terugvorderingen onder 50 euro stoppen."},
    )
    assert response.status_code == 302
    signaal = _vers(signaal)
    assert signaal.status == Status.AFGESLOTEN
    assert signaal.uitkomst == "maatregel" and signaal.afgesloten_op is not None
    assert signaal.terugkoppeling is not None
    assert signaal.terugkoppeling.status == VerzoekStatus.BEANTWOORD
    slot = html(melder.get(f"/signalen/mijn/{signaal.pk}/"))
    assert "Afgesloten: Er is een maatregel genomen" in slot
    assert "Terugvorderingen onder 50 euro stoppen." in slot
    # The named reporter was told in the app at each step.
    assert Melding.objects.filter(ontvanger=wereld.medewerker).count() >= 3


def test_closing_with_knelpunt_as_outcome_needs_a_knelpunt(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    services.take_in_behandeling(signaal=signaal, door=wereld.behandelaar)
    ingelogd(client, wereld.behandelaar)
    response = client.post(
        _pad(signaal, "afsluiten"), {"uitkomst": "knelpunt", "toelichting": "Doorgegeven."}
    )
    assert response.status_code == 400
    assert veldfout(response, "id_uitkomst") == "Neem het signaal eerst op in een knelpunt."
    assert _vers(signaal).status == Status.IN_BEHANDELING


def test_a_move_the_state_does_not_allow_is_409_and_changes_nothing(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    ingelogd(client, wereld.behandelaar)
    gebeurtenissen = AuditEvent.objects.count()

    response = client.post(
        _pad(signaal, "afsluiten"), {"uitkomst": "uitleg", "toelichting": "Zo werkt het."}
    )
    assert response.status_code == 409
    assert formfouten(response) == ["U kunt dit signaal nu niet afsluiten: het is ontvangen."]
    response = client.post(_pad(signaal, "heropenen"), {"heropenen-reden": "Toch niet klaar."})
    assert response.status_code == 409
    assert formfouten(response) == ["U kunt dit signaal nu niet heropenen: het is ontvangen."]
    response = client.post(_pad(signaal, "bericht"), {"tekst": "Hallo", "soort": "bericht"})
    assert response.status_code == 409
    assert _vers(signaal).status == Status.ONTVANGEN
    assert not Bericht.objects.exists()
    assert AuditEvent.objects.count() == gebeurtenissen

    services.take_in_behandeling(signaal=signaal, door=wereld.behandelaar)
    response = client.post(_pad(signaal, "in-behandeling"), {"bericht": ""})
    assert response.status_code == 409
    assert formfouten(response) == [
        "U kunt dit signaal nu niet in behandeling nemen: het is in behandeling."
    ]


def test_an_empty_message_is_refused_next_to_the_field(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    services.take_in_behandeling(signaal=signaal, door=wereld.behandelaar)
    aantal = Bericht.objects.count()
    ingelogd(client, wereld.behandelaar)
    response = client.post(_pad(signaal, "bericht"), {"tekst": "  ", "soort": "vraag"})
    assert response.status_code == 400
    assert veldfout(response, "id_tekst") == "Schrijf een bericht."
    assert _vers(signaal).status == Status.IN_BEHANDELING
    assert Bericht.objects.count() == aantal


def test_feedback_answers_the_wbk_feedback_request(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    services.take_in_behandeling(signaal=signaal, door=wereld.behandelaar)
    ingelogd(client, wereld.behandelaar)
    response = client.post(
        _pad(signaal, "bericht"),
        {"tekst": "We passen de werkinstructie aan.", "soort": "terugkoppeling"},
    )
    assert response.status_code == 302
    signaal = _vers(signaal)
    assert signaal.status == Status.IN_BEHANDELING
    assert signaal.terugkoppeling is not None
    assert signaal.terugkoppeling.status == VerzoekStatus.BEANTWOORD
    assert Bericht.objects.get(is_terugkoppeling=True).tekst == "We passen de werkinstructie aan."


def test_a_closed_signal_is_reopened_with_a_reason(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    services.take_in_behandeling(signaal=signaal, door=wereld.behandelaar)
    services.close_signaal(
        signaal=signaal, door=wereld.behandelaar, uitkomst="uitleg", toelichting="Zo werkt het."
    )
    ingelogd(client, wereld.behandelaar)
    assert _formulieren(client.get(_pad(signaal))) == {"heropenen"}
    leeg = client.post(_pad(signaal, "heropenen"), {"heropenen-reden": ""})
    assert leeg.status_code == 400
    assert veldfout(leeg, "id_heropenen-reden") == "Schrijf waarom u het signaal heropent."
    assert _vers(signaal).status == Status.AFGESLOTEN

    response = client.post(_pad(signaal, "heropenen"), {"heropenen-reden": "Nieuwe feiten."})
    assert response.status_code == 302
    signaal = _vers(signaal)
    assert signaal.status == Status.IN_BEHANDELING and signaal.uitkomst == ""


def test_another_organisations_handler_gets_404_and_its_posts_change_nothing(
    client: Client, wereld: Wereld, meld: Meld, vertrouwelijk: Signaal
) -> None:
    signaal = meld().signaal
    services.take_in_behandeling(signaal=signaal, door=wereld.behandelaar)
    berichten, gebeurtenissen = Bericht.objects.count(), AuditEvent.objects.count()
    ingelogd(client, wereld.behandelaar_andere)
    niet_gevonden = client.get(_pad(signaal))
    assert niet_gevonden.status_code == 404
    assert "Pagina niet gevonden" in html(niet_gevonden)
    assert signaal.titel not in html(niet_gevonden)
    assert signaal.kenmerk not in html(client.get(LIJST))
    posts: list[tuple[Signaal, str, dict[str, str]]] = [
        (vertrouwelijk, "in-behandeling", {"bericht": "Ontvangen."}),
        (signaal, "bericht", {"tekst": "Ik neem het over.", "soort": "vraag"}),
        (signaal, "afsluiten", {"uitkomst": "uitleg", "toelichting": "Klaar."}),
        (signaal, "heropenen", {"heropenen-reden": "Opnieuw."}),
        (vertrouwelijk, "onthulling", {"onthulling-reden": "Wie is dit?"}),
    ]
    for doelwit, handeling, data in posts:
        response = client.post(_pad(doelwit, handeling), data)
        assert response.status_code == 404, handeling
        assert doelwit.titel not in html(response)
    assert _vers(signaal).status == Status.IN_BEHANDELING
    assert _vers(vertrouwelijk).status == Status.ONTVANGEN
    assert Bericht.objects.count() == berichten
    assert not Onthulling.objects.exists()
    assert AuditEvent.objects.count() == gebeurtenissen


def test_attachments_download_for_the_handler_and_404_for_others(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld(bijlagen=[SimpleUploadedFile("notitie.txt", b"Het verslag.")]).signaal
    ander = meld(titel="Een ander signaal").signaal
    bijlage = signaal.bijlagen.get()
    pad = _pad(signaal, f"bijlagen/{bijlage.pk}")
    ingelogd(client, wereld.behandelaar)
    assert "notitie.txt" in html(client.get(_pad(signaal)))
    response = client.get(pad)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="notitie.txt"'
    assert b"".join(response.streaming_content) == b"Het verslag."  # type: ignore[attr-defined]
    # Through another signal's address the attachment does not exist.
    assert client.get(_pad(ander, f"bijlagen/{bijlage.pk}")).status_code == 404
    assert ingelogd(Client(), wereld.behandelaar_andere).get(pad).status_code == 404


# --- the board reads ------------------------------------------------------------------------


def test_the_board_opening_a_signal_records_the_first_reading_once(
    client: Client, wereld: Wereld, meld: Meld, _maandag: time_machine.Coordinates
) -> None:
    signaal = meld().signaal
    assert ingelogd(Client(), wereld.behandelaar).get(_pad(signaal)).status_code == 200
    assert _vers(signaal).eerst_gelezen_door_bestuur_op is None

    _maandag.shift(dt.timedelta(hours=3))
    ingelogd(client, wereld.bestuur)
    response = client.get(_pad(signaal))
    assert response.status_code == 200
    # The board reads; it does not handle a signal routed to the behandelaars.
    assert _formulieren(response) == set()
    eerst = _vers(signaal).eerst_gelezen_door_bestuur_op
    assert eerst == MAANDAG_10U + dt.timedelta(hours=3)

    _maandag.shift(dt.timedelta(days=2))
    assert ingelogd(client, wereld.bestuur).get(_pad(signaal)).status_code == 200
    assert _vers(signaal).eerst_gelezen_door_bestuur_op == eerst
    assert AuditEvent.objects.filter(event="signaal.gelezen_door_bestuur").count() == 1

    dashboard = html(client.get(DASHBOARD))
    assert re.search(r'id="tijd-tot-bestuur">3[,.]0 uur<', dashboard)


def test_the_dashboard_shows_counts_and_charts_with_a_table_for_the_board(
    client: Client, wereld: Wereld, meld: Meld, vertrouwelijk: Signaal
) -> None:
    regeling = RegelingFactory.create(naam="Wet kinderopvang")
    meld(eenheid=wereld.eenheid, regeling=regeling)
    meld(regeling=regeling, titel="Tweede over de kinderopvang")
    meld(door=None, kanaal="anoniem", titel="Anoniem")
    services.pull_noodrem(
        door=wereld.medewerker,
        organisatie=wereld.uitvoerder,
        eenheid=wereld.eenheid,
        titel="Stop de terugvordering",
        schade="Gezinnen komen in de schulden.",
        stoppen="De automatische terugvordering.",
        beginselen=[wereld.beginsel],
    )
    # Another organisation's signals do not count.
    meld(door=wereld.behandelaar_andere, organisatie=wereld.andere)

    ingelogd(client, wereld.behandelaar)
    assert client.get(DASHBOARD).status_code == 403
    ingelogd(client, wereld.bestuur)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    tekst = html(response)
    cijfers = dict(
        re.findall(r"<dt>([^<]+)</dt><dd[^>]*>([^<]+)</dd>", tekst.split('id="kerncijfers"')[1])
    )
    assert cijfers["Signalen"] == "4"
    assert cijfers["Noodremmen"] == "1"
    assert cijfers["Nog niet gelezen door het bestuur"] == "4"
    assert cijfers["Open verzoeken"] == "5"  # four acknowledgements and the noodrem
    assert cijfers["Te laat"] == "0"
    assert cijfers["Vertrouwelijk of anoniem gemeld"] == "50%"

    # Each chart is an SVG image described by a table with the same numbers.
    for grafiek in ("per-eenheid", "per-regeling", "noodrem-per-eenheid", "per-kanaal"):
        assert re.search(
            rf'<svg class="grafiek__svg" role="img" aria-labelledby="{grafiek}-kop" '
            rf'aria-describedby="{grafiek}-tabel"',
            tekst,
        ), grafiek
        assert f'<table class="utrecht-table grafiek__tabel" id="{grafiek}-tabel">' in tekst

    def tabel(grafiek: str) -> dict[str, str]:
        deel = tekst.split(f'id="{grafiek}-tabel">')[1].split("</table>")[0]
        return dict(
            re.findall(r'scope="row">([^<]+)</th><td class="utrecht-table__cell">(\d+)<', deel)
        )

    assert tabel("per-eenheid") == {"Team Toeslagen": "1", "Geen eenheid": "3"}
    assert tabel("per-regeling") == {"Wet kinderopvang": "2", "Regeling onbekend": "2"}
    assert tabel("noodrem-per-eenheid") == {"Team Toeslagen": "1"}
    kanalen = tabel("per-kanaal")
    assert sorted(kanalen.values()) == ["1", "1", "2"]
    assert kanalen["Met naam"] == "2"


def test_the_dashboard_counts_answers_within_the_term_and_overdue_requests(
    client: Client, wereld: Wereld, meld: Meld, _maandag: time_machine.Coordinates
) -> None:
    op_tijd = meld().signaal
    meld(titel="Tweede signaal")
    services.take_in_behandeling(signaal=op_tijd, door=wereld.behandelaar)
    ingelogd(client, wereld.bestuur)
    tekst = html(client.get(DASHBOARD))
    assert 'id="binnen-termijn">100%<' in tekst
    assert 'id="open-verzoeken">2<' in tekst  # the other acknowledgement and the feedback
    assert 'id="te-late-verzoeken">0<' in tekst

    # Ten days on, the other acknowledgement (due 8 March) is overdue.
    _maandag.shift(dt.timedelta(days=10))
    tekst = html(ingelogd(client, wereld.bestuur).get(DASHBOARD))
    assert 'id="te-late-verzoeken">1<' in tekst


def test_the_dashboard_without_data_says_so(client: Client, wereld: Wereld) -> None:
    response = ingelogd(client, wereld.bestuur).get(DASHBOARD)
    assert response.status_code == 200
    assert html(response).count("Nog geen gegevens.") == 4
    assert "<svg" not in html(response).split('id="kerncijfers"')[1]


# --- the confidential identity ---------------------------------------------------------------


def test_the_custodian_opens_the_identity_page_and_the_reading_is_logged(
    client: Client, wereld: Wereld, vertrouwelijk: Signaal
) -> None:
    ingelogd(client, wereld.vertrouwenspersoon)
    pagina = client.get(_pad(vertrouwelijk))
    assert pagina.status_code == 200
    assert _pad(vertrouwelijk, "identiteit") in html(pagina)
    assert GEHEIME_NAAM not in html(pagina)
    assert not Inzage.objects.exists()

    response = client.get(_pad(vertrouwelijk, "identiteit"))

    assert response.status_code == 200
    assert GEHEIME_NAAM in html(response)
    assert "zwaluwstaart@example.org" in html(response)
    assert "no-store" in response["Cache-Control"]
    inzage = Inzage.objects.get()
    assert inzage.gebruiker == wereld.vertrouwenspersoon
    assert inzage.object_id == str(vertrouwelijk.pk)
    assert inzage.organisatie == wereld.uitvoerder


def test_the_handler_and_the_board_get_403_and_another_organisation_404_on_the_identity(
    client: Client, wereld: Wereld, vertrouwelijk: Signaal, meld: Meld
) -> None:
    pad = _pad(vertrouwelijk, "identiteit")
    for wie in (wereld.behandelaar, wereld.bestuur):
        ingelogd(client, wie)
        assert pad not in html(client.get(_pad(vertrouwelijk)))
        response = client.get(pad)
        assert response.status_code == 403
        assert GEHEIME_NAAM not in html(response)
    assert ingelogd(client, wereld.behandelaar_andere).get(pad).status_code == 404
    # A named signal has no identity page, even for the custodian.
    benoemd = meld().signaal
    assert ingelogd(client, wereld.vertrouwenspersoon).get(
        _pad(benoemd, "identiteit")
    ).status_code in (403, 404)
    assert not Inzage.objects.exists()


def test_disclosure_is_asked_and_decided_through_the_web_and_the_reporter_is_told(
    client: Client,
    wereld: Wereld,
    vertrouwelijk: Signaal,
    django_capture_on_commit_callbacks: Any,
) -> None:
    behandelaar = ingelogd(Client(), wereld.behandelaar)
    custodian = ingelogd(Client(), wereld.vertrouwenspersoon)

    leeg = behandelaar.post(_pad(vertrouwelijk, "onthulling"), {"onthulling-reden": ""})
    assert leeg.status_code == 400
    assert veldfout(leeg, "id_onthulling-reden") == (
        "Leg uit waarom u de naam van de melder nodig hebt."
    )
    assert not Onthulling.objects.exists()

    response = behandelaar.post(
        _pad(vertrouwelijk, "onthulling"), {"onthulling-reden": "Voor het hoor en wederhoor."}
    )
    assert response.status_code == 302
    onthulling = Onthulling.objects.get()
    assert onthulling.status == Onthullingsstatus.GEVRAAGD
    assert "Uw verzoek ligt bij de vertrouwenspersoon." in html(
        behandelaar.get(_pad(vertrouwelijk))
    )
    nogmaals = behandelaar.post(
        _pad(vertrouwelijk, "onthulling"), {"onthulling-reden": "Nog een keer."}
    )
    assert nogmaals.status_code == 400
    assert "Er ligt al een verzoek bij de vertrouwenspersoon." in html(nogmaals)
    assert Onthulling.objects.count() == 1

    besluit = f"/signalen/onthulling/{onthulling.pk}/"
    assert behandelaar.get(besluit).status_code == 403
    # The custodian of another organisation does not even find the request.
    elders = ingelogd(Client(), persoon_met_rol(Rol.VERTROUWENSPERSOON, wereld.andere))
    assert elders.get(besluit).status_code == 404
    gepost = elders.post(besluit, {"besluit": "toestaan", "toelichting": "Van elders."})
    assert gepost.status_code == 404
    assert Onthulling.objects.get().status == Onthullingsstatus.GEVRAAGD
    assert f'href="{besluit}"' in html(custodian.get(_pad(vertrouwelijk)))
    pagina = custodian.get(besluit)
    assert pagina.status_code == 200
    assert "Voor het hoor en wederhoor." in html(pagina)

    zonder = custodian.post(besluit, {"besluit": "toestaan", "toelichting": ""})
    assert zonder.status_code == 400
    assert veldfout(zonder, "id_toelichting") == (
        "Leg uw besluit uit; de behandelaar en de melder lezen het."
    )
    assert not _vers(vertrouwelijk).identiteit_onthuld

    with django_capture_on_commit_callbacks(execute=True):
        response = custodian.post(
            besluit, {"besluit": "toestaan", "toelichting": "Nodig voor het onderzoek."}
        )
    assert response.status_code == 302 and response["Location"] == _pad(vertrouwelijk)
    onthulling.refresh_from_db()
    assert onthulling.status == Onthullingsstatus.TOEGESTAAN
    assert onthulling.besloten_door == wereld.vertrouwenspersoon
    assert _vers(vertrouwelijk).identiteit_onthuld
    # The reporter is told, in the app and by e-mail.
    assert Melding.objects.filter(ontvanger=wereld.klokkenluider).exists()
    assert [m.to for m in mail.outbox] == [["zwaluwstaart@example.org"]]
    assert "Nodig voor het onderzoek." in mail.outbox[0].body

    # Now the handler may see the name, and that reading is logged as well.
    identiteit = behandelaar.get(_pad(vertrouwelijk, "identiteit"))
    assert identiteit.status_code == 200 and GEHEIME_NAAM in html(identiteit)
    assert Inzage.objects.filter(gebruiker=wereld.behandelaar).count() == 1

    # A decision is taken once.
    assert "Besluit vastleggen" not in html(custodian.get(besluit))
    weer = custodian.post(besluit, {"besluit": "weigeren", "toelichting": "Toch niet."})
    assert weer.status_code == 400
    assert formfouten(weer) == ["Over dit verzoek is al beslist."]
    onthulling.refresh_from_db()
    assert onthulling.status == Onthullingsstatus.TOEGESTAAN


def test_a_refused_disclosure_keeps_the_name_secret(
    client: Client, wereld: Wereld, vertrouwelijk: Signaal
) -> None:
    onthulling = services.request_onthulling(
        signaal=vertrouwelijk, door=wereld.behandelaar, reden="Voor het onderzoek."
    )
    ingelogd(client, wereld.vertrouwenspersoon)
    response = client.post(
        f"/signalen/onthulling/{onthulling.pk}/",
        {"besluit": "weigeren", "toelichting": "De melder vreest benadeling."},
    )
    assert response.status_code == 302
    assert not _vers(vertrouwelijk).identiteit_onthuld
    ingelogd(client, wereld.behandelaar)
    pagina = html(client.get(_pad(vertrouwelijk)))
    assert "Geweigerd door de vertrouwenspersoon — De melder vreest benadeling." in pagina
    assert client.get(_pad(vertrouwelijk, "identiteit")).status_code == 403


# --- knelpunten ------------------------------------------------------------------------------


def test_a_knelpunt_from_the_list_and_passing_it_on(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    regeling = RegelingFactory.create(naam="Wet kinderopvang")
    artikel = ArtikelFactory.create(regeling=regeling, nummer="26")
    a = meld(regeling=regeling, artikel=artikel).signaal
    b = meld(regeling=regeling, titel="Weer een kleine fout met grote gevolgen").signaal
    ingelogd(client, wereld.behandelaar)

    keuze = client.get("/signalen/knelpunten/nieuw/", {"signaal": [a.pk, b.pk]})
    assert keuze.status_code == 200
    tekst = html(keuze)
    assert a.kenmerk in tekst and b.kenmerk in tekst
    assert keuze.context["form"]["regeling"].value() == regeling.pk

    leeg = client.post(
        "/signalen/knelpunten/nieuw/",
        {"signaal": [a.pk, b.pk], "naam": "", "regeling": regeling.pk},
    )
    assert leeg.status_code == 400
    assert veldfout(leeg, "id_naam") == "Geef het knelpunt een naam."
    assert not Knelpunt.objects.exists()

    response = client.post(
        "/signalen/knelpunten/nieuw/",
        {
            "signaal": [a.pk, b.pk],
            "naam": "Terugvordering bij kleine fouten",
            "omschrijving": "Art. 26 laat geen ruimte voor kleine bedragen.",
            "regeling": regeling.pk,
            "artikel": artikel.pk,
        },
    )
    knelpunt = Knelpunt.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/signalen/knelpunten/{knelpunt.pk}/"
    assert set(knelpunt.signalen.all()) == {a, b}
    assert (knelpunt.regeling, knelpunt.artikel) == (regeling, artikel)
    pagina = client.get(response["Location"])
    assert "Het knelpunt Terugvordering bij kleine fouten is gemaakt." in html(pagina)
    assert "Doorgeven aan de eigenaar van de regel" in html(pagina)
    lijst = html(client.get(KNELPUNTEN))
    assert knelpunt.kenmerk in lijst and "2 signalen" in lijst
    assert "Terugvordering bij kleine fouten" in html(client.get(_pad(a)))

    doorgeven = f"/signalen/knelpunten/{knelpunt.pk}/doorgeven/"
    assert client.post(doorgeven, {"naar": "eigenaar"}).status_code == 302
    knelpunt.refresh_from_db()
    assert knelpunt.status == KnelpuntStatus.DOORGEGEVEN
    assert knelpunt.naar_eigenaar_op is not None and knelpunt.naar_stand_op is None
    tekst = html(client.get(f"/signalen/knelpunten/{knelpunt.pk}/"))
    assert "Het knelpunt is doorgegeven." in tekst
    assert "Doorgeven aan de eigenaar van de regel" not in tekst
    assert "Opnemen in de Stand van de uitvoering" in tekst

    client.post(doorgeven, {"naar": "eigenaar"})
    tekst = html(client.get(f"/signalen/knelpunten/{knelpunt.pk}/"))
    assert "Dit knelpunt is al aan de eigenaar doorgegeven." in tekst
    client.post(doorgeven, {"naar": "stand"})
    knelpunt.refresh_from_db()
    assert knelpunt.naar_stand_op is not None


def test_a_knelpunt_without_chosen_signals_or_across_regulations_is_refused(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    regeling = RegelingFactory.create()
    a = meld(regeling=regeling).signaal
    b = meld(regeling=RegelingFactory.create(), titel="Over een andere wet").signaal
    ingelogd(client, wereld.behandelaar)
    zonder = client.post("/signalen/knelpunten/nieuw/", {"naam": "Los", "regeling": regeling.pk})
    assert zonder.status_code == 400
    assert formfouten(zonder) == ["Kies in de lijst eerst de signalen die bij elkaar horen."]
    gemengd = client.post(
        "/signalen/knelpunten/nieuw/",
        {"signaal": [a.pk, b.pk], "naam": "Gemengd", "regeling": regeling.pk},
    )
    assert gemengd.status_code == 400
    assert f"{b.kenmerk} gaat over een andere regeling of een ander artikel." in html(gemengd)
    assert not Knelpunt.objects.exists()
    assert _vers(a).knelpunt is None


def test_knelpunten_are_for_the_organisation_and_only_handlers_pass_them_on(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    regeling = RegelingFactory.create()
    signaal = meld(regeling=regeling).signaal
    knelpunt = services.create_knelpunt(
        door=wereld.behandelaar,
        organisatie=wereld.uitvoerder,
        regeling=regeling,
        artikel=None,
        naam="Een knelpunt",
        omschrijving="",
        signalen=[signaal],
    )
    pad = f"/signalen/knelpunten/{knelpunt.pk}/"
    ingelogd(client, wereld.bestuur)
    assert "Een knelpunt" in html(client.get(KNELPUNTEN))
    pagina = client.get(pad)
    assert pagina.status_code == 200 and "Doorgeven aan de eigenaar" not in html(pagina)
    assert client.post(pad + "doorgeven/", {"naar": "eigenaar"}).status_code == 403
    assert client.get("/signalen/knelpunten/nieuw/").status_code == 403

    ingelogd(client, wereld.behandelaar_andere)
    assert "Een knelpunt" not in html(client.get(KNELPUNTEN))
    assert client.get(pad).status_code == 404
    assert client.post(pad + "doorgeven/", {"naar": "eigenaar"}).status_code == 404
    # Another organisation's signals cannot be pulled into one's own knelpunt.
    response = client.post(
        "/signalen/knelpunten/nieuw/",
        {"signaal": [signaal.pk], "naam": "Overgenomen", "regeling": regeling.pk},
    )
    assert response.status_code == 400
    knelpunt.refresh_from_db()
    assert knelpunt.naar_eigenaar_op is None
    assert Knelpunt.objects.count() == 1


def test_the_custodian_handles_retaliation_which_handlers_never_see(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    benadeling = meld(
        door=wereld.klokkenluider,
        kanaal="vertrouwelijk",
        soort="benadeling",
        titel="Overgeplaatst na mijn signaal",
    ).signaal
    for wie in (wereld.behandelaar, wereld.bestuur):
        ingelogd(client, wie)
        assert client.get(_pad(benadeling)).status_code == 404
        assert benadeling.kenmerk not in html(client.get(LIJST))
    ingelogd(client, wereld.vertrouwenspersoon)
    assert benadeling.kenmerk in html(client.get(LIJST))
    response = client.post(_pad(benadeling, "in-behandeling"), {"bericht": "Ik bel u."})
    assert response.status_code == 302
    assert _vers(benadeling).status == Status.IN_BEHANDELING
    assert Bericht.objects.get(signaal=benadeling).afzender == Afzender.VERTROUWENSPERSOON


def test_disclosure_of_a_named_signal_is_refused_with_a_message(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    ingelogd(client, wereld.behandelaar)
    response = client.post(_pad(signaal, "onthulling"), {"onthulling-reden": "Wie is het?"})
    assert response.status_code == 400
    assert formfouten(response) == ["Alleen bij een vertrouwelijk signaal is de naam afgeschermd."]
    assert not Onthulling.objects.exists()

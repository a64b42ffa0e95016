"""The kamervragen and contactmomenten screens over HTTP: forms put the services' Dutch errors
next to the field (400) and change nothing; the wrong role gets 403, another organisation's
item 404; the public pages and the CSV need no login."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.responsplicht import services as rp

from .. import services
from ..constants import Contactstatus, Kamervraagstatus
from ..models import Contactmoment, Kamervraag
from .conftest import Wereld, tijdstip

pytestmark = pytest.mark.django_db


def _html(response: Any) -> str:
    return str(response.content.decode())


def _beantwoord(
    wereld: Wereld, vraag: Kamervraag, tekst: str = "Aan de balie zien wij dit."
) -> None:
    assert vraag.verzoek is not None
    rp.answer_leg_uit(
        verzoek=vraag.verzoek, door=wereld.behandelaar, redenen=tekst, beginselen=[wereld.beginsel]
    )


# --- kamervragen -------------------------------------------------------------------------------


def test_a_member_asks_in_the_form(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.kamerlid)
    pagina = client.get("/parlement/kamervragen/nieuw/")
    assert pagina.status_code == 200
    response = client.post(
        "/parlement/kamervragen/nieuw/",
        {
            "parlement": wereld.kamer.pk,
            "commissie": wereld.commissie.pk,
            "uitvoerder": wereld.uitvoerder.pk,
            "titel": "Inkomenstoets",
            "vraag": "Hoe werkt de inkomenstoets uit?",
        },
    )
    vraag = Kamervraag.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/parlement/kamervragen/{vraag.pk}/"
    detail = client.get(response["Location"])
    assert "Hoe werkt de inkomenstoets uit?" in _html(detail)
    assert "Er is nog geen antwoord." in _html(detail)


def test_the_form_shows_errors_next_to_the_field_and_changes_nothing(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.kamerlid)
    response = client.post(
        "/parlement/kamervragen/nieuw/",
        {
            "parlement": wereld.kamer.pk,
            "uitvoerder": wereld.uitvoerder.pk,
            "titel": "Een burger",
            "vraag": "Mevrouw met BSN 111222333 wacht al lang.",
        },
    )
    assert response.status_code == 400
    html = _html(response)
    assert 'id="id_vraag_error"' in html and "persoonsgegevens" in html
    assert not Kamervraag.objects.exists()


@pytest.mark.parametrize("wie", ["behandelaar", "bestuur", "beleidsmaker"])
def test_executors_and_ministries_may_not_ask(client: Client, wereld: Wereld, wie: str) -> None:
    ingelogd(client, getattr(wereld, wie))
    assert client.get("/parlement/kamervragen/nieuw/").status_code == 403
    assert client.post("/parlement/kamervragen/nieuw/", {"titel": "x"}).status_code == 403
    assert client.get("/parlement/kamervragen/").status_code == 403


def test_a_member_of_another_parliament_cannot_post_for_this_one(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.kamerlid_elders)
    response = client.post(
        "/parlement/kamervragen/nieuw/",
        {
            "parlement": wereld.kamer.pk,
            "uitvoerder": wereld.uitvoerder.pk,
            "titel": "x",
            "vraag": "y",
        },
    )
    # The choice is not offered to them: an error next to the field, nothing made.
    assert response.status_code == 400
    assert not Kamervraag.objects.exists()


def test_anonymous_is_sent_to_login(client: Client, wereld: Wereld) -> None:
    response = client.get("/parlement/kamervragen/")
    assert response.status_code == 302
    assert "next=/parlement/kamervragen/" in response["Location"]


def test_the_executor_sees_questions_from_parliament_and_is_sent_to_answer(
    client: Client, wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag(titel="Vraag aan ons")
    maak_vraag(titel="Vraag aan de ander", uitvoerder=wereld.andere_uitvoerder)
    ingelogd(client, wereld.behandelaar)
    lijst = _html(client.get("/parlement/vragen-uit-de-kamer/"))
    assert "Vraag aan ons" in lijst and "Vraag aan de ander" not in lijst
    assert "Vragen uit de Kamer" in lijst  # the menu entry
    detail = _html(client.get(f"/parlement/kamervragen/{vraag.pk}/"))
    assert f"/verzoeken/{vraag.verzoek_id}/" in detail and "Beantwoord de vraag" in detail


def test_another_executor_gets_404_on_the_question(
    client: Client, wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    ingelogd(client, wereld.behandelaar_andere)
    assert client.get(f"/parlement/kamervragen/{vraag.pk}/").status_code == 404
    ingelogd(client, wereld.kamerlid_elders)
    assert client.get(f"/parlement/kamervragen/{vraag.pk}/").status_code == 404


def test_the_answer_reads_as_a_plain_answer_and_the_list_filters(
    client: Client, wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag(titel="Beantwoorde vraag")
    maak_vraag(titel="Open vraag")
    _beantwoord(wereld, vraag, "Drie peildata geven onrust.")
    ingelogd(client, wereld.kamerlid)
    detail = _html(client.get(f"/parlement/kamervragen/{vraag.pk}/"))
    assert "Drie peildata geven onrust." in detail and "Beoordeel het antwoord" in detail
    gefilterd = _html(client.get("/parlement/kamervragen/?status=beantwoord"))
    assert "Beantwoorde vraag" in gefilterd and "Open vraag" not in gefilterd


def test_the_public_page_and_csv_show_the_answered_question(
    client: Client, wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag(titel="Openbare vraag", vraag="Hoe gaat het aan de balie?")
    _beantwoord(wereld, vraag, "Het gaat beter sinds maart.")
    lijst = client.get("/openbaar/kamervragen/")
    assert lijst.status_code == 200 and "Openbare vraag" in _html(lijst)
    detail = _html(client.get(f"/openbaar/kamervragen/{vraag.pk}/"))
    assert "Hoe gaat het aan de balie?" in detail and "Het gaat beter sinds maart." in detail
    assert str(wereld.kamerlid) not in detail and str(wereld.behandelaar) not in detail
    response = client.get("/openbaar/kamervragen/kamervragen.csv")
    rijen = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["id"], r["antwoord"], r["status"]) for r in rijen] == [
        (str(vraag.pk), "Het gaat beter sinds maart.", Kamervraagstatus.BEANTWOORD)
    ]
    gefilterd = _html(client.get("/openbaar/kamervragen/?uitvoerder=au"))
    assert "Openbare vraag" not in gefilterd


def test_an_open_question_is_not_public(
    client: Client, wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    assert client.get(f"/openbaar/kamervragen/{vraag.pk}/").status_code == 404


# --- contactmomenten ---------------------------------------------------------------------------


def _plan_data(wereld: Wereld, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "soort": "briefing",
        "titel": "Briefing wachttijden",
        "parlement": wereld.kamer.pk,
        "commissie": wereld.commissie.pk,
        "uitvoerders": [wereld.uitvoerder.pk],
        "begint_op": tijdstip(7).strftime("%Y-%m-%dT%H:%M"),
        "locatie": "Zaal 3",
        "onderwerpen": "Wachttijden bij bezwaar.",
        "deelnemers": [wereld.kamerlid.pk],
    }
    data.update(extra)
    return data


def test_the_clerk_plans_holds_reports_and_publishes_over_http(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.griffie)
    assert client.get("/parlement/contactmomenten/nieuw/").status_code == 200
    response = client.post("/parlement/contactmomenten/nieuw/", _plan_data(wereld))
    moment = Contactmoment.objects.get()
    assert response.status_code == 302, _html(response)
    assert list(moment.deelnemers.all()) == [wereld.kamerlid]
    # Not before it starts.
    response = client.post(f"/parlement/contactmomenten/{moment.pk}/gehouden/")
    assert response.status_code == 400 and "nog niet begonnen" in _html(response)
    Contactmoment.objects.filter(pk=moment.pk).update(begint_op=tijdstip(-1))
    assert client.post(f"/parlement/contactmomenten/{moment.pk}/gehouden/").status_code == 302
    response = client.post(
        f"/parlement/contactmomenten/{moment.pk}/verslag/", {"verslag-verslag": ""}
    )
    assert response.status_code == 400 and 'id="id_verslag-verslag_error"' in _html(response)
    client.post(
        f"/parlement/contactmomenten/{moment.pk}/verslag/",
        {"verslag-verslag": "Afgesproken: cijfers voor de zomer."},
    )
    assert (
        client.post(f"/parlement/contactmomenten/{moment.pk}/verslag/publiceren/").status_code
        == 302
    )
    moment.refresh_from_db()
    assert moment.status == Contactstatus.GEHOUDEN and moment.verslag_openbaar
    openbaar = _html(client.get(f"/openbaar/contactmomenten/{moment.pk}/"))
    assert "Afgesproken: cijfers voor de zomer." in openbaar
    assert str(wereld.kamerlid) not in openbaar and "Zaal 3" not in openbaar
    assert "Briefing wachttijden" in _html(client.get("/openbaar/contactmomenten/"))


def test_planning_errors_are_next_to_the_field(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.griffie)
    # The shape first (a date the form cannot read) ...
    response = client.post(
        "/parlement/contactmomenten/nieuw/", _plan_data(wereld, begint_op="morgen")
    )
    assert response.status_code == 400
    assert 'id="id_begint_op_error"' in _html(response)
    # ... then the service's rules, each next to its field.
    response = client.post(
        "/parlement/contactmomenten/nieuw/", _plan_data(wereld, uitvoerders=[], locatie="")
    )
    assert response.status_code == 400
    html = _html(response)
    assert 'id="id_uitvoerders_error"' in html and 'id="id_locatie_error"' in html
    assert "Noem de plaats, of kies voor online." in html
    assert not Contactmoment.objects.exists()


def test_members_see_but_do_not_manage_and_strangers_get_404(
    client: Client, wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment(deelnemers=[wereld.medewerker])
    ingelogd(client, wereld.kamerlid)
    assert client.get(f"/parlement/contactmomenten/{moment.pk}/").status_code == 200
    assert client.get("/parlement/contactmomenten/nieuw/").status_code == 403
    assert client.post(f"/parlement/contactmomenten/{moment.pk}/annuleren/").status_code == 403
    # A named participant without a managing role sees it too.
    ingelogd(client, wereld.medewerker)
    assert client.get(f"/parlement/contactmomenten/{moment.pk}/").status_code == 200
    assert "Rondetafel bijstand" in _html(client.get("/parlement/contactmomenten/"))
    ingelogd(client, wereld.bestuur_andere)
    assert client.get(f"/parlement/contactmomenten/{moment.pk}/").status_code == 404
    assert (
        client.post(
            f"/parlement/contactmomenten/{moment.pk}/annuleren/", {"annuleren-reden": "x"}
        ).status_code
        == 404
    )
    moment.refresh_from_db()
    assert moment.status == Contactstatus.GEPLAND


def test_the_board_edits_and_cancels(
    client: Client, wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment()
    ingelogd(client, wereld.bestuur)
    assert client.get(f"/parlement/contactmomenten/{moment.pk}/wijzigen/").status_code == 200
    response = client.post(
        f"/parlement/contactmomenten/{moment.pk}/wijzigen/",
        _plan_data(wereld, titel="Andere titel", parlement=wereld.andere_kamer.pk),
    )
    assert response.status_code == 302, _html(response)
    moment.refresh_from_db()
    assert moment.titel == "Andere titel" and moment.parlement == wereld.kamer
    response = client.post(
        f"/parlement/contactmomenten/{moment.pk}/annuleren/", {"annuleren-reden": ""}
    )
    assert response.status_code == 400 and 'id="id_annuleren-reden_error"' in _html(response)
    client.post(f"/parlement/contactmomenten/{moment.pk}/annuleren/", {"annuleren-reden": "Ziek"})
    moment.refresh_from_db()
    assert moment.status == Contactstatus.GEANNULEERD


def test_an_unpublished_report_is_not_public(
    client: Client, wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment(begint_op=tijdstip(-1))
    services.hold_contactmoment(contactmoment=moment, door=wereld.griffie)
    services.save_verslag(contactmoment=moment, door=wereld.griffie, verslag="Concept.")
    assert client.get(f"/openbaar/contactmomenten/{moment.pk}/").status_code == 404

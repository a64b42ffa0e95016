"""The forms of the request page: each move through its service, shown only to who may make
it, and every refusal (bad input, wrong person, wrong state) answered on the same page with a
Dutch message next to the field, changing nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.kennisbank.tests.factories import BeginselFactory, KaderFactory
from uitvoerbaar.responsplicht import services
from uitvoerbaar.responsplicht.constants import Controlestatus, Publicatie, Status, WooGrond
from uitvoerbaar.responsplicht.models import Controle, Reactie, Reactieverzoek

from .conftest import Ongewijzigd, Wereld
from .factories import SoortFactory

pytestmark = pytest.mark.django_db

MAANDAG = dt.date(2027, 3, 1)
Maak = Callable[..., Reactieverzoek]


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def _url(verzoek: Reactieverzoek, handeling: str = "") -> str:
    return f"/verzoeken/{verzoek.pk}/" + (f"{handeling}/" if handeling else "")


def _html(response: Any) -> str:
    return str(response.content.decode())


def _veldfout(response: Any, veld_id: str) -> str:
    """The error text shown next to a field (includes/veld.html: `<id>_error`)."""
    gevonden = re.search(rf'id="{re.escape(veld_id)}_error">(.*?)</div>', _html(response), re.S)
    assert gevonden, f"no error next to {veld_id}"
    return re.sub(r"<[^>]+>", " ", gevonden.group(1)).strip()


def _formfout(response: Any, form_id: str) -> str:
    """The message above a form (includes/formfouten.html inside <form id=...>)."""
    form = re.search(rf'<form[^>]*id="{form_id}".*?</form>', _html(response), re.S)
    assert form, f"no form {form_id}"
    alert = re.search(r'utrecht-alert--error" role="alert">(.*?)</div>', form.group(0), re.S)
    assert alert, f"no error above {form_id}"
    return re.sub(r"<[^>]+>", " ", alert.group(1)).strip()


PAS_TOE = {
    "pastoe-maatregel": "We stoppen de automatische terugvordering onder 50 euro.",
    "pastoe-eigenaar": "Teamleider incasso",
    "pastoe-datum": "2027-04-01",
}


def _leg_uit_data(beginsel: Beginsel, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "leguit-redenen": "De wet schrijft terugvordering voor.",
        "leguit-beginselen": [beginsel.code],
        "leguit-antwoord_1": "Dat zien we, en we zoeken een regeling met schuldhulp.",
        "leguit-antwoord_2": "Artikel 4 laat hier geen ruimte.",
    }
    data.update(extra)
    return data


def _leg_uit(verzoek: Reactieverzoek, door: Any, beginsel: Beginsel) -> None:
    services.answer_leg_uit(
        verzoek=verzoek,
        door=door,
        redenen="De wet laat hier geen ruimte.",
        beginselen=[beginsel],
        antwoorden=["Ja.", "Nee."],
    )


# --- which forms are shown to whom ------------------------------------------------------------


def _formen(client: Client, verzoek: Reactieverzoek) -> set[str]:
    response = client.get(_url(verzoek))
    assert response.status_code == 200
    return set(re.findall(r'<form class="formulier" id="form-(\w+)"', _html(response)))


def test_forms_follow_the_person_and_the_state(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)
    assert _formen(client, verzoek) == {"pastoe", "leguit", "verlengen", "opschorten", "woo"}
    ingelogd(client, wereld.medewerker)
    assert _formen(client, verzoek) == {"intrekken"}

    _leg_uit(verzoek, wereld.bestuur, beginsel)

    assert _formen(client, verzoek) == {"aanvaarden", "onvoldoende"}
    ingelogd(client, wereld.bestuur)
    assert _formen(client, verzoek) == {"woo"}


def test_woo_form_only_for_board_or_top_of_the_recipient(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    # A request to the behandelaar: the board of the same organisation may withhold, but is
    # not responsible, so it cannot open the page; the handler sees no Woo form.
    verzoek = maak_verzoek(ontvanger_rol=Rol.BEHANDELAAR)
    ingelogd(client, wereld.behandelaar)
    assert "woo" not in _formen(client, verzoek)


def test_woo_form_not_shown_when_nothing_is_published(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    soort = SoortFactory.create(code="stil", publicatie=Publicatie.NIETS)
    verzoek = maak_verzoek(soort=soort)
    ingelogd(client, wereld.bestuur)
    assert "woo" not in _formen(client, verzoek)


# --- pas toe ---------------------------------------------------------------------------------


def test_pas_toe_answers_and_returns_to_the_page(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)

    response = client.post(_url(verzoek, "pas-toe"), PAS_TOE)

    assert response.status_code == 302
    assert response["Location"] == _url(verzoek)
    reactie = Reactie.objects.get(verzoek=verzoek)
    assert reactie.maatregel == PAS_TOE["pastoe-maatregel"]
    assert reactie.maatregel_datum == dt.date(2027, 4, 1)
    assert reactie.door == wereld.bestuur
    verzoek.refresh_from_db()
    assert verzoek.status == Status.BEANTWOORD
    pagina = client.get(response["Location"])
    html = _html(pagina)
    assert "Uw antwoord is verstuurd." in html
    assert f"Beantwoord met pas toe door {wereld.bestuur}" in html
    assert "We stoppen de automatische terugvordering onder 50 euro." in html


def test_pas_toe_empty_shows_each_message_next_to_its_field(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)

    response = client.post(_url(verzoek, "pas-toe"), {})

    assert response.status_code == 400
    assert _veldfout(response, "id_pastoe-maatregel") == "Beschrijf de maatregel die u neemt."
    assert _veldfout(response, "id_pastoe-eigenaar") == "Noem wie de maatregel uitvoert."
    assert _veldfout(response, "id_pastoe-datum") == (
        "Noem de datum waarop de maatregel is uitgevoerd."
    )
    ongewijzigd.check()


@pytest.mark.parametrize(
    ("datum", "melding"),
    [
        ("2027-02-28", "De datum van uitvoering kan niet in het verleden liggen."),
        ("volgende week", "Vul een geldige datum in, bijvoorbeeld 31-12-2026."),
        ("2027-02-30", "Vul een geldige datum in, bijvoorbeeld 31-12-2026."),
    ],
)
def test_pas_toe_bad_date_is_refused(
    client: Client, wereld: Wereld, maak_verzoek: Maak, datum: str, melding: str
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)

    response = client.post(_url(verzoek, "pas-toe"), {**PAS_TOE, "pastoe-datum": datum})

    assert response.status_code == 400
    assert _veldfout(response, "id_pastoe-datum") == melding
    # What was typed stays in the form.
    assert "Teamleider incasso" in _html(response)
    ongewijzigd.check()


def test_pas_toe_with_an_owner_too_long_is_refused(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)
    response = client.post(_url(verzoek, "pas-toe"), {**PAS_TOE, "pastoe-eigenaar": "x" * 201})
    assert response.status_code == 400
    assert "200" in _veldfout(response, "id_pastoe-eigenaar")
    ongewijzigd.check()


# --- leg uit ---------------------------------------------------------------------------------


def test_leg_uit_with_principles_and_replies(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    tweede = BeginselFactory.create(code="cgob-openheid", naam="Openheid")
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)

    response = client.post(
        _url(verzoek, "leg-uit"),
        _leg_uit_data(beginsel, **{"leguit-beginselen": [beginsel.code, tweede.code]}),
    )

    assert response.status_code == 302
    reactie = Reactie.objects.get(verzoek=verzoek)
    assert set(reactie.beginselen.values_list("code", flat=True)) == {beginsel.code, tweede.code}
    assert reactie.antwoorden_op_argumenten == [
        "Dat zien we, en we zoeken een regeling met schuldhulp.",
        "Artikel 4 laat hier geen ruimte.",
    ]
    html = _html(client.get(_url(verzoek)))
    assert f'href="/kennisbank/beginselen/{beginsel.code}/"' in html
    assert f'href="/kennisbank/beginselen/{tweede.code}/"' in html


def test_leg_uit_form_lists_the_principles_per_framework(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    awb = KaderFactory.create(code="abbb", naam="Algemene beginselen van behoorlijk bestuur")
    cgob = KaderFactory.create(code="cgob", naam="Code Goed Openbaar Bestuur")
    BeginselFactory.create(
        code="abbb-zorg", naam="Zorgvuldigheid", kader=awb, wettelijke_grondslag="art. 3:2 Awb"
    )
    BeginselFactory.create(code="cgob-openheid", naam="Openheid", kader=cgob)
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)

    html = _html(client.get(_url(verzoek)))

    assert "Algemene beginselen van behoorlijk bestuur</legend>" in html
    assert "Code Goed Openbaar Bestuur</legend>" in html
    assert 'id="id_leguit-beginsel-abbb-zorg"' in html
    assert 'value="abbb-zorg"' in html
    assert "(art. 3:2 Awb)" in html
    # One reply field per argument, the argument next to it.
    assert 'name="leguit-antwoord_1"' in html
    assert 'name="leguit-antwoord_2"' in html
    assert 'name="leguit-antwoord_3"' not in html
    assert "Het raakt vooral mensen met schulden." in html


def test_leg_uit_without_principle_is_refused_next_to_the_list(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)

    data = _leg_uit_data(beginsel)
    del data["leguit-beginselen"]
    response = client.post(_url(verzoek, "leg-uit"), data)

    assert response.status_code == 400
    assert _veldfout(response, "id_leguit-beginselen") == (
        "Noem ten minste één beginsel dat u hebt gewogen."
    )
    assert "Artikel 4 laat hier geen ruimte." in _html(response)  # kept
    ongewijzigd.check()


def test_leg_uit_with_an_unknown_principle_is_refused(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)
    response = client.post(
        _url(verzoek, "leg-uit"), _leg_uit_data(beginsel, **{"leguit-beginselen": ["verzonnen"]})
    )
    assert response.status_code == 400
    assert _veldfout(response, "id_leguit-beginselen") == "Kies beginselen uit de lijst."
    ongewijzigd.check()


def test_leg_uit_must_reply_to_every_argument(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)

    response = client.post(
        _url(verzoek, "leg-uit"), _leg_uit_data(beginsel, **{"leguit-antwoord_2": "  "})
    )

    assert response.status_code == 400
    assert _veldfout(response, "id_leguit-antwoord_2") == (
        "Geef antwoord op elk argument van de vrager (nog open: 2)."
    )
    assert 'id="id_leguit-antwoord_1_error"' not in _html(response)
    ongewijzigd.check()


def test_leg_uit_without_reasons_is_refused(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)
    response = client.post(
        _url(verzoek, "leg-uit"), _leg_uit_data(beginsel, **{"leguit-redenen": ""})
    )
    assert response.status_code == 400
    assert _veldfout(response, "id_leguit-redenen") == "Leg uit waarom u het verzoek niet volgt."
    ongewijzigd.check()


# --- who may answer --------------------------------------------------------------------------


def test_the_requester_cannot_answer(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.medewerker)
    assert client.post(_url(verzoek, "pas-toe"), PAS_TOE).status_code == 403
    assert client.post(_url(verzoek, "leg-uit"), _leg_uit_data(beginsel)).status_code == 403
    ongewijzigd.check()


@pytest.mark.parametrize("wie", ["bestuur_andere", "behandelaar", "top"])
def test_others_cannot_answer(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, wie: str
) -> None:
    """Another organisation, another role, a level not reached yet."""
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, getattr(wereld, wie))
    assert client.post(_url(verzoek, "pas-toe"), PAS_TOE).status_code == 403
    assert client.post(_url(verzoek, "leg-uit"), _leg_uit_data(beginsel)).status_code == 403
    ongewijzigd.check()


def test_a_closed_request_cannot_be_answered(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    services.accept_answer(verzoek=verzoek, door=wereld.medewerker)
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)
    assert "form-pastoe" not in _html(client.get(_url(verzoek)))

    response = client.post(_url(verzoek, "pas-toe"), PAS_TOE)

    assert response.status_code == 409
    assert _formfout(response, "form-pastoe") == (
        "U kunt dit verzoek nu niet beantwoorden: het is antwoord aanvaard."
    )
    ongewijzigd.check()


def test_get_on_a_move_is_not_allowed(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)
    assert client.get(_url(verzoek, "pas-toe")).status_code == 405


# --- the requester's judgement ---------------------------------------------------------------


def test_requester_accepts_the_answer(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    ingelogd(client, wereld.medewerker)

    response = client.post(_url(verzoek, "aanvaarden"))

    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.GEACCEPTEERD
    html = _html(client.get(_url(verzoek)))
    assert "U hebt het antwoord aanvaard." in html
    assert f"Antwoord aanvaard door {wereld.medewerker}" in html


def test_the_responsible_cannot_accept_their_own_answer(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)
    assert client.post(_url(verzoek, "aanvaarden")).status_code == 403
    assert client.post(_url(verzoek, "onvoldoende"), {"onvoldoende-reden": "x"}).status_code == 403
    ongewijzigd.check()


def test_insufficient_escalates_then_the_next_level_answers_and_once_only(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    """The journey of the browser test: leg uit, insufficient, escalated, answered again;
    a second "insufficient" is refused."""
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)
    assert client.post(_url(verzoek, "leg-uit"), _leg_uit_data(beginsel)).status_code == 302
    ingelogd(client, wereld.medewerker)

    response = client.post(
        _url(verzoek, "onvoldoende"), {"onvoldoende-reden": "Schuldhulp is geen antwoord."}
    )

    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.GEESCALEERD
    assert verzoek.niveau == 1
    html = _html(client.get(_url(verzoek)))
    assert "Het verzoek ligt nu bij het volgende niveau." in html
    assert "Ambtelijke top: Ministerie van Test (Ambtelijke top)" in html

    ingelogd(client, wereld.top)
    assert [v.kenmerk for v in client.get("/verzoeken/").context["pagina"].object_list] == [
        verzoek.kenmerk
    ]
    assert client.post(_url(verzoek, "leg-uit"), _leg_uit_data(beginsel)).status_code == 302
    ingelogd(client, wereld.medewerker)
    assert _formen(client, verzoek) == {"aanvaarden"}
    ongewijzigd = Ongewijzigd(verzoek)

    response = client.post(_url(verzoek, "onvoldoende"), {"onvoldoende-reden": "Nog steeds niet."})

    assert response.status_code == 400
    assert _formfout(response, "form-onvoldoende") == (
        "U hebt al eens een antwoord op dit verzoek onvoldoende genoemd. Dat kan één keer."
    )
    ongewijzigd.check()


def test_insufficient_needs_a_reason(
    client: Client, wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.medewerker)
    response = client.post(_url(verzoek, "onvoldoende"), {"onvoldoende-reden": " "})
    assert response.status_code == 400
    assert _veldfout(response, "id_onvoldoende-reden") == (
        "Leg uit waarom het antwoord onvoldoende is."
    )
    ongewijzigd.check()


def test_a_promise_is_not_called_insufficient(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    services.answer_pas_toe(
        verzoek=verzoek, door=wereld.bestuur, maatregel="M", eigenaar="E", datum=MAANDAG
    )
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.medewerker)
    assert "onvoldoende" not in _formen(client, verzoek)
    response = client.post(_url(verzoek, "onvoldoende"), {"onvoldoende-reden": "Te weinig."})
    assert response.status_code == 400
    assert "Alleen een uitleg (leg uit) kunt u onvoldoende noemen" in _formfout(
        response, "form-onvoldoende"
    )
    ongewijzigd.check()


def test_requester_withdraws(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    ingelogd(client, wereld.medewerker)
    response = client.post(_url(verzoek, "intrekken"), {"intrekken-reden": ""})
    assert response.status_code == 400
    assert _veldfout(response, "id_intrekken-reden") == "Geef de reden van het intrekken."
    response = client.post(_url(verzoek, "intrekken"), {"intrekken-reden": "Al opgelost."})
    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.INGETROKKEN


# --- the clock -------------------------------------------------------------------------------


def test_extend_within_the_maximum_once(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    oud = verzoek.uiterste_datum
    ingelogd(client, wereld.bestuur)

    response = client.post(
        _url(verzoek, "verlengen"), {"verlengen-dagen": "5", "verlengen-reden": "Advies nodig."}
    )

    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.verlengd
    assert verzoek.uiterste_datum > oud
    html = _html(client.get(_url(verzoek)))
    assert f"Termijn verlengd met 5 dagen door {wereld.bestuur}" in html
    assert "form-verlengen" not in html

    ongewijzigd = Ongewijzigd(verzoek)
    response = client.post(
        _url(verzoek, "verlengen"), {"verlengen-dagen": "1", "verlengen-reden": "Nog even."}
    )
    assert response.status_code == 400
    assert _formfout(response, "form-verlengen") == (
        "Dit verzoek is al eens verlengd. Verlengen kan één keer."
    )
    ongewijzigd.check()


@pytest.mark.parametrize(
    ("dagen", "reden", "veld", "melding"),
    [
        ("6", "Advies nodig.", "id_verlengen-dagen", "Verleng met 1 tot en met 5 dagen."),
        ("0", "Advies nodig.", "id_verlengen-dagen", "Verleng met 1 tot en met 5 dagen."),
        ("", "Advies nodig.", "id_verlengen-dagen", "Vul in met hoeveel dagen u verlengt."),
        ("twee", "Advies nodig.", "id_verlengen-dagen", "Vul een heel aantal dagen in."),
        ("3", "", "id_verlengen-reden", "Geef de reden van de verlenging."),
    ],
)
def test_extend_bad_input_is_refused(
    client: Client,
    wereld: Wereld,
    maak_verzoek: Maak,
    dagen: str,
    reden: str,
    veld: str,
    melding: str,
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)
    response = client.post(
        _url(verzoek, "verlengen"), {"verlengen-dagen": dagen, "verlengen-reden": reden}
    )
    assert response.status_code == 400
    assert _veldfout(response, veld) == melding
    ongewijzigd.check()


def test_suspend_and_resume(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)

    response = client.post(_url(verzoek, "opschorten"), {"opschorten-reden": ""})
    assert response.status_code == 400
    assert _veldfout(response, "id_opschorten-reden") == "Geef de reden van de opschorting."

    response = client.post(_url(verzoek, "opschorten"), {"opschorten-reden": "Wacht op dossier."})
    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.OPGESCHORT
    pagina = client.get(_url(verzoek))
    assert _formen(client, verzoek) == {"hervatten", "woo"}
    assert "Wacht op dossier." in _html(pagina)
    # Still in the inbox, but not late while the clock stands still.
    inbox = client.get("/verzoeken/")
    assert [v.kenmerk for v in inbox.context["pagina"].object_list] == [verzoek.kenmerk]

    assert client.post(_url(verzoek, "hervatten")).status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.OPEN
    stappen = [s.event for s in client.get(_url(verzoek)).context["tijdlijn"]]
    assert stappen[-2:] == ["reactieverzoek.opschorten", "reactieverzoek.hervatten"]


def test_the_requester_cannot_touch_the_clock(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.medewerker)
    assert (
        client.post(_url(verzoek, "opschorten"), {"opschorten-reden": "Even niet."}).status_code
        == 403
    )
    assert (
        client.post(
            _url(verzoek, "verlengen"), {"verlengen-dagen": "2", "verlengen-reden": "x"}
        ).status_code
        == 403
    )
    ongewijzigd.check()


def test_resume_when_not_suspended_is_a_conflict(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.bestuur)
    response = client.post(_url(verzoek, "hervatten"))
    assert response.status_code == 409
    assert _formfout(response, "form-hervatten").startswith("U kunt dit verzoek nu niet hervatten")
    ongewijzigd.check()


# --- the follow-up check ---------------------------------------------------------------------


def test_follow_up_check_when_due(client: Client, wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    services.answer_pas_toe(
        verzoek=verzoek,
        door=wereld.bestuur,
        maatregel="Drempel van 50 euro.",
        eigenaar="Incasso",
        datum=MAANDAG + dt.timedelta(days=7),
    )
    ingelogd(client, wereld.medewerker)
    assert "controle" not in _formen(client, verzoek)  # not due yet
    ongewijzigd = Ongewijzigd(verzoek)
    response = client.post(_url(verzoek, "controle"), {"controle-uitgevoerd": "ja"})
    assert response.status_code == 400
    assert _formfout(response, "form-controle") == "Er is nu geen maatregel om te controleren."
    ongewijzigd.check()

    with time_machine.travel(dt.datetime(2027, 3, 8, 10, 0, tzinfo=dt.UTC), tick=False):
        ingelogd(client, wereld.medewerker)  # a week later: a new session
        assert "controle" in _formen(client, verzoek)
        ongewijzigd = Ongewijzigd(verzoek)
        response = client.post(_url(verzoek, "controle"), {"controle-uitgevoerd": "nee"})
        assert response.status_code == 400
        assert _veldfout(response, "id_controle-toelichting") == (
            "Leg uit wat er niet is uitgevoerd."
        )
        response = client.post(_url(verzoek, "controle"), {})
        assert response.status_code == 400
        assert _veldfout(response, "id_controle-uitgevoerd") == (
            "Kies of de maatregel is uitgevoerd."
        )
        ongewijzigd.check()

        response = client.post(
            _url(verzoek, "controle"),
            {"controle-uitgevoerd": "nee", "controle-toelichting": "Systeem nog niet aangepast."},
        )

        assert response.status_code == 302
        controle = Controle.objects.get(reactie__verzoek=verzoek)
        assert controle.status == Controlestatus.NIET_UITGEVOERD
        html = _html(client.get(_url(verzoek)))
        assert f"Vastgesteld door {wereld.medewerker}: de maatregel is niet uitgevoerd" in html
        assert "controle" not in _formen(client, verzoek)


# --- withholding publication (Woo) -----------------------------------------------------------


def test_board_withholds_publication_with_a_woo_ground(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ingelogd(client, wereld.bestuur)
    ongewijzigd = Ongewijzigd(verzoek)

    response = client.post(_url(verzoek, "openbaarheid"), {"woo-grond": "", "woo-toelichting": ""})

    assert response.status_code == 400
    assert (
        _veldfout(response, "id_woo-grond") == "Kies een weigeringsgrond uit de Wet open overheid."
    )
    response = client.post(
        _url(verzoek, "openbaarheid"), {"woo-grond": "6.1", "woo-toelichting": "x"}
    )
    assert response.status_code == 400
    assert _veldfout(response, "id_woo-grond") == "Kies een weigeringsgrond uit de lijst."
    response = client.post(
        _url(verzoek, "openbaarheid"),
        {"woo-grond": WooGrond.PERSOONLIJKE_LEVENSSFEER, "woo-toelichting": " "},
    )
    assert response.status_code == 400
    assert _veldfout(response, "id_woo-toelichting") == (
        "Leg uit waarom deze grond hier openbaarmaking verhindert."
    )
    ongewijzigd.check()

    response = client.post(
        _url(verzoek, "openbaarheid"),
        {
            "woo-grond": WooGrond.PERSOONLIJKE_LEVENSSFEER,
            "woo-toelichting": "De casus is tot de persoon te herleiden.",
        },
    )

    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert not verzoek.openbaar
    assert verzoek.woo_grond == WooGrond.PERSOONLIJKE_LEVENSSFEER
    html = _html(client.get(_url(verzoek)))
    assert "art. 5.1 lid 2 onder e Woo: eerbiediging van de persoonlijke levenssfeer" in html
    assert "form-woo" not in html


def test_the_requester_cannot_withhold_publication(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    ongewijzigd = Ongewijzigd(verzoek)
    ingelogd(client, wereld.medewerker)
    response = client.post(
        _url(verzoek, "openbaarheid"),
        {"woo-grond": WooGrond.PERSOONLIJKE_LEVENSSFEER, "woo-toelichting": "Liever niet."},
    )
    assert response.status_code == 403
    ongewijzigd.check()


def test_a_second_board_member_of_the_recipient_may_answer(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    """The role answers, not only the person the request happened to reach first."""
    verzoek = maak_verzoek()
    collega = persoon_met_rol(Rol.BESTUUR, wereld.uitvoerder, username="bestuur2")
    ingelogd(client, collega)
    assert client.post(_url(verzoek, "pas-toe"), PAS_TOE).status_code == 302

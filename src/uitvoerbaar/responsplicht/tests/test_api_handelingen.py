"""The response duty API, moves: each one for the right person, and each refusal (anonymous,
other organisation, wrong side, closed request, bad input) changes nothing: no answer, no
audit event, the same state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import services
from uitvoerbaar.responsplicht.constants import Controlestatus
from uitvoerbaar.responsplicht.models import Controle, Reactie, Reactieverzoek

from .conftest import Ongewijzigd, Wereld, events_van

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
MAANDAG = dt.date(2027, 3, 1)
Maak = Callable[..., Reactieverzoek]

PAS_TOE = {
    "maatregel": "Wij stoppen de automatische terugvordering onder 50 euro.",
    "eigenaar": "Directie Uitvoering",
    "datum": "2027-04-01",
}
LEG_UIT = {
    "redenen": "De wet schrijft terugvordering voor; daar kunnen wij niet van afwijken.",
    "beginselen": ["abbb-evenredigheid"],
    "antwoorden": ["Dat zien wij; wij bieden een betalingsregeling.", "Die ruimte is er niet."],
}


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def _pad(verzoek: Reactieverzoek, handeling: str) -> str:
    return f"/api/v1/reactieverzoeken/{verzoek.pk}/{handeling}"


def _post(user: Gebruiker, pad: str, data: Any = None) -> Any:
    return ingelogd(Client(), user).post(pad, data, content_type="application/json")


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


def _fouten(body: dict[str, Any]) -> dict[str, str]:
    return {e["field"]: e["message"] for e in body["errors"]}


# --- answering ---


def test_pas_toe_by_the_board_answers_and_plans_a_check(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    response = _post(wereld.bestuur, _pad(verzoek, "pas-toe"), PAS_TOE)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "beantwoord"
    (reactie,) = data["reacties"]
    assert (reactie["soort"], reactie["maatregel"], reactie["eigenaar"], reactie["datum"]) == (
        "pas_toe",
        PAS_TOE["maatregel"],
        "Directie Uitvoering",
        "2027-04-01",
    )
    assert reactie["controle"]["status"] == "gepland"
    assert reactie["controle"]["datum"] == "2027-04-01"
    assert events_van(verzoek)[-1] == "reactieverzoek.beantwoorden"
    assert data["tijdlijn"][-1]["omschrijving"] == "Beantwoord met pas toe"


def test_leg_uit_by_the_board_records_principles_and_replies(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    response = _post(wereld.bestuur, _pad(verzoek, "leg-uit"), LEG_UIT)
    assert response.status_code == 200, response.content
    (reactie,) = response.json()["reacties"]
    assert reactie["soort"] == "leg_uit"
    assert reactie["beginselen"] == ["abbb-evenredigheid"]
    assert reactie["antwoorden"] == LEG_UIT["antwoorden"]
    assert list(Reactie.objects.get().beginselen.values_list("code", flat=True)) == [
        "abbb-evenredigheid"
    ]


@pytest.mark.parametrize(
    ("beginselen", "melding"),
    [
        ([], "Noem ten minste één beginsel dat u hebt gewogen."),
        (None, "Noem ten minste één beginsel dat u hebt gewogen."),
        (["bestaat-niet"], "Er is geen beginsel met de code bestaat-niet."),
        ("abbb-evenredigheid", "Geef de beginselen als een lijst van codes."),
    ],
)
def test_leg_uit_without_a_known_principle_is_400_on_beginselen(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, beginselen: Any, melding: str
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    data = {k: v for k, v in LEG_UIT.items() if k != "beginselen"}
    if beginselen is not None:
        data["beginselen"] = beginselen
    body = problem(_post(wereld.bestuur, _pad(verzoek, "leg-uit"), data), 400)
    assert _fouten(body) == {"beginselen": melding}
    voor.check()


def test_leg_uit_with_a_missing_reply_and_blank_reasons_names_each_field(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    data = {**LEG_UIT, "redenen": "  ", "antwoorden": ["Alleen het eerste."]}
    body = problem(_post(wereld.bestuur, _pad(verzoek, "leg-uit"), data), 400)
    assert _fouten(body) == {
        "redenen": "Leg uit waarom u het verzoek niet volgt.",
        "antwoorden": "Geef antwoord op elk argument van de vrager (nog open: 2).",
    }
    voor.check()


def test_pas_toe_with_a_date_in_the_past_is_400(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    body = problem(
        _post(wereld.bestuur, _pad(verzoek, "pas-toe"), {**PAS_TOE, "datum": "2027-02-01"}), 400
    )
    assert _fouten(body) == {"datum": "De datum van uitvoering kan niet in het verleden liggen."}
    voor.check()


def test_requester_cannot_answer(wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    for handeling, data in (("pas-toe", PAS_TOE), ("leg-uit", LEG_UIT)):
        body = problem(_post(wereld.medewerker, _pad(verzoek, handeling), data), 403)
        assert body["title"] == "Geen toegang"
        assert body["detail"] == "U hebt geen toegang tot deze gegevens of handeling."
    voor.check()


def test_answering_a_closed_request_is_409(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    services.withdraw(verzoek=verzoek, door=wereld.medewerker, reden="Niet meer nodig.")
    voor = Ongewijzigd(verzoek)
    body = problem(_post(wereld.bestuur, _pad(verzoek, "pas-toe"), PAS_TOE), 409)
    assert body["title"] == "Dit kan nu niet"
    assert body["detail"] == "U kunt dit verzoek nu niet beantwoorden: het is ingetrokken."
    voor.check()


def test_answering_twice_is_409(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    assert _post(wereld.bestuur, _pad(verzoek, "pas-toe"), PAS_TOE).status_code == 200
    voor = Ongewijzigd(verzoek)
    body = problem(_post(wereld.bestuur, _pad(verzoek, "pas-toe"), PAS_TOE), 409)
    assert body["detail"] == "U kunt dit verzoek nu niet beantwoorden: het is beantwoord."
    voor.check()


# --- the requester's judgement ---


def test_requester_accepts(wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel) -> None:
    verzoek = maak_verzoek()
    _post(wereld.bestuur, _pad(verzoek, "leg-uit"), LEG_UIT)
    response = _post(wereld.medewerker, _pad(verzoek, "aanvaarden"))
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "geaccepteerd"
    assert data["reacties"][0]["aanvaard"] is True
    assert data["mogelijke_handelingen"] == []


def test_responsible_cannot_accept(wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel) -> None:
    verzoek = maak_verzoek()
    _post(wereld.bestuur, _pad(verzoek, "leg-uit"), LEG_UIT)
    voor = Ongewijzigd(verzoek)
    problem(_post(wereld.bestuur, _pad(verzoek, "aanvaarden")), 403)
    problem(_post(wereld.bestuur, _pad(verzoek, "onvoldoende"), {"reden": "Zelf niet blij."}), 403)
    voor.check()


def test_accepting_an_open_request_is_409(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    body = problem(_post(wereld.medewerker, _pad(verzoek, "aanvaarden")), 409)
    assert body["detail"] == "U kunt dit verzoek nu niet antwoord aanvaarden: het is open."
    voor.check()


def test_onvoldoende_escalates_once_and_a_second_time_is_400(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _post(wereld.bestuur, _pad(verzoek, "leg-uit"), LEG_UIT)
    response = _post(
        wereld.medewerker, _pad(verzoek, "onvoldoende"), {"reden": "Er is wel ruimte."}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["status"], data["niveau"]) == ("geescaleerd", 1)
    assert data["reacties"][0]["onvoldoende_reden"] == "Er is wel ruimte."
    assert data["onvoldoende_gemeld"] is True
    # The next level answers; the requester may not call it insufficient again.
    assert _post(wereld.top, _pad(verzoek, "leg-uit"), LEG_UIT).status_code == 200
    voor = Ongewijzigd(verzoek)
    body = problem(
        _post(wereld.medewerker, _pad(verzoek, "onvoldoende"), {"reden": "Nog steeds niet."}),
        400,
    )
    assert _fouten(body) == {
        "": "U hebt al eens een antwoord op dit verzoek onvoldoende genoemd. Dat kan één keer."
    }
    voor.check()


def test_onvoldoende_without_reason_is_400(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _post(wereld.bestuur, _pad(verzoek, "leg-uit"), LEG_UIT)
    voor = Ongewijzigd(verzoek)
    body = problem(_post(wereld.medewerker, _pad(verzoek, "onvoldoende"), {"reden": ""}), 400)
    assert _fouten(body) == {"reden": "Leg uit waarom het antwoord onvoldoende is."}
    body = problem(_post(wereld.medewerker, _pad(verzoek, "onvoldoende"), {}), 400)
    assert _fouten(body) == {"reden": "Leg uit waarom het antwoord onvoldoende is."}
    voor.check()


def test_requester_withdraws_and_the_board_cannot(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    problem(_post(wereld.bestuur, _pad(verzoek, "intrekken"), {"reden": "Weg ermee."}), 403)
    voor.check()
    response = _post(wereld.medewerker, _pad(verzoek, "intrekken"), {"reden": "Opgelost."})
    assert response.status_code == 200
    assert response.json()["status"] == "ingetrokken"


# --- the clock ---


def test_suspend_and_resume(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    response = _post(wereld.bestuur, _pad(verzoek, "opschorten"), {"reden": "Wij wachten op SZW."})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "opgeschort"
    assert data["opschortingsreden"] == "Wij wachten op SZW."
    assert data["mogelijke_handelingen"] == ["hervatten", "openbaarheid-weigeren"]
    response = _post(wereld.bestuur, _pad(verzoek, "hervatten"))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "open"


def test_suspend_without_reason_and_resume_when_running_are_refused(
    wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    body = problem(_post(wereld.bestuur, _pad(verzoek, "opschorten"), {"reden": " "}), 400)
    assert _fouten(body) == {"reden": "Geef de reden van de opschorting."}
    body = problem(_post(wereld.bestuur, _pad(verzoek, "hervatten")), 409)
    assert body["detail"] == "U kunt dit verzoek nu niet hervatten: het is open."
    problem(_post(wereld.medewerker, _pad(verzoek, "opschorten"), {"reden": "Ik wil."}), 403)
    voor.check()


def test_extend_within_the_maximum_once(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    response = _post(
        wereld.bestuur, _pad(verzoek, "verlengen"), {"dagen": 3, "reden": "Advies nodig."}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["verlengd"] is True
    assert data["uiterste_datum"] > "2027-03-08"
    voor = Ongewijzigd(verzoek)
    body = problem(
        _post(wereld.bestuur, _pad(verzoek, "verlengen"), {"dagen": 1, "reden": "Nog even."}),
        400,
    )
    assert _fouten(body) == {"": "Dit verzoek is al eens verlengd. Verlengen kan één keer."}
    voor.check()


def test_extension_beyond_the_maximum_is_400_on_dagen(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    body = problem(
        _post(wereld.bestuur, _pad(verzoek, "verlengen"), {"dagen": 6, "reden": "Meer tijd."}),
        400,
    )
    assert _fouten(body) == {"dagen": "Verleng met 1 tot en met 5 dagen."}
    voor.check()


# --- publication ---


def test_board_withholds_publication_on_a_woo_ground(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    data = {"grond": "5.1.2.e", "toelichting": "De casus is tot één persoon te herleiden."}
    voor = Ongewijzigd(verzoek)
    problem(_post(wereld.medewerker, _pad(verzoek, "openbaarheid-weigeren"), data), 403)
    body = problem(
        _post(wereld.bestuur, _pad(verzoek, "openbaarheid-weigeren"), {**data, "grond": "5.9"}),
        400,
    )
    assert _fouten(body) == {"grond": "Kies een weigeringsgrond uit de Wet open overheid."}
    voor.check()
    response = _post(wereld.bestuur, _pad(verzoek, "openbaarheid-weigeren"), data)
    assert response.status_code == 200, response.content
    result = response.json()
    assert (result["openbaar"], result["woo_grond"]) == (False, "5.1.2.e")
    assert result["tijdlijn"][-1]["omschrijving"] == (
        "Openbaarmaking geweigerd op grond van art. 5.1 lid 2 onder e Woo: eerbiediging van de "
        "persoonlijke levenssfeer"
    )


def test_board_outside_the_ladder_may_withhold_but_not_read_the_request(
    client: Client, wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek(ontvanger_rol=Rol.BEHANDELAAR)
    ingelogd(client, wereld.bestuur)
    problem(client.get(f"/api/v1/reactieverzoeken/{verzoek.pk}"), 404)
    problem(client.post(_pad(verzoek, "pas-toe"), PAS_TOE, content_type="application/json"), 404)
    data = {"grond": "5.2", "toelichting": "Persoonlijke beleidsopvattingen in intern beraad."}
    response = client.post(
        _pad(verzoek, "openbaarheid-weigeren"), data, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["openbaar"] is False


# --- follow-up checks ---


def _pas_toe_vandaag(wereld: Wereld, maak_verzoek: Maak) -> Controle:
    verzoek = maak_verzoek()
    _post(wereld.bestuur, _pad(verzoek, "pas-toe"), {**PAS_TOE, "datum": "2027-03-01"})
    return Controle.objects.get(reactie__verzoek=verzoek)


def test_controle_is_recorded_by_those_concerned(wereld: Wereld, maak_verzoek: Maak) -> None:
    controle = _pas_toe_vandaag(wereld, maak_verzoek)
    pad = f"/api/v1/controles/{controle.pk}"
    body = problem(_post(wereld.bestuur, pad, {"uitgevoerd": False}), 400)
    assert _fouten(body) == {"toelichting": "Leg uit wat er niet is uitgevoerd."}
    response = _post(wereld.medewerker, pad, {"uitgevoerd": True, "toelichting": "Gezien."})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "uitgevoerd"
    controle.refresh_from_db()
    assert controle.status == Controlestatus.UITGEVOERD
    body = problem(_post(wereld.bestuur, pad, {"uitgevoerd": True}), 400)
    assert _fouten(body) == {"": "Deze controle is al vastgesteld."}


def test_controle_of_another_organisation_is_404(wereld: Wereld, maak_verzoek: Maak) -> None:
    controle = _pas_toe_vandaag(wereld, maak_verzoek)
    body = problem(
        _post(wereld.bestuur_andere, f"/api/v1/controles/{controle.pk}", {"uitgevoerd": True}),
        404,
    )
    assert body["detail"] == "Deze controle bestaat niet, of u hebt er geen toegang toe."
    problem(_post(wereld.bestuur, "/api/v1/controles/999999", {"uitgevoerd": True}), 404)
    controle.refresh_from_db()
    assert controle.status == Controlestatus.GEPLAND


def test_controle_before_its_date_is_400(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    _post(wereld.bestuur, _pad(verzoek, "pas-toe"), PAS_TOE)
    controle = Controle.objects.get()
    body = problem(
        _post(wereld.bestuur, f"/api/v1/controles/{controle.pk}", {"uitgevoerd": True}), 400
    )
    assert _fouten(body) == {
        "": "De maatregel is toegezegd voor 2027-04-01; controleer vanaf die datum."
    }


# --- refusals common to every move ---

HANDELINGEN: list[tuple[str, dict[str, Any] | None]] = [
    ("pas-toe", PAS_TOE),
    ("leg-uit", LEG_UIT),
    ("aanvaarden", None),
    ("onvoldoende", {"reden": "Onvoldoende."}),
    ("opschorten", {"reden": "Even wachten."}),
    ("hervatten", None),
    ("verlengen", {"dagen": 2, "reden": "Meer tijd."}),
    ("intrekken", {"reden": "Niet meer nodig."}),
    ("openbaarheid-weigeren", {"grond": "5.2", "toelichting": "Intern beraad."}),
]


@pytest.mark.parametrize(("handeling", "data"), HANDELINGEN)
def test_every_move_refuses_anonymous(
    client: Client, maak_verzoek: Maak, beginsel: Beginsel, handeling: str, data: Any
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    response = client.post(_pad(verzoek, handeling), data or {}, content_type="application/json")
    assert response.status_code in {401, 403}
    assert problem(response, response.status_code)["title"] == "Niet ingelogd"
    voor.check()


@pytest.mark.parametrize(("handeling", "data"), HANDELINGEN)
def test_every_move_is_404_for_another_organisation(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, handeling: str, data: Any
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    body = problem(_post(wereld.bestuur_andere, _pad(verzoek, handeling), data or {}), 404)
    assert body["detail"] == "Dit verzoek bestaat niet, of u hebt er geen toegang toe."
    voor.check()


@pytest.mark.parametrize(("handeling", "data"), HANDELINGEN)
def test_every_move_refuses_unknown_fields(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, handeling: str, data: Any
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    wie = (
        wereld.medewerker
        if handeling in {"aanvaarden", "onvoldoende", "intrekken"}
        else (wereld.bestuur)
    )
    body = problem(_post(wie, _pad(verzoek, handeling), {**(data or {}), "spoed": True}), 400)
    assert _fouten(body) == {"spoed": "Dit veld bestaat niet. Laat het weg."}
    voor.check()


@pytest.mark.parametrize(
    ("handeling", "data", "fouten"),
    [
        (
            "pas-toe",
            {**PAS_TOE, "datum": "morgen"},
            {"datum": "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-31."},
        ),
        ("pas-toe", {**PAS_TOE, "maatregel": ["a", "b"]}, {"maatregel": "Schrijf hier een tekst."}),
        (
            "pas-toe",
            {},
            {
                "maatregel": "Beschrijf de maatregel die u neemt.",
                "eigenaar": "Noem wie de maatregel uitvoert.",
                "datum": "Noem de datum waarop de maatregel is uitgevoerd.",
            },
        ),
        (
            "leg-uit",
            {**LEG_UIT, "antwoorden": "ja"},
            {"antwoorden": "Geef de antwoorden als een lijst van teksten, één per argument."},
        ),
        (
            "leg-uit",
            {**LEG_UIT, "beginselen": [{"code": 1}]},
            {"beginselen": "Geef de code van een beginsel."},
        ),
        (
            "verlengen",
            {"dagen": "veel", "reden": "x"},
            {"dagen": "Het aantal dagen is een geheel getal."},
        ),
        (
            "verlengen",
            {"dagen": 2.5, "reden": "x"},
            {"dagen": "Het aantal dagen is een geheel getal."},
        ),
        ("opschorten", ["reden"], {"": "Stuur de invoer als een JSON-object met velden."}),
        ("opschorten", '"reden"', {"": "Stuur de invoer als een JSON-object met velden."}),
    ],
)
def test_wrong_types_are_400_with_a_dutch_message_per_field(
    wereld: Wereld,
    maak_verzoek: Maak,
    beginsel: Beginsel,
    handeling: str,
    data: Any,
    fouten: dict[str, str],
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    body = problem(_post(wereld.bestuur, _pad(verzoek, handeling), data), 400)
    assert body["title"] == "Ongeldige invoer"
    assert _fouten(body) == fouten
    voor.check()


def test_controle_with_wrong_type_is_400(wereld: Wereld, maak_verzoek: Maak) -> None:
    controle = _pas_toe_vandaag(wereld, maak_verzoek)
    body = problem(
        _post(wereld.bestuur, f"/api/v1/controles/{controle.pk}", {"uitgevoerd": "misschien"}), 400
    )
    assert _fouten(body) == {"uitgevoerd": "Geef aan of de maatregel is uitgevoerd: true of false."}
    controle.refresh_from_db()
    assert controle.status == Controlestatus.GEPLAND


def test_moves_take_json_only(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    response = ingelogd(Client(), wereld.bestuur).post(
        _pad(verzoek, "opschorten"), {"reden": "Formulier."}
    )
    assert problem(response, 415)["title"] == "Formaat van de invoer niet ondersteund"
    voor.check()


def test_a_null_body_is_400_in_dutch(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    response = ingelogd(Client(), wereld.bestuur).generic(
        "POST", _pad(verzoek, "opschorten"), "null", content_type="application/json"
    )
    assert _fouten(problem(response, 400)) == {
        "": "Stuur de invoer als een JSON-object met velden."
    }
    voor.check()

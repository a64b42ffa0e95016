"""The signalen API: intake through the three channels, the handlers' list and detail, the
moves, the reporter's follow-up with an account or with the receipt code alone, and every
refusal (no login, wrong role, other organisation, bad input, forbidden file, wrong code,
too many wrong codes), each of which changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.kennisbank.tests.factories import ArtikelFactory, RegelingFactory
from uitvoerbaar.signalen import beperking, services
from uitvoerbaar.signalen.constants import Status
from uitvoerbaar.signalen.models import Bericht, Bijlage, Onthulling, Signaal

from .conftest import Wereld

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
LIJST = "/api/v1/signalen"
MIJN = "/api/v1/signalen/mijn"
CODE = "/api/v1/signalen/ontvangstcode"
CODE_AANVULLEN = "/api/v1/signalen/ontvangstcode/aanvullingen"
Meld = Callable[..., services.Melding]

SIGNAAL = {
    "organisatie": "tu",
    "titel": "Terugvordering kinderopvangtoeslag bij kleine fout",
    "tekst": "Een gezin moet alles terugbetalen door een fout van twee euro.",
}


@pytest.fixture(autouse=True)
def _lege_cache() -> Iterator[None]:
    # The receipt-code limiter counts in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


def _client(user: Gebruiker | None = None, adres: str = "192.0.2.1") -> Client:
    if user is None:
        # Without a login there is no CSRF token to send, and none is needed: the anonymous
        # channel must work for a plain HTTP client.
        return Client(enforce_csrf_checks=True, REMOTE_ADDR=adres)
    return ingelogd(Client(REMOTE_ADDR=adres), user)


def _post(client: Client, pad: str, data: Any = None) -> Any:
    return client.post(pad, data, content_type="application/json")


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


def _fouten(body: dict[str, Any]) -> dict[str, str]:
    return {e["field"]: e["message"] for e in body["errors"]}


def _ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [r["id"] for r in response.json()["results"]]


def _detail(signaal: Signaal, handeling: str = "") -> str:
    return f"{LIJST}/{signaal.pk}" + (f"/{handeling}" if handeling else "")


# --- intake ----------------------------------------------------------------------------------


def test_anonymous_intake_works_without_login_and_shows_the_code_once(wereld: Wereld) -> None:
    response = _post(_client(), LIJST, {**SIGNAAL, "kanaal": "anoniem", "urgentie": "hoog"})
    assert response.status_code == 201, response.content
    assert response["Cache-Control"] == "no-store"
    data = response.json()
    code = data["ontvangstcode"]
    assert len(code) == 16 and code.isdigit()
    assert (data["kanaal"], data["status"], data["urgentie"]) == ("anoniem", "ontvangen", "hoog")
    assert "id" not in data and "url" not in data
    assert [t["status"] for t in data["termijnen"]] == ["open"]
    signaal = Signaal.objects.get()
    assert signaal.melder is None and signaal.melder_kenmerk == ""
    assert code not in str(signaal.__dict__)
    # With the code alone the reporter reads it back; the code itself is never shown again.
    terug = _post(_client(), CODE, {"ontvangstcode": f"{code[:4]} {code[4:8]}-{code[8:]}"})
    assert terug.status_code == 200, terug.content
    assert terug["Cache-Control"] == "no-store"
    assert terug.json()["kenmerk"] == signaal.kenmerk
    assert "ontvangstcode" not in terug.json()


def test_named_intake_with_regulation_article_principles_and_perspectives(
    wereld: Wereld,
) -> None:
    artikel = ArtikelFactory.create(
        regeling=RegelingFactory.create(code="wet-kinderopvang"), nummer="26"
    )
    data = {
        **SIGNAAL,
        "kanaal": "benoemd",
        "regeling": "wet-kinderopvang",
        "artikel": "26",
        "beginselen": ["abbb-evenredigheid"],
        "voorstel": "Een drempel van vijftig euro.",
        "eenheid": wereld.eenheid.pk,
        "perspectieven": {"burger_oordeel": "zorgen", "burger_toelichting": "Gezinnen in nood."},
    }
    response = _post(_client(wereld.medewerker), LIJST, data)
    assert response.status_code == 201, response.content
    body = response.json()
    signaal = Signaal.objects.get()
    assert response["Location"] == body["url"] and body["url"].endswith(f"{MIJN}/{signaal.pk}")
    assert "ontvangstcode" not in body
    assert (body["kanaal"], body["regeling"], body["artikel"]) == (
        "benoemd",
        "wet-kinderopvang",
        "26",
    )
    assert signaal.artikel == artikel and signaal.melder == wereld.medewerker
    assert signaal.eenheid == wereld.eenheid
    assert list(signaal.beginselen.values_list("code", flat=True)) == ["abbb-evenredigheid"]
    assert signaal.perspectieven is not None
    assert signaal.perspectieven.burger_oordeel == "zorgen"
    detail = _client(wereld.behandelaar).get(_detail(signaal)).json()
    assert detail["melder"] == {"gebruikersnaam": "medewerker", "naam": str(wereld.medewerker)}
    assert detail["beginselen"] == ["abbb-evenredigheid"]
    assert detail["perspectieven"]["burger_oordeel"] == "zorgen"


def test_confidential_intake_by_api_keeps_the_reporter_out_of_every_handler_view(
    wereld: Wereld,
) -> None:
    response = _post(_client(wereld.klokkenluider), LIJST, {**SIGNAAL, "kanaal": "vertrouwelijk"})
    assert response.status_code == 201, response.content
    assert "Zwaluwstaart" not in response.content.decode()
    signaal = Signaal.objects.get()
    for user in (wereld.behandelaar, wereld.bestuur):
        lijst = _client(user).get(LIJST)
        detail = _client(user).get(_detail(signaal))
        assert detail.json()["kanaal"] == "vertrouwelijk"
        assert detail.json()["melder"] is None
        assert lijst.json()["results"][0]["melder"] is None
        for r in (lijst, detail):
            assert "Zwaluwstaart" not in r.content.decode()
            assert "klokkenluider" not in r.content.decode()


def test_named_and_confidential_intake_need_a_login(wereld: Wereld) -> None:
    for kanaal in ("benoemd", "vertrouwelijk"):
        body = problem(_post(_client(), LIJST, {**SIGNAAL, "kanaal": kanaal}), 403)
        assert body["detail"] == "Log in om met naam of vertrouwelijk te melden."
    assert not Signaal.objects.exists()


def test_intake_at_an_organisation_where_one_does_not_work_is_refused(wereld: Wereld) -> None:
    data = {**SIGNAAL, "organisatie": "au", "kanaal": "benoemd"}
    body = problem(_post(_client(wereld.medewerker), LIJST, data), 400)
    assert _fouten(body) == {
        "organisatie": "U kunt alleen melden bij een organisatie waar u werkt."
    }
    assert not Signaal.objects.exists()


@pytest.mark.parametrize(
    ("wijziging", "fouten"),
    [
        (
            {"kanaal": "per-duif", "organisatie": "bestaat-niet", "kleur": "rood"},
            {
                "kanaal": "Kies hoe u wilt melden: met naam, vertrouwelijk of anoniem.",
                "organisatie": "Er is geen organisatie met de korte naam bestaat-niet.",
                "kleur": "Dit veld bestaat niet. Laat het weg.",
            },
        ),
        (
            {"regeling": "onbekend", "beginselen": ["geen-beginsel"], "urgentie": "morgen"},
            {
                "regeling": "Er is geen regeling met de code onbekend (zie /regelingen).",
                "beginselen": "Er is geen beginsel met de code geen-beginsel.",
                "urgentie": "Kies de urgentie: normaal, hoog of spoed.",
            },
        ),
        ({"artikel": "12"}, {"regeling": "Kies ook de regeling waar dit artikel bij hoort."}),
        (
            {"titel": " ", "tekst": ""},
            {"titel": "Geef het signaal een korte titel.", "tekst": "Beschrijf wat er is gebeurd."},
        ),
        (
            {"tekst": "x" * 10_001},
            {"tekst": "Maak deze tekst korter: hoogstens 10000 tekens (nu 10001)."},
        ),
        (
            {"perspectieven": {"juridisch_oordeel": "zorgen"}},
            {"perspectieven.juridisch_toelichting": None},
        ),
        (
            {"perspectieven": {"juridisch_oordeel": "prima"}},
            {
                "perspectieven.juridisch_oordeel": (
                    "Kies een oordeel: niet_beoordeeld, geen_zorgen, zorgen of ernstige_zorgen."
                )
            },
        ),
    ],
)
def test_bad_input_gets_a_dutch_message_per_field_and_changes_nothing(
    wereld: Wereld, wijziging: dict[str, Any], fouten: dict[str, str | None]
) -> None:
    data = {**SIGNAAL, "kanaal": "anoniem", **wijziging}
    body = problem(_post(_client(), LIJST, data), 400)
    gekregen = _fouten(body)
    assert set(gekregen) == set(fouten)
    for veld, melding in fouten.items():
        if melding is not None:
            assert gekregen[veld] == melding
        else:
            assert gekregen[veld]  # the kennisbank's own message
    assert not Signaal.objects.exists()
    assert not AuditEvent.objects.filter(event="signaal.gemeld").exists()


def test_an_article_of_another_regulation_is_named(wereld: Wereld) -> None:
    RegelingFactory.create(code="wet-a", naam="Wet A")
    ArtikelFactory.create(regeling=RegelingFactory.create(code="wet-b"), nummer="3")
    data = {**SIGNAAL, "kanaal": "anoniem", "regeling": "wet-a", "artikel": "3"}
    body = problem(_post(_client(), LIJST, data), 400)
    assert _fouten(body) == {"artikel": "Wet A heeft geen artikel 3."}


def test_citizen_data_must_be_confirmed_and_is_then_accepted(wereld: Wereld) -> None:
    data = {**SIGNAAL, "kanaal": "anoniem", "tekst": "Mevrouw met BSN 111222333 kreeg een boete."}
    body = problem(_post(_client(), LIJST, data), 400)
    assert "burgerservicenummer" in _fouten(body)["tekst"]
    assert not Signaal.objects.exists()
    response = _post(_client(), LIJST, {**data, "persoonsgegevens_bevestigd": True})
    assert response.status_code == 201, response.content
    assert Signaal.objects.get().persoonsgegevens == ["bsn"]


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("script.exe", b"MZ\x90\x00", "script.exe: dit soort bestand kunt u niet meesturen."),
        ("nep.pdf", b"not a pdf", "nep.pdf is geen echt pdf-bestand."),
    ],
)
def test_forbidden_file_types_are_refused(
    wereld: Wereld, naam: str, inhoud: bytes, melding: str
) -> None:
    data = {**SIGNAAL, "kanaal": "anoniem", "bijlagen": SimpleUploadedFile(naam, inhoud)}
    body = problem(_client().post(LIJST, data), 400)
    assert _fouten(body)["bijlagen"].startswith(melding)
    assert not Signaal.objects.exists() and not Bijlage.objects.exists()


def test_attachments_and_principles_come_along_as_multipart(wereld: Wereld) -> None:
    data = {
        **SIGNAAL,
        "kanaal": "anoniem",
        "beginselen": ["abbb-evenredigheid"],
        "perspectieven.financieel_oordeel": "geen_zorgen",
        "bijlagen": [
            SimpleUploadedFile("brief.pdf", b"%PDF-1.7 brief"),
            SimpleUploadedFile("notitie.txt", b"Wat ik zag."),
        ],
    }
    response = _client().post(LIJST, data)
    assert response.status_code == 201, response.content
    assert [b["naam"] for b in response.json()["bijlagen"]] == ["brief.pdf", "notitie.txt"]
    signaal = Signaal.objects.get()
    assert signaal.bijlagen.count() == 2
    assert signaal.perspectieven is not None
    assert signaal.perspectieven.financieel_oordeel == "geen_zorgen"


def test_a_request_body_that_is_not_an_object_is_refused(wereld: Wereld) -> None:
    body = problem(_post(_client(), LIJST, []), 400)
    assert body["errors"]
    assert not Signaal.objects.exists()


# --- reading ---------------------------------------------------------------------------------


def test_the_list_is_for_the_handlers_of_the_organisation_with_filters(
    wereld: Wereld, meld: Meld
) -> None:
    regeling = RegelingFactory.create(code="participatiewet")
    a = meld(regeling=regeling).signaal
    b = meld(door=None, kanaal="anoniem", titel="Parkeervergunning te laat").signaal
    assert _ids(_client(wereld.behandelaar).get(LIJST)) == [b.pk, a.pk]
    assert _ids(_client(wereld.bestuur).get(LIJST)) == [b.pk, a.pk]
    assert _ids(_client(wereld.behandelaar_andere).get(LIJST)) == []
    assert _ids(_client(wereld.behandelaar).get(LIJST, {"kanaal": "anoniem"})) == [b.pk]
    assert _ids(_client(wereld.behandelaar).get(LIJST, {"regeling": "participatiewet"})) == [a.pk]
    assert _ids(_client(wereld.behandelaar).get(LIJST, {"status": "afgesloten"})) == []
    body = problem(_client(wereld.behandelaar).get(LIJST, {"status": "weg"}), 400)
    assert _fouten(body) == {"status": "Kies een status uit de lijst."}
    # Wrong role: a professional without a handling role, and nobody logged in.
    problem(_client(wereld.medewerker).get(LIJST), 403)
    problem(_client().get(LIJST), 403)


def test_the_list_shows_a_named_reporter_but_never_a_confidential_one(
    wereld: Wereld, meld: Meld, vertrouwelijk: Signaal
) -> None:
    benoemd = meld().signaal
    rijen = {r["id"]: r for r in _client(wereld.bestuur).get(LIJST).json()["results"]}
    assert rijen[benoemd.pk]["melder"]["gebruikersnaam"] == "medewerker"
    assert rijen[vertrouwelijk.pk]["kanaal"] == "vertrouwelijk"
    assert rijen[vertrouwelijk.pk]["melder"] is None


def test_detail_is_404_for_another_organisation_and_403_for_a_wrong_role(
    wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    body = problem(_client(wereld.behandelaar_andere).get(_detail(signaal)), 404)
    assert body["detail"] == "Dit bestaat niet, of u hebt er geen toegang toe."
    problem(_client(wereld.behandelaar_andere).get(_detail(signaal, "gelijkend")), 404)
    problem(_client(wereld.medewerker).get(_detail(signaal)), 403)
    problem(_client(wereld.behandelaar).get(f"{LIJST}/999999"), 404)


def test_detail_for_the_board_records_the_first_reading(wereld: Wereld, meld: Meld) -> None:
    signaal = meld().signaal
    response = _client(wereld.bestuur).get(_detail(signaal))
    assert response.status_code == 200, response.content
    assert response.json()["mogelijke_handelingen"] == []  # the board reads, handlers handle
    signaal.refresh_from_db()
    assert signaal.eerst_gelezen_door_bestuur_op is not None
    data = _client(wereld.behandelaar).get(_detail(signaal)).json()
    assert data["mogelijke_handelingen"] == ["in-behandeling"]
    assert data["ontvangstbevestiging"]["status"] == "open"
    assert data["ontvangstbevestiging"]["url"].endswith(
        f"/api/v1/reactieverzoeken/{signaal.ontvangstbevestiging_id}"
    )


def test_similar_signals_for_the_handler(wereld: Wereld, meld: Meld) -> None:
    a = meld(titel="Terugvordering toeslag bij kleine fouten").signaal
    meld(titel="Parkeervergunning te laat verleend", tekst="De vergunning kwam na een jaar.")
    b = meld(titel="Kleine fout leidt tot terugvordering van toeslagen").signaal
    response = _client(wereld.behandelaar).get(_detail(b, "gelijkend"))
    assert response.status_code == 200, response.content
    assert [r["id"] for r in response.json()][:1] == [a.pk]
    assert b.pk not in [r["id"] for r in response.json()]


# --- handling --------------------------------------------------------------------------------


def test_the_whole_handling_through_the_api(wereld: Wereld, meld: Meld) -> None:
    signaal = meld().signaal
    handler = _client(wereld.behandelaar)
    response = _post(handler, _detail(signaal, "in-behandeling"), {})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "in_behandeling"
    assert data["ontvangstbevestiging"]["status"] == "beantwoord"
    assert data["terugkoppeling"]["status"] == "open"
    assert data["mogelijke_handelingen"] == ["berichten", "afsluiten"]

    response = _post(
        handler, _detail(signaal, "berichten"), {"tekst": "Welke regeling?", "vraag": True}
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "vraag_aan_melder"
    bericht = response.json()["berichten"][-1]
    assert (bericht["afzender"], bericht["vraag"], bericht["auteur"]) == (
        "behandelaar",
        True,
        str(wereld.behandelaar),
    )

    # The reporter answers through their own signals.
    melder = _client(wereld.medewerker)
    eigen = melder.get(f"{MIJN}/{signaal.pk}").json()
    assert eigen["wacht_op_u"] is True
    assert "auteur" not in eigen["berichten"][-1]
    response = _post(melder, f"{MIJN}/{signaal.pk}/aanvullingen", {"tekst": "De Wet kinderopvang."})
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "in_behandeling"

    body = problem(_post(handler, _detail(signaal, "afsluiten"), {"toelichting": "Klaar."}), 400)
    assert _fouten(body) == {"uitkomst": "Kies de uitkomst: waarom sluit u dit signaal af?"}
    response = _post(
        handler,
        _detail(signaal, "afsluiten"),
        {"uitkomst": "maatregel", "toelichting": "De drempel is verhoogd."},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["status"], data["uitkomst"]) == ("afgesloten", "maatregel")
    assert data["terugkoppeling"]["status"] == "beantwoord"

    body = problem(
        _post(
            handler,
            _detail(signaal, "afsluiten"),
            {"uitkomst": "maatregel", "toelichting": "Nog eens."},
        ),
        409,
    )
    assert body["detail"] == "U kunt dit signaal nu niet afsluiten: het is afgesloten."
    body = problem(_post(melder, f"{MIJN}/{signaal.pk}/aanvullingen", {"tekst": "Nog iets."}), 409)

    response = _post(handler, _detail(signaal, "heropenen"), {"reden": "Het speelt weer."})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_behandeling"


@pytest.mark.parametrize(
    ("handeling", "data"),
    [
        ("in-behandeling", {}),
        ("berichten", {"tekst": "Hallo"}),
        ("afsluiten", {"uitkomst": "uitleg", "toelichting": "Zo werkt de regel."}),
        ("heropenen", {"reden": "Opnieuw."}),
        ("onthullingen", {"reden": "Nodig."}),
    ],
)
def test_moves_are_refused_to_the_wrong_role_another_organisation_and_anonymous(
    wereld: Wereld, vertrouwelijk: Signaal, handeling: str, data: dict[str, Any]
) -> None:
    pad = _detail(vertrouwelijk, handeling)
    voor = (Bericht.objects.count(), AuditEvent.objects.count(), Onthulling.objects.count())
    problem(_post(_client(wereld.bestuur), pad, data), 403)  # reads, does not handle
    problem(_post(_client(wereld.vertrouwenspersoon), pad, data), 403)
    problem(_post(_client(wereld.behandelaar_andere), pad, data), 404)
    problem(_post(_client(wereld.medewerker), pad, data), 403)
    problem(_post(_client(), pad, data), 403)
    assert (Bericht.objects.count(), AuditEvent.objects.count(), Onthulling.objects.count()) == voor
    vertrouwelijk.refresh_from_db()
    assert vertrouwelijk.status == Status.ONTVANGEN


def test_bad_input_on_a_move_changes_nothing(wereld: Wereld, meld: Meld) -> None:
    signaal = meld().signaal
    handler = _client(wereld.behandelaar)
    _post(handler, _detail(signaal, "in-behandeling"), {})
    voor = (Bericht.objects.count(), AuditEvent.objects.count())
    body = problem(
        _post(handler, _detail(signaal, "berichten"), {"tekst": "", "vraag": "ja?"}), 400
    )
    assert _fouten(body) == {"vraag": "Gebruik true of false."}
    body = problem(_post(handler, _detail(signaal, "berichten"), {"tekst": "  "}), 400)
    assert _fouten(body) == {"tekst": "Schrijf een bericht."}
    body = problem(_post(handler, _detail(signaal, "heropenen"), {"reden": "x", "extra": 1}), 400)
    assert _fouten(body) == {"extra": "Dit veld bestaat niet. Laat het weg."}
    assert (Bericht.objects.count(), AuditEvent.objects.count()) == voor


def test_disclosure_is_asked_of_the_custodian_and_only_for_a_confidential_signal(
    wereld: Wereld, meld: Meld, vertrouwelijk: Signaal
) -> None:
    handler = _client(wereld.behandelaar)
    assert "onthullingen" in handler.get(_detail(vertrouwelijk)).json()["mogelijke_handelingen"]
    response = _post(
        handler, _detail(vertrouwelijk, "onthullingen"), {"reden": "Voor het onderzoek."}
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert [o["status"] for o in data["onthullingen"]] == ["gevraagd"]
    assert "onthullingen" not in data["mogelijke_handelingen"]
    assert data["identiteit_onthuld"] is False and data["melder"] is None
    assert "Zwaluwstaart" not in response.content.decode()
    body = problem(
        _post(handler, _detail(vertrouwelijk, "onthullingen"), {"reden": "Nog eens."}), 400
    )
    assert _fouten(body) == {"signaal": "Er ligt al een verzoek bij de vertrouwenspersoon."}
    benoemd = meld().signaal
    body = problem(_post(handler, _detail(benoemd, "onthullingen"), {"reden": "Waarom?"}), 400)
    assert _fouten(body) == {
        "signaal": "Alleen bij een vertrouwelijk signaal is de naam afgeschermd."
    }


# --- the reporter's own signals --------------------------------------------------------------


def test_own_signals_for_the_reporter_only(
    wereld: Wereld, meld: Meld, vertrouwelijk: Signaal
) -> None:
    eigen = meld().signaal
    assert _ids(_client(wereld.medewerker).get(MIJN)) == [eigen.pk]
    assert _ids(_client(wereld.klokkenluider).get(MIJN)) == [vertrouwelijk.pk]
    data = _client(wereld.klokkenluider).get(f"{MIJN}/{vertrouwelijk.pk}").json()
    assert (data["kanaal"], data["identiteit_onthuld"]) == ("vertrouwelijk", False)
    assert [t["naam"] for t in data["termijnen"]] == ["Ontvangstbevestiging (binnen 7 dagen)"]
    # Someone else's signal does not exist for them, not even for its handler.
    problem(_client(wereld.medewerker).get(f"{MIJN}/{vertrouwelijk.pk}"), 404)
    problem(_client(wereld.behandelaar).get(f"{MIJN}/{eigen.pk}"), 404)
    body = problem(
        _post(_client(wereld.behandelaar), f"{MIJN}/{eigen.pk}/aanvullingen", {"tekst": "x"}), 404
    )
    assert body["detail"] == "Dit bestaat niet, of u hebt er geen toegang toe."
    problem(_client().get(MIJN), 403)
    assert not Bericht.objects.filter(afzender="melder").exists()


def test_a_confidential_reporter_adds_information_without_being_named(
    wereld: Wereld, vertrouwelijk: Signaal
) -> None:
    response = _client(wereld.klokkenluider).post(
        f"{MIJN}/{vertrouwelijk.pk}/aanvullingen",
        {"tekst": "Het gebeurde weer.", "bijlagen": SimpleUploadedFile("a.txt", b"Aantekening")},
    )
    assert response.status_code == 201, response.content
    bericht = Bericht.objects.get(afzender="melder")
    assert bericht.auteur is None
    assert vertrouwelijk.bijlagen.count() == 1
    detail = _client(wereld.behandelaar).get(_detail(vertrouwelijk)).json()
    assert detail["berichten"][-1]["auteur"] is None


def test_retaliation_is_reported_confidentially_about_an_own_signal(
    wereld: Wereld, meld: Meld
) -> None:
    eerder = meld().signaal
    client = _client(wereld.medewerker)
    data = {**SIGNAAL, "kanaal": "vertrouwelijk", "soort": "benadeling", "over_signaal": eerder.pk}
    response = _post(client, LIJST, data)
    assert response.status_code == 201, response.content
    benadeling = Signaal.objects.get(soort="benadeling")
    assert benadeling.behandelrol == "vertrouwenspersoon"
    assert _ids(_client(wereld.behandelaar).get(LIJST)) == [eerder.pk]
    assert benadeling.pk in _ids(_client(wereld.vertrouwenspersoon).get(LIJST))
    andermans = meld(door=wereld.klokkenluider).signaal
    body = problem(_post(client, LIJST, {**data, "over_signaal": andermans.pk}), 400)
    assert _fouten(body) == {"over_signaal": "U hebt geen signaal met dit nummer gemeld."}


# --- the receipt code ------------------------------------------------------------------------


def test_the_anonymous_reporter_answers_a_question_with_the_code_alone(
    wereld: Wereld, meld: Meld
) -> None:
    melding = meld(door=None, kanaal="anoniem")
    signaal, code = melding.signaal, melding.ontvangstcode
    services.take_in_behandeling(signaal=signaal, door=wereld.behandelaar)
    services.send_bericht(signaal=signaal, door=wereld.behandelaar, tekst="Welke wet?", vraag=True)
    data = _post(_client(), CODE, {"ontvangstcode": code}).json()
    assert data["wacht_op_u"] is True
    assert [b["afzender"] for b in data["berichten"]] == ["behandelaar", "behandelaar"]
    assert all("auteur" not in b for b in data["berichten"])
    assert str(wereld.behandelaar) not in str(data)
    assert [t["status"] for t in data["termijnen"]] == ["beantwoord", "open"]

    response = _post(
        _client(), CODE_AANVULLEN, {"ontvangstcode": code, "tekst": "De Wet kinderopvang."}
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "in_behandeling"
    assert response["Cache-Control"] == "no-store"
    assert Bericht.objects.filter(afzender="melder", auteur=None).count() == 1
    body = problem(_post(_client(), CODE_AANVULLEN, {"ontvangstcode": code, "tekst": ""}), 400)
    assert _fouten(body) == {"tekst": "Schrijf uw aanvulling."}


@pytest.mark.parametrize("pad", [CODE, CODE_AANVULLEN])
def test_a_wrong_code_tells_nothing(wereld: Wereld, meld: Meld, pad: str) -> None:
    code = meld(door=None, kanaal="anoniem").ontvangstcode
    assert code is not None
    andere = str((int(code) + 1) % 10**16).zfill(16)
    extra = {"tekst": "Hallo"} if pad == CODE_AANVULLEN else {}
    meldingen = set()
    for fout in (andere, "1" * 16, "12", "geen cijfers", code + "0"):
        body = problem(_post(_client(), pad, {"ontvangstcode": fout, **extra}), 404)
        assert not body.get("errors")
        meldingen.add(body["detail"])
        cache.clear()
    assert meldingen == {str(beperking.MELDING_ONBEKEND)}
    assert not Bericht.objects.exists()
    body = problem(_post(_client(), pad, extra), 400)
    assert _fouten(body) == {"ontvangstcode": "Vul uw ontvangstcode in."}


@override_settings(SIGNALEN_BON_POGINGEN=3, SIGNALEN_BON_VENSTER=600)
def test_guessing_is_throttled_per_address(wereld: Wereld, meld: Meld) -> None:
    code = meld(door=None, kanaal="anoniem").ontvangstcode
    raader = _client(adres="198.51.100.7")
    for _ in range(3):
        problem(_post(raader, CODE, {"ontvangstcode": "1234567890123456"}), 404)
    # Past the limit nothing is looked up, not even the right code.
    for pad, extra in ((CODE, {}), (CODE_AANVULLEN, {"tekst": "Hallo"})):
        response = _post(raader, pad, {"ontvangstcode": code, **extra})
        body = problem(response, 429)
        assert body["detail"] == str(beperking.MELDING_TE_VEEL)
        assert response["Retry-After"] == "600"
    assert not Bericht.objects.exists()
    # Another address is not affected.
    assert _post(_client(adres="203.0.113.9"), CODE, {"ontvangstcode": code}).status_code == 200
    # A right code does not count as a wrong one.
    cache.clear()
    for _ in range(5):
        assert _post(raader, CODE, {"ontvangstcode": code}).status_code == 200


# --- query budgets ---------------------------------------------------------------------------


def _queries(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(pad).status_code == 200
    return len(queries)


def test_the_lists_take_the_same_number_of_queries_whatever_their_length(
    wereld: Wereld, meld: Meld
) -> None:
    for _ in range(2):
        meld(beginselen=[wereld.beginsel], eenheid=wereld.eenheid)
        meld(door=None, kanaal="anoniem")
    handler, melder = _client(wereld.behandelaar), _client(wereld.medewerker)
    # The first request of a session reads more (device, memberships).
    _queries(handler, LIJST)
    _queries(melder, MIJN)
    voor = (_queries(handler, LIJST), _queries(melder, MIJN))
    for _ in range(4):
        meld(beginselen=[wereld.beginsel], eenheid=wereld.eenheid)
        meld(door=None, kanaal="anoniem")
    assert (_queries(handler, LIJST), _queries(melder, MIJN)) == voor
    assert max(voor) <= 8


def test_handlers_download_an_attachment_and_others_get_404(wereld: Wereld, meld: Meld) -> None:
    signaal = meld(bijlagen=[SimpleUploadedFile("brief.pdf", b"%PDF-1.7 de brief")]).signaal
    ander = meld(bijlagen=[SimpleUploadedFile("a.txt", b"Andere bijlage")]).signaal
    (bijlage,) = _client(wereld.behandelaar).get(_detail(signaal)).json()["bijlagen"]
    assert bijlage["url"].endswith(f"{_detail(signaal)}/bijlagen/{bijlage['id']}")
    response = _client(wereld.behandelaar).get(bijlage["url"])
    assert response.status_code == 200
    assert response.getvalue() == b"%PDF-1.7 de brief"
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    problem(_client(wereld.behandelaar_andere).get(bijlage["url"]), 404)
    problem(_client(wereld.medewerker).get(bijlage["url"]), 403)
    andere_bijlage = ander.bijlagen.get().pk
    problem(_client(wereld.behandelaar).get(f"{_detail(signaal)}/bijlagen/{andere_bijlage}"), 404)
    # The reporter's own view lists the attachments, without a download for others to share.
    eigen = _client(wereld.medewerker).get(f"{MIJN}/{signaal.pk}").json()
    assert [b["naam"] for b in eigen["bijlagen"]] == ["brief.pdf"]
    assert "url" not in eigen["bijlagen"][0]

"""A confidential reporter's name appears in no API response, of any endpoint, for anyone but
the custodian: the signal goes through its life (handling, a question, the reporter's answer,
a disclosure request, a retaliation report, a noodrem about it), and then every GET route of
/api/v1 is requested by every other person, and by nobody logged in, with every id in play."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.routes import all_routes
from uitvoerbaar.responsplicht.models import Melding, Reactieverzoek
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.models import Bijlage, Signaal

from .conftest import GEHEIME_NAAM, Wereld

pytestmark = pytest.mark.django_db

GEHEIM = re.compile(r"zwaluwstaart", re.IGNORECASE)
PARAMETER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<naam>\w+)>")


def _client(user: Gebruiker | None) -> Client:
    return ingelogd(Client(), user) if user is not None else Client()


def _paden(waarden: dict[str, list[str]]) -> list[str]:
    """Every /api/v1 path, each parameter filled with every value in play: by the parameter's
    name where one is given (`bijlage`), else by the resource and converter (`signalen:int`),
    else by the converter alone (every number in play)."""
    paden: list[str] = []
    for route in all_routes():
        if not route.pad.startswith("api/v1/") or route.pad == "api/v1/schema":
            continue
        bron = route.pad.removeprefix("api/v1/").split("/", 1)[0]
        kandidaten = [route.pad]
        for m in PARAMETER.finditer(route.pad):
            conv = m.group("conv") or "str"
            soort = next(
                s for s in (m.group("naam"), f"{bron}:{conv}", conv, "") if s in waarden or not s
            )
            kandidaten = [
                k.replace(m.group(0), w, 1) for k in kandidaten for w in waarden.get(soort, ["1"])
            ]
        paden += [f"/{k}" for k in kandidaten]
    return paden


def test_the_confidential_name_appears_in_no_api_response_for_anyone_but_the_custodian(
    wereld: Wereld, vertrouwelijk: Signaal
) -> None:
    assert GEHEIM.search(GEHEIME_NAAM)
    antwoorden: list[tuple[str, str, Any]] = []

    def bewaar(wie: str, pad: str, response: Any) -> Any:
        antwoorden.append((wie, pad, response))
        return response

    behandelaar = _client(wereld.behandelaar)
    klokkenluider = _client(wereld.klokkenluider)
    basis = f"/api/v1/signalen/{vertrouwelijk.pk}"

    def post(client: Client, wie: str, pad: str, data: dict[str, Any]) -> Any:
        response = client.post(pad, data, content_type="application/json")
        assert response.status_code in (200, 201), response.content
        return bewaar(wie, pad, response)

    # The signal's life, through the API: every answer on the way is searched too.
    post(behandelaar, "behandelaar", f"{basis}/in-behandeling", {})
    post(behandelaar, "behandelaar", f"{basis}/berichten", {"tekst": "Wie?", "vraag": True})
    aanvulling = klokkenluider.post(
        f"/api/v1/signalen/mijn/{vertrouwelijk.pk}/aanvullingen",
        {"tekst": "Team Zuid, vorige week.", "bijlagen": SimpleUploadedFile("verslag.txt", b"Zo")},
    )
    assert aanvulling.status_code == 201, aanvulling.content
    bewaar("klokkenluider", "aanvulling", aanvulling)
    post(behandelaar, "behandelaar", f"{basis}/onthullingen", {"reden": "Voor het onderzoek."})
    benadeling = post(
        klokkenluider,
        "klokkenluider",
        "/api/v1/signalen",
        {
            "kanaal": "vertrouwelijk",
            "soort": "benadeling",
            "over_signaal": vertrouwelijk.pk,
            "organisatie": "tu",
            "titel": "Overgeplaatst na mijn signaal",
            "tekst": "Sinds mijn melding krijg ik geen diensten meer.",
        },
    )
    noodrem = post(
        behandelaar,
        "behandelaar",
        "/api/v1/noodremmen",
        {
            "organisatie": "tu",
            "titel": "Stop het afwijzen zonder toets",
            "schade": "Bezwaren worden zonder inhoudelijke toets afgewezen.",
            "stoppen": "Het afwijzen zonder toets.",
            "beginselen": ["abbb-evenredigheid"],
            "signaal": vertrouwelijk.pk,
        },
    ).json()
    services.send_bericht(
        signaal=vertrouwelijk, door=wereld.behandelaar, tekst="Terugkoppeling.", terugkoppeling=True
    )

    signalen = [str(pk) for pk in Signaal.objects.values_list("pk", flat=True)]
    verzoeken = [str(pk) for pk in Reactieverzoek.objects.values_list("pk", flat=True)]
    meldingen = [str(pk) for pk in Melding.objects.values_list("pk", flat=True)]
    assert len(signalen) == 2 and benadeling.status_code == 201
    bijlagen = [str(pk) for pk in Bijlage.objects.values_list("pk", flat=True)]
    assert bijlagen
    waarden = {
        "bijlage": bijlagen,
        "signalen:int": signalen,
        "reactieverzoeken:int": verzoeken,
        "meldingen:int": meldingen,
        "int": sorted({*signalen, *verzoeken, *meldingen}),
        "uuid": [noodrem["id"]],
        "slug": ["tu", "mvt", "abbb-evenredigheid"],
        "str": ["tu"],
    }
    paden = _paden(waarden)
    assert f"/api/v1/signalen/{vertrouwelijk.pk}" in paden
    assert f"/api/v1/noodremmen/{noodrem['id']}" in paden
    assert f"/api/v1/reactieverzoeken/{vertrouwelijk.ontvangstbevestiging_id}" in paden

    mensen: dict[str, Gebruiker | None] = {
        "niemand": None,
        "medewerker": wereld.medewerker,
        "klokkenluider": wereld.klokkenluider,
        "behandelaar": wereld.behandelaar,
        "bestuur": wereld.bestuur,
        "top": wereld.top,
        "behandelaar_andere": wereld.behandelaar_andere,
    }
    gelezen = 0
    for wie, user in mensen.items():
        client = _client(user)
        for pad in paden:
            if wie == "klokkenluider" and pad == "/api/v1/ik":
                continue  # their own account page names them, as it should
            response = bewaar(wie, pad, client.get(pad))
            gelezen += response.status_code == 200
        cache.clear()

    lekken = [
        f"{wie} {pad} {response.status_code}"
        for wie, pad, response in antwoorden
        if GEHEIM.search(response.getvalue().decode("utf-8", "replace"))
    ]
    assert lekken == []
    # Guards the guard: the sweep really read the signal, its requests and the noodrem.
    gelezen_paden = {(wie, pad) for wie, pad, r in antwoorden if r.status_code == 200}
    assert ("behandelaar", basis) in gelezen_paden
    assert ("bestuur", basis) in gelezen_paden
    assert ("klokkenluider", f"/api/v1/signalen/mijn/{vertrouwelijk.pk}") in gelezen_paden
    assert (
        "behandelaar",
        f"/api/v1/reactieverzoeken/{vertrouwelijk.ontvangstbevestiging_id}",
    ) in gelezen_paden
    assert ("bestuur", f"/api/v1/noodremmen/{noodrem['id']}") in gelezen_paden
    assert ("bestuur", f"{basis}/bijlagen/{bijlagen[0]}") in gelezen_paden
    assert gelezen > 50
    # And the name is really there to be found: the custodian can read it (on the web).
    wie_meldde = services.identiteit(signaal=vertrouwelijk, door=wereld.vertrouwenspersoon)
    assert wie_meldde is not None and wie_meldde.naam == GEHEIME_NAAM

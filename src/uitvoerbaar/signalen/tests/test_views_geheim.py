"""A confidential reporter's name appears on no web page and in no e-mail, for anyone but the
custodian on the identity page. Two confidential signals (one from the fixture, one through the
intake form) go through handling on the web: acknowledgement, a question, the reporter's answer
with an attachment, a disclosure request, feedback, closure, a retaliation report, a noodrem
about it and the board's reading. Then every signalen page, the responsplicht pages of their
requests and the notifications are requested by each person concerned and by outsiders, and
every response and every e-mail sent on the way is searched for the name."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from uitvoerbaar.audit.models import Inzage
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.constants import Kanaal, Signaalsoort, Status
from uitvoerbaar.signalen.models import Bijlage, Noodrem, Onthulling, Signaal

from .conftest import GEHEIME_NAAM, Wereld

pytestmark = pytest.mark.django_db

GEHEIM = re.compile(r"zwaluwstaart", re.IGNORECASE)


def _ok(response: Any) -> Any:
    assert response.status_code in (200, 302), (response.status_code, response.content[:500])
    return response


def _inhoud(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return str(response.content.decode("utf-8", "replace"))


def test_the_confidential_name_appears_on_no_page_and_in_no_email(
    wereld: Wereld, vertrouwelijk: Signaal, django_capture_on_commit_callbacks: Any
) -> None:
    assert GEHEIM.search(GEHEIME_NAAM) and GEHEIM.search(wereld.klokkenluider.email)
    antwoorden: list[tuple[str, str, Any]] = []

    def bewaar(wie: str, pad: str, response: Any) -> Any:
        antwoorden.append((wie, pad, response))
        return response

    behandelaar = ingelogd(Client(), wereld.behandelaar)
    klokkenluider = ingelogd(Client(), wereld.klokkenluider)
    basis = f"/signalen/{vertrouwelijk.pk}/"

    def post(client: Client, wie: str, pad: str, data: dict[str, Any]) -> Any:
        return bewaar(wie, pad, _ok(client.post(pad, data)))

    with django_capture_on_commit_callbacks(execute=True):
        # A second confidential signal, through the intake form.
        post(
            klokkenluider,
            "klokkenluider",
            "/signalen/melden/",
            {
                "kanaal": Kanaal.VERTROUWELIJK,
                "organisatie": wereld.uitvoerder.pk,
                "titel": "Quotum voor afwijzingen",
                "tekst": "Er geldt een ongeschreven quotum voor afwijzingen per week.",
                "urgentie": "hoog",
            },
        )
        # The fixture's signal through its handling, on the web.
        post(behandelaar, "behandelaar", basis + "in-behandeling/", {"bericht": "Ontvangen."})
        post(
            behandelaar,
            "behandelaar",
            basis + "bericht/",
            {"tekst": "Welk team was het?", "soort": "vraag"},
        )
        post(
            klokkenluider,
            "klokkenluider",
            f"/signalen/mijn/{vertrouwelijk.pk}/aanvullen/",
            {
                "tekst": "Team Zuid, vorige week.",
                "bijlagen": SimpleUploadedFile("verslag.txt", b"Verslag van het overleg."),
            },
        )
        post(
            behandelaar,
            "behandelaar",
            basis + "onthulling/",
            {"onthulling-reden": "Voor het hoor en wederhoor."},
        )
        post(
            behandelaar,
            "behandelaar",
            basis + "bericht/",
            {"tekst": "We spreken de leidinggevenden aan.", "soort": "terugkoppeling"},
        )
        post(
            behandelaar,
            "behandelaar",
            basis + "afsluiten/",
            {"uitkomst": "maatregel", "toelichting": "De werkinstructie is aangepast."},
        )
        post(
            klokkenluider,
            "klokkenluider",
            "/signalen/melden/?soort=benadeling",
            {
                "kanaal": Kanaal.VERTROUWELIJK,
                "organisatie": wereld.uitvoerder.pk,
                "titel": "Overgeplaatst na mijn signaal",
                "tekst": "Sinds mijn melding krijg ik geen diensten meer.",
                "urgentie": "normaal",
                "over_signaal": vertrouwelijk.pk,
            },
        )
        noodrem = services.pull_noodrem(
            door=wereld.behandelaar,
            organisatie=wereld.uitvoerder,
            titel="Stop het afwijzen zonder toets",
            schade="Bezwaren worden zonder inhoudelijke toets afgewezen.",
            stoppen="Het afwijzen zonder toets.",
            beginselen=[wereld.beginsel],
            signaal=vertrouwelijk,
        )
        ingelogd(Client(), wereld.bestuur).get(basis)

    vertrouwelijk.refresh_from_db()
    assert vertrouwelijk.status == Status.AFGESLOTEN
    tweede = Signaal.objects.get(titel="Quotum voor afwijzingen")
    benadeling = Signaal.objects.get(soort=Signaalsoort.BENADELING)
    assert tweede.kanaal == benadeling.kanaal == Kanaal.VERTROUWELIJK
    onthulling = Onthulling.objects.get()
    bijlage = Bijlage.objects.get()
    assert Noodrem.objects.get() == noodrem
    verzoeken = sorted(
        {
            v
            for s in (vertrouwelijk, tweede, benadeling)
            for v in (s.ontvangstbevestiging_id, s.terugkoppeling_id)
            if v is not None
        }
        | {noodrem.verzoek_id}
    )
    assert len(verzoeken) == 5
    # The custodian reads the name (the one place it belongs), so the access log has a row.
    identiteit = ingelogd(Client(), wereld.vertrouwenspersoon).get(basis + "identiteit/")
    assert GEHEIME_NAAM in identiteit.content.decode()
    assert Inzage.objects.exists()

    paden = [
        "/start/",
        "/signalen/",
        "/signalen/?kanaal=vertrouwelijk",
        "/signalen/?zoek=Team",
        "/signalen/mijn/",
        "/signalen/dashboard/",
        "/signalen/knelpunten/",
        "/signalen/noodrem/",
        f"/signalen/noodrem/{noodrem.pk}/",
        f"/signalen/onthulling/{onthulling.pk}/",
        f"/signalen/gelijkend/?organisatie={wereld.uitvoerder.pk}&titel=Druk+om+bezwaren",
        "/verzoeken/",
        "/verzoeken/mijn-vragen/",
        "/verzoeken/meldingen/",
        "/audit/inzage/",
        "/openbaar/register/",
        "/openbaar/register/organisaties/tu/",
        *[f"/verzoeken/{pk}/" for pk in verzoeken],
    ]
    for s in (vertrouwelijk, tweede, benadeling):
        paden += [f"/signalen/{s.pk}/", f"/signalen/{s.pk}/identiteit/"]
    paden.append(f"/signalen/{vertrouwelijk.pk}/bijlagen/{bijlage.pk}/")

    mensen: dict[str, Gebruiker | None] = {
        "behandelaar": wereld.behandelaar,
        "bestuur": wereld.bestuur,
        "vertrouwenspersoon": wereld.vertrouwenspersoon,
        "medewerker": wereld.medewerker,
        "top": wereld.top,
        "behandelaar_andere": wereld.behandelaar_andere,
        "niemand": None,
    }
    for wie, user in mensen.items():
        client = ingelogd(Client(), user) if user is not None else Client()
        for pad in paden:
            if wie == "vertrouwenspersoon" and pad.endswith("/identiteit/"):
                continue  # the custodian's view, where the name belongs
            bewaar(wie, pad, client.get(pad))

    lekken = [
        f"{wie} {pad} {response.status_code}"
        for wie, pad, response in antwoorden
        if GEHEIM.search(_inhoud(response))
    ]
    assert lekken == []

    # Nor in any e-mail: subject, text, or to whom it went.
    assert mail.outbox, "the handling sent no e-mail at all; the check below would be empty"
    post_lekken = [
        f"{m.subject} -> {m.to}"
        for m in mail.outbox
        if GEHEIM.search(" ".join([str(m.subject), str(m.body), *m.to, *m.cc, *m.bcc]))
    ]
    assert post_lekken == []

    # Guards the guard: the sweep really read the signal and its requests.
    gelezen = {(wie, pad) for wie, pad, r in antwoorden if r.status_code == 200}
    for wie in ("behandelaar", "bestuur", "vertrouwenspersoon"):
        assert (wie, basis) in gelezen, wie
    assert ("behandelaar", f"/verzoeken/{vertrouwelijk.ontvangstbevestiging_id}/") in gelezen
    assert ("behandelaar", f"/verzoeken/{vertrouwelijk.terugkoppeling_id}/") in gelezen
    assert ("bestuur", f"/signalen/noodrem/{noodrem.pk}/") in gelezen
    assert ("bestuur", "/signalen/dashboard/") in gelezen
    assert ("vertrouwenspersoon", f"/signalen/{benadeling.pk}/") in gelezen
    assert ("vertrouwenspersoon", f"/signalen/onthulling/{onthulling.pk}/") in gelezen
    assert ("behandelaar", "/verzoeken/meldingen/") in gelezen
    behandelaar_pagina = next(
        r for wie, pad, r in antwoorden if (wie, pad) == ("behandelaar", basis)
    )
    assert "Team Zuid, vorige week." in _inhoud(behandelaar_pagina)
    assert not any(
        r.status_code == 200
        for wie, pad, r in antwoorden
        if wie == "behandelaar_andere" and pad.startswith("/signalen/") and pad[10:11].isdigit()
    )

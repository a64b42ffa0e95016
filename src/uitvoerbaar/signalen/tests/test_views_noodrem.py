"""The noodrem screens: pulling it through the web form (and every refusal next to its field),
the noodrem page and list for who pulled it and the bestuur that must answer, 404 for anyone
else, additions, and the bestuur's leg uit that the professional calls insufficient."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.models import Aanvulling, Noodrem

from .conftest import Wereld
from .pagina import html, veldfout

pytestmark = pytest.mark.django_db

LIJST = "/signalen/noodrem/"
TREKKEN = "/signalen/noodrem/trekken/"
BSN = "111222333"


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def _data(wereld: Wereld, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "organisatie": wereld.uitvoerder.pk,
        "titel": "Stop het automatische beslag",
        "beginselen": [wereld.beginsel.pk],
        "schade": "Gezinnen houden minder over dan het bestaansminimum.",
        "stoppen": "Het automatische beslag op de toeslag.",
    }
    data.update(extra)
    return data


def _pad(noodrem: Noodrem, handeling: str = "") -> str:
    return f"/signalen/noodrem/{noodrem.pk}/" + (f"{handeling}/" if handeling else "")


def _trek(wereld: Wereld) -> Noodrem:
    return services.pull_noodrem(
        door=wereld.medewerker,
        organisatie=wereld.uitvoerder,
        titel="Stop het automatische beslag",
        schade="Gezinnen houden minder over dan het bestaansminimum.",
        stoppen="Het automatische beslag op de toeslag.",
        beginselen=[wereld.beginsel],
    )


def test_a_professional_pulls_the_noodrem_through_the_web(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    lijst = client.get(LIJST)
    assert lijst.status_code == 200
    assert f'href="{TREKKEN}"' in html(lijst)
    assert "Er zijn geen noodremmen waar u bij betrokken bent." in html(lijst)
    formulier = client.get(TREKKEN)
    assert formulier.status_code == 200
    assert "Evenredigheid" in html(formulier)

    response = client.post(TREKKEN, _data(wereld, eenheid=wereld.eenheid.pk))

    noodrem = Noodrem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _pad(noodrem)
    assert noodrem.door == wereld.medewerker
    assert noodrem.eenheid == wereld.eenheid
    assert list(noodrem.beginselen.all()) == [wereld.beginsel]
    verzoek = noodrem.verzoek
    assert verzoek.soort.code == "noodrem"
    assert (verzoek.ontvanger_organisatie, verzoek.ontvanger_rol) == (wereld.uitvoerder, "bestuur")
    assert verzoek.status == VerzoekStatus.OPEN
    # Five working days from Monday 1 March 2027.
    assert verzoek.uiterste_datum == dt.date(2027, 3, 8)
    pagina = client.get(response["Location"])
    tekst = html(pagina)
    assert (
        "U hebt aan de noodrem getrokken. Het bestuur moet uiterlijk 08-03-2027 reageren." in tekst
    )
    assert "Gezinnen houden minder over dan het bestaansminimum." in tekst
    assert "Het bestuur heeft nog niet gereageerd." in tekst
    assert f'href="/verzoeken/{verzoek.pk}/"' in tekst
    assert noodrem.kenmerk in html(client.get(LIJST))


def test_a_noodrem_without_principles_is_refused_with_errors_next_to_the_fields(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.post(TREKKEN, _data(wereld, beginselen=[], schade="", stoppen=" "))
    assert response.status_code == 400
    assert veldfout(response, "id_beginselen") == (
        "Kies ten minste één beginsel van behoorlijk bestuur dat in gevaar is."
    )
    assert veldfout(response, "id_schade") == "Beschrijf welke schade ontstaat."
    assert veldfout(response, "id_stoppen") == "Schrijf op wat nu moet stoppen."
    assert "Het formulier is nog niet goed ingevuld." in html(response)
    # What was typed stays on the page.
    assert "Stop het automatische beslag" in html(response)
    assert not Noodrem.objects.exists()
    assert not Reactieverzoek.objects.exists()


def test_citizen_data_in_a_noodrem_must_be_confirmed(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    schade = f"Gezin met BSN {BSN} houdt niets over."
    response = client.post(TREKKEN, _data(wereld, schade=schade))
    assert response.status_code == 400
    assert veldfout(response, "id_schade").startswith(
        "Deze tekst lijkt persoonsgegevens van een burger te bevatten"
    )
    assert 'name="persoonsgegevens_bevestigd"' in html(response)
    assert not Noodrem.objects.exists()
    response = client.post(TREKKEN, _data(wereld, schade=schade, persoonsgegevens_bevestigd="on"))
    assert response.status_code == 302
    assert Noodrem.objects.get().schade == schade


def test_pulling_is_for_professionals_of_their_own_organisation(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.bestuur)
    assert client.get(TREKKEN).status_code == 403
    assert client.post(TREKKEN, _data(wereld)).status_code == 403
    assert f'href="{TREKKEN}"' not in html(client.get(LIJST))
    ingelogd(client, wereld.behandelaar_andere)
    response = client.post(TREKKEN, _data(wereld))
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in veldfout(response, "id_organisatie")
    assert not Noodrem.objects.exists()


def test_the_noodrem_page_is_for_the_puller_and_the_bestuur_and_404_for_others(
    client: Client, wereld: Wereld
) -> None:
    noodrem = _trek(wereld)
    for wie in (wereld.medewerker, wereld.bestuur):
        ingelogd(client, wie)
        pagina = client.get(_pad(noodrem))
        assert pagina.status_code == 200, wie
        assert "Het automatische beslag op de toeslag." in html(pagina)
        assert noodrem.kenmerk in html(client.get(LIJST))
    # Another organisation, and a colleague in the same role who did not pull it.
    for wie in (wereld.behandelaar_andere, wereld.klokkenluider):
        ingelogd(client, wie)
        response = client.get(_pad(noodrem))
        assert response.status_code == 404, wie
        assert "automatische beslag" not in html(response)
        assert noodrem.kenmerk not in html(client.get(LIJST))
        antwoord = client.post(_pad(noodrem, "aanvullen"), {"tekst": "Ik wil ook iets kwijt."})
        assert antwoord.status_code == 404
    assert not Aanvulling.objects.exists()
    client.logout()
    assert client.get(_pad(noodrem))["Location"].startswith("/inloggen/")


def test_an_aanvulling_is_added_and_shown(client: Client, wereld: Wereld) -> None:
    noodrem = _trek(wereld)
    ingelogd(client, wereld.medewerker)
    leeg = client.post(_pad(noodrem, "aanvullen"), {"tekst": " "})
    assert leeg.status_code == 400
    assert veldfout(leeg, "id_tekst") == "Schrijf uw aanvulling."
    bsn = client.post(_pad(noodrem, "aanvullen"), {"tekst": f"Het gaat om BSN {BSN}."})
    assert bsn.status_code == 400
    assert veldfout(bsn, "id_tekst") == (
        "Haal de persoonsgegevens uit de aanvulling (burgerservicenummer (BSN))."
    )
    assert not Aanvulling.objects.exists()

    response = client.post(_pad(noodrem, "aanvullen"), {"tekst": "Vandaag weer drie gezinnen."})
    assert response.status_code == 302
    assert response["Location"] == _pad(noodrem)
    aanvulling = Aanvulling.objects.get()
    assert (aanvulling.door, aanvulling.tekst) == (wereld.medewerker, "Vandaag weer drie gezinnen.")
    pagina = html(client.get(_pad(noodrem)))
    assert "Uw aanvulling is toegevoegd." in pagina
    assert "Vandaag weer drie gezinnen." in pagina
    # The bestuur adds too; the noodrem itself stays as it was pulled.
    ingelogd(client, wereld.bestuur)
    assert (
        client.post(_pad(noodrem, "aanvullen"), {"tekst": "We kijken ernaar."}).status_code == 302
    )
    assert Aanvulling.objects.count() == 2
    noodrem.refresh_from_db()
    assert noodrem.schade == "Gezinnen houden minder over dan het bestaansminimum."


def test_the_bestuur_explains_and_the_professional_calls_it_insufficient(
    client: Client, wereld: Wereld
) -> None:
    noodrem = _trek(wereld)
    verzoek = f"/verzoeken/{noodrem.verzoek_id}/"
    ingelogd(client, wereld.bestuur)
    response = client.post(
        verzoek + "leg-uit/",
        {
            "leguit-redenen": "De wet schrijft het beslag voor.",
            "leguit-beginselen": [wereld.beginsel.code],
            "leguit-antwoord_1": "We zien de schade en zoeken een regeling met schuldhulp.",
        },
    )
    assert response.status_code == 302, html(response)
    pagina = html(client.get(_pad(noodrem)))
    assert "De wet schrijft het beslag voor." in pagina
    assert "Over de schade: We zien de schade en zoeken een regeling met schuldhulp." in pagina

    ingelogd(client, wereld.medewerker)
    assert "De wet schrijft het beslag voor." in html(client.get(_pad(noodrem)))
    response = client.post(
        verzoek + "onvoldoende/", {"onvoldoende-reden": "Het beslag gaat intussen door."}
    )
    assert response.status_code == 302
    noodrem.verzoek.refresh_from_db()
    assert noodrem.verzoek.status in (VerzoekStatus.BETWIST, VerzoekStatus.GEESCALEERD)
    assert noodrem.verzoek.niveau > 0
    # The ministry's top now holds it and may read the noodrem.
    ingelogd(client, wereld.top)
    assert client.get(_pad(noodrem)).status_code == 200
    assert noodrem.kenmerk in html(client.get(LIJST))

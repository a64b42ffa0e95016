"""Nothing unpublished leaks: an open question, a withdrawn one, a question withheld under the
Woo, a planned moment, a held moment with an unpublished report and a cancelled one each carry
a distinctive string; none of those strings appears on any public page or public API response
(of this app, of the engine's register, of the open data). The published ones do appear, so
the test would see a leak."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from uitvoerbaar.core.routes import all_routes
from uitvoerbaar.responsplicht import services as rp
from uitvoerbaar.responsplicht.constants import WooGrond

from .. import services
from ..models import Contactmoment, Kamervraag
from .conftest import Wereld, tijdstip

pytestmark = pytest.mark.django_db

GEHEIM = [
    "Zwaluwstaart-open-vraag",
    "Zwaluwstaart-ingetrokken",
    "Zwaluwstaart-woo-vraag",
    "Zwaluwstaart-gepland",
    "Zwaluwstaart-concept-verslag",
    "Zwaluwstaart-geannuleerd",
    "Zwaluwstaart-onderwerp-concept",
]
OPENBAAR = ["Kolibrie-antwoord", "Kolibrie-vraag", "Kolibrie-verslag"]


def _vul(
    wereld: Wereld,
    maak_vraag: Callable[..., Kamervraag],
    maak_moment: Callable[..., Contactmoment],
) -> tuple[list[int], list[int]]:
    open_ = maak_vraag(titel="Open", vraag=GEHEIM[0])
    ingetrokken = maak_vraag(titel="Weg", vraag=GEHEIM[1])
    assert ingetrokken.verzoek is not None
    rp.withdraw(verzoek=ingetrokken.verzoek, door=wereld.kamerlid, reden="Niet meer nodig.")
    woo = maak_vraag(titel="Woo", vraag=GEHEIM[2])
    assert woo.verzoek is not None
    rp.answer_leg_uit(
        verzoek=woo.verzoek,
        door=wereld.behandelaar,
        redenen=GEHEIM[2],
        beginselen=[wereld.beginsel],
    )
    rp.withhold_publication(
        verzoek=woo.verzoek,
        door=wereld.bestuur,
        grond=WooGrond.INSPECTIE,
        toelichting="Lopend toezicht.",
    )
    beantwoord = maak_vraag(titel="Openbaar", vraag=OPENBAAR[1])
    assert beantwoord.verzoek is not None
    rp.answer_leg_uit(
        verzoek=beantwoord.verzoek,
        door=wereld.behandelaar,
        redenen=OPENBAAR[0],
        beginselen=[wereld.beginsel],
    )

    gepland = maak_moment(titel=GEHEIM[3], onderwerpen=GEHEIM[3])
    concept = maak_moment(titel="Concept", onderwerpen=GEHEIM[6], begint_op=tijdstip(-3))
    services.hold_contactmoment(contactmoment=concept, door=wereld.griffie)
    services.save_verslag(contactmoment=concept, door=wereld.griffie, verslag=GEHEIM[4])
    geannuleerd = maak_moment(titel=GEHEIM[5], onderwerpen=GEHEIM[5])
    services.cancel_contactmoment(contactmoment=geannuleerd, door=wereld.griffie, reden="Ziek.")
    openbaar = maak_moment(titel="Openbaar bezoek", begint_op=tijdstip(-2))
    services.hold_contactmoment(contactmoment=openbaar, door=wereld.griffie)
    services.save_verslag(contactmoment=openbaar, door=wereld.griffie, verslag=OPENBAAR[2])
    services.publish_verslag(contactmoment=openbaar, door=wereld.griffie)
    return (
        [open_.pk, ingetrokken.pk, woo.pk, beantwoord.pk],
        [gepland.pk, concept.pk, geannuleerd.pk, openbaar.pk],
    )


def _publieke_urls(vragen: list[int], momenten: list[int]) -> list[str]:
    urls = [
        "/openbaar/kamervragen/",
        "/openbaar/kamervragen/kamervragen.csv",
        "/openbaar/contactmomenten/",
        "/api/v1/openbaar/kamervragen",
        "/api/v1/openbaar/contactmomenten",
        "/openbaar/register/",
        "/openbaar/register/organisaties/tu/",
        "/openbaar/register/organisaties/tu/?toon=antwoorden",
    ]
    urls += [f"/openbaar/kamervragen/{pk}/" for pk in vragen]
    urls += [f"/api/v1/openbaar/kamervragen/{pk}" for pk in vragen]
    urls += [f"/openbaar/contactmomenten/{pk}/" for pk in momenten]
    urls += [f"/openbaar/register/RV-{pk:06d}/" for pk in range(1, 8)]
    return urls


def test_nothing_unpublished_appears_on_any_public_page_or_api(
    client: Client,
    wereld: Wereld,
    maak_vraag: Callable[..., Kamervraag],
    maak_moment: Callable[..., Contactmoment],
) -> None:
    vragen, momenten = _vul(wereld, maak_vraag, maak_moment)
    gezien = ""
    for url in _publieke_urls(vragen, momenten):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        if not url.rstrip("/").split("/")[-1].isdigit() and "RV-" not in url:
            assert response.status_code == 200, url  # every list page answers
        tekst = response.content.decode()
        for geheim in GEHEIM:
            assert geheim not in tekst, f"{geheim} lekt op {url}"
        gezien += tekst
    # The published texts are there: the check above looks where they would show.
    for tekst in OPENBAAR:
        assert tekst in gezien, tekst


def test_every_public_route_of_this_app_is_in_the_leak_check() -> None:
    """A new public route of the parlement app must be added to the leak check above (the
    Stand van de uitvoering has its own, in tests/rapport)."""
    publiek = {
        r.pad
        for r in all_routes()
        if r.policy_actie == "publiek.bekijken"
        and "parlement" in r.module
        and "rapport" not in r.module
    }
    assert publiek == {
        "openbaar/kamervragen/",
        "openbaar/kamervragen/<int:pk>/",
        "openbaar/kamervragen/kamervragen.csv",
        "openbaar/contactmomenten/",
        "openbaar/contactmomenten/<int:pk>/",
        "api/v1/openbaar/kamervragen",
        "api/v1/openbaar/kamervragen/<int:id>",
        "api/v1/openbaar/contactmomenten",
    }

"""Nothing unpublished or confidential reaches a public page, an open data response or a
download (issue 8, part 6).

On the demo world, confidential and unpublished data is made with distinctive strings across
the apps: the report of an internal case deliberation, a confidential signal (the reporter's
name, the text, the title that its Wbk requests carry: a kind that publishes nothing), a draft
uitvoeringstoets, a deviation's internal motivation, a noodrem whose harm and demand are its
arguments (the kind publishes the answer only), the owner of a measure, and a BSN in a
published answer (masked). Then EVERY route whose policy action has scope PUBLIEK is requested
without login, its path parameters filled with every real id of the kind (also the ids of
unpublished things), lists of the API followed page by page, and every response and download
is searched for the strings."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from uitvoerbaar.afwijkingen import services as afwijkingen_services
from uitvoerbaar.afwijkingen.models import Afwijking, Casusberaad
from uitvoerbaar.beleid import services as beleid_services
from uitvoerbaar.beleid.constants import Toetsoordeel
from uitvoerbaar.beleid.models import Beleidsvoorstel, Opdracht, Uitvoeringstoets
from uitvoerbaar.core import demo as core_demo
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.routes import Route, all_routes
from uitvoerbaar.kennisbank.models import Artikel, Beginsel, Kader, Levensgebeurtenis, Regeling
from uitvoerbaar.responsplicht import services as rp
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.signalen import services as signalen_services
from uitvoerbaar.signalen.constants import Kanaal
from uitvoerbaar.signalen.models import Noodrem, Signaal

pytestmark = pytest.mark.django_db

MELDER_VOORNAAM = "Quirinus"
MELDER_ACHTERNAAM = "Zwaluwstaartje"
SIGNAAL_TITEL = "Lekproef titel Okapi"
SIGNAAL_TEKST = "Lekproef signaaltekst Quetzal over de terugvordering."
TOETS_TEKST = "Lekproef concepttoets Narwal"
AFWIJKING_MOTIVERING = "Lekproef motivering Tapir"
VERSLAG = "Lekproef verslag Gnoe"
SCHADE = "Lekproef schade Axolotl bij gezinnen."
STOPPEN = "Lekproef stoppen Pangolin nu."
EIGENAAR = "Lekproef eigenaar Wombat"
BSN = "111222333"  # passes the elfproef
MAATREGEL = f"We stoppen de terugvordering voor de klant met BSN {BSN} en alle anderen."

GEHEIM = [
    MELDER_VOORNAAM,
    MELDER_ACHTERNAAM,
    "Okapi",
    "Quetzal",
    "Narwal",
    "Tapir",
    "Gnoe",
    "Axolotl",
    "Pangolin",
    "Wombat",
    BSN,
]
PATROON = re.compile("|".join(re.escape(s) for s in GEHEIM), re.IGNORECASE)

WOENSDAG = dt.datetime(2027, 3, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def wereld() -> Iterator[dict[str, Any]]:
    with time_machine.travel(WOENSDAG, tick=False):
        core_demo.load_demo()
        yield _geheimen()


def _persoon(username: str) -> Gebruiker:
    return Gebruiker.objects.get(username=username)


def _geheimen() -> dict[str, Any]:
    lud = Organisatie.objects.get(slug="lud")
    # A confidential signal: only the custodian may learn who; its Wbk requests publish nothing.
    melder = _persoon("bram.lud")
    melder.first_name, melder.last_name = MELDER_VOORNAAM, MELDER_ACHTERNAAM
    melder.weergavenaam = f"{MELDER_VOORNAAM} {MELDER_ACHTERNAAM}"
    melder.save()
    melding = signalen_services.submit_signaal(
        door=melder,
        kanaal=Kanaal.VERTROUWELIJK,
        organisatie=lud,
        titel=SIGNAAL_TITEL,
        tekst=SIGNAAL_TEKST,
    )
    # A draft uitvoeringstoets of the municipality on the demo proposal: never published.
    voorstel = Beleidsvoorstel.objects.get()
    concept = beleid_services.save_toets(
        voorstel=voorstel,
        organisatie=Organisatie.objects.get(slug="lindendal"),
        door=_persoon("beleid.lindendal"),
        velden={
            "uitvoerbaarheid": TOETS_TEKST,
            "samenvatting": TOETS_TEKST,
            "oordeel": Toetsoordeel.ONDER_VOORWAARDEN,
        },
        voorwaarden=[f"{TOETS_TEKST} voorwaarde"],
    )
    assert not concept.gepubliceerd
    # A deviation's internal motivation (test seeding: the deviations exist, from the demo).
    assert Afwijking.objects.update(motivering=AFWIJKING_MOTIVERING) > 0
    # The report (verslag) of an internal case deliberation: never published.
    afwijkingen_services.record_casusberaad(
        door=_persoon("yusuf.lud"),
        organisatie=lud,
        regeling=Regeling.objects.get(code="participatiewet"),
        artikel=None,
        datum=dt.date(2027, 3, 3),
        deelnemers=VERSLAG,
        vraag=VERSLAG,
        conclusie=VERSLAG,
    )
    # A noodrem: the kind publishes the answer, not the question with its harm.
    noodrem = signalen_services.pull_noodrem(
        door=_persoon("fatima.lud"),
        organisatie=lud,
        titel="Noodrem terugvordering",
        schade=SCHADE,
        stoppen=STOPPEN,
        beginselen=list(Beginsel.objects.order_by("pk")[:1]),
    )
    assert noodrem.verzoek is not None
    rp.answer_pas_toe(
        verzoek=noodrem.verzoek,
        door=_persoon("bestuur.lud"),
        maatregel=MAATREGEL,
        eigenaar=EIGENAAR,
        datum=dt.date(2027, 4, 1),
    )
    return {"melding": melding, "concept": concept, "noodrem": noodrem}


# --- every public route, with its parameters filled ---------------------------------------------


def _publiek(route: Route) -> bool:
    actie = route.policy_actie
    return (
        actie is not None
        and actie in policy.POLICY
        and policy.regel(actie).reikwijdte is policy.Reikwijdte.PUBLIEK
    )


PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<naam>\w+)>")


def _waarden() -> dict[str, list[str]]:
    """Every real id per kind of parameter, also those of unpublished and confidential things."""
    getallen = sorted(
        {
            *Beleidsvoorstel.objects.values_list("pk", flat=True),
            *Uitvoeringstoets.objects.values_list("pk", flat=True),
            *Opdracht.objects.values_list("pk", flat=True),
            *Signaal.objects.values_list("pk", flat=True),
            *Reactieverzoek.objects.values_list("pk", flat=True),
            *Afwijking.objects.values_list("pk", flat=True),
        }
    )
    kenmerken = [v.kenmerk for v in Reactieverzoek.objects.all()]
    slugs = sorted(
        {
            *Organisatie.objects.values_list("slug", flat=True),
            *Levensgebeurtenis.objects.values_list("slug", flat=True),
        }
    )
    codes = sorted(
        {
            *Regeling.objects.values_list("code", flat=True),
            *Beginsel.objects.values_list("code", flat=True),
            *Kader.objects.values_list("code", flat=True),
        }
    )
    return {
        "int": [str(g) for g in getallen],
        "kenmerk": kenmerken,
        "slug": slugs + codes,
        "code": codes + slugs,
        "uuid": [str(n.pk) for n in Noodrem.objects.all()],
        "str": kenmerken + slugs + codes,
    }


def _paden(route: Route, waarden: dict[str, list[str]]) -> list[str]:
    pad = route.pad
    if pad.startswith("^") or "(?P<" in pad:
        # A regex route (the register's old address): fill its groups with nothing.
        pad = re.sub(r"\(\?P<\w+>[^)]*\)", "", pad).lstrip("^").rstrip("$").replace("\\", "")
        return ["/" + pad]
    params = [(m.group("conv") or "str", m.group("naam")) for m in PARAM.finditer(pad)]
    if not params:
        return ["/" + pad]
    if {naam for _conv, naam in params} == {"code", "nummer"}:
        paren = Artikel.objects.values_list("regeling__code", "nummer")
        return [
            "/"
            + pad.replace("<slug:code>", c)
            .replace("<str:code>", c)
            .replace("<str:nummer>", n)
            .replace("<slug:nummer>", n)
            for c, n in paren
        ]
    keuzes = []
    for conv, naam in params:
        if conv == "int":
            keuzes.append(waarden["int"])
        elif conv == "uuid":
            keuzes.append(waarden["uuid"])
        else:
            keuzes.append(waarden.get(naam) or waarden["str"])
    uit = []
    for combinatie in itertools.product(*keuzes):
        gevuld = pad
        for (_conv, naam), waarde in zip(params, combinatie, strict=True):
            gevuld = re.sub(rf"<(?:\w+:)?{naam}>", waarde, gevuld, count=1)
        uit.append("/" + gevuld)
    return uit


def _inhoud(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return str(response.content.decode("utf-8", "replace"))


def test_nothing_confidential_or_unpublished_reaches_a_public_response(
    wereld: dict[str, Any],
) -> None:
    # The strings are really there, behind the login: a test that searched for strings that
    # were never stored could not fail.
    assert Signaal.objects.filter(tekst__contains="Quetzal").exists()
    assert Reactieverzoek.objects.filter(
        soort__code__startswith="wbk-", onderwerp_titel__contains="Okapi"
    ).exists()
    assert Uitvoeringstoets.objects.filter(samenvatting__contains="Narwal").exists()
    assert wereld["noodrem"].schade == SCHADE
    assert Casusberaad.objects.filter(conclusie=VERSLAG).exists()

    client = Client()
    routes = [r for r in all_routes() if _publiek(r) and not r.pad.startswith("beheer/")]
    waarden = _waarden()
    bezocht: dict[str, int] = {}
    lekken: list[str] = []
    bereikt: set[str] = set()
    with time_machine.travel(WOENSDAG + dt.timedelta(days=1), tick=False):
        for route in routes:
            for pad in _paden(route, waarden):
                wachtrij = [pad]
                while wachtrij:
                    url = wachtrij.pop()
                    if url in bezocht:
                        continue
                    response = client.get(url)
                    bezocht[url] = response.status_code
                    tekst = _inhoud(response)
                    if response.status_code == 200:
                        bereikt.add(route.pad)
                    for gevonden in PATROON.findall(tekst):
                        lekken.append(f"{url} ({response.status_code}): {gevonden}")
                    # Follow the pages of an API list.
                    if response.status_code == 200 and url.startswith("/api/"):
                        volgende = re.search(r'"next":\s*"([^"]+)"', tekst)
                        if volgende:
                            wachtrij.append(volgende.group(1).replace("http://testserver", ""))

    assert lekken == []
    # The walk reached what matters: the portal, the register, the downloads, the open data.
    for verwacht in (
        "openbaar/",
        "openbaar/rechtenwijzer/",
        "openbaar/monitor/",
        "openbaar/open-data/",
        "openbaar/open-data/register.csv",
        "openbaar/open-data/register.json",
        "openbaar/register/",
        "openbaar/register/<str:kenmerk>/",
        "openbaar/beleid/uitvoeringstoetsen/<int:pk>/",
        "api/v1/openbaar/register",
        "api/v1/openbaar/rechten/<slug:code>",
        "api/v1/uitvoeringstoetsen",
    ):
        assert verwacht in bereikt, verwacht
    # The unpublished toets answers 404 on its public page, and the noodrem's answer is in the
    # register with the BSN masked (so the register page itself was searched).
    assert bezocht[f"/openbaar/beleid/uitvoeringstoetsen/{wereld['concept'].pk}/"] == 404
    register = _inhoud(client.get(f"/openbaar/register/{wereld['noodrem'].verzoek.kenmerk}/"))
    assert "We stoppen de terugvordering voor de klant met BSN" in register
    assert BSN not in register

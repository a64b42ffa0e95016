"""Demo signals and noodremmen in the fictional world of `core.demo` (called by `load_demo`).

Made through the services, so every row has its audit events and its Wbk requests: at the
Landelijke Uitkeringsdienst a named signal waiting for its acknowledgement, a confidential one in
handling with a question to the reporter, an anonymous one, two signals on the same article of
the Werkloosheidswet grouped into a knelpunt, and a noodrem waiting for the board. Idempotent: it
does nothing when the organisation already has signals."""

from __future__ import annotations

from django.db import transaction

from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Artikel, Beginsel

from . import services
from .models import Signaal


def _p(username: str) -> Gebruiker:
    return Gebruiker.objects.get(username=username)


@transaction.atomic
def load_demo_signalen() -> int:
    """Create the demo signals; returns how many signals and noodremmen were made."""
    lud = Organisatie.objects.filter(slug="lud").first()
    if lud is None or Signaal.objects.filter(organisatie=lud).exists():
        return 0
    ww = Artikel.objects.filter(regeling__code="werkloosheidswet").order_by("volgorde")
    art_a, art_b = ww[0], ww[1]
    zorgvuldig = Beginsel.objects.get(code="abbb-zorgvuldigheid")
    belangen = Beginsel.objects.get(code="abbb-belangenafweging")
    fatima, bram, yusuf = _p("fatima.lud"), _p("bram.lud"), _p("yusuf.lud")
    noord = Eenheid.objects.filter(organisatie=lud, naam__icontains="Noord").first()

    services.submit_signaal(
        door=fatima,
        kanaal="benoemd",
        organisatie=lud,
        eenheid=noord,
        titel="WW stopt bij één dag te laat ingeleverde werkbriefje",
        tekst=(
            "Als het werkbriefje één dag te laat binnen is, stopt de uitkering automatisch een "
            "hele maand. Mensen met een kleine baan raken zo in de schulden. De regel is bedoeld "
            "om fraude te voorkomen, niet om vergissingen te straffen."
        ),
        voorstel="Een herinnering sturen en pas na vijf werkdagen stoppen.",
        regeling=art_a.regeling,
        artikel=art_a,
        beginselen=[belangen],
        urgentie="hoog",
    )
    eerste = services.submit_signaal(
        door=bram,
        kanaal="benoemd",
        organisatie=lud,
        titel="Terugvordering WW na te laat gemelde inkomsten",
        tekst="Kleine bijverdiensten leiden tot terugvorderingen van duizenden euro's.",
        regeling=art_b.regeling,
        artikel=art_b,
        beginselen=[belangen],
    ).signaal
    tweede = services.submit_signaal(
        door=fatima,
        kanaal="benoemd",
        organisatie=lud,
        titel="Terugvordering bij vergeten opgave van vakantiewerk",
        tekst="Een student die een week vakantiewerk vergat op te geven, moet alles terugbetalen.",
        regeling=art_b.regeling,
        artikel=art_b,
    ).signaal
    services.create_knelpunt(
        door=yusuf,
        organisatie=lud,
        regeling=art_b.regeling,
        artikel=art_b,
        naam="Onevenredige terugvordering bij kleine inkomsten",
        omschrijving="Kleine fouten in de opgave van inkomsten leiden tot hoge terugvorderingen.",
        signalen=[eerste, tweede],
    )
    vertrouwelijk = services.submit_signaal(
        door=bram,
        kanaal="vertrouwelijk",
        organisatie=lud,
        titel="Druk om bezwaren snel af te wijzen",
        tekst="In ons team wordt gevraagd bezwaren af te wijzen zonder dat we het dossier lezen.",
        beginselen=[zorgvuldig],
    ).signaal
    services.take_in_behandeling(signaal=vertrouwelijk, door=yusuf)
    services.send_bericht(
        signaal=vertrouwelijk,
        door=yusuf,
        tekst="Sinds wanneer speelt dit, en bij hoeveel bezwaren ongeveer?",
        vraag=True,
    )
    services.submit_signaal(
        door=None,
        kanaal="anoniem",
        organisatie=lud,
        titel="Brieven over WW-sancties zijn onbegrijpelijk",
        tekst="Klanten bellen ons omdat ze de brief over hun sanctie niet snappen.",
        regeling=art_a.regeling,
    )
    services.pull_noodrem(
        door=fatima,
        organisatie=lud,
        titel="Stop het automatisch stopzetten van de WW bij te laat werkbriefje",
        schade="Mensen zonder buffer kunnen hun huur niet betalen.",
        stoppen="Het automatisch stopzetten van de uitkering na één dag vertraging.",
        beginselen=[belangen, zorgvuldig],
        regeling=art_a.regeling,
        artikel=art_a,
    )
    return 6

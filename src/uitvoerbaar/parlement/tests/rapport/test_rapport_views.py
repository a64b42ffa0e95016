"""The screens of the Stand van de uitvoering over HTTP: asking (and the refusals, with the
message next to the field and nothing created), the progress fragment that htmx polls, the
result and its PDF, publishing, and the public pages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pypdf
import pytest
import time_machine
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.parlement import rapport_services as services
from uitvoerbaar.parlement.models import Rapport, Rapportstatus

from .conftest import TOT, VAN, VANDAAG, Wereld, moment

pytestmark = pytest.mark.django_db
LIJST = "/parlement/rapporten/"


@pytest.fixture(autouse=True)
def _vandaag() -> Iterator[None]:
    with time_machine.travel(moment(VANDAAG), tick=False):
        yield


def _client(user: Gebruiker | None = None) -> Client:
    return ingelogd(Client(), user) if user is not None else Client()


def _aanvraag(**kw: Any) -> dict[str, str]:
    return {"organisatie": "tu", "van": VAN.isoformat(), "tot": TOT.isoformat(), **kw}


def _rapport(w: Wereld, *, klaar: bool = True) -> Rapport:
    r = services.request_rapport(door=w.bestuur, organisatie=w.uitvoerder, van=VAN, tot=TOT)
    if klaar:
        services.process_rapporten()
        r.refresh_from_db()
    return r


def test_request_follow_progress_and_read_the_result(wereld: Wereld) -> None:
    c = _client(wereld.bestuur)
    r = c.get(LIJST)
    assert r.status_code == 200
    assert "Landelijk overzicht" not in r.content.decode()  # the bestuur cannot ask for it
    r = c.post(LIJST, _aanvraag())
    rapport = Rapport.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/parlement/rapporten/{rapport.pk}/"
    pagina = c.get(r["Location"]).content.decode()
    voortgang = f"/parlement/rapporten/{rapport.pk}/voortgang/"
    assert f'hx-get="{voortgang}"' in pagina and 'hx-trigger="every 2s"' in pagina
    assert "<progress" in pagina and "Wacht op verwerking" in pagina
    assert c.get(f"/parlement/rapporten/{rapport.pk}/pdf/").status_code == 409

    services.process_rapporten()
    r = c.get(voortgang, HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and r["HX-Refresh"] == "true"
    assert "hx-get" not in r.content.decode()  # polling stops
    pagina = c.get(f"/parlement/rapporten/{rapport.pk}/").content.decode()
    assert "Knelpunten per artikel" in pagina and "Reactieplicht: pas toe of leg uit" in pagina
    r = c.get(f"/parlement/rapporten/{rapport.pk}/pdf/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    tekst = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(r.content)).pages)
    assert "Stand van de uitvoering: Testuitvoering" in tekst
    assert "stand-van-de-uitvoering-tu-20261001-20261231.pdf" in r["Content-Disposition"]


@pytest.mark.parametrize(
    ("invoer", "veld", "melding"),
    [
        ({"tot": "2026-09-30"}, "tot", "De einddatum ligt vóór de begindatum."),
        ({"van": "2025-01-01", "tot": "2026-06-30"}, "tot", "Een rapport gaat over hoogstens"),
        ({"van": "morgen"}, "van", "Vul een geldige datum in"),
        ({"organisatie": ""}, "organisatie", "Kies een uitvoeringsorganisatie."),
        ({"organisatie": "au"}, "organisatie", "Kies een uitvoeringsorganisatie uit de lijst."),
    ],
)
def test_bad_input_shows_the_message_next_to_the_field(
    wereld: Wereld, invoer: dict[str, str], veld: str, melding: str
) -> None:
    r = _client(wereld.bestuur).post(LIJST, _aanvraag(**invoer))
    assert r.status_code == 400
    html = r.content.decode()
    assert f'id="id_{veld}_error"' in html
    assert melding in html
    assert not Rapport.objects.exists()


def test_who_may_open_the_screens(wereld: Wereld) -> None:
    w = wereld
    rapport = _rapport(w)
    pad = f"/parlement/rapporten/{rapport.pk}/"
    assert _client().get(LIJST).status_code == 302  # to the login page
    for wie in (w.medewerker, w.vertrouwenspersoon, w.beleidsmaker):
        assert _client(wie).get(LIJST).status_code == 403
        assert _client(wie).get(pad).status_code == 403
    for wie in (w.bestuur, w.behandelaar, w.beheerder, w.top, w.kamerlid, w.griffie):
        assert _client(wie).get(pad).status_code == 200, wie
        assert _client(wie).get(f"{pad}pdf/").status_code == 200
    # Another organisation's bestuur: the report does not exist for them.
    assert _client(w.bestuur_andere).get(pad).status_code == 404
    assert _client(w.bestuur_andere).get(f"{pad}pdf/").status_code == 404
    assert _client(w.bestuur_andere).get(LIJST).content.decode().count(pad) == 0
    # Parliament may ask for another organisation and for the national overview.
    c = _client(w.kamerlid)
    assert "Landelijk overzicht" in c.get(LIJST).content.decode()
    assert c.post(LIJST, _aanvraag(organisatie="au")).status_code == 302
    assert c.post(LIJST, _aanvraag(organisatie="")).status_code == 302
    assert Rapport.objects.filter(organisatie__isnull=True).count() == 1


def test_publishing_and_the_public_pages(wereld: Wereld) -> None:
    w = wereld
    rapport = _rapport(w)
    openbaar = f"/openbaar/stand-van-de-uitvoering/{rapport.pk}/"
    assert Client().get(openbaar).status_code == 404
    assert (
        "Openbaar maken"
        not in _client(w.behandelaar).get(f"/parlement/rapporten/{rapport.pk}/").content.decode()
    )
    pad = f"/parlement/rapporten/{rapport.pk}/publiceren/"
    assert _client(w.behandelaar).post(pad).status_code == 403
    assert _client(w.kamerlid).post(pad).status_code == 403
    assert _client(w.bestuur_andere).post(pad).status_code == 404  # not given away
    c = _client(w.bestuur)
    assert "Openbaar maken" in c.get(f"/parlement/rapporten/{rapport.pk}/").content.decode()
    assert c.post(pad).status_code == 302
    rapport.refresh_from_db()
    assert rapport.gepubliceerd_op is not None
    lijst = Client().get("/openbaar/stand-van-de-uitvoering/").content.decode()
    assert openbaar in lijst
    r = Client().get(openbaar)
    assert r.status_code == 200 and "Testuitvoering" in r.content.decode()
    r = Client().get(f"{openbaar}pdf/")
    assert r.status_code == 200 and r.content.startswith(b"%PDF-")


def test_an_unfinished_report_cannot_be_published(wereld: Wereld) -> None:
    rapport = _rapport(wereld, klaar=False)
    c = _client(wereld.bestuur)
    r = c.post(f"/parlement/rapporten/{rapport.pk}/publiceren/", follow=True)
    assert "Alleen een rapport dat klaar is kan openbaar worden." in r.content.decode()
    rapport.refresh_from_db()
    assert rapport.gepubliceerd_op is None and rapport.status == Rapportstatus.WACHTEND


def test_the_menu_leads_to_the_reports_for_those_who_may_read_them(wereld: Wereld) -> None:
    link = f'href="{LIJST}"'
    for wie in (wereld.kamerlid, wereld.griffie, wereld.bestuur, wereld.top):
        assert link in _client(wie).get("/start/").content.decode(), wie
    assert link not in _client(wereld.medewerker).get("/start/").content.decode()

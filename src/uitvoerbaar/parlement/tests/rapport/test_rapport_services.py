"""Services and the background job of the Stand van de uitvoering: who may ask, the period
rules, claiming (never twice, a half-made report again after a while), progress, a failure
recorded, publishing, the audit events, and nothing confidential in the result."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pypdf
import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import jobs
from uitvoerbaar.parlement import rapport_services as services
from uitvoerbaar.parlement.models import Rapport, Rapportstatus

from .conftest import GEHEIME_NAAM, GEHEIME_TEKST, TOT, VAN, VANDAAG, Wereld, moment

pytestmark = pytest.mark.django_db


def events(rapport: Rapport) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="parlement.rapport", object_id=str(rapport.pk))
        .order_by("volgnummer")
        .values_list("event", flat=True)
    )


@pytest.fixture
def op_vandaag() -> Any:
    with time_machine.travel(moment(VANDAAG), tick=False) as reiziger:
        yield reiziger


def vraag(w: Wereld, door: Any = None, organisatie: Any = "eigen", **kw: Any) -> Rapport:
    return services.request_rapport(
        door=door or w.bestuur,
        organisatie=w.uitvoerder if organisatie == "eigen" else organisatie,
        van=kw.get("van", VAN),
        tot=kw.get("tot", TOT),
    )


def test_who_may_ask_for_which_report(wereld: Wereld, op_vandaag: Any) -> None:
    w = wereld
    for wie in (w.bestuur, w.behandelaar, w.beheerder, w.top, w.kamerlid, w.griffie):
        assert vraag(w, door=wie).status == Rapportstatus.WACHTEND
    for wie in (w.kamerlid, w.griffie):
        assert vraag(w, door=wie, organisatie=None).landelijk
        assert vraag(w, door=wie, organisatie=w.andere).organisatie == w.andere
    aantal = Rapport.objects.count()
    for wie, organisatie in (
        (w.medewerker, "eigen"),
        (w.vertrouwenspersoon, "eigen"),
        (w.beleidsmaker, "eigen"),
        (w.bestuur, w.andere),  # another organisation
        (w.bestuur_andere, "eigen"),
        (w.bestuur, None),  # the national overview is parliament's
        (w.top, None),
    ):
        with pytest.raises(PermissionDenied):
            vraag(w, door=wie, organisatie=organisatie)
    assert Rapport.objects.count() == aantal


@pytest.mark.parametrize(
    ("van", "tot", "veld"),
    [
        (dt.date(2026, 10, 1), dt.date(2026, 9, 30), "tot"),  # to before from
        (dt.date(2025, 1, 1), dt.date(2026, 1, 2), "tot"),  # longer than a year
        (dt.date(2026, 12, 1), dt.date(2026, 12, 31), "van"),  # starts in the future
        (None, dt.date(2026, 12, 31), "van"),
    ],
)
def test_a_bad_period_is_refused_per_field_and_changes_nothing(
    wereld: Wereld, op_vandaag: Any, van: Any, tot: Any, veld: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        vraag(wereld, van=van, tot=tot)
    assert veld in exc.value.message_dict
    assert not Rapport.objects.exists()
    assert not AuditEvent.objects.filter(event__startswith="rapport.").exists()


def test_a_year_is_allowed_and_a_ministry_is_not_an_executive(
    wereld: Wereld, op_vandaag: Any
) -> None:
    assert vraag(wereld, van=dt.date(2025, 1, 1), tot=dt.date(2025, 12, 31)).pk
    with pytest.raises(ValidationError) as exc:
        vraag(wereld, door=wereld.kamerlid, organisatie=wereld.ministerie)
    assert "organisatie" in exc.value.message_dict


def test_claim_takes_the_oldest_once_and_a_half_made_one_again_later(
    wereld: Wereld, op_vandaag: Any
) -> None:
    eerste = vraag(wereld)
    tweede = vraag(wereld)
    assert services.claim_rapport() == eerste
    assert services.claim_rapport() == tweede
    assert services.claim_rapport() is None  # both are taken
    eerste.refresh_from_db()
    assert (eerste.status, eerste.pogingen) == (Rapportstatus.BEZIG, 1)
    # A worker was killed: after ten minutes the report is taken again, at most three times.
    later = moment(VANDAAG) + services.VERLATEN_NA + dt.timedelta(minutes=1)
    assert services.claim_rapport(nu=later) == eerste
    Rapport.objects.update(pogingen=services.MAX_POGINGEN)
    assert services.claim_rapport(nu=later + services.VERLATEN_NA * 2) is None


def test_the_job_makes_the_report_with_progress_and_audit(
    gevuld: Wereld, op_vandaag: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    rapport = vraag(gevuld, door=gevuld.kamerlid)
    stappen: list[tuple[int, str]] = []
    echt = services._voortgang

    def spion(r: Rapport, procent: int, stap: str) -> None:
        echt(r, procent, stap)
        # What the progress page reads while the worker is busy.
        vers = Rapport.objects.defer("html", "pdf").get(pk=r.pk)
        stappen.append((vers.voortgang, vers.stap))

    monkeypatch.setattr(services, "_voortgang", spion)
    assert jobs.run("rapporten_maken") == "rapporten: 1 klaar, 0 mislukt"
    assert [p for p, _s in stappen] == sorted(p for p, _s in stappen)
    assert "Noodremmen en hun antwoorden tellen" in [s for _p, s in stappen]
    assert stappen[-1] == (90, "PDF maken")
    rapport.refresh_from_db()
    assert (rapport.status, rapport.voortgang, rapport.stap) == (Rapportstatus.KLAAR, 100, "Klaar")
    assert rapport.klaar_op is not None
    assert events(rapport) == ["rapport.aangevraagd", "rapport.klaar"]
    assert jobs.run("rapporten_maken") == "rapporten: 0 klaar, 0 mislukt"  # idempotent

    # The PDF is a real PDF with the organisation's name; the HTML has its charts.
    assert rapport.pdf is not None
    pdf = bytes(rapport.pdf)
    assert pdf.startswith(b"%PDF-")
    tekst = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Testuitvoering" in tekst
    assert "Volledige terugvordering bij kleine fouten" in tekst
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in rapport.html
    assert 'id="grafiek-artikelen"' in rapport.html and 'id="grafiek-nakoming"' in rapport.html
    assert "<style" not in rapport.html and "style=" not in rapport.html

    # Nothing confidential: not the confidential reporter's name, not a signal's own text,
    # not a knelpunt that was not taken into the Stand.
    for geheim in (GEHEIME_NAAM, "Zwaluwstaart", GEHEIME_TEKST, "Interne werkvoorraad"):
        assert geheim not in rapport.html
        assert geheim not in tekst
    assert "Een gezin moet alles terugbetalen" not in rapport.html


def test_the_national_overview_is_made_too(gevuld: Wereld, op_vandaag: Any) -> None:
    rapport = vraag(gevuld, door=gevuld.griffie, organisatie=None)
    services.process_rapporten()
    rapport.refresh_from_db()
    assert rapport.status == Rapportstatus.KLAAR
    assert "Testuitvoering" in rapport.html and "Andere Uitvoering" in rapport.html
    assert GEHEIME_TEKST not in rapport.html


def test_a_failure_is_recorded_and_the_next_report_is_still_made(
    wereld: Wereld, op_vandaag: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    kapot = vraag(wereld)
    goed = vraag(wereld)
    echte_pdf = services.html_naar_pdf
    aanroepen: list[int] = []

    def eerst_kapot(html: str) -> bytes:
        aanroepen.append(1)
        if len(aanroepen) == 1:
            raise RuntimeError("printer in brand")
        return echte_pdf(html)

    monkeypatch.setattr(services, "html_naar_pdf", eerst_kapot)
    assert services.process_rapporten() == "rapporten: 1 klaar, 1 mislukt"
    kapot.refresh_from_db()
    goed.refresh_from_db()
    assert kapot.status == Rapportstatus.MISLUKT
    assert "printer in brand" in kapot.foutmelding
    assert events(kapot) == ["rapport.aangevraagd", "rapport.mislukt"]
    assert goed.status == Rapportstatus.KLAAR


def test_publishing_by_the_bestuur_only_once_and_only_when_ready(
    wereld: Wereld, op_vandaag: Any
) -> None:
    w = wereld
    rapport = vraag(w)
    with pytest.raises(services.NietMogelijk):
        services.publish_rapport(door=w.bestuur, rapport=rapport)
    services.process_rapporten()
    rapport.refresh_from_db()
    for wie in (w.behandelaar, w.beheerder, w.top, w.kamerlid, w.bestuur_andere):
        with pytest.raises(PermissionDenied):
            services.publish_rapport(door=wie, rapport=rapport)
    services.publish_rapport(door=w.bestuur, rapport=rapport)
    with pytest.raises(services.NietMogelijk):
        services.publish_rapport(door=w.bestuur, rapport=rapport)
    assert events(rapport) == ["rapport.aangevraagd", "rapport.klaar", "rapport.gepubliceerd"]
    landelijk = vraag(w, door=w.kamerlid, organisatie=None)
    with pytest.raises(PermissionDenied):
        services.publish_rapport(door=w.bestuur, rapport=landelijk)

"""State changes of the Stand van de uitvoering (seed action P3): request a report, claim and
generate it in the background with visible progress, record a failure, publish it.

Generation runs outside any long transaction: a worker claims one waiting report (SELECT ...
FOR UPDATE SKIP LOCKED, so several workers never take the same one), writes its progress after
each step in a short update, and stores the result (HTML snapshot and PDF) with its audit event
in one transaction at the end. A report a worker left half-made (killed) is claimed again after
`VERLATEN_NA`."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.models import Gebruiker, Organisatie

from . import rapport_selectors as selectors
from .models import Rapport, Rapportstatus

logger = logging.getLogger(__name__)

# A report covers at most a year (a leap year included): the Stand is a quarterly or yearly
# account, and a longer period would blur what changed.
MAX_DAGEN = 366
VERLATEN_NA = dt.timedelta(minutes=10)
MAX_POGINGEN = 3
PDF_CSS = Path(__file__).parent / "static" / "parlement" / "rapport-pdf.css"


class NietMogelijk(Exception):
    """A move the report's state does not allow (not finished yet, already public): 409."""


def _vandaag() -> dt.date:
    return timezone.localdate()


def _valideer_periode(van: Any, tot: Any) -> None:
    fouten: dict[str, str] = {}
    if not isinstance(van, dt.date):
        fouten["van"] = _("Vul een begindatum in.")
    if not isinstance(tot, dt.date):
        fouten["tot"] = _("Vul een einddatum in.")
    if not fouten:
        if tot < van:
            fouten["tot"] = _("De einddatum ligt vóór de begindatum.")
        elif (tot - van).days + 1 > MAX_DAGEN:
            fouten["tot"] = _("Een rapport gaat over hoogstens een jaar (%(n)d dagen).") % {
                "n": MAX_DAGEN
            }
        elif van > _vandaag():
            fouten["van"] = _("De begindatum ligt in de toekomst.")
    if fouten:
        raise ValidationError(fouten)


def _start_achtergrond() -> None:
    # With a real broker a worker starts at once; without one (the embedded setup, tests)
    # `run_jobs` picks the report up within seconds (job `rapporten_maken`).
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", True):
        return
    from uitvoerbaar.celery import run_job

    run_job.delay("rapporten_maken")


def request_rapport(
    *, door: Gebruiker, organisatie: Organisatie | None, van: dt.date, tot: dt.date
) -> Rapport:
    """Ask for a Stand van de uitvoering of one executive organisation (or, `organisatie` None,
    the national overview) over the period van to tot (inclusive, at most a year). Refused
    (PermissionDenied) for whoever may not ask for it; a bad period is a ValidationError per
    field. The report waits for a background worker; audited as `rapport.aangevraagd`."""
    if organisatie is not None and organisatie.soort != OrganisatieSoort.UITVOERINGSORGANISATIE:
        raise ValidationError(
            {"organisatie": _("Kies een uitvoeringsorganisatie (of het landelijk overzicht).")}
        )
    if not selectors.mag_aanvragen(door, organisatie):
        raise PermissionDenied(_("U mag dit rapport niet aanvragen."))
    _valideer_periode(van, tot)
    with transaction.atomic():
        rapport = Rapport.objects.create(
            organisatie=organisatie,
            van=van,
            tot=tot,
            aangevraagd_door=door,
            stap=_("Wacht op verwerking"),
        )
        audit.record(
            event="rapport.aangevraagd",
            actor=door,
            obj=rapport,
            data={
                "organisatie": organisatie.slug if organisatie else None,
                "van": van,
                "tot": tot,
            },
        )
        transaction.on_commit(_start_achtergrond)
    return rapport


def claim_rapport(*, nu: dt.datetime | None = None, pk: int | None = None) -> Rapport | None:
    """Take the oldest waiting report (or one a worker left half-made longer than
    `VERLATEN_NA` ago, fewer than `MAX_POGINGEN` times) and mark it `bezig`; with `pk` only
    that one. Safe with several workers: a row another worker holds is skipped, never waited
    for."""
    nu = nu or timezone.now()
    qs = Rapport.objects.filter(pk=pk) if pk is not None else Rapport.objects.all()
    with transaction.atomic():
        rapport = (
            qs.select_for_update(skip_locked=True)
            .filter(
                Q(status=Rapportstatus.WACHTEND)
                | Q(
                    status=Rapportstatus.BEZIG,
                    gestart_op__lt=nu - VERLATEN_NA,
                    pogingen__lt=MAX_POGINGEN,
                )
            )
            .defer("html", "pdf")
            .order_by("aangevraagd_op", "pk")
            .first()
        )
        if rapport is None:
            return None
        rapport.status = Rapportstatus.BEZIG
        rapport.gestart_op = nu
        rapport.pogingen += 1
        rapport.voortgang = 0
        rapport.stap = _("Gestart")
        rapport.save(update_fields=["status", "gestart_op", "pogingen", "voortgang", "stap"])
    return rapport


def _voortgang(rapport: Rapport, procent: int, stap: str) -> None:
    # Its own short write, outside the generation: the progress page reads it while the
    # worker is busy.
    Rapport.objects.filter(pk=rapport.pk, status=Rapportstatus.BEZIG).update(
        voortgang=procent, stap=stap
    )
    rapport.voortgang, rapport.stap = procent, stap


def html_naar_pdf(html: str) -> bytes:
    """The report as PDF (WeasyPrint), styled by the stylesheet file beside the app's static
    files; no external resource is fetched (a PDF must not depend on, or leak to, a server)."""
    from weasyprint import CSS, HTML

    from uitvoerbaar.dienstverlening.pdf import _geen_netwerk

    pdf = HTML(string=html, url_fetcher=_geen_netwerk).write_pdf(
        stylesheets=[CSS(filename=str(PDF_CSS))]
    )
    assert pdf is not None
    return bytes(pdf)


def _inhoud(rapport: Rapport, vandaag: dt.date) -> str:
    stappen = (
        selectors.landelijk_stappen(van=rapport.van, tot=rapport.tot, vandaag=vandaag)
        if rapport.organisatie is None
        else selectors.organisatie_stappen(
            organisatie=rapport.organisatie, van=rapport.van, tot=rapport.tot, vandaag=vandaag
        )
    )
    ctx: dict[str, Any] = {"rapport": rapport, "vandaag": vandaag}
    # The counting takes 80% of the bar, the document and the PDF the rest.
    for i, (naam, stap) in enumerate(stappen):
        _voortgang(rapport, 5 + 75 * i // len(stappen), naam)
        stap(ctx)
    _voortgang(rapport, 80, _("Rapport opmaken"))
    sjabloon = "landelijk" if rapport.organisatie is None else "organisatie"
    return render_to_string(f"parlement/rapport/{sjabloon}.html", ctx)


def generate_rapport(*, rapport: Rapport, vandaag: dt.date | None = None) -> Rapport:
    """Make a claimed report: count through the other apps' aggregate selectors, render the
    HTML snapshot and the PDF, and store both with the audit event `rapport.klaar` in one
    transaction. Any error is recorded on the report (`mislukt`, `rapport.mislukt`) and does
    not propagate: the worker goes on with the next one."""
    vandaag = vandaag or _vandaag()
    try:
        with translation.override(settings.LANGUAGE_CODE):
            inhoud = _inhoud(rapport, vandaag)
            _voortgang(rapport, 90, _("PDF maken"))
            document = render_to_string(
                "parlement/rapport/pdf.html", {"rapport": rapport, "inhoud": inhoud}
            )
            pdf = html_naar_pdf(document)
    except Exception as exc:
        logger.exception("Rapport %s mislukt", rapport.pk)
        return _mislukt(rapport, exc)
    with transaction.atomic():
        vast = Rapport.objects.select_for_update().defer("html", "pdf").get(pk=rapport.pk)
        vast.status = Rapportstatus.KLAAR
        vast.voortgang = 100
        vast.stap = _("Klaar")
        vast.html = inhoud
        vast.pdf = pdf
        vast.klaar_op = timezone.now()
        vast.foutmelding = ""
        vast.save(
            update_fields=["status", "voortgang", "stap", "html", "pdf", "klaar_op", "foutmelding"]
        )
        audit.record(
            event="rapport.klaar",
            actor=None,
            obj=vast,
            data={"pdf_bytes": len(pdf), "pogingen": vast.pogingen},
        )
    return vast


def _mislukt(rapport: Rapport, exc: Exception) -> Rapport:
    with transaction.atomic():
        vast = Rapport.objects.select_for_update().defer("html", "pdf").get(pk=rapport.pk)
        vast.status = Rapportstatus.MISLUKT
        vast.stap = _("Mislukt")
        vast.foutmelding = f"{type(exc).__name__}: {exc}"[:2000]
        vast.save(update_fields=["status", "stap", "foutmelding"])
        audit.record(
            event="rapport.mislukt",
            actor=None,
            obj=vast,
            data={"fout": type(exc).__name__, "pogingen": vast.pogingen},
        )
    return vast


def process_rapporten(*, maximum: int = 10) -> str:
    """Claim and make waiting reports one by one (at most `maximum` per run): the periodic job
    `rapporten_maken`. Costs one query when nothing waits."""
    klaar = mislukt = 0
    for _i in range(maximum):
        rapport = claim_rapport()
        if rapport is None:
            break
        if generate_rapport(rapport=rapport).status == Rapportstatus.KLAAR:
            klaar += 1
        else:
            mislukt += 1
    return f"rapporten: {klaar} klaar, {mislukt} mislukt"


def publish_rapport(*, door: Gebruiker, rapport: Rapport) -> Rapport:
    """Make a finished report of the organisation public (its bestuur only, policy
    `rapport.publiceren`); it then appears on /openbaar/stand-van-de-uitvoering/. A national
    overview is not an organisation's to publish. Audited as `rapport.gepubliceerd`."""
    if rapport.organisatie_id is None:
        raise PermissionDenied(
            _("Het landelijk overzicht wordt niet door een organisatie gepubliceerd.")
        )
    policy.require(door, "rapport.publiceren", rapport)
    with transaction.atomic():
        vast = Rapport.objects.select_for_update().defer("html", "pdf").get(pk=rapport.pk)
        if vast.status != Rapportstatus.KLAAR:
            raise NietMogelijk(_("Alleen een rapport dat klaar is kan openbaar worden."))
        if vast.gepubliceerd_op is not None:
            raise NietMogelijk(_("Dit rapport is al openbaar."))
        vast.gepubliceerd_op = timezone.now()
        vast.gepubliceerd_door = door
        vast.save(update_fields=["gepubliceerd_op", "gepubliceerd_door"])
        audit.record(event="rapport.gepubliceerd", actor=door, obj=vast, data={})
    return vast

"""Periodic background jobs, declared once. Celery beat schedules them in production
(uitvoerbaar/celery.py); `uitvoerbaar run_jobs` runs the same ones in-process for the embedded
setup. Each job must be idempotent and safe to run on several workers at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.core.management import call_command

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    interval: timedelta
    func: Callable[[], str]


def _clear_sessions() -> str:
    call_command("clearsessions")
    return "verlopen sessies opgeruimd"


def _verify_audit_chain() -> str:
    from uitvoerbaar.audit.verification import verify_chain

    result = verify_chain()
    if not result.ok:
        logger.error("Auditketen gebroken: %s", result.melding)
    return result.melding


def _process_deadlines() -> str:
    # Every minute: the sweep costs two queries when nothing is due, and a request whose
    # deadline passed at midnight escalates within a minute of the new day.
    from uitvoerbaar.responsplicht.sweep import process_deadlines

    return process_deadlines().regel()


def _make_reports() -> str:
    # Every few seconds: a requested Stand van de uitvoering shows its progress soon after the
    # request also without a Celery broker; one query when nothing waits.
    from uitvoerbaar.parlement.rapport_services import process_rapporten

    return process_rapporten()


def _refresh_dashboards() -> str:
    # Every minute: the board dashboards looked at today are counted again before they are
    # DASHBOARD_VERVERSEN_SECONDEN old; one query when none is due.
    from uitvoerbaar.signalen.services import ververs_dashboards

    return f"{ververs_dashboards()} dashboards bijgewerkt"


JOBS: list[Job] = [
    Job("sessies_opruimen", timedelta(hours=1), _clear_sessions),
    Job("auditketen_controleren", timedelta(hours=24), _verify_audit_chain),
    Job("termijnen_verwerken", timedelta(minutes=1), _process_deadlines),
    Job("rapporten_maken", timedelta(seconds=5), _make_reports),
    Job("dashboards_verversen", timedelta(minutes=1), _refresh_dashboards),
]


def run(name: str) -> str:
    for job in JOBS:
        if job.name == name:
            outcome = job.func()
            logger.info("Taak %s: %s", name, outcome)
            return outcome
    raise KeyError(name)

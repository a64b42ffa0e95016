"""Run the periodic jobs in-process, for the embedded setup without a Celery broker."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from uitvoerbaar.core.jobs import JOBS, run

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Voert de periodieke taken uit (zonder Celery). Met --once één ronde en dan stoppen."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Elke taak één keer uitvoeren.")

    def handle(self, *args: Any, once: bool = False, **options: Any) -> None:
        next_run = {job.name: timezone.now() for job in JOBS}
        while True:
            now = timezone.now()
            for job in JOBS:
                if next_run[job.name] <= now:
                    next_run[job.name] = now + job.interval
                    try:
                        self.stdout.write(f"{job.name}: {run(job.name)}")
                    except Exception:
                        # One failing job must not stop the others; it is retried at its
                        # next interval, as Celery beat would.
                        logger.exception("Taak %s mislukt", job.name)
                        self.stderr.write(f"{job.name}: mislukt, zie het logboek")
            if once:
                return
            # Sleep until the next job is due (at most 30 s), so a job with a short interval
            # (rapporten_maken) is responsive.
            wacht = (min(next_run.values()) - timezone.now()).total_seconds()
            time.sleep(min(30.0, max(1.0, wacht)))

"""Celery application. Workers: `celery -A uitvoerbaar.celery worker -B`. The same periodic jobs run
without a broker through `uitvoerbaar run_jobs` (the embedded setup of `make demo`)."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uitvoerbaar.conf.production")

app = Celery("uitvoerbaar")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _schedule_periodic_jobs(sender: Celery, **kwargs: object) -> None:
    from uitvoerbaar.core.jobs import JOBS

    for job in JOBS:
        sender.add_periodic_task(job.interval.total_seconds(), run_job.s(job.name), name=job.name)


@app.task(name="uitvoerbaar.run_job")
def run_job(name: str) -> str:
    from uitvoerbaar.core.jobs import run

    return run(name)

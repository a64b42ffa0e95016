"""The periodic jobs: declared once, run by `run_jobs` and scheduled by Celery beat."""

from __future__ import annotations

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from uitvoerbaar.audit import services as audit
from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.audit.testing import triggers_uitgeschakeld
from uitvoerbaar.core import jobs

pytestmark = pytest.mark.django_db


def _run_once() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("run_jobs", "--once", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_run_jobs_once_runs_every_job_and_clears_expired_sessions() -> None:
    Session.objects.create(
        session_key="verlopen", session_data="", expire_date=timezone.now() - timedelta(days=1)
    )
    Session.objects.create(
        session_key="geldig", session_data="", expire_date=timezone.now() + timedelta(days=1)
    )
    audit.record(event="test.gebeurtenis", actor=None, obj=None, data={"i": 1})

    out, err = _run_once()

    assert err == ""
    assert "sessies_opruimen: verlopen sessies opgeruimd" in out
    assert "auditketen_controleren: Auditketen klopt: 1 gebeurtenissen." in out
    assert (
        f"termijnen_verwerken: Termijnen verwerkt op {timezone.localdate().isoformat()}: "
        "0 geëscaleerd, 0 verlopen, 0 herinnerd, 0 controles gestart, 0 mislukt." in out
    )
    assert list(Session.objects.values_list("session_key", flat=True)) == ["geldig"]


def test_broken_audit_chain_is_logged_as_error(caplog: pytest.LogCaptureFixture) -> None:
    event = audit.record(event="test.gebeurtenis", actor=None, obj=None, data={"i": 1})
    with triggers_uitgeschakeld():
        AuditEvent.objects.filter(pk=event.pk).update(data={"i": 2})

    with caplog.at_level(logging.ERROR, logger="uitvoerbaar.core.jobs"):
        melding = jobs.run("auditketen_controleren")

    assert melding.startswith(f"Auditketen gebroken bij gebeurtenis #{event.volgnummer}:")
    assert any(
        r.levelno == logging.ERROR and "Auditketen gebroken" in r.getMessage()
        for r in caplog.records
    )


def test_a_failing_job_does_not_stop_the_others(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def kapot() -> str:
        raise RuntimeError("kapot")

    monkeypatch.setattr(jobs, "JOBS", [jobs.Job("kapot", timedelta(hours=1), kapot), *jobs.JOBS])
    monkeypatch.setattr("uitvoerbaar.core.management.commands.run_jobs.JOBS", jobs.JOBS)

    with caplog.at_level(logging.ERROR):
        out, err = _run_once()

    assert "kapot: mislukt, zie het logboek" in err
    assert "sessies_opruimen:" in out
    assert "auditketen_controleren:" in out
    assert "termijnen_verwerken:" in out
    assert any("Taak kapot mislukt" in r.getMessage() for r in caplog.records)


def test_unknown_job_is_refused() -> None:
    with pytest.raises(KeyError):
        jobs.run("bestaat_niet")


def test_celery_beat_schedules_every_job() -> None:
    from uitvoerbaar.celery import app

    app.loader.import_default_modules()
    app.finalize()
    schedule = app.conf.beat_schedule
    assert {job.name for job in jobs.JOBS} <= set(schedule)
    for job in jobs.JOBS:
        assert schedule[job.name]["schedule"] == job.interval.total_seconds()
        assert schedule[job.name]["args"] == (job.name,)

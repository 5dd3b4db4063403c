"""The task queue's tasks (django-tasks; the database backend in production, docs/
architecture.md, "Jobs"). `run_job` runs one scheduled job for one period, at most once
(jobs.run_once); a failed attempt is enqueued again after a growing pause, up to
VELFERD_JOB_ATTEMPTS attempts, and its failure is counted in the metrics."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import jobs

log = logging.getLogger(__name__)


def backoff(attempt: int) -> timedelta:
    """The pause before attempt `attempt + 1`: the base pause, doubled for each attempt."""
    return timedelta(seconds=settings.VELFERD_JOB_RETRY_SECONDS * 2 ** (attempt - 1))


@task()
def run_job(name: str, period: str, attempt: int = 1) -> str:
    try:
        return jobs.run_once(name, period)
    except Exception:
        if attempt < settings.VELFERD_JOB_ATTEMPTS:
            log.warning("Job %s %s failed (attempt %d); retrying", name, period, attempt)
            retry(name, period, attempt + 1)
        else:
            log.error("Job %s %s failed after %d attempts", name, period, attempt)
        raise


def retry(name: str, period: str, attempt: int) -> None:
    later = run_job
    if later.get_backend().supports_defer:
        later = later.using(run_after=timezone.now() + backoff(attempt - 1))
    later.enqueue(name, period, attempt)


def enqueue_job(name: str, period: str | None = None) -> str:
    """Put job `name` on the queue for `period` (the current one when not given)."""
    job = jobs.JOBS[name]
    chosen = period or job.period_of(timezone.now())
    run_job.enqueue(name, chosen)
    return chosen

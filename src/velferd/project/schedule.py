"""The periodic schedule (APScheduler's cron triggers, in Norway's time): it only puts each
job on the task queue at its time; the workers run it. Two schedulers running at once would
enqueue a period twice and the job would still happen once (jobs.run_once)."""

from __future__ import annotations

import logging
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .jobs import JOBS
from .tasks import enqueue_job

log = logging.getLogger(__name__)


def enqueue_scheduled(name: str) -> None:
    close_old_connections()
    period = enqueue_job(name)
    log.info("Scheduled job %s %s enqueued", name, period)


def requeue_stalled() -> int:
    """Tasks marked running for longer than the lease lost their worker (killed, or its
    machine gone): put them back in the queue. Their job's effect had not committed."""
    close_old_connections()
    lease = timedelta(seconds=settings.VELFERD_JOB_LEASE_SECONDS)
    stalled = DBTaskResult.objects.filter(
        status="RUNNING", started_at__lt=timezone.now() - lease
    ).update(status="READY", started_at=None)
    if stalled:
        log.warning("%d stalled tasks put back in the queue", stalled)
    return stalled


def build_scheduler() -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone=settings.TIME_ZONE)
    defaults = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 15 * 60}
    for name, job in JOBS.items():
        trigger = CronTrigger.from_crontab(job.cron, timezone=settings.TIME_ZONE)
        scheduler.add_job(enqueue_scheduled, trigger, args=[name], id=name, **defaults)
    scheduler.add_job(requeue_stalled, "interval", minutes=1, id="requeue-stalled", **defaults)
    return scheduler

"""The scheduled jobs: what each does, when it runs and which period a run belongs to.

Each job calls a domain's service (the same as its management command). A run is keyed by
(job, period) in `JobRun`, committed in the same transaction as the job's writes: a retry,
a second scheduler or a worker killed mid-run never makes the effect happen twice.

`prune-task-results` deletes the task queue's finished rows once they are old (and the
five-minute job's records with them): without it both tables grow for ever."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from velferd.access.actor import system_actor
from velferd.followup import portfolio_state
from velferd.funding import services as funding_services
from velferd.participants import services as participant_services
from velferd.results.services import runs as effect_runs
from velferd.results.services.outcomes import outcomes_derive
from velferd.settlement import services as settlement_services

from .models import JobRun

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    cron: str  # minute hour day month day-of-week, Europe/Oslo
    period_of: Callable[[datetime], str]
    run: Callable[[str], str]
    # A five-minute slot's record guards only while the slot can still be enqueued (its
    # retries, a stalled task put back): it is pruned. The nightly and monthly records stay,
    # the history of what ran, guarding a month run again by hand.
    records_kept: bool = True


def _night(moment: datetime) -> str:
    return timezone.localtime(moment).date().isoformat()


def _previous_month(moment: datetime) -> str:
    first = timezone.localtime(moment).date().replace(day=1)
    return f"{first - timedelta(days=1):%Y-%m}"


def _five_minutes(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local:%Y-%m-%dT%H}:{local.minute - local.minute % 5:02d}"


def _refresh_portfolio(period: str) -> str:
    return f"{sum(portfolio_state.refresh_all(only_stale=True))} portfolio rows rewritten"


def _fill_places(period: str) -> str:
    return f"{participant_services.fill_places(system_actor('fill-places'))} places offered"


def _derive_outcomes(period: str) -> str:
    report = outcomes_derive(actor=system_actor("derive-outcomes"))
    return f"{report.created} new, {report.changed} changed, {report.removed} removed"


def _funding_claims(period: str) -> str:
    year, month = (int(part) for part in period.split("-"))
    run = funding_services.claims_calculate(
        actor=system_actor("funding-claims"), month=date(year, month, 1)
    )
    return f"{run.claims} claims, {run.kept} submitted left alone"


def _run_effects(period: str) -> str:
    done = [effect_runs.effect_run_execute(run_id) for run_id in effect_runs.queued_runs()]
    return f"{len(done)} effect runs executed"


def _settlement_expire(period: str) -> str:
    return f"{settlement_services.expire_overdue_proposals()} settlement proposals expired"


def _settlement_settle(period: str) -> str:
    return f"{settlement_services.settle_due_cases()} settlement cases settled"


def _prune_task_results(period: str) -> str:
    """Deletes the finished tasks older than VELFERD_TASK_RESULTS_KEEP_DAYS, the failed ones
    older than VELFERD_FAILED_TASK_RESULTS_KEEP_DAYS (kept longer, for their traceback), and
    the pruned jobs' records as old as the first. Waiting and running tasks stay."""
    now = timezone.now()
    kept = now - timedelta(days=settings.VELFERD_TASK_RESULTS_KEEP_DAYS)
    failed_kept = now - timedelta(days=settings.VELFERD_FAILED_TASK_RESULTS_KEEP_DAYS)
    old = Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=kept) | Q(
        status=TaskResultStatus.FAILED, finished_at__lt=failed_kept
    )
    tasks, _ = DBTaskResult.objects.filter(old).delete()
    pruned = [job.name for job in JOBS.values() if not job.records_kept]
    records, _ = JobRun.objects.filter(job__in=pruned, finished_at__lt=kept).delete()
    summary = f"{tasks} task results and {records} job records deleted"
    log.info("Pruned: %s", summary)
    return summary


JOBS: dict[str, Job] = {
    job.name: job
    for job in (
        # Past midnight: yesterday's last day to answer has passed, today's settling day come.
        Job("settlement-expire", "15 0 * * *", _night, _settlement_expire),
        Job("settlement-settle", "30 0 * * *", _night, _settlement_settle),
        Job("refresh-portfolio", "0 1 * * *", _night, _refresh_portfolio),
        Job("fill-places", "30 1 * * *", _night, _fill_places),
        Job("derive-outcomes", "0 2 * * *", _night, _derive_outcomes),
        Job("funding-claims", "0 3 1 * *", _previous_month, _funding_claims),
        Job("prune-task-results", "30 4 * * *", _night, _prune_task_results),
        Job("run-effects", "*/5 * * * *", _five_minutes, _run_effects, records_kept=False),
    )
}


def run_once(name: str, period: str) -> str:
    """Run job `name` for `period` unless a run of that period has committed already."""
    job = JOBS[name]
    with transaction.atomic():
        if JobRun.objects.filter(job=name, period=period).exists():
            return f"{name} {period}: already done"
        summary = job.run(period)
        try:
            with transaction.atomic():
                JobRun.objects.create(job=name, period=period, summary=summary)
        except IntegrityError:
            # Another worker committed the same period meanwhile: undo this run's writes.
            transaction.set_rollback(True)
            return f"{name} {period}: already done"
    return f"{name} {period}: {summary}"

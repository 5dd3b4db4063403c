"""The nightly prune-task-results: the task queue's finished rows go after 30 days, failed
ones after 90, waiting and running ones never; the five-minute job's records go with them."""

from __future__ import annotations

import datetime
import logging
import uuid

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from velferd.project import jobs, tasks
from velferd.project.models import JobRun

pytestmark = pytest.mark.django_db


def a_task(status: str, days_ago: int) -> uuid.UUID:
    """A row of the task queue that was enqueued, started and (unless waiting or running)
    finished `days_ago` days ago."""
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    finished = status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)
    row = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": ["run-effects", "2026-01-01T00:00"], "kwargs": {}},
        task_path="velferd.project.tasks.run_job",
        backend_name="default",
        run_after=moment,
        started_at=None if status == TaskResultStatus.READY else moment,
        finished_at=moment if finished else None,
        exception_class_path="builtins.RuntimeError" if status == "FAILED" else "",
        traceback="Traceback: the register is away" if status == "FAILED" else "",
    )
    DBTaskResult.objects.filter(pk=row.pk).update(enqueued_at=moment)
    return row.id


def a_record(job: str, days_ago: int) -> None:
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    run = JobRun.objects.create(job=job, period=f"{moment:%Y-%m-%dT%H:%M}", summary="done")
    JobRun.objects.filter(pk=run.pk).update(finished_at=moment)


def remaining() -> set[uuid.UUID]:
    return set(DBTaskResult.objects.values_list("id", flat=True))


def test_it_is_on_the_nightly_schedule_at_a_quiet_hour() -> None:
    job = jobs.JOBS["prune-task-results"]
    assert job.cron == "30 4 * * *"
    assert job.period_of(datetime.datetime(2026, 12, 6, 4, 30, tzinfo=datetime.UTC)) == (
        "2026-12-06"
    )


def test_old_finished_tasks_go_recent_and_failed_ones_stay() -> None:
    old_done = a_task(TaskResultStatus.SUCCESSFUL, days_ago=31)
    recent_done = a_task(TaskResultStatus.SUCCESSFUL, days_ago=29)
    failed_last_month = a_task(TaskResultStatus.FAILED, days_ago=31)
    failed_long_ago = a_task(TaskResultStatus.FAILED, days_ago=91)

    result = tasks.run_job.enqueue("prune-task-results", "2026-12-06")

    assert result.return_value == (
        "prune-task-results 2026-12-06: 2 task results and 0 job records deleted"
    )
    assert old_done not in remaining() and failed_long_ago not in remaining()
    assert {recent_done, failed_last_month} <= remaining()


def test_waiting_and_running_tasks_are_never_deleted() -> None:
    waiting = a_task(TaskResultStatus.READY, days_ago=400)
    running = a_task(TaskResultStatus.RUNNING, days_ago=400)
    tasks.run_job.enqueue("prune-task-results", "2026-12-06")
    assert {waiting, running} <= remaining()


def test_the_five_minute_records_go_the_nightly_and_monthly_ones_stay() -> None:
    a_record("run-effects", days_ago=31)
    a_record("run-effects", days_ago=29)
    a_record("refresh-portfolio", days_ago=400)
    a_record("funding-claims", days_ago=400)

    tasks.run_job.enqueue("prune-task-results", "2026-12-06")

    assert JobRun.objects.filter(job="run-effects").count() == 1
    assert JobRun.objects.filter(job__in=["refresh-portfolio", "funding-claims"]).count() == 2


def test_a_night_is_pruned_once_and_the_count_is_kept(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="velferd.project.jobs")
    a_task(TaskResultStatus.SUCCESSFUL, days_ago=45)
    first = tasks.run_job.enqueue("prune-task-results", "2026-12-06")
    a_task(TaskResultStatus.SUCCESSFUL, days_ago=45)
    again = tasks.run_job.enqueue("prune-task-results", "2026-12-06")
    assert again.return_value == "prune-task-results 2026-12-06: already done"
    assert "1 task results" in str(first.return_value)
    record = JobRun.objects.get(job="prune-task-results", period="2026-12-06")
    assert record.summary == "1 task results and 0 job records deleted"
    assert "Pruned: 1 task results and 0 job records deleted" in caplog.text

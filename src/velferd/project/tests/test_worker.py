"""The real worker: tasks kept in the database (the production backend), run by
`velferd worker`, a task whose worker was killed put back and its effect done once.

The worker closes its database connection between tasks, which would end a test's
transaction: the tests inside one keep it open, and one test commits for real."""

from __future__ import annotations

import datetime
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from velferd.project import jobs, schedule, tasks
from velferd.project.models import JobRun

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_queue")]
KEEP_CONNECTION = "django_tasks_db.management.commands.db_worker.close_old_connections"


@pytest.fixture
def database_queue() -> Iterator[None]:
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    with override_settings(TASKS=DATABASE_QUEUE):
        yield
    for sig, handler in handlers.items():
        signal.signal(sig, handler)


@pytest.fixture
def calls() -> Iterator[list[str]]:
    seen: list[str] = []

    def run(period: str) -> str:
        seen.append(period)
        return "counted"

    with mock.patch.dict(jobs.JOBS, {"count": jobs.Job("count", "0 1 * * *", jobs._night, run)}):
        yield seen


@contextmanager
def keeping_the_test_transaction() -> Iterator[None]:
    with mock.patch(KEEP_CONNECTION), mock.patch.object(schedule, "close_old_connections"):
        yield


def run_worker() -> None:
    with keeping_the_test_transaction():
        call_command("worker", "--batch", "--no-schedule", "--interval", "0", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_committed_tasks_on_its_own_connections(calls: list[str]) -> None:
    tasks.enqueue_job("count", "2026-12-06")
    call_command("worker", "--batch", "--no-schedule", "--interval", "0", verbosity=0)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert calls == ["2026-12-06"]
    assert JobRun.objects.get(job="count").summary == "counted"


def test_the_worker_runs_what_was_queued(calls: list[str]) -> None:
    tasks.enqueue_job("refresh-portfolio", "2026-12-06")
    tasks.enqueue_job("count", "2026-12-06")
    tasks.enqueue_job("count", "2026-12-06")
    ready = Client(HTTP_HOST="10.0.0.1").get("/health/ready").json()
    assert ready["checks"]["queue"]["depth"] == 3

    run_worker()

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert calls == ["2026-12-06"]
    assert JobRun.objects.filter(job="refresh-portfolio", period="2026-12-06").exists()
    assert Client(HTTP_HOST="10.0.0.1").get("/health/ready").json()["checks"]["queue"] == {
        "ok": True,
        "depth": 0,
    }


def test_a_task_whose_worker_was_killed_is_run_again_once(calls: list[str]) -> None:
    tasks.enqueue_job("count", "2026-12-06")
    task = DBTaskResult.objects.get()
    task.claim("killed-worker")  # the worker died here, before the job committed
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=3)
    )
    run_worker()
    assert calls == []  # still marked running: no worker takes it

    with keeping_the_test_transaction():
        assert schedule.requeue_stalled() == 1
    run_worker()
    run_worker()

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert len(task.worker_ids) == 2
    assert calls == ["2026-12-06"]


def test_a_failed_task_waits_before_its_retry() -> None:
    def broken(period: str) -> str:
        raise RuntimeError("the register is away")

    with mock.patch.dict(
        jobs.JOBS, {"broken": jobs.Job("broken", "0 1 * * *", jobs._night, broken)}
    ):
        tasks.enqueue_job("broken", "2026-12-06")
        run_worker()
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.exception_class_path == "builtins.RuntimeError"
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["args"] == ["broken", "2026-12-06", 2]
    pause = (retry.run_after - timezone.now()).total_seconds()
    assert 50 < pause <= 60


def test_the_schedule_enqueues_each_job_for_its_period(calls: list[str]) -> None:
    scheduler = schedule.build_scheduler()
    ids = {job.id for job in scheduler.get_jobs()}
    assert ids == {*jobs.JOBS, "requeue-stalled"}

    with keeping_the_test_transaction():
        schedule.enqueue_scheduled("count")
    run_worker()
    assert calls == [jobs._night(timezone.now())]

"""The scheduled jobs run through the task queue, each period's effect once, failures
retried after a growing pause."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import replace
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone
from django_tasks import TaskResultStatus

from velferd.organisation.models import Office
from velferd.project import jobs, tasks
from velferd.project.metrics import TASK_FAILURES
from velferd.project.models import JobRun

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def calls() -> Iterator[list[str]]:
    """A job "count" that records each time its effect runs."""
    seen: list[str] = []

    def run(period: str) -> str:
        seen.append(period)
        return "counted"

    job = jobs.Job("count", "0 1 * * *", jobs._night, run)
    with mock.patch.dict(jobs.JOBS, {"count": job}):
        yield seen


def test_every_nightly_and_monthly_command_has_a_scheduled_job() -> None:
    assert set(jobs.JOBS) == {
        "refresh-portfolio",
        "fill-places",
        "derive-outcomes",
        "funding-claims",
        "run-effects",
        "settlement-expire",
        "settlement-settle",
        "prune-task-results",
    }
    assert jobs.JOBS["funding-claims"].cron == "0 3 1 * *"


def test_the_periods_follow_norwegian_time() -> None:
    first_of_december = datetime.datetime(2026, 12, 1, 3, 0, tzinfo=OSLO)
    assert jobs.JOBS["funding-claims"].period_of(first_of_december) == "2026-11"
    late_evening_utc = datetime.datetime(2026, 12, 5, 23, 30, tzinfo=datetime.UTC)
    assert jobs.JOBS["refresh-portfolio"].period_of(late_evening_utc) == "2026-12-06"
    slot = datetime.datetime(2026, 12, 6, 10, 7, tzinfo=OSLO)
    assert jobs.JOBS["run-effects"].period_of(slot) == "2026-12-06T10:05"


def test_a_job_enqueued_runs_through_the_queue_and_is_recorded() -> None:
    result = tasks.run_job.enqueue("refresh-portfolio", "2026-12-06")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert "portfolio rows rewritten" in str(result.return_value)
    run = JobRun.objects.get(job="refresh-portfolio", period="2026-12-06")
    assert "portfolio rows rewritten" in run.summary


def test_the_nightly_settlement_job_expires_a_proposal_left_unanswered() -> None:
    from velferd.settlement.models import Proposal
    from velferd.settlement.tests.factories import DRAMMEN, a_case, a_proposal

    proposal = a_proposal(a_case(), DRAMMEN)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Proposal.objects.filter(pk=proposal.pk).update(answer_by=yesterday)
    result = tasks.run_job.enqueue("settlement-expire", "2026-12-06")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert "1 settlement proposals expired" in str(result.return_value)
    assert Proposal.objects.get(pk=proposal.pk).status == "expired"


def test_the_monthly_claims_run_for_the_month_given() -> None:
    result = tasks.run_job.enqueue("funding-claims", "2026-11")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert "claims" in JobRun.objects.get(job="funding-claims", period="2026-11").summary


def test_a_period_enqueued_twice_has_its_effect_once(calls: list[str]) -> None:
    first = tasks.run_job.enqueue("count", "2026-12-06")
    second = tasks.run_job.enqueue("count", "2026-12-06")
    tasks.run_job.enqueue("count", "2026-12-07")
    assert calls == ["2026-12-06", "2026-12-07"]
    assert first.return_value == "count 2026-12-06: counted"
    assert second.return_value == "count 2026-12-06: already done"
    assert JobRun.objects.filter(job="count").count() == 2


def test_a_failed_attempt_leaves_nothing_written_and_is_retried() -> None:
    office = Office.objects.order_by("unit_number").first()
    assert office is not None
    attempts: list[int] = []

    def flaky(period: str) -> str:
        attempts.append(1)
        Office.objects.filter(pk=office.pk).update(name_nb=Concat(F("name_nb"), Value("!")))
        if len(attempts) < 3:
            raise RuntimeError("the database went away")
        return "done"

    failures_before = TASK_FAILURES.labels("run_job")._value.get()
    job = jobs.Job("flaky", "0 1 * * *", jobs._night, flaky)
    with mock.patch.dict(jobs.JOBS, {"flaky": job}):
        tasks.run_job.enqueue("flaky", "2026-12-06")
    assert len(attempts) == 3
    office.refresh_from_db()
    assert office.name_nb.endswith("!") and not office.name_nb.endswith("!!")
    assert JobRun.objects.filter(job="flaky").count() == 1
    assert TASK_FAILURES.labels("run_job")._value.get() == failures_before + 2


def test_a_job_that_always_fails_stops_after_the_last_attempt() -> None:
    attempts: list[int] = []

    def broken(period: str) -> str:
        attempts.append(1)
        raise RuntimeError("no")

    job = replace(jobs.JOBS["fill-places"], name="broken", run=broken)
    with mock.patch.dict(jobs.JOBS, {"broken": job}):
        tasks.run_job.enqueue("broken", "2026-12-06")
    assert len(attempts) == 4
    assert not JobRun.objects.filter(job="broken").exists()


def test_the_pause_before_a_retry_doubles() -> None:
    assert [tasks.backoff(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]


def test_a_run_that_loses_the_race_undoes_its_writes(calls: list[str]) -> None:
    with transaction.atomic():
        real_create = JobRun.objects.create

        def someone_else_first(**fields: str) -> JobRun:
            real_create(**fields)
            return real_create(**fields)  # the unique period refuses the second

        with mock.patch.object(JobRun.objects, "create", side_effect=someone_else_first):
            answer = jobs.run_once("count", "2026-12-06")
    assert answer == "count 2026-12-06: already done"
    assert calls == ["2026-12-06"]

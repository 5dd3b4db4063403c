"""Reporting reads go to the replica when it is there, fresh and up, and the reader has not
just written; every other read, and every write, goes to the primary."""

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError, transaction
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from velferd.project import db_router
from velferd.project.db_router import (
    LAST_WRITE_COOKIE,
    PRIMARY,
    REPLICA,
    ReplicaProbe,
    ReportingReadsMiddleware,
    ReportingReadsRouter,
    primary_reads,
    read_alias,
    reporting_reads,
)


@pytest.fixture
def replica_lag(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float | None]]:
    """A configured replica whose lag the test sets: [seconds], or [None] when it is down."""
    lag: list[float | None] = [0.5]
    monkeypatch.setattr(db_router, "replica_configured", lambda: True)
    monkeypatch.setattr(db_router.probe, "lag_seconds", lambda: lag[0])
    yield lag


class TestWhereReadsGo:
    def test_without_a_replica_every_read_stays_on_the_primary(self) -> None:
        with reporting_reads():
            assert read_alias() == PRIMARY

    def test_a_reporting_read_goes_to_a_fresh_replica(self, replica_lag: list) -> None:
        with reporting_reads():
            assert read_alias() == REPLICA
        assert read_alias() == PRIMARY

    def test_a_replica_lagging_past_the_limit_is_passed_over(self, replica_lag: list) -> None:
        replica_lag[0] = db_router.DEFAULT_MAX_LAG_SECONDS + 1
        with reporting_reads():
            assert read_alias() == PRIMARY

    def test_a_replica_that_is_down_is_passed_over(self, replica_lag: list) -> None:
        replica_lag[0] = None
        with reporting_reads():
            assert read_alias() == PRIMARY

    def test_primary_reads_win_inside_a_reporting_read(self, replica_lag: list) -> None:
        with reporting_reads(), primary_reads():
            assert read_alias() == PRIMARY

    @pytest.mark.django_db
    def test_a_transaction_reads_what_it_writes(self, replica_lag: list) -> None:
        with reporting_reads(), transaction.atomic():
            assert read_alias() == PRIMARY

    def test_writes_and_migrations_only_touch_the_primary(self, replica_lag: list) -> None:
        router = ReportingReadsRouter()
        with reporting_reads():
            assert router.db_for_read(None) == REPLICA
            assert router.db_for_write(None) == PRIMARY
            assert router.db_for_read(Session) == PRIMARY
        assert router.allow_migrate(PRIMARY, "followup") is True
        assert router.allow_migrate(REPLICA, "followup") is False


class _Cursor:
    def __init__(self, row: tuple | None, fails: bool) -> None:
        self.row, self.fails = row, fails

    def __enter__(self) -> "_Cursor":
        if self.fails:
            raise OperationalError("connection refused")
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def execute(self, sql: str) -> None:
        assert "pg_last_xact_replay_timestamp" in sql

    def fetchone(self) -> tuple | None:
        return self.row


class _Connection:
    def __init__(self, row: tuple | None = None, fails: bool = False) -> None:
        self.row, self.fails, self.closed = row, fails, False

    def cursor(self) -> _Cursor:
        return _Cursor(self.row, self.fails)

    def close(self) -> None:
        self.closed = True


class TestTheProbe:
    def _probe(self, monkeypatch: pytest.MonkeyPatch, connection: _Connection) -> ReplicaProbe:
        monkeypatch.setattr(db_router, "connections", {REPLICA: connection})
        return ReplicaProbe()

    def test_reads_the_lag_in_seconds(self, monkeypatch: pytest.MonkeyPatch) -> None:
        assert self._probe(monkeypatch, _Connection(row=(12.5,))).lag_seconds() == 12.5

    def test_a_replica_that_refuses_is_down_and_its_connection_dropped(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        connection = _Connection(fails=True)
        assert self._probe(monkeypatch, connection).lag_seconds() is None
        assert connection.closed

    def test_the_answer_is_kept_for_a_few_seconds(self, monkeypatch: pytest.MonkeyPatch) -> None:
        now = [100.0]
        connection = _Connection(row=(1.0,))
        monkeypatch.setattr(db_router, "connections", {REPLICA: connection})
        probe = ReplicaProbe(clock=lambda: now[0])
        assert probe.lag_seconds() == 1.0
        connection.row = (30.0,)
        now[0] += db_router.DEFAULT_PROBE_CACHE_SECONDS - 1
        assert probe.lag_seconds() == 1.0
        now[0] += 1
        assert probe.lag_seconds() == 30.0


def _middleware(status: int = 200) -> tuple[ReportingReadsMiddleware, list[str]]:
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(read_alias())
        return HttpResponse(status=status)

    return ReportingReadsMiddleware(view), seen


class TestTheMiddleware:
    def test_statistics_pages_read_the_replica(self, replica_lag: list) -> None:
        middleware, seen = _middleware()
        middleware(RequestFactory().get("/sick-leave/groups/"))
        middleware(RequestFactory().get("/api/v1/results/employment"))
        middleware(RequestFactory().get("/people/"))
        assert seen == [REPLICA, REPLICA, PRIMARY]

    def test_a_write_keeps_the_writer_on_the_primary_for_a_while(self, replica_lag: list) -> None:
        middleware, seen = _middleware()
        response = middleware(RequestFactory().post("/sick-leave/import/"))
        cookie = response.cookies[LAST_WRITE_COOKIE]
        assert cookie["max-age"] == db_router.DEFAULT_READ_YOUR_WRITES_SECONDS
        assert cookie["httponly"]
        factory = RequestFactory()
        factory.cookies[LAST_WRITE_COOKIE] = "1"
        middleware(factory.get("/sick-leave/groups/"))
        assert seen == [PRIMARY, PRIMARY]

    def test_a_refused_write_does_not_count(self, replica_lag: list) -> None:
        middleware, _ = _middleware(status=400)
        response = middleware(RequestFactory().post("/sick-leave/import/"))
        assert LAST_WRITE_COOKIE not in response.cookies


@pytest.mark.django_db
def test_the_group_figures_page_answers_with_the_router_installed(client_as, settings) -> None:
    settings.DATABASE_ROUTERS = ["velferd.project.db_router.ReportingReadsRouter"]
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "velferd.project.db_router.ReportingReadsMiddleware",
    ]
    page = client_as("analytiker").get("/sick-leave/groups/")
    assert page.status_code == 200


def _production_databases(extra: dict[str, str]) -> dict[str, object]:
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REPLICA_URL")},
        "DJANGO_SETTINGS_MODULE": "velferd.settings.production",
        "VELFERD_SECRET_KEY": "x" * 50,
        "VELFERD_PSEUDONYM_KEY": "y" * 32,
        "DATABASE_URL": "postgres://velferd@db.example:5432/velferd",
        **extra,
    }
    script = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps({a: d['HOST'] for a, d in settings.DATABASES.items()}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_production_reads_its_replica_from_replica_url() -> None:
    assert _production_databases({}) == {"default": "db.example"}
    with_replica = _production_databases(
        {"REPLICA_URL": "postgres://velferd@replica.example/velferd"}
    )
    assert with_replica == {"default": "db.example", "replica": "replica.example"}

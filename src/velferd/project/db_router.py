"""Reporting reads on the streaming replica, everything else on the primary.

A request is a *reporting read* when it is a GET or HEAD under one of the reporting prefixes
(statistics, group figures, results, the Ministry's dashboard and their API routes), or when
code runs inside `reporting_reads()` (a command building a report). Its reads go to the
database alias "replica", unless:

- there is no "replica" alias (SQLite, development, tests): everything stays on "default";
- the user wrote something in the last `VELFERD_READ_YOUR_WRITES_SECONDS` (a cookie set by
  `ReportingReadsMiddleware` after every successful write): they read the primary, so they
  see what they just saved;
- a transaction is open on the primary: what it reads must be what it writes;
- the replica is down, or its replay lags more than `VELFERD_REPLICA_MAX_LAG_SECONDS`
  behind: the primary answers. The probe's answer is kept a few seconds per process, so a
  busy page does not ask the replica once per query.

Writes always go to the primary, and only the primary is migrated (the replica is a
physical copy of it).
"""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse

PRIMARY = "default"
REPLICA = "replica"
LAST_WRITE_COOKIE = "velferd_wrote"

DEFAULT_REPORTING_PREFIXES = (
    "/ministry/",
    "/sick-leave/",
    "/results/",
    "/api/v1/sickleave/",
    "/api/v1/results/",
)
# The shared cache (rate limits), sessions, login lockouts and the task queue must be read
# where they are written: a count or a lock read from a copy a second old is wrong.
PRIMARY_ONLY_APPS = frozenset({"django_cache", "sessions", "axes", "django_tasks_db"})
DEFAULT_READ_YOUR_WRITES_SECONDS = 30
DEFAULT_MAX_LAG_SECONDS = 10.0
DEFAULT_PROBE_CACHE_SECONDS = 5.0

_reporting: ContextVar[bool] = ContextVar("velferd_reporting_reads", default=False)
_read_primary: ContextVar[bool] = ContextVar("velferd_read_primary", default=False)

_LAG_SQL = (
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
    " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
    " ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END"
)


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


@contextmanager
def reporting_reads() -> Iterator[None]:
    """Reads inside the block may be answered by the replica."""
    token = _reporting.set(True)
    try:
        yield
    finally:
        _reporting.reset(token)


@contextmanager
def primary_reads() -> Iterator[None]:
    """Reads inside the block are answered by the primary, even in a reporting read."""
    token = _read_primary.set(True)
    try:
        yield
    finally:
        _read_primary.reset(token)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaProbe:
    """Asks the replica how far its replay lags; remembers the answer for a few seconds.

    `lag_seconds()` is None when the replica cannot be reached.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._checked_at: float | None = None
        self._lag: float | None = None

    def lag_seconds(self) -> float | None:
        ttl = float(_setting("VELFERD_REPLICA_PROBE_SECONDS", DEFAULT_PROBE_CACHE_SECONDS))
        with self._lock:
            now = self._clock()
            if self._checked_at is None or now - self._checked_at >= ttl:
                self._lag = self._measure()
                self._checked_at = now
            return self._lag

    def forget(self) -> None:
        with self._lock:
            self._checked_at = None

    def _measure(self) -> float | None:
        connection = connections[REPLICA]
        try:
            with connection.cursor() as cursor:
                cursor.execute(_LAG_SQL)
                row = cursor.fetchone()
        except DatabaseError:
            # A broken connection is dropped, so that the next probe connects afresh.
            connection.close()
            return None
        return float(row[0]) if row and row[0] is not None else 0.0


probe = ReplicaProbe()


def replica_usable() -> bool:
    """The replica is configured, answers, and lags no more than the limit."""
    if not replica_configured():
        return False
    lag = probe.lag_seconds()
    limit = float(_setting("VELFERD_REPLICA_MAX_LAG_SECONDS", DEFAULT_MAX_LAG_SECONDS))
    return lag is not None and lag <= limit


def read_alias() -> str:
    """Where a read without an explicit database goes now."""
    if not _reporting.get() or _read_primary.get():
        return PRIMARY
    if connections[PRIMARY].in_atomic_block:
        return PRIMARY
    return REPLICA if replica_usable() else PRIMARY


class ReportingReadsRouter:
    """Django database router: see the module."""

    def db_for_read(self, model: Any, **hints: Any) -> str:
        if model is not None and model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        return read_alias()

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # Both aliases hold the same rows: the replica is a copy of the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY


def is_reporting_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    prefixes = _setting("VELFERD_REPORTING_PATH_PREFIXES", DEFAULT_REPORTING_PREFIXES)
    return request.path.startswith(tuple(prefixes))


def _is_successful_write(request: HttpRequest, response: HttpResponse) -> bool:
    return request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400


class ReportingReadsMiddleware:
    """Marks reporting reads for the router, and remembers a user's last write (a cookie
    that lives `VELFERD_READ_YOUR_WRITES_SECONDS`: while it does, their reads stay on the
    primary)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        wrote_recently = LAST_WRITE_COOKIE in request.COOKIES
        token = _reporting.set(is_reporting_request(request) and not wrote_recently)
        try:
            response = self.get_response(request)
        finally:
            _reporting.reset(token)
        if _is_successful_write(request, response):
            seconds = int(
                _setting("VELFERD_READ_YOUR_WRITES_SECONDS", DEFAULT_READ_YOUR_WRITES_SECONDS)
            )
            response.set_cookie(
                LAST_WRITE_COOKIE,
                "1",
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response

"""Health checks for the load balancer and the platform (docs/architecture.md, "Operating").

/health/live: the process answers (no database), for restarting a hung process.
/health/ready: the database answers, the task queue can be read (with its depth) and, when a
replica is configured (DATABASES["replica"]), how far it lags. 503 when the database or the
queue fails. A replica that is down or lagging is reported but leaves the answer 200: the
reporting reads fall back to the primary, so the app server can still serve."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

REPLICA = "replica"
DEFAULT_MAX_LAG_SECONDS = 10.0
_LAG_SQL = (
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
    " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
    " ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END"
)


class HealthMiddleware:
    """Answers /health/live and /health/ready before the host check and every other
    middleware: a probe calls the pod by its address, with no session or language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = CHECKS.get(request.path)
        if view is None:
            return self.get_response(request)
        request.metrics_route = request.path  # type: ignore[attr-defined]
        return view(request)


@never_cache
@require_GET
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    checks: dict[str, dict[str, Any]] = {
        "database": _database(),
        "queue": _queue(),
    }
    if replica_configured():
        checks["replica"] = _replica()
    healthy = checks["database"]["ok"] and checks["queue"]["ok"]
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def _database() -> dict[str, Any]:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any failure to reach it means not ready
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True}


def queue_depth() -> int:
    """Tasks waiting for a worker (ready to run now or later)."""
    return DBTaskResult.objects.filter(status="READY").count()


def _queue() -> dict[str, Any]:
    try:
        depth = queue_depth()
    except Exception as error:
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "depth": depth}


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def replica_lag_seconds() -> float:
    connection = connections[REPLICA]
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute(_LAG_SQL)
        return float(cursor.fetchone()[0])


def _replica() -> dict[str, Any]:
    limit = float(getattr(settings, "VELFERD_REPLICA_MAX_LAG_SECONDS", DEFAULT_MAX_LAG_SECONDS))
    try:
        lag = replica_lag_seconds()
    except Exception as error:
        return {"ok": False, "error": type(error).__name__, "reads": "primary"}
    within = lag <= limit
    return {"ok": within, "lag_seconds": round(lag, 3), "reads": "replica" if within else "primary"}


CHECKS: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "/health/live": live,
    "/health/ready": ready,
}

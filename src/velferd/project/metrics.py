"""Prometheus metrics at /metrics (prometheus_client): requests and their latency per route,
the task queue's depth and its failed tasks.

Several app server processes (gunicorn) each count their own requests: with
PROMETHEUS_MULTIPROC_DIR naming a folder of the app server's own (gunicorn_conf.py empties it
at start), each writes its counts there and /metrics adds them up. The queue's figures
are read from the database when scraped, so every app server reports the same queue.

/metrics answers only to a request made on the loopback address itself (a sidecar or the
node's agent; not one passed on by the proxy, which adds X-Forwarded-For), or to a scraper
that sends `Authorization: Bearer <VELFERD_METRICS_TOKEN>`; anyone else gets 404."""

from __future__ import annotations

import hmac
import os
import time
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.views.decorators.cache import never_cache
from django_tasks import TaskResult, TaskResultStatus
from django_tasks_db.models import DBTaskResult
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

REQUESTS = Counter("velferd_http_requests", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram(
    "velferd_http_request_duration_seconds",
    "Time to answer a request, by route",
    ["method", "route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
TASK_FAILURES = Counter("velferd_task_failures", "Task attempts that failed", ["task"])
LOOPBACK = {"127.0.0.1", "::1"}


def route_of(request: HttpRequest) -> str:
    """The route's pattern (bounded: never the ids in the path), or "unmatched"."""
    named = getattr(request, "metrics_route", None)
    if named:
        return str(named)
    match = getattr(request, "resolver_match", None)
    return f"/{match.route}" if match is not None and match.route else "unmatched"


class MetricsMiddleware:
    """Counts every request and its time, by method, route pattern and status; answers
    /metrics itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/metrics":
            # Answered here, before the host check: the scraper calls a pod by its address.
            return metrics(request)
        started = time.perf_counter()
        response = self.get_response(request)
        route = route_of(request)
        LATENCY.labels(request.method, route).observe(time.perf_counter() - started)
        REQUESTS.labels(request.method, route, str(response.status_code)).inc()
        return response


class QueueCollector(Collector):
    """The task queue's tasks by status, read from the database at each scrape."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        tasks = GaugeMetricFamily(
            "velferd_queue_tasks", "Tasks in the queue by status", labels=["status"]
        )
        depth = GaugeMetricFamily("velferd_queue_depth", "Tasks waiting for a worker")
        counts = _counts_by_status()
        for status in ("READY", "RUNNING", "SUCCESSFUL", "FAILED"):
            tasks.add_metric([status], counts.get(status, 0))
        depth.add_metric([], counts.get("READY", 0))
        yield tasks
        yield depth


def _counts_by_status() -> dict[str, int]:
    rows = DBTaskResult.objects.order_by().values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def _registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_Forward(REGISTRY))
    registry.register(QueueCollector())
    return registry


class _Forward(Collector):
    def __init__(self, source: CollectorRegistry) -> None:
        self.source = source

    def collect(self) -> Iterator[object]:  # type: ignore[override]
        yield from self.source.collect()


def allowed(request: HttpRequest) -> bool:
    token = settings.VELFERD_METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    # A request the proxy passed on comes from loopback too, but carries X-Forwarded-For.
    proxied = "X-Forwarded-For" in request.headers
    return request.META.get("REMOTE_ADDR") in LOOPBACK and not proxied


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not allowed(request):
        return HttpResponseNotFound("Not found", content_type="text/plain")
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)


def count_task_failure(sender: object, task_result: TaskResult, **kwargs: object) -> None:
    """task_finished's receiver: a failed attempt counts, by task."""
    if task_result.status == TaskResultStatus.FAILED:
        TASK_FAILURES.labels(task_result.task.name).inc()

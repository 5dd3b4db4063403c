"""/metrics: what Prometheus scrapes, and who may scrape it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, override_settings

from velferd.project.tasks import run_job

pytestmark = pytest.mark.django_db


def scrape(client: Client | None = None, authorization: str = "") -> str:
    extra: dict[str, Any] = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = (client or Client()).get("/metrics", **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def sample(text: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        match = re.fullmatch(rf"{name}\{{(.*)\}} (\S+)", line)
        if match and ",".join(sorted(match.group(1).split(","))) == wanted:
            return float(match.group(2))
    return 0.0


def test_a_request_is_counted_by_its_route_with_its_time() -> None:
    before = scrape()
    assert Client().get("/offices/").status_code == 200
    after = scrape()
    labels = {"method": "GET", "route": "/offices/", "status": "200"}
    counted = sample(after, "velferd_http_requests_total", **labels)
    assert counted == sample(before, "velferd_http_requests_total", **labels) + 1
    timed = sample(
        after, "velferd_http_request_duration_seconds_count", method="GET", route="/offices/"
    )
    assert timed >= 1
    assert 'le="0.25"' in after


def test_a_route_with_an_id_is_counted_by_its_pattern(client_as: Callable[[str], Client]) -> None:
    client_as("veileder").get("/offices/0301/")
    text = scrape()
    assert 'route="/offices/<str:unit_number>/"' in text
    assert 'route="/offices/0301/"' not in text


def test_the_queue_depth_and_failed_tasks_are_exposed() -> None:
    run_job.enqueue("no-such-job", "2026-12-06")
    text = scrape()
    assert re.search(r"^velferd_queue_depth \d+", text, re.MULTILINE)
    assert 'velferd_queue_tasks{status="READY"}' in text
    assert sample(text, "velferd_task_failures_total", task="run_job") >= 1


def test_a_request_from_elsewhere_is_refused() -> None:
    response = Client(REMOTE_ADDR="10.20.30.40").get("/metrics")
    assert response.status_code == 404
    assert b"velferd_http_requests" not in response.content


def test_a_request_passed_on_by_the_proxy_is_refused() -> None:
    response = Client().get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 404


@override_settings(VELFERD_METRICS_TOKEN="scrape-secret-0123456789")
def test_a_scraper_with_the_token_is_answered_from_anywhere() -> None:
    elsewhere = Client(REMOTE_ADDR="10.20.30.40")
    assert "velferd_http_requests" in scrape(elsewhere, "Bearer scrape-secret-0123456789")
    wrong = elsewhere.get("/metrics", HTTP_AUTHORIZATION="Bearer guess")
    assert wrong.status_code == 404

"""/health/live and /health/ready, as a load balancer or the platform's probe reads them."""

from __future__ import annotations

from collections.abc import Iterator
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client, override_settings

from velferd.project import health

pytestmark = pytest.mark.django_db


def probe() -> Client:
    # The platform calls the pod by its address, which is no allowed host.
    return Client(HTTP_HOST="10.0.3.17:8000")


def test_live_answers_without_the_database() -> None:
    with mock.patch.object(health, "_database", side_effect=AssertionError("no database")):
        response = probe().get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_reports_the_database_and_the_queue_depth() -> None:
    response = probe().get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["queue"] == {"ok": True, "depth": 0}
    assert response["Cache-Control"].startswith("max-age=0")


def test_ready_is_503_when_the_database_is_down() -> None:
    broken = mock.MagicMock()
    broken.cursor.side_effect = OperationalError("connection refused")
    with (
        mock.patch.object(health, "connections", {"default": broken}),
        mock.patch.object(health, "queue_depth", side_effect=OperationalError("refused")),
    ):
        response = probe().get("/health/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}


def test_ready_is_503_when_the_queue_cannot_be_read() -> None:
    with mock.patch.object(health, "queue_depth", side_effect=OperationalError("no table")):
        response = probe().get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["queue"] == {"ok": False, "error": "OperationalError"}
    assert response.json()["checks"]["database"] == {"ok": True}


@pytest.fixture
def with_replica() -> Iterator[None]:
    with mock.patch.object(health, "replica_configured", return_value=True):
        yield


@pytest.mark.usefixtures("with_replica")
@override_settings(VELFERD_REPLICA_MAX_LAG_SECONDS=10)
def test_a_lagging_replica_is_reported_and_reads_go_to_the_primary() -> None:
    with mock.patch.object(health, "replica_lag_seconds", return_value=42.5):
        response = probe().get("/health/ready")
    assert response.status_code == 200
    replica = response.json()["checks"]["replica"]
    assert replica == {"ok": False, "lag_seconds": 42.5, "reads": "primary"}


@pytest.mark.usefixtures("with_replica")
def test_a_replica_down_leaves_the_app_server_ready() -> None:
    with mock.patch.object(
        health, "replica_lag_seconds", side_effect=OperationalError("replica down")
    ):
        response = probe().get("/health/ready")
    assert response.status_code == 200
    assert response.json()["checks"]["replica"] == {
        "ok": False,
        "error": "OperationalError",
        "reads": "primary",
    }


@pytest.mark.usefixtures("with_replica")
def test_a_replica_close_behind_is_read() -> None:
    with mock.patch.object(health, "replica_lag_seconds", return_value=0.2):
        response = probe().get("/health/ready")
    assert response.json()["checks"]["replica"] == {
        "ok": True,
        "lag_seconds": 0.2,
        "reads": "replica",
    }


def test_only_get_is_answered() -> None:
    assert probe().post("/health/ready").status_code == 405

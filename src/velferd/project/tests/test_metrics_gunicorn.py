"""/metrics of a real gunicorn app server with two worker processes counts every request
answered by either of them, not one worker's share (PROMETHEUS_MULTIPROC_DIR, as
scripts/topology.sh and the NAIS manifest set it)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import dj_database_url
import pytest
from django.db.utils import ConnectionHandler
from django_tasks_db.models import DBTaskResult
from pytest_django import DjangoDbBlocker

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def a_database_with_the_queue(folder: Path, blocker: DjangoDbBlocker) -> str:
    """An SQLite file with only the task table, which /metrics reads."""
    url = f"sqlite:///{folder / 'app.sqlite3'}"
    handler = ConnectionHandler({"default": dj_database_url.parse(url)})
    with blocker.unblock(), handler["default"].schema_editor() as editor:
        editor.create_model(DBTaskResult)
    handler["default"].close()
    return url


@pytest.fixture
def app_server(tmp_path: Path, django_db_blocker: DjangoDbBlocker) -> Iterator[tuple[str, Path]]:
    port = free_port()
    environment = {
        **{k: v for k, v in os.environ.items() if k not in ("REPLICA_URL", "DATABASE_URL")},
        "DJANGO_SETTINGS_MODULE": "velferd.settings.loopback",
        "DATABASE_URL": a_database_with_the_queue(tmp_path, django_db_blocker),
        "VELFERD_VAR_DIR": str(tmp_path),
        "VELFERD_SECRET_KEY": "metrics-test-key-0123456789abcdef0123456789",
        "VELFERD_PSEUDONYM_KEY": "metrics-test-pseudonyms-0123456789",
        "VELFERD_ALLOWED_HOSTS": "127.0.0.1",
        "VELFERD_SECURE_SSL_REDIRECT": "0",
        "VELFERD_BIND": f"127.0.0.1:{port}",
        "VELFERD_WORKERS": "2",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
    }
    access_log = tmp_path / "access.log"
    command = [str(BIN / "gunicorn"), "-c", "python:velferd.project.gunicorn_conf"]
    command += ["velferd.wsgi", "--access-logfile", str(access_log)]
    command += ["--access-logformat", "%(p)s %(U)s"]
    with (tmp_path / "gunicorn.log").open("w") as log:
        server = subprocess.Popen(
            command, env=environment, stdout=log, stderr=log, start_new_session=True
        )
        try:
            yield f"http://127.0.0.1:{port}", access_log
        finally:
            server.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
            try:
                server.wait(timeout=3)
            except subprocess.TimeoutExpired:  # the workers have gone; the master unloads
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)


def get(url: str) -> str:
    # Long enough that no request is given up while still waiting to be answered (and counted).
    with urllib.request.urlopen(url, timeout=120) as answer:
        return str(answer.read().decode())


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            get(url)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def live_requests_counted(base: str) -> float:
    """velferd_http_requests_total of /health/live in one scrape (not counted itself)."""
    text = get(f"{base}/metrics")
    counted = re.findall(
        r'^velferd_http_requests_total\{[^}]*route="/health/live"[^}]*\} (\S+)$', text, re.M
    )
    return sum(float(value) for value in counted)


def workers_that_answered(access_log: Path) -> set[str]:
    return {
        line.split()[0] for line in access_log.read_text().splitlines() if "/health/live" in line
    }


def test_metrics_add_up_the_requests_of_every_worker(app_server: tuple[str, Path]) -> None:
    base, access_log = app_server
    wait_for(f"{base}/health/live")
    before = live_requests_counted(base)
    sent = 0
    # Until both workers have answered some (the kernel hands each connection to one of them).
    while sent < 20 or len(workers_that_answered(access_log)) < 2:
        get(f"{base}/health/live")
        sent += 1
        assert sent < 500, "one worker answered every request"

    assert live_requests_counted(base) == before + sent
    assert len(workers_that_answered(access_log)) == 2

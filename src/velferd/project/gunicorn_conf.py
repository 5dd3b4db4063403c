"""gunicorn's settings for the app servers: `gunicorn -c python:velferd.project.gunicorn_conf
velferd.wsgi` (the image, make scale-demo, bench/). The application and every page's module
are imported once in the master before it forks, so that no worker spends its first request
importing the estimators' libraries, which on a busy machine outlasted the worker timeout.

With several workers, PROMETHEUS_MULTIPROC_DIR names a folder of this app server's own (one
per gunicorn, emptied when it starts): each worker writes its counts there and /metrics adds
them up (project/metrics.py)."""

import os
from pathlib import Path

bind = os.environ.get("VELFERD_BIND", "0.0.0.0:8080")
workers = int(os.environ.get("VELFERD_WORKERS", "3"))
preload_app = True
timeout = 60
graceful_timeout = 20
# The workers' heartbeat files in memory, not on a disk that may stall (container images).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
control_socket_disable = True


def when_ready(server: object) -> None:
    """Resolve the URL configuration in the master: it imports every view module."""
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - loading is the point
    # No connection opened while importing may be shared by the forked workers.
    connections.close_all()


def on_starting(server: object) -> None:
    """A fresh metrics folder: counts left by an earlier run would be added to this one's."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for stale in Path(folder).glob("*.db"):
            stale.unlink()


def child_exit(server: object, worker: object) -> None:
    """A worker that ended (restarted after a timeout, killed): its counts stay in the sum,
    its live gauges are dropped."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]

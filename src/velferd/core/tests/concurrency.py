"""Helpers for tests that race real database connections against each other.

Such tests run with `@pytest.mark.django_db(transaction=True)`: every thread opens its own
connection, so the writes really are concurrent, and the database is emptied after the test
(`demo_loaded` loads the reference and demo data again first). Row locks, deadlocks and
serialization failures are PostgreSQL's business: on SQLite one writer holds the whole
database, so the races are run there only where they still say something."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from django.conf import settings
from django.db import connections

from velferd.access.actor import system_actor

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

postgresql_only = pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="races need concurrent connections: PostgreSQL; SQLite takes one writer at a time",
)


def load_demo_data() -> None:
    """The reference and demo data a transactional test starts from (the flush after the
    previous one left the database empty)."""
    from velferd.demo import load_demo
    from velferd.project.reference import load_reference

    load_reference(actor=system_actor("tests"))
    load_demo(actor=system_actor("tests"))


def run_together(tasks: Sequence[Callable[[], Any]], timeout: float = 60) -> list[Any]:
    """Run the tasks at the same moment, one thread and one database connection each;
    returns what each returned, or the exception it raised."""
    start = threading.Barrier(len(tasks))
    results: list[Any] = [None] * len(tasks)

    def run(index: int, task: Callable[[], Any]) -> None:
        try:
            start.wait()
            results[index] = task()
        except Exception as error:  # the test decides what the error means
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, task)) for index, task in enumerate(tasks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return results

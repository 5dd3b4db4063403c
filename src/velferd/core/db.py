"""The only place where database-vendor differences are allowed to show."""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import OperationalError, connection, transaction

from .errors import CONFLICT, DomainError

P = ParamSpec("P")
T = TypeVar("T")

# SQLSTATEs of a transaction the database aborted so that another could go on: running it
# again is safe and will usually succeed.
DEADLOCK_DETECTED = "40P01"
SERIALIZATION_FAILURE = "40001"
RETRYABLE_STATES = frozenset({DEADLOCK_DETECTED, SERIALIZATION_FAILURE})
ATTEMPTS = 4
FIRST_PAUSE = 0.05  # seconds; doubled after every failed attempt, and jittered


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def is_retryable(error: BaseException) -> bool:
    """Whether the database aborted the transaction for a deadlock or a serialization
    failure (the driver's error, wrapped by Django, carries the SQLSTATE)."""
    cause = error.__cause__ or error
    return getattr(cause, "sqlstate", None) in RETRYABLE_STATES


def write_conflict() -> DomainError:
    return DomainError(
        code="write_conflict",
        message_nb="Andre endret de samme opplysningene samtidig, og ingenting ble lagret. "
        "Prøv igjen.",
        message_en="Others changed the same records at the same moment and nothing was "
        "saved. Try again.",
        status=CONFLICT,
    )


def _pause(attempt: int) -> None:
    time.sleep(random.uniform(0, FIRST_PAUSE * 2 ** (attempt - 1)))


def run_retried(work: Callable[[], T], *, attempts: int | None = None) -> T:
    """Run `work` in a transaction of its own, and again after a short random pause when the
    database aborts it for a deadlock or a serialization failure; when every attempt is
    aborted, the caller gets a 409. Only database work belongs in `work`: a failed attempt
    is rolled back whole, and nothing outside the database may have happened twice.

    Inside a transaction someone else began, `work` runs once: only the outermost
    transaction can be run again, and that is its owner's to do."""
    if transaction.get_connection().in_atomic_block:
        with transaction.atomic():
            return work()
    attempts = attempts or ATTEMPTS  # read now, so that a test may allow a single attempt
    for attempt in range(1, attempts + 1):
        try:
            with transaction.atomic():
                return work()
        except OperationalError as error:
            if not is_retryable(error):
                raise
            if attempt == attempts:
                raise write_conflict() from error
            _pause(attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def retried_atomic(function: Callable[P, T]) -> Callable[P, T]:
    """`transaction.atomic` for a service, retried as `run_retried` says."""

    @functools.wraps(function)
    def in_transaction(*args: P.args, **kwargs: P.kwargs) -> T:
        return run_retried(lambda: function(*args, **kwargs))

    return in_transaction

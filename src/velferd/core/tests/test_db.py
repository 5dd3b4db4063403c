"""run_retried: a transaction the database aborts for a deadlock or a serialization failure
is run again, a few times, after a short random pause; then the caller gets a 409. Anything
else, and anything inside someone else's transaction, is not retried."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import IntegrityError, OperationalError, connection

from velferd.core import db
from velferd.core.errors import DomainError
from velferd.core.tests.concurrency import postgresql_only, run_together
from velferd.organisation.models import Ministry


class DriverError(Exception):
    """What the database driver raises: the SQLSTATE rides along."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def aborted(sqlstate: str) -> OperationalError:
    """The error as Django hands it on: wrapping the driver's."""
    error = OperationalError("the transaction was aborted")
    error.__cause__ = DriverError(sqlstate)
    return error


def failing(times: int, error: Callable[[], Exception]) -> Callable[[], str]:
    """Work that writes a row and then fails `times` times before it goes through."""
    calls: list[int] = []

    def work() -> str:
        calls.append(1)
        Ministry.objects.create(slug=f"attempt-{len(calls)}", name_nb="Forsøk", name_en="Try")
        if len(calls) <= times:
            raise error()
        return f"done after {len(calls)}"

    return work


def attempts_kept() -> list[str]:
    return list(Ministry.objects.filter(slug__startswith="attempt-").values_list("slug", flat=True))


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(db.time, "sleep", slept.append)
    return slept


class TestIsRetryable:
    @pytest.mark.parametrize("sqlstate", ["40P01", "40001"])
    def test_a_deadlock_or_a_serialization_failure_is_retryable(self, sqlstate: str) -> None:
        assert db.is_retryable(aborted(sqlstate))

    @pytest.mark.parametrize("sqlstate", ["23505", "57014", "08006"])
    def test_other_database_errors_are_not(self, sqlstate: str) -> None:
        assert not db.is_retryable(aborted(sqlstate))

    def test_an_error_without_a_sqlstate_is_not(self) -> None:
        assert not db.is_retryable(OperationalError("database is locked"))


@pytest.mark.django_db(transaction=True)
class TestRunRetried:
    def test_an_aborted_attempt_is_run_again_and_only_the_last_is_kept(
        self, pauses: list[float]
    ) -> None:
        result = db.run_retried(failing(2, lambda: aborted("40P01")))

        assert result == "done after 3"
        assert attempts_kept() == ["attempt-3"]
        assert len(pauses) == 2

    def test_the_pauses_are_random_and_grow(self, pauses: list[float]) -> None:
        with pytest.raises(DomainError):
            db.run_retried(failing(99, lambda: aborted("40001")), attempts=4)

        limits = [db.FIRST_PAUSE * 2**n for n in range(3)]
        assert all(0 <= pause <= limit for pause, limit in zip(pauses, limits, strict=True))

    def test_when_every_attempt_is_aborted_the_answer_is_409_and_nothing_is_kept(
        self, pauses: list[float]
    ) -> None:
        with pytest.raises(DomainError) as refused:
            db.run_retried(failing(99, lambda: aborted("40P01")), attempts=3)

        assert refused.value.status == 409
        assert refused.value.code == "write_conflict"
        assert attempts_kept() == []
        assert len(pauses) == 2

    def test_another_database_error_is_not_retried(self, pauses: list[float]) -> None:
        with pytest.raises(IntegrityError):
            db.run_retried(failing(1, lambda: IntegrityError("duplicate")))

        assert attempts_kept() == []
        assert pauses == []

    def test_the_decorator_retries_the_whole_function(self, pauses: list[float]) -> None:
        work = failing(1, lambda: aborted("40001"))

        assert db.retried_atomic(work)() == "done after 2"
        assert attempts_kept() == ["attempt-2"]


@pytest.mark.django_db
def test_inside_someone_elses_transaction_the_work_runs_once(pauses: list[float]) -> None:
    assert connection.in_atomic_block
    with pytest.raises(OperationalError):
        db.run_retried(failing(1, lambda: aborted("40P01")))

    assert pauses == []


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_real_deadlock_is_retried_and_both_transactions_go_through() -> None:
    """Two transactions take two locks in opposite orders; PostgreSQL aborts one of them,
    which runs again once the other has committed."""
    meet = threading.Barrier(2, timeout=10)
    attempts: list[str] = []

    def locking(first: int, second: int) -> Callable[[], str]:
        mine: list[int] = []

        def work() -> str:
            mine.append(1)
            attempts.append(f"{first}-{second}")
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [first])
                if len(mine) == 1:  # both hold their first lock before either asks for more
                    meet.wait()
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [second])
            return "locked both"

        return lambda: db.run_retried(work)

    results = run_together([locking(1, 2), locking(2, 1)])

    assert results == ["locked both", "locked both"]
    assert len(attempts) == 3

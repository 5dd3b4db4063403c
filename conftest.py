"""Shared test set-up: one database per run (per worker when the run is parallel: pytest-xdist
gives each worker its own test database), loaded once with the reference data, the demo
offices and the demo logins; each test runs in a transaction that is rolled back.

A transactional test (the browser tests, the races over real connections) commits, and
pytest-django empties the database after it. The next test that uses the database finds the
reference and demo data put back as first loaded (tests/database_snapshot.py), so no test
depends on running before or after a transactional one, whatever order a parallel run gives
the tests on a worker."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings
from pytest_django.plugin import blocking_manager_key

from tests import database_snapshot
from velferd.access.actor import Actor, system_actor
from velferd.access.models import User
from velferd.core.testing import login_actor

# The generated tests check rules, not speed: on a shared, busy machine an example may take
# longer than hypothesis's default 200 ms, which is no failure of the rule under test.
hypothesis_settings.register_profile("velferd", deadline=None)
hypothesis_settings.load_profile("velferd")

DATABASE_EMPTIED = pytest.StashKey[bool]()
AS_LOADED = pytest.StashKey[database_snapshot.Snapshot]()
DATABASE_FIXTURES = ("db", "transactional_db", "live_server", "_django_db_helper")


def load_reference_and_demo() -> None:
    from velferd.demo import load_demo
    from velferd.project.reference import load_reference

    load_reference(actor=system_actor("tests"))
    load_demo(actor=system_actor("tests"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, pytestconfig):  # type: ignore[no-untyped-def,unused-ignore]
    with django_db_blocker.unblock():
        load_reference_and_demo()
        pytestconfig.stash[AS_LOADED] = database_snapshot.take()


def _uses_database(item: pytest.Item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") is not None or any(
        name in fixtures for name in DATABASE_FIXTURES
    )


def _is_transactional(request: pytest.FixtureRequest) -> bool:
    marker = request.node.get_closest_marker("django_db")
    marked = marker is not None and bool(
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    )
    fixtures = request.fixturenames
    return marked or "transactional_db" in fixtures or "live_server" in fixtures


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    if item.config.stash.get(DATABASE_EMPTIED, False) and _uses_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            database_snapshot.restore(item.config.stash[AS_LOADED])
        item.config.stash[DATABASE_EMPTIED] = False
    return (yield)


@pytest.fixture(autouse=True)
def demo_data_back_after_a_flush(request: pytest.FixtureRequest) -> Iterator[None]:
    """Marks the database emptied after a transactional test (the flush comes in
    pytest-django's own teardown); the next test that uses it gets the data back."""
    yield
    if _is_transactional(request):
        request.config.stash[DATABASE_EMPTIED] = True


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> None:
    """Rate limits count in the cache; every test starts with none spent."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def system() -> Actor:
    return system_actor("tests")


@pytest.fixture
def actor_of_login(db: None) -> Callable[[str], Actor]:
    """The Actor of a demo login: actor_of_login("admin")."""
    return login_actor


@pytest.fixture
def client_as(db: None) -> Callable[[str], Client]:
    """A test client logged in as a demo login: client_as("veileder")."""

    def get(username: str) -> Client:
        client = Client()
        client.force_login(User.objects.get(username=username))
        return client

    return get
